"""The knowledge base: where it lives, how it is loaded (through the cache) and how names resolve."""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, NamedTuple

from skincli.errors import NotFoundError
from skincli.kb.model import Effect, Expert, Group, Ingredient, Interaction, Source
from skincli.kb.names import name_key, name_keys

PACKAGE_DIR = Path(__file__).resolve().parent.parent  # skincli/, where the wheel puts data/
MAX_BYTES = 64 * 1024 * 1024  # a knowledge base (or overlay) larger than this is refused


def shipped_path() -> Path:
    """The knowledge base inside the installed package, or at the top of a source checkout."""
    inside = PACKAGE_DIR / "data" / "ingredients.yaml"
    return inside if inside.exists() else PACKAGE_DIR.parent / "data" / "ingredients.yaml"


def _user_file(variable: str, name: str) -> Path | None:
    """$variable when set (empty: none), else $XDG_CONFIG_HOME/skincli/<name> if that file exists."""
    explicit = os.environ.get(variable)
    if explicit is not None:
        return Path(explicit) if explicit else None
    base = xdg_base("XDG_CONFIG_HOME", ".config")
    path = base / "skincli" / name if base else None
    return path if path and path.is_file() else None


def overlay_path() -> Path | None:
    """The user overlay: $SKINCLI_OVERLAY, else $XDG_CONFIG_HOME/skincli/overlay.yaml, if it exists."""
    return _user_file("SKINCLI_OVERLAY", "overlay.yaml")


def profile_path() -> Path | None:
    """The user's profile: $SKINCLI_PROFILE, else $XDG_CONFIG_HOME/skincli/profile.yaml, if it exists
    (here, beside the overlay, so a run without one never imports the profile module)."""
    return _user_file("SKINCLI_PROFILE", "profile.yaml")


def xdg_base(variable: str, under_home: str) -> Path | None:
    """An XDG base directory: $variable if absolute (the spec says to ignore relative ones), else
    $HOME/under_home. An empty or relative HOME is not a home: then the password database's, or None."""
    value = os.environ.get(variable, "")
    if os.path.isabs(value):
        return Path(value)
    home = os.environ.get("HOME", "")
    if not os.path.isabs(home):
        try:
            import pwd

            home = pwd.getpwuid(os.getuid()).pw_dir
        except (ImportError, KeyError, OSError):
            return None
        if not os.path.isabs(home):
            return None
    return Path(home) / under_home


def read_file(path: Path) -> bytes:
    """A knowledge-base file's bytes, read once and at most MAX_BYTES, whatever it is: a regular file,
    a pipe (`--kb <(...)`), /dev/stdin or a device (/dev/zero stops at the limit). Problems become
    KnowledgeBaseError."""
    import stat

    from skincli.errors import KnowledgeBaseError, Problem

    where = str(path)
    limit = MAX_BYTES // (1024 * 1024)

    def problem(message: str) -> KnowledgeBaseError:
        return KnowledgeBaseError([Problem(where, 1, 1, message)])

    try:
        with open(path, "rb") as handle:
            st = os.fstat(handle.fileno())
            if stat.S_ISDIR(st.st_mode):
                raise problem("is a directory; give the path of a YAML file")
            if stat.S_ISREG(st.st_mode) and st.st_size > MAX_BYTES:
                raise problem(f"file is {st.st_size // (1024 * 1024)} MiB; the limit is {limit} MiB")
            data = handle.read(MAX_BYTES + 1)
    except IsADirectoryError:
        raise problem("is a directory; give the path of a YAML file") from None
    except FileNotFoundError:
        raise problem("no such file; check the path (or --kb / SKINCLI_KB)") from None
    except PermissionError:
        raise problem("permission denied; make the file readable") from None
    except OSError as exc:
        raise problem(f"cannot read: {os.strerror(exc.errno) if exc.errno else exc}") from None
    if len(data) > MAX_BYTES:
        raise problem(f"more than {limit} MiB; the limit is {limit} MiB")
    return data


# Words many ingredient names share: a match on them alone does not make a suggestion plausible.
_COMMON_WORDS = frozenset(
    "acid acids extract oil seed leaf root flower fruit water sodium potassium vitamin cream serum the of and".split()
)


