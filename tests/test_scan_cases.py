"""Every case of issue 13: labels scan reads right although it never saw them.

Splitting, EU annex flags (forms, words, limits against label percentages, chemical names),
function order, common and foreign names, qualifiers, OCR slips, label text and false joins.
"""

from __future__ import annotations

import pytest

from skincli.label.cosing import CosIng, rank_functions
from skincli.label.scan import KbHit, ScanItem, ScanReport, annex_words, scan_label


def no_kb(_name: str) -> KbHit | None:
    return None


def scan(text: str, cosing: CosIng, product_type: str | None = None) -> ScanReport:
    return scan_label(text, no_kb, cosing, product_type)


def incis(report: ScanReport) -> list[str | None]:
    return [item.inci for item in report.items]


def only(report: ScanReport) -> ScanItem:
    assert report.count == 1, [i.raw for i in report.items]
    return report.items[0]


# --- splitting ---------------------------------------------------------------------------------


def test_a_bracket_with_several_colour_indexes_gives_one_entry_each(cosing: CosIng) -> None:
    report = scan("Mica, Iron Oxides (CI 77491, CI 77492, CI 77499)", cosing)
    assert incis(report) == ["MICA", "CI 77491", "CI 77492", "CI 77499"]
    assert all("Iron Oxides" in item.raw for item in report.items[1:])


def test_bare_numbers_after_a_colour_index_are_not_dropped(cosing: CosIng) -> None:
    report = scan("Talc, Iron Oxides (CI 77492, 77491, 77499)", cosing)
    assert incis(report) == ["TALC", "CI 77492", "CI 77491", "CI 77499"]


def test_iron_oxides_followed_by_its_code_without_brackets(cosing: CosIng) -> None:
    report = scan("Iron Oxides CI 77491, Aqua", cosing)
    assert incis(report) == ["CI 77491", "AQUA"]
    assert report.items[0].status == "recognised"


def test_a_space_after_the_comma_of_1_2_hexanediol(cosing: CosIng) -> None:
    report = scan("Aqua, 1, 2-Hexanediol, Glycerin", cosing)
    assert incis(report) == ["AQUA", "1,2-HEXANEDIOL", "GLYCERIN"]


def test_no_space_before_a_bracket(cosing: CosIng) -> None:
    report = scan("Water(Aqua/Eau), Vitis Vinifera(Grape) Seed Oil", cosing)
    assert incis(report) == ["WATER", "VITIS VINIFERA SEED OIL"]


def test_a_header_line_and_a_glued_sentence_do_not_swallow_the_next_ingredient(cosing: CosIng) -> None:
    report = scan("Aqua, Linalool.Squalane + Probiotic Gel Moisturizer:\nWater, Glycerin", cosing)
    assert incis(report) == ["AQUA", "LINALOOL", "WATER", "GLYCERIN"]
    assert "Squalane + Probiotic Gel Moisturizer" in (report.items[2].note or "")


def test_no_false_join_across_a_missing_comma(cosing: CosIng) -> None:
    report = scan("Aqua, Tocopherol Acetate, Glycerin", cosing)
    assert incis(report) == ["AQUA", "TOCOPHERYL ACETATE", "GLYCERIN"]
    assert not any(item.annexes for item in report.items)


def test_a_run_on_never_splits_off_a_word_known_only_from_an_annex(cosing: CosIng) -> None:
    # "ACETATE" is a fragment of annex prose, not an ingredient: it must not become a piece
    report = scan("Sodium Benzoate Acetate", cosing)
    assert "ACETATE" not in incis(report)


def test_marketing_text_is_reported_as_text_not_matched_by_its_first_word(cosing: CosIng) -> None:
    report = scan("Aqua, Honey Grail contains honey and probiotics for your skin, Glycerin", cosing)
    middle = report.items[1]
    assert (middle.status, middle.inci) == ("text", None)
    assert report.summary()["not_ingredients"] == ["Honey Grail contains honey and probiotics for your skin"]
    assert report.recognition_rate == 1.0  # label text is not an ingredient entry


def test_a_name_followed_by_label_prose_keeps_both(cosing: CosIng) -> None:
    report = scan("Aqua, CI 16255 Dermatologically tested for sensitive skin", cosing)
    assert [i.status for i in report.items] == ["recognised", "recognised", "text"]
    assert report.items[1].inci == "CI 16255"


