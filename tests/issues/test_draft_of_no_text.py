"""`draft --text -` with nothing piped in (or `--text "  "`) printed a draft of nothing (`events: []`),
exit 0, as if the text had held no event. It is a usage error now, exit 2."""

from __future__ import annotations

import subprocess

import pytest

from ..conftest import SEEDS


@pytest.mark.parametrize(("arg", "stdin"), [("-", ""), ("-", " \n\n"), ("  ", None)])
def test_no_text_is_a_usage_error(arg: str, stdin: str | None) -> None:
    done = subprocess.run(["diplograph", "draft", "--text", arg, "--registry", str(SEEDS / "registry.yaml")],
                          input=stdin or "", capture_output=True, text=True, timeout=120)
    assert (done.returncode, done.stdout, done.stderr) == (
        2, "", "error: there is no text to draft from (--text - reads standard input)\n")
