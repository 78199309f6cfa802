"""The vocabulary `skincli check` reads marketing text with: effect phrases, negation and comparison
cues, sentence connectives, and the marketing patterns it flags. Plain Python data, so it loads with
no YAML parser and is read once per process.

How phrases match (see `skincli.claims.check`):

- Case, accents and German transliteration do not matter: "Hyaluronsäure", "HYALURONSAEURE" and
  "hyaluronsaure" are the same. Matching is by whole words: "firming" never matches inside "unfirming".
- A space or hyphen between two words of a phrase matches a space or a hyphen in the text
  ("fine lines" = "fine-lines"); a hyphen may also be left out ("anti-aging" = "antiaging" =
  "Anti-Aging"), but a space may not ("wrinkles" is not "wrin kles").
- A trailing `*` on the last word matches any ending of that word: "wrinkle*" matches "wrinkles",
  "wrinkled"; "Falte*" matches "Falten" and the compounds "Faltentiefe", "faltenreduzierend". Use it
  only where every word starting so is about the effect ("firm*" would match the German "Firma").
- When phrases overlap, the one covering more words wins, then the longer one: "irritated skin"
  (soothing) beats "irritat*" (tolerability).

To extend: add the phrase to the effect's "en" or "de" tuple below (the effect id must be one of the
knowledge base's effects, see docs/knowledge-base.md), then run `pytest tests/test_check.py`; a test
fails if a phrase is listed twice or under two effects. To add a marketing pattern, add a regular
expression (matched case-insensitively against the original text) to the kind's `patterns` in FLAGS.
"""

from __future__ import annotations

from typing import TypedDict

