"""The knowledge base's domain values: immutable, built from validated plain data.

NamedTuples rather than frozen dataclasses: a dataclass compiles several methods per class at import,
which cost ~5 ms of every run's start-up here; NamedTuples give the same typed, immutable values.
"""

from __future__ import annotations

from typing import Any, NamedTuple

from skincli.kb import evidence


def _ids(value: Any) -> tuple[str, ...]:
    if value is None:
        return ()
    return (value,) if isinstance(value, str) else tuple(value)


def _s(raw: dict[str, Any], key: str) -> str | None:
    value = raw.get(key)
    return None if value is None else str(value)


class Source(NamedTuple):
    id: str
    kind: str
    title: str
    authors: tuple[str, ...] = ()
    date: str | None = None
    year: int | None = None
    publisher: str | None = None
    journal: str | None = None
    volume: str | None = None
    issue: str | None = None
    pages: str | None = None
    url: str | None = None
    doi: str | None = None
    pmid: str | None = None
    pmcid: str | None = None
    note: str | None = None

    @classmethod
    def from_raw(cls, raw: dict[str, Any]) -> Source:
        return cls(
            id=raw["id"],
            kind=raw["kind"],
            title=raw["title"],
            authors=tuple(raw.get("authors", ())),
            date=_s(raw, "date"),
            year=raw.get("year"),
            publisher=_s(raw, "publisher"),
            journal=_s(raw, "journal"),
            volume=_s(raw, "volume"),
            issue=_s(raw, "issue"),
            pages=_s(raw, "pages"),
            url=_s(raw, "url"),
            doi=_s(raw, "doi"),
            pmid=_s(raw, "pmid"),
            pmcid=_s(raw, "pmcid"),
            note=_s(raw, "note"),
        )

    @property
    def when(self) -> str:
        return self.date or (str(self.year) if self.year else "n.d.")

    def short(self) -> str:
        """A one-line citation: `Kafi R et al. 2007, Archives of Dermatology 143:606`, `MarieAge article, 2024-08-14`."""
        year = (self.date or "")[:4] or (str(self.year) if self.year else "")
        where = self.journal or self.publisher or ""
        if self.journal and self.volume:
            where += f" {self.volume}" + (f":{self.pages}" if self.pages else "")
        if self.kind == "article" and self.publisher:
            return f"{self.publisher} article, {self.date or year or 'n.d.'}"
        if self.authors:
            first = self.authors[0]
            who = first + (" et al." if len(self.authors) > 2 else f" & {self.authors[1]}" if len(self.authors) == 2 else "")
            head = f"{who} {year}".strip()
            return f"{head}, {where}" if where else head
        if where:
            return f"{where} ({year})" if year else where
        return f"{self.title} ({year})" if year else self.title

    def identifier(self) -> str | None:
        """The best verified link: DOI, then PMID, PMCID, URL."""
        if self.doi:
            return f"doi:{self.doi}"
        if self.pmid:
            return f"PMID {self.pmid}"
        if self.pmcid:
            return self.pmcid
        return self.url


class Expert(NamedTuple):
    id: str
    name: str
    source: str
    title: str | None = None
    specialty: str | None = None
    affiliation: str | None = None

    @classmethod
    def from_raw(cls, raw: dict[str, Any]) -> Expert:
        return cls(
            id=raw["id"],
            name=raw["name"],
            source=raw["source"],
            title=raw.get("title"),
            specialty=raw.get("specialty"),
            affiliation=raw.get("affiliation"),
        )

    @property
    def display(self) -> str:
        """Name with the title a source gives, e.g. `Dr. med. Timm Golüke`."""
        if self.title and not self.name.startswith(self.title):
            return f"{self.title} {self.name}"
        return self.name


class Effect(NamedTuple):
    id: str
    name: str
    description: str
    kind: str = "benefit"  # or "concern": a harm people worry about (irritation, contact allergy, ...)
    aliases: tuple[str, ...] = ()

    @classmethod
    def from_raw(cls, raw: dict[str, Any]) -> Effect:
        return cls(
            id=raw["id"],
            name=raw["name"],
            description=raw["description"],
            kind=raw.get("kind", "benefit"),
            aliases=tuple(raw.get("aliases", ())),
        )

    @property
    def is_concern(self) -> bool:
        return self.kind == "concern"


