"""Schema and reference checks for a knowledge base, reporting every problem with its position."""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

from skincli.errors import KnowledgeBaseError, Problem
from skincli.kb.evidence import MAX_LEVEL, MIN_LEVEL
from skincli.kb.levels import ROUTES
from skincli.kb.names import name_keys

FORMAT_VERSION = 2
FORMATS = (1, 2)  # format 1 files (no routes required, no groups or interactions) are still read
SECTIONS = ("sources", "experts", "effects", "groups", "ingredients", "interactions")
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
SOURCE_KINDS = ("article", "study", "review", "guideline", "regulation", "patent", "book")
INGREDIENT_KINDS = ("ingredient", "procedure", "drug")
STANCES = ("endorses", "skeptical", "cautions", "neutral")
CAUTION_TYPES = ("pregnancy", "irritation", "photosensitivity", "allergy", "regulatory", "interaction", "stability", "other")
DIRECTIONS = ("for", "against")
EFFECT_KINDS = ("benefit", "concern")
INTERACTION_KINDS = (
    "irritation",
    "inactivation",
    "photosensitivity",
    "cancelling-out",
    "reduced-efficacy",
    "synergy",
    "other",
)
PATTERNS = {
    "doi": (re.compile(r"^10\.\d{4,9}/\S+$"), "a DOI looks like 10.1234/abc"),
    "pmid": (re.compile(r"^[1-9]\d{0,8}$"), "a PMID is digits only"),
    "pmcid": (re.compile(r"^PMC\d+$"), "a PMCID looks like PMC1234567"),
    "url": (re.compile(r"^https?://\S+$"), "a URL starts with http:// or https://"),
    "date": (re.compile(r"^\d{4}(-\d{2}(-\d{2})?)?$"), 'write dates as "YYYY-MM-DD"'),
}

# field -> (kind, required). Kinds: str, int, level, strs, enum:<values>, list:<entity>, map:<entity>.
Spec = dict[str, tuple[str, bool]]
ENTITIES: dict[str, Spec] = {
    "source": {
        "id": ("slug", True),
        "kind": ("enum:source", True),
        "title": ("str", True),
        "authors": ("strs", False),
        "date": ("date", False),
        "year": ("int", False),
        "publisher": ("str", False),
        "journal": ("str", False),
        "volume": ("str", False),
        "issue": ("str", False),
        "pages": ("str", False),
        "url": ("url", False),
        "doi": ("doi", False),
        "pmid": ("pmid", False),
        "pmcid": ("pmcid", False),
        "note": ("str", False),
    },
    "expert": {
        "id": ("slug", True),
        "name": ("str", True),
        "title": ("str", False),
        "specialty": ("str", False),
        "affiliation": ("str", False),
        "source": ("str", True),
    },
    "effect": {
        "id": ("slug", True),
        "name": ("str", True),
        "description": ("str", True),
        "kind": ("enum:effect", False),
        "aliases": ("strs", False),
    },
    "group": {
        "id": ("slug", True),
        "name": ("str", True),
        "description": ("str", False),
        "members": ("strs", True),
        "doubling": ("bool", False),
    },
    "ingredient": {
        "id": ("slug", True),
        "name": ("str", True),
        "aliases": ("strs", False),
        "inci": ("strs", False),
        "kind": ("enum:ingredient", True),
        "category": ("str", True),
        "summary": ("str", True),
        "role": ("str", False),
        "use": ("enums:route", False),
        "forms": ("list:form", False),
        "reviewed": ("date", False),
        "claims": ("list:claim", False),
        "opinions": ("list:opinion", False),
        "facts": ("list:fact", False),
        "cautions": ("list:caution", False),
        "related": ("strs", False),
    },
    "claim": {
        "effect": ("str", True),
        "statement": ("str", True),
        "claimed_by": ("str", True),
        "route": ("enum:route", False),
        "form": ("slugs", False),
        "strength": ("str", False),
        "prescription": ("bool", False),
        "population": ("str", False),
        "direction": ("enum:direction", False),
        "comparison": ("bool", False),
        "head_to_head": ("strs", False),
        "reviewed": ("date", False),
        "evidence": ("map:evidence", True),
        "sources": ("strs", False),
    },
    "form": {"id": ("slug", True), "name": ("str", True), "inci": ("strs", False), "note": ("str", False)},
    "interaction": {
        "id": ("slug", True),
        "between": ("strs", True),
        "effect": ("enum:interaction", True),
        "statement": ("str", True),
        "claimed_by": ("str", False),
        "route": ("enum:route", False),
        "advice": ("str", False),
        "reviewed": ("date", False),
        "evidence": ("map:evidence", True),
        "sources": ("strs", False),
    },
    "evidence": {"level": ("level", True), "rationale": ("str", True)},
    "opinion": {"expert": ("str", True), "stance": ("enum:stance", True), "quote": ("str", True), "source": ("str", True)},
    "fact": {"statement": ("str", True), "source": ("str", True)},
    "caution": {"type": ("enum:caution", True), "text": ("str", True), "sources": ("strs", False)},
}
ENUMS = {
    "source": SOURCE_KINDS,
    "ingredient": INGREDIENT_KINDS,
    "stance": STANCES,
    "caution": CAUTION_TYPES,
    "route": ROUTES,
    "direction": DIRECTIONS,
    "effect": EFFECT_KINDS,
    "interaction": INTERACTION_KINDS,
}
SECTION_ENTITY = {
    "sources": "source",
    "experts": "expert",
    "effects": "effect",
    "groups": "group",
    "ingredients": "ingredient",
    "interactions": "interaction",
}


