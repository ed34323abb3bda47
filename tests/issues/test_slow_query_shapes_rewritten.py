"""Two ways Oxigraph answered slowly, rewritten in the canned queries, and held here to the rows of
the text they replaced, on the seeds, for every actor.

* meetings took 1.25 s for Israel and 0.39 s for Armenia (602 meetings) at 10,000 articles, and
  statements 0.68 s and 0.32 s: each looked up a label two steps away in an OPTIONAL
  (``OPTIONAL { ?meeting dg:place/rdfs:label ?place }``), which Oxigraph evaluated far more slowly than
  the same link matched as a required pattern with the label alone optional (0.98 s / 0.09 s, 0.41 s /
  0.02 s). That is the same answer only because the shapes require the link: a meeting has exactly one
  place, an event exactly one certainty (the shapes are held to that here too).
* threats and military-actions of a target, agreements of a party, took 1.0-1.7 s: a path of ``*``
  between two bound ends (``?event dg:target/(…)* ?target``) cost ~0.3 ms a row; as zero steps
  (``?t = ?target``) or one or more (``(…)+``), 0.28-0.45 s.
"""

from __future__ import annotations

import pytest
from rdflib import Graph, URIRef
from rdflib.namespace import SH

from diplograph import queries, resources
from diplograph.store import OxigraphStore
from diplograph.terms import DG

# canned query -> ((its text now, the text it replaced), ...), the actor parameter)
REWRITTEN = {
    "meetings": ([("prov:wasDerivedFrom ?article ; dg:place ?pl .", "prov:wasDerivedFrom ?article ."),
                  ("OPTIONAL { ?pl rdfs:label ?place }", "OPTIONAL { ?meeting dg:place/rdfs:label ?place }")],
                 "actor"),
    "statements": ([("prov:wasDerivedFrom ?article ; dg:certainty ?c .", "prov:wasDerivedFrom ?article ."),
                    ("OPTIONAL { ?c rdfs:label ?certainty }", "OPTIONAL { ?statement dg:certainty/rdfs:label ?certainty }")],
                   "speaker"),
    # a path of `*` between two bound ends, as zero steps or one or more
    "threats": ([("EXISTS { ?event dg:target ?t . FILTER (?t = ?target || EXISTS { ?t (dg:represents|dg:ledBy|dg:member|dg:country)+ ?target }) }",
                  "EXISTS { ?event dg:target/(dg:represents|dg:ledBy|dg:member|dg:country)* ?target }")], "target"),
    "military-actions": ([("EXISTS { ?event dg:target ?t . FILTER (?t = ?target || EXISTS { ?t (dg:represents|dg:ledBy|dg:member|dg:country)+ ?target }) }",
                           "EXISTS { ?event dg:target/(dg:represents|dg:ledBy|dg:member|dg:country)* ?target }")], "target"),
    "agreements": ([("EXISTS { ?agreement dg:party ?y . FILTER (?y = ?party || EXISTS { ?y (dg:represents|dg:country)+ ?party }) }",
                     "EXISTS { ?agreement dg:party/(dg:represents|dg:country)* ?party }")], "party"),
}


def _former(name: str) -> str:
    text = queries.get(name).text
    for now, before in REWRITTEN[name][0]:
        assert text.count(now) == 1, f"{name}.rq changed: update this test"
        text = text.replace(now, before)
    return text


@pytest.mark.parametrize("name", sorted(REWRITTEN))
def test_the_same_rows_as_the_former_text_for_every_actor(embedded: OxigraphStore, name: str) -> None:
    actors = [row[0] for row in embedded.query(
        "PREFIX dg: <https://w3id.org/diplograph/ontology#> SELECT DISTINCT ?a WHERE { ?a a ?c . "
        "?c <http://www.w3.org/2000/01/rdf-schema#subClassOf>* dg:Actor }").rows]
    assert len(actors) > 20
    param, before, rows = REWRITTEN[name][1], _former(name), 0
    for actor in actors:
        now = embedded.query(queries.bind(queries.get(name).text, {param: actor})).rows
        assert now == embedded.query(queries.bind(before, {param: actor})).rows, actor
        rows += len(now)
    assert rows > 3  # the seeds' events, found through their actors


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