EFFECT_PHRASES: dict[str, dict[str, tuple[str, ...]]] = {
    "wrinkles": {
        "en": (
            "wrinkle*",
            "anti-wrinkle*",
            "fine lines",
            "expression lines",
            "frown lines",
            "laugh lines",
            "smile lines",
            "forehead lines",
            "crow's feet",
            "nasolabial fold*",
            "smoothing",
            "smooths",
            "smoothes",
            "smooth out",
        ),
        "de": (
            "Falte*",
            "Anti-Falten",
            "Fältchen",
            "Knitterfältchen",
            "Krähenfüße",
            "Mimikfalte*",
            "Nasolabialfalte*",
            "Stirnfalte*",
            "Zornesfalte*",
            "Lachfalte*",
            "glättet",
            "glätten",
            "Glättung",
            "geglättet",
        ),
    },
    "collagen": {
        "en": ("collagen*", "procollagen*"),
        "de": ("Kollagen*",),
    },
    "elasticity": {
        "en": ("elastic*", "elastin*", "springy", "resilience"),
        "de": ("Elastizität", "elastisch*", "Spannkraft"),
    },
    "firmness": {
        "en": ("firmness", "firming", "firmer", "firm skin", "tighten*", "lifting", "lifts", "lifted", "sagging", "saggy"),
        "de": ("straff*", "Festigkeit", "Hautfestigkeit", "festigt", "festigend", "erschlafft*", "Erschlaffung"),
    },
    "hydration": {
        "en": ("hydrat*", "moistur*", "dryness", "dry skin", "water content"),
        "de": ("Feuchtigkeit*", "Hydratation", "hydratisier*", "Trockenheit", "trockene Haut", "Wassergehalt"),
    },
    "plumping": {
        "en": ("plump*",),
        "de": ("aufpolster*", "aufgepolstert", "polstert", "prall*"),
    },
    "texture": {
        "en": (
            "texture*",
            "skin structure",
            "smooth skin",
            "smoother",
            "smoothness",
            "rough skin",
            "roughness",
            "refines",
            "refined skin",
        ),
        "de": ("Textur", "Hautstruktur", "Hautbild", "glatte Haut", "glattere Haut", "raue Haut", "verfeinert*"),
    },
    "hyperpigmentation": {
        "en": (
            "hyperpigment*",
            "pigment*",
            "dark spots",
            "age spots",
            "sun spots",
            "brown spots",
            "melasma",
            "brighten*",
            "lighten*",
            "whiten*",
            "discolo*",
            "skin tone",
        ),
        "de": ("Altersflecken", "Sonnenflecken", "aufhell*", "Verfärbung*", "Hautton", "ebenmäßig*"),
    },
    "radiance": {
        "en": (
            "radian*",
            "glow*",
            "luminous",
            "luminosity",
            "dull",
            "dullness",
            "clear complexion",
            "clear skin",
            "clearer skin",
            "fresh complexion",
        ),
        "de": (
            "Strahlkraft",
            "strahlend*",
            "Leuchtkraft",
            "fahl*",
            "klarer Teint",
            "klares Hautbild",
            "frischer Teint",
            "rosiger Teint",
        ),
    },
    "acne": {
        "en": ("acne", "acne-prone", "blemish*", "pimple*", "breakout*", "comedones", "blackheads", "whiteheads", "zits"),
        "de": ("Akne", "Unreinheit*", "unrein*", "Hautunreinheit*", "Pickel", "Mitesser", "Komedonen"),
    },
    "scars": {
        "en": ("scar", "scars", "scarring", "acne scar*", "stretch mark*"),
        "de": ("Narbe*", "Aknenarbe*", "Dehnungsstreifen", "Schwangerschaftsstreifen", "Pickelmale"),
    },
    "inflammation": {
        "en": ("inflam*", "anti-inflam*"),
        "de": ("entzünd*", "anti-entzünd*"),
    },
    "antioxidant": {
        "en": ("antioxid*", "free radical*", "oxidative stress", "radical scaveng*"),
        "de": (
            "freie Radikal*",
            "freien Radikal*",
            "oxidativen Stress",
            "oxidativem Stress",
            "oxidativer Stress",
            "Radikalfänger",
        ),
    },
    "photoprotection": {
        "en": ("UV protection", "UV filter*", "sun protection", "sunscreen*", "SPF", "UV-induced", "UV damage", "sunburn*"),
        "de": ("UV-Schutz", "Sonnenschutz", "Lichtschutz*", "LSF", "UV-Schäd*", "Sonnenbrand"),
    },
    "barrier": {
        "en": ("barrier*", "skin barrier", "TEWL", "water loss"),
        "de": ("Barriere*", "Hautbarriere*", "Schutzbarriere", "Wasserverlust", "Säureschutzmantel"),
    },
    "wound-healing": {
        "en": ("wound*", "heal", "heals", "healing", "healed"),
        "de": ("Wundheil*", "Wunde", "Wunden", "Heilung*", "heilt", "heilen", "abheil*"),
    },
    "regeneration": {
        "en": ("regenerat*", "repair*", "blood vessels"),
        "de": ("regenerier*", "Reparatur*", "repariert", "Blutgefäß*"),
    },
    "hair-growth": {
        "en": (
            "hair growth",
            "hair loss",
            "hair regrowth",
            "hair density",
            "hair follicle*",
            "hair count*",
            "thinning hair",
            "alopecia",
        ),
        "de": ("Haarwachstum", "Haarausfall", "Haarverlust", "Haardichte", "Haarfollikel*", "Alopezie"),
    },
    "rosacea": {
        "en": ("rosacea", "couperose"),
        "de": ("Rosazea", "Kuperose"),
    },
    "eczema": {
        "en": ("eczema", "atopic dermatitis", "dermatitis"),
        "de": ("Ekzem*", "atopische Dermatitis", "Neurodermitis"),
    },
    "psoriasis": {
        "en": ("psoriasis",),
        "de": ("Schuppenflechte",),
    },
    "exfoliation": {
        "en": ("exfoliat*", "peel*", "dead skin cells", "keratolyt*", "resurfac*"),
        "de": ("exfolier*", "abgestorbene Hautzellen", "Hautschüppchen", "Abschuppung"),
    },
    "redness": {
        "en": ("redness", "erythem*", "flushing", "blotch*"),
        "de": ("Rötung*", "Hautrötung*", "gerötet*"),
    },
    "oil-control": {
        "en": ("oil control", "oily skin", "excess oil", "sebum*", "shine control", "shiny skin", "mattif*"),
        "de": ("Talg*", "fettige Haut", "ölige Haut", "glänzende Haut", "mattier*"),
    },
    "soothing": {
        "en": ("sooth*", "calm*", "itch*", "irritated skin"),
        "de": ("beruhig*", "lindert", "lindern", "Juckreiz", "gereizte Haut"),
    },
    "cell-renewal": {
        "en": ("cell renewal", "cell turnover", "cellular renewal", "skin renewal", "renew*", "cell regeneration"),
        "de": ("Zellerneuerung*", "Zellneubildung", "Hauterneuerung", "erneuer*", "Zellregeneration"),
    },
    "skin-ageing": {
        "en": (
            "anti-aging",
            "anti-ageing",
            "anti-age",
            "age-defying",
            "aging",
            "ageing",
            "rejuvenat*",
            "youthful*",
            "younger-looking",
            "younger skin",
            "mature skin",
        ),
        "de": ("Hautalterung", "Alterung*", "verjüng*", "jugendlich*", "reife Haut", "Alterserscheinung*", "Altersanzeichen"),
    },
    "volume": {
        "en": ("volum*", "lost volume"),
        "de": ("Volumenverlust",),
    },
    "pores": {
        "en": ("pore*",),
        "de": ("Porenverfeinerung", "verfeinerte Poren"),
    },
    "dark-circles": {
        "en": ("dark circles", "under-eye circles", "eye circles"),
        "de": ("Augenring*", "Augenschatten"),
    },
    "photodamage": {
        "en": ("sun damage", "sun-damaged", "photodamag*", "photoag*"),
        "de": ("Sonnenschäd*", "Lichtalterung", "Lichtschäd*", "lichtgeschädigt*", "sonnengeschädigt*"),
    },
    "tolerability": {
        "en": (
            "irritat*",
            "non-irritating",
            "well tolerated",
            "tolerability",
            "tolerance",
            "gentle",
            "non-invasive",
            "minimally invasive",
            "painless",
            "pain-free",
            "stinging",
            "sensitive skin",
            "hypoallergenic",
        ),
        "de": (
            "verträglich*",
            "Verträglichkeit",
            "Reizung*",
            "reizt",
            "reizend",
            "reizarm",
            "sanft*",
            "nicht-invasiv",
            "minimalinvasiv",
            "schmerzfrei",
            "empfindliche Haut",
            "hypoallergen",
        ),
    },
    "cell-protection": {
        "en": (
            "cell protection",
            "cellular protection",
            "protects cells",
            "environmental influence*",
            "environmental stress*",
            "environmental damage",
            "environmental aggressor*",
            "pollution",
        ),
        "de": ("Zellschutz", "Umwelteinfl*", "Umweltstress", "Umweltschäd*", "Umweltbelastung*"),
    },
    # ---- concerns: harms people worry about (effects of kind "concern" in the knowledge base) ----
    "irritation": {"en": ("irritant", "irritancy"), "de": ("Reizstoff*",)},
    "contact-allergy": {
        "en": ("allergen*", "allergic reaction*", "contact allergy", "sensitis*", "sensitiz*"),
        "de": ("Kontaktallergie*", "allergische Reaktion*"),
    },
    "comedogenicity": {"en": ("comedogenic", "clog* pores", "pore-clogging"), "de": ("komedogen*", "porenverstopfend*")},
    "dryness": {"en": ("drying", "dries out"), "de": ("austrocknend*", "trocknet aus")},
    "photosensitivity": {
        "en": ("photosensitiv*", "phototoxic*", "sun sensitivity"),
        "de": ("lichtempfindlich*", "phototoxisch*"),
    },
    "endocrine-activity": {
        "en": ("endocrine disrupt*", "hormone disrupt*", "hormone-disrupting"),
        "de": ("hormonell wirksam*", "endokrin*"),
    },
    "cancer-risk": {"en": ("carcinogen*", "cancer-causing", "cancer"), "de": ("krebserregend*", "Krebs")},
    "systemic-toxicity": {"en": ("toxic", "toxicity"), "de": ("giftig*", "toxisch*")},
    "pregnancy-risk": {"en": ("birth defect*", "teratogen*"), "de": ("fruchtschädigend*", "Fehlbildung*")},
    "environmental-harm": {"en": ("reef safe", "coral reef*"), "de": ("riffsicher*", "Korallenriff*")},
}

