"""A profile's `timeout = "abc"`, or `profiles = 5`, ended in a Python traceback; `timeout = -5` was
reported as "the endpoint answered with something that is not SPARQL JSON (Timeout value out of
range)"; `--timeout -5` was taken. Each is now a usage error naming the file and the key (never a
value that may be a secret), exit 2.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from ..conftest import run_cli

URL = 'url = "http://127.0.0.1:9/sparql"\n'


@pytest.mark.parametrize(("text", "message"), [
    (URL + 'timeout = "abc"\n', "timeout in [profiles.team] of {path} must be a number of seconds above 0, not 'abc'"),
    (URL + "timeout = -5\n", "timeout in [profiles.team] of {path} must be a number of seconds above 0, not -5"),
    (URL + "timeout = true\n", "timeout in [profiles.team] of {path} must be a number of seconds above 0, not True"),
    (URL + "update_url = 5\n", "update_url in [profiles.team] of {path} must be text, in quotes"),
    (URL + "password = 12345\n", "password in [profiles.team] of {path} must be text, in quotes"),
], ids=["timeout-text", "timeout-negative", "timeout-bool", "url-number", "password-number"])
def test_a_profile_value_of_the_wrong_kind(tmp_path: Path, text: str, message: str) -> None:
    config = tmp_path / "config.toml"
    config.write_text("[profiles.team]\n" + text, encoding="utf-8")
    work = tmp_path / "work"
    work.mkdir()
    result = run_cli("query", "meetings", "--store", "@team", cwd=work, env={"DIPLOGRAPH_CONFIG": str(config)})
    assert (result.returncode, result.stderr) == (2, "error: " + message.format(path=config) + "\n")
    assert "12345" not in result.stdout + result.stderr


def test_profiles_that_are_not_a_table(tmp_path: Path) -> None:
    config = tmp_path / "config.toml"
    config.write_text("profiles = 5\n", encoding="utf-8")
    result = run_cli("query", "meetings", "--store", "@team", env={"DIPLOGRAPH_CONFIG": str(config)})
    assert (result.returncode, result.stderr) == (
        2, f"error: `profiles` in {config} must be a table of [profiles.NAME] sections\n")


@pytest.mark.parametrize("args", [["query", "meetings"], ["export", "-o", "-"], ["build"]], ids=lambda a: a[0])
@pytest.mark.parametrize("value", ["-5", "0"])
def test_a_timeout_that_is_not_a_wait(tmp_path: Path, args: list[str], value: str) -> None:
    result = run_cli(*args, "--timeout", value, cwd=tmp_path)
    assert (result.returncode, result.stderr) == (2, f"error: --timeout {value}: give a number of seconds above 0\n")