_STRENGTH = re.compile(r"\b\d+(?:[.,]\d+)?\s?%")
# Words a product adds to the name of its ingredient ("retinol serum", "Kollagen-Pulver" is one word: not these).
_PRODUCT_WORD = re.compile(
    r"(?:serums?|seren|creams?|cremes?|oils?|öle?|powders?|pulver|supplements?|capsules?|kapseln|tablets?|tabletten|"
    r"pills?|gummies|drinks?|shots?|lotions?|gels?|masks?|masken?|toners?|essences?|drops?|tropfen|balms?|"
    r"moisturi[sz]ers?|treatments?|spf|lsf|products?|produkte?)",
    re.IGNORECASE,
)


def _inside(word: str, key: str) -> bool:
    """Whether a word (nearly) occurs in a name key: the best window of its length matches at 0.75."""
    import difflib

    if word in key:
        return True
    n = len(word)
    return any(difflib.SequenceMatcher(None, word, key[i : i + n]).ratio() >= 0.75 for i in range(max(len(key) - n + 1, 1)))


class KbFiles(NamedTuple):
    """The files one knowledge base is made of: a base file and an optional overlay."""

    base: Path
    overlay: Path | None = None

    @classmethod
    def select(cls, kb: str | None, *, use_overlay: bool = True) -> KbFiles:
        chosen = kb or os.environ.get("SKINCLI_KB") or None
        return cls(Path(chosen) if chosen else shipped_path(), overlay_path() if use_overlay else None)

    def paths(self) -> list[Path]:
        return [self.base] + ([self.overlay] if self.overlay else [])


def parse(files: KbFiles, data: list[bytes | None] | None = None) -> dict[str, list[dict[str, Any]]]:
    """Read, parse and validate the files; raises KnowledgeBaseError listing every problem.

    `data` holds bytes already read (by the cache's probe), one slot per file; files not yet read
    are read here and their bytes stored in it, so each file is read exactly once.
    """
    import gc

    from skincli.errors import KnowledgeBaseError
    from skincli.kb.twoparse import parse_in_two
    from skincli.kb.validate import check_documents
    from skincli.kb.yamlread import decode_text, load_yaml

    paths = files.paths()
    raw = data if data is not None else [None] * len(paths)
    for index, path in enumerate(paths):
        if raw[index] is None:
            raw[index] = read_file(path)

    # Validation walks millions of fresh objects and makes no cycles: the collector's passes over
    # them cost more than the checks on a large knowledge base.
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        texts = [(decode_text(raw[i] or b"", str(p)), str(p), p == files.overlay) for i, p in enumerate(paths)]
        halves = None if texts[0][2] else parse_in_two(texts[0][0], texts[0][1])
        if halves is not None:
            try:
                head_data, nodes, tail_items = halves
                first = (head_data, nodes, texts[0][1], False, tail_items)
                return check_documents([first] + [(*load_yaml(t, w), w, o) for t, w, o in texts[1:]])
            except KnowledgeBaseError:
                pass  # parse again in one piece: only that gives every problem its exact position
        return check_documents([(*load_yaml(text, where), where, overlay) for text, where, overlay in texts])
    finally:
        if was_enabled:
            gc.enable()


def build_tables(data: dict[str, list[dict[str, Any]]]) -> tuple[dict[str, Any], dict[str, dict[str, Any]]]:
    """Turn validated data into a small header (indexes) and record tables, the cache's layout."""
    index: dict[str, str] = {}
    for raw in data["ingredients"]:
        for name in (raw["id"], raw["name"], *raw.get("aliases", ()), *raw.get("inci", ())):
            for key in name_keys(name):
                index.setdefault(key, raw["id"])
    header = {
        "effects": data["effects"],
        "experts": {e["id"]: e for e in data["experts"]},
        # One string of "\nkey\tid" lines, searched with str.find: unmarshalling it is ten times
        # faster than a dict of the same 70,000 keys (10,000 ingredients), and `show` needs one key.
        "index": "\n" + "".join(f"{key}\t{ingredient_id}\n" for key, ingredient_id in index.items()),
        "source_order": [s["id"] for s in data["sources"]],
        "groups": data.get("groups", []),
        "interactions": data.get("interactions", []),
    }
    tables = {
        "ingredients": {raw["id"]: raw for raw in data["ingredients"]},
        "sources": {raw["id"]: raw for raw in data["sources"]},
        "meta": {"names": {raw["id"]: raw["name"] for raw in data["ingredients"]}},
    }
    return header, tables