# ---- negation ---------------------------------------------------------------------------------
# A phrase is negated when one of these words stands within NEGATION_WINDOW words before it, in the same
# clause (no comma, colon, semicolon, bracket or dash in between). "Negated" only says the text puts the
# effect under a negation ("does not irritate", "keine Falten"); the reader judges what that promises.
NEGATION_WINDOW = 3
NEGATION_WORDS: frozenset[str] = frozenset(
    {
        # English; contractions split at the apostrophe, so "doesn't" is seen as "doesn" + "t"
        "not",
        "no",
        "never",
        "without",
        "nor",
        "non",
        "cannot",
        "doesn",
        "don",
        "isn",
        "aren",
        "wasn",
        "weren",
        "won",
        "didn",
        "hasn",
        "haven",
        # German
        "nicht",
        "kein",
        "keine",
        "keinen",
        "keinem",
        "keiner",
        "keines",
        "ohne",
        "nie",
        "niemals",
        "weder",
    }
)
NEGATION_PAIRS: frozenset[tuple[str, str]] = frozenset({("free", "of"), ("free", "from"), ("frei", "von")})
# A negation word followed by one of these is no negation: "not only", "no more wrinkles", "nicht nur".
NEGATION_EXCEPTIONS_AFTER: frozenset[str] = frozenset(
    {"only", "just", "merely", "more", "longer", "again", "nur", "mehr", "wieder", "bloss"}
)
# ... and a phrase followed by one of these is promised away, not denied: "keine Falten mehr".
NEGATION_EXCEPTIONS_FOLLOWING: frozenset[str] = frozenset({"mehr", "anymore"})
# German puts "nicht" after the verb: "reizt nicht", "fettet nicht". These words negate a phrase they
# follow within NEGATION_AFTER_WINDOW words ("reizt die Haut nicht"), unless "nur" follows ("nicht nur").
NEGATION_WORDS_AFTER: frozenset[str] = frozenset({"nicht", "nie", "niemals", "keineswegs"})
NEGATION_AFTER_WINDOW = 3

