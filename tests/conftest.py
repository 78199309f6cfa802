"""Shared fixtures: every test runs with its own cache directory, no user overlay, 80 columns."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from typer.testing import CliRunner

from skincli.cli import app
from skincli.label.cosing import CosIng

DATA = Path(__file__).parent / "data"
MINI = DATA / "mini.yaml"


@pytest.fixture(autouse=True)
def _isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SKINCLI_CACHE_DIR", str(tmp_path / "cache"))
    monkeypatch.setenv("SKINCLI_OVERLAY", "")
    monkeypatch.setenv("SKINCLI_PROFILE", "")  # never the developer's own profile
    monkeypatch.setenv("COLUMNS", "80")
    for name in ("SKINCLI_KB", "NO_COLOR", "FORCE_COLOR", "SKINCLI_FORCE_RICH"):
        monkeypatch.delenv(name, raising=False)


class Cli:
    """Runs the Typer app in-process, keeping stdout and stderr apart."""

    def __init__(self) -> None:
        self.runner = CliRunner()

    def __call__(self, *args: str, input: str | None = None) -> Any:
        return self.runner.invoke(app, list(args), input=input)

    def json(self, *args: str, input: str | None = None) -> Any:
        result = self(*args, input=input)
        assert result.exit_code == 0, result.output
        return json.loads(result.stdout)


@pytest.fixture
def cli() -> Cli:
    return Cli()


@pytest.fixture(scope="module")
def cosing() -> CosIng:
    """The shipped CosIng database, opened once per test module."""
    db = CosIng()
    yield db
    db.close()
