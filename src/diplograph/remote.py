"""A remote SPARQL 1.1 endpoint (Oxigraph, Fuseki, GraphDB, Virtuoso...) via SPARQLWrapper.

Credentials come only from the environment and are never put in messages:

* ``DIPLOGRAPH_ENDPOINT_USER`` and ``DIPLOGRAPH_ENDPOINT_PASSWORD`` (HTTP basic), or
* ``DIPLOGRAPH_ENDPOINT_TOKEN`` (``Authorization: Bearer``).

The update endpoint is ``DIPLOGRAPH_UPDATE_ENDPOINT`` if set, else derived from
the query URL (``…/query`` → ``…/update``; GraphDB ``…/repositories/X`` →
``…/repositories/X/statements``; otherwise the same URL, as Virtuoso uses).

With a Graph Store Protocol endpoint (``DIPLOGRAPH_GRAPH_STORE``, or
``graph_store_url`` in a profile), builds write each article with one HTTP
``PUT …?graph=IRI`` of N-Triples (and remove with ``DELETE``) instead of a SPARQL
Update: the server replaces the graph in one request and streams the body
instead of parsing it as a query.
"""

from __future__ import annotations

import base64
import contextlib
import itertools
import json
import os
import socket
import urllib.error
import urllib.request
from collections.abc import Iterable, Iterator
from typing import Any
from urllib.parse import quote, urlsplit, urlunsplit

from rdflib import BNode, URIRef
from rdflib.term import Node

from .errors import QueryError, RemoteError, UsageError
from .store import GraphData, QueryResult, Store, iri, literal, nquads_term, ntriples, ordered


# Named graphs read by one query in an export: ~150 triples an article, so ~30k rows an answer.
EXPORT_BATCH = 200
# Bytes of N-Triples written by one SPARQL Update in a build (~30 articles): one request per article
# cost ~5 ms of HTTP each, and every request is a transaction of its own on the server.
UPDATE_BATCH = 1_000_000


def _public(url: str) -> str:
    """The URL without any user:password part, safe to print."""
    parts = urlsplit(url)
    host = parts.hostname or ""
    if parts.port:
        host = f"{host}:{parts.port}"
    return urlunsplit((parts.scheme, host, parts.path, "", ""))


def _refuse_credentials_in(url: str | None) -> None:
    """A user:password in an endpoint URL is refused, not used: on the command line it stays in the
    shell's history and in `ps`, and urllib would take it for part of the host name and send it to
    the DNS resolver. Credentials come from the environment or a profile."""
    if url and "@" in urlsplit(url).netloc:
        raise UsageError(f"the endpoint URL {_public(url)} carries a user name or password: give them in "
                         "DIPLOGRAPH_ENDPOINT_USER and DIPLOGRAPH_ENDPOINT_PASSWORD (or a profile in the config "
                         "file), not in the URL")


def update_endpoint_for(query_url: str) -> str:
    if env := os.environ.get("DIPLOGRAPH_UPDATE_ENDPOINT"):
        return env
    parts = urlsplit(query_url)
    path = parts.path.rstrip("/")
    if path.endswith("/query"):
        path = path[: -len("/query")] + "/update"
    elif path.split("/")[-2:-1] == ["repositories"]:  # GraphDB / RDF4J
        path += "/statements"
    return urlunsplit((parts.scheme, parts.netloc, path, parts.query, ""))


class _Terms(dict):  # type: ignore[type-arg]
    """Terms by their SPARQL JSON fields (type, value, language, datatype), each built once: a
    listing repeats its types, dates, places and articles (events-table at 10k articles: 600,000
    cells, 174,215 distinct terms). Built as the embedded store builds them (store.literal)."""

    def __missing__(self, key: tuple[Any, Any, Any, Any]) -> Node:
        kind, value, lang, datatype = key
        if not isinstance(value, str):
            raise RemoteError(f"the endpoint returned a term without a text value: {value!r}")
        if kind == "uri":
            term: Node = iri(value)
        elif kind == "bnode":
            term = BNode(value)
        elif kind in ("literal", "typed-literal"):
            term = literal(value, lang, datatype)
        else:
            raise RemoteError(f"the endpoint returned an unknown term type {kind!r}")
        self[key] = term
        return term


def _rows(names: list[str], bindings: Iterable[dict[str, Any]]) -> list[list[Node | None]]:
    """The rows of a SPARQL JSON answer as rdflib terms (KeyError: a field missing; TypeError or
    AttributeError: a solution or a term that is not a JSON object)."""
    terms = _Terms()
    return [[terms[c["type"], c["value"], c.get("xml:lang"), c.get("datatype")] if (c := b.get(n)) is not None else None
             for n in names] for b in bindings]


