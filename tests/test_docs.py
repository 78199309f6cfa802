"""Every command and option is documented where people look: its --help (with examples) and the README."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest
import typer.main

from skincli.cli import app

README = (Path(__file__).parent.parent / "README.md").read_text(encoding="utf-8")


def _commands() -> list[tuple[str, Any]]:
    """Every runnable command, sub-commands included: ("new ingredient", command). (Typer 0.28 ships its
    own click, so groups and options are told apart by their attributes.)"""
    root = typer.main.get_command(app)
    found = []
    for name, command in root.commands.items():
        if hasattr(command, "commands"):
            found += [(f"{name} {sub}", c) for sub, c in command.commands.items()]
        else:
            found.append((name, command))
    return found


COMMANDS = _commands()


def test_the_command_list_is_complete():
    names = {name for name, _ in COMMANDS}
    assert {"show", "compare", "list", "search", "effect", "scan", "check", "validate", "new ingredient"} <= names


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[n for n, _ in COMMANDS])
def test_help_has_examples_and_every_option(cli, name, command):
    result = cli(*name.split(), "--help")
    assert result.exit_code == 0, result.output
    text = " ".join(result.stdout.split())
    assert "Examples:" in text, name
    assert f"skincli {name}" in text, f"no example of `skincli {name}` in its --help"
    for param in command.params:
        if param.param_type_name == "option":
            assert param.help, f"{name}: option {param.opts} has no help text"
            assert param.opts[0] in text, f"{name}: {param.opts[0]} missing from --help"


@pytest.mark.parametrize(("name", "command"), COMMANDS, ids=[n for n, _ in COMMANDS])
def test_readme_shows_every_command(name, command):
    assert f"skincli {name}" in README, f"README never shows `skincli {name}`"