def test_dash_separated_lists(cosing: CosIng) -> None:
    report = scan("AQUA / WATER / EAU - ALCOHOL DENAT. - DIISOPROPYL SEBACATE - GLYCERIN", cosing)
    assert incis(report) == ["AQUA", "ALCOHOL DENAT.", "DIISOPROPYL SEBACATE", "GLYCERIN"]


def test_a_bracket_listing_components_gives_each_one(cosing: CosIng) -> None:
    report = scan("Parfum (Limonene, Linalool, Citral), Aqua", cosing)
    assert incis(report) == ["PARFUM", "LIMONENE", "LINALOOL", "CITRAL", "AQUA"]


# --- names -------------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("label", "inci"),
    [
        ("Glycerin USP", "GLYCERIN"),
        ("Avobenzone 3% Sunscreen", "BUTYL METHOXYDIBENZOYLMETHANE"),
        ("L (+) Lactic Acid", "LACTIC ACID"),
        ("RICINUS COMMUNIS OIL / CASTOR SEED OIL", "RICINUS COMMUNIS SEED OIL"),
        ("PYRIDOXINE HCI", "PYRIDOXINE HCL"),
        ("SODIUM CHLORlDE", "SODIUM CHLORIDE"),
        ("Iron Oxides", "CI 77491"),
        ("Avocado Oil", "PERSEA GRATISSIMA OIL"),
        ("glycerine", "GLYCERIN"),
        ("Glicerina", "GLYCERIN"),
        ("Fenoxietanol", "PHENOXYETHANOL"),
        ("Óxido de zinco", "ZINC OXIDE"),
        ("Óxido de zinc", "ZINC OXIDE"),
        ("Glycérine", "GLYCERIN"),
        ("Zinkoxid", "ZINC OXIDE"),
        ("STÉARATE D'ISOCÉTYLE", "ISOCETYL STEARATE"),
        ("PHOSPHATE DE CÉTYL POTASSIUM", "POTASSIUM CETYL PHOSPHATE"),
        ("Citrus Medica Limonum (Lemon) Peel Extract", "CITRUS LIMON PEEL EXTRACT"),
        ("OLEIC O ACID", "OLEIC ACID"),
        ("Methyldibromo Methyldibromo Glutaronitrile", "METHYLDIBROMO GLUTARONITRILE"),
        ("CI 77268", "CI 77268:1"),
    ],
)
def test_common_foreign_older_and_noisy_names(cosing: CosIng, label: str, inci: str) -> None:
    item = only(scan(label, cosing))
    assert (item.status, item.inci) == ("recognised", inci)


def test_a_qualifier_keeps_the_percentage(cosing: CosIng) -> None:
    item = only(scan("Avobenzone 3% Sunscreen", cosing))
    assert item.percent == 3.0


def test_typos_stay_suggestions_not_guesses(cosing: CosIng) -> None:
    item = only(scan("Niacnamde", cosing))  # two letters off: a suggestion, not a guess
    assert (item.status, item.suggestions[:1]) == ("suggested", ("NIACINAMIDE",))


# --- EU annexes --------------------------------------------------------------------------------


def test_an_annex_ii_entry_for_the_nano_form_only_applies_to_nano(cosing: CosIng) -> None:
    plain = only(scan("Styrene/Acrylates Copolymer", cosing))
    assert plain.annexes == ()
    nano = only(scan("Styrene/Acrylates Copolymer (nano)", cosing))
    assert [a.label for a in nano.annexes] == ["Annex II/1725"]
    assert annex_words(nano.annexes[0]) == "prohibited in the EU in nano form"
    gold = only(scan("Colloidal Gold", cosing))
    assert not any(a.prohibited for a in gold.annexes)


def test_nano_titanium_dioxide_gets_the_nano_entry_instead_of_the_general_one(cosing: CosIng) -> None:
    nano = only(scan("Titanium Dioxide [nano]", cosing))
    vi = [a for a in nano.annexes if a.annex == "VI"]
    assert [(a.ref, a.form) for a in vi] == [("27a", "nano")]
    plain = only(scan("Titanium Dioxide", cosing))
    assert [a.ref for a in plain.annexes if a.annex == "VI"] == ["27"]


def test_annex_ii_is_said_in_words_with_the_reason(cosing: CosIng) -> None:
    item = only(scan("Tretinoin", cosing))
    assert item.inci == "RETINOIC ACID" and item.synonym == "Tretinoin" and item.via == "inn"
    assert [a.label for a in item.annexes] == ["Annex II/375"]
    view = item.to_dict()["annexes"][0]
    assert view["meaning"].startswith("prohibited in the EU")


