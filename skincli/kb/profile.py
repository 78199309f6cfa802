"""A personal profile: pregnant, sensitive skin, things to avoid — and what in the knowledge base concerns it.

The profile is the user's own file, `$XDG_CONFIG_HOME/skincli/profile.yaml` (else
`~/.config/skincli/profile.yaml`, or `$SKINCLI_PROFILE`). It is read, never written, and never leaves
the machine:

    pregnant: true            # or breastfeeding: true — both look for pregnancy cautions and claims
    sensitive: true           # irritant and allergen warnings first
    avoid: [fragrance, alcohol denat, methylisothiazolinone, contact allergy]

`avoid` names groups (fragrance, retinoids, sulfates), ingredients (any name, alias or INCI name) or
concerns (contact allergy); a group wins over an ingredient of the same name. Every warning comes
from the knowledge base — a caution with its sources or a graded concern claim — so warnings improve
as the knowledge base does; none is hard-coded here.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, NamedTuple

from skincli.errors import KnowledgeBaseError, Problem, SkincliError
from skincli.kb.model import Ingredient
from skincli.kb.store import KnowledgeBase, profile_path

KEYS = {"pregnant": "true or false", "breastfeeding": "true or false", "sensitive": "true or false", "avoid": "a list of names"}
SENSITIVE_CONCERNS = ("irritation", "contact-allergy")
SENSITIVE_CAUTIONS = ("irritation", "allergy")
MIN_CONCERN_LEVEL = 2  # a harm shown at least in the lab is worth naming to someone who asked; the level is shown


class ProfileError(SkincliError):
    """The profile file (or an --avoid name) cannot be used; the message names file, line and column."""

    def __init__(self, problems: list[Problem]) -> None:
        self.problems = problems
        super().__init__("\n".join(str(p) for p in problems))


class Avoid(NamedTuple):
    """One thing the user avoids, resolved: an ingredient, a group or a concern effect."""

    text: str  # as the user wrote it
    kind: str  # "ingredient", "group" or "concern"
    id: str
    name: str


class Profile(NamedTuple):
    pregnant: bool = False
    sensitive: bool = False
    avoid: tuple[Avoid, ...] = ()
    origin: str | None = None  # the file it came from, if any

    @property
    def active(self) -> bool:
        return self.pregnant or self.sensitive or bool(self.avoid)

    def to_dict(self) -> dict[str, Any]:
        return {
            "pregnant": self.pregnant,
            "sensitive": self.sensitive,
            "avoid": [{"text": a.text, "kind": a.kind, "id": a.id, "name": a.name} for a in self.avoid],
            "file": self.origin,
        }


class Warning(NamedTuple):
    """Why an ingredient concerns this user, with the knowledge base's evidence for it."""

    ingredient: str  # id
    name: str
    reason: str  # "pregnancy", "sensitive" or "avoid"
    text: str
    level: int | None = None  # the graded claim's level; None for a caution
    sources: tuple[str, ...] = ()

    def to_dict(self) -> dict[str, Any]:
        return {
            "ingredient": self.ingredient,
            "name": self.name,
            "reason": self.reason,
            "text": self.text,
            "level": self.level,
            "sources": list(self.sources),
        }


def load(
    kb: KnowledgeBase,
    *,
    use_file: bool = True,
    pregnant: bool = False,
    sensitive: bool = False,
    avoid: list[str] | None = None,
) -> Profile:
    """The profile file (unless `use_file` is False) with the command line's flags added to it."""
    from_file = _read(kb, path) if use_file and (path := profile_path()) else Profile()
    extra = tuple(_resolve(kb, name, None) for name in _split(avoid or []))
    return Profile(
        pregnant=from_file.pregnant or pregnant,
        sensitive=from_file.sensitive or sensitive,
        avoid=tuple(dict.fromkeys(from_file.avoid + extra)),
        origin=from_file.origin,
    )


def _split(names: list[str]) -> list[str]:
    """`--avoid fragrance,alcohol --avoid parabens` -> three names."""
    return [part.strip() for name in names for part in name.split(",") if part.strip()]