@dataclass
class Entry:
    """One top-level entry with the file it came from, so cross-file problems point at the right place."""

    path: str
    node: dict[str, Any]
    format: int = FORMAT_VERSION


class Checker:
    """Collects problems for one or more files."""

    def __init__(self, nodes: dict[int, Any]) -> None:
        self.problems: list[Problem] = []
        self.nodes = nodes  # id(container) -> YAML node, from load_yaml

    def mark(self, container: Any, key: str | int | None = None) -> tuple[int, int]:
        from skincli.kb.yamlread import position

        return position(self.nodes, container, key)

    def add(self, path: str, container: Any, key: str | int | None, message: str) -> None:
        line, column = self.mark(container, key)
        self.problems.append(Problem(path, line, column, message))

    # ---- structure -------------------------------------------------------------------------
    def document(self, doc: Any, path: str, *, overlay: bool) -> dict[str, list[Entry]]:
        """Check one file's top level and every entry's fields; return its entries by section."""
        found: dict[str, list[Entry]] = {s: [] for s in SECTIONS}
        if doc is None:
            self.add(path, None, None, "the file is empty; it needs the sections " + ", ".join(SECTIONS))
            return found
        if not isinstance(doc, dict):
            self.add(
                path,
                doc,
                None,
                f"the top level is a {_type_name(doc)}; it must be a mapping with the sections " + ", ".join(SECTIONS),
            )
            return found
        version = doc.get("format", FORMAT_VERSION)
        for key in doc:
            if key == "format":
                if version not in FORMATS or isinstance(version, bool):
                    self.add(
                        path,
                        doc,
                        key,
                        f"format {doc[key]!r} is not supported; this skincli reads formats " + " and ".join(map(str, FORMATS)),
                    )
                    version = FORMAT_VERSION
            elif key not in SECTIONS:
                self.add(path, doc, key, _unknown(str(key), ("format", *SECTIONS), "top-level section"))
        if not overlay and "ingredients" not in doc:
            self.add(path, doc, None, "missing section 'ingredients'")
        for section in SECTIONS:
            items = doc.get(section)
            if items is None:
                continue
            if not isinstance(items, list):
                self.add(path, doc, section, f"'{section}' must be a list, not a {_type_name(items)}")
                continue
            entity = SECTION_ENTITY[section]
            if version == 1 and section in ("groups", "interactions"):
                self.add(path, doc, section, f"section '{section}' needs format 2; write 'format: 2' at the top")
                continue
            for index, item in enumerate(items):
                if self.fields(item, entity, path, items, index, f"{section}[{index}]"):
                    found[section].append(Entry(path, item, version))
        return found

    def fields(self, node: Any, entity: str, path: str, parent: Any, key: str | int, where: str) -> bool:
        """Check one mapping against its spec; False when it is not a mapping at all.

        `where` names the mapping for messages: `ingredient 'retinol'` or `ingredient 'retinol': claims[0]`.
        """
        spec = ENTITIES[entity]
        if not isinstance(node, dict):
            self.add(path, parent, key, f"{where}: each {entity} must be a mapping, not a {_type_name(node)}")
            return False
        if isinstance(node.get("id"), str) and entity in SECTION_ENTITY.values():
            where = f"{entity} {node['id']!r}"
        for field, (_kind, required) in spec.items():
            if required and field not in node:
                self.add(path, node, None, f"{where}: missing required field '{field}'")
        for field, value in node.items():
            entry = spec.get(field)
            if entry is None:
                self.add(path, node, field, f"{where}: " + _unknown(str(field), tuple(spec), f"{entity} field"))
                continue
            kind = entry[0]
            # Fast paths for the common valid values, so a large file does not pay for labels.
            if kind == "str" and type(value) is str and value.strip():
                continue
            if kind == "strs" and type(value) is list and all(type(v) is str and v.strip() for v in value):
                continue
            child = f"{where}.{field}" if ":" in where else f"{where}: {field}"
            self.value(value, kind, path, node, field, child)
        return True

    def value(self, value: Any, kind: str, path: str, parent: Any, key: str | int, label: str) -> None:
        if kind.startswith("list:"):
            if not isinstance(value, list):
                self.add(path, parent, key, f"{label} must be a list, not a {_type_name(value)}")
                return
            entity = kind[5:]
            for i, item in enumerate(value):
                self.fields(item, entity, path, value, i, f"{label}[{i}]")
            return
        if kind.startswith("map:"):
            self.fields(value, kind[4:], path, parent, key, label)
            return
        if kind == "bool":
            if not isinstance(value, bool):
                self.add(path, parent, key, f"{label} must be true or false, not {value!r}")
            return
        if kind.startswith("enums:"):
            allowed = ENUMS[kind[6:]]
            if not isinstance(value, list) or not value:
                self.add(path, parent, key, f"{label} must be a non-empty list of: " + ", ".join(allowed))
                return
            for i, item in enumerate(value):
                if item not in allowed:
                    self.add(path, value, i, f"{label}[{i}] {item!r} is not one of: " + ", ".join(allowed))
            return
        if kind == "slugs":  # one slug, or a list of them
            for i, item in enumerate(value if isinstance(value, list) else [value]):
                self.value(
                    item, "slug", path, value if isinstance(value, list) else parent, i if isinstance(value, list) else key, label
                )
            if isinstance(value, list) and not value:
                self.add(path, parent, key, f"{label} must name at least one form")
            return
        if kind == "strs":
            if not isinstance(value, list):
                self.add(path, parent, key, f"{label} must be a list of strings, not a {_type_name(value)}")
                return
            for i, item in enumerate(value):
                if not isinstance(item, str) or not item.strip():
                    self.add(path, value, i, f"{label}[{i}] must be a non-empty string")
            return
        if kind in ("int", "level"):
            if isinstance(value, bool) or not isinstance(value, int):
                self.add(path, parent, key, f"{label} must be a whole number, not {value!r}")
            elif kind == "level" and not MIN_LEVEL <= value <= MAX_LEVEL:
                self.add(path, parent, key, f"{label} is {value}, out of range; levels run from {MIN_LEVEL} to {MAX_LEVEL}")
            return
        if kind == "str" and isinstance(value, int) and not isinstance(value, bool) and key in ("volume", "issue", "pages"):
            return
        if not isinstance(value, str) or not value.strip():
            self.add(path, parent, key, f"{label} must be a non-empty string, not {value!r}")
            return
        if kind == "slug" and not SLUG.match(value):
            self.add(path, parent, key, f"{label} {value!r} is not a slug (lowercase letters, digits and single hyphens)")
        elif kind.startswith("enum:"):
            allowed = ENUMS[kind[5:]]
            if value not in allowed:
                self.add(path, parent, key, f"{label} {value!r} is not one of: " + ", ".join(allowed))
        elif kind in PATTERNS:
            pattern, hint = PATTERNS[kind]
            if not pattern.match(value):
                self.add(path, parent, key, f"{label} {value!r} is malformed; {hint}")
            elif kind == "date" and not _real_date(value):
                self.add(path, parent, key, f"{label} {value!r} is not a real date; {hint}")

    # ---- references ------------------------------------------------------------------------
    def references(self, merged: dict[str, dict[str, Entry]]) -> None:
        """Every id a claim, opinion, fact, caution, expert or related list names must exist."""
        sources, experts = merged["sources"], merged["experts"]
        effects, ingredients = merged["effects"], merged["ingredients"]

        def need(ids: Any, table: dict[str, Entry], what: str, entry: Entry, parent: Any, key: str | int, label: str) -> None:
            if isinstance(ids, str) and ids not in table:
                self.add(entry.path, parent, key, f"{label}: no {what} with id {ids!r}" + _hint(ids, table))

        for entry in experts.values():
            need(entry.node.get("source"), sources, "source", entry, entry.node, "source", f"expert {entry.node['id']!r}")
        groups = merged["groups"]
        for group_id, entry in groups.items():
            for j, member in _strs(entry.node.get("members")):
                need(member, ingredients, "ingredient", entry, entry.node["members"], j, f"group {group_id!r} members")
        for ing_id, entry in ingredients.items():
            node, label = entry.node, f"ingredient {ing_id!r}"
            forms = self.forms(entry, ing_id)
            for i, claim in _items(node, "claims"):
                where = f"{label} claim {i + 1}"
                need(claim.get("effect"), effects, "effect", entry, claim, "effect", where)
                self.studied(entry, claim, where, forms, sources)
                by = claim.get("claimed_by")
                if isinstance(by, str) and by not in experts and by not in sources:
                    self.add(
                        entry.path,
                        claim,
                        "claimed_by",
                        f"{where}: claimed_by {by!r} is neither an expert nor a source id" + _hint(by, {**experts, **sources}),
                    )
                for j, sid in _strs(claim.get("sources")):
                    need(sid, sources, "source", entry, claim["sources"], j, where)
            for i, opinion in _items(node, "opinions"):
                where = f"{label} opinion {i + 1}"
                need(opinion.get("expert"), experts, "expert", entry, opinion, "expert", where)
                need(opinion.get("source"), sources, "source", entry, opinion, "source", where)
            for i, fact in _items(node, "facts"):
                need(fact.get("source"), sources, "source", entry, fact, "source", f"{label} fact {i + 1}")
            for i, caution in _items(node, "cautions"):
                for j, sid in _strs(caution.get("sources")):
                    need(sid, sources, "source", entry, caution["sources"], j, f"{label} caution {i + 1}")
            for j, rid in _strs(node.get("related")):
                if rid == ing_id:
                    self.add(entry.path, node["related"], j, f"{label}: related lists the ingredient itself")
                else:
                    need(rid, ingredients, "ingredient", entry, node["related"], j, f"{label} related")

        for inter_id, entry in merged["interactions"].items():
            node, label = entry.node, f"interaction {inter_id!r}"
            between = node.get("between")
            lone_group = isinstance(between, list) and len(set(map(str, between))) == 1 and str(between[0]) in groups
            if isinstance(between, list) and len(set(map(str, between))) < 2 and not lone_group:
                self.add(
                    entry.path,
                    node,
                    "between",
                    f"{label}: between needs two different ingredients or groups (or one group: two of its members together)",
                )
            for j, some_id in _strs(between):
                if some_id not in ingredients and some_id not in groups:
                    hint = _hint(some_id, {**ingredients, **groups})
                    self.add(entry.path, between, j, f"{label}: {some_id!r} is neither an ingredient nor a group id" + hint)
            by = node.get("claimed_by")
            if isinstance(by, str) and by not in experts and by not in sources:
                self.add(entry.path, node, "claimed_by", f"{label}: claimed_by {by!r} is neither an expert nor a source id")
            for j, sid in _strs(node.get("sources")):
                need(sid, sources, "source", entry, node["sources"], j, label)

    def forms(self, entry: Entry, ing_id: str) -> set[str]:
        """The ids of an ingredient's forms; each form's INCI names must be the ingredient's, in one form only."""
        node = entry.node
        inci = {n for _, n in _strs(node.get("inci"))}
        ids: set[str] = set()
        owner: dict[str, str] = {}
        for i, form in _items(node, "forms"):
            form_id = form.get("id")
            if isinstance(form_id, str):
                if form_id in ids:
                    self.add(entry.path, form, "id", f"ingredient {ing_id!r}: form id {form_id!r} is used twice")
                ids.add(form_id)
            for j, name in _strs(form.get("inci")):
                if name not in inci:
                    self.add(
                        entry.path,
                        form["inci"],
                        j,
                        f"ingredient {ing_id!r} form {i + 1}: {name!r} is not in the ingredient's inci list; add it there too",
                    )
                elif name in owner:
                    self.add(entry.path, form["inci"], j, f"ingredient {ing_id!r}: {name!r} is already in form {owner[name]!r}")
                else:
                    owner[name] = str(form_id)
        return ids

    def studied(self, entry: Entry, claim: dict[str, Any], where: str, forms: set[str], sources: dict[str, Entry]) -> None:
        """What a claim's evidence studied: the route (required from format 2), the form, comparisons."""
        if entry.format >= 2 and "route" not in claim:
            self.add(
                entry.path,
                claim,
                None,
                f"{where}: missing required field 'route' (topical, oral, injected or procedure: how the evidence was given)",
            )
        named = claim.get("form")
        if forms and named is None:
            self.add(
                entry.path,
                claim,
                None,
                f"{where}: the ingredient lists forms, so say which one was studied: form: one of " + ", ".join(sorted(forms)),
            )
        for form in named if isinstance(named, list) else [named] if named is not None else []:
            if isinstance(form, str) and form not in forms:
                what = "one of " + ", ".join(sorted(forms)) if forms else "listed under the ingredient's forms first"
                self.add(entry.path, claim, "form", f"{where}: form {form!r} is not a form of this ingredient; it must be {what}")
        for j, sid in _strs(claim.get("head_to_head")):
            if sid not in sources:
                self.add(entry.path, claim["head_to_head"], j, f"{where}: no source with id {sid!r}" + _hint(sid, sources))
        if claim.get("head_to_head") and not claim.get("comparison"):
            self.add(entry.path, claim, "head_to_head", f"{where}: head_to_head is for comparison claims; add comparison: true")

    def effect_names(self, effects: dict[str, Entry]) -> None:
        """An effect's id, name and aliases must lead to that effect only (`skincli effect NAME`)."""
        owner: dict[str, str] = {}
        for effect_id, entry in effects.items():
            node = entry.node
            named: list[tuple[str, Any, str | int]] = [(effect_id, node, "id")]
            if isinstance(node.get("name"), str):
                named.append((node["name"], node, "name"))
            named.extend((n, node["aliases"], i) for i, n in _strs(node.get("aliases")))
            for name, parent, key in named:
                for k in name_keys(name):
                    if owner.setdefault(k, effect_id) != effect_id:
                        self.add(entry.path, parent, key, f"effect {effect_id!r}: {name!r} also names effect {owner[k]!r}")

    def name_collisions(self, ingredients: dict[str, Entry]) -> None:
        """A name, alias or INCI name must lead to one ingredient only."""
        owner: dict[str, tuple[str, str]] = {}
        for ing_id, entry in ingredients.items():
            node = entry.node
            named: list[tuple[str, Any, str | int]] = [(ing_id, node, "id")]
            if isinstance(node.get("name"), str):
                named.append((node["name"], node, "name"))
            for field in ("aliases", "inci"):
                named.extend((n, node[field], i) for i, n in _strs(node.get(field)))
            for name, parent, key in named:
                keys = name_keys(name)
                if not keys:  # '!!!': nothing is left to look it up by
                    self.add(
                        entry.path, parent, key, f"ingredient {ing_id!r}: the name {name!r} has no letters or digits to look up"
                    )
                for k in keys:
                    other = owner.get(k)
                    if other and other[0] != ing_id:
                        self.add(
                            entry.path,
                            parent,
                            key,
                            f"ingredient {ing_id!r}: the name {name!r} also names ingredient {other[0]!r} "
                            f"(as {other[1]!r}); names must be unique",
                        )
                    elif not other:
                        owner[k] = (ing_id, name)


