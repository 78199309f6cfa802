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
expression (matched case-insensitively against the original text, within one sentence) to the kind's
`patterns` in FLAGS, and make sure one of the kind's `triggers` is a word every match contains: a
sentence is only searched for the kinds whose trigger words it holds (that keeps long texts fast).
A marketing claim worded as two concepts near each other ("research ... supports", "dermatologists ...
prefer") is better written as a rule of FLAG_NEAR than as a pattern with a gap: it is read word by word.
Then measure: `pytest tests/test_check_adverts.py -s` (develop on the dev passages only).

Everything `check` knows about language is here, not in the code: effect phrases, negation and
comparison cues, the words that refer back to an ingredient, background markers, and the patterns.
"""

from __future__ import annotations

from typing import TypedDict

EFFECT_PHRASES: dict[str, dict[str, tuple[str, ...]]] = {
    "wrinkles": {
        "en": (
            "crepey",
            "crepiness",
            "crepe-like",
            "creases",
            "appearance of lines",
            "look of lines",
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
            "smooth out",
            "smooths out",
            "wrinkle volume",
            "smooth lines",
            "softens lines",
            "lines and folds",
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
            "feine Linien",
            "Trockenheitsfältchen",
        ),
    },
    "collagen": {
        "en": ("fibroblast*", "collagen*", "procollagen*"),
        "de": ("Kollagen*",),
    },
    "elasticity": {
        "en": (
            "springiness",
            "elastic*",
            "elastin*",
            "springy",
            "resilience",
            "supple",
            "suppleness",
            "bounce",
            "bouncy",
        ),
        "de": (
            "Elastizität",
            "elastisch*",
            "Spannkraft",
            "geschmeidig*",
        ),
    },
    "firmness": {
        "en": (
            "laxity",
            "firm",
            "firmness",
            "firming",
            "firmer",
            "firm skin",
            "tighten*",
            "lifting",
            "lifts",
            "lifted",
            "sagging",
            "saggy",
            "firms",
        ),
        "de": ("straff*", "Festigkeit", "Hautfestigkeit", "festigt", "festigend", "erschlafft*", "Erschlaffung"),
    },
    "hydration": {
        "en": (
            "dehydrat*",
            "thirsty skin",
            "humectant*",
            "hydrat*",
            "moistur*",
            "dryness",
            "dry skin",
            "water content",
            "binds water",
            "bind water",
            "water-binding",
            "retain water",
            "retains water",
            "retain moisture",
            "retains moisture",
            "moisture reservoir*",
        ),
        "de": (
            "trockener Haut",
            "trockenen Haut",
            "Haut feucht",
            "Feuchtigkeit*",
            "Hydratation",
            "hydratisier*",
            "Trockenheit",
            "trockene Haut",
            "Wassergehalt",
            "Wasser binden",
            "bindet Wasser",
            "Feuchtigkeitshaushalt*",
            "feuchtigkeitsspendend*",
            "Wasserbindung",
            "wasserbindend*",
        ),
    },
    "plumping": {
        "en": ("plump*",),
        "de": ("aufpolster*", "aufgepolstert", "polstert", "polstern", "prall*", "auffüll*"),
    },
    "texture": {
        "en": (
            "skin soft",
            "baby-soft",
            "silky soft",
            "rough patches",
            "velvety",
            "texture*",
            "skin structure",
            "smooth skin",
            "smoother",
            "smoothness",
            "rough skin",
            "roughness",
            "refines",
            "refined skin",
            "softens",
            "softer skin",
            "soft skin",
            "soft and smooth",
            "smooth and soft",
            "retexturiz*",
            "retexturis*",
            # the verb smooths the skin (texture) unless its object is another effect: "smooths fine lines" is
            # wrinkles, through EFFECT_VERBS
            "smoothing",
            "smooths",
            "smoothes",
            "smoothed",
            "smooth",
            "softer",
            "refined",
        ),
        "de": (
            "Haut weich",
            "samtweich*",
            "samtig*",
            "Textur",
            "Hautstruktur",
            "Hautbild",
            "glatt*",
            "glatte Haut",
            "glatten Haut",
            "glatter Haut",
            "glattere Haut",
            "raue Haut",
            "verfeinert*",
            "Unebenheit*",
            "Glättung der Oberfläche",
            "glättet",
            "glätten",
            "Glättung",
            "geglättet",
            "glättend*",
            "Struktur der Haut",
            "weiche Haut",
            "weich",
            "weiche",
            "weicher",
        ),
    },
    "hyperpigmentation": {
        "en": (
            "freckles",
            "dark marks",
            "melanin production",
            "melanin synthesis",
            "hyperpigment*",
            "pigment*",
            "post-inflammatory hyperpigmentation",
            "post-inflammatory",
            "post-acne",
            "post-inflammatory pigmentation",
            "dark spots",
            "age spots",
            "sun spots",
            "sunspots",
            "brown spots",
            "melasma",
            "lighten*",
            "whiten*",
            "discolo*",
            "skin tone",
            "even tone",
            "evens tone",
            "evens out",
            "uneven tone",
            "uneven skin tone",
            "even complexion",
            "more even",
        ),
        "de": (
            "Sommersprossen",
            "dunkle Flecken",
            "dunklen Flecken",
            "Melaninbildung",
            "Melaninproduktion",
            "Altersflecken",
            "Sonnenflecken",
            "aufhell*",
            "Verfärbung*",
            "Hautton",
            "ebenmäßig*",
        ),
    },
    "radiance": {
        "en": (
            "illuminat*",
            "tired-looking skin",
            "lacklustre",
            "lackluster",
            "radian*",
            "glow*",
            "brighten*",
            "brighter",
            "brightness",
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
            "frischen Teint",
            "frischeren Teint",
            "Strahlkraft",
            "strahlend*",
            "strahlen",
            "strahlt",
            "Leuchtkraft",
            "fahl*",
            "klarer Teint",
            "rosigen Teint",
            "klares Hautbild",
            "frischer Teint",
            "rosiger Teint",
        ),
    },
    "acne": {
        "en": (
            "congestion",
            "spot treatment*",
            "acne",
            "acne-prone",
            "blemish*",
            "pimple*",
            "breakout*",
            "comedones",
            "blackheads",
            "whiteheads",
            "zits",
            "clogged pores",  # comedones, not pore size
            "unclog*",
            "unclog pores",
            "unclogs pores",
            "unclogging pores",
            "congested skin",
        ),
        "de": (
            "Akne",
            "Unreinheit*",
            "unrein*",
            "Hautunreinheit*",
            "Pickel",
            "Mitesser",
            "Komedonen",
            "verstopfte Poren",
        ),
    },
    "scars": {
        "en": ("scar", "scars", "scarring", "acne scar*", "stretch mark*"),
        "de": ("Narbe*", "Aknenarbe*", "Dehnungsstreifen", "Schwangerschaftsstreifen"),
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
        # "sunscreen" itself is the knowledge base's product entry, not this effect
        "en": (
            "UV protection",
            "UV filter*",
            "sun protection",
            "SPF",
            "UV-induced",
            "UV damage",
            "sunburn*",
            "UV rays",
            "UV radiation",
            "UVA",
            "UVB",
            "broad-spectrum",
        ),
        "de": (
            "UV-Schutz",
            "Sonnenschutz",
            "Lichtschutz*",
            "LSF",
            "UV-Schäd*",
            "Sonnenbrand",
            "UV-Strahl*",
        ),
    },
    "barrier": {
        "en": (
            "skin's defences",
            "skin's defenses",
            "natural defences",
            "natural defenses",
            "protective layer",
            "barrier*",
            "skin barrier",
            "barrier repair",
            "TEWL",
            "water loss",
        ),
        "de": (
            "Schutzschicht",
            "Barriere*",
            "Hautbarriere*",
            "Schutzbarriere",
            "Wasserverlust",
            "Säureschutzmantel",
            "Schutzfunktion",
            "widerstandsfähig*",
        ),
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
        "de": (
            "Haarwachstum",
            "Haarausfall",
            "Haarverlust",
            "Haardichte",
            "Haarfollikel*",
            "Alopezie",
            "lichter werdend*",
            "lichtes Haar",
        ),
    },
    "rosacea": {
        "en": ("rosacea", "couperose"),
        "de": ("Rosazea", "Kuperose"),
    },
    "eczema": {
        "en": (
            "eczema",
            "atopic dermatitis",
            "dermatitis",
            "eczematic",
            "eczema-prone",
        ),
        "de": ("Ekzem*", "atopische Dermatitis", "Neurodermitis"),
    },
    "psoriasis": {
        "en": ("psoriasis",),
        "de": ("Schuppenflechte",),
    },
    "exfoliation": {
        "en": (
            "exfoliat*",
            "peel away",
            "peels away",
            "peel off",
            "slough*",
            "dead cells",
            "dead skin",
            "keratolyt*",
            "resurfac*",
        ),
        "de": (
            "exfolier*",
            "abgestorbene Hautzellen",
            "Hautschüppchen",
            "Abschuppung",
            "peelend*",
            "hornlösend*",
            "Hornhaut",
            "abschilfer*",
            "Abschilferung*",
            "abgeschilfert",
        ),
    },
    "redness": {
        "en": ("redness", "erythem*", "post-inflammatory erythema", "flushing", "blotch*"),
        "de": ("Rötung*", "Hautrötung*", "gerötet*"),
    },
    "oil-control": {
        "en": (
            "regulate oil",
            "regulates oil",
            "regulating oil",
            "balance oil",
            "balances oil",
            "oil balance",
            "controls oil",
            "control oil",
            "excess shine",
            "reduces shine",
            "oil control",
            "oily skin",
            "excess oil",
            "sebum*",
            "shine control",
            "shiny skin",
            "mattif*",
            "oil gland*",
            "oiliness",
            "oil production",
            "sebaceous gland*",
            "overproduction of oil",
            "oil buildup",
            "oil build up",
        ),
        "de": ("Talg*", "fettige Haut", "ölige Haut", "glänzende Haut", "mattier*"),
    },
    "soothing": {
        "en": (
            "sooth*",
            "calm*",
            "itch*",
            "irritated skin",
            "calm irritation",
            "calms irritation",
            "soothe irritation",
            "soothes irritation",
            "reduce irritation",
            "reduces irritation",
        ),
        "de": (
            "beruhig*",
            "lindert",
            "lindern",
            "Juckreiz",
            "gereizte Haut",
            "reizlindernd*",
        ),
    },
    "cell-renewal": {
        "en": (
            "cell renewal",
            "cell turnover",
            "cellular renewal",
            "skin renewal",
            "renew*",
            "cell regeneration",
            "turnover",
            "turnover rate",
        ),
        "de": ("Zellteilung", "Zellerneuerung*", "Zellneubildung", "Hauterneuerung", "erneuer*", "Zellregeneration"),
    },
    "skin-ageing": {
        "en": (
            "looking young",
            "look younger",
            "looks younger",
            "turn back the clock",
            "turns back the clock",
            "age-reversing",
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
            "ageless",
            "youth elixir",
        ),
        "de": (
            "Hautalterung",
            "Alterung*",
            "verjüng*",
            "jugendlich*",
            "jüngere Haut",
            "reife Haut",
            "Alterserscheinung*",
            "Altersanzeichen",
            "jünger",
            "Jungbrunnen",
        ),
    },
    "volume": {
        "en": ("volum*", "lost volume"),
        "de": ("Volumenverlust",),
    },
    "pores": {
        "en": ("pore*",),
        "de": (
            "Porenverfeinerung",
            "verfeinerte Poren",
            "Poren",
            "vergrößerte Poren",
            "große Poren",
            "Porenbild",
            "grobporig*",
        ),
    },
    "dark-circles": {
        "en": (
            "puffiness",
            "puffy eyes",
            "de-puff*",
            "depuff*",
            "under-eye bags",
            "eye bags",
            "dark circles",
            "under-eye circles",
            "eye circles",
            "dark shadows",
        ),
        "de": (
            "Schwellungen unter den Augen",
            "geschwollene Lider",
            "Tränensäcke",
            "geschwollene Augen",
            "Augenring*",
            "Augenschatten",
        ),
    },
    "photodamage": {
        "en": (
            "sun damage",
            "sun-damaged",
            "photodamag*",
            "photoag*",
            "damage caused by the sun",
            "damaged by sun",
            "damaged by the sun",
            "sun-induced",
        ),
        "de": ("Sonnenschäd*", "Lichtalterung", "Lichtschäd*", "lichtgeschädigt*", "sonnengeschädigt*"),
    },
    # Gentleness and safety in general; explicit irritation ("non-irritating", "reizt nicht") is the concern
    # `irritation` below, as the knowledge base files it.
    "tolerability": {
        "en": (
            "all skin types",
            "every skin type",
            "well tolerated",
            "tolerability",
            "tolerance",
            "gentle",
            "gently",
            "non-invasive",
            "minimally invasive",
            "painless",
            "pain-free",
            "sensitive skin",
            "hypoallergenic",
            "side effect*",
            "downtime",
            "safe",
            "safely",
            "safety",
            "harmless",
            "gentler",
            "milder",
            "tolerate",
            "downside*",
        ),
        "de": (
            "alle Hauttypen",
            "jeden Hauttyp",
            "verträglich*",
            "Verträglichkeit",
            "sanft*",
            "Nebenwirkung*",
            "Ausfallzeit*",
            "nicht-invasiv*",
            "minimalinvasiv",
            "schmerzfrei*",
            "empfindliche Haut",
            "hypoallergen",
            "unbedenklich*",
            "Unbedenklichkeit",
            "vertragen",
            "verträgt",
            "schonend*",
            "reizarm*",
            "milde",
            "mildes",
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
            "external aggressor*",
            "environmental stressor*",
        ),
        "de": (
            "Zellschutz",
            "Umwelteinfl*",
            "Umweltstress",
            "Umweltschäd*",
            "Umweltbelastung*",
            "äußere Einflüsse",
            "äußeren Einflüssen",
        ),
    },
    # ---- concerns: harms people worry about (effects of kind "concern" in the knowledge base) ----
    "irritation": {
        "en": ("irritat*", "irritant", "irritancy", "stinging", "burning sensation*"),
        "de": (
            "irritieren",
            "irritiert",
            "Brennen",
            "Reizstoff*",
            "Reizung*",
            "reizt",
            "reizend",
            "reizarm",
            "Irritation*",
            "hautreizend*",
        ),
    },
    "contact-allergy": {
        "en": ("allergies", "trigger allergic", "allergen*", "allergic reaction*", "contact allergy", "sensitis*", "sensitiz*"),
        "de": (
            "Allergien auslösen",
            "Allergie auslösen",
            "allergieauslösend*",
            "Kontaktallergie*",
            "allergische Reaktion*",
            "allergischen Reaktion*",
        ),
    },
    "comedogenicity": {
        "en": ("comedogenic", "clog pores", "clogs pores", "block pores", "blocks pores", "block up pores", "pore-clogging"),
        "de": ("komedogen*", "porenverstopfend*", "verstopft die Poren", "verstopfen die Poren"),
    },
    "dryness": {
        "en": (
            "dry the skin",
            "dries the skin",
            "drying out",
            "dry out",
            "skin peeling",
            "drying",
            "dries out",
            "flakiness",
            "flaking",
            "flaky skin",
        ),
        "de": (
            "Schuppung",
            "trocknet die Haut aus",
            "die Haut austrocknen",
            "austrocknend*",
            "trocknet aus",
            "auszutrocknen",
            "Austrocknung",
        ),
    },
    "photosensitivity": {
        "en": (
            "sensitive to sunlight",
            "sun-sensitive",
            "sensitive to the sun",
            "sensitivity to sunlight",
            "sensitivity to the sun",
            "photosensitiv*",
            "phototoxic*",
            "sun sensitivity",
        ),
        "de": ("lichtempfindlich*", "phototoxisch*"),
    },
    "endocrine-activity": {
        "en": (
            "endocrine disrupt*",
            "hormone disrupt*",
            "hormone-disrupting",
            "mimic estrogen",
            "mimics estrogen",
            "hormonal balance",
            "hormone balance",
        ),
        "de": ("hormonell wirksam*", "endokrin*"),
    },
    "cancer-risk": {"en": ("carcinogen*", "cancer-causing", "cancer"), "de": ("krebserregend*", "Krebs")},
    "systemic-toxicity": {
        "en": (
            "toxic",
            "toxicity",
            "poison",
            "toxic to",
            "harmful to your health",
            "health risks",
            "poisonous",
            "toxin migration",
        ),
        "de": ("giftig*", "toxisch*", "Gift", "gesundheitsschädlich*", "gesundheitsbelastend*", "gesundheitsgefährdend*"),
    },
    "pregnancy-risk": {
        "en": (
            "birth defect*",
            "teratogen*",
            "pregnant",
            "pregnancy",
            "pregnancy-safe",
            "breastfeeding",
            "unborn",
            "fetus*",
            "foetus*",
            "fetal",
        ),
        "de": ("fruchtschädigend*", "Fehlbildung*", "schwanger", "Schwangere*", "Schwangerschaft*", "Stillzeit", "ungeboren*"),
    },
    "environmental-harm": {
        "en": ("reef safe", "coral reef*", "reefs", "marine life", "aquatic life"),
        "de": ("riffsicher*", "Korallenriff*", "Korallensterben", "Gewässerverschmutzung", "Meereslebewesen", "Umwelt"),
    },
}

# ---- effect words that are verbs acting on another effect ------------------------------------------
# "calms breakouts", "tightens crow's feet", "soothes redness": a verb that is itself an effect word is
# only the means when another effect's noun is its object (up to EFFECT_OBJECT_GAP words later, in the
# same clause, across the words in EFFECT_OBJECT_FILLER); the claim is the object's effect.
EFFECT_VERBS: tuple[str, ...] = (
    "calm*",
    "sooth*",
    "tighten*",
    "brighten*",
    "smooth*",
    "refine*",
    "verfeiner*",
    "beruhig*",
    "glätt*",
    "lindert",
    "lindern",
)
EFFECT_OBJECT_GAP = 3
EFFECT_OBJECT_FILLER: tuple[str, ...] = (
    "the",
    "a",
    "any",
    "your",
    "its",
    "their",
    "visible",
    "visibly",
    "appearance",
    "look",
    "of",
    "signs",
    "existing",
    "stubborn",
    "deep",
    "deeper",
    "early",
    "first",
    "tiefe",
    "tiefen",
    "kleine",
    "kleinen",
    "erste",
    "ersten",
    "die",
    "den",
    "das",
    "der",
    "sichtbar",
    "sichtbare",
    "sichtbaren",
    "auch",
)
# German puts the object before the verb ("keine Falten glätten kann", "Falten zu glätten") and English
# compounds do too ("wrinkle-smoothing"): an effect phrase right before an effect verb, with at most one of
# these words between, is its object.
EFFECT_OBJECT_BEFORE_FILLER: tuple[str, ...] = ("zu",)
# Irritation as the object of relief ("reduces redness and irritation", "lindert Reizungen") is soothing;
# as something a product causes or avoids ("can cause irritation", "without irritation") it is the concern.
RELIEF_VERBS: tuple[str, ...] = (
    "reduc*",
    "calm*",
    "sooth*",
    "reliev*",
    "allevia*",
    "ease",
    "eases",
    "easing",
    "combat*",
    "fight*",
    "counter*",
    "minimi*",
    "lindert",
    "lindern",
    "mildert",
    "mildern",
    "reduziert",
    "reduzieren",
    "beruhigt",
    "beruhigen",
    "bekämpft",
)
IRRITATION_WORDS: tuple[str, ...] = (
    "irritation",
    "irritations",
    "irritated",
    "Reizung",
    "Reizungen",
    "Irritation",
    "Irritationen",
)
RELIEF_WINDOW = 4
# Words that name a benefit's object after relief and a concern after a cause: benefit effect -> (the words,
# the concern). Dryness: "decreases roughness and dryness" is hydration, "can cause irritation or dryness",
# "reagiert mit Rötungen, Trockenheit" the concern `dryness`; itching and stinging are soothed, or caused
# (the concern `irritation`).
HARM_OR_RELIEF: dict[str, tuple[tuple[str, ...], str]] = {
    "hydration": (("dryness", "Trockenheit"), "dryness"),
    "soothing": (("itching", "itchiness", "stinging", "burning", "Juckreiz", "Brennen"), "irritation"),
}
HARM_CUES: tuple[str, ...] = (
    "cause*",
    "causing",
    "lead",
    "leads",
    "leading",
    "result*",
    "trigger*",
    "reagiert",
    "reagieren",
    "verursach*",
    "führt",
    "führen",
    "auslös*",
    "Nebenwirkung*",
    "side",  # "side effects like warming of the skin, itching, dryness"
)
HARM_WINDOW = 10

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
# ... and a pattern of these kinds (nouns a verb can deny: "Wunder kann selbst Hyaluron nicht vollbringen")
# followed by one of them within this many words is denied too. Not the other kinds: in "Anders als Botox
# wird das Mittel nicht gespritzt" the "nicht" denies the injection, not the comparison.
FLAG_NOUN_KINDS: tuple[str, ...] = ("miracle", "breakthrough")
FLAG_NEGATION_AFTER = 5
# "11 times faster than retinol" is both a bare multiple and a comparison: these kinds may overlap.
FLAGS_THAT_COEXIST: tuple[tuple[str, str], ...] = (
    ("numeric-superlative", "comparison"),
    ("numeric-superlative", "injection-comparison"),
    # "20 years of clinical use has proven it safe" makes both claims
    ("clinically-proven", "no-side-effects"),
    # "an all-natural alternative" is both
    ("natural", "comparison"),
    # "without retinol's unwelcome side effects" is both
    ("no-side-effects", "comparison"),
)
# "Immediately" after these is about recovery or what to do, not a result: "you can resume your routine
# immediately", "consult a dermatologist immediately" (regular expressions, the words before the match).
SPEED_NOT_AFTER: tuple[str, ...] = (
    r"resume\w*",
    r"return\w*",
    r"go(?:es)?\s+back",
    r"back\s+to",
    r"consult\w*",
    r"contact\w*",
    r"stop\w*",
    r"discontinue\w*",
    r"rinse\w*",
    r"wash\w*",
    r"recovery",
    r"downtime",
    r"uses\s+it",
    r"sold\s+out",
    r"bring\w*",
    r"transport\w*",
    r"penetrat\w*",
    r"absorb\w*",
    r"dring\w*",
    r"Bakterien",
)
# A marketing pattern with a negation up to this many words before it, in its clause, is denied.
FLAG_NEGATION_BEFORE = 4
# Kinds whose patterns are themselves denials ("no parabens", "chemical-free"): only a negation right before
# one denies it ("not paraben-free"), not one a few words back ("a non-fragranced serum with no parabens").
FLAGS_THAT_DENY: tuple[str, ...] = ("free-from", "natural", "no-side-effects")

# ---- comparisons ------------------------------------------------------------------------------
# An ingredient named after one of these cues is what the text compares with, never the subject of a
# claim: "6000 times stronger than vitamin C", "a gentle alternative to retinol", "isn't as potent as
# Botox", "the same cosmetic benefits as Botulinum toxin". Up to COMPARISON_GAP words may stand between
# the cue and the name, in the same clause: "nothing like the results that you can get with Botox".
# Matched case-insensitively on the original text; a space in a cue stands for any run of spaces.
COMPARISON_GAP = 8
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
    "comparable to",
    "confused with",
    "verwechselt mit",
    "comparable with",
    "alternative to",
    "alternatives to",
    "an alternative to",
    "instead of",
    "rather than",
    "replacement for",
    "substitute for",
    "replace",
    "replaces",
    "mimic",
    "mimics",
    "mimicking",
    "mimic the effect of",
    "mimic the effects of",
    "in the same way as",
    "in the same way that",
    "just like",
    "im Vergleich zu",
    "im Vergleich zum",
    "im Vergleich zur",
    "verglichen mit",
    "vergleichbar mit",
    "ähnlich wie",
    "anders als",
    "Alternative zu",
    "Alternative zum",
    "Alternative zur",
    "Ersatz für",
    "statt",
    "anstatt",
    "anstelle von",
    "im Unterschied zu",
    "im Unterschied zum",
    "im Unterschied zur",
    "im Gegensatz zu",
    "im Gegensatz zum",
    "im Gegensatz zur",
)
# Cues that are comparisons only in some uses, decided in `skincli.claims.check`:
# "like" (not after "I", "we", "you", "they", "would": "we like retinol"), "as" (only in "as potent
# as", "the same ... as", "works as well as"), German "wie" (not when it lists examples: "Wirkstoffe
# wie Retinol", ", wie Peptide"), German "als" (only after a comparative: "stärker als", "anders als").
LIKE_VERB_BEFORE: tuple[str, ...] = ("i", "we", "you", "they", "would", "d", "people", "users", "who", "to", "really")
# "ingredients like retinol", "things like peptides", ", like vitamin A": examples, not comparisons.
LIKE_EXAMPLES_BEFORE: tuple[str, ...] = (
    "things",
    "ingredients",
    "actives",
    "products",
    "substances",
    "compounds",
    "extracts",
    "molecules",
    "acids",
    "peptides",
    "vitamins",
    "antioxidants",
    "ones",
    "stuff",
    "treatments",
    "formulas",
    "serums",
    "creams",
)
# Verbs in -s that "like" follows as a comparison ("works like retinol", "acts like a filler"); any other
# plural noun before "like" lists examples ("humectants like glycerin", "agents like hyaluronic acid").
LIKE_VERBS_IN_S: tuple[str, ...] = (
    "works",
    "acts",
    "looks",
    "feels",
    "functions",
    "behaves",
    "performs",
    "sounds",
    "seems",
    "smells",
    "mimics",
    "mimicks",
    "resembles",
    "operates",
    "is",
    "was",
    "does",
    "goes",
)
# A name that opens a sentence followed by one of these is its subject ("Collagen can aid in calming").
SUBJECT_MODALS: frozenset[str] = frozenset({"can", "may", "might", "could", "will", "helps", "kann", "hilft", "soll"})
# A name right after one of these verbs, in a sentence another ingredient opens, is that ingredient's
# object ("Vitamin C ... replenishing vitamin E", "retinol boosts hyaluronic acid"): claims after it stay
# the subject's. Verbs that bring in a partner ("combined with", "containing") do not.
OBJECT_VERBS: frozenset[str] = frozenset(
    {
        "boosts",
        "increases",
        "replenishes",
        "restores",
        "stimulates",
        "protects",
        "regenerates",
        "recycles",
        "activates",
        "alongside",
        "neben",
    }
)
NOT_OBJECT_VERBS: frozenset[str] = frozenset(
    {"including", "containing", "featuring", "combining", "using", "adding", "pairing", "layering", "mixing", "during"}
)
# German puts the verb before "aber": "Retinol ... kann aber die Haut reizen" goes on about retinol.
VERB_BEFORE_CONTRAST: frozenset[str] = frozenset({"kann", "können", "ist", "sind", "wirkt", "wirken", "sollte", "hat", "muss"})
SAME_WORDS: tuple[str, ...] = ("same", "gleiche", "gleichen", "selbe", "selben")
AS_WELL_VERBS: tuple[str, ...] = ("work", "works", "worked", "perform", "performs", "act", "acts", "do", "does")
GERMAN_COMPARATIVES: tuple[str, ...] = ("mehr", "weniger", "besser", "anders", "eher", "lieber", "genauso", "ebenso")
NOT_COMPARATIVES: tuple[str, ...] = (
    "oder",
    "aber",
    "immer",
    "wieder",
    "weder",
    "jeder",
    "jener",
    "dieser",
    "einer",
    "keiner",
    "unser",
    "euer",
    "ihrer",
    "seiner",
    "meiner",
    "deiner",
    "hier",
    "vier",
    "über",
    "unter",
    "hinter",
    "außer",
    "wer",
    "der",
)
# Right after a name: "retinol-like", "Botox®-alternative", "a Botulinum toxin type A mimic",
# "dem Botox ähnlich", "denen von Botox-Injektionen ähneln".
COMPARISON_AFTER: tuple[str, ...] = (
    "like",
    "alike",
    "alternative",
    "alternatives",
    "mimic",
    "mimics",
    "ähnlich*",
    "ähnel*",
    "artig*",
)
# Injections and procedures (knowledge-base kinds "drug" and "procedure") named as a cream's name or
# with a topical word are a comparison too: "Botox-Creme", "Botox-Gel", "dieses topische Botox",
# "sein Serum «Hyaluron Cellular Filler»".
TOPICAL_WORDS: tuple[str, ...] = ("topical", "topically", "topische", "topischen", "topisches", "topischer", "topisch")
CREAM_NOUNS: tuple[str, ...] = (
    "cream*",
    "creme*",
    "gel",
    "gels",
    "serum*",
    "seren",
    "balm*",
    "lotion*",
    "jar",
    "tube",
    "bottle",
    "mask*",
    "maske*",
    "tiegel",
    "salbe*",
    "fluid",
    "essence",
    "booster",
    "ampoule*",
    "ampulle*",
    "pflege",
)
INJECTABLE_KINDS: tuple[str, ...] = ("drug", "procedure")
# A cream ingredient named with an injection in its sentence is the injected procedure: "Faltenunterspritzung
# mit Hyaluronsäure", "hyaluronic acid is injected". Not when the injection is denied or compared with
# ("auch ohne Injektion", "no needles", "an alternative to injections": those are flagged instead).
INJECTED_AS: dict[str, str] = {"hyaluronic-acid": "hyaluronic-acid-filler"}
INJECTION_WORDS: tuple[str, ...] = (
    "inject*",
    "injizier*",
    "injiziert",
    "Injektion*",
    "unterspritz*",
    "Unterspritzung*",
    "Faltenunterspritzung*",
    "gespritzt",
    "spritzt",
    "spritzen",
    "Spritze",
    "filler",
    "fillers",
    "dermal",
    "needle*",
    "skinbooster*",
    "Profhilo",
)
INJECTION_WINDOW = 10  # words between the name and the injection word, either way
INJECTION_DENIED: tuple[str, ...] = (
    "without",
    "no",
    "non",
    "free",
    "instead",
    "alternative",
    "ohne",
    "kein",
    "keine",
    "statt",
    "anstatt",
    "alternative",
)

# A name right before "free" ("fragrance-free moisturiser", "alcohol-free", "frei von Parfum") says the
# product lacks it: it is no subject.
ABSENT_AFTER: tuple[str, ...] = ("free", "frei")
# An effect adjective right before the name of another thing ("soothing shea butter", "in a calming,
# hydrating base") describes that thing, not the subject; these nouns count as such things as well as any
# name of the EU inventory.
DESCRIBED_NOUNS: tuple[str, ...] = ("base", "formula", "texture", "Basis", "Grundlage")

# ---- names that mean something else in marketing prose ------------------------------------------
# In an advert "BHA" is the beta hydroxy acid of skincare (salicylic acid), not the INCI name of the food
# antioxidant butylated hydroxyanisole, which prose writes out (`skincli show BHA` says the same).
PROSE_NOT_NAMES: dict[str, tuple[str, ...]] = {"bht-bha": ("BHA",)}
# German writes a product as one word with its active: "Retinolcreme", "Kollagenpulver", "Peptidserum".
# A one-word name followed by one of these endings names that ingredient.
COMPOUND_PRODUCTS: tuple[str, ...] = (
    "creme",
    "cremes",
    "serum",
    "seren",
    "gel",
    "fluid",
    "lotion",
    "maske",
    "masken",
    "pulver",
    "drink",
    "drinks",
    "shot",
    "shots",
    "kapseln",
    "tabletten",
    "ampulle",
    "ampullen",
    "pflege",
    "kur",
    "konzentrat",
    "booster",
    "produkt",
    "produkte",
    "produkten",
    "spray",
)
PROSE_NAMES: dict[str, tuple[str, ...]] = {
    "salicylic-acid": ("BHA", "salicylic"),
    # copy drops "acid" once the acid is known: "a glycolic toner", "azelaic is a multitasker"
    "glycolic-acid": ("glycolic",),
    "mandelic-acid": ("mandelic",),
    "azelaic-acid": ("azelaic",),
    "tranexamic-acid": ("tranexamic",),
    "kojic-acid": ("kojic",),
}
# Phrases that contain a name but name something else: "chemical sunscreens" are the UV filters a text sets
# against the finished product (the knowledge base's `sunscreen`), not that product.
NOT_NAMES: tuple[str, ...] = (
    # salts that are not the sulfate surfactants "sulfates" names in copy ("sulfate-free")
    "copper sulfate",
    "magnesium sulfate",
    "sodium sulfate",
    "Kupfersulfat",
    "Magnesiumsulfat",
    "chemical sunscreen",
    "chemical sunscreens",
    "chemische Sonnenschutzfilter",
    "chemischer Sonnenschutz",
)

# ---- words that are both an ingredient and an effect ---------------------------------------------
# "Collagen" names the ingredient (creams, supplements) and the effect (the skin's own collagen). It is
# the ingredient when written as a product ("collagen supplements", "Kollagen zum Trinken", "Drinks mit
# Kollagen"), when listed with other ingredients ("Hyaluronsäure und Kollagen"), or when no other
# ingredient is the subject nearby (CONTEXT_SENTENCES sentences either side, same paragraph);
# otherwise it is the effect: "vitamin C stimulates collagen production".
PRODUCT_AFTER: tuple[str, ...] = (
    "supplement*",
    "powder*",
    "drink*",
    "shot*",
    "capsule*",
    "tablet*",
    "pill*",
    "gumm*",
    "cream*",
    "serum*",
    "peptide*",
    "hydrolysate*",
    "pulver",
    "kapsel*",
    "präparat*",
    "creme*",
    "seren",
    "ampulle*",
    "trinkampulle*",
    "komplex*",
    "produkt*",
    "zum trinken",
    "zum einnehmen",
)
PRODUCT_BEFORE: tuple[str, ...] = (
    "drinks with",
    "drink with",
    "supplements with",
    "hydrolysed",
    "hydrolyzed",
    "marine",
    "oral",
    "bovine",
    "drinks mit",
    "shots mit",
    "ampullen mit",
    "pulver mit",
    "zutat",
    "eiweiss",
    "eiweiß",
    "protein",
)
CONTEXT_SENTENCES = 5

# ---- which ingredient an effect belongs to -------------------------------------------------------
# Ingredients named one after another, joined only by these words or punctuation, form one group and
# share the effects: "retinol and niacinamide reduce wrinkles", "fruit acids (AHAs and PHAs)",
# "peptides, such as acetyl hexapeptide 8".
GLUE_WORDS: tuple[str, ...] = (
    "and",
    "or",
    "plus",
    "with",
    "as well as",
    "such as",
    "including",
    "e.g",
    "eg",
    "aka",
    "also known as",
    "und",
    "oder",
    "sowie",
    "mit",
    "bzw",
    "beziehungsweise",
    "z.B",
    "zB",
    "zum Beispiel",
    "auch bekannt als",
)
# A sentence that names an effect but no ingredient continues the ingredient the paragraph is about when
# one of these pronouns stands before its first effect phrase, or it starts with a connective. Plural
# pronouns take every ingredient the last naming sentence had ("Vitamin C, Zink und Vitamin A. Sie
# sorgen für Feuchtigkeit"); singular ones its first.
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
# Pronouns that, opening a sentence, are its subject: the names after them are objects.
SUBJECT_PRONOUNS: frozenset[str] = frozenset({"it", "they", "es", "sie", "er"})
# ... unless the pronoun is a placeholder: "It is important to", "it's no wonder that", "es ist wichtig, dass".
EXPLETIVE_AFTER: frozenset[str] = frozenset(
    {
        "important",
        "essential",
        "crucial",
        "wonder",
        "secret",
        "worth",
        "best",
        "recommended",
        "that",
        "to",
        "wichtig",
        "dass",
        "empfehlenswert",
        "lohnt",
        "gibt",
        "sollte",
        "sollten",
        "empfiehlt",
        "handelt",
        "geht",
        "kommt",
        "braucht",
        "reicht",
    }
)
SINGULAR_PRONOUNS: frozenset[str] = frozenset({"it", "its", "this", "es", "dies", "dieses", "diesem", "sein", "seine", "seinen"})
# Possessives refer back only when they open a clause ("Ihre Anwendung führt zu..."), not inside one
# ("beansprucht die Haut auf ihre Weise").
POSSESSIVES: frozenset[str] = frozenset(
    {"its", "their", "ihr", "ihre", "ihren", "ihrem", "ihrer", "ihres", "sein", "seine", "seinen", "seinem", "seiner"}
)
# "these two ingredients", "der Wirkstoff": an article or demonstrative and one of these nouns refers
# back to the ingredient before; "the serum", "this formulation", "diese Creme" to the product the
# paragraph opened with (its first ingredients), not to the last ingredient named.
CONTINUATION_ARTICLES: frozenset[str] = frozenset(
    {
        "the",
        "our",
        "this",
        "these",
        "those",
        "that",
        "der",
        "die",
        "das",
        "den",
        "dem",
        "unser",
        "unsere",
        "diese",
        "dieser",
        "dieses",
        "diesen",
        "diesem",
    }
)
INGREDIENT_NOUNS: frozenset[str] = frozenset(
    {
        "ingredient",
        "ingredients",
        "active",
        "actives",
        "peptide",
        "peptides",
        "vitamin",
        "vitamins",
        "molecule",
        "molecules",
        "wirkstoff",
        "wirkstoffe",
        "inhaltsstoff",
        "inhaltsstoffe",
        "molekul",
        "substanz",
        "substanzen",
        "chemicals",
        "substances",
        "compounds",
        "acids",
        "agents",
        "filters",
        "preservatives",
        "stoffe",
        "filter",
        "vitamine",
        "two",
        "both",
        "beiden",
    }
)
# A class word that is also a name ("peptides", "vitamins") after one of these refers back: "These peptides
# are considered antioxidants" continues the copper peptide named before.
DEMONSTRATIVES: frozenset[str] = frozenset(
    {"this", "these", "those", "such", "diese", "dieser", "dieses", "diesen", "diesem", "solche", "solchen"}
)
PRODUCT_NOUNS: frozenset[str] = frozenset(
    {
        "serum",
        "serums",
        "cream",
        "creams",
        "formula",
        "formulation",
        "product",
        "products",
        "moisturizer",
        "gel",
        "creme",
        "cremes",
        "mittel",
        "produkt",
        "produkte",
        "pflege",
        "formel",
    }
)
# "It is a peptide", "Das sind Peptide": a name after one of these and a copula says what the earlier
# subject is (it is not a new subject).
PREDICATE_PRONOUNS: frozenset[str] = frozenset({"it", "this", "that", "these", "those", "they", "das", "dies", "es", "sie"})
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
# Words that end a pairing across them: an effect named before "while retinol..." is not retinol's.
CONTRAST_WORDS: frozenset[str] = frozenset({"while", "whilst", "whereas", "but", "während", "wohingegen", "aber", "jedoch"})
# Who a product suits is not what it does: "suitable for all skin types, including those with acne-prone
# skin", "for mature skin types". An effect phrase up to POPULATION_WINDOW
# words after one of these cues (same clause), or followed by "skin type(s)", describes the user; only
# tolerability ("suitable for sensitive skin") is still a claim there.
# Pores as the place an ingredient acts ("penetrates deep into the pores", "exfoliates within the pore")
# are not a claim about pores; a place word up to PLACE_WINDOW words before "pores" (across determiners) says so.
PLACE_EFFECTS: tuple[str, ...] = ("pores",)
PLACE_WORDS: tuple[str, ...] = ("into", "within", "inside", "in", "deep", "deeply", "penetrat*", "tief", "ins", "innerhalb")
PLACE_FILLER: tuple[str, ...] = ("the", "your", "our", "their", "its", "a", "of", "die", "den", "deine", "ihre", "der")
PLACE_WINDOW = 3
POPULATION_CUES: tuple[str, ...] = (
    "suitable for",
    "including those with",
    "recommended for",
    "if you suffer with",
    "if you suffer from",
    "geeignet für",
    "geeignet bei",
)
# Not "people with" or "if you have": "Even if you have fine lines..., lactic acid can help" is a claim.
POPULATION_WINDOW = 8
SKIN_TYPE_WORDS: tuple[str, ...] = ("skin type", "skin types", "Hauttyp", "Hauttypen")

# A cause of a problem is not a claim: "compromised due to factors like aging, environmental damage".
CAUSE_CUES: tuple[str, ...] = (
    "due to",
    "factors like",
    "factors such as",
    "because of",
    "in response to",
    "aufgrund",
    "infolge",
    "in Reaktion auf",
)
CAUSE_WINDOW = 4
# A name after one of these is used alongside the subject, not the subject: "exosomes used in combination
# with microneedling", "when combined with microneedling, exosome application...".
ADJUNCT_CUES: tuple[str, ...] = (
    "combined with",
    "in combination with",
    "in conjunction with",
    "paired with",
    "used with",
    "kombiniert mit",
    "in Kombination mit",
)
# "..., while 12 other UV filters were identified as toxic": a contrast word followed by one of these starts a
# clause with its own subject, so what it says is not the ingredient's before it ("but it can irritate" is).
NEW_SUBJECT_AFTER_CONTRAST: frozenset[str] = frozenset(
    {
        "the",
        "a",
        "an",
        "other",
        "others",
        "many",
        "most",
        "some",
        "these",
        "those",
        "several",
        "all",
        "der",
        "die",
        "das",
        "andere",
        "viele",
        "einige",
    }
)
# A sentence opening with one of these ("While Botox paralyses muscles, peptides...", "Where HA boosters
# hydrate, exosomes...") sets its first clause against the main one: what follows continues the main
# clause's ingredient, not the first one named.
CONTRAST_OPENERS: frozenset[str] = frozenset(
    {"while", "whilst", "whereas", "where", "although", "though", "während", "wohingegen", "obwohl", "wo"}
)
# A sentence opening with one of these and a comma ("With its glycolic acid content, snail mucin...") has
# its subject after the comma.
OPENING_PREPOSITIONS: tuple[str, ...] = ("with", "thanks", "in", "for", "by", "through", "mit", "dank", "durch", "bei")
# A question naming no ingredient is answered by the next sentence that is no question, this many ahead at most.
ANSWER_SENTENCES = 3
# A sentence whose subject is an ingredient the knowledge base lacks ("Zinc repairs skin...", "Ferulic
# acid boosts...") claims nothing for the ingredient before it. Such subjects are recognised in the EU
# CosIng inventory shipped for `scan` (exact INCI names and the common names it maps), when they open
# the sentence; these words are never taken for one.
NOT_UNKNOWN_SUBJECTS: frozenset[str] = frozenset({"skin", "haut", "face", "gesicht", "results", "water", "wasser"})
# "It is a peptide that...", "Das sind Peptide, die...": the name after a pronoun and a copula is what
# the pronoun's ingredient is, not a new subject.
COPULAS: frozenset[str] = frozenset({"is", "are", "was", "ist", "sind", "war"})
# ... unless one of these stands between the copula and the name: a new clause with its own subject.
NEW_CLAUSE_WORDS: frozenset[str] = frozenset(
    {
        "until",
        "when",
        "because",
        "if",
        "after",
        "before",
        "i",
        "we",
        "you",
        "he",
        "she",
        "bis",
        "als",
        "wenn",
        "weil",
        "ich",
        "wir",
    }
)
# A sentence of background (how skin ages, what collagen is) names effects without claiming them for
# anything: it continues no ingredient. Regular expressions, case-insensitive, on the sentence.
BACKGROUND: tuple[str, ...] = (
    r"\bas we (?:age|get older)\b",
    r"\bwith age\b",
    r"\bafter the age of\b",
    r"\bby the age of\b",
    r"\bnaturally (?:declines|decreases|occurring)\b",
    r"\b(?:natural|normal)\s+(?:aging|ageing)\s+process\b",
    r"\bwe (?:reach|hit|enter|turn)\s+(?:our\s+)?\d+",
    r"\bin (?:our|your) (?:\d0s|\d0’s|twenties|thirties|forties|fifties)\b",
    r"\bstarts? to (?:enlarge|sag|thin|lose|decline|slow|break down)\b",
    r"\bsigns of (?:aging|ageing|skin aging|skin ageing) (?:are|include|such as)\b",
    r"\bzunehmendem alter\b",
    r"\bmit dem alter\b",
    r"\bmit den jahren\b",
    r"\bab dem \d+\. lebensjahr\b",
    r"\bwe (?:produce|lose)\b",
    r"\bthe body\b",
    r"\bder körper\b",
    r"\bkörpereigen\w*",
)
# ... and so does a sentence that opens by saying what one of these is: "Collagen is a protein that...".
DEFINED_WORDS: tuple[str, ...] = ("collagen", "Kollagen", "elastin", "hyaluronic acid", "Hyaluronsäure", "ceramides", "Ceramide")
# A percentage result with one of these words in its sentence names a control: not a bare figure.
CONTROL_WORDS: tuple[str, ...] = ("placebo", "vehicle", "control group", "untreated", "kontrollgruppe", "scheinpräparat")

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
    # words that must be in a sentence for it to be searched: a trailing * = any word starting so, a leading * =
    # any word ending so, "<number>x" = a number with an x ("6000x"), "<percent>" = a % sign or the word percent
    triggers: tuple[str, ...]
    link: tuple[str, ...]  # words a 0-level KB claim must contain to be linked; "<number>" = the flag's number
    compares: bool  # graded under rule 10: a comparison needs a head-to-head trial, else it is level 1


_NUM = r"\d+(?:[.,'\u2009\u202f ]\d{3})*(?:[.,]\d+)?"
_WORDNUM = (
    r"(?:two|three|four|five|six|seven|eight|nine|ten|twenty|fifty|hundred|thousand|zwei|drei|vier|fünf|sechs|"
    r"sieben|acht|neun|zehn|zwanzig|fünfzig|hundert|tausend)"
)
_COMPARATIVE = (
    r"(?:more|stronger|higher|better|faster|greater|bigger|larger|deeper|longer|as|potent|effective|tiefer|länger|"
    r"stärker|höher|besser|mehr|schneller|wirksamer|effektiver|größer|so)"
)
_INJECTION = (
    r"(?:botox|botulinum\w*(?:\s+toxin\w*)?|neurotoxin\w*|filler\w*|face[\s-]?lift\w*|lifting|injection\w*|injektion\w*|"
    r"injectable\w*|spritze\w*|unterspritzung\w*|surgery|surgical|chirurg\w*|skalpell|scalpel|nervengift\w*|laser\w*|"
    r"(?:in[\s-]office|cosmetic|aesthetic|invasive|surgical)\s+(?:procedures?|treatments?)|microdermabrasion)"
)
_INJ2 = rf"{_INJECTION}(?:[\s-]+{_INJECTION})?"
_GAP = r"(?:[\w'’®-]+\s+){0,3}?"  # a few words between a cue and what it compares with
_ART = r"(?:an?\s+|the\s+|ein(?:e[mnrs]?)?\s+|einer?\s+|der\s+|die\s+|das\s+|dem\s+)?"  # an optional article
_CREAM = r"(?:cream|creme|gel|serum|balm|lotion|jar|tube|bottle|tiegel|tube)\w*"
_DURATION_EN = r"(?:minutes?|hours?|seconds?|days?|weeks?|applications?|uses?|sessions?|treatments?)"
_DURATION_DE = r"(?:Minuten|Stunden|Sekunden|Tag(?:en|e)?|Wochen?|Anwendung(?:en)?|Sitzung(?:en)?|Behandlung(?:en)?)"
_COUNT_EN = (  # "a few", "2-4", "two to four" as well as single counts
    r"(?:(?:just|only)\s+)?(?:a\s+few|a\s+couple\s+(?:of\s+)?|\d+\s*[-–]\s*\d+|"
    r"(?:one|two|three|four|five|six|eight|ten)\s+(?:to|or)\s+(?:two|three|four|five|six|eight|ten|twelve)|\d+\s+to\s+\d+|"
    r"a|an|one|two|three|four|five|six|seven|ten|fourteen|\d+)"
)
_COUNT_DE = r"(?:ein\s+paar|einer|einem|eine|ein|wenigen|weniger|zwei|drei|vier|fünf|sechs|sieben|acht|zehn|vierzehn|\d+)"
_PCT = rf"(?:{_NUM}\s?(?:%|percent\b|per cent\b|Prozent\b)|\b{_WORDNUM}\s+(?:percent|per cent|Prozent)\b)"

FLAGS: dict[str, FlagKind] = {
    "numeric-superlative": {
        "label": "numeric superlative",
        "explanation": "A bare multiple ('x times stronger') usually comes from a test-tube assay, not from skin; "
        "ask: measured how, on what, compared with what?",
        "patterns": (
            r"\b(?:doppelt|dreifach|zweimal|dreimal|zehnmal|hundertmal)\s+so\s+\w+",
            r"\b(?:zwei|drei|vier|fünf|zehn|hundert|tausend)mal\s+(?:so\s+)?\w+er\b",
            rf"(?<![\w.,]){_NUM}\s?[x×]\s+{_COMPARATIVE}\b",
            rf"(?<![\w.,]){_NUM}[x×]{_COMPARATIVE}?\b(?=\s+{_COMPARATIVE}\b)",
            rf"(?<![\w.,]){_NUM}\s*-?\s*(?:times|mal)\s+{_COMPARATIVE}\b",
            rf"(?<![\w.,]){_NUM}\s*-?\s*(?:fold|fach(?:e[mnrs]?)?)\b",
            rf"\b{_WORDNUM}\s*-?\s*(?:fold|fach(?:e[mnrs]?)?)\b(?!\s+(?:Weise|Art|Wirkung))",
            rf"\b{_WORDNUM}\s+(?:times|mal)\s+{_COMPARATIVE}\b",
            rf"\b(?:a\s+)?{_WORDNUM}\s*-?\s*(?:times|mal)\s+(?:its|their|ihr\w*|sein\w*|das|the)\s+(?:own\s+|eigene\w*\s+)?"
            r"(?:weight|Gewicht\w*|Eigengewicht\w*)",
            r"\b(?:doubles?|doubled|doubling|triples?|tripled|tripling|verdoppel\w*|verdopplung|verdreifach\w*|verzehnfach\w*)\b"
            r"(?![\s-]+(?:cleans|blind|duty|action))",
            rf"(?<![\w.,]){_NUM}\s*-?\s*(?:times|mal|x)\s+(?:its|their|ihr\w*|sein\w*|das|the)\s+(?:own\s+|eigene\w*\s+)?"
            r"(?:weight|Gewicht\w*|Eigengewicht\w*)",
            r"\b(?:thousands|hundreds)\s+of\s+times\b",
            rf"(?<![\w.,]){_NUM}\s*-?\s*(?:times|mal|x)\s+(?:its|their|ihr\w*|sein\w*|das|the)\s+(?:own\s+|eigene\w*\s+)?(?:mass|volume|Masse|Volumen)",
        ),
        "triggers": (
            "doppelt",
            "dreifach",
            "zweimal",
            "dreimal",
            "viermal",
            "funfmal",
            "fuenfmal",
            "zehnmal",
            "hundertmal",
            "tausendmal",
            "thousands",
            "hundreds",
            "times",
            "mal",
            "fold",
            "fach*",
            "*fach",
            "*fache",
            "*fachen",
            "*facher",
            "*faches",
            "*fachem",
            "x",
            "<number>x",
            "double*",
            "doubling",
            "tripl*",
            "verdoppel*",
            "verdopplung",
            "verzehnfach*",
            "verdreifach*",
        ),
        "link": ("<number>",),
        "compares": False,
    },
    "injection-comparison": {
        "label": "compared with an injection or surgery",
        "explanation": "A cream does not act like an injection or a facelift: injected botulinum toxin and fillers "
        "work in muscle and dermis, which actives in a cream do not reach in the same way. Ask for a head-to-head "
        "trial; without one the comparison is the advertiser's word.",
        "patterns": (
            rf"\bskip\s+(?:the\s+)?{_INJ2}",
            r"\b(?:Alternative|Ersatz)\s+(?:zur|zum|für\s+die|für\s+eine)\s+\w*(?:unterspritzung|spritze|injektion|botox)\w*",
            rf"\bähnel\w*\s+(?:dem|der|den)\s+(?:einer?\s+)?{_GAP}{_INJ2}",
            rf"\brival\w*\s+(?:those\s+of\s+|that\s+of\s+)?{_ART}{_GAP}{_INJ2}",
            rf"\b(?:topical|natural|cosmetic|needle[\s-]free)\s+answer\s+to\s+{_ART}{_GAP}{_INJ2}",
            r"\bbotox[®™]?[\s\-]*(?:like|alike|ähnlich\w*|artig\w*|effe[ck]t\w*|alternatives?)",
            rf"\bbotox[®™]?[\s\-]*{_CREAM}",
            r"\bfiller[\s-]*(?:cream|creme|serum|balm|lotion)\w*",
            r"\bfiller[\s-]*(?:like|ähnlich\w*|effe[ck]t\w*)",
            r"\blifting[\s-]*effe[ck]t\w*",
            rf"\b(?:just\s+)?(?:like|as with|similar to|wie|ähnlich wie)\s+{_ART}{_GAP}{_INJ2}",
            rf"\blike\s+(?:[\w'’-]+\s+){{3,7}}?(?:with\s+|from\s+)?{_INJ2}",
            r"\b(?:mimic\w*|replace\w*|replacement for|substitute for|alternatives? to|instead of|rather than|unlike|"
            r"versus|vs|compared (?:to|with)|the same way (?:as|that)|Alternative zu[mr]?|Ersatz für|anders als|statt|anstatt|"
            rf"im (?:Gegensatz|Unterschied|Vergleich) zu[mr]?)\s+(?:the\s+effects?\s+of\s+)?{_ART}{_GAP}{_INJ2}",
            rf"\bas\s+[\w-]+\s+as\s+(?:an?\s+|the\s+)?{_GAP}{_INJ2}",
            rf"\b(?:(?:more|less)\s+[\w-]+|better|stronger|faster|safer|gentler|superior)\s+(?:than|to|als)\s+{_ART}{_GAP}{_INJ2}",
            rf"\b(?:(?:more|less)\s+[\w-]+|better|stronger|faster|safer|gentler|superior)(?:\s+[\w-]+){{1,2}}?\s+(?:than|als)\s+"
            rf"{_ART}{_GAP}{_INJ2}",
            rf"\bmimic\w*\s+(?:[\w-]+\s+){{0,5}}?(?:of\s+)?{_INJ2}",
            rf"\bwithout\s+(?:the\s+)?(?:[\w-]+\s+){{0,2}}?(?:of\s+|from\s+)?{_INJ2}",
            rf"\bnot\s+ready\s+for\s+{_ART}{_GAP}{_INJ2}",
            r"\btopi(?:cal|sche\w*)\s+(?:Botox[\s-]+)?Alternative\w*",
            rf"\b(?:besser|stärker|schneller|sicherer|sanfter|wirksamer|wirkungsvoller)\s+als\s+{_ART}{_GAP}{_INJ2}",
            rf"\bsame\s+(?:[\w-]+\s+){{0,5}}?as\s+(?:an?\s+|the\s+)?{_GAP}{_INJ2}",
            rf"\b(?:ähnlich\w*|gleiche\w*)\s+(?:[\w-]+\s+){{0,3}}?(?:\w+\s+)?wie\s+(?:mit\s+)?(?:ein\w*\s+|der\s+|die\s+|das\s+|dem\s+)?{_GAP}{_INJ2}",
            rf"\b(?:dem|der|den|einer?)\s+{_INJ2}[®™]?\s+(?:ähnlich|ähnel)\w*",
            rf"\b{_INJ2}[®™]?\s+(?:ähnel)\w*",
            rf"\bwie\s+es\s+(?:mit|bei)\s+(?:einer?\s+|der\s+|dem\s+)?{_INJ2}",
            rf"\btopi(?:cal|sche[mnrs]?)\s+['‘’\"“„]?{_INJECTION}",
            r"\b(?:botox|filler|face[\s-]?lift)[\s-]+(?:in\s+(?:a|the|der|einer)\s+(?:jar|tube|bottle|tiegel|dose|flasche)"
            r"|to[\s-]go|aus\s+dem\s+tiegel)\b",
            r"\bface[\s-]?lift\w*",
            r"\b(?:needle[\s-]?free|no needles?|without\s+(?:needles?|injections?|surgery|the needle)|forgo the needle|"
            r"ohne\s+(?:Nadeln?|Spritzen?|Injektion(?:en)?|Skalpell|OP)(?:\s+oder\s+(?:Nadeln?|Spritzen?|Skalpell|OP))?|"
            r"Tschüss,?\s+Spritze|nadelfrei\w*)\b",
            r"\bohne\s+dass\s+(?:[\w-]+\s+){0,8}?(?:spritzen|injizieren|unterspritzen)\b",
            # German puts the verb last: "eine Botoxbehandlung komplett ersetzen", "dass Botox überflüssig wird"
            rf"\b{_INJ2}\w*(?:[\s-]+[\w-]+){{0,2}}?\s+(?:ersetz\w*|überflüssig\w*)",
            r"(?-i:\b[A-ZÄÖÜ][\wäöü]+-Filler\b)",
            r"[«\"“„](?-i:[^»\"”“\n]{0,40}\bFiller\b)[^»\"”\n]{0,20}[»\"”“]",
            rf"\bakin\s+to\s+{_ART}{_GAP}(?:[\w'’,-]+\s+){0, 12}?{_INJ2}",
        ),
        "triggers": (
            "skip",
            "alternative",
            "ersatz",
            "ahnel*",
            "rival*",
            "answer",
            "akin",
            "botox*",
            "botulinum*",
            "neurotoxin*",
            "filler*",
            "facelift*",
            "lift*",
            "injection*",
            "injektion*",
            "injectable*",
            "spritze*",
            "unterspritz*",
            "needle*",
            "nadel*",
            "skalpell",
            "scalpel",
            "surgery",
            "surgical",
            "chirurg*",
            "tschuss",
            "op",
            "nervengift*",
            "laser*",
            "office",
            "cosmetic",
            "aesthetic",
            "invasive",
            "microdermabrasion",
            "spritzen",
            "injizieren",
        ),
        "link": ("botox", "botulinum", "filler", "facelift", "injection", "lift"),
        "compares": True,
    },
    "comparison": {
        "label": "comparison",
        "explanation": "A comparison needs a head-to-head trial of the two for this outcome; without one it is the "
        "advertiser's word (level 1). Ask: which trial compared them directly, and how?",
        "patterns": (
            r"\bmove\s+over,?\s+(?=[\w-]+)",
            r"\bbenefits\s+of\s+(?:[\w-]+\s+){1,2}?without\b",
            r"\bon\s+(?:a\s+)?par\s+with\b",
            r"\b(?:nature[’\']s|natural|plant[\s-]based|vegan)\s+(?:retinol|retinoid|vitamin\s+A)\b(?!\s+alternatives?)",
            r"\b(?:pflanzliche[snm]?|natürliche[snm]?|vegane[snm]?)\s+(?:Retinol|Retinoid|Vitamin\s+A)\b",
            r"\b(?:great|perfect|easy|natural|gentle)\s+swap\s+for\b",
            r"\b(?:kinder|gentler|milder|softer|safer|natural|plant[\s-]based|sanftere?)\s+(?:version|cousin|sister|sibling|Version|Schwester)\s+(?:of|von)\b",
            r"\b(?:stabiler|potenter|reizärmer|effizienter|hautfreundlicher|ergiebiger|nachhaltiger)\s+(?:[\w-]+\s+){0,3}?als\b",
            r"\bübertrifft\b",
            r"\bsuperior\s+to\b",
            r"\b(?:beats|trumps|outshines|outdoes|outscor\w+)\s+(?:even\s+)?(?:the\s+|its\s+|their\s+)?[\w-]+",
            r"\b(?:(?:more|less)\s+[\w-]+|better|worse|stronger|gentler|faster|safer|superior|greater|smoother|milder|higher|"
            r"lower|friendlier|kinder|quicker|closer)(?:\s+[\w'’-]+){0,6}?\)?\s+than\b(?!\s+(?:good|ever|before|usual)\b)",
            r"\b(?:works?|performs?|acts?)\s+(?:just\s+)?as\s+well\s+as\b",
            # "as good as Botox", not "as good as they say", "as gentle as possible"
            r"\bas\s+(?:effective|effectively|good|potent|powerful|gentle|strong)\s+as\b(?!\s+(?:they|it|you|we|he|she|"
            r"advertised|promised|claimed|expected|possible|ever|always|before|needed|necessary|can\b|could\b|"
            r"(?:their|its|the)\s+(?:makers?|manufacturers?|brands?|ads?|labels?|claims?|advertis\w+|marketing)))",
            r"\b(?:same|similar)\s+(?:[\w-]+\s+){0,3}?(?:as|to)\b",
            r"\bas\s+(?:effective|good|potent|powerful|gentle|strong)\s+(?:at|in|for)\s+[^.;!?]{0,80}?\s+as\b",
            r"(?-i:\bLike)\s+(?!(?:all|any|most|many|every|other|with|I|you|we|me|us|them|this|that|it)\b)(?:[\w-]+\s+){0,3}?[\w-]+,",
            r"\b(?!botox|filler|needle|injection)\w+-like\s+(?:results?|effects?|benefits|action|properties)\b",
            r"\brather\s+than\b(?!\s+\w+ed\b)",
            r"\binstead\s+of\b(?!\s+(?:being\s+)?\w+ing\b)",
            r"\bsecond\s+only\s+to\b",
            r"\bout(?:scored?|shines?|does|classes?)\b",
            r"\b(?:much|just)\s+like\s+\w+",
            r"\b(?:genauso|genau\s+so)\s+(?:\w+\s+)?wie\b",
            r"\b(?:die|der|das|eine?)\s+(?:bessere|wirksamere|sanftere)\s+(?:Methode|Wahl|Alternative|Option|Lösung)\b",
            r"\b(?:far|significantly|considerably)\s+(?:superior|better|stronger|gentler|milder|more\s+effective|more\s+potent)\b",
            r"\bless\s+irritating\b",
            r"\blike\s+(?:their|its|the)\s+(?:\w+\s+)?counterparts?\b",
            r"\bgoes\s+beyond\s+(?:traditional|conventional|regular|ordinary|standard)\b",
            r"\b(?:whereas|while|während|wohingegen)\s+(?:conventional|traditional|regular|other|some|chemical|synthetic|"
            r"herkömmliche\w*|andere\w*)\b",
            r"\bdifferent\s+(?:to|from)\b",
            r"\banders\s+als\b",
            r"\balternatives?\s+to\b",
            r"\b(?:an?|the|this|our|your)\s+(?!(?:botox|filler|needle|injection|surgery|facelift)\w*[\s-]alternative)(?:[\w-]+,?\s+){0,3}?[\w-]+[\s-]"
            r"alternatives?\b(?!\s+to\b)",
            r"\b(?:sanfte\w*|natürliche\w*|bessere\w*|pflanzliche\w*)?\s*Alternative\s+zu[mr]?\b",
            r"\b(?:advantages?|an\s+edge)\s+over\b",
            r"\bcompared\s+(?:to|with)\b",
            r"\bVorteile?\s+gegenüber\b",
            r"\bunlike\s+\w+",
            r"\b(?:versus|vs)\b\.?",
            r"\boutperform\w*",
            r"\b(?:works?|wirk(?:t|en))\s+besser\b",
            r"\b(?:bessere|sanftere|wirksamere|natürliche)\s+Alternative\b",
            r"\b(?:besser|stärker|wirksamer|wirkungsvoller|effektiver|sanfter|schneller|milder|verträglicher|intensiver)\s+als\b",
            r"\b(?:im Gegensatz|im Unterschied|im Vergleich)\s+zu[mr]?\b",
            r"\bverglichen mit\b",
            r"\bähnlich\w*\s+(?:\w+\s+)?wie\b",
            r"\b(?:the\s+)?same\s+(?:[\w-]+\s+){0,2}?(?:benefits|results|effects?|effectiveness|efficacy|level)\b",
            r"\bgenau\s+wie\b",
            r"\b(?:essentially|basically|practically|roughly)\s+the\s+same\b",
            r"\bcomparable\s+(?:to|with)\b",
            r"\bvergleichbar\s+(?:mit|zu[mr]?)\b",
            r"\b(?:stronger|weaker|gentler|milder|(?:more|less)\s+[\w-]+)\s+(?:cousin|relative|sister|sibling|version|counterpart)\b",
            r"\b(?:besser|stärker|wirksamer|wirkungsvoller|effektiver|sanfter|schneller|milder|verträglicher|schonender|weniger\s+[\w-]+)\s+(?!bekannt)(?:[\w-]+\s+){1,4}?als\b",
            r"\b(?:eine?|die)\s+(?:[\w-]+\s+){0,2}?(?:pflanzliche|sanfte|natürliche|schonende|günstige|bessere|gute)\s+Alternative\b(?!\s+zu[mr]?\b)",
            r"\b(?:replacement|substitute)\s+for\b",
            r"\bErsatz\s+für\b",
            r"\bdiffers?\s+from\b",
            r"\b(?:safer|gentler|milder)\s+(?:for|on)\b",
            r"\b(?:considered|much|far|a\s+bit|slightly)\s+(?:safer|gentler|milder)\b",
            r"\bwithout\s+(?:the|its|their)\s+(?!(?:weight|greas\w*|sticki\w*|residue|hassle|cost|price|need|mess)\b)(?:[\w'’,-]+\s+){0,6}?"
            r"(?:of|that|often\s+accompanying|associated\s+with)\s+(?!(?:the|your|our|skin|use)\b)[\w-]+",
            rf"\b(?:works?|worked|acts?|behaves?|functions?|performs?)\s+(?:just\s+|much\s+|a\s+bit\s+|exactly\s+|similarly\s+)?like\s+(?!{_ART}{_INJECTION})(?!(?:an?|charm|magic|magnets?|sponges?|moisture)\b)[\w-]+",
        ),
        "triggers": (
            "natures",
            "vegan",
            "pflanzliches",
            "pflanzliche",
            "naturliches",
            "move",
            "par",
            "swap",
            "version",
            "cousin",
            "sister",
            "schwester",
            "stabiler",
            "potenter",
            "reizarmer",
            "effizienter",
            "hautfreundlicher",
            "ergiebiger",
            "nachhaltiger",
            "ubertr*",
            "uebertr*",
            "superior",
            "beats",
            "trumps",
            "outshines",
            "outdoes",
            "without",
            "genau",
            "comparable",
            "vergleichbar",
            "cousin",
            "relative",
            "sister",
            "sibling",
            "version",
            "counterpart",
            "alternative",
            "replacement",
            "substitute",
            "ersatz",
            "differ",
            "differs",
            "safer",
            "gentler",
            "milder",
            "than",
            "well",
            "effective",
            "effectively",
            "good",
            "potent",
            "powerful",
            "gentle",
            "strong",
            "same",
            "similar",
            "alternative*",
            "unlike",
            "versus",
            "vs",
            "outperform*",
            "besser*",
            "bessere",
            "sanftere",
            "wirksamere",
            "naturliche",
            "starker",
            "wirksamer",
            "wirkungsvoller",
            "effektiver",
            "sanfter",
            "schneller",
            "milder",
            "vertraglicher",
            "intensiver",
            "gegensatz",
            "unterschied",
            "vergleich",
            "verglichen",
            "ahnlich*",
            "advantage*",
            "like",
            "rather",
            "instead",
            "second",
            "outscore*",
            "outshine*",
            "outdoes",
            "genauso",
            "bessere",
            "far",
            "significantly",
            "considerably",
            "irritating",
            "counterpart*",
            "beyond",
            "whereas",
            "while",
            "wahrend",
            "wohingegen",
            "different",
            "anders",
            "*like",
            "edge",
            "compared",
            "vorteil*",
            "alternative",
            "weniger",
            "schonender",
        ),
        "link": (),
        "compares": True,
    },
    "speed": {
        "label": "speed promise",
        "explanation": "Skin turns over in weeks; a result promised in minutes, overnight or in days is usually "
        "short-lived swelling or light reflection. Ask: measured when, how long did it last?",
        "patterns": (
            r"\b(?:fast|quick|rapid)[\s-]acting\b",
            r"\bim\s+Handumdrehen\b",
            r"\bfrom\s+the\s+(?:very\s+)?first\s+(?:day|week|use|application|night)\b",
            r"\b(?:works?|working|results?|acts?|wirkt|Ergebnisse?)\s+(?:\w+\s+){0,2}?(?:in|within|innerhalb\s+von)\s+(?:just\s+|only\s+|wenigen\s+|nur\s+)?(?:seconds|minutes|Sekunden|Minuten)\b",
            r"\bnach\s+(?:der\s+)?(?:ersten|einmaliger|einer\s+einzigen)\s+Anwendung\b",
            r"\b(?:instant(?:ly)?|immediate(?:ly)?|overnight|in no time|on contact|right away)\b"
            r"(?!\s+(?:therapy|mask|treatment|cream|serum|formula|repair|care|use)\b)",
            rf"\b(?:within|in|in just|in only|in as little as|after just|after only|already after)\s+{_COUNT_EN}[\s-]+"
            rf"{_DURATION_EN}\b",
            r"\bafter\s+(?:a|one|\d+)\s+(?:minutes?|hours?|seconds?|days?|weeks?|applications?|uses?|sessions?)\b",
            r"\b(?:the\s+)?same\s+day\b",
            r"\bfrom\s+(?:the\s+)?(?:very\s+)?first\s+(?:use|application)\b",
            # "quickly" promises a result only next to one: "quickly reduces", "works quickly", not "absorbs quickly"
            r"\bquickly\s+(?:and\s+\w+\s+)?(?:reduc|improv|fad|clear|smooth|brighten|heal|calm|diminish|minimi|visibl|"
            r"transform|plump|firm|lift|restor|repair|erase|sooth|even|tighten|hydrat|revers)\w*",
            r"\b(?:works?|acts?|results?\s+(?:come|appear|show))\s+quickly\b",
            r"(?<!\bab\s)\b(?:sofort\w*|über\s+Nacht|im\s+Nu|auf\s+Anhieb)\b",
            r"\b(?:quick|fast|rapid|speedy|swift)\s+(?:visible\s+)?(?:results?|improvements?|relief|fix|way|action|effects?)\b",
            r"\bin\s+(?:a\s+)?(?:very\s+)?short\s+(?:period\s+of\s+)?time\b",
            r"\bno\s+waiting\s+(?:time|period)\b",
            r"\bin\s+a\s+matter\s+of\s+(?:seconds|minutes|hours|days|weeks)\b",
            r"\bwithin\s+the\s+(?:very\s+)?first\s+(?:day|week|few\s+days|application|use)s?\b",
            r"\bafter\s+(?:just\s+|only\s+)?a\s+(?:few|couple\s+of)\s+(?:minutes|hours|days|uses|applications)\b",
            r"\bfrom\s+(?:the\s+)?(?:very\s+)?(?:first|1st)\s+(?:use|application)\b",
            r"\b(?:lines|wrinkles|spots|acne|blemishes|puffiness|redness|pimples|breakouts)\s+(?:\w+\s+)?quickly\b",
            r"\bumgehend\b",
            r"\b(?:hilft|wirkt|wirken|helfen)\s+(?:unglaublich\s+|besonders\s+|sehr\s+|extrem\s+)?schnell\b",
            r"(?-i:\bSchnell)\s+(?:ein\s+bisschen\s+)?(?:jünger|glatter|straffer|schöner)\b",
            r"\b(?:rasche\w*|schnelle\w*)\s+(?:sichtbare\w*\s+)?(?:Ergebnis\w*|Wirkung|Resultat\w*|Milderung|Linderung|Hilfe|Verbesserung)\b",
            r"\bin\s+kürzester\s+Zeit\b",
            rf"\b(?:in|innerhalb|innerhalb\s+von|in\s+nur|nach\s+nur|schon\s+nach|bereits\s+nach)\s+{_COUNT_DE}\s+{_DURATION_DE}\b",
            rf"\bnach\s+{_COUNT_DE}\s+{_DURATION_DE}\b",
            r"\bwithin\s+(?:just\s+|only\s+)?(?:days|weeks|minutes|hours|seconds)\b",
            r"\bon\s+(?:the\s+)?(?:very\s+)?first\s+(?:use|application)\b",
            r"\bas\s+soon\s+as\s+(?:it\s+is\s+|they\s+are\s+|it[’']s\s+|they[’']re\s+)?applied\b",
            r"\bnach\s+(?:einigen|wenigen|ein\s+paar)\s+(?:Tagen|Wochen|Minuten|Stunden|Anwendungen)\b",
            r"\bschnell(?:er)?\s+(?:wirken|wirkt|abklingen|ab\b|helfen|hilft|sichtbar)",
            r"\bkeine\s+Einwirkzeit\b",
        ),
        "triggers": (
            "acting",
            "handumdrehen",
            "ersten",
            "einmaliger",
            "einzigen",
            "seconds",
            "minutes",
            "sekunden",
            "minuten",
            "within",
            "first",
            "soon",
            "einigen",
            "wenigen",
            "paar",
            "schnell",
            "schneller",
            "einwirkzeit",
            "instant*",
            "immediate*",
            "overnight",
            "contact",
            "minute*",
            "hour*",
            "seconds",
            "day",
            "days",
            "week*",
            "first",
            "quickly",
            "away",
            "quick",
            "fast",
            "rapid",
            "speedy",
            "swift",
            "short",
            "waiting",
            "rasche*",
            "schnelle*",
            "kurzester",
            "matter",
            "paar",
            "umgehend",
            "schnell",
            "sofort*",
            "nacht",
            "nu",
            "anhieb",
            "minuten",
            "stunden",
            "sekunden",
            "tag",
            "tage",
            "tagen",
            "woche",
            "wochen",
            "anwendung*",
            "sitzung*",
            "behandlung*",
            "applications",
            "application",
            "uses",
            "use",
            "application",
            "sessions",
            "treatments",
        ),
        "link": (),
        "compares": False,
    },
    "percentage": {
        "label": "percentage without a control",
        "explanation": "'Up to' gives the best single result, and 'x% saw' is usually users judging their own skin; "
        "ask: how many people, measured how, compared with an untreated group?",
        "patterns": (
            r"\b(?:[1-9]|one|two|three|four|five|six|seven|eight|nine|neun|acht|sieben)\s+(?:out\s+of|in|von)\s+(?:10|ten|zehn)\b",
            rf"\b(?:up to|bis zu)\s+{_PCT}(?!\s+of\s+(?:your|the|a|this)\s+(?:cream|formula|product|serum|lotion))",
            rf"\b(?:from|von)\s+{_PCT}\s+(?:to|auf|bis)\s+{_PCT}",
            rf"\b(?:by|um)\s+(?:etwa\s+|about\s+|around\s+|ca\.?\s+|rund\s+|up to\s+|bis zu\s+|over\s+|über\s+)?{_PCT}",
            rf"\b(?:blocks?|filters?|reduces?|increases?|improves?|boosts?|cuts?)\s+(?:out\s+|up\s+to\s+|by\s+)?{_PCT}",
            rf"(?<![\w.,]){_PCT}\s+(?:of\s+(?:the\s+)?(?:users|women|men|participants|people|subjects|testers|consumers|panelists|volunteers|them|those)"
            r"|der\s+(?:Anwender\w*|Probanden\w*|Proband\w*|Frauen|Teilnehmer\w*|Tester\w*|Nutzer\w*|Verbraucher\w*))",
            rf"(?<![\w.,]){_PCT}\s+(?:saw|said|reported|noticed|agreed|felt|found|experienced|showed|bestätigten|sahen|berichteten)",
            rf"(?<![\w.,]){_PCT}\s+(?:fewer|weniger|reduction|reduced|improvement|improved|increase|Reduktion|Verbesserung|Steigerung)",
            rf"\b(?:by|um)\s+(?:approximately|roughly|nearly|almost|annähernd|fast|knapp)\s+(?:{_NUM}\s*(?:to|-|–|bis)\s*)?{_PCT}",
            rf"\b(?:by|um)\s+{_NUM}\s*(?:to|-|–|bis)\s*{_PCT}",
        ),
        "triggers": ("10", "ten", "zehn", "<percent>", "percent", "prozent", "cent"),
        "link": ("<number>",),
        "compares": False,
    },
    "clinically-proven": {
        "label": "'clinically proven'",
        "explanation": "No study is cited: ask which trial, how many people, compared with what, and who paid.",
        "patterns": (
            r"\b(?:clinically|scientifically|medically)\s+(?:proven|shown|demonstrated|validated|confirmed|tested)\b",
            r"\b(?:klinisch|wissenschaftlich|medizinisch)\s+(?:bewiesen|belegt|nachgewiesen|erwiesen|bestätigt|getestet|geprüft)\w*",
            r"\b(?:wissenschaftliche\w*|klinische\w*)\s+(?:Belege|Beweise|Nachweise|Studien)\b",
            r"\berwiesenermaßen\b",
            r"\b(?:hat|haben)\s+sich\s+(?:\w+\s+)?gezeigt\b",
            r"\b(?:research|science|studies|data|evidence)\s+backs?\b",
            r"\bbacked\s+by\s+(?:\w+\s+)?(?:science|research|studies|data|clinical\s+\w+)\b",
            r"\b(?:many|several|numerous|multiple|independent|countless|various)\s+(?:\w+\s+)?(?:clinical\s+)?(?:trials|studies)\b",
            r"\bclinical\s+(?:claims|data)\b",
            r"\bproves?\s+(?:itself|themselves)\b",
            r"\bwell[\s-]established\b",
            r"\b(?:a|one|this)\s+(?:[\w-]+\s+){0,2}?study\s+(?:found|showed|shows|revealed|proved)\b",
            r"\bbased\s+on\s+(?:the\s+)?(?:available\s+|latest\s+)?(?:scientific\s+|clinical\s+)?(?:data|evidence)\b",
            r"\bclinical\s+(?:studies|trials)\s+showing\b",
            r"\b(?:encouraging|promising|growing|compelling|strong)\s+evidence\b",
            r"\bklinische\w*\s+Tests?\b",
            r"\bWirksamkeit\s+(?:\w+\s+){0,2}?(?:bewiesen|belegt|nachgewiesen)\b",
            r"\b(?:am\s+besten|bestens|gut)\s+belegt\w*",
            r"\bnachgewiesen\b",
            r"\bherausgestellt\b",
            r"\b\w*[Ss]tudie\w*\s+(?:\w+\s+){0,2}?(?:gestützt|untermauert|belegt|bestätigt|bewiesen)\b",
            r"\b(?:shown|proven)\s+to\s+(?!be\s+(?:safe|gentle)\b)",
            r"\bproven\s+(?:by|in)\s+(?:clinical\s+)?(?:studies|trials|research|science)\b",
            r"(?:\b(?:has|have|is|are|was|were)|[’']s)\s+(?:also\s+)?(?:been\s+)?(?:clinically\s+|scientifically\s+)?(?:shown|proven|demonstrated)\s+to\b",
            r"\b(?:best|most|well|am\s+besten|bestens|gut)[\s-]+(?:researched|studied|erforscht\w*|untersucht\w*)\b",
            r"(?<!what\sthe\s)\b(?:studies|research|science|(?:laboratory|lab|clinical)\s+(?:work|studies|data|research|tests?))\s+(?:also\s+)?"
            r"(?:that\s+)?(?:(?:have|has)\s+)?(?:also\s+|\w+ly\s+)?(?:says|supports?|deemed|shows?|showed|shown|proves?|proved|proven|confirms?|confirmed|demonstrates?|demonstrated|"
            r"suggests?|suggested|indicates?|indicated|found|reveal(?:s|ed)?)\b",
            r"\b(?:clinical|scientific)\s+(?:evidence|trials?|studies|research)\s+(?:supports?|documents?|shows?|proves?|confirms?)\b",
            r"\b(?:good|strong|solid|clear)\s+(?:scientific\s+|clinical\s+)?evidence\b",
            r"\bbased on (?:scientific |clinical )?(?:studies|research|science)\b",
            r"\b(?:science|research|clinically)[\s-]backed\b",
            r"\bproven[\s,]+(?:[\w-]+[\s,]+){0,3}?(?:ingredients?|formula\w*|results?|actives?|technology)\b",
            r"\bproven\s+to\b",
            r"\b(?:laut|nach)\s+(?:\w+\s+)?Studien\b",
            r"\b(?:durch|in)\s+(?:\w+\s+)?Studien\s+(?:belegt|bewiesen|nachgewiesen|bestätigt)\b",
            r"\b(?:zeigen|belegen|beweisen|bestätigen)\s+(?:\w+\s+){0,2}?Studien\b",
            r"\bStudien\s+(?:\w+\s+){0,2}?(?:zeigen|belegen|beweisen|bestätigen|nachweisen|nachgewiesen)\b",
            r"\b(?:immer mehr|zahlreiche|viele|mehrere|neue)\s+Studien\b",
            r"\bStudien zufolge\b",
            r"\bproven\s+as\b",
            r"\b(?:in|laut)\s+(?:one|a|another|this|that|einer|der|dieser)\s+(?!double|randomi[sz]ed|placebo)(?:[\w-]+\s+){0,2}?(?:study|trial|\w*studie)\b",
            r"\b(?:rigorously|extensively|thoroughly|sorgfältig)\s+(?:tested|studied|researched|geprüft|getestet)\b",
            r"\bnachweislich\b",
            r"\b(?:has|have)\s+been\s+(?:clinically\s+|scientifically\s+)?proven\b",
            r"\b(?:has|have)\s+been\s+(?:seen|observed|found)\s+to\b",
            r"\b(?:Versuche|Prüfungen|Tests|Untersuchungen)\s+(?:[\w-]+\s+){0,3}?(?:zeigten|zeigen|ergaben|bestätigten|festgestellt|belegten)\b",
            r"\b(?:study|studies|research|trial)\s+(?:also\s+)?highlight(?:s|ed)?\b",
        ),
        "triggers": (
            "proven",
            "rigorously",
            "extensively",
            "thoroughly",
            "sorgfaltig",
            "nachweislich",
            "versuche",
            "prufungen",
            "tests",
            "untersuchungen",
            "highlight",
            "highlights",
            "highlighted",
            "*studie",
            "*studien",
            "*untersuchung",
            "*untersuchungen",
            "forschung",
            "forscher*",
            "wissenschaft*",
            "belege",
            "testing",
            "trial",
            "studie",
            "untersuchung",
            "untersuchungen",
            "clinically",
            "clinical",
            "scientifically",
            "scientific",
            "medically",
            "klinisch",
            "wissenschaftlich",
            "medizinisch",
            "proven",
            "shown",
            "demonstrated",
            "studies",
            "research",
            "science",
            "evidence",
            "laboratory",
            "lab",
            "studien",
            "wissenschaftliche*",
            "klinische*",
            "erwiesenermassen",
            "gezeigt",
            "backs",
            "back",
            "backed",
            "trials",
            "proves",
            "themselves",
            "itself",
            "researched",
            "studied",
            "study",
            "established",
            "deemed",
            "says",
            "supports",
            "data",
            "evidence",
            "tests",
            "test",
            "wirksamkeit",
            "belegt*",
            "nachgewiesen",
            "herausgestellt",
            "*studie",
            "erforscht*",
            "untersucht*",
            "seen",
            "observed",
        ),
        "link": (),
        "compares": False,
    },
    "dermatologically-tested": {
        "label": "'dermatologically tested'",
        "explanation": "Says the product was tried on skin for tolerance, not that it does what the text promises.",
        "patterns": (
            r"\b(?:under|with)\s+dermatological\s+(?:supervision|control)\b",
            r"\bunter\s+dermatologischer\s+(?:Kontrolle|Aufsicht)\b",
            r"\bdermatologi(?:cally|sch)\s+(?:tested|approved|getestet|geprüft|bestätigt)\b",
            r"\bdermatologist[\s-]+tested\b",
            r"\bpassed\s+(?:an?\s+)?(?:\w+\s+)?(?:irritation|dermatological|patch|allergy)\s+tests?\b",
            r"\b(?:under\s+(?:the\s+)?supervision\s+of|supervised\s+by|unter\s+(?:\w+\s+)?Aufsicht\s+von)\s+(?:\w+\s+)?"
            r"(?:dermatologists?|doctors?|Dermatologen|Hautärzten)\b",
        ),
        "triggers": (
            "dermatological",
            "dermatologischer",
            "dermatologically",
            "dermatologisch",
            "dermatologist",
            "supervision",
            "supervised",
            "aufsicht",
            "passed",
        ),
        "link": (),
        "compares": False,
    },
    "endorsement": {
        "label": "expert endorsement",
        "explanation": "An expert's recommendation is an opinion, not a trial; ask who they are, whether they are "
        "paid, and which study they rely on.",
        "patterns": (
            r"\b(?:dermatologists?|derms?|doctors?|experts?|Dermatologen|Hautärzte|Hautärztinnen|Ärzte)\s+"
            r"(?:[\w-]+\s+){0,4}?(?:recommend\w*|suggest\w*|approve\w*|(?<!could\s)(?<!would\s)love|swear by|trust|agree|rave|"
            r"are\s+(?:so\s+)?excited|prefer|"
            r"empfehlen|raten|schwören)\b",
            r"\bDermatolog\w*(?:[:/*]innen)?\s+(?:[\w-]+\s+){0,2}?(?:schätzen|empfehlen|raten|lieben|setzen\s+auf|schwören)\b",
            r"\b(?:laut|nach\s+Ansicht\s+von|according\s+to)\s+(?:\w+\s+)?(?:Dermatolog\w*(?:[:/*]innen)?|Hautärzt\w*|dermatologists|derms)\b",
            r"\bdermatologist(?:s[’']?)?\s+(?:stars?|favou?rites?|picks?|darlings?)\b",
            r"\b(?:developed|formulated|created|designed)\s+(?:[\w-]+\s+){0,6}?(?:dermatology\s+experts|dermatologists)\b",
            r"\bdermatological\s+(?:staple|favou?rite|go-to|classic)\b",
            r"\bfavou?red\s+(?:[\w-]+\s+){1,2}?by\s+(?:\w+\s+)?(?:dermatologists|derms|doctors|experts)\b",
            r"\b(?:loved|beloved|favou?red|praised|trusted|adored)\s+by\s+(?:\w+\s+)?(?:dermatologists|derms|doctors|experts)\b",
            r"\b(?:favou?rite|go-to|staple|darling)\s+(?:among|of|with|for)\s+(?:\w+\s+)?(?:dermatologists|derms|doctors|experts)\b",
            r"\b(?:dermatologist|doctor|derm|expert)[\s-](?:recommended|approved|backed|developed|formulated|favou?rite|loved|trusted)\b",
            r"\b(?:von|by)\s+(?:\w+\s+)?(?:Dermatologen|Hautärzten|Ärzten|Experten|dermatologists?|derms?|doctors?)\s+"
            r"(?:empfohlen|entwickelt|getestet|geprüft|approved|recommended|developed)\b",
            r"\b(?:recommended|approved|empfohlen|entwickelt)\s+(?:by|von)\s+(?:\w+\s+)?(?:dermatologists?|derms?|doctors?|"
            r"Dermatologen|Hautärzten|Ärzten|experts?|Experten)\b",
            r"\b(?:Liebling|Lieblinge|favou?rite|darling)\s+(?:aller|vieler|der|of\s+(?:all\s+|many\s+)?)\s*(?:Dermatolog\w*|Hautärzt\w*|dermatologists|derms|skin\s?care\s+experts|experts)\b",
            r"\b(?:amongst|among|with|unter)\s+(?:skin\s?care|beauty|skin)\s+(?:experts|professionals|pros)\b",
        ),
        "triggers": (
            "liebling",
            "lieblinge",
            "favourite",
            "favorite",
            "darling",
            "dermatology",
            "*arzte",
            "*arzten",
            "*arztinnen",
            "arzten",
            "arztinnen",
            "dermatologist*",
            "derm",
            "derms",
            "doctor*",
            "expert*",
            "dermatologen",
            "hautarzte",
            "hautarztinnen",
            "arzte",
            "recommended",
            "approved",
            "dermatolog*",
            "hautarzt*",
            "favoured",
            "favored",
            "empfohlen",
            "entwickelt",
            "professionals",
            "pros",
        ),
        "link": (),
        "compares": False,
    },
    "no-side-effects": {
        "label": "'no side effects'",
        "explanation": "Anything that acts on skin can irritate or sensitise someone; 'no side effects' is a promise, "
        "not a finding.",
        "patterns": (
            r"\b(?:absolut|völlig|vollkommen|komplett|hundertprozentig)\s+(?:sicher|harmlos|ungefährlich|unbedenklich)\b",
            r"\b(?:no|without|zero|free\s+(?:of|from))\s+(?:the\s+)?(?:(?:known|any|harsh|major|reported|serious|nasty|unwanted|"
            r"negative|significant)\s+)*side[\s-]?effects?\b",
            r"\b(?:totally|completely|perfectly|absolutely|entirely)\s+safe\b",
            r"\b(?:little|few|minimal)\s+(?:or\s+no\s+)?side[\s-]?effects?\b",
            r"\bprove[dn]?\s+(?:it|them|itself|to\s+be)\s+safe\b",
            r"\b(?:nahezu\s+|fast\s+)?(?:keinerlei|kaum)\s+(?:\w+\s+)?Nebenwirkung(?:en)?\b",
            r"\b(?:without|no)\s+(?:the\s+|any\s+)?(?:risks?|dangers?)\b",
            r"\bkeine\s+(?:\w+\s+)?(?:allergischen\s+Reaktionen|Reizungen|Unverträglichkeiten)\b",
            r"\bohne\s+(?:jedes\s+|jegliches\s+)?Risiko\b",
            r"\bside[\s-]?effect[\s-]?free\b",
            r"\b(?:does not|doesn[’']t|won[’']t|will not|do not|don[’']t)\s+(?:come with|have|cause)\s+"
            r"(?:any\s+|these\s+|the\s+)?(?:same\s+)?(?:potential\s+)?side[\s-]?effects?\b",
            r"\b(?:keine|ohne)\s+(?:bekannten\s+)?Nebenwirkung(?:en)?\b",
            r"\bnebenwirkungsfrei\w*",
            r"\b(?:risk[\s-]?free|risikofrei|risikolos|completely\s+safe|100\s?%\s*(?:safe|sicher)|harmless|unbedenklich\w*)\b",
            r"\b(?:can[’']?t|cannot|can not|won[’']t)\s+(?:cause\s+)?(?:any\s+)?harm\b",
        ),
        "triggers": (
            "absolut",
            "vollig",
            "vollkommen",
            "komplett",
            "hundertprozentig",
            "gefahr*",
            "risiken",
            "side*",
            "nebenwirkung*",
            "risk*",
            "risikofrei",
            "risikolos",
            "safe",
            "sicher",
            "harmless",
            "unbedenklich*",
            "harm",
            "risiko",
            "danger*",
            "reaktionen",
            "proven",
            "proved",
        ),
        "link": (),
        "compares": False,
    },
    "miracle": {
        "label": "miracle word",
        "explanation": "No skincare ingredient works miracles; the word stands in for evidence.",
        "patterns": (
            r"\bZauber(?!wort)\w*",
            r"\bmiracle\w*",
            r"\bmiraculous\w*",
            r"\bmagic(?:al|ally)?\b",
            r"\bmagisch\w*",
            r"\b(?:works?|working|do|does|doing|can\s+do)\s+wonders\b",
            r"\bwonder[\s-]+(?:cream|serum|ingredient|product|drug|weapon|molecule|shot|drink|pill|oil|potion|cure|worker)s?\b",
            r"\bWunder[ns]?\b",
            r"\bWunder(?:mittel|waffe|creme|serum|wirkung|elixier|produkt|stoff|wirkstoff)\w*",
            r"\b\w+wunder\b",
            r"\b\w+-Wunder\w*",
            r"\bwundersam\w*",
            r"\bZauber(?:mittel|formel|creme|serum|trank|stab|waffe)\w*",
            r"\b(?:cure[\s-]all|Allheilmittel)\b",
        ),
        "triggers": (
            "zauber*",
            "miracle*",
            "miraculous*",
            "magic*",
            "magisch*",
            "wonder*",
            "wunder*",
            "*wunder",
            "zauber*",
            "holy",
            "game*",
            "secret",
            "cure*",
            "geheimwaffe*",
            "allheilmittel*",
        ),
        "link": ("miracle", "wonder"),
        "compares": False,
    },
    "breakthrough": {
        "label": "'breakthrough'",
        "explanation": "'Breakthrough', 'revolutionary' and 'first' are news, not evidence; ask what was shown, "
        "in how many people, and by whom.",
        "patterns": (
            r"\bnext\s+big\s+thing\b",
            r"\bgame[\s-]?changer\w*",
            r"\bworld[\s-]first\b",
            r"\bneueste[nmrs]?\s+Generation\b",
            r"\bbreakthrough\w*",
            r"\brevolution\w*",
            r"\brevolutionär\w*",
            r"\brevolutionier\w*",
            r"\bgame[\s-]?changing\b",
            r"\bnew\s+era\b",
            r"\bneue[nmrs]?\s+(?:Ära|Zeitalter|Generation)\b",
            r"\bnext[\s-]generation\b",
            r"\bnext[\s-]gen\b",
            r"\bground[\s-]?breaking\b",
            r"\b\w+revolution\b",
            r"\bmodernst\w*\b",
            r"\b(?:biggest|largest|greatest|single\s+largest)\s+(?:\w+\s+)?leap\b",
            r"\bcutting[\s-]edge\b",
            r"\bworld[’']?s\s+first\b",
            r"\b(?:the\s+)?first[\s-]+(?:ever\s+)?(?:and\s+only\s+)?(?:serum|cream|product|formula|ingredient|treatment|peptide)\b",
            r"\bweltweit\s+erste\w*",
            r"\bDurchbruch\w*",
            r"\bbahnbrechend\w*",
            r"\bstate[\s-]of[\s-]the[\s-]art\b",
        ),
        "triggers": (
            "big",
            "changer*",
            "gamechanger*",
            "state",
            "breakthrough*",
            "revolution*",
            "revolutionar*",
            "revolutionier*",
            "game*",
            "era",
            "ara",
            "zeitalter",
            "generation",
            "cutting",
            "first",
            "erste*",
            "durchbruch*",
            "bahnbrechend*",
            "next",
            "worlds",
            "world",
            "groundbreaking",
            "*revolution",
            "modernst*",
            "ground",
            "leap",
            "gen",
        ),
        "link": (),
        "compares": False,
    },
    "natural": {
        "label": "'natural'",
        "explanation": "'Natural' or 'chemical-free' says nothing about whether something works or is safe; "
        "every ingredient is a chemical.",
        "patterns": (
            r"\b(?:only|exclusively|purely|100\s?%)\s+natural\s+ingredients\b",
            r"\bnatural\s+ingredients\s+only\b",
            r"\b100\s?%\s+(?:[\w-]+\s+and\s+)?natural\b",
            r"\brein\s+(?:pflanzlich|natürlich)\w*",
            r"\b(?:derived\s+)?(?:entirely|purely|100\s?%)\s+(?:from\s+plants|plant[\s-](?:based|derived))\b",
            r"\b100\s?%\s*(?:natural|natürlich\w*|naturrein\w*|pure|rein\w*)\b",
            r"\bnatürliche\w*\s+(?:Stoffe|Wirkstoffe|Inhaltsstoffe|Zutaten)\b",
            r"\bVerzicht\s+auf\s+(?:\w+\s+)?(?:synthetische|chemische)\w*",
            r"\bkeine\s+synthetischen\b",
            r"\bnatural(?:,\s*[\w-]+)?\s+(?:[\w-]+\s+)?alternatives?\b",
            r"\ball[\s-]natural\b",
            r"\bchemical[\s-]free\b",
            r"\b(?:chemiefrei|frei\s+von\s+chemie|ohne\s+chemie)\b",
            r"\b(?:frei\s+von|ohne)\s+(?:\w+\s+)?synthetische\w*\s+\w+",
            r"\b(?:free\s+(?:from|of)|without)\s+(?:any\s+)?synthetic\s+\w+",
            r"\b(?:totally|completely|entirely|purely|all|100\s?%)\s+(?:natural|plant[\s-]based|organic|botanical)\b",
            r"\bno\s+(?:harsh\s+|nasty\s+|added\s+)?chemicals\b",
        ),
        "triggers": (
            "pflanzlich*",
            "natural",
            "plants",
            "chemicals",
            "natural",
            "naturlich",
            "naturrein",
            "pure",
            "rein",
            "reine",
            "reinen",
            "reiner",
            "reines",
            "allnatural",
            "chemical*",
            "chemiefrei",
            "chemie",
            "synthetische*",
            "synthetischen",
            "synthetic",
            "naturliche*",
            "verzicht",
            "organic",
            "botanical",
            "plant",
        ),
        "link": (),
        "compares": False,
    },
    "free-from": {
        "label": "'non-toxic' / 'free from'",
        "explanation": "'Non-toxic', 'clean' and 'free from' claims imply that other products are harmful; whether "
        "an ingredient harms depends on dose and use. Ask: harmful at what dose, shown how?",
        "patterns": (
            r"\bnothing\s+(?:toxic|harmful|nasty)\b",
            r"\b(?:ohne|frei\s+von)\s+(?:schädliche|aggressive|bedenkliche|synthetische)[nm]?\s+(?:Chemikalien|Inhaltsstoffe|Zusatzstoffe|Substanzen)\w*",
            r"\b(?:without|free\s+(?:of|from))\s+(?:any\s+)?(?:harsh|harmful|toxic|nasty|synthetic|aggressive)\s+(?:chemicals|ingredients|additives|substances)\b",
            r"\b(?:ohne|frei\s+von)\s+(?:schädliche|aggressive|bedenkliche|synthetische)n?\s+(?:Chemikalien|Inhaltsstoffe|Zusatzstoffe|Substanzen)\b",
            r"\bnon[\s-]?toxi(?:c|n)\w*",
            r"\btoxi(?:c|n)s?[\s-]free\b",
            r"\bfree\s+(?:from|of)\s+(?:[\w-]+\s+)?(?:toxins?|toxic\w*|nasties|harmful\w*|harsh\w*|chemicals)\b",
            r"\bno\s+(?:nasties|toxins|harsh\s+chemicals|nasty\s+chemicals|toxic\s+chemicals|nasty\s+ingredients)\b",
            r"\bclean\s+(?:beauty|skincare|skin\s+care|formula\w*|ingredients?|products?)\b",
            r"\b(?:paraben|sulfate|sulphate|silicone|alcohol|fragrance|phthalate|mineral[\s-]oil|PEG|preservative)s?[\s-]free\b",
            r"\b(?:do(?:es)?\s+not|don[’']t|doesn[’']t)\s+(?:include|contain)\s+(?:any\s+)?(?:harsh|irritating|harmful|toxic|nasty)\b",
            r"\bfree\s+(?:of|from)\s+(?:\d+\s+)?(?:common\s+)?(?:questionable|harmful|harsh|toxic|nasty|controversial)\b",
            r"\bwithout\s+(?:any\s+)?(?:unnecessary\s+)?(?:additives|colou?rants|dyes|fragrances?|mineral\s+oils?)\b",
            r"\bohne\s+(?:\w+\s+){0,4}?(?:Alkohol|Duftstoffe\w*|Konservierungsstoffe\w*)\b",
            r"\bkeine\s+(?:\w+\s+){0,3}?(?:Duftstoffe|Konservierungsstoffe|Parabene|Silikone|Mikroplastik)\b",
            r"\b(?:do(?:es)?\s+not|don[’']t|doesn[’']t)\s+contain\s+(?:any\s+)?(?:alcohol|parabens|sulfates|silicones|fragrance|"
            r"preservatives|toxins|harsh\s+chemicals)\b",
            r"\b(?:without|free\s+(?:of|from))\s+(?:any\s+)?(?:added\s+|artificial\s+|synthetic\s+)?(?:preservatives|parabens|sulfates|"
            r"sulphates|silicones|fragrances?|perfumes?|alcohol|phthalates|dyes)\b",
            r"\b(?:ohne|frei\s+von)\s+(?:\w+\s+)?(?:Konservierungsstoffe\w*|Duftstoffe\w*|Parfum|Alkohol|Farbstoffe\w*)\b",
            r"\b(?:ohne|frei\s+von)\s+(?:\w+\s+)?(?:Parabene\w*|Silikone\w*|Sulfate\w*|Mikroplastik|Schadstoffe\w*|Giftstoffe\w*|Gift)\b",
            r"\b(?:schadstofffrei|giftfrei|ungiftig)\w*",
            r"\b(?:soap|nano|dye|talc)[\s-]free\b",
            r"\bnano[\s-]?frei\w*",
            r"\bno\s+(?:added\s+)?(?:parabens|phthalates|sulfates|sulphates|silicones|fragrances?|alcohol|preservatives|dyes)\b",
        ),
        "triggers": (
            "nothing",
            "schadlichen",
            "aggressiven",
            "bedenklichen",
            "synthetischen",
            "synthetic",
            "aggressive*",
            "nasty",
            "schadliche*",
            "bedenkliche*",
            "synthetische*",
            "chemikalien",
            "free",
            "nano",
            "nanofrei",
            "nanofreie",
            "frei",
            "freie",
            "toxic*",
            "toxin*",
            "nontoxi*",
            "nasties",
            "harmful*",
            "harsh*",
            "chemicals",
            "clean",
            "paraben*",
            "sulfate*",
            "sulphate*",
            "silicone*",
            "alcohol*",
            "fragrance*",
            "phthalate*",
            "mineral*",
            "peg*",
            "parabene*",
            "silikone*",
            "mikroplastik",
            "schadstoffe*",
            "giftstoffe*",
            "gift",
            "schadstofffrei*",
            "giftfrei*",
            "ungiftig*",
            "preservative*",
            "perfume*",
            "dyes",
            "additives",
            "colorants",
            "colourants",
            "questionable",
            "include",
            "alkohol",
            "keine",
            "konservierungsstoffe*",
            "duftstoffe*",
            "parfum",
            "farbstoffe*",
            "parabens",
            "phthalates",
            "sulfates",
            "sulphates",
            "silicones",
            "fragrance",
            "fragrances",
            "alcohol",
            "preservatives",
            "dyes",
            "soap",
            "dye",
            "talc",
        ),
        "link": (),
        "compares": False,
    },
}


# ---- marketing patterns worded as two concepts near each other ------------------------------------------
# A flag is often worded as a word of one kind near a word of another, in more ways than any list of phrases
# holds ("research continually supports", "this study, revealed at a congress, showed", "Gewebsuntersuchungen
# einige Wochen nach der Behandlung zeigen"). Each rule is read word by word within a sentence: a `first`
# word, then a `then` word at most `gap` words later, with one of `via` between when it is given. A word of
# `stop` between ends the search (a cited study: "journal", "et al"), and so does any punctuation but a comma;
# `not_after` right before the first word cancels it ("what the research says"). `trigger` lists single
# words one of which every match holds (the rarer side: "side", not "effects", which "effective" starts
# with); a sentence without one is not read for the rule, which keeps long texts fast. Words as in
# EFFECT_PHRASES: a trailing * is any ending, a leading * any beginning, and a phrase of several words
# matches them in a row.
class Near(TypedDict):
    first: tuple[str, ...]
    then: tuple[str, ...]
    gap: int
    via: tuple[str, ...]
    stop: tuple[str, ...]
    not_after: tuple[str, ...]
    trigger: tuple[str, ...]


_EVIDENCE_WORDS = (
    "study",
    "studies",
    "research",
    "trial",
    "trials",
    "science",
    "scientific",
    "evidence",
    "data",
    "tests",
    "testing",
    "clinical",
    "Studie*",
    "*studie",
    "*studien",
    "Untersuchung*",
    "*untersuchung",
    "*untersuchungen",
    "Forschung*",
    "Forscher*",
    "Wissenschaft*",
    "Belege",
    "Versuche",
    "Prüfungen",
)
_PROOF_WORDS = (
    "show",
    "shows",
    "shown",
    "showed",
    "showing",
    "prove",
    "proves",
    "proved",
    "proven",
    "demonstrate*",
    "confirm",
    "confirms",
    "confirmed",
    "support",
    "supports",
    "supported",
    "suggest",
    "suggests",
    "suggested",
    "indicate",
    "indicates",
    "indicated",
    "found",
    "finds",
    "reveal",
    "reveals",
    "revealed",
    "back",
    "backs",
    "backed",
    "says",
    "deemed",
    "highlight",
    "highlights",
    "highlighted",
    "zeigt",
    "zeigen",
    "zeigten",
    "belegt",
    "belegen",
    "belegten",
    "bewiesen",
    "beweisen",
    "bestätigt",
    "bestätigen",
    "bestätigten",
    "nachgewiesen",
    "untermauert",
    "untermauern",
    "gestützt",
    "ergab",
    "ergaben",
    "ergeben",
    "fanden",
    "festgestellt",
)
_CITED = ("journal", "published", "university", "universität", "et al")
_EXPERT_WORDS = (
    "dermatologist",
    "dermatologists",
    "derm",
    "derms",
    "dermatology experts",
    "skin experts",
    "skin doctors",
    "skincare experts",
    "doctors",
    "Dermatologen",
    "Dermatologinnen",
    "Dermatolog:innen",
    "Dermatolog*innen",
    "Hautärzte",
    "Hautärzten",
    "Hautärztinnen",
    "Ärzte",
    "Ärzten",
)
_APPROVAL_WORDS = (
    "recommend",
    "recommends",
    "recommended",
    "approve",
    "approves",
    "approved",
    "love",
    "loves",
    "loved",
    "beloved",
    "favour*",
    "favor*",
    "prefer",
    "prefers",
    "preferred",
    "agree",
    "agrees",
    "swear",
    "rave",
    "trust",
    "trusts",
    "trusted",
    "staple",
    "go-to",
    "empfehlen",
    "empfohlen",
    "schätzen",
    "geschätzt",
    "schwören",
    "lieben",
    "raten",
    "befürworten",
)
_EVIDENCE_TRIGGERS = tuple(w for w in _EVIDENCE_WORDS if " " not in w)
_EXPERT_TRIGGERS = (
    "dermatologist",
    "dermatologists",
    "derm",
    "derms",
    "experts",
    "doctors",
    "Dermatolog*",
    "Hautärzt*",
    "Ärzte",
    "Ärzten",
)
_HARM_TRIGGERS = ("side", "Nebenwirkung*", "risk", "risks", "danger", "dangers", "Risiken", "Risiko", "Gefahr*")
FLAG_NEAR: dict[str, tuple[Near, ...]] = {
    "clinically-proven": (
        # "research continually supports", "Gewebsuntersuchungen einige Wochen nach der Behandlung zeigen"
        {
            "first": _EVIDENCE_WORDS,
            "then": _PROOF_WORDS,
            "gap": 5,
            "via": (),
            "stop": _CITED,
            "not_after": ("what the",),
            "trigger": _EVIDENCE_TRIGGERS,
        },
        # "confirmed in several independent trials", "belegt durch Studien"
        {
            "first": _PROOF_WORDS,
            "then": _EVIDENCE_WORDS,
            "gap": 5,
            "via": ("by", "in", "durch"),
            "stop": _CITED,
            "not_after": (),
            "trigger": _EVIDENCE_TRIGGERS,
        },
    ),
    "endorsement": (
        # "Some dermatologists, in fact, still prefer", "Hautärzte schätzen"
        {
            "first": _EXPERT_WORDS,
            "then": _APPROVAL_WORDS,
            "gap": 4,
            "via": (),
            "stop": ("could", "would"),
            "not_after": (),
            "trigger": _EXPERT_TRIGGERS,
        },
        # "favoured by many dermatologists", "empfohlen von Hautärzten"
        {
            "first": _APPROVAL_WORDS,
            "then": _EXPERT_WORDS,
            "gap": 4,
            "via": ("by", "among", "of", "with", "von", "unter", "bei"),
            "stop": (),
            "not_after": (),
            "trigger": _EXPERT_TRIGGERS,
        },
    ),
    "no-side-effects": (
        # "potentially none of the side effects", "ohne bekannte Risiken"
        {
            "first": ("no", "without", "zero", "none", "free", "keine", "keinen", "keiner", "ohne", "frei", "kaum", "keinerlei"),
            "then": ("side effect*", "Nebenwirkung*", "risk", "risks", "danger", "dangers", "Risiken", "Risiko", "Gefahr*"),
            "gap": 3,
            "via": (),
            "stop": (),
            "not_after": (),
            "trigger": _HARM_TRIGGERS,
        },
    ),
}


# Words that look like an effect phrase but name a product: "moisturizers" is a kind of cream, not a
# claim of hydration.
NOT_EFFECTS: tuple[str, ...] = (
    "moisturizer*",
    "moisturiser*",
    "Feuchtigkeitscreme*",
    # the product's own feel, not the skin's texture: "the lightweight texture layers under makeup"
    "lightweight texture*",
    "light texture*",
    "creamy texture*",
    "silky texture*",
    "rich texture*",
    "gel texture*",
    "velvety texture*",
    "non-greasy texture*",
    "leichte Textur",
    "cremige Textur",
    "seidige Textur",
    "reichhaltige Textur",
    "light in texture",
    # instructions, not claims: "apply to clean, dry skin"
    "clean, dry skin",
    "clean and dry skin",
    "clean dry skin",
    "saubere, trockene Haut",
    "trockene, saubere Haut",
    "rich in texture",
    # where an active goes, not what it does to pores: "penetrates deep into pores"
    "into pores",
    "into the pores",
    "into your pores",
    "in die Poren",
    # procedures named by what they do
    "laser resurfacing",
    "Laser-Resurfacing",
)


def phrase_count() -> dict[str, int]:
    """How many effect phrases each language has (for docs and the report)."""
    counts: dict[str, int] = {}
    for by_lang in EFFECT_PHRASES.values():
        for lang, phrases in by_lang.items():
            counts[lang] = counts.get(lang, 0) + len(phrases)
    return counts
