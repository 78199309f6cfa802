"""JSON Schema (draft 2020-12) of every `--json` output. Tests validate real outputs against it."""

from __future__ import annotations

from typing import Any

from skincli.views import SCHEMA_VERSION

_str_or_null = {"type": ["string", "null"]}
_level = {"type": ["integer", "null"], "minimum": 0, "maximum": 5}
_level_view = {
    "type": "object",
    "required": ["level", "label"],
    "properties": {
        "level": _level,
        "label": {"enum": ["unsupported", "opinion", "preclinical", "preliminary", "supported", "established", "none"]},
    },
}
_ref = {"type": "object", "required": ["id", "name"], "properties": {"id": {"type": "string"}, "name": {"type": "string"}}}

DEFS: dict[str, Any] = {
    "level": _level_view,
    "source": {
        "type": "object",
        "required": ["id", "kind", "title", "authors", "date", "year", "doi", "pmid", "pmcid", "url", "citation", "identifier"],
        "properties": {
            "id": {"type": "string"},
            "kind": {"type": "string"},
            "title": {"type": "string"},
            "authors": {"type": "array", "items": {"type": "string"}},
            "date": _str_or_null,
            "year": {"type": ["integer", "null"]},
            "publisher": _str_or_null,
            "journal": _str_or_null,
            "volume": _str_or_null,
            "issue": _str_or_null,
            "pages": _str_or_null,
            "doi": {"type": ["string", "null"], "pattern": r"^10\."},
            "pmid": {"type": ["string", "null"], "pattern": r"^\d+$"},
            "pmcid": _str_or_null,
            "url": _str_or_null,
            "note": _str_or_null,
            "citation": {"type": "string"},
            "identifier": _str_or_null,
            "cited_by": {"type": "array", "items": {"type": "string"}},
        },
    },
    "claim": {
        "type": "object",
        "required": ["effect", "statement", "claimed_by", "evidence", "sources"],
        "properties": {
            "effect": {"type": "string"},
            "effect_name": {"type": "string"},
            "statement": {"type": "string"},
            "claimed_by": {
                "type": "object",
                "required": ["id", "name", "type"],
                "properties": {"id": {"type": "string"}, "name": {"type": "string"}, "type": {"enum": ["expert", "source"]}},
            },
            "route": _str_or_null,
            "evidence": {
                "type": "object",
                "required": ["level", "label", "rationale"],
                "properties": {
                    "level": {"type": "integer", "minimum": 0, "maximum": 5},
                    "label": {"type": "string"},
                    "rationale": {"type": "string"},
                },
            },
            "sources": {"type": "array", "items": {"type": "string"}},
        },
    },
    "ingredient": {
        "type": "object",
        "required": [
            "schema_version",
            "id",
            "name",
            "kind",
            "category",
            "aliases",
            "inci",
            "summary",
            "claims",
            "opinions",
            "cautions",
            "related",
            "sources",
        ],
        "properties": {
            "schema_version": {"const": SCHEMA_VERSION},
            "id": {"type": "string"},
            "name": {"type": "string"},
            "kind": {"enum": ["ingredient", "procedure", "drug"]},
            "category": {"type": "string"},
            "summary": {"type": "string"},
            "aliases": {"type": "array", "items": {"type": "string"}},
            "inci": {"type": "array", "items": {"type": "string"}},
            "best_evidence": {"$ref": "#/$defs/level"},
            "effects": {"type": "array", "items": {"type": "object", "required": ["effect", "name", "level", "label", "route"]}},
            "claims": {"type": "array", "items": {"$ref": "#/$defs/claim"}},
            "opinions": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["expert", "stance", "quote", "source"],
                    "properties": {
                        "expert": _ref,
                        "stance": {"enum": ["endorses", "skeptical", "cautions", "neutral"]},
                        "quote": {"type": "string"},
                        "source": {"type": "string"},
                    },
                },
            },
            "facts": {"type": "array", "items": {"type": "object", "required": ["statement", "source"]}},
            "cautions": {"type": "array", "items": {"type": "object", "required": ["type", "text", "sources"]}},
            "related": {"type": "array", "items": _ref},
            "sources": {"type": "array", "items": {"$ref": "#/$defs/source"}},
        },
    },
    "summary": {
        "type": "object",
        "required": ["id", "name", "kind", "category", "summary", "best_evidence", "effects"],
        "properties": {
            "id": {"type": "string"},
            "name": {"type": "string"},
            "kind": {"type": "string"},
            "category": {"type": "string"},
            "summary": {"type": "string"},
            "best_evidence": {"$ref": "#/$defs/level"},
            "effects": {"type": "array", "items": {"type": "string"}},
            "matches": {"type": "array", "items": {"type": "object", "required": ["field", "text"]}},
            "level": _level,
            "claims": {"type": "array", "items": {"$ref": "#/$defs/claim"}},
        },
    },
    "compare": {
        "type": "object",
        "required": ["schema_version", "ingredients", "effects"],
        "properties": {
            "schema_version": {"const": SCHEMA_VERSION},
            "ingredients": {"type": "array", "minItems": 2, "items": {"$ref": "#/$defs/ingredient"}},
            "effects": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["effect", "name", "levels"],
                    "properties": {
                        "effect": {"type": "string"},
                        "name": {"type": "string"},
                        "levels": {"type": "object", "additionalProperties": _level},
                    },
                },
            },
        },
    },
    "effect_info": {"type": "object", "required": ["id", "name", "description", "ingredients"]},
    "expert": {"type": "object", "required": ["schema_version", "id", "name", "source", "opinions", "claims"]},
    "scale_row": {"type": "object", "required": ["level", "label", "meaning"]},
    "span": {
        "type": "object",
        "required": ["text", "start", "end"],
        "properties": {
            "text": {"type": "string"},
            "start": {"type": "integer", "minimum": 0},
            "end": {"type": "integer", "minimum": 0},
        },
    },
    "check": {
        "type": "object",
        "required": ["schema_version", "text", "summary", "findings", "flags", "mentions"],
        "properties": {
            "schema_version": {"const": SCHEMA_VERSION},
            "text": {"type": "string"},
            "findings": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": [
                        "n",
                        "ingredient",
                        "mention",
                        "effect",
                        "effect_phrase",
                        "negated",
                        "level",
                        "label",
                        "claims",
                        "opinions",
                        "sources",
                    ],
                    "properties": {
                        "n": {"type": "integer", "minimum": 1},
                        "ingredient": _ref,
                        "mention": {"$ref": "#/$defs/span"},
                        "effect": _str_or_null,
                        "effect_phrase": {"oneOf": [{"type": "null"}, {"$ref": "#/$defs/span"}]},
                        "negated": {"type": "boolean"},
                        "level": _level,
                        "label": {"type": "string"},
                        "claims": {"type": "array", "items": {"$ref": "#/$defs/claim"}},
                    },
                },
            },
            "flags": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["n", "kind", "text", "start", "end", "explanation", "claim"],
                    "properties": {
                        # comparisons only (else null): what is compared with what, and the level under
                        # rule 10 of the grading rules (no head-to-head trial on record: 1, the advertiser's word)
                        "compares": {
                            "type": ["object", "null"],
                            "required": ["subject", "with"],
                            "properties": {
                                "subject": {"oneOf": [{"type": "null"}, _ref]},
                                "with": {"oneOf": [{"type": "null"}, _ref]},
                            },
                        },
                        "level": _level,
                        "label": _str_or_null,
                    },
                },
            },
        },
    },
    "scan": {
        "type": "object",
        "required": ["schema_version", "summary", "items"],
        "properties": {
            "schema_version": {"const": SCHEMA_VERSION},
            "summary": {
                "type": "object",
                "required": [
                    "count",
                    "recognised",
                    "suggested",
                    "unknown",
                    "recognition_rate",
                    "in_kb",
                    "restricted",
                    "actives_by_effect",
                    "unrecognised",
                ],
            },
            "items": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": [
                        "position",
                        "raw",
                        "inci",
                        "status",
                        "functions",
                        "annexes",
                        "kb",
                        "suggestions",
                        "percent",
                        "may_contain",
                    ],
                    "properties": {
                        "position": {"type": "integer", "minimum": 1},
                        "raw": {"type": "string"},
                        "inci": _str_or_null,
                        "status": {"enum": ["recognised", "suggested", "unknown"]},
                        "functions": {"type": "array", "items": {"type": "string"}},
                        "annexes": {"type": "array", "items": {"type": "object", "required": ["annex", "ref", "label"]}},
                        "kb": {
                            "type": ["object", "null"],
                            "required": ["id", "name", "best_level", "effects", "cautions"],
                            "properties": {
                                "effects": {"type": "array", "items": {"type": "object", "required": ["effect", "level"]}}
                            },
                        },
                        "suggestions": {"type": "array", "items": {"type": "string"}},
                        "percent": {"type": ["number", "null"]},
                        "may_contain": {"type": "boolean"},
                    },
                },
            },
        },
    },
}

SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": f"https://skincli.invalid/schema/v{SCHEMA_VERSION}.json",
    "title": f"skincli JSON outputs, schema_version {SCHEMA_VERSION}",
    "description": "Each command's --json output matches one entry of $defs: show -> ingredient; compare -> compare; "
    "list, search, effect NAME -> array of summary; effect -> array of effect_info; experts -> array of expert; "
    "expert -> expert; sources -> array of source; evidence -> array of scale_row; scan -> scan; check -> check. "
    "--ndjson prints the array items one per line. "
    "Fields are only ever added within a schema_version.",
    "$defs": DEFS,
    "commands": {
        "show": {"$ref": "#/$defs/ingredient"},
        "compare": {"$ref": "#/$defs/compare"},
        "list": {"type": "array", "items": {"$ref": "#/$defs/summary"}},
        "search": {"type": "array", "items": {"$ref": "#/$defs/summary"}},
        "effect": {"type": "array", "items": {"$ref": "#/$defs/summary"}},
        "effects": {"type": "array", "items": {"$ref": "#/$defs/effect_info"}},
        "experts": {"type": "array", "items": {"$ref": "#/$defs/expert"}},
        "expert": {"$ref": "#/$defs/expert"},
        "sources": {"type": "array", "items": {"$ref": "#/$defs/source"}},
        "evidence": {"type": "array", "items": {"$ref": "#/$defs/scale_row"}},
        "scan": {"$ref": "#/$defs/scan"},
        "check": {"$ref": "#/$defs/check"},
    },
}
