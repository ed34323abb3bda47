"""Whole commands, run in-process under guards: no network connection, no file read the user did not name.

A Python audit hook sees every ``open`` and ``socket.connect`` made by Python code and
by the libraries it calls through Python (rdflib, pySHACL, SPARQLWrapper, PyYAML).
"""

from __future__ import annotations

import shutil
import sys
from collections.abc import Iterator
from pathlib import Path

import pytest
from typer.testing import CliRunner

from diplograph.cli import app
from diplograph.cache import cache_dir

from .conftest import ROOT, SEEDS

_EVENTS: list[tuple[str, str]] = []
_ACTIVE = [False]


def _hook(event: str, args: tuple) -> None:
    if not _ACTIVE[0]:
        return
    if event == "open" and isinstance(args[0], (str, Path)):
        _EVENTS.append(("open", str(args[0])))
    elif event in ("socket.connect", "socket.getaddrinfo", "urllib.Request"):
        _EVENTS.append((event, repr(args[1] if len(args) > 1 else args)))


sys.addaudithook(_hook)  # hooks cannot be removed; this one is inert unless _ACTIVE


@pytest.fixture
def audited() -> Iterator[list[tuple[str, str]]]:
    _EVENTS.clear()
    _ACTIVE[0] = True
    try:
        yield _EVENTS
    finally:
        _ACTIVE[0] = False


# What any Python program reads: the interpreter, installed packages, this package's data, /proc and /dev;
# and diplograph's cache folder: mapped registries, hashes of files read (documented in the README).
ALLOWED = [sys.prefix, sys.base_prefix, *sys.path, str(ROOT / "src"), str(ROOT / "ontology"),
           str(ROOT / "queries"), str(ROOT / "rules"), "/proc/", "/dev/", "/sys/", "/etc/localtime", "/usr/share/zoneinfo",
           str(cache_dir())]


@pytest.mark.parametrize("args", [
    ["validate", "{corpus}"],
    ["build", "{corpus}", "--store", "{store}"],
    ["query", "meetings", "--store", "{store}", "--format", "csv"],
    ["query", "evidence", "--store", "{store}", "--format", "json"],
    ["export", "--format", "jsonld", "--store", "{store}", "-o", "{out}"],
    ["draft", "{corpus}/000_1ffc3385377c4747.txt", "--registry", "{corpus}/registry.yaml"],
], ids=lambda a: a[0] + ("-" + a[1] if a[0] == "query" else ""))
def test_command_touches_only_what_it_was_given(tmp_path: Path, audited: list[tuple[str, str]], no_network: list,
                                                args: list[str]) -> None:
    corpus = tmp_path / "corpus"
    if not corpus.exists():
        _ACTIVE[0] = False
        shutil.copytree(SEEDS, corpus)
        from diplograph.build import build
        from diplograph.store import OxigraphStore
        build(OxigraphStore(tmp_path / "store"), [corpus])
        _ACTIVE[0] = True
    argv = [a.format(corpus=corpus, store=tmp_path / "store", out=tmp_path / "out.jsonld") for a in args]
    result = CliRunner().invoke(app, argv)
    assert result.exit_code == 0, result.output
    assert no_network == []
    assert [e for e in audited if e[0] != "open"] == []
    strays = sorted({p for kind, p in audited if kind == "open" and not p.startswith(str(tmp_path))
                     and not any(p.startswith(a) for a in ALLOWED if a)})
    assert strays == []
    if args[0] in ("validate", "build", "draft"):  # the guard sees reads at all (a test that can fail)
        assert any(kind == "open" and p.startswith(str(corpus)) for kind, p in audited)


@pytest.mark.parametrize("context", ["file:///etc/passwd", "http://127.0.0.1:9/context.jsonld",
                                     "https://w3id.org/diplograph/context.jsonld"])
def test_jsonld_annotation_context_is_never_fetched(tmp_path: Path, audited: list[tuple[str, str]],
                                                    no_network: list, context: str) -> None:
    """A JSON-LD annotation naming a remote or local @context is refused at its line, and nothing is read."""
    name = "008_anchorage_trump_putin"
    shutil.copy(SEEDS / f"{name}.txt", tmp_path)
    text = (ROOT / "docs" / "examples" / f"{name}.jsonld").read_text()
    path = tmp_path / f"{name}.jsonld"
    path.write_text(text.replace('"@context": {', f'"@context": {{"@import": "{context}", ', 1))
    result = CliRunner().invoke(app, ["validate", "--registry", str(SEEDS / "registry.yaml"), str(path)])
    assert result.exit_code == 2
    assert f"{path}:2:27: error: the @context refers to a document elsewhere" in result.output
    assert no_network == [] and [e for e in audited if e[0] != "open"] == []
    context_path = context.removeprefix("file://")
    assert not any(p == context_path for kind, p in audited)
    assert any(p == str(path) for kind, p in audited)  # the guard saw the reads it should


def test_turtle_annotation_owl_imports_is_reported_not_followed(tmp_path: Path, audited: list[tuple[str, str]],
                                                                no_network: list) -> None:
    name = "008_anchorage_trump_putin"
    shutil.copy(SEEDS / f"{name}.txt", tmp_path)
    path = tmp_path / f"{name}.ttl"
    path.write_text((ROOT / "docs" / "examples" / f"{name}.ttl").read_text()
                    + "<event/anchorage-summit> <http://www.w3.org/2002/07/owl#imports> <file:///etc/passwd> .\n"
                    + "<http://127.0.0.1:9/x> <http://www.w3.org/2002/07/owl#imports> <http://127.0.0.1:9/y> .\n")
    result = CliRunner().invoke(app, ["validate", "--registry", str(SEEDS / "registry.yaml"), str(path)])
    assert result.exit_code == 1
    end = len((ROOT / "docs" / "examples" / f"{name}.ttl").read_text().splitlines())  # the lines added after it
    assert f"{path}:{end + 1}:1: error: owl:imports is not read on a Meeting" in result.output
    assert f"{path}:{end + 2}:1: error: statements about <http://127.0.0.1:9/x> are not read" in result.output
    assert no_network == [] and [e for e in audited if e[0] != "open"] == []
    assert not any(p == "/etc/passwd" for kind, p in audited)
