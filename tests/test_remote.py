"""The remote backend against the real Oxigraph server: build, query, rebuild, restart, faults, secrets."""

from __future__ import annotations

import datetime as dt
import http.server
import json
import re
import threading
import time
from pathlib import Path

import pytest

from rdflib import XSD, BNode, Literal, URIRef

from diplograph import queries
from diplograph.build import build
from diplograph.errors import RemoteError
from diplograph.remote import RemoteStore
from diplograph.store import QueryResult, Store

from .conftest import ARTICLES, SEED_ID, SEEDS, OxigraphServer, run_cli

pytestmark = pytest.mark.remote


def test_build_query_rebuild_restart(tmp_path: Path, corpus: Path) -> None:
    srv = OxigraphServer(tmp_path / "data")
    srv.start()
    try:
        store = RemoteStore(srv.url)
        first = build(store, [corpus])
        assert len(first.added) == ARTICLES
        again = build(store, [corpus])
        assert len(again.unchanged) == ARTICLES and again.triples == first.triples
        ann = corpus / f"{SEED_ID}.yaml"
        ann.write_text(ann.read_text().replace("atmosphere: positive", "atmosphere: cordial"))
        assert build(store, [corpus]).updated == [SEED_ID]
        assert not store.query('ASK { ?s ?p "positive" }').ask
        srv.stop()
        srv.start()  # data survives a server restart
        assert RemoteStore(srv.url).count() == first.triples
        res = run_cli("query", "meetings", "--store", srv.url, "--format", "csv", cwd=tmp_path)
        assert res.returncode == 0 and "Baku" in res.stdout
    finally:
        srv.stop()


def test_a_server_in_memory_is_loaded_again_by_the_next_build(embedded: Store) -> None:
    """README: `oxigraph serve` without `--location` keeps the graph in memory (most listings computed 2-5x
    faster, docs/benchmarks.md); a restart empties it, and the next build puts every article back."""
    srv = OxigraphServer(None)
    srv.start()
    try:
        store = RemoteStore(srv.url)
        first = build(store, [SEEDS])
        assert len(first.added) == ARTICLES and store.count() == first.triples == embedded.count()
        meetings = queries.get("meetings")
        assert queries.run(store, meetings).rows == queries.run(embedded, meetings).rows
        srv.stop()
        srv.start()
        assert store.count() == 0
        again = build(store, [SEEDS])
        assert len(again.added) == ARTICLES and store.count() == first.triples
    finally:
        srv.stop()


def test_server_down_is_a_clear_error(tmp_path: Path) -> None:
    srv = OxigraphServer(tmp_path / "x")  # never started: nothing listens on its port
    with pytest.raises(RemoteError, match=f"cannot reach the SPARQL endpoint http://127.0.0.1:{srv.port}/query"):
        RemoteStore(srv.url).count()
    res = run_cli("query", "meetings", "--store", srv.url, cwd=tmp_path)
    assert res.returncode == 2 and res.stderr.startswith("error: cannot reach the SPARQL endpoint")


class _Bad(http.server.BaseHTTPRequestHandler):
    mode = "500"

    def do_POST(self) -> None:  # noqa: N802
        if self.mode == "500":
            self.send_response(500)
            self.end_headers()
            self.wfile.write(b"boom")
        else:
            self.send_response(200)
            self.send_header("Content-Type", "application/sparql-results+json")
            self.end_headers()
            self.wfile.write(b"{not json")

    def log_message(self, *args: object) -> None:
        pass


@pytest.mark.parametrize("mode", ["500", "garbage"])
def test_server_errors_and_garbage(mode: str) -> None:
    _Bad.mode = mode
    httpd = http.server.HTTPServer(("127.0.0.1", 0), _Bad)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        with pytest.raises(RemoteError, match=f"the endpoint http://127.0.0.1:{httpd.server_port}/query"):
            RemoteStore(f"http://127.0.0.1:{httpd.server_port}/query").count()
    finally:
        httpd.shutdown()


class _Answers(http.server.BaseHTTPRequestHandler):
    """Answers every query with ``body``, as SPARQL JSON."""

    body = b""

    def do_POST(self) -> None:  # noqa: N802
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.end_headers()
        self.wfile.write(self.body)

    def log_message(self, *args: object) -> None:
        pass


def _answered(body: str) -> QueryResult:
    _Answers.body = body.encode()
    httpd = http.server.HTTPServer(("127.0.0.1", 0), _Answers)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    try:
        return RemoteStore(f"http://127.0.0.1:{httpd.server_port}/query").query("SELECT ?x ?y WHERE { ?x ?p ?y }")
    finally:
        httpd.shutdown()


