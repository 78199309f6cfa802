"""CosIng look-ups and label scans against the shipped database (skincli.label.cosing, skincli.label.scan)."""

from __future__ import annotations

import json
import subprocess
import sys
import time
from importlib.resources import files
from pathlib import Path

import pytest

from skincli.label.cosing import CosIng
from skincli.label.inci import normalize
from skincli.label.scan import KbHit, ScanReport, scan_label


def no_kb(_name: str) -> KbHit | None:
    return None


def scan(text: str, cosing: CosIng) -> ScanReport:
    return scan_label(text, no_kb, cosing)


# --- the shipped database ---------------------------------------------------------------------


def test_database_ships_as_package_data() -> None:
    resource = files("skincli.label.refdata").joinpath("cosing.sqlite")
    assert resource.is_file()
    assert files("skincli.label.refdata").joinpath("NOTICE.txt").read_text(encoding="utf-8").count("CC BY 4.0") >= 1


def test_database_meta_records_its_sources(cosing: CosIng) -> None:
    meta = cosing.meta()
    assert int(meta["inci_count"]) > 28_000
    assert int(meta["annex_count"]) > 2_000
    assert len(meta["inventory_sha256"]) == 64


def test_missing_database_is_a_clear_error(tmp_path: Path) -> None:
    with pytest.raises(FileNotFoundError):
        CosIng(tmp_path / "nope.sqlite").lookup("AQUA")


def test_importing_the_scanner_is_light() -> None:
    code = (
        "import sys, skincli.label.scan, skincli.label.cosing, skincli.label.inci; "
        "heavy = [m for m in ('sqlite3', 'rich', 'yaml', 'difflib', 'typer') if m in sys.modules]; "
        "print(','.join(heavy))"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    assert out.stdout.strip() == ""


# --- lookup -----------------------------------------------------------------------------------


KB_ACTIVES_INCI = [
    "RETINOL",
    "NIACINAMIDE",
    "SODIUM HYALURONATE",
    "ASCORBIC ACID",
    "TOCOPHEROL",
    "ECTOIN",
    "PALMITOYL TRIPEPTIDE-1",
]


@pytest.mark.parametrize("name", KB_ACTIVES_INCI)
def test_lookup_known_actives(cosing: CosIng, name: str) -> None:
    entry = cosing.lookup(name.title())
    assert entry is not None
    assert entry.inci_name == name
    assert entry.via == "exact"
    assert entry.functions, "CosIng lists at least one function"
    assert all(f == f.upper() for f in entry.functions)


def test_lookup_misses_return_none(cosing: CosIng) -> None:
    assert cosing.lookup("Zzyzx Blorbium") is None
    assert cosing.lookup("") is None
    assert cosing.lookup(" ,. ") is None


def test_salicylic_acid_shows_its_annex_limits(cosing: CosIng) -> None:
    entry = cosing.lookup("Salicylic Acid")
    assert entry is not None
    by_annex = {a.annex: a for a in entry.annexes}
    assert {"III", "V"} <= set(by_annex)
    assert "%" in by_annex["III"].max_concentration
    assert "%" in by_annex["V"].max_concentration
    assert by_annex["V"].label.startswith("Annex V/")
    assert "children under 3" in by_annex["V"].conditions + by_annex["V"].warnings


def test_preservative_limit(cosing: CosIng) -> None:
    entry = cosing.lookup("phenoxyethanol")
    assert entry is not None
    [annex] = [a for a in entry.annexes if a.annex == "V"]
    assert annex.max_concentration == "1.0%"
    assert not annex.prohibited


def test_prohibited_substance_is_flagged(cosing: CosIng) -> None:
    entry = cosing.lookup("Ketoconazole")
    assert entry is not None
    assert any(a.prohibited for a in entry.annexes)


def test_annex_salt_written_with_a_stray_space_is_linked(cosing: CosIng) -> None:
    # Annex V/3 writes "MEA- SALICYLATE"; the inventory writes "MEA-SALICYLATE"
    entry = cosing.lookup("MEA-Salicylate")
    assert entry is not None
    assert any(a.annex == "V" for a in entry.annexes)


def test_ordinary_ingredient_has_no_annex(cosing: CosIng) -> None:
    entry = cosing.lookup("Glycerin")
    assert entry is not None and entry.annexes == ()


@pytest.mark.parametrize(
    ("written", "inci", "via"),
    [
        ("Fragrance", "PARFUM", "alias"),
        ("PERFUME", "PARFUM", "alias"),
        ("Water", "WATER", "exact"),
        ("Aqua", "AQUA", "exact"),
        ("Mineral Oil", "PARAFFINUM LIQUIDUM", "alias"),
        ("Avobenzone", "BUTYL METHOXYDIBENZOYLMETHANE", "alias"),
        ("Octisalate", "ETHYLHEXYL SALICYLATE", "alias"),
        ("Yellow 5", "CI 19140", "alias"),
        ("FD&C Red No. 40", "CI 16035", "alias"),
        ("CI 77491", "CI 77491", "exact"),
        ("C.I. 77491", "CI 77491", "colour"),
        ("CL 77891", "CI 77891", "colour"),
        ("Ethylhexyl Glycerin", "ETHYLHEXYLGLYCERIN", "loose"),
        ("Methyl Paraben", "METHYLPARABEN", "loose"),
        ("Alcohol Denat", "ALCOHOL DENAT.", "exact"),
        ("1,2-hexanediol", "1,2-HEXANEDIOL", "exact"),
    ],
)
def test_lookup_aliases_colours_and_spacing(cosing: CosIng, written: str, inci: str, via: str) -> None:
    entry = cosing.lookup(written)
    assert entry is not None, written
    assert (entry.inci_name, entry.via) == (inci, via)


def test_colour_has_its_annex_iv_entry(cosing: CosIng) -> None:
    entry = cosing.lookup("CI 77491")
    assert entry is not None
    assert [a.annex for a in entry.annexes] == ["IV"]


# --- suggestions ------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("typo", "expected"),
    [
        ("Niacinamid", "NIACINAMIDE"),
        ("Glycerinn", "GLYCERIN"),
        ("Homosapate", "HOMOSALATE"),
        ("Vater", "WATER"),
        ("Fragrence", "PARFUM"),
    ],
)
def test_suggest_typos(cosing: CosIng, typo: str, expected: str) -> None:
    assert cosing.lookup(typo) is None
    assert cosing.suggest(typo)[0] == expected


