"""The console script as a user runs it, rather than ``app`` called in the test process: it
ends its process with ``os._exit`` once the command is done (see ``cli.main``), so these
tests check that nothing is lost on the way out: output, exit status, atexit handlers."""

from __future__ import annotations

import atexit
import errno
import os
import subprocess
import sys
from pathlib import Path

import pytest
from typer.testing import CliRunner

from diplograph import cli
from diplograph.cli import app
from diplograph.store import OxigraphStore

from .conftest import SEEDS, command_env, run_cli

# Output to a pipe is block-buffered unless PYTHONUNBUFFERED is set (as it is on some CI machines):
# unset here, so that what sits in the buffer at the end is tested.
BUFFERED: dict[str, str | None] = {"PYTHONUNBUFFERED": None}


def test_large_output_through_a_pipe_arrives_whole(embedded: OxigraphStore) -> None:
    """The seeds' N-Quads are many times a pipe's buffer; the last block is written at exit."""
    args = ["export", "--format", "nquads", "--store", str(embedded.root)]
    expected = CliRunner().invoke(app, args).stdout
    done = run_cli(*args, env=BUFFERED)
    assert (done.returncode, done.stderr) == (0, "")
    assert len(expected) > 100_000 and done.stdout == expected


def test_exit_status_and_messages_of_a_failing_command(tmp_path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text("article: [unclosed\n", encoding="utf-8")
    done = run_cli("validate", str(bad), env=BUFFERED)
    assert done.returncode == 2
    assert done.stdout.splitlines() == [
        f"{bad}: warning: no registry.yaml beside the annotations or in the folder above them: every registry id "
        "(countries, people, places) is unknown; give --registry FILE",
        f"{bad}:2:1: error: YAML syntax error: did not find expected ',' or ']'",
        "0 annotation(s) checked: 1 violation(s), 1 warning(s)"]
    assert (done.stdout, done.stderr) == (CliRunner().invoke(app, ["validate", str(bad)]).stdout, "")


def test_a_reader_that_goes_away_is_a_failure_without_a_traceback() -> None:
    """`diplograph validate FILE | head -0`: the report's few lines wait in the buffer until the end,
    when the pipe is closed; Python alone would print "Exception ignored … BrokenPipeError" (status 120)."""
    proc = subprocess.Popen(["diplograph", "validate", str(SEEDS / "001_muscat_us_iran.yaml")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=command_env(BUFFERED))
    proc.stdout.close()  # long before the command writes: its start-up alone takes ~0.3 s
    err = proc.stderr.read()
    proc.stderr.close()
    assert (proc.wait(timeout=120), err) == (1, b"")


@pytest.mark.skipif(not os.path.exists("/dev/full"), reason="needs /dev/full (Linux)")
@pytest.mark.parametrize("args", [
    ["validate", str(SEEDS / "001_muscat_us_iran.yaml")],  # plain lines, still in the buffer at the end
    ["queries", "--format", "json"],  # Rich writes while the command runs
])
def test_output_that_cannot_be_written_is_an_error_that_says_why(args: list[str]) -> None:
    with open("/dev/full", "w") as full:  # every write: "No space left on device"
        done = subprocess.run(["diplograph", *args], stdout=full, stderr=subprocess.PIPE, text=True,
                              timeout=120, env=command_env(BUFFERED))
    assert (done.returncode, done.stderr) == (2, "error: could not write the output: No space left on device\n")


def test_atexit_handlers_run_and_what_they_print_is_kept() -> None:
    code = ("import atexit, sys\nfrom diplograph.cli import main\n"
            "atexit.register(print, 'handler ran')\n"
            "sys.argv = ['diplograph', 'queries', '--format', 'json']\nmain()\n")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120, env=command_env(BUFFERED))
    assert done.returncode == 0 and done.stdout.startswith("[") and done.stdout.endswith("]\nhandler ran\n")


def test_only_output_errors_are_turned_into_a_message(monkeypatch) -> None:
    """Any other OSError out of a command is a bug to see whole, traceback and all."""
    def command() -> None:
        raise FileNotFoundError(errno.ENOENT, "No such file or directory", "x")

    monkeypatch.setattr(cli, "app", command)
    monkeypatch.setattr(os, "_exit", lambda code: pytest.fail("the process would have ended quietly"))
    with pytest.raises(FileNotFoundError):
        cli.main()


@pytest.mark.parametrize(("raised", "status", "stderr"), [
    (None, 0, ""), (0, 0, ""), (2, 2, ""), ("a message", 1, "a message\n")])
def test_the_exit_status_is_the_one_python_would_give(monkeypatch, capsys, raised, status, stderr) -> None:
    """``sys.exit(raised)`` inside the command ends the process with Python's status for it."""
    steps: list[str] = []

    def command() -> None:
        raise SystemExit(raised)

    class Ended(Exception):
        pass

    def end(code: int) -> None:
        steps.append(f"os._exit({code})")
        raise Ended

    monkeypatch.setattr(cli, "app", command)
    monkeypatch.setattr(atexit, "_run_exitfuncs", lambda: steps.append("atexit"))
    monkeypatch.setattr(os, "_exit", end)
    with pytest.raises(Ended):
        cli.main()
    assert steps == ["atexit", f"os._exit({status})"]
    assert capsys.readouterr().err == stderr


@pytest.mark.parametrize("args", [["query", "meetings"], ["query", "timeline", "--format", "csv"], ["export"],
                                  ["export", "--graph", "x", "--format", "nquads"]])
def test_a_store_never_built_is_said_to_be_so(tmp_path: Path, args: list[str]) -> None:
    """Asked in another folder than the build's, a query said "unknown actor 'ISR'" and an export
    wrote nothing with exit 0."""
    done = run_cli(*args, cwd=tmp_path)
    assert (done.returncode, done.stdout, done.stderr) == (
        2, "", "error: no store has been built at .diplograph yet: run `diplograph build` first, or point "
               "--store (or $DIPLOGRAPH_STORE) at the store you built\n")
    assert list(tmp_path.iterdir()) == []  # and nothing was created there


def test_articles_annotated_elsewhere_are_called_kept_not_gone(tmp_path: Path, corpus: Path) -> None:
    """A second folder built into the same store: the first folder's articles are not under it. The
    message said they had "no annotation any more" and pointed at --prune, which would delete them."""
    store = str(tmp_path / "store")
    assert run_cli("build", str(corpus), "--store", store).returncode == 0
    new = corpus / "new"
    new.mkdir()
    for f in corpus.glob("001_*"):
        (new / f.name.replace("001_", "101_")).write_bytes(f.read_bytes())
    done = run_cli("build", str(new), "--store", store, "--registry", str(corpus / "registry.yaml"))
    assert done.returncode == 0
    stale = sorted(p.stem for p in corpus.glob("0*.yaml"))
    assert done.stderr.splitlines()[-1] == (
        f"{len(stale)} article(s) in the store have no annotation under {new} ({', '.join(stale[:5])}, …): kept; "
        "--prune would remove them")


def test_a_build_with_warnings_says_how_to_list_them(tmp_path: Path, corpus: Path) -> None:
    """The build's table counted warnings and nothing said what they were."""
    store = str(tmp_path / "store")
    done = run_cli("build", str(corpus), "--store", store)
    assert done.returncode == 0
    warnings = int(done.stdout.split("│")[-2])  # the table's last column
    assert warnings > 0
    assert done.stderr.splitlines()[-1] == (
        f"{warnings} warning(s) in what was checked: `diplograph validate {corpus} --store {store}` lists them")
    listed = run_cli("validate", str(corpus), "--store", store)
    assert f"0 violation(s), {warnings} warning(s)" in listed.stdout
    new = corpus / "new folder"
    new.mkdir()
    for f in corpus.glob("000_*"):
        (new / f.name.replace("000_", "100_")).write_bytes(f.read_bytes())
    registry = tmp_path / "my registry.yaml"  # with a new country that has no Wikidata id: a warning
    registry.write_text((corpus / "registry.yaml").read_text().replace(
        "actors:\n", "actors:\n  newcomer: {type: Country, label: Newcomer, iso3: NEW}\n"))
    done = run_cli("build", str(new), "--store", store, "--registry", str(registry))
    assert done.returncode == 0
    assert f"`diplograph validate '{new}' --registry '{registry}' --store {store}` lists them\n" in done.stderr
    assert "warning(s)" not in run_cli("build", str(new), "--store", store, "--registry", str(registry)).stderr
