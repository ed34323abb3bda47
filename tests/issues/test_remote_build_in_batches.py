"""A build into a remote server sent one SPARQL Update per article, and SPARQLWrapper ran its
regular expressions for the kind of request over every one of them whole: 1,010 articles took 32 s,
three quarters of it in `SPARQLWrapper.setQuery`. Articles now go about a megabyte of N-Triples to
a request (the kind of request is read from its first line): 7.7 s. A request is one transaction on
the server, so each article is still wholly old or wholly new; a graph with blank nodes goes alone
(a label is one node in a whole request: Oxigraph refuses `_:x` in two blocks).
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import URIRef

from diplograph import remote as remote_module
from diplograph.build import build
from diplograph.remote import RemoteStore
from diplograph.store import Store

from ..conftest import ARTICLES, OxigraphServer
from ..test_remote import _CutProxy, _graphs

pytestmark = pytest.mark.remote


def _updates(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    sent: list[str] = []
    real = RemoteStore._run

    def run(self: RemoteStore, url: str, text: str, *, update: bool) -> object:
        if update:
            sent.append(text)
        return real(self, url, text, update=update)

    monkeypatch.setattr(RemoteStore, "_run", run)
    return sent


def test_articles_go_many_to_a_request(tmp_path: Path, corpus: Path, embedded: Store,
                                       monkeypatch: pytest.MonkeyPatch) -> None:
    sent = _updates(monkeypatch)
    monkeypatch.setattr(remote_module, "UPDATE_BATCH", 150_000)
    srv = OxigraphServer(tmp_path / "data")
    srv.start()
    try:
        store = RemoteStore(srv.url)
        summary = build(store, [corpus])
        assert len(summary.added) == ARTICLES
        assert 1 < len(sent) < 12  # ten articles, the registry and the ontology
        assert all(text.startswith("DROP SILENT GRAPH <") for text in sent)
        assert _graphs(store) == _graphs(embedded)
    finally:
        srv.stop()


def test_a_graph_with_blank_nodes_goes_alone(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    sent = _updates(monkeypatch)
    srv = OxigraphServer(tmp_path / "data")
    srv.start()
    try:
        store = RemoteStore(srv.url)
        store.apply({URIRef(f"http://example.org/g{i}"): f'_:x <http://example.org/p> "{i}" .\n' for i in (1, 2)}
                    | {URIRef("http://example.org/g3"): '<http://example.org/s> <http://example.org/p> "3" .\n'},
                    [URIRef("http://example.org/gone")])
        assert len(sent) == 3  # g1, g2, then the removal and g3
        rows = store.query("SELECT ?g (COUNT(DISTINCT ?s) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g").rows
        assert sorted((str(g), int(n)) for g, n in rows) == [(f"http://example.org/g{i}", 1) for i in (1, 2, 3)]
    finally:
        srv.stop()


def test_a_batch_cut_off_lands_not_at_all(tmp_path: Path, corpus: Path) -> None:
    """The connection drops in the first request of a build of ten articles in one batch: nothing
    landed (one transaction), a clear error, and the next build writes them all."""
    import http.server
    import threading

    from diplograph.errors import RemoteError

    srv = OxigraphServer(tmp_path / "data")
    srv.start()
    proxy = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _CutProxy)
    _CutProxy.upstream, _CutProxy.writes, _CutProxy.cut_at = f"http://127.0.0.1:{srv.port}", 0, 1
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{proxy.server_address[1]}"
    try:
        with pytest.raises(RemoteError, match=f"cannot reach the SPARQL endpoint {base}/"):
            build(RemoteStore(f"{base}/query", update_url=f"{base}/update"), [corpus])
        direct = RemoteStore(srv.url)
        assert _graphs(direct) == {}
        assert len(build(direct, [corpus]).added) == ARTICLES
    finally:
        _CutProxy.cut_at = 2
        proxy.shutdown()
        srv.stop()
