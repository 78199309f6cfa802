"""Safe YAML reading that keeps line and column of every value and refuses what PyYAML lets slip.

PyYAML keeps the last of two equal keys silently and shares aliased objects ("billion laughs"); a
knowledge base needs neither, so both are reported as problems with their position.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from skincli.errors import KnowledgeBaseError, Problem

_STR, _INT, _FLOAT, _BOOL, _NULL, _TIME = (f"tag:yaml.org,2002:{t}" for t in ("str", "int", "float", "bool", "null", "timestamp"))
_MAP, _SEQ = "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"

try:  # libyaml parses several times faster; the constructor stays the safe Python one.
    from yaml import CSafeLoader as _SafeLoader
except ImportError:  # pragma: no cover - pure-Python PyYAML build
    from yaml import SafeLoader as _SafeLoader  # type: ignore[assignment]

# First characters with which a plain scalar might be something other than a string (bool, null,
# number, date, merge key); any other plain scalar is a string without trying the resolver's regexes.
_MAYBE_NOT_STR = frozenset("yYnNtTfFoO-+0123456789.<~=")


class _BaseLoader(_SafeLoader):  # type: ignore[misc, valid-type]
    """The safe loader with a faster tag resolver: the composer asks it once per value, and the
    general resolver's Python bookkeeping was a quarter of the parse time of a large file."""

    def descend_resolver(self, current_node: Any, current_index: Any) -> None:
        pass  # no path resolvers are registered for the safe loader

    def ascend_resolver(self) -> None:
        pass

    def resolve(self, kind: type, value: Any, implicit: tuple[bool, bool]) -> str:
        if kind is yaml.ScalarNode:
            if not implicit[0] or (value and value[0] not in _MAYBE_NOT_STR):
                return _STR
            return str(super().resolve(kind, value, implicit))
        return _SEQ if kind is yaml.SequenceNode else _MAP


Nodes = dict[int, yaml.Node]


def position(nodes: Nodes, container: Any, key: str | int | None = None) -> tuple[int, int]:
    """1-based (line, column) of a key or item of a container read by load_yaml, else of the container.

    Positions are looked up only when a problem is reported: `nodes` maps each mapping's and
    sequence's id() to its YAML node, which is cheaper than recording a position for every value.
    """
    node = nodes.get(id(container))
    if node is None:
        return 1, 1
    if isinstance(key, str) and isinstance(node, yaml.MappingNode):
        for key_node, _value in node.value:
            if isinstance(key_node, yaml.ScalarNode) and key_node.value == key:
                node = key_node
                break
    elif isinstance(key, int) and isinstance(node, yaml.SequenceNode) and 0 <= key < len(node.value):
        node = node.value[key]
    return node.start_mark.line + 1, node.start_mark.column + 1


_ALIAS_REFUSED = "anchors and aliases (&name, *name) are not allowed; write the data out"


class _Refused(Exception):
    """A construct the knowledge base does not allow, at a node's position."""

    def __init__(self, node: yaml.Node, message: str) -> None:
        super().__init__(message)
        self.line, self.column = node.start_mark.line + 1, node.start_mark.column + 1
        self.message = message


class _Builder:
    """Turns a composed node tree into plain data in one pass, remembering each container's node.

    Going from nodes straight to data (instead of through PyYAML's constructor) keeps positions at
    no extra cost, and was several times faster on a 27 MiB knowledge base. The pass also refuses what
    PyYAML would accept silently: a key given twice, any tag beyond plain scalars, and anchors or
    aliases, whose shared objects could expand exponentially ("billion laughs").
    """

    def __init__(self, loader: Any, *, scalars: bool = True) -> None:
        self._loader = loader  # its SafeConstructor methods convert int/float/bool scalars
        self._seen: set[int] = set()
        self.nodes: Nodes = {}  # id(dict or list) -> its node, for positions in messages
        if scalars:  # an alias of a scalar is the same node again: one string written out many times
            self.build = self._build_checking_scalars  # type: ignore[method-assign]

    def _build_checking_scalars(self, node: yaml.Node) -> Any:
        if type(node) is yaml.ScalarNode:
            if id(node) in self._seen:
                raise _Refused(node, _ALIAS_REFUSED)
            self._seen.add(id(node))
        return _Builder.build(self, node)

    def build(self, node: yaml.Node) -> Any:
        tag = node.tag
        if tag == _STR or tag == _TIME:  # most values; dates stay the strings they were written as
            if type(node) is yaml.ScalarNode:
                return node.value
        elif type(node) is yaml.ScalarNode:
            if tag == _INT:
                try:
                    return self._loader.construct_yaml_int(node)
                except ValueError:  # beyond Python's 4,300-digit limit for int()
                    raise _Refused(node, f"a number with {len(node.value)} characters is too long") from None
            if tag == _NULL:
                return None
            if tag == _BOOL:
                return self._loader.construct_yaml_bool(node)
            if tag == _FLOAT:
                return self._loader.construct_yaml_float(node)
            raise _Refused(node, f"the tag {_short_tag(tag)} is not allowed; a knowledge base holds plain data only")
        if id(node) in self._seen:
            raise _Refused(node, _ALIAS_REFUSED)
        self._seen.add(id(node))
        if tag == _MAP and type(node) is yaml.MappingNode:
            return self._mapping(node)
        if tag == _SEQ and type(node) is yaml.SequenceNode:
            build = self.build
            items = [build(child) for child in node.value]
            self.nodes[id(items)] = node
            return items
        raise _Refused(node, f"the tag {_short_tag(tag)} is not allowed; a knowledge base holds plain data only")

    def _mapping(self, node: yaml.MappingNode) -> dict[Any, Any]:
        result: dict[Any, Any] = {}
        self.nodes[id(result)] = node
        build = self.build
        for key_node, value_node in node.value:
            if key_node.tag == "tag:yaml.org,2002:merge":
                raise _Refused(key_node, "merge keys (<<) are not allowed; write the data out")
            if not isinstance(key_node, yaml.ScalarNode):
                raise _Refused(key_node, "a mapping key must be a plain value")
            key = key_node.value if key_node.tag == _STR else build(key_node)
            if key in result:
                first = position(self.nodes, result, key_node.value)[0]
                raise _Refused(key_node, f"duplicate key {key!r} (first at line {first}); YAML would keep only the last")
            result[key] = build(value_node)
        return result