# ---- comparisons ------------------------------------------------------------------------------
# An ingredient named right after one of these is what the text compares with, not what it praises:
# "6000 times stronger than vitamin C", "a gentle alternative to retinol". Up to three filler words
# (COMPARISON_FILLERS) may stand between cue and name: "than that of vitamin C".
COMPARISON_CUES: tuple[str, ...] = (
    "than",
    "unlike",
    "versus",
    "vs",
    "compared to",
    "compared with",
    "in comparison to",
    "in comparison with",
    "similar to",
    "alternative to",
    "alternatives to",
    "instead of",
    "als",
    "im Vergleich zu",
    "im Vergleich zum",
    "im Vergleich zur",
    "verglichen mit",
    "ähnlich wie",
    "anders als",
    "Alternative zu",
    "Alternative zum",
    "Alternative zur",
    "statt",
    "anstatt",
    "anstelle von",
)
COMPARISON_FILLERS: tuple[str, ...] = (
    "that",
    "those",
    "the",
    "a",
    "an",
    "of",
    "pure",
    "regular",
    "conventional",
    "classic",
    "classical",
    "das",
    "dem",
    "der",
    "die",
    "den",
    "des",
    "von",
    "ein",
    "eine",
    "einer",
    "einem",
    "reinem",
    "reinen",
    "reines",
    "herkömmlichem",
    "herkömmlichen",
    "klassischem",
    "klassischen",
)

# ---- which ingredient an effect belongs to -------------------------------------------------------
# Ingredients named one after another, joined only by these words or punctuation, form one group and
# share the effects: "retinol and niacinamide reduce wrinkles", "fruit acids (AHAs and PHAs)".
GLUE_WORDS: tuple[str, ...] = ("and", "or", "plus", "with", "as well as", "und", "oder", "sowie", "mit", "bzw")
# A sentence that names an effect but no ingredient continues the previous sentence's ingredient when one
# of these pronouns stands before its first effect phrase, or it starts with a connective.
CONTINUATION_PRONOUNS: frozenset[str] = frozenset(
    {
        "it",
        "its",
        "they",
        "their",
        "them",
        "this",
        "these",
        "those",
        "which",
        "es",
        "sie",
        "ihr",
        "ihre",
        "ihren",
        "ihrem",
        "ihrer",
        "ihres",
        "sein",
        "seine",
        "seinen",
        "seinem",
        "seiner",
        "dies",
        "diese",
        "dieser",
        "dieses",
        "diesem",
        "diesen",
    }
)
CONTINUATION_CONNECTIVES: frozenset[str] = frozenset(
    {
        "also",
        "and",
        "plus",
        "moreover",
        "furthermore",
        "additionally",
        "besides",
        "another",
        "in addition",
        "auch",
        "und",
        "zudem",
        "außerdem",
        "dabei",
        "dadurch",
        "darüber",
        "zusätzlich",
        "ein weiteres",
        "eine weitere",
    }
)