class KnowledgeBase:
    """Look-ups over one loaded knowledge base; records are turned into models on first use."""

    def __init__(self, header: dict[str, Any], record: Callable[[str, str], Any], origin: str) -> None:
        self.origin = origin
        self._header = header
        self._record = record
        self._names: dict[str, str] | None = None
        self._effects = {e["id"]: Effect.from_raw(e) for e in header["effects"]}
        self._ingredients: dict[str, Ingredient] = {}
        self._sources: dict[str, Source] = {}

    # ---- ingredients -----------------------------------------------------------------------
    def _all_names(self) -> dict[str, str]:
        """id -> display name of every ingredient, in file order; read only when needed."""
        if self._names is None:
            self._names = self._record("meta", "names") or {}
        return self._names

    def ingredient_ids(self) -> list[str]:
        return list(self._all_names())

    def name_of(self, ingredient_id: str) -> str:
        return self._all_names().get(ingredient_id, ingredient_id)

    def resolve(self, name: str) -> str | None:
        """The id of the ingredient a name, alias or INCI name leads to, or None."""
        index: str = self._header["index"]
        for key in name_keys(name):
            start = index.find(f"\n{key}\t")
            if start >= 0:
                start += len(key) + 2
                return index[start : index.index("\n", start)]
        return None

    def _index_keys(self) -> dict[str, str]:
        """The whole name index as a dict, for the rare callers that scan it (suggestions)."""
        pairs = (line.split("\t") for line in self._header["index"].strip("\n").split("\n") if line)
        return dict(pairs)

    def ingredient(self, ingredient_id: str) -> Ingredient:
        cached = self._ingredients.get(ingredient_id)
        if cached is None:
            cached = self._ingredients[ingredient_id] = Ingredient.from_raw(self._record("ingredients", ingredient_id))
        return cached

    def find(self, name: str) -> Ingredient:
        """Resolve a name or raise NotFoundError with close matches.

        A name that is the leading words of exactly one ingredient's name ("azelaic", "tranexamic")
        opens that ingredient: nobody types "acid" to mean the only azelaic thing there is. Where two
        could be meant ("hyaluronic": the acid and the filler) the reader gets "did you mean".
        """
        found = self.resolve(name) or self._only_one_starting(name) or self._as_product(name)
        if found is None:
            raise NotFoundError("ingredient", name, self.suggest(name), self._effect_hint(name))
        return self.ingredient(found)

    def _as_product(self, name: str) -> str | None:
        """ "retinol serum", "vitamin e oil", "collagen powder", "spf 30", "10% niacinamide", "The Ordinary
        Niacinamide 10% + Zinc 1%", "growth factor": the ingredient a product is named after (its first one),
        or the name's other number (singular, plural), when that alone is known."""
        name = _STRENGTH.sub(" ", name.split("+")[0].split("&")[0]).strip()  # strengths and added actives go
        if not name:
            return None
        candidates = [re.split(r"[\s\-\u2010\u2011]+", name)]  # "Vitamin-C-Serum", "Retinol-Creme"
        while len(candidates[-1]) > 1 and (_PRODUCT_WORD.fullmatch(candidates[-1][-1]) or candidates[-1][-1].isdigit()):
            candidates.append(candidates[-1][:-1])  # "sunscreen spf 50" -> "sunscreen spf" -> "sunscreen"
        for words in candidates:
            found = self.resolve(" ".join(words)) or (len(words) > 1 and self._only_one_starting(" ".join(words)))
            if found:
                return found
        stripped = candidates[-1]
        for drop in range(1, min(3, len(stripped) - 1) + 1):  # a brand before it: "The Ordinary Niacinamide"
            found = self.resolve(" ".join(stripped[drop:]))
            if found:
                return found
        other = name[:-1] if name.endswith("s") else name + "s"
        return self.resolve(other) if len(name_key(other)) >= 4 else None

    def _effect_hint(self, name: str) -> str | None:
        """ "whitening", "dark spots": an effect asked for as an ingredient gets pointed to its ranking."""
        try:
            effect = self.find_effect(name, fuzzy=False)
        except NotFoundError:
            return None
        return f"{name!r} is an effect: 'skincli effect {effect.id}' ranks what works for it"

    def _only_one_starting(self, name: str) -> str | None:
        """The one ingredient whose display name begins with the whole words of `name`, if only one does."""
        words = [name_key(w) for w in name.split()]
        key = name_key(name)
        if len(key) < 4 or not all(words):
            return None
        leading = {
            i
            for i, shown in self._all_names().items()
            if [name_key(w) for w in shown.split()][: len(words)] == words and len(shown.split()) > len(words)
        }
        if len(leading) != 1:
            return None
        (only,) = leading
        # An alias or INCI name of another ingredient beginning the same way makes it ambiguous after all.
        if any(i != only for k, i in self._index_keys().items() if k.startswith(key)):
            return None
        return only

    def ingredients(self) -> Iterator[Ingredient]:
        for ingredient_id in self.ingredient_ids():
            yield self.ingredient(ingredient_id)

    def suggest(self, name: str, limit: int = 3) -> list[str]:
        """Display names of ingredients whose names are close to `name` (typos, missing letters).

        Only plausible ones: nothing for one to three letters (an unknown abbreviation is not a typo of
        another), and in a name of several words the distinctive words must match, so "ferulic acid"
        is not offered "alpha hydroxy acids" for sharing "acid".
        """
        import difflib

        key = name_key(name)
        if len(key) <= 3:
            return []
        index = self._index_keys()
        close = difflib.get_close_matches(key, list(index), n=limit * 4, cutoff=0.75)
        close += [k for k in index if k.startswith(key) or (len(k) >= 5 and key.startswith(k))]
        distinctive = [name_key(w) for w in name.split() if name_key(w) not in _COMMON_WORDS and len(name_key(w)) >= 3]
        if len(name.split()) > 1 and distinctive:
            close = [k for k in close if all(_inside(w, k) for w in distinctive)]
        ids = list(dict.fromkeys(index[k] for k in close))
        return [self.name_of(i) for i in ids[:limit]]

    # ---- the other sections ----------------------------------------------------------------
    def effects(self) -> list[Effect]:
        return list(self._effects.values())

    def effect(self, effect_id: str) -> Effect:
        return self._effects.get(effect_id) or Effect(effect_id, effect_id, "")

    def find_effect(self, name: str, *, fuzzy: bool = True) -> Effect:
        """An effect by id, name or alias in any word form ("dark spots", "Falten", "wrinkle"); with
        `fuzzy`, a unique prefix or a close misspelling too."""
        from skincli.kb.words import stems

        key, wanted = name_key(name), stems(name)
        if not key:
            raise NotFoundError("effect", name, [])
        table: dict[str, str] = {}  # name key -> effect id, and " ".join(stems) -> effect id
        for effect in self._effects.values():
            for label in (effect.id, effect.name, *effect.aliases):
                table.setdefault(name_key(label), effect.id)
                table.setdefault(" ".join(stems(label)), effect.id)
        found = table.get(key) or table.get(" ".join(wanted))
        if found:
            return self._effects[found]
        if not fuzzy:
            raise NotFoundError("effect", name, [])
        import difflib

        keys = {k: v for k, v in table.items() if " " not in k}
        starts = [k for k in keys if len(key) >= 3 and k.startswith(key)]
        if len({keys[k] for k in starts}) == 1:  # "wrinkle", "pigment"
            return self._effects[keys[starts[0]]]
        close = difflib.get_close_matches(key, list(keys), n=3, cutoff=0.75)
        raise NotFoundError("effect", name, list(dict.fromkeys(keys[k] for k in starts + close)))

    def experts(self) -> list[Expert]:
        return [Expert.from_raw(e) for e in self._header["experts"].values()]

    def expert(self, expert_id: str) -> Expert | None:
        raw = self._header["experts"].get(expert_id)
        return Expert.from_raw(raw) if raw else None

    def find_expert(self, name: str) -> Expert:
        key = name_key(name)
        experts = self.experts()
        hits = [e for e in experts if key and (key == name_key(e.id) or key in name_key(e.name))]
        if not hits:
            import difflib

            names = {name_key(e.name): e.id for e in experts}
            close = difflib.get_close_matches(key, list(names), n=3, cutoff=0.5)
            raise NotFoundError("expert", name, [names[k] for k in close])
        return hits[0]

    def source(self, source_id: str) -> Source | None:
        cached = self._sources.get(source_id)
        if cached is None:
            raw = self._record("sources", source_id)
            if raw is None:
                return None
            cached = self._sources[source_id] = Source.from_raw(raw)
        return cached

    def sources(self) -> list[Source]:
        return [s for s in (self.source(i) for i in self._header["source_order"]) if s]

    def groups(self) -> list[Group]:
        return [Group.from_raw(g) for g in self._header.get("groups", ())]

    def interactions(self) -> list[Interaction]:
        return [Interaction.from_raw(i) for i in self._header.get("interactions", ())]

    def is_expert(self, some_id: str) -> bool:
        return some_id in self._header["experts"]

    def claimant_name(self, some_id: str) -> str:
        """Who makes a claim: an expert's name or a source's short citation."""
        expert = self.expert(some_id)
        if expert:
            return expert.display
        source = self.source(some_id)
        return source.short() if source else some_id