def test_terms_are_read_as_the_embedded_store_gives_them() -> None:
    """Each kind of term, a string typed xsd:string plain (as the embedded store has it), an
    unbound variable None, a term repeated in several rows the same term."""
    xsd = "http://www.w3.org/2001/XMLSchema#"
    result = _answered(json.dumps({"head": {"vars": ["x", "y"]}, "results": {"bindings": [
        {"x": {"type": "uri", "value": "urn:a"}, "y": {"type": "literal", "value": "a", "xml:lang": "en"}},
        {"x": {"type": "uri", "value": "urn:a"}, "y": {"type": "literal", "value": "b", "datatype": f"{xsd}string"}},
        {"x": {"type": "bnode", "value": "b0"}, "y": {"type": "typed-literal", "value": "2025-10-13", "datatype": f"{xsd}date"}},
        {"x": {"type": "literal", "value": "c"}},
    ]}}))
    assert result.vars == ["x", "y"]
    assert result.rows == [[URIRef("urn:a"), Literal("a", lang="en")], [URIRef("urn:a"), Literal("b")],
                           [BNode("b0"), Literal("2025-10-13", datatype=XSD.date)], [Literal("c"), None]]
    assert result.rows[1][1].datatype is None and result.rows[2][1].value == dt.date(2025, 10, 13)


@pytest.mark.parametrize("bindings, message", [
    ('[{"x": {"type": "uri"}}]', "malformed SPARQL JSON (missing 'value')"),
    ('[{"x": {"value": "urn:a"}}]', "malformed SPARQL JSON (missing 'type')"),
    ('[{"x": "urn:a"}]', "malformed SPARQL JSON (a solution that is not an object of terms)"),
    ('["urn:a"]', "malformed SPARQL JSON (a solution that is not an object of terms)"),
    ('[{"x": {"type": "triple", "value": "urn:a"}}]', "an unknown term type 'triple'"),
    ('[{"x": {"type": "uri", "value": 7}}]', "a term without a text value: 7"),
])
def test_malformed_answers_are_clear_errors(bindings: str, message: str) -> None:
    with pytest.raises(RemoteError, match=re.escape(message)):
        _answered(f'{{"head": {{"vars": ["x"]}}, "results": {{"bindings": {bindings}}}}}')


class _Slow(http.server.BaseHTTPRequestHandler):
    def do_POST(self) -> None:  # noqa: N802
        time.sleep(3)

    def log_message(self, *args: object) -> None:
        pass


def test_slow_server_times_out_with_timeout_option(tmp_path: Path) -> None:
    httpd = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Slow)
    threading.Thread(target=httpd.serve_forever, daemon=True).start()
    url = f"http://127.0.0.1:{httpd.server_port}/query"
    try:
        res = run_cli("query", "meetings", "--store", url, "--timeout", "1", cwd=tmp_path)
    finally:
        httpd.shutdown()
    assert (res.returncode, res.stderr) == (2, f"error: the endpoint {url} did not answer within 1 s\n")


def test_password_never_printed(tmp_path: Path) -> None:
    srv = OxigraphServer(tmp_path / "x")
    res = run_cli("query", "meetings", "--store", f"http://127.0.0.1:{srv.port}/query", cwd=tmp_path,
                  env={"DIPLOGRAPH_ENDPOINT_USER": "admin", "DIPLOGRAPH_ENDPOINT_PASSWORD": "s3cret-pw"})
    assert res.returncode == 2
    assert "s3cret-pw" not in res.stdout + res.stderr and "admin" not in res.stdout + res.stderr


@pytest.mark.parametrize("args", [["query", "meetings"], ["build"], ["export"]])
def test_a_password_in_the_url_is_refused_not_sent(tmp_path: Path, args: list[str], no_network: list) -> None:
    """`--store http://admin:pw@host/query` went to urllib, which took `admin:pw@host` for the host name
    and asked the DNS resolver for it ("Name or service not known"): the password left the machine."""
    from diplograph.errors import UsageError
    from diplograph.remote import RemoteStore

    url = "http://admin:s3cret-pw@127.0.0.1:7878/query"
    message = ("the endpoint URL http://127.0.0.1:7878/query carries a user name or password: give them in "
               "DIPLOGRAPH_ENDPOINT_USER and DIPLOGRAPH_ENDPOINT_PASSWORD (or a profile in the config file), not in the URL")
    with pytest.raises(UsageError) as exc:
        RemoteStore(url)
    assert str(exc.value) == message and no_network == []
    res = run_cli(*args, "--store", url, cwd=tmp_path)
    assert (res.returncode, res.stdout, res.stderr) == (2, "", f"error: {message}\n")