class Group(NamedTuple):
    """A named set of ingredients that share a role (retinoids, exfoliating acids), for interactions and profiles."""

    id: str
    name: str
    members: tuple[str, ...]
    description: str = ""
    doubling: bool = False  # two members in one routine double up (two retinoids); not for "fragrance"

    @classmethod
    def from_raw(cls, raw: dict[str, Any]) -> Group:
        return cls(
            id=raw["id"],
            name=raw["name"],
            members=tuple(raw["members"]),
            description=raw.get("description", ""),
            doubling=bool(raw.get("doubling", False)),
        )


class Interaction(NamedTuple):
    """A graded claim about using two or more ingredients (or groups) together (grading rule 12)."""

    id: str
    between: tuple[str, ...]  # ingredient or group ids; one group alone: two or more of its members together
    effect: str  # irritation, inactivation, photosensitivity, cancelling-out, reduced-efficacy, synergy, other
    statement: str
    level: int
    rationale: str
    sources: tuple[str, ...] = ()
    claimed_by: str | None = None
    route: str = "topical"
    advice: str | None = None
    reviewed: str | None = None

    @property
    def label(self) -> str:
        return evidence.label(self.level)

    @classmethod
    def from_raw(cls, raw: dict[str, Any]) -> Interaction:
        return cls(
            id=raw["id"],
            between=tuple(raw["between"]),
            effect=raw["effect"],
            statement=raw["statement"],
            level=raw["evidence"]["level"],
            rationale=raw["evidence"]["rationale"],
            sources=tuple(raw.get("sources", ())),
            claimed_by=raw.get("claimed_by"),
            route=raw.get("route", "topical"),
            advice=raw.get("advice"),
            reviewed=raw.get("reviewed"),
        )


class Form(NamedTuple):
    """One form of an ingredient (an ester, a salt, a peptide) with the INCI names that denote it."""

    id: str
    name: str
    inci: tuple[str, ...] = ()
    note: str | None = None

    @classmethod
    def from_raw(cls, raw: dict[str, Any]) -> Form:
        return cls(id=raw["id"], name=raw["name"], inci=tuple(raw.get("inci", ())), note=raw.get("note"))


class Claim(NamedTuple):
    effect: str
    statement: str
    claimed_by: str
    level: int
    rationale: str
    sources: tuple[str, ...] = ()
    route: str = "topical"  # how the evidence was given (format 1 files: the entry's own route when not given)
    forms: tuple[str, ...] = ()  # form ids of the ingredient the evidence is for (YAML `form`: one id or a list)
    strength: str | None = None  # "0.4%", "20% cream"
    prescription: bool = False  # studied at prescription strength or as a licensed drug
    population: str | None = None
    direction: str = "for"  # "against": the statement denies the effect ("parabens do not ...")
    comparison: bool = False  # a comparison or superlative (grading rule 10)
    head_to_head: tuple[str, ...] = ()  # sources that compare the things directly
    reviewed: str | None = None  # date of the literature search behind the level

    @property
    def label(self) -> str:
        return evidence.label(self.level)

    @classmethod
    def from_raw(cls, raw: dict[str, Any], default_route: str = "topical") -> Claim:
        return cls(
            effect=raw["effect"],
            statement=raw["statement"],
            claimed_by=raw["claimed_by"],
            level=raw["evidence"]["level"],
            rationale=raw["evidence"]["rationale"],
            sources=tuple(raw.get("sources", ())),
            route=raw.get("route") or default_route,
            forms=_ids(raw.get("form")),
            strength=_s(raw, "strength"),
            prescription=bool(raw.get("prescription", False)),
            population=_s(raw, "population"),
            direction=raw.get("direction", "for"),
            comparison=bool(raw.get("comparison", False)),
            head_to_head=tuple(raw.get("head_to_head", ())),
            reviewed=_s(raw, "reviewed"),
        )


