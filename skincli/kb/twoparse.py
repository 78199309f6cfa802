"""Parse a large knowledge base on two cores: part of its ingredient list in a forked child.

libyaml's composer is single-threaded and most of a large file's first load; the ingredient list
splits cleanly at its items, so a child process parses and field-checks the last part while this
one parses the rest, and sends its plain data back with marshal. This is only a speed-up: any surprise (no fork, an
odd layout, a parse error in either half, a count that does not add up) returns None and the caller
parses the file in one piece, which is also where every error message with its position comes from.
"""

from __future__ import annotations

import marshal
import os
import re
from typing import Any

MIN_BYTES = 4 * 1024 * 1024  # below this, forking costs more than it saves

_SECTION = re.compile(r"^ingredients:[ \t]*(?:#.*)?$", re.M)
_NEXT_TOP_LEVEL = re.compile(r"\n[^\s#\-.]")
_FIRST_ITEM = re.compile(r"^( *)- ", re.M)
# The child also field-checks and marshals its part, so it gets less than half of the list.
TAIL_SHARE = 0.42


def split(text: str) -> tuple[str, str, int] | None:
    """(head, tail, items): two YAML documents whose ingredient lists together are the file's.

    The head is the file without the last part of the ingredient list; the tail is that part
    under its own `ingredients:` key. `items` counts the item lines seen, to check the result.
    Only str.find/str.count run over the whole text: a line-anchored regex over 27 MiB took 0.3 s.
    """
    section = _SECTION.search(text)
    if section is None:
        return None
    start = section.end()
    following = _NEXT_TOP_LEVEL.search(text, start)
    end = following.start() + 1 if following else len(text)
    first = _FIRST_ITEM.search(text, start, end)
    if first is None:
        return None
    marker = "\n" + first.group(1) + "- "
    items = text.count(marker, start - 1, end)
    cut = text.find(marker, start + int((end - start) * (1 - TAIL_SHARE)), end) + 1
    if items < 2 or cut <= first.start():
        return None
    head = text[:cut] + text[end:]
    tail = "ingredients:\n" + text[cut:end]
    return head, tail, items


def parse_in_two(text: str, where: str) -> tuple[Any, dict[int, Any], list[Any]] | None:
    """(data, nodes, checked_items), or None when the two-process path does not apply.

    `data` and `nodes` are the head's, as yamlread.load_yaml gives them; `checked_items` are the
    tail's ingredients, already checked field by field (validate.Checker.fields) in the child.
    Positions cover the head only: a file with any problem is parsed again in one piece before
    its problems are reported.
    """
    from skincli.errors import KnowledgeBaseError
    from skincli.kb.yamlread import load_yaml

    if len(text) < MIN_BYTES or not hasattr(os, "fork"):
        return None
    parts = split(text)
    if parts is None:
        return None
    head, tail, expected = parts
    read_end, write_end = os.pipe()
    pid = os.fork()
    if pid == 0:  # the child: parse and check the tail, send it back, leave without any cleanup
        try:
            os.close(read_end)
            payload = b"1" + marshal.dumps(_checked_items(load_yaml(tail, where)[0], where))
        except BaseException:
            payload = b"0"
        try:
            with os.fdopen(write_end, "wb") as out:
                out.write(payload)
        finally:
            os._exit(0)
    os.close(write_end)
    try:
        head_data, nodes = load_yaml(head, where)
    except KnowledgeBaseError:
        head_data, nodes = None, {}
    with os.fdopen(read_end, "rb") as incoming:
        blob = incoming.read()
    os.waitpid(pid, 0)
    if head_data is None or not blob.startswith(b"1"):
        return None
    tail_items = marshal.loads(blob[1:])
    head_items = head_data.get("ingredients") if isinstance(head_data, dict) else None
    if not isinstance(head_items, list) or len(head_items) + len(tail_items) != expected:
        return None
    return head_data, nodes, tail_items


def _checked_items(data: Any, where: str) -> list[Any]:
    """The tail's ingredient entries, each checked against the schema; raises on any problem."""
    from skincli.kb.validate import Checker

    items = data.get("ingredients") if isinstance(data, dict) else None
    if not isinstance(items, list) or set(data) != {"ingredients"}:
        raise ValueError("unexpected tail")
    checker = Checker({})
    for index, item in enumerate(items):
        checker.fields(item, "ingredient", where, items, index, f"ingredients[{index}]")
    if checker.problems:
        raise ValueError("problems in the tail")
    return items
