"""Regressions: the embedded and remote stores held other literals than rdflib, and the remote
N-Quads dump was not N-Quads.

* Oxigraph normalises literals on load ("415"^^xsd:nonNegativeInteger -> xsd:integer, "35.0" -> "35"),
  so exports differed between backends and the embedded store's export failed the shapes.
* RemoteStore.dump_nquads wrote multi-line literals (an article's text) as Turtle's \"\"\"…\"\"\".
* Query results from the embedded store gave every string as "a"^^xsd:string, the other two backends as
  a plain "a" (one term in RDF 1.1, two in rdflib): `--format sparql-json` said `"datatype": xsd:string`
  on one store only, and building the typed literals took half of events-table's time.
"""

from __future__ import annotations

import pyoxigraph as ox
import pytest
from rdflib import URIRef

from diplograph import queries as Q
from diplograph.store import Store

from ..conftest import SEED_ID
from ..test_queries import NAMES

START = "<http://www.w3.org/ns/oa#start>"
LAT = "<http://www.w3.org/2003/01/geo/wgs84_pos#lat>"


@pytest.mark.parametrize("backend", ["embedded", "memory", "remote"])
def test_offsets_and_coordinates_are_stored_as_written(request: pytest.FixtureRequest, backend: str) -> None:
    store: Store = request.getfixturevalue(backend)
    lines = store.dump_nquads().splitlines()
    starts = [line for line in lines if f" {START} " in line]
    assert starts and all("^^<http://www.w3.org/2001/XMLSchema#integer>" in line for line in starts)
    lats = [line.split(" ")[2] for line in lines if f" {LAT} " in line]
    assert lats and not any(lat.split('"')[1].endswith(".0") for lat in lats)


def test_remote_dump_is_valid_nquads(remote: Store) -> None:
    text = remote.dump_nquads(URIRef(f"https://w3id.org/diplograph/graph/article/{SEED_ID}"))
    quads = list(ox.parse(text, format=ox.RdfFormat.N_QUADS))
    assert len(quads) == len(text.splitlines()) > 500
    assert any("\n" in q.object.value for q in quads if isinstance(q.object, ox.Literal))  # the article text


def _kinds(store: Store, name: str) -> set[tuple[str, str, str, str]]:
    res = Q.run(store, Q.get(name))
    return {(v, type(t).__name__, str(getattr(t, "datatype", None) or ""), str(getattr(t, "language", None) or ""))
            for r in res.rows for v, t in zip(res.vars, r) if t is not None}


@pytest.mark.parametrize("name", NAMES)
def test_same_kinds_of_term_on_all_three_backends(embedded: Store, memory: Store, remote: Store, name: str) -> None:
    """Not only the same text: the same kind of RDF term in each column (IRI or literal, datatype,
    language), so that `--format sparql-json` says the same whichever store answers. A string is a
    plain literal on each ("a" and "a"^^xsd:string are one term in RDF 1.1)."""
    want = _kinds(embedded, name)
    assert want
    assert _kinds(memory, name) == want
    assert _kinds(remote, name) == want