class Opinion(NamedTuple):
    expert: str
    stance: str
    quote: str
    source: str

    @classmethod
    def from_raw(cls, raw: dict[str, Any]) -> Opinion:
        return cls(expert=raw["expert"], stance=raw["stance"], quote=raw["quote"], source=raw["source"])


class Fact(NamedTuple):
    statement: str
    source: str


class Caution(NamedTuple):
    type: str
    text: str
    sources: tuple[str, ...] = ()


DEFAULT_USE = {"ingredient": ("topical",), "drug": ("topical",), "procedure": ("procedure",)}


class Ingredient(NamedTuple):
    id: str
    name: str
    kind: str
    category: str
    summary: str
    role: str | None = None
    use: tuple[str, ...] = ("topical",)  # the routes people use this entry by; its headline levels are for these
    forms: tuple[Form, ...] = ()
    reviewed: str | None = None
    aliases: tuple[str, ...] = ()
    inci: tuple[str, ...] = ()
    claims: tuple[Claim, ...] = ()
    opinions: tuple[Opinion, ...] = ()
    facts: tuple[Fact, ...] = ()
    cautions: tuple[Caution, ...] = ()
    related: tuple[str, ...] = ()

    @classmethod
    def from_raw(cls, raw: dict[str, Any]) -> Ingredient:
        use = tuple(raw.get("use") or DEFAULT_USE.get(raw["kind"], ("topical",)))
        return cls(
            id=raw["id"],
            name=raw["name"],
            kind=raw["kind"],
            category=raw["category"],
            summary=raw["summary"],
            role=raw.get("role"),
            use=use,
            forms=tuple(Form.from_raw(f) for f in raw.get("forms", ())),
            reviewed=raw.get("reviewed"),
            aliases=tuple(raw.get("aliases", ())),
            inci=tuple(raw.get("inci", ())),
            claims=tuple(Claim.from_raw(c, use[0]) for c in raw.get("claims", ())),
            opinions=tuple(Opinion.from_raw(o) for o in raw.get("opinions", ())),
            facts=tuple(Fact(f["statement"], f["source"]) for f in raw.get("facts", ())),
            cautions=tuple(Caution(c["type"], c["text"], tuple(c.get("sources", ()))) for c in raw.get("cautions", ())),
            related=tuple(raw.get("related", ())),
        )

    @property
    def prescription_ok(self) -> bool:
        """A licensed drug's headline may rest on prescription-strength evidence; a cosmetic's may not."""
        return self.kind == "drug"

    def form_of(self, inci: str) -> Form | None:
        """The form an INCI name denotes (None when the ingredient lists no forms or the name is in none)."""
        from skincli.kb.names import name_key

        key = name_key(inci)
        return next((f for f in self.forms if any(name_key(n) == key for n in f.inci)), None)

    def form_name(self, form_id: str | None) -> str | None:
        return next((f.name for f in self.forms if f.id == form_id), form_id)

    def effect_ids(self) -> list[str]:
        """Effects this ingredient is claimed for, in the order first claimed."""
        return list(dict.fromkeys(c.effect for c in self.claims))

    def best_level(self, effect: str | None = None) -> int | None:
        """Best evidence for one effect (or any effect); None when nothing is claimed."""
        levels = [c.level for c in self.claims if effect is None or c.effect == effect]
        return max(levels) if levels else None

    def best_claim(self, effect: str) -> Claim | None:
        claims = [c for c in self.claims if c.effect == effect]
        return max(claims, key=lambda c: c.level) if claims else None

    def cited_ids(self) -> list[str]:
        """Every source this entry cites, in order of first mention, then each claim's claimant
        (a source or an expert id: callers keep the ones that are sources)."""
        ids: list[str] = []
        for claim in self.claims:
            ids.extend(claim.sources)
        ids.extend(o.source for o in self.opinions)
        ids.extend(f.source for f in self.facts)
        for caution in self.cautions:
            ids.extend(caution.sources)
        ids.extend(c.claimed_by for c in self.claims)
        return list(dict.fromkeys(ids))
