"""Realistic questions (tests/data/questions.yaml) answered through the CLI: names, typos, German,
abbreviations and everyday words for effects all reach the right answer (issue 16)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

QUESTIONS = yaml.safe_load((Path(__file__).parent / "data" / "questions.yaml").read_text(encoding="utf-8"))
JSON_COMMANDS = {"show", "effect", "list", "search", "compare", "routine"}


def test_there_are_at_least_forty():
    assert len(QUESTIONS) >= 40


@pytest.mark.parametrize("entry", QUESTIONS, ids=[q["q"] for q in QUESTIONS])
def test_question(cli, entry):
    args = list(entry["run"])
    wants_text = "text" in entry and args[0] in ("compare", "show")
    if args[0] in JSON_COMMANDS and not wants_text:
        args.append("--json")
    result = cli(*args, input=entry.get("stdin"))
    assert result.exit_code == entry.get("exit", 0), (result.stdout[-500:], result.stderr)
    for words in entry.get("stderr", []):
        assert words in result.stderr
    if entry.get("exit", 0) != 0:
        return
    if wants_text:
        out = " ".join(result.stdout.split())
        for words in entry["text"]:
            assert words.casefold() in out.casefold(), words
        if "id" not in entry:
            return
        result = cli(*args, "--json")
    view = json.loads(result.stdout)
    if "id" in entry:
        assert view["id"] == entry["id"]
    for words in entry.get("text", []) if not wants_text else []:
        assert words.casefold() in json.dumps(view, ensure_ascii=False).casefold(), words
    rows = view if isinstance(view, list) else view.get("pairs", [])
    ids = [r["id"] for r in rows if isinstance(r, dict) and "id" in r]
    if "effect" in entry:
        assert rows and all(r["effect"] == entry["effect"] for r in rows)
    for some in entry.get("include", []):
        assert some in ids, (some, ids[:20])
    for some in entry.get("exclude", []):
        assert some not in ids, some
    if "top" in entry:
        first = ids[: len(entry["top"]) + 3]
        assert set(entry["top"]) <= set(first), first
    if "concern" in entry:
        want = entry["concern"]
        row = next(e for e in view["effects"] if e["effect"] == want["effect"])
        low, high = want["harm"]
        assert row["level"] is not None and low <= row["level"] <= high, row
        if "safe" in want:
            assert row["against"]["level"] >= want["safe"], row
    if "verdict" in entry:
        verdicts = " ".join(p["verdict"] for p in view["pairs"])
        for words in entry["verdict"]:
            assert words in verdicts, verdicts
    if "warning" in entry:
        assert entry["warning"] in {w["reason"] for w in view["profile"]["warnings"]}, view["profile"]
