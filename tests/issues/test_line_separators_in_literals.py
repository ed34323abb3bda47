"""Regression: an article whose text holds U+2028 (LINE SEPARATOR), U+2029 or U+0085 (NEL) was
exported as N-Quads/N-Triples that no parser reads, with exit code 0.

N-Triples escapes only \\n and \\r (and a few controls) inside a literal; these three stand as they
are. The exports and the per-article dump split the text with ``str.splitlines()``, which also
breaks at them: the literal was cut in two and the pieces sorted apart. Text pasted from web pages
carries U+2028 often enough.
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from diplograph.build import build
from diplograph.export import export
from diplograph.store import MemoryStore, OxigraphStore, Store

from ..conftest import OxigraphServer, run_cli

ARTICLE = "001_muscat_us_iran"
TAIL = "Closing words\u2028on a new line\u2029a new paragraph\u0085and the end."
TEXT = "https://w3id.org/diplograph/ontology#text"
PARSE = {"nquads": ox.RdfFormat.N_QUADS, "ntriples": ox.RdfFormat.N_TRIPLES, "turtle": ox.RdfFormat.TURTLE,
         "trig": ox.RdfFormat.TRIG, "jsonld": ox.RdfFormat.JSON_LD}


@pytest.fixture
def separated(corpus: Path) -> Path:
    article = corpus / f"{ARTICLE}.txt"
    article.write_text(article.read_text(encoding="utf-8").rstrip("\n") + " " + TAIL + "\n", encoding="utf-8")
    return corpus


def _texts(data: bytes, fmt: str) -> list[str]:
    """The dg:text literals in an export, read by pyoxigraph (not the rdflib that wrote most of them)."""
    return [q.object.value for q in ox.parse(data, format=PARSE[fmt]) if q.predicate.value == TEXT]


@pytest.mark.parametrize("backend", ["embedded", "memory", "remote"])
def test_every_export_keeps_the_separators(separated: Path, tmp_path: Path, backend: str) -> None:
    server = None
    if backend == "embedded":
        store: Store = OxigraphStore(tmp_path / "store")
    elif backend == "memory":
        store = MemoryStore()
    else:
        from diplograph.remote import RemoteStore

        server = OxigraphServer(tmp_path / "server")
        server.start()
        store = RemoteStore(server.url)
    try:
        build(store, [separated])
        for fmt in PARSE:
            for article in (None, ARTICLE):  # the whole store, and the one article's graph
                texts = _texts(export(store, fmt, article=article), fmt)
                assert any(TAIL in t for t in texts), (fmt, article, [t[-80:] for t in texts])
    finally:
        if server is not None:
            server.stop()


def test_the_command_writes_parseable_nquads(separated: Path, tmp_path: Path) -> None:
    store = tmp_path / "store"
    assert run_cli("build", str(separated), "--store", str(store)).returncode == 0
    out = tmp_path / "all.nq"
    done = run_cli("export", "--store", str(store), "--format", "nquads", "-o", str(out))
    assert done.returncode == 0, done.stderr
    assert any(TAIL in t for t in _texts(out.read_bytes(), "nquads"))