def test_suggest_nonsense_gives_nothing(cosing: CosIng) -> None:
    assert cosing.suggest("Qqqqxxzz") == []
    assert cosing.suggest("ab") == []
    assert len(cosing.suggest("Stearin Acid", n=2)) <= 2


def test_suggest_is_fast(cosing: CosIng) -> None:
    cosing.lookup("AQUA")  # open the database first
    typos = ["Niacinamid", "Glycerine", "Polyoquaternium-22", "Tocopherl Acetate", "Sodium Hyaluronat"]
    start = time.perf_counter()
    for typo in typos:
        cosing.suggest(typo)
    per_call = (time.perf_counter() - start) / len(typos)
    assert per_call < 0.05, f"{per_call * 1000:.1f} ms per suggestion"


# --- scan_label -------------------------------------------------------------------------------

ACTIVES = "Aqua, Retinol, Niacinamide 5%, Sodium Hyaluronate, Ascorbic Acid, Tocopherol, Ectoin, Palmitoyl Tripeptide-1"


def test_scan_recognises_actives_in_label_order(cosing: CosIng) -> None:
    report = scan(ACTIVES, cosing)
    assert [i.inci for i in report.items] == ["AQUA", *KB_ACTIVES_INCI]
    assert [i.position for i in report.items] == list(range(1, 9))
    assert {i.status for i in report.items} == {"recognised"}
    assert report.recognised_count == report.count == 8
    assert report.items[2].percent == 5.0
    assert report.items[1].functions == cosing.lookup("RETINOL").functions


def test_scan_shows_annex_entry_and_limit(cosing: CosIng) -> None:
    report = scan("Aqua, Salicylic Acid 2%, Phenoxyethanol", cosing)
    salicylic = report.items[1]
    assert salicylic.inci == "SALICYLIC ACID"
    assert salicylic.percent == 2.0
    assert any(a.annex == "III" and "2.0%" in a.max_concentration for a in salicylic.annexes)
    assert [i.inci for i in report.restricted] == ["SALICYLIC ACID", "PHENOXYETHANOL"]


def test_scan_typos_are_suggested_not_recognised(cosing: CosIng) -> None:
    """Two slips, or a short name, are never guessed: the reader gets "did you mean"."""
    report = scan("Aqua, Niacnamde, Vater", cosing)
    niacnamde, vater = report.items[1], report.items[2]
    assert (niacnamde.status, niacnamde.inci) == ("suggested", None)
    assert niacnamde.suggestions[0] == "NIACINAMIDE"
    assert vater.status == "suggested" and "WATER" in vater.suggestions
    assert report.recognised_count == 1
    assert report.unrecognised == ["Niacnamde", "Vater"]


