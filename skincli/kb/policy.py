"""The editorial rules of docs/grading.md that a program can check (`skincli validate --strict`).

The schema check (validate.py) says whether a file can be read; these say whether its grades follow
the grading rules as far as a machine can tell: what was studied is recorded, funding is named,
comparisons are marked and not graded above the speaker's word without a head-to-head trial, and
every level carries the date of the search behind it. A reviewer still reads the rest.
"""

from __future__ import annotations

import re
from typing import Any, NamedTuple

# Rule 8: a rationale at level 3 or more says who funded the evidence, or that the funding is not stated.
FUNDING = re.compile(r"fund|sponsor|grant|not stated", re.I)
# Rule 10: statements that compare or rank; such a claim must carry `comparison: true`.
COMPARISON = re.compile(
    r"gold standard|better than|superior to|more effective than|as (?:good|effective|well) as|the most effective"
    r"|\bthe best\b|stronger than|\d[\d,.]*\s*times (?:more|stronger|higher|better)|\blike (?:botox|a facelift|fillers?)\b"
    r"|alternative to|same as botox|equivalent to",
    re.I,
)


# A placeholder of `skincli new ingredient` left unfilled: "<title as published>".
PLACEHOLDER = re.compile(r"<[A-Za-z][^<>\n]{0,80}>")


class Finding(NamedTuple):
    where: str  # `ingredient 'retinol' claim 3`
    rule: str  # the grading rule, e.g. `rule 8`
    message: str

    def __str__(self) -> str:
        return f"{self.where}: {self.message} ({self.rule} of docs/grading.md)"


def check(data: dict[str, list[dict[str, Any]]]) -> list[Finding]:
    """Every breach of the mechanical rules in validated knowledge-base data."""
    found: list[Finding] = []
    for source in data.get("sources", ()):
        if any(PLACEHOLDER.search(str(v)) for v in source.values()):
            found.append(Finding(f"source {source['id']!r}", "rule 9", "a template placeholder <...> is still unfilled"))
    for ingredient in data.get("ingredients", ()):
        label = f"ingredient {ingredient['id']!r}"
        if PLACEHOLDER.search(repr(ingredient)):
            found.append(Finding(label, "rule 8", "a template placeholder <...> is still unfilled"))
        inci = ingredient.get("inci", ())
        if len(inci) > 1 and not ingredient.get("forms"):
            found.append(
                Finding(
                    label,
                    "rule 13",
                    f"{len(inci)} INCI names but no forms: say which substance each INCI name is, so a label entry "
                    "shows only its own form's evidence (one form may list several spellings)",
                )
            )
        for n, claim in enumerate(ingredient.get("claims", ()), 1):
            found += _claim(claim, f"{label} claim {n}", ingredient)
    for interaction in data.get("interactions", ()):
        found += _graded(interaction, f"interaction {interaction['id']!r}", None)
    return found


def _claim(claim: dict[str, Any], where: str, ingredient: dict[str, Any]) -> list[Finding]:
    found = _graded(claim, where, ingredient)
    level = claim["evidence"]["level"]
    if "route" not in claim:
        found.append(Finding(where, "rule 13", "no route: say how the evidence was given (topical, oral, injected, procedure)"))
    if COMPARISON.search(claim["statement"]) and not claim.get("comparison"):
        found.append(Finding(where, "rule 10", "the statement compares or ranks; mark it comparison: true"))
    if claim.get("comparison") and level > 1 and not claim.get("head_to_head"):
        found.append(
            Finding(where, "rule 10", f"a comparison graded {level} without a head_to_head trial; without one it is at most 1")
        )
    return found


def _graded(item: dict[str, Any], where: str, ingredient: dict[str, Any] | None) -> list[Finding]:
    """Rules shared by claims and interactions: funding, sources behind a high level, the search date."""
    found = []
    level, rationale = item["evidence"]["level"], item["evidence"]["rationale"]
    if level >= 3 and not FUNDING.search(rationale):
        found.append(Finding(where, "rule 8", "the rationale does not say who funded the evidence (or 'funding not stated')"))
    if level >= 3 and not item.get("sources"):
        found.append(Finding(where, "rule 8", f"level {level} with no sources: cite the studies it rests on"))
    if not item.get("reviewed") and not (ingredient or {}).get("reviewed"):
        found.append(Finding(where, "rule 14", "no review date: add reviewed (on the claim or its ingredient)"))
    return found