def _read(kb: KnowledgeBase, path: Path) -> Profile:
    from skincli.kb.yamlread import load_yaml, position, read_text

    where = str(path)
    try:
        doc, nodes = load_yaml(read_text(path), where)
    except KnowledgeBaseError as exc:
        raise ProfileError([p._replace(message=f"profile: {p.message}") for p in exc.problems]) from None
    if doc is None:
        return Profile(origin=where)
    if not isinstance(doc, dict):
        raise ProfileError([Problem(where, 1, 1, "profile: the file must be a mapping of " + ", ".join(KEYS))])
    problems: list[Problem] = []

    def problem(key: str | int | None, message: str, container: Any = doc) -> None:
        line, column = position(nodes, container, key)
        problems.append(Problem(where, line, column, f"profile: {message}"))

    flags = {}
    for key, value in doc.items():
        if key not in KEYS:
            import difflib

            close = difflib.get_close_matches(str(key), list(KEYS), n=1)
            problem(key, f"unknown key {key!r}" + (f"; did you mean {close[0]!r}?" if close else "; keys: " + ", ".join(KEYS)))
        elif key != "avoid" and not isinstance(value, bool):
            problem(key, f"{key} must be true or false, not {value!r}")
        elif key != "avoid":
            flags[key] = value
    avoided: list[Avoid] = []
    names = doc.get("avoid", [])
    if isinstance(names, str):
        names = [names]
    if not isinstance(names, list):
        problem("avoid", "avoid must be a list of names, e.g. [fragrance, parabens]")
        names = []
    for i, name in enumerate(names):
        if not isinstance(name, str) or not name.strip():
            problem(i, f"avoid[{i}] must be a name, not {name!r}", names)
            continue
        try:
            avoided.append(_resolve(kb, name, None))
        except ProfileError as exc:
            problem(i, exc.problems[0].message.removeprefix("profile: "), names if isinstance(doc.get("avoid"), list) else doc)
    if problems:
        raise ProfileError(problems)
    return Profile(
        pregnant=flags.get("pregnant", False) or flags.get("breastfeeding", False),
        sensitive=flags.get("sensitive", False),
        avoid=tuple(avoided),
        origin=where,
    )


def _resolve(kb: KnowledgeBase, name: str, where: str | None) -> Avoid:
    """An ingredient (by any of its names), then a group, then a concern; else a clear problem."""
    from skincli.errors import NotFoundError
    from skincli.kb.names import name_key

    key = name_key(name)
    for group in kb.groups():  # a group first: avoiding "fragrance" means every scent ingredient
        if key in (name_key(group.id), name_key(group.name)):
            return Avoid(name, "group", group.id, group.name)
    found = kb.resolve(name)
    if found is not None:
        return Avoid(name, "ingredient", found, kb.name_of(found))
    try:
        effect = kb.find_effect(name)
    except NotFoundError:
        effect = None
    if effect is not None and effect.is_concern:
        return Avoid(name, "concern", effect.id, effect.name)
    suggestions = kb.suggest(name)
    hint = f"; did you mean {', '.join(suggestions)}?" if suggestions else ""
    raise ProfileError(
        [Problem(where or "--avoid", 1, 1, f"profile: nothing named {name!r} (an ingredient, a group or a concern){hint}")]
    )


def warnings_for(ingredient: Ingredient, kb: KnowledgeBase, profile: Profile) -> list[Warning]:
    """Why this ingredient concerns the user: cautions and graded concern claims, strongest first."""
    out: list[Warning] = []

    def add(reason: str, text: str, level: int | None, sources: tuple[str, ...]) -> None:
        out.append(Warning(ingredient.id, ingredient.name, reason, text, level, sources))

    if profile.pregnant:
        for caution in ingredient.cautions:
            if caution.type == "pregnancy":
                add("pregnancy", caution.text, None, caution.sources)
        for claim in ingredient.claims:
            if claim.effect == "pregnancy-risk" and claim.direction == "for":
                add("pregnancy", claim.statement, claim.level, claim.sources)
    if profile.sensitive:
        for caution in ingredient.cautions:
            if caution.type in SENSITIVE_CAUTIONS:
                add("sensitive", caution.text, None, caution.sources)
        for claim in ingredient.claims:
            if claim.effect in SENSITIVE_CONCERNS and claim.direction == "for" and claim.level >= MIN_CONCERN_LEVEL:
                add("sensitive", claim.statement, claim.level, claim.sources)
    groups = {g.id: g for g in kb.groups()}
    for avoid in profile.avoid:
        if avoid.kind == "ingredient" and avoid.id == ingredient.id:
            add("avoid", f"{ingredient.name} is on your list ({avoid.text})", None, ())
        elif avoid.kind == "group" and ingredient.id in groups[avoid.id].members:
            add("avoid", f"{ingredient.name} is one of the {avoid.name.lower()} on your list", None, ())
        elif avoid.kind == "concern":
            for claim in ingredient.claims:
                if claim.effect == avoid.id and claim.direction == "for" and claim.level >= MIN_CONCERN_LEVEL:
                    add("avoid", f"{avoid.name} is on your list: {claim.statement}", claim.level, claim.sources)
    return sorted(out, key=lambda w: (w.level is None, -(w.level or 0)))


def for_entries(kb: KnowledgeBase, entries: list[tuple[int, str]], profile: Profile) -> dict[str, Any]:
    """The profile and its warnings for label entries given as (position, ingredient id): what `scan`
    and `check` lead with. Each warning carries the position it belongs to."""
    warnings = []
    cache: dict[str, list[Warning]] = {}
    for position, ingredient_id in entries:
        if ingredient_id not in cache:
            cache[ingredient_id] = warnings_for(kb.ingredient(ingredient_id), kb, profile)
        warnings += [{**w.to_dict(), "position": position} for w in cache[ingredient_id]]
    warnings.sort(key=lambda w: (w["level"] is None, -(w["level"] or 0), w["position"]))
    return {**profile.to_dict(), "warnings": warnings}