def test_annex_ii_reason_from_the_cmr_classification(cosing: CosIng) -> None:
    entries = [a for a in only(scan("Hydroquinone", cosing)).annexes if a.prohibited]
    assert entries and all(annex_words(a).startswith("prohibited in the EU") for a in entries)
    cmr = next(a for a in CosIng().lookup("Trichloroacetic acid").annexes if a.annex == "II")  # chemical name
    assert annex_words(cmr).startswith("prohibited in the EU")


@pytest.mark.parametrize("code", ["CI 77891", "CI 42090", "CI 77947", "CI 77268"])
def test_annex_iv_colourants_are_linked(cosing: CosIng, code: str) -> None:
    assert any(a.annex == "IV" for a in only(scan(code, cosing)).annexes)


def test_retinol_over_every_limit_is_over(cosing: CosIng) -> None:
    item = only(scan("Retinol 1%", cosing))
    (check,) = item.limit_checks
    assert (check.annex, check.verdict) == ("Annex III/376", "over")
    assert "expressed as" in check.message  # RE: the label's figure may not be retinol equivalent


def test_salicylic_acid_over_every_annex_iii_limit(cosing: CosIng) -> None:
    item = only(scan("Salicylic acid 5%", cosing))
    verdicts = {c.annex: c.verdict for c in item.limit_checks}
    assert verdicts["Annex III/98"] == "over"


def test_a_limit_that_depends_on_the_product_type_is_undecided_without_one(cosing: CosIng) -> None:
    item = only(scan("Homosalate 13.5%", cosing))
    (check,) = item.limit_checks
    assert check.verdict == "undecided" and "--product-type" in check.message
    face = only(scan("Homosalate 13.5%", cosing, product_type="face"))
    assert face.limit_checks[0].verdict == "over"
    body = only(scan("Homosalate 13.5%", cosing, product_type="body"))
    assert body.limit_checks[0].verdict == "undecided"
    assert "no limit for body" in body.limit_checks[0].message


def test_within_the_limit(cosing: CosIng) -> None:
    item = only(scan("Avobenzone 3%", cosing))
    assert [c.verdict for c in item.limit_checks] == ["within"]


def test_limits_are_not_cut_and_cases_are_explained(cosing: CosIng) -> None:
    view = only(scan("Retinol", cosing)).to_dict()["annexes"][0]
    assert view["limits_text"] == [
        "(a) Body lotion: max 0,05 % Retinol Equivalent (RE)",
        "(b) other leave-on and rinse-off products: max 0,3 % RE",
    ]
    assert [c["max_percent"] for c in view["limits"]] == [0.05, 0.3]


def test_the_terminal_shows_each_limit_case_whole() -> None:
    from skincli.render.scan import text

    view = {"schema_version": 1, **scan("Zinc sulfate", CosIng()).to_dict()}
    out = text(view, 80)
    assert "…" not in out
    assert "(a) " in out and "(b) " in out


# --- functions ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "first"),
    [("Glycerin", "HUMECTANT"), ("Zinc Oxide", "UV FILTER"), ("Water", "SOLVENT"), ("Phenoxyethanol", "PRESERVATIVE")],
)
def test_functions_most_informative_first(cosing: CosIng, name: str, first: str) -> None:
    assert only(scan(name, cosing)).functions[0] == first


def test_generic_functions_come_last() -> None:
    assert rank_functions(["ANTIPLAQUE", "DENATURANT", "SOLVENT", "SKIN CONDITIONING"]) == (
        "SOLVENT",
        "SKIN CONDITIONING",
        "ANTIPLAQUE",
        "DENATURANT",
    )


def test_every_alias_points_at_a_real_inci_name(cosing: CosIng) -> None:
    from skincli.label.cosing import ALIASES

    missing = [target for target in set(ALIASES.values()) if cosing.lookup(target) is None]
    assert missing == []


def test_a_fragrance_allergen_is_named_as_one_with_its_labelling_threshold(cli):
    """Issue 15: scan says it on the label (both wordings of the annex: 'must be' and 'shall be')."""
    out = " ".join(cli("scan", "Aqua, Linalool, Limonene").stdout.split())
    assert out.count("fragrance allergen, named on EU labels") == 2
    assert out.count("named on the label above 0.001% in leave-on products, 0.01% in rinse-off products") == 2