def test_named_profile_from_the_config_file(tmp_path: Path, remote: Store, server: OxigraphServer) -> None:
    config = tmp_path / "home" / "config.toml"
    config.parent.mkdir()
    config.write_text(f'[profiles.team]\nurl = "{server.url}"\ntimeout = 20\nuser_env = "TEAM_USER"\n'
                      'password_env = "TEAM_PW"\n')
    work = tmp_path / "work"
    work.mkdir()
    env = {"DIPLOGRAPH_CONFIG": str(config), "TEAM_USER": "analyst", "TEAM_PW": "pr0file-secret"}
    res = run_cli("query", "threats", "--store", "@team", "--format", "csv", cwd=work, env=env)
    assert res.returncode == 0, res.stderr
    assert "Israel Katz,Ahmed al-Sharaa" in res.stdout
    missing = run_cli("query", "threats", "--store", "@nope", cwd=work, env=env)
    assert (missing.returncode, missing.stderr) == (2, f"error: no profile [profiles.nope] with a url in {config} "
                                                       "(profiles: @team)\n")


def test_profile_secrets_stay_out_of_the_working_directory(tmp_path: Path) -> None:
    config = tmp_path / "diplograph.toml"
    config.write_text('[profiles.team]\nurl = "http://127.0.0.1:9/query"\npassword = "in-the-repo"\nuser = "me"\n')
    res = run_cli("query", "threats", "--store", "@team", cwd=tmp_path, env={"DIPLOGRAPH_CONFIG": str(config)})
    assert (res.returncode, res.stderr) == (2, f"error: {config} is inside the working directory: keep password "
                                               "out of it (use password_env to name an environment variable)\n")
    assert "in-the-repo" not in res.stdout + res.stderr


def test_server_down_during_build_then_restarted(tmp_path: Path, corpus: Path) -> None:
    """The endpoint stops before a build pushes its changes: a clear error, and after a restart the
    server holds exactly what it held before; the next build completes."""
    srv = OxigraphServer(tmp_path / "data")
    srv.start()
    try:
        build(RemoteStore(srv.url), [corpus])
        before = sorted(RemoteStore(srv.url).dump_nquads().splitlines())
        ann = corpus / f"{SEED_ID}.yaml"
        ann.write_text(ann.read_text().replace("atmosphere: positive", "atmosphere: cordial"))
        srv.stop()
        res = run_cli("build", str(corpus), "--store", srv.url, cwd=tmp_path)
        assert res.returncode == 2 and res.stderr.startswith(f"error: cannot reach the SPARQL endpoint {srv.url}")
        srv.start()
        assert sorted(RemoteStore(srv.url).dump_nquads().splitlines()) == before
        assert build(RemoteStore(srv.url), [corpus]).updated == [SEED_ID]
    finally:
        srv.stop()


def _changed(corpus: Path, ids: list[str]) -> None:
    for article_id in ids:
        ann = corpus / f"{article_id}.yaml"
        ann.write_text(ann.read_text().replace("label: ", "label: Edited - ", 1))


def _graphs(store: Store) -> dict[str, set[str]]:
    """The store's quads grouped by graph."""
    out: dict[str, set[str]] = {}
    for line in store.dump_nquads().splitlines():
        graph = line.rsplit(" ", 2)[-2]
        out.setdefault(graph, set()).add(line)
    return out


def test_graph_store_protocol_build(tmp_path: Path, corpus: Path) -> None:
    """With a Graph Store Protocol URL, builds write with PUT and prune with DELETE. The update
    endpoint points nowhere, so a SPARQL Update would fail: the writes are the GSP's."""
    from diplograph.store import MemoryStore

    srv = OxigraphServer(tmp_path / "data")
    srv.start()
    try:
        store = RemoteStore(srv.url, update_url="http://127.0.0.1:9/update",
                            graph_store_url=f"http://127.0.0.1:{srv.port}/store")
        assert len(build(store, [corpus]).added) == ARTICLES
        reference = MemoryStore()
        build(reference, [corpus])
        assert _graphs(store) == _graphs(reference)
        _changed(corpus, [SEED_ID])
        assert build(store, [corpus]).updated == [SEED_ID]
        assert not store.query('ASK { ?s ?p "Israeli delegation to the Baku talks" }').ask
        assert store.query('ASK { ?s ?p "Edited - Israeli delegation to the Baku talks" }').ask
        (corpus / "008_anchorage_trump_putin.yaml").unlink()
        assert build(store, [corpus], prune=True).removed == ["008_anchorage_trump_putin"]
        reference = MemoryStore()
        build(reference, [corpus])
        assert _graphs(store) == _graphs(reference)
    finally:
        srv.stop()