def test_one_slip_in_a_long_name_is_read_and_said(cosing: CosIng) -> None:
    """One letter replaced, dropped, added or swapped in a name of eight letters or more, with one INCI
    name that close, is read as that name, and the note says so (OCR and print slips on real labels)."""
    report = scan("Niacinamid, Glycerinn, Homosapate, Octocylene, Cetearet-20", cosing)
    assert [i.inci for i in report.items] == ["NIACINAMIDE", "GLYCERIN", "HOMOSALATE", "OCTOCRYLENE", "CETEARETH-20"]
    assert all(i.via == "typo" and "one letter differs" in (i.note or "") for i in report.items)


def test_a_slip_is_not_read_when_digits_differ_or_two_names_are_as_close(cosing: CosIng) -> None:
    assert scan("Ceteareth-21x", cosing).items[0].status == "suggested"  # CETEARETH-2 and -21 are as close
    assert scan("Laureth-77", cosing).items[0].inci != "LAURETH-7"  # a digit is never a slip


def test_scan_reports_unknown_names(cosing: CosIng) -> None:
    report = scan("Aqua, Zzyzx Qwertium, Glycerin", cosing)
    assert report.count == 3
    unknown = report.items[1]
    assert (unknown.raw, unknown.status, unknown.inci, unknown.suggestions) == ("Zzyzx Qwertium", "unknown", None, ())
    assert report.unrecognised == ["Zzyzx Qwertium"]


def test_scan_us_names_and_colour_codes(cosing: CosIng) -> None:
    report = scan("Water, Fragrance, Alcohol Denat., CL 77891, Mica [+/- CI 77491, CI 77492]", cosing)
    assert [(i.inci, i.may_contain) for i in report.items] == [
        ("WATER", False),
        ("PARFUM", False),
        ("ALCOHOL DENAT.", False),
        ("CI 77891", False),
        ("MICA", False),
        ("CI 77491", True),
        ("CI 77492", True),
    ]
    assert report.items[1].via == "alias"


def test_scan_splits_a_run_on_entry(cosing: CosIng) -> None:
    report = scan("Aqua, Salicylic Acid Parfum, Glycerin", cosing)
    assert [i.inci for i in report.items] == ["AQUA", "SALICYLIC ACID", "PARFUM", "GLYCERIN"]
    assert report.items[1].via == report.items[2].via == "run-on"
    assert "missing separator" in (report.items[1].note or "")


def test_scan_rejoins_a_name_broken_by_a_comma(cosing: CosIng) -> None:
    report = scan("Aqua, Sodium, Cocoyl Isethionate, Glycerin", cosing)
    assert [i.inci for i in report.items] == ["AQUA", "SODIUM COCOYL ISETHIONATE", "GLYCERIN"]


def test_scan_ocr_slips(cosing: CosIng) -> None:
    report = scan("C13-14 lsoparaffin, Propy!ene Glycol", cosing)
    assert [(i.inci, i.via) for i in report.items] == [
        ("C13-14 ISOPARAFFIN", "ocr"),
        ("PROPYLENE GLYCOL", "ocr"),
    ]


def test_scan_links_the_kb(cosing: CosIng) -> None:
    hit = KbHit(
        id="niacinamide", name="Niacinamide", best_level=5, effects=(("hyperpigmentation", 5), ("barrier", 4)), cautions=()
    )
    retinol = KbHit(
        id="retinol", name="Retinol", best_level=4, effects=(("wrinkles", 4), ("elasticity", 0)), cautions=("pregnancy",)
    )
    calls: list[str] = []

    def kb(name: str) -> KbHit | None:
        calls.append(name)
        return {"niacinamide": hit, "retinol": retinol}.get(normalize(name))

    report = scan_label("Aqua, Niacinamide 4%, Vitamin B3, Retinol, Glycerin", kb, cosing)
    kb_ids = [i.kb.id if i.kb else None for i in report.items]
    assert kb_ids == [None, "niacinamide", "niacinamide", "retinol", None]
    assert calls == ["AQUA", "NIACINAMIDE", "NIACINAMIDE", "RETINOL", "GLYCERIN"], "INCI name first, once"
    assert report.actives_by_effect() == {
        "hyperpigmentation": [{"id": "niacinamide", "name": "Niacinamide", "level": 5}],
        "barrier": [{"id": "niacinamide", "name": "Niacinamide", "level": 4}],
        "wrinkles": [{"id": "retinol", "name": "Retinol", "level": 4}],
    }  # elasticity at 0 is not evidence for anything
    assert len(report.in_kb) == 3