def _short_tag(tag: str) -> str:
    return tag.replace("tag:yaml.org,2002:", "!!")


def read_text(path: Path) -> str:
    """Read a file once (at most store.MAX_BYTES) as UTF-8 text; problems become KnowledgeBaseError."""
    from skincli.kb.store import read_file

    return decode_text(read_file(path), str(path))


def decode_text(data: bytes, where: str) -> str:
    """UTF-8 text (a BOM is accepted); a byte that is not UTF-8 is reported at its line and column."""
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        column = exc.start - (data.rfind(b"\n", 0, exc.start) + 1) + 1
        raise KnowledgeBaseError(
            [Problem(where, line, column, f"byte 0x{data[exc.start]:02x} is not UTF-8; save the file as UTF-8")]
        ) from None


def load_yaml(text: str, where: str) -> tuple[Any, Nodes]:
    """Parse YAML text into plain data and its node table; every failure becomes a positioned problem."""
    try:
        loader = _BaseLoader(text)
        try:
            node = loader.get_single_node()
            # Only an anchor (&name) makes shared nodes: without one, the cheaper pass that checks
            # collections only is enough (checking every scalar cost ~5% of a large file's parse).
            builder = _Builder(loader, scalars=_may_have_anchor(text))
            return (None if node is None else builder.build(node)), builder.nodes
        finally:
            loader.dispose()
    except _Refused as exc:
        raise KnowledgeBaseError([Problem(where, exc.line, exc.column, exc.message)]) from None
    except yaml.reader.ReaderError as exc:  # a character YAML does not allow, e.g. NUL
        index = exc.position
        if _SafeLoader is not yaml.SafeLoader:  # libyaml counts UTF-8 bytes, not characters
            index = len(text.encode("utf-8", "surrogatepass")[:index].decode("utf-8", "ignore"))
        line, column = _line_column(text, index)
        raise KnowledgeBaseError([Problem(where, line, column, _reader_problem(exc))]) from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, column = (mark.line + 1, mark.column + 1) if mark else (1, 1)
        raise KnowledgeBaseError([Problem(where, line, column, _describe(exc, text))]) from None
    except yaml.YAMLError as exc:
        raise KnowledgeBaseError([Problem(where, 1, 1, f"invalid YAML: {exc}")]) from None
    except RecursionError:
        raise KnowledgeBaseError([Problem(where, 1, 1, "nesting is too deep")]) from None


def _describe(exc: yaml.MarkedYAMLError, text: str) -> str:
    problem = exc.problem or "invalid YAML"
    mark = exc.problem_mark
    if mark is not None and 0 <= mark.index < len(text) and text[mark.index] == "\t":
        return "tab character; YAML indents with spaces only"
    context = f"{exc.context}: " if exc.context else ""
    return f"invalid YAML: {context}{problem}"


def _may_have_anchor(text: str) -> bool:
    """Whether some "&" could start an anchor: a name right after it, and no letter or digit before
    it ("R&D" and "Procter & Gamble" cannot). Errs on the side of yes, e.g. for "&x" inside a string."""
    at = text.find("&")
    while at >= 0:
        before, after = text[at - 1 : at] if at else " ", text[at + 1 : at + 2]
        if not (before.isalnum() or before == "_") and after and not after.isspace() and after not in ",[]{}":
            return True
        at = text.find("&", at + 1)
    return False


def _line_column(text: str, index: int) -> tuple[int, int]:
    """1-based line and column of a character index, counting lines as YAML does (\n, \r\n)."""
    index = max(0, min(index, len(text)))
    line_start = text.rfind("\n", 0, index) + 1
    return text.count("\n", 0, index) + 1, index - line_start + 1


def _reader_problem(exc: yaml.reader.ReaderError) -> str:
    character = ord(exc.character) if isinstance(exc.character, str) else exc.character
    if isinstance(character, int):
        return f"character U+{character:04X} is not allowed in YAML; remove it or write it as an escape"
    return f"invalid YAML: {exc.reason}"
