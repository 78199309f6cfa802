"""Safe YAML reading that keeps line and column of every value and refuses what PyYAML lets slip.

PyYAML keeps the last of two equal keys silently and shares aliased objects ("billion laughs"); a
knowledge base needs neither, so both are reported as problems with their position.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

import yaml

from skincli.errors import KnowledgeBaseError, Problem

MAX_BYTES = 64 * 1024 * 1024

try:  # libyaml parses several times faster; the constructor stays the safe Python one.
    from yaml import CSafeLoader as _BaseLoader
except ImportError:  # pragma: no cover - pure-Python PyYAML build
    from yaml import SafeLoader as _BaseLoader  # type: ignore[assignment]


class MarkedDict(dict):  # type: ignore[type-arg]
    """A mapping that remembers where it and each of its keys stand in the file."""

    line: int = 0
    column: int = 0
    key_marks: dict[str, tuple[int, int]]


class MarkedList(list):  # type: ignore[type-arg]
    """A sequence that remembers where it and each of its items stand in the file."""

    line: int = 0
    column: int = 0
    item_marks: list[tuple[int, int]]


class _DuplicateKey(yaml.MarkedYAMLError):
    pass


class _Loader(_BaseLoader):  # type: ignore[misc, valid-type]
    def construct_mapping(self, node: yaml.MappingNode, deep: bool = False) -> MarkedDict:
        self.flatten_mapping(node)
        result = MarkedDict()
        result.line, result.column = node.start_mark.line + 1, node.start_mark.column + 1
        result.key_marks = {}
        for key_node, value_node in node.value:
            key = self.construct_object(key_node, deep=True)
            try:
                hash(key)
            except TypeError:
                raise yaml.constructor.ConstructorError(
                    None, None, "a mapping key must be a plain value", key_node.start_mark
                ) from None
            if key in result:
                first = result.key_marks.get(str(key), (0, 0))
                raise _DuplicateKey(
                    None,
                    None,
                    f"duplicate key {key!r} (first at line {first[0]}); YAML would keep only the last",
                    key_node.start_mark,
                )
            result[key] = self.construct_object(value_node, deep=True)
            result.key_marks[str(key)] = (key_node.start_mark.line + 1, key_node.start_mark.column + 1)
        return result

    def construct_sequence(self, node: yaml.SequenceNode, deep: bool = False) -> MarkedList:
        result = MarkedList(self.construct_object(child, deep=True) for child in node.value)
        result.line, result.column = node.start_mark.line + 1, node.start_mark.column + 1
        result.item_marks = [(c.start_mark.line + 1, c.start_mark.column + 1) for c in node.value]
        return result

    def construct_yaml_timestamp(self, node: yaml.Node) -> str:  # type: ignore[override]
        # Dates stay the strings they were written as; the format documents ISO strings.
        return str(self.construct_scalar(node))


_Loader.add_constructor("tag:yaml.org,2002:map", _Loader.construct_mapping)
_Loader.add_constructor("tag:yaml.org,2002:seq", _Loader.construct_sequence)
_Loader.add_constructor("tag:yaml.org,2002:timestamp", _Loader.construct_yaml_timestamp)


def read_text(path: Path) -> str:
    """Read a file as UTF-8 text (a BOM is accepted), turning OS errors into problems."""
    where = str(path)
    try:
        if path.is_dir():
            raise KnowledgeBaseError([Problem(where, 1, 1, "is a directory; give the path of a YAML file")])
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise KnowledgeBaseError(
                [Problem(where, 1, 1, f"file is {size // (1024 * 1024)} MiB; the limit is {MAX_BYTES // (1024 * 1024)} MiB")]
            )
        data = path.read_bytes()
    except FileNotFoundError:
        raise KnowledgeBaseError([Problem(where, 1, 1, "no such file; check the path (or --kb / SKINCLI_KB)")]) from None
    except PermissionError:
        raise KnowledgeBaseError([Problem(where, 1, 1, "permission denied; make the file readable")]) from None
    except OSError as exc:
        raise KnowledgeBaseError([Problem(where, 1, 1, f"cannot read: {os.strerror(exc.errno or 0) or exc}")]) from None
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise KnowledgeBaseError(
            [Problem(where, line, column, f"byte 0x{data[exc.start]:02x} is not UTF-8; save the file as UTF-8")]
        ) from None


def load_yaml(text: str, where: str) -> Any:
    """Parse YAML text into Marked containers; every failure becomes a positioned problem."""
    try:
        loader = _Loader(text)
        try:
            document = loader.get_single_data()
        finally:
            loader.dispose()
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise KnowledgeBaseError([Problem(where, line, column, _describe(exc, text))]) from None
    except yaml.YAMLError as exc:
        raise KnowledgeBaseError([Problem(where, 1, 1, f"invalid YAML: {exc}")]) from None
    except RecursionError:
        raise KnowledgeBaseError([Problem(where, 1, 1, "nesting is too deep")]) from None
    _refuse_shared_objects(document, where)
    return document


def _describe(exc: yaml.MarkedYAMLError, text: str) -> str:
    problem = exc.problem or "invalid YAML"
    if isinstance(exc, _DuplicateKey):
        return problem
    if "could not determine a constructor" in problem:
        tag = problem.split("tag", 1)[-1].strip().strip("'").replace("tag:yaml.org,2002:", "!!")
        return f"the tag {tag} is not allowed; a knowledge base holds plain data only"
    mark = exc.problem_mark
    if mark is not None and 0 <= mark.index < len(text) and text[mark.index] == "\t":
        return "tab character; YAML indents with spaces only"
    context = f"{exc.context}: " if exc.context else ""
    return f"invalid YAML: {context}{problem}"


def _refuse_shared_objects(document: Any, where: str) -> None:
    """Refuse anchors/aliases: a shared object could expand exponentially ("billion laughs")."""
    seen: set[int] = set()
    stack = [document]
    while stack:
        value = stack.pop()
        if not isinstance(value, (dict, list)):
            continue
        if id(value) in seen:
            line, column = getattr(value, "line", 1), getattr(value, "column", 1)
            raise KnowledgeBaseError(
                [Problem(where, line, column, "anchors and aliases (&name, *name) are not allowed; write the data out")]
            )
        seen.add(id(value))
        stack.extend(value.values() if isinstance(value, dict) else value)