def test_kb_falls_back_to_the_name_as_written(cosing: CosIng) -> None:
    b3 = KbHit(id="vitamin-b3", name="Vitamin B3", best_level=2, effects=(("barrier", 2),), cautions=())
    calls: list[str] = []

    def kb(name: str) -> KbHit | None:
        calls.append(name)
        return b3 if normalize(name) == "vitamin b3" else None

    [item] = scan_label("Vitamin B3", kb, cosing).items
    assert (item.inci, item.kb) == ("NIACINAMIDE", b3)
    assert calls == ["NIACINAMIDE", "VITAMIN B3"]


def test_kb_is_asked_about_names_cosing_does_not_know(cosing: CosIng) -> None:
    novel = KbHit(id="novel", name="Novel Peptide", best_level=None, effects=(), cautions=())
    report = scan_label("Novelpeptide-99", lambda n: novel if normalize(n) == "novelpeptide-99" else None, cosing)
    [item] = report.items
    assert item.inci is None and item.kb == novel


def test_to_dict_is_json_ready(cosing: CosIng) -> None:
    report = scan("Aqua, Salicylic Acid 2%, Niacnamde, Zzyzx, Mica [+/- CI 77491]", cosing)
    data = json.loads(json.dumps(report.to_dict()))
    assert data["summary"]["count"] == report.count == len(data["items"])
    assert data["summary"]["recognised"] == report.recognised_count
    assert data["summary"]["unrecognised"] == ["Niacnamde", "Zzyzx"]
    salicylic = data["items"][1]
    assert salicylic["inci"] == "SALICYLIC ACID" and salicylic["percent"] == 2.0
    assert {a["annex"] for a in salicylic["annexes"]} == {"III", "V"}
    assert data["items"][-1]["may_contain"] is True


def test_empty_label_gives_an_empty_report(cosing: CosIng) -> None:
    report = scan("   ", cosing)
    assert report.count == 0 and report.recognition_rate == 1.0 and report.to_dict()["items"] == []


def test_scan_of_a_40_ingredient_label_is_fast(cosing: CosIng) -> None:
    label = ", ".join(
        [
            "Aqua",
            "Glycerin",
            "Niacinamide",
            "Butylene Glycol",
            "Pentylene Glycol",
            "1,2-Hexanediol",
            "Sodium Hyaluronate",
            "Panthenol",
            "Allantoin",
            "Squalane",
            "Caprylic/Capric Triglyceride",
            "Cetearyl Alcohol",
            "Glyceryl Stearate",
            "PEG-100 Stearate",
            "Dimethicone",
            "Tocopherol",
            "Ascorbyl Glucoside",
            "Ectoin",
            "Palmitoyl Tripeptide-1",
            "Adenosine",
            "Ceramide NP",
            "Cholesterol",
            "Phytosphingosine",
            "Carbomer",
            "Xanthan Gum",
            "Sodium Hydroxide",
            "Disodium EDTA",
            "Phenoxyethanol",
            "Ethylhexylglycerin",
            "Citric Acid",
            "Sodium Citrate",
            "Parfum",
            "Limonene",
            "Linalool",
            "Retinol",
            "Bisabolol",
            "Centella Asiatica Extract",
            "Madecassoside",
            "Salicylic Acid",
            "CI 77891",
        ]
    )
    fresh = CosIng()
    try:
        start = time.perf_counter()
        report = scan_label(label, no_kb, fresh)
        elapsed = time.perf_counter() - start
    finally:
        fresh.close()
    assert report.count == 40
    assert report.recognised_count == 40, report.unrecognised
    assert elapsed < 0.5, f"open + scan took {elapsed * 1000:.0f} ms"


def test_a_reader_without_the_memory_index_answers_from_sqlite_however_many_names_it_is_asked():
    from skincli.label.cosing import CosIng

    light, full = CosIng(memory_index=False), CosIng()
    names = [f"NOT A NAME {n}" for n in range(450)] + ["GLYCERIN", "zinc", "aloe vera"]
    for name in names:
        assert light.lookup(name) == full.lookup(name)
    assert light._keys is None  # never loaded the whole index
    assert full._keys is not None  # past 400 look-ups the default reader does