def test_graph_store_url_from_a_profile(tmp_path: Path, corpus: Path) -> None:
    srv = OxigraphServer(tmp_path / "data")
    srv.start()
    try:
        config = tmp_path / "home" / "config.toml"
        config.parent.mkdir()
        config.write_text(f'[profiles.team]\nurl = "{srv.url}"\nupdate_url = "http://127.0.0.1:9/update"\n'
                          f'graph_store_url = "http://127.0.0.1:{srv.port}/store"\n')
        res = run_cli("build", str(corpus), "--store", "@team", cwd=tmp_path, env={"DIPLOGRAPH_CONFIG": str(config)})
        assert res.returncode == 0, res.stderr
        assert RemoteStore(srv.url).query("ASK { GRAPH ?g { ?s a <https://w3id.org/diplograph/ontology#Meeting> } }").ask
    finally:
        srv.stop()


class _CutProxy(http.server.BaseHTTPRequestHandler):
    """Forwards to the real server, but closes the connection halfway through the Nth write."""

    upstream = ""
    cut_at = 2
    writes = 0

    def log_message(self, *args: object) -> None:
        pass

    def _forward(self) -> None:
        import urllib.error
        import urllib.request

        length = int(self.headers.get("Content-Length") or 0)
        if self.command in ("POST", "PUT", "DELETE") and "query" not in self.path:
            type(self).writes += 1
            if type(self).writes == self.cut_at:
                self.rfile.read(length // 2)
                self.close_connection = True
                self.connection.shutdown(2)  # the connection drops mid-push
                return
        body = self.rfile.read(length) if length else None
        req = urllib.request.Request(self.upstream + self.path, data=body, method=self.command,
                                     headers={k: v for k, v in self.headers.items() if k.lower() in ("content-type", "accept")})
        try:
            with urllib.request.urlopen(req, timeout=30) as up:
                data, status, ctype = up.read(), up.status, up.headers.get("Content-Type", "")
        except urllib.error.HTTPError as exc:
            data, status, ctype = exc.read(), exc.code, exc.headers.get("Content-Type", "")
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    do_GET = do_POST = do_PUT = do_DELETE = _forward


@pytest.mark.parametrize("protocol", ["sparql-update", "graph-store"])
def test_connection_closed_mid_push(tmp_path: Path, corpus: Path, protocol: str,
                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """The connection drops during the second article's write: a clear error; every article on the
    server is wholly old or wholly new, never a mix; the next build completes. (SPARQL updates of
    one article each here: a batch of articles is one request, see the test below.)"""
    from diplograph import remote as remote_module
    from diplograph.store import MemoryStore

    monkeypatch.setattr(remote_module, "UPDATE_BATCH", 1)

    srv = OxigraphServer(tmp_path / "data")
    srv.start()
    proxy = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _CutProxy)
    _CutProxy.upstream, _CutProxy.writes = f"http://127.0.0.1:{srv.port}", 0
    threading.Thread(target=proxy.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{proxy.server_address[1]}"
    try:
        direct = RemoteStore(srv.url)
        build(direct, [corpus])
        old = _graphs(direct)
        changed = [SEED_ID, "001_muscat_us_iran", "002_rome_us_iran"]
        _changed(corpus, changed)
        new_reference = MemoryStore()
        build(new_reference, [corpus])
        new = _graphs(new_reference)
        _CutProxy.writes = 0
        through = RemoteStore(f"{base}/query", update_url=f"{base}/update",
                              graph_store_url=f"{base}/store" if protocol == "graph-store" else None)
        with pytest.raises(RemoteError, match=f"cannot reach the SPARQL endpoint {base}/"):
            build(through, [corpus])
        after = _graphs(direct)
        assert set(after) == set(old)
        for graph, quads in after.items():
            assert quads in (old[graph], new[graph]), f"{graph} is a mix of old and new"
        assert sum(after[g] == new[g] != old[g] for g in after) == 1  # the first write landed, the second did not
        assert len(build(direct, [corpus]).updated) == 2  # the two that did not land
        assert _graphs(direct) == new
    finally:
        proxy.shutdown()
        srv.stop()


class _Recorder(http.server.BaseHTTPRequestHandler):
    """Answers every request with an empty SPARQL result and records its Authorization header."""

    seen: list[tuple[str, str | None]] = []

    def log_message(self, *args: object) -> None:
        pass

    def _answer(self) -> None:
        self.rfile.read(int(self.headers.get("Content-Length") or 0))
        type(self).seen.append((self.command, self.headers.get("Authorization")))
        body = b'{"head": {"vars": ["g", "h"]}, "results": {"bindings": []}}'
        self.send_response(200)
        self.send_header("Content-Type", "application/sparql-results+json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    do_GET = do_POST = do_PUT = do_DELETE = _answer


@pytest.mark.parametrize("creds,expected", [
    ({"user": "analyst", "password": "pw"}, "Basic YW5hbHlzdDpwdw=="),
    ({"token": "t0ken"}, "Bearer t0ken"),
    ({}, None),
])
def test_credentials_are_sent_on_queries_updates_and_graph_store_writes(creds: dict[str, str],
                                                                         expected: str | None) -> None:
    from rdflib import Graph, URIRef

    srv = http.server.ThreadingHTTPServer(("127.0.0.1", 0), _Recorder)
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{srv.server_address[1]}"
    try:
        _Recorder.seen = []
        for gsp in (None, f"{base}/store"):
            store = RemoteStore(f"{base}/query", graph_store_url=gsp, **creds)  # type: ignore[arg-type]
            store.graph_hashes()
            store.apply({URIRef("urn:g"): Graph()}, [URIRef("urn:h")])
        assert [m for m, _ in _Recorder.seen] == ["POST", "POST", "POST", "DELETE", "PUT"]  # removal and write: one update
        assert {auth for _, auth in _Recorder.seen} == {expected}
    finally:
        srv.shutdown()


def test_export_reads_the_server_a_batch_of_graphs_at_a_time(monkeypatch: pytest.MonkeyPatch, remote: Store,
                                                             embedded: Store) -> None:
    """A remote export asks for a few graphs at a time (it asked for every quad in one answer: 1.5 M rows
    of rdflib terms at 10k articles) and writes what the embedded store writes."""
    from diplograph import remote as remote_module
    from diplograph.export import export

    monkeypatch.setattr(remote_module, "EXPORT_BATCH", 3)
    asked: list[str] = []
    real = RemoteStore.query
    monkeypatch.setattr(RemoteStore, "query", lambda self, q: asked.append(q) or real(self, q))
    graphs = len(remote.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }").rows)
    assert graphs == ARTICLES + 2  # the articles, the registry, the ontology
    assert export(remote, "nquads") == export(embedded, "nquads")
    assert sum("VALUES ?g" in q for q in asked) == -(-(ARTICLES + 2) // 3)  # 3 graphs a query
    assert export(remote, "trig", article=SEED_ID) == export(embedded, "trig", article=SEED_ID)


def test_blank_nodes_of_two_batches_stay_two_nodes(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    """Servers may label blank nodes afresh in each answer (Jena writes b0, b1… per result set; Oxigraph's
    labels are its own ids, the same in every answer, so the answers are relabelled here as Jena would):
    the same label in two batches is two nodes."""
    from rdflib import BNode, Dataset

    from diplograph import remote as remote_module
    from diplograph.export import export
    from diplograph.store import QueryResult

    def per_answer_labels(self: RemoteStore, sparql: str) -> QueryResult:
        res = real(self, sparql)
        labels: dict[BNode, BNode] = {}
        rows = [[labels.setdefault(t, BNode(f"b{len(labels)}")) if isinstance(t, BNode) else t for t in row]
                for row in res.rows]
        return QueryResult(res.vars, rows)

    real = RemoteStore.query
    monkeypatch.setattr(RemoteStore, "query", per_answer_labels)
    monkeypatch.setattr(remote_module, "EXPORT_BATCH", 1)
    srv = OxigraphServer(tmp_path / "data")
    srv.start()
    try:
        store = RemoteStore(srv.url)
        store.apply({URIRef(f"http://example.org/g{i}"): f'_:x <http://example.org/p> "{i}" .\n' for i in (1, 2)})
        ds = Dataset()
        ds.parse(data=export(store, "nquads").decode(), format="nquads")
        assert len({s for s, _, _, _ in ds.quads() if isinstance(s, BNode)}) == 2
    finally:
        srv.stop()
