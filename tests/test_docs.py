"""Keep the docs true: every README example runs and prints what the README shows; every command and option is documented."""

from __future__ import annotations

import re
import shlex
import shutil
from pathlib import Path

import pytest
import typer.main

from diplograph.cli import app

from .conftest import ROOT, run_cli

README = (ROOT / "README.md").read_text(encoding="utf-8")
BLOCKS = re.findall(r"```console\n(.*?)```", README, re.S)


def _examples() -> list[tuple[str, str]]:
    out = []
    for block in BLOCKS:
        for chunk in re.split(r"^\$ ", block, flags=re.M)[1:]:
            cmd, _, expected = chunk.partition("\n")
            out.append((cmd, expected))
    return out


@pytest.fixture(scope="module")
def workdir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    d = tmp_path_factory.mktemp("readme")
    shutil.copytree(ROOT / "seeds", d / "seeds")
    shutil.copytree(ROOT / "docs" / "examples", d / "docs" / "examples")
    assert run_cli("build", cwd=d).returncode == 0
    return d


@pytest.mark.parametrize("cmd,expected", _examples(), ids=[c for c, _ in _examples()])
def test_readme_example(workdir: Path, cmd: str, expected: str) -> None:
    args = shlex.split(cmd)[1:]
    res = run_cli(*args, cwd=workdir)
    assert res.stdout == expected, res.stderr


def test_setup_commands_are_in_ci() -> None:
    ci = (ROOT / ".ci" / "run").read_text()
    assert "python3 -m pip install -e '.[test]' && python3 -m pytest" in ci
    assert "pip install -e '.[test]' && python -m pytest" in README


def test_every_command_and_option_is_documented() -> None:
    click_app = typer.main.get_command(app)
    for name, cmd in click_app.commands.items():  # type: ignore[attr-defined]
        assert f"diplograph {name}" in README, name
        for param in cmd.params:
            for opt in param.opts:
                if opt.startswith("--") and opt != "--help":
                    assert opt in README, f"{name} {opt}"
