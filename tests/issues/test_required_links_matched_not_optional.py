"""meetings took 1.25 s for Israel and 0.39 s for Armenia (602 meetings) at 10,000 articles, and
statements 0.68 s and 0.32 s: each looked up a label two steps away in an OPTIONAL
(``OPTIONAL { ?meeting dg:place/rdfs:label ?place }``), which Oxigraph evaluated far more slowly
than the same link matched as a required pattern with the label alone optional (0.98 s / 0.09 s,
0.41 s / 0.02 s). That is the same answer only because the shapes require the link: a meeting has
exactly one place, an event exactly one certainty. These tests hold the queries to the answers of
the OPTIONAL form on the seeds, for every actor, and the shapes to what the queries assume.
"""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import SH

from diplograph import queries, resources
from diplograph.store import OxigraphStore
from diplograph.terms import DG

# canned query -> (its required link and optional label, the OPTIONAL form it replaced)
REWRITTEN = {
    "meetings": ([("prov:wasDerivedFrom ?article ; dg:place ?pl .", "prov:wasDerivedFrom ?article ."),
                  ("OPTIONAL { ?pl rdfs:label ?place }", "OPTIONAL { ?meeting dg:place/rdfs:label ?place }")],
                 "actor"),
    "statements": ([("prov:wasDerivedFrom ?article ; dg:certainty ?c .", "prov:wasDerivedFrom ?article ."),
                    ("OPTIONAL { ?c rdfs:label ?certainty }", "OPTIONAL { ?statement dg:certainty/rdfs:label ?certainty }")],
                   "speaker"),
}


def _optional_form(name: str) -> str:
    text = queries.get(name).text
    for now, before in REWRITTEN[name][0]:
        assert text.count(now) == 1, f"{name}.rq changed: update this test"
        text = text.replace(now, before)
    return text


@pytest.mark.parametrize("name", sorted(REWRITTEN))
def test_the_same_rows_as_the_optional_form_for_every_actor(embedded: OxigraphStore, name: str) -> None:
    actors = [row[0] for row in embedded.query(
        "PREFIX dg: <https://w3id.org/diplograph/ontology#> SELECT DISTINCT ?a WHERE { ?a a ?c . "
        "?c <http://www.w3.org/2000/01/rdf-schema#subClassOf>* dg:Actor }").rows]
    assert len(actors) > 20
    param, before, rows = REWRITTEN[name][1], _optional_form(name), 0
    for actor in actors:
        now = embedded.query(queries.bind(queries.get(name).text, {param: actor})).rows
        assert now == embedded.query(queries.bind(before, {param: actor})).rows, actor
        rows += len(now)
    assert rows > 20  # the seeds' meetings and statements, found through their actors


def _counts(shapes: Graph, target: URIRef, path: URIRef) -> list[tuple[int | None, int | None]]:
    """(sh:minCount, sh:maxCount) of each property shape on ``path`` of the shapes targeting ``target``."""
    return [tuple(None if n is None else n.toPython() for n in (shapes.value(p, SH.minCount), shapes.value(p, SH.maxCount)))
            for s in shapes.subjects(SH.targetClass, target) for p in shapes.objects(s, SH.property)
            if shapes.value(p, SH.path) == path]  # type: ignore[misc]


@pytest.mark.parametrize("target, path", [(DG.Meeting, DG.place), (DG.Event, DG.certainty)])
def test_the_shapes_require_what_the_queries_match(target: URIRef, path: URIRef) -> None:
    shapes = Graph().parse(data=resources.read_text("ontology", "shapes.ttl"), format="turtle")
    assert any(low is not None and low >= 1 for low, _ in _counts(shapes, target, path))  # at least one
    assert 1 in {high for _, high in _counts(shapes, target, path) + _counts(shapes, DG.Event, path)}  # at most one