def open_kb(kb: str | None = None, *, use_overlay: bool = True, use_cache: bool = True) -> KnowledgeBase:
    """Load the selected knowledge base, from the cache when its key still matches the files."""
    files = KbFiles.select(kb, use_overlay=use_overlay)
    from skincli.kb import cache

    paths = files.paths()
    origin = " + ".join(str(p) for p in paths)
    found = cache.probe(paths) if use_cache else None  # None for a pipe or device: read once, not cached
    store = cache.load(found) if found is not None else None
    if found is not None and store is not None:
        return KnowledgeBase(store.header, _CachedRecords(store, files), origin)
    header, tables = build_tables(parse(files, found.data if found else None))
    if found is not None:
        _save_soon(found, header, tables)
    return KnowledgeBase(header, lambda table, rid: tables[table].get(rid), origin)


class _CachedRecords:
    """Records read from the cache; when one turns out damaged, every record comes from the YAML."""

    def __init__(self, store: Any, files: KbFiles) -> None:
        self._store = store
        self._files = files
        self._tables: dict[str, dict[str, Any]] | None = None

    def __call__(self, table: str, rid: str) -> Any:
        if self._tables is None:
            from skincli.kb import cache

            try:
                return self._store.record(table, rid)
            except cache.Damaged:
                self._store.discard()
                found = cache.probe(self._files.paths())
                header, self._tables = build_tables(parse(self._files, found.data if found else None))
                if found is not None:
                    _save_soon(found, header, self._tables)
        return self._tables[table].get(rid)


def _save_soon(found: Any, header: dict[str, Any], tables: dict[str, dict[str, Any]]) -> None:
    """Write the cache; for a large knowledge base, in a forked child so the answer is not delayed.

    Writing 10,000 ingredients takes ~0.3 s; the child writes to a temporary file and renames it,
    so a later run sees either no cache or a complete one, never a partial one.
    """
    from skincli.kb import cache
    from skincli.kb.twoparse import MIN_BYTES

    if sum(found.sizes) < MIN_BYTES or not hasattr(os, "fork"):
        cache.save(found, header, tables)
        return
    if os.fork() == 0:  # the child writes and leaves; the parent answers (the child is reaped at its exit)
        try:
            # Let go of the parent's stdout/stderr at once, so `$(skincli ...)` or a pipe reader
            # sees the end of the output when the parent finishes, not when the cache is written.
            devnull = os.open(os.devnull, os.O_RDWR)
            for fd in (0, 1, 2):
                os.dup2(devnull, fd)
            cache.save(found, header, tables)
        finally:
            os._exit(0)
