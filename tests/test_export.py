"""Exports are byte-stable and read by a second, independent parser (Oxigraph) with the same triple count."""

from __future__ import annotations

import csv
import io
import json

import pyoxigraph as ox
import pytest

from diplograph.export import export
from diplograph.store import Store

from .conftest import SEED_ID

OX = {"turtle": ox.RdfFormat.TURTLE, "trig": ox.RdfFormat.TRIG, "nquads": ox.RdfFormat.N_QUADS,
      "ntriples": ox.RdfFormat.N_TRIPLES, "jsonld": ox.RdfFormat.JSON_LD}


RDFLIB = {"turtle": "turtle", "trig": "trig", "nquads": "nquads", "ntriples": "nt", "jsonld": "json-ld"}


@pytest.mark.parametrize("fmt", sorted(OX))
def test_round_trip_with_a_second_parser(embedded: Store, fmt: str) -> None:
    """pyoxigraph writes the exports; rdflib, whose parsers share no code with it, reads them back
    to the same quads as the store's (and Oxigraph's own parser too)."""
    from rdflib import Dataset

    data = export(embedded, fmt)
    assert export(embedded, fmt) == data  # byte-identical
    parsed = list(ox.parse(data, format=OX[fmt]))
    assert len(parsed) == embedded.count()
    ds = Dataset()
    ds.parse(data=data.decode(), format=RDFLIB[fmt])
    stored = Dataset()
    stored.parse(data=embedded.dump_nquads(), format="nquads")
    if fmt in ("trig", "nquads", "jsonld"):
        assert {q.graph_name.value for q in parsed} >= {f"https://w3id.org/diplograph/graph/article/{SEED_ID}"}
        assert set(ds.quads()) == set(stored.quads())
    else:  # the graphs merged
        assert {(s, p, o) for s, p, o, _ in ds.quads()} == {(s, p, o) for s, p, o, _ in stored.quads()}


def test_one_article_graph(embedded: Store) -> None:
    data = export(embedded, "turtle", article=SEED_ID)
    assert len(list(ox.parse(data, format=ox.RdfFormat.TURTLE))) == 560
    assert data.startswith(b"@prefix")


def test_events_csv(embedded: Store) -> None:
    table = list(csv.DictReader(io.StringIO(export(embedded, "csv").decode())))
    baku = next(r for r in table if r["event"].endswith("/baku-talks"))
    assert (baku["type"], baku["cameo"], baku["date"], baku["place"]) == ("Meeting", "04", "2025-04-09", "Baku")
    assert "Israeli delegation" in baku["actors"] and baku["quote"]


@pytest.mark.parametrize("backend", ["embedded", "memory", "remote"])
def test_events_csv_of_one_article(request: pytest.FixtureRequest, backend: str) -> None:
    """`export --format csv --graph ID` wrote every event of the store (the article was ignored)."""
    from diplograph.errors import UsageError

    store: Store = request.getfixturevalue(backend)
    def rows(data: bytes) -> list[dict[str, object]]:  # GROUP_CONCAT's order is the engine's to choose
        return [{**row, "actors": sorted(row["actors"].split("; "))} for row in csv.DictReader(io.StringIO(data.decode()))]
    every = rows(export(store, "csv"))
    article = f"https://w3id.org/diplograph/id/article/{SEED_ID}"
    one = rows(export(store, "csv", article=SEED_ID))
    assert one == [row for row in every if row["article"] == article] and 0 < len(one) < len(every)
    with pytest.raises(UsageError, match="^the store has no article 'nope'$"):
        export(store, "csv", article="nope")


def test_jsonld_has_inline_context(embedded: Store) -> None:
    doc = json.loads(export(embedded, "jsonld"))
    assert doc["@context"]["dg"] == "https://w3id.org/diplograph/ontology#"


def test_what_a_store_exports_conforms_to_the_shapes(embedded: Store) -> None:
    """The stored triples, not only the mapped ones, pass the shapes (plain pySHACL, SPARQL
    constraints included): an engine that rewrites literals (Oxigraph normalises integer types)
    must not turn valid data into invalid exports. Every backend exports the same triples (next
    test), so the embedded store's are checked once: pySHACL takes a minute over the seeds."""
    import pyshacl
    from rdflib import Dataset, Graph

    from diplograph.validation import ontology_graph, shapes_graph

    store = embedded
    ds = Dataset()
    ds.parse(data=export(store, "nquads"), format="nquads")
    data = Graph()
    for s, p, o, _ in ds.quads((None, None, None, None)):
        data.add((s, p, o))
    conforms, _, text = pyshacl.validate(data, shacl_graph=shapes_graph() + Graph(), ont_graph=ontology_graph(),
                                         inference="none", advanced=True, do_owl_imports=False,
                                         allow_warnings=True, allow_infos=True)
    assert conforms, text[:2000]


@pytest.mark.parametrize("backend", ["memory", "remote"])
def test_every_backend_exports_the_same_triples(request: pytest.FixtureRequest, embedded: Store, backend: str) -> None:
    assert export(request.getfixturevalue(backend), "nquads") == export(embedded, "nquads")
