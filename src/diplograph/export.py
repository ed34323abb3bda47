"""Export the store as standard RDF (Turtle, TriG, N-Quads, N-Triples, JSON-LD) or a flat CSV.

Exports are stable: the same store gives byte-identical files, so they diff
and version well. Turtle and N-Triples merge all named graphs into one graph;
TriG, N-Quads and JSON-LD keep each article in its own graph.
"""

from __future__ import annotations

from rdflib import Dataset, Graph, URIRef

from . import queries
from .errors import UsageError
from .store import QueryResult, Store
from .terms import ONTOLOGY_GRAPH, PREFIXES, REGISTRY_GRAPH, article_graph

FORMATS = ("turtle", "trig", "nquads", "ntriples", "jsonld", "csv")


def _sorted_lines(text: str) -> str:
    """N-Triples/N-Quads lines, sorted and distinct. Split at "\\n" only: str.splitlines() also splits at
    U+2028, U+2029 and U+0085, which N-Triples leaves unescaped inside a literal (an article's text)."""
    return "".join(sorted(set(line + "\n" for line in text.split("\n") if line.strip())))


def _events_table(store: Store, graph: URIRef | None) -> QueryResult:
    """The events-table query, on the whole store or on one article's graph: then that graph, the
    registry and the ontology (what its rows read) are copied into an in-memory Oxigraph store, where
    it takes milliseconds; on the whole store it took seconds at 10k articles, to keep a few rows."""
    query = queries.get("events-table")
    if graph is None:
        return queries.run(store, query)
    import pyoxigraph as ox

    from .store import answer

    one = ox.Store()
    for g in (graph, REGISTRY_GRAPH, ONTOLOGY_GRAPH):
        one.load(store.dump_nquads(g), format=ox.RdfFormat.N_QUADS)
    return answer(one, queries.bind(query.text, {}))


def export(store: Store, fmt: str, *, article: str | None = None) -> bytes:
    """Serialise the whole store, or one article's graph, in ``fmt``."""
    if fmt not in FORMATS:
        raise UsageError(f"unknown export format {fmt!r}; use one of {', '.join(FORMATS)}")
    graph: URIRef | None = article_graph(article) if article else None
    if fmt == "csv":
        if article and not store.graph_hashes([str(graph)]):  # before the table: seconds at 10k
            raise queries.no_article(store, article)
        return queries.render(_events_table(store, graph), "csv").encode()
    nquads = store.dump_nquads(graph)
    if graph is not None and not nquads.strip():
        raise queries.no_article(store, article)
    if fmt == "nquads":
        return _sorted_lines(nquads).encode()
    ds = Dataset()
    ds.parse(data=nquads, format="nquads")
    if fmt in ("turtle", "ntriples"):
        merged = Graph()
        for s, p, o, _ in ds.quads((None, None, None, None)):
            merged.add((s, p, o))
        if fmt == "ntriples":
            return _sorted_lines(merged.serialize(format="nt")).encode()
        _bind(merged)
        return merged.serialize(format="turtle").encode()
    _bind(ds)
    if fmt == "trig":
        return ds.serialize(format="trig").encode()
    # JSON-LD with an inline context: nothing for a reader to fetch.
    return ds.serialize(format="json-ld", context=dict(PREFIXES), indent=2, sort_keys=True).encode()


def _bind(g: Graph) -> None:
    for prefix, ns in PREFIXES.items():
        g.bind(prefix, ns, override=True, replace=True)