def _real_date(value: str) -> bool:
    """A YYYY, YYYY-MM or YYYY-MM-DD string (already matched) naming a day that exists."""
    parts = [int(p) for p in value.split("-")]
    if len(parts) > 1 and not 1 <= parts[1] <= 12:
        return False
    if len(parts) > 2:
        year, month, day = parts
        leap = year % 4 == 0 and (year % 100 != 0 or year % 400 == 0)
        days = (31, 29 if leap else 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31)[month - 1]
        return 1 <= day <= days
    return True


def _items(node: dict[str, Any], field: str) -> Iterator[tuple[int, dict[str, Any]]]:
    value = node.get(field)
    if isinstance(value, list):
        yield from ((i, item) for i, item in enumerate(value) if isinstance(item, dict))


def _strs(value: Any) -> Iterator[tuple[int, str]]:
    if isinstance(value, list):
        yield from ((i, item) for i, item in enumerate(value) if isinstance(item, str))


def _type_name(value: Any) -> str:
    for kind, name in (
        (type(None), "null"),
        (bool, "boolean"),
        (dict, "mapping"),
        (list, "list"),
        (str, "string"),
        ((int, float), "number"),
    ):
        if isinstance(value, kind):
            return name
    return type(value).__name__


def _unknown(key: str, allowed: tuple[str, ...], what: str) -> str:
    import difflib

    close = difflib.get_close_matches(key, allowed, n=1, cutoff=0.6)
    hint = f"; did you mean '{close[0]}'?" if close else "; allowed: " + ", ".join(allowed)
    return f"unknown {what} '{key}'{hint}"


