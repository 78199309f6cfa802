"""Tokenizer and normaliser for label ingredient lists (skincli.label.inci): pure, no database."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from skincli.label.inci import LabelToken, loose_key, normalize, ocr_variants, split_label


def names(text: str) -> list[str]:
    """The first candidate of every token: what the scanner tries first."""
    return [t.candidates[0] for t in split_label(text)]


def token(text: str, raw: str) -> LabelToken:
    found = [t for t in split_label(text) if t.raw == raw]
    assert len(found) == 1, [t.raw for t in split_label(text)]
    return found[0]


# --- separators -------------------------------------------------------------------------------


def test_commas_and_semicolons_split_and_positions_count_from_one() -> None:
    tokens = split_label("Aqua, Glycerin; Niacinamide ,Panthenol")
    assert [t.candidates[0] for t in tokens] == ["AQUA", "GLYCERIN", "NIACINAMIDE", "PANTHENOL"]
    assert [t.position for t in tokens] == [1, 2, 3, 4]


def test_comma_inside_a_chemical_name_does_not_split() -> None:
    assert names("Pentylene Glycol, 1,2-Hexanediol, Caprylyl Glycol") == [
        "PENTYLENE GLYCOL",
        "1,2-HEXANEDIOL",
        "CAPRYLYL GLYCOL",
    ]


def test_comma_inside_a_short_gloss_does_not_split() -> None:
    assert names("Tocopherol (Vitamin E, antioxidant), Aqua") == ["TOCOPHEROL", "AQUA"]


def test_line_breaks_join_words_but_a_blank_line_separates() -> None:
    assert names("Aqua, Sodium\nCocoyl Glycinate, Citric\r\nAcid\n\nParfum") == [
        "AQUA",
        "SODIUM COCOYL GLYCINATE",
        "CITRIC ACID",
        "PARFUM",
    ]


def test_period_followed_by_a_name_separates_but_decimals_do_not() -> None:
    assert names("Homosalate. Bis-Ethylhexyloxyphenol Methoxyphenyl Triazine, Toluene-2.5-Diamine.") == [
        "HOMOSALATE",
        "BIS-ETHYLHEXYLOXYPHENOL METHOXYPHENYL TRIAZINE",
        "TOLUENE-2.5-DIAMINE",
    ]


def test_and_in_brackets_splits_a_blend() -> None:
    assert names("Glyceryl Stearate (and) PEG-100 Stearate, Aqua") == [
        "GLYCERYL STEARATE",
        "PEG-100 STEARATE",
        "AQUA",
    ]


def test_trailing_periods_are_dropped_but_alcohol_denat_keeps_its_own() -> None:
    tokens = split_label("Aqua, Alcohol Denat., Parfum.")
    assert [t.candidates[0] for t in tokens] == ["AQUA", "ALCOHOL DENAT.", "PARFUM"]
    assert tokens[1].raw == "Alcohol Denat."


def test_mixed_case_comes_out_upper_case() -> None:
    assert names("aQua, sodium HYALURONATE") == ["AQUA", "SODIUM HYALURONATE"]


# --- alternatives -----------------------------------------------------------------------------


def test_slash_alternatives_whole_first_then_each_part() -> None:
    assert split_label("Aqua/Water/Eau")[0].candidates == ("AQUA/WATER/EAU", "AQUA", "WATER", "EAU")
    assert split_label("AQUA / WATER")[0].candidates == ("AQUA / WATER", "AQUA", "WATER")
    assert split_label("Water\\Aqua\\Eau")[0].candidates[1:] == ("WATER", "AQUA", "EAU")


def test_trailing_bracket_is_an_alternative_name() -> None:
    assert split_label("Aqua (Water)")[0].candidates == ("AQUA", "WATER")
    assert split_label("Titanium Dioxide (CI 77891)")[0].candidates == ("TITANIUM DIOXIDE", "CI 77891")


def test_inner_bracket_is_a_gloss_dropped_not_a_candidate() -> None:
    candidates = split_label("Avena Sativa (Oat) Kernel Flour")[0].candidates
    assert candidates == ("AVENA SATIVA (OAT) KERNEL FLOUR", "AVENA SATIVA KERNEL FLOUR")
    assert "OAT" not in candidates


def test_unspaced_brackets_belong_to_the_name() -> None:
    assert split_label("Poly(Methyl Styrene Isopropanol Ketone)")[0].candidates == ("POLY(METHYL STYRENE ISOPROPANOL KETONE)",)


def test_line_break_hyphen_gets_a_rejoined_candidate() -> None:
    assert "CETEARYL ALCOHOL" in split_label("CETEA - RYL ALCOHOL")[0].candidates


# --- colours and shade blocks -------------------------------------------------------------------


def test_bracketed_may_contain_block() -> None:
    tokens = split_label("Aqua, Mica [+/- CI 77491, CI 77492, CI 77499]")
    assert [(t.candidates[0], t.may_contain) for t in tokens] == [
        ("AQUA", False),
        ("MICA", False),
        ("CI 77491", True),
        ("CI 77492", True),
        ("CI 77499", True),
    ]


def test_unbracketed_may_contain_runs_to_the_end() -> None:
    tokens = split_label("Talc, Dimethicone, +/- (may contain) CI 77891, CI 77491")
    assert [(t.candidates[0], t.may_contain) for t in tokens] == [
        ("TALC", False),
        ("DIMETHICONE", False),
        ("CI 77891", True),
        ("CI 77491", True),
    ]


def test_may_contain_in_words() -> None:
    tokens = split_label("Talc. May contain: CI 77891, Mica")
    assert [(t.candidates[0], t.may_contain) for t in tokens] == [
        ("TALC", False),
        ("CI 77891", True),
        ("MICA", True),
    ]


@pytest.mark.parametrize("written", ["CI 77891", "C.I. 77891", "CL 77891", "Cl 77891", "ci77891", "C1 77891"])
def test_colour_index_spellings_are_canonical(written: str) -> None:
    assert split_label(f"Aqua, {written}")[1].candidates[0] == "CI 77891"


# --- markers, footnotes, percentages ----------------------------------------------------------


def test_footnote_markers_resolve_to_their_definitions() -> None:
    text = "Aqua, Aloe Barbadensis Leaf Juice*, Parfum**, Glycerin. *organic **from natural origin"
    tokens = split_label(text)
    assert [t.candidates[0] for t in tokens] == ["AQUA", "ALOE BARBADENSIS LEAF JUICE", "PARFUM", "GLYCERIN"]
    assert tokens[1].note == "organic"
    assert tokens[2].note == "from natural origin"
    assert tokens[0].note is None


def test_footnote_after_the_last_ingredient_without_a_period() -> None:
    tokens = split_label("Aqua, Lavandula Angustifolia Oil*, Phenoxyethanol *Organic essential oil")
    assert [t.candidates[0] for t in tokens] == ["AQUA", "LAVANDULA ANGUSTIFOLIA OIL", "PHENOXYETHANOL"]
    assert tokens[1].note == "Organic essential oil"


def test_star_without_definition_is_kept_as_note() -> None:
    assert token("Aqua, Salicylic Acid*, Parfum", "Salicylic Acid*").note == "*"


@pytest.mark.parametrize(
    ("text", "name", "percent"),
    [
        ("Niacinamide 10%", "NIACINAMIDE", 10.0),
        ("OCTISALATE 4.5%", "OCTISALATE", 4.5),
        ("Salicylic Acid 0,5 %", "SALICYLIC ACID", 0.5),
        ("Retinol (0.3%)", "RETINOL", 0.3),
    ],
)
def test_percentages_are_parsed_and_removed(text: str, name: str, percent: float) -> None:
    [tok] = split_label(text)
    assert tok.candidates[0] == name
    assert tok.percent == pytest.approx(percent)


def test_no_percentage_gives_none() -> None:
    assert split_label("Niacinamide")[0].percent is None


def test_nano_marker_becomes_a_note() -> None:
    tok = split_label("Titanium Dioxide [nano], Aqua")[0]
    assert (tok.candidates[0], tok.note) == ("TITANIUM DIOXIDE", "nano")


# --- headers, entities, codes -------------------------------------------------------------------


@pytest.mark.parametrize(
    "prefix",
    ["Ingredients: ", "INGREDIENTS:", "INCI: ", "Ingrédients : ", "Ingredients\n", "Kind to skin, for all. Ingredients: "],
)
def test_headers_and_prelude_are_dropped(prefix: str) -> None:
    assert names(prefix + "Aqua, Glycerin") == ["AQUA", "GLYCERIN"]


def test_html_entities_are_decoded() -> None:
    tokens = split_label("Aqua, Parfum &quot;Rose&quot;, Sodium Laureth Sulfate &amp;amp; Coco-Betaine")
    assert tokens[1].raw == 'Parfum "Rose"'
    assert "&" in tokens[2].raw and "amp" not in tokens[2].raw


def test_formula_codes_and_bare_numbers_are_not_ingredients() -> None:
    text = "Aqua, Parfum / Fragrance. (F.I.L. B34608/1). 561389, Glycerin [BI 611] [PR-015376]"
    assert names(text) == ["AQUA", "PARFUM / FRAGRANCE", "GLYCERIN"]


def test_section_label_is_moved_to_the_note() -> None:
    tok = split_label("COLOUR CREAM: Aqua/Water, Cetearyl Alcohol")[0]
    assert tok.candidates[:2] == ("AQUA/WATER", "AQUA")
    assert tok.note == "section: COLOUR CREAM"


def test_nothing_readable_gives_no_tokens() -> None:
    assert split_label("") == []
    assert split_label("  ,;.. * \n") == []


def test_unknown_words_are_kept_not_dropped() -> None:
    assert names("Aqua, Zzyzx Blorbium, Glycerin") == ["AQUA", "ZZYZX BLORBIUM", "GLYCERIN"]


# --- normalize / loose_key / ocr_variants -------------------------------------------------------


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("Alcohol Denat.", "ALCOHOL DENAT"),
        ("PEG\u201040 Hydrogenated Castor Oil", "peg-40 hydrogenated castor oil"),
        ("PEG - 40", "PEG-40"),
        ("Crème  de  Café", "CREME DE CAFE"),
        ("Aqua (Water)", "aqua ( water )"),
        ("Parfum*", "parfum"),
        ("2\u2019-deoxyadenosine", "2'-deoxyadenosine"),
    ],
)
def test_normalize_ignores_typography(a: str, b: str) -> None:
    assert normalize(a) == normalize(b)


@pytest.mark.parametrize(
    ("a", "b"),
    [
        ("1,2-Hexanediol", "1,3-Hexanediol"),
        ("PEG-40", "PEG-400"),
        ("Aqua", "Aquas"),
        ("Parachlorella sp BX1.5 extract", "Parachlorella sp BX15 extract"),
    ],
)
def test_normalize_keeps_what_distinguishes_names(a: str, b: str) -> None:
    assert normalize(a) != normalize(b)


def test_loose_key_ignores_spacing_and_british_spelling() -> None:
    assert loose_key("Ethylhexyl Glycerin") == loose_key("ETHYLHEXYLGLYCERIN")
    assert loose_key("Zinc Sulphate") == loose_key("ZINC SULFATE")
    assert loose_key("Zinc Sulphate") != loose_key("Zinc Sulfite")


def test_ocr_variants_undo_common_confusions() -> None:
    assert "C13-14 ISOPARAFFIN" in ocr_variants("C13-14 lsoparaffin")
    assert "PROPYLENE GLYCOL" in ocr_variants("Propy!ene Glycol")
    assert "ALPHA-ISOMETHYL IONONE" in ocr_variants("Alpha-Isomethyl lonone")
    assert ocr_variants("GLYCERIN") == []


# --- properties ---------------------------------------------------------------------------------

LABELISH = st.text(
    alphabet=st.sampled_from(list("aAbCeIiLlOo0159 ,;./\\()[]*+-%:&#!?'\"\n\t\u00e9\u2013\u00ad")),
    max_size=200,
)


@settings(max_examples=300)
@given(st.one_of(st.text(max_size=300), LABELISH))
def test_split_label_never_raises_and_numbers_tokens(text: str) -> None:
    tokens = split_label(text)
    assert [t.position for t in tokens] == list(range(1, len(tokens) + 1))
    for tok in tokens:
        assert tok.candidates, tok
        assert all(c == c.strip() and any(ch.isalnum() for ch in c) for c in tok.candidates)
        assert tok.percent is None or tok.percent >= 0


@settings(max_examples=300)
@given(st.one_of(st.text(max_size=200), LABELISH))
def test_normalize_is_idempotent(text: str) -> None:
    once = normalize(text)
    assert normalize(once) == once
    assert once == once.strip()
    assert "  " not in once


@given(st.lists(st.sampled_from(["Aqua", "Glycerin", "Niacinamide 5%", "CI 77491", "Parfum*"]), min_size=1, max_size=8))
def test_a_clean_list_keeps_every_entry_in_order(entries: list[str]) -> None:
    tokens = split_label(", ".join(entries))
    assert len(tokens) == len(entries)
    assert [t.candidates[0] for t in tokens] == [e.split()[0].rstrip("*").upper() if e != "CI 77491" else e for e in entries]