# ---- sentences ------------------------------------------------------------------------------------
# A full stop after one of these does not end a sentence ("Dr. med. Timm Golüke", "z. B.", "vs.").
ABBREVIATIONS: frozenset[str] = frozenset(
    {
        "dr",
        "prof",
        "med",
        "mr",
        "mrs",
        "ms",
        "st",
        "vs",
        "etc",
        "eg",
        "ie",
        "approx",
        "ca",
        "fig",
        "vol",
        "no",
        "nr",
        "bzw",
        "usw",
        "zb",
        "evtl",
        "inkl",
        "ggf",
        "bspw",
        "vgl",
        "sog",
        "dipl",
        "ing",
        "jr",
        "sr",
        "inc",
        "ltd",
        "co",
    }
)
# A single line break ends a sentence when the line before it is shorter than this (a heading, a list
# item, a line of a product page); longer lines are taken for hard-wrapped prose.
SHORT_LINE = 50


# ---- marketing patterns ----------------------------------------------------------------------------
class FlagKind(TypedDict):
    label: str
    explanation: str
    patterns: tuple[str, ...]
    link: tuple[str, ...]  # words a 0-level KB claim must contain to be linked; "<number>" = the flag's number


_NUM = r"\d+(?:[.,'\u2009\u202f ]\d{3})*(?:[.,]\d+)?"
_WORDNUM = (
    r"(?:two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred|thousand|zwei|drei|vier|fünf|sechs|"
    r"sieben|acht|neun|zehn|zwanzig|fünfzig|hundert|tausend)"
)
_COMPARATIVE = (
    r"(?:more|stronger|higher|better|faster|greater|bigger|larger|as|potent|effective|"
    r"stärker|höher|besser|mehr|schneller|wirksamer|effektiver|größer|so)"
)
_INJECTION = r"(?:botox|botulinum\w*|filler\w*|face[\s-]?lift\w*|lifting|injection\w*|injektion\w*|spritze\w*|unterspritzung\w*)"