def _hint(name: str, table: dict[str, Any]) -> str:
    import difflib

    close = difflib.get_close_matches(name, list(table), n=1, cutoff=0.75)
    return f"; did you mean {close[0]!r}?" if close else ""


def merge(files: list[dict[str, list[Entry]]], checker: Checker) -> dict[str, dict[str, Entry]]:
    """Merge files in order; a later file (the overlay) replaces entries with the same id."""
    merged: dict[str, dict[str, Entry]] = {s: {} for s in SECTIONS}
    for found in files:
        for section, entries in found.items():
            seen_here: dict[str, Any] = {}
            for entry in entries:
                entry_id = entry.node.get("id")
                if not isinstance(entry_id, str):
                    continue
                if entry_id in seen_here:
                    first = checker.mark(seen_here[entry_id], "id")[0]
                    checker.add(
                        entry.path,
                        entry.node,
                        "id",
                        f"duplicate {SECTION_ENTITY[section]} id {entry_id!r} (first at line {first}); ids must be unique",
                    )
                    continue
                seen_here[entry_id] = entry.node
                merged[section][entry_id] = entry
    return merged


def check_documents(documents: list[tuple[Any, ...]]) -> dict[str, list[dict[str, Any]]]:
    """Validate (data, nodes, path, is_overlay[, checked_ingredients]) tuples; return the merged data
    or raise with all problems. `checked_ingredients` are more entries of the same file whose fields
    were already checked (by twoparse's child process)."""
    nodes: dict[int, Any] = {}
    for document in documents:
        nodes.update(document[1])
    checker = Checker(nodes)
    files = []
    for data, _nodes, path, overlay, *checked in documents:
        found = checker.document(data, path, overlay=overlay)
        version = data.get("format", FORMAT_VERSION) if isinstance(data, dict) else FORMAT_VERSION
        for items in checked:
            found["ingredients"].extend(Entry(path, item, version) for item in items)
        files.append(found)
    merged = merge(files, checker)
    checker.references(merged)
    checker.name_collisions(merged["ingredients"])
    checker.effect_names(merged["effects"])
    if checker.problems:
        checker.problems.sort(key=lambda p: (p.path, p.line, p.column))
        raise KnowledgeBaseError(checker.problems)
    return {section: [e.node for e in merged[section].values()] for section in SECTIONS}