class RemoteStore(Store):
    """A SPARQL 1.1 endpoint. Its default graph must be the union of named graphs
    (Oxigraph ``--union-default-graph``, Fuseki ``tdb2:unionDefaultGraph true``;
    GraphDB and Virtuoso do this by default)."""

    def __init__(self, url: str, *, update_url: str | None = None, graph_store_url: str | None = None,
                 timeout: float = 30.0, user: str | None = None, password: str | None = None,
                 token: str | None = None):
        self.url = url
        self.update_url = update_url or update_endpoint_for(url)
        self.graph_store_url = graph_store_url or os.environ.get("DIPLOGRAPH_GRAPH_STORE") or None
        for endpoint in (self.url, self.update_url, self.graph_store_url):
            _refuse_credentials_in(endpoint)
        self.location = _public(url)
        self.timeout = timeout
        # explicit credentials (a named profile) or, by default, the environment
        self._user = user if user is not None else os.environ.get("DIPLOGRAPH_ENDPOINT_USER")
        self._password = password if password is not None else os.environ.get("DIPLOGRAPH_ENDPOINT_PASSWORD")
        self._token = token if token is not None else os.environ.get("DIPLOGRAPH_ENDPOINT_TOKEN")

    def __repr__(self) -> str:  # never the credentials
        return f"RemoteStore({self.location!r})"

    def _wrapper(self, url: str) -> Any:
        from SPARQLWrapper import SPARQLWrapper

        w = SPARQLWrapper(url)
        w.setTimeout(int(self.timeout))
        if auth := self._authorization():
            w.addCustomHttpHeader("Authorization", auth)
        return w

    def _authorization(self) -> str | None:
        """The Authorization header: a bearer token, else HTTP basic, else none."""
        if self._token:
            return f"Bearer {self._token}"
        if self._user is not None:
            return "Basic " + base64.b64encode(f"{self._user}:{self._password or ''}".encode()).decode()
        return None

    def _run(self, url: str, text: str, *, update: bool) -> Any:
        from SPARQLWrapper import JSON, POST, POSTDIRECTLY
        from SPARQLWrapper.SPARQLExceptions import QueryBadFormed, SPARQLWrapperException, Unauthorized

        w = self._wrapper(url)
        w.setMethod(POST)
        # SPARQLWrapper finds the kind of request with regular expressions over the whole text: 3/4
        # of a remote build's time on its INSERT DATA. Our updates say what they are on their first line.
        w.setQuery(text.split("\n", 1)[0] if update else text)
        w.queryString = text
        if update:
            w.setRequestMethod(POSTDIRECTLY)
        else:
            w.setReturnFormat(JSON)
        where = _public(url)
        with self._http_failures(where):
            try:
                result = w.query()
                if update:
                    result.response.read()
                    return None
                return result.convert()
            except QueryBadFormed as exc:
                raise QueryError(f"the endpoint {where} rejected the query: {_short(exc)}") from None
            except Unauthorized:
                raise RemoteError(f"the endpoint {where} refused the credentials (HTTP 401); check "
                                  "DIPLOGRAPH_ENDPOINT_USER/PASSWORD or DIPLOGRAPH_ENDPOINT_TOKEN") from None
            except SPARQLWrapperException as exc:
                raise RemoteError(f"the endpoint {where} failed: {_short(exc)}") from None
            except (json.JSONDecodeError, ValueError) as exc:
                raise RemoteError(f"the endpoint {where} answered with something that is not SPARQL JSON ({exc})") from None

    @contextlib.contextmanager
    def _http_failures(self, where: str) -> Iterator[None]:
        """Transport failures as one RemoteError naming the endpoint (never its credentials)."""
        try:
            yield
        except urllib.error.HTTPError as exc:
            if exc.code == 401:
                raise RemoteError(f"the endpoint {where} refused the credentials (HTTP 401); check "
                                  "DIPLOGRAPH_ENDPOINT_USER/PASSWORD or DIPLOGRAPH_ENDPOINT_TOKEN") from None
            raise RemoteError(f"the endpoint {where} answered HTTP {exc.code} {exc.reason}") from None
        except (urllib.error.URLError, ConnectionError) as exc:
            reason = getattr(exc, "reason", exc)
            if isinstance(reason, (TimeoutError, socket.timeout)):
                raise RemoteError(f"the endpoint {where} did not answer within {self.timeout:g} s") from None
            raise RemoteError(f"cannot reach the SPARQL endpoint {where}: {reason}") from None
        except (TimeoutError, socket.timeout):
            raise RemoteError(f"the endpoint {where} did not answer within {self.timeout:g} s") from None

    def _graph_store(self, method: str, graph: URIRef, body: str | None = None) -> None:
        """One Graph Store Protocol request on ``graph``: PUT replaces it, DELETE drops it."""
        assert self.graph_store_url is not None
        sep = "&" if "?" in self.graph_store_url else "?"
        url = f"{self.graph_store_url}{sep}graph={quote(str(graph), safe='')}"
        headers = {"Content-Type": "application/n-triples"} if body is not None else {}
        if auth := self._authorization():
            headers["Authorization"] = auth
        request = urllib.request.Request(url, data=body.encode() if body is not None else None,
                                         headers=headers, method=method)
        with self._http_failures(_public(self.graph_store_url)):
            try:
                with urllib.request.urlopen(request, timeout=self.timeout) as response:
                    response.read()
            except urllib.error.HTTPError as exc:
                if not (method == "DELETE" and exc.code == 404):  # already gone is what DELETE wants
                    raise

    def query(self, sparql: str) -> QueryResult:
        data = self._run(self.url, sparql, update=False)
        if not isinstance(data, dict):
            raise RemoteError(f"the endpoint {self.location} answered with something that is not SPARQL JSON")
        if "boolean" in data:
            return QueryResult([], [], ask=bool(data["boolean"]))
        try:
            names = list(data["head"]["vars"])
            rows = _rows(names, data["results"]["bindings"])
        except KeyError as exc:
            raise RemoteError(f"the endpoint {self.location} answered with malformed SPARQL JSON (missing {exc})") from None
        except (TypeError, AttributeError):
            raise RemoteError(f"the endpoint {self.location} answered with malformed SPARQL JSON "
                              "(a solution that is not an object of terms)") from None
        return ordered(QueryResult(names, rows), sparql)

    def apply(self, replace: dict[URIRef, GraphData], remove: Iterable[URIRef] = ()) -> None:
        """Each article is either wholly old or wholly new on the server.

        A Graph Store Protocol ``PUT`` per graph when a graph store URL is set, else SPARQL
        Updates ``DROP SILENT GRAPH … ; INSERT DATA …`` of about UPDATE_BATCH bytes, each one
        request and one transaction for the graphs in it."""
        if self.graph_store_url:
            for g in remove:
                self._graph_store("DELETE", g)
            for g, graph in replace.items():
                self._graph_store("PUT", g, ntriples(graph))
            return
        batch: list[str] = []
        size = 0
        for g, body in itertools.chain(((g, None) for g in remove), ((g, ntriples(d)) for g, d in replace.items())):
            op = f"DROP SILENT GRAPH <{g}>" + (f" ;\nINSERT DATA {{ GRAPH <{g}> {{\n{body}\n}} }}" if body is not None else "")
            if body is not None and "_:" in body:  # a blank node label is one node in a whole request
                self._run(self.update_url, op, update=True)
                continue
            batch.append(op)
            size += len(op)
            if size >= UPDATE_BATCH:
                self._run(self.update_url, " ;\n".join(batch), update=True)
                batch, size = [], 0
        if batch:
            self._run(self.update_url, " ;\n".join(batch), update=True)

    def graphs_ntriples(self, graphs: Iterable[str] | None = None) -> Iterator[tuple[str, str]]:
        """Each named graph's N-Triples, read ``EXPORT_BATCH`` graphs to a query: an export holds one
        batch in memory, not the whole store (one SELECT of every quad held 1.5 M rows of rdflib terms
        at 10k articles). Blank node labels are scoped to their batch's answer, so each is renamed for
        its batch: two graphs' ``_:b0`` in two answers stay two nodes."""
        if graphs is None:
            graphs = (str(r[0]) for r in self.query("SELECT DISTINCT ?g WHERE { GRAPH ?g { } }").rows
                      if isinstance(r[0], URIRef))
        names = sorted(set(graphs))
        for start in range(0, len(names), EXPORT_BATCH):
            batch = names[start:start + EXPORT_BATCH]
            values = " ".join(f"<{g}>" for g in batch)
            rows = self.query(f"SELECT ?g ?s ?p ?o WHERE {{ VALUES ?g {{ {values} }} GRAPH ?g {{ ?s ?p ?o }} }}").rows
            lines: dict[str, list[str]] = {}
            for g, *spo in rows:
                terms = (BNode(f"x{start}x{t}") if isinstance(t, BNode) else t for t in spo)
                lines.setdefault(str(g), []).append(" ".join(map(nquads_term, terms)) + " .\n")  # type: ignore[arg-type]
            for g in batch:
                if g in lines:
                    yield g, "".join(lines.pop(g))

    def dump_nquads(self, graph: URIRef | None = None) -> str:
        where = f"GRAPH <{graph}> {{ ?s ?p ?o }} BIND(<{graph}> AS ?g)" if graph else "GRAPH ?g { ?s ?p ?o }"
        res = self.query(f"SELECT ?s ?p ?o ?g WHERE {{ {where} }}")
        return "".join(" ".join(map(nquads_term, row)) + " .\n" for row in res.rows)  # type: ignore[arg-type]


def _short(exc: Exception) -> str:
    text = " ".join(str(exc).split())
    return text[:300]