FLAGS: dict[str, FlagKind] = {
    "numeric-superlative": {
        "label": "numeric superlative",
        "explanation": "A bare multiple ('x times stronger') usually comes from a test-tube assay, not from skin; "
        "ask: measured how, on what, compared with what?",
        "patterns": (
            rf"(?<![\w.,]){_NUM}\s?[x×]\s+{_COMPARATIVE}\b",
            rf"(?<![\w.,]){_NUM}[x×]{_COMPARATIVE}?\b(?=\s+{_COMPARATIVE}\b)",
            rf"(?<![\w.,]){_NUM}\s*-?\s*(?:times|mal)\s+{_COMPARATIVE}\b",
            rf"(?<![\w.,]){_NUM}\s*-?\s*(?:fold|fach(?:e[mnrs]?)?)\b",
            rf"\b{_WORDNUM}\s*-?\s*(?:fold|fach(?:e[mnrs]?)?)\b",
            rf"\b{_WORDNUM}\s+(?:times|mal)\s+{_COMPARATIVE}\b",
        ),
        "link": ("<number>",),
    },
    "injection-comparison": {
        "label": "compared with an injection or surgery",
        "explanation": "A cream does not act like an injection or a facelift: injected botulinum toxin and fillers "
        "work in muscle and dermis, which actives in a cream do not reach in the same way.",
        "patterns": (
            r"\bbotox[\s-]*(?:like|ähnlich\w*|artig\w*|effe[ck]t\w*)",
            r"\bfiller[\s-]*(?:like|ähnlich\w*|effe[ck]t\w*)",
            r"\blifting[\s-]*effe[ck]t\w*",
            rf"\b(?:like|as with|similar to|wie|ähnlich wie)\s+(?:an?\s+|ein(?:e[mnrs]?)?\s+|der\s+|die\s+|das\s+)?{_INJECTION}",
            r"\b(?:botox|filler|face[\s-]?lift)[\s-]+(?:in\s+(?:a|the|der|einer)\s+(?:jar|tube|bottle|tiegel|dose|flasche)"
            r"|to[\s-]go|aus\s+dem\s+tiegel)\b",
            r"\bface[\s-]?lift\w*",
            r"\b(?:needle[\s-]?free|without\s+(?:needles?|injections?)|ohne\s+(?:nadeln?|spritzen?|skalpell))\b",
        ),
        "link": ("botox", "botulinum", "filler", "facelift", "injection", "lift"),
    },
    "clinically-proven": {
        "label": "'clinically proven'",
        "explanation": "No study is cited: ask which trial, how many people, compared with what, and who paid.",
        "patterns": (
            r"\b(?:clinically|scientifically|medically)\s+(?:proven|shown|demonstrated|validated|confirmed|tested)\b",
            r"\b(?:klinisch|wissenschaftlich|medizinisch)\s+(?:bewiesen|belegt|nachgewiesen|erwiesen|bestätigt|getestet|geprüft)\b",
            r"\bproven\s+(?:by|in)\s+(?:clinical\s+)?(?:studies|trials|research|science)\b",
            r"\b(?:studies|research|science)\s+(?:shows?|proves?|confirms?)\b",
            r"\bStudien\s+(?:belegen|zeigen|beweisen|bestätigen)\b",
        ),
        "link": (),
    },
    "dermatologically-tested": {
        "label": "'dermatologically tested'",
        "explanation": "Says the product was tried on skin for tolerance, not that it does what the text promises.",
        "patterns": (r"\bdermatologi(?:cally|sch)\s+(?:tested|approved|getestet|geprüft|bestätigt)\b",),
        "link": (),
    },
    "no-side-effects": {
        "label": "'no side effects'",
        "explanation": "Anything that acts on skin can irritate or sensitise someone; 'no side effects' is a promise, "
        "not a finding.",
        "patterns": (
            r"\b(?:no|without|zero|free\s+(?:of|from))\s+(?:known\s+)?side[\s-]?effects?\b",
            r"\bside[\s-]?effect[\s-]?free\b",
            r"\b(?:keine|ohne)\s+(?:bekannten\s+)?Nebenwirkung(?:en)?\b",
            r"\bnebenwirkungsfrei\w*",
            r"\b(?:risk[\s-]?free|risikofrei|risikolos|completely\s+safe|völlig\s+(?:unbedenklich|sicher))\b",
            r"\b100\s?%\s*(?:safe|sicher)\b",
        ),
        "link": (),
    },
    "miracle": {
        "label": "miracle word",
        "explanation": "No skincare ingredient works miracles; the word stands in for evidence.",
        "patterns": (
            r"\bmiracle\w*",
            r"\bmiraculous\w*",
            r"\bwonder[\s-]+(?:cream|serum|ingredient|product|drug|weapon|molecule)s?\b",
            r"\bWunder[ns]?\b",
            r"\bWunder(?:mittel|waffe|creme|serum|wirkung|elixier|produkt|stoff)\w*",
            r"\b(?:holy\s+grail|game[\s-]?changer|secret\s+weapon|cure[\s-]all|Geheimwaffe|Allheilmittel)\b",
        ),
        "link": ("miracle", "wonder"),
    },
    "natural": {
        "label": "'natural'",
        "explanation": "'Natural' or 'chemical-free' says nothing about whether something works or is safe; "
        "every ingredient is a chemical.",
        "patterns": (
            r"\b100\s?%\s*(?:natural|natürlich|naturrein|pure|rein)\b",
            r"\ball[\s-]natural\b",
            r"\bchemical[\s-]free\b",
            r"\b(?:chemiefrei|frei\s+von\s+chemie|ohne\s+chemie)\b",
        ),
        "link": (),
    },
}


def phrase_count() -> dict[str, int]:
    """How many effect phrases each language has (for docs and the report)."""
    counts: dict[str, int] = {}
    for by_lang in EFFECT_PHRASES.values():
        for lang, phrases in by_lang.items():
            counts[lang] = counts.get(lang, 0) + len(phrases)
    return counts
