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
_routes = ["topical", "oral", "injected", "procedure"]
# A level with what it is for: every level object a summary shows carries the route and form it rests on.
_context = {
    "route": {"enum": [*_routes, None]},
    "forms": {"type": "array", "items": {"type": "string"}},
    "form": _str_or_null,
    "strength": _str_or_null,
    "prescription": {"type": "boolean"},
    "tag": {"type": "string", "description": "what sets this context apart from the entry's own use, e.g. 'oral'"},
}
_rated_level = {
    "type": "object",
    "required": ["level", "label", "route", "forms", "form", "strength", "prescription", "tag", "other"],
    "properties": {
        **_level_view["properties"],
        **_context,
        "other": {
            "type": "array",
            "description": "the best level of each other route, strength or form, strongest first",
            "items": {
                "type": "object",
                "required": ["level", "label", "route", "forms", "form", "strength", "prescription", "tag"],
                "properties": {**_level_view["properties"], **_context},
            },
        },
    },
}

DEFS: dict[str, Any] = {
    "level": _level_view,
    "rated_level": _rated_level,
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
            "route": {"enum": _routes},
            "forms": {"type": "array", "items": {"type": "string"}},
            "form": _str_or_null,
            "strength": _str_or_null,
            "prescription": {"type": "boolean"},
            "population": _str_or_null,
            "direction": {"enum": ["for", "against"]},
            "comparison": {"type": "boolean"},
            "head_to_head": {"type": "array", "items": {"type": "string"}},
            "reviewed": _str_or_null,
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
            "role": _str_or_null,
            "use": {"type": "array", "items": {"enum": _routes}},
            "forms": {"type": "array", "items": {"type": "object", "required": ["id", "name", "inci"]}},
            "reviewed": _str_or_null,
            "best_evidence": {"$ref": "#/$defs/rated_level"},
            "effects": {
                "type": "array",
                "items": {
                    "allOf": [{"$ref": "#/$defs/rated_level"}],
                    "type": "object",
                    "required": ["effect", "name", "kind"],
                    "properties": {"kind": {"enum": ["benefit", "concern"]}},
                },
            },
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
            "profile": {"$ref": "#/$defs/profile"},
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
            "role": _str_or_null,
            "best_evidence": {"$ref": "#/$defs/rated_level"},
            "effects": {"type": "array", "items": {"type": "string"}},
            "concerns": {
                "type": "array",
                "items": {"type": "object", "required": ["effect", "name", "level", "safe_use"]},
            },
            "matches": {"type": "array", "items": {"type": "object", "required": ["field", "text"]}},
            "effect": {"type": "string", "description": "effect NAME and list --effect: the effect the level is for"},
            "level": _level,
            "route": {"enum": [*_routes, None]},
            "tag": {"type": "string"},
            "other": {"type": "array", "items": {"type": "object", "required": ["level", "route", "tag"]}},
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
                        "kind": {"enum": ["benefit", "concern"]},
                        "levels": {"type": "object", "additionalProperties": _level},
                        "routes": {"type": "object", "additionalProperties": {"enum": [*_routes, None]}},
                        "cells": {"type": "object", "additionalProperties": {"$ref": "#/$defs/rated_level"}},
                    },
                },
            },
        },
    },
    "profile": {
        "type": "object",
        "required": ["pregnant", "sensitive", "avoid", "file", "warnings"],
        "properties": {
            "pregnant": {"type": "boolean"},
            "sensitive": {"type": "boolean"},
            "avoid": {"type": "array", "items": {"type": "object", "required": ["text", "kind", "id", "name"]}},
            "file": _str_or_null,
            "warnings": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["ingredient", "name", "reason", "text", "level", "sources"],
                    "properties": {"reason": {"enum": ["pregnancy", "sensitive", "avoid"]}, "level": _level},
                },
            },
        },
    },
    "routine": {
        "type": "object",
        "required": ["schema_version", "actives", "pairs", "no_interaction_on_record", "doubling_up", "interactions", "profile"],
        "properties": {
            "schema_version": {"const": SCHEMA_VERSION},
            "actives": {"type": "array", "items": {"type": "object", "required": ["id", "name", "products"]}},
            "pairs": {"type": "array", "items": {"type": "object", "required": ["between", "verdict", "interactions"]}},
            "no_interaction_on_record": {"type": "array", "items": {"type": "array", "items": {"type": "string"}}},
            "doubling_up": {"type": "array", "items": {"type": "object", "required": ["group", "ingredients"]}},
            "needs_sunscreen": {
                "type": "array",
                "items": {"type": "object", "required": ["ingredient", "interaction", "verdict"]},
            },
            "interactions": {
                "type": "array",
                "items": {
                    "type": "object",
                    "required": ["id", "between", "effect", "statement", "evidence", "sources", "advice"],
                    "properties": {"evidence": {"type": "object", "required": ["level", "label", "rationale"]}},
                },
            },
            "profile": {"$ref": "#/$defs/profile"},
            "products": {"type": "array", "items": {"type": "object", "required": ["name", "line", "actives", "unrecognised"]}},
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
            "profile": {"$ref": "#/$defs/profile"},
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
                        "route": {"enum": [*_routes, None]},
                        "elsewhere": {"type": "array", "items": {"type": "object", "required": ["level", "route"]}},
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
            "profile": {"$ref": "#/$defs/profile"},
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
                "properties": {
                    "not_ingredients": {"type": "array", "items": {"type": "string"}},
                    "prohibited": {"type": "array", "items": {"type": "string"}},
                    "over_limit": {"type": "array", "items": {"type": "object"}},
                    "undecided_limits": {"type": "array", "items": {"type": "object"}},
                    "skipped": {"type": "array", "items": {"type": "string"}},
                    "product_type": _str_or_null,
                },
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
                        "status": {"enum": ["recognised", "suggested", "unknown", "text"]},
                        "functions": {"type": "array", "items": {"type": "string"}},
                        "annexes": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["annex", "ref", "label"],
                                "properties": {
                                    "meaning": {"type": "string"},
                                    "chemical_name": {"type": "string"},
                                    "cmr": {"type": "string"},
                                    "form": _str_or_null,
                                    "limits": {
                                        "type": "array",
                                        "items": {
                                            "type": "object",
                                            "required": ["case", "product_type", "max", "max_percent"],
                                            "properties": {"max_percent": {"type": ["number", "null"]}},
                                        },
                                    },
                                    "limits_text": {"type": "array", "items": {"type": "string"}},
                                },
                            },
                        },
                        "limit_checks": {
                            "type": "array",
                            "items": {
                                "type": "object",
                                "required": ["annex", "percent", "verdict", "message"],
                                "properties": {"verdict": {"enum": ["over", "within", "undecided"]}},
                            },
                        },
                        "synonym": _str_or_null,
                        "nano": {"type": "boolean"},
                        "kb": {
                            "type": ["object", "null"],
                            "required": ["id", "name", "best_level", "effects", "cautions"],
                            "properties": {
                                "effects": {"type": "array", "items": {"type": "object", "required": ["effect", "level"]}},
                                "form": _str_or_null,
                                "elsewhere": {
                                    "type": "array",
                                    "items": {"type": "object", "required": ["effect", "level", "tag"]},
                                },
                                "note": _str_or_null,
                                "role": _str_or_null,
                                "concerns": {
                                    "type": "array",
                                    "items": {
                                        "type": "object",
                                        "required": ["effect", "harm_level", "safe_use_level"],
                                        "properties": {"harm_level": _level, "safe_use_level": _level},
                                    },
                                },
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

DEFS["scan_batch_line"] = {
    "description": "scan --batch: one line per input label, in input order",
    "allOf": [{"$ref": "#/$defs/scan"}],
    "required": ["line", "id"],
    "properties": {"line": {"type": "integer", "minimum": 1}, "id": {"type": ["string", "integer", "null"]}},
}
DEFS["scan_batch_summary"] = {
    "description": "scan --batch --summary: the last line, counts over the whole batch",
    "type": "object",
    "required": ["schema_version", "batch"],
    "properties": {
        "schema_version": {"const": SCHEMA_VERSION},
        "batch": {
            "type": "object",
            "required": [
                "labels",
                "failed_lines",
                "entries",
                "not_ingredients",
                "recognised",
                "recognition_rate",
                "top_unrecognised",
                "annex_hits",
                "prohibited",
                "over_limit",
            ],
        },
    },
}

SCHEMA: dict[str, Any] = {
    "$schema": "https://json-schema.org/draft/2020-12/schema",
    "$id": f"https://skincli.invalid/schema/v{SCHEMA_VERSION}.json",
    "title": f"skincli JSON outputs, schema_version {SCHEMA_VERSION}",
    "description": "Each command's --json output matches one entry of $defs: show -> ingredient; compare -> compare; "
    "list, search, effect NAME -> array of summary; effect -> array of effect_info; experts -> array of expert; "
    "expert -> expert; sources -> array of source; evidence -> array of scale_row; scan -> scan; check -> check; "
    "routine -> routine; scan --batch -> one scan_batch_line per line, then a scan_batch_summary with --summary. "
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
        "scan --batch": {"oneOf": [{"$ref": "#/$defs/scan_batch_line"}, {"$ref": "#/$defs/scan_batch_summary"}]},
        "check": {"$ref": "#/$defs/check"},
        "routine": {"$ref": "#/$defs/routine"},
    },
}
