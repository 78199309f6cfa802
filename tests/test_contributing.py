"""The contributor's path: the template validates, never overwrites, the hooks and the version are right."""

from __future__ import annotations

import importlib.metadata
import re
from pathlib import Path

import yaml

import skincli

ROOT = Path(__file__).parent.parent


def test_template_validates_as_an_overlay_and_strict_lists_what_to_fill(cli, tmp_path):
    draft = tmp_path / "ferulic.yaml"
    result = cli("new", "ingredient", "Ferulic acid", "-o", str(draft))
    assert result.exit_code == 0, result.output
    assert "wrote" in result.stderr and draft.exists()
    text = draft.read_text(encoding="utf-8")
    assert "id: ferulic-acid" in text and 'name: "Ferulic acid"' in text
    ok = cli("validate", "--overlay", str(draft))
    assert ok.exit_code == 0, ok.stderr
    strict = cli("validate", "--overlay", "--strict", str(draft))
    assert strict.exit_code == 1 and "placeholder" in strict.stderr
    assert "ingredient 'retinol'" not in strict.stderr  # an overlay answers for its own entries only


def test_a_filled_template_passes_strict(cli, tmp_path):
    draft = tmp_path / "x.yaml"
    cli("new", "ingredient", "Test Ferulate", "-o", str(draft))
    text = draft.read_text(encoding="utf-8")
    for placeholder in sorted(set(re.findall(r"<[A-Za-z][^<>\n]{0,80}>", text))):
        text = text.replace(placeholder, "filled")
    draft.write_text(text.replace('authors: ["filled", "filled"]', 'authors: ["Doe J"]'), encoding="utf-8")
    result = cli("validate", "--overlay", "--strict", str(draft))
    assert result.exit_code == 0, result.stderr


def test_new_never_overwrites(cli, tmp_path):
    target = tmp_path / "mine.yaml"
    target.write_text("precious", encoding="utf-8")
    result = cli("new", "ingredient", "Bakuchiol", "-o", str(target))
    assert result.exit_code == 1 and "already exists" in result.stderr
    assert target.read_text(encoding="utf-8") == "precious"


def test_new_to_stdout_and_bad_names(cli):
    result = cli("new", "ingredient", "Hyaluronsäure")
    assert result.exit_code == 0 and "id: hyaluronsaure" in result.stdout
    assert cli("new", "ingredient", "!!!").exit_code == 2


def test_pre_commit_hooks_run_validate():
    hooks = yaml.safe_load((ROOT / ".pre-commit-hooks.yaml").read_text(encoding="utf-8"))
    by_id = {h["id"]: h for h in hooks}
    assert by_id["skincli-validate"]["entry"].startswith("skincli validate")
    assert "--overlay" in by_id["skincli-validate-overlay"]["entry"]
    for hook in hooks:
        assert hook["language"] == "python" and hook["files"]


def test_version_matches_the_package(cli):
    assert cli("--version").stdout.strip() == f"skincli {skincli.__version__}"
    assert importlib.metadata.version("skincli") == skincli.__version__
    assert f"## {skincli.__version__}" in (ROOT / "CHANGELOG.md").read_text(encoding="utf-8")


def test_licence_files_exist():
    assert "MIT License" in (ROOT / "LICENSE").read_text(encoding="utf-8")
    assert 'license = "MIT AND CC-BY-4.0"' in (ROOT / "pyproject.toml").read_text(encoding="utf-8")
