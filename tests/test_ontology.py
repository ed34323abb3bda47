"""The ontology is well formed, documented, aligned with SEM/PROV-O/Web Annotation, and generic tools can read the data."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.namespace import OWL, RDF, RDFS

from diplograph.terms import DG, SEM
from diplograph.validation import ontology_graph

from .conftest import ROOT

EVENT_TYPES = ["Meeting", "Statement", "RedLine", "Threat", "MediationOffer", "MediationRequest",
               "Agreement", "MilitaryAction", "StatedIntention"]


def terms(g: Graph) -> set:
    kinds = (OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty)
    return {s for k in kinds for s in g.subjects(RDF.type, k) if str(s).startswith(str(DG))}


def test_every_term_has_label_and_comment() -> None:
    g = ontology_graph()
    missing = [t for t in terms(g) if g.value(t, RDFS.label) is None or g.value(t, RDFS.comment) is None]
    assert len(terms(g)) > 60
    assert missing == []


def test_a_date_precision_is_named_by_its_label() -> None:
    """The queries give a date's precision as its IRI's local name in lower case (``dg:Day`` ->
    "day"): one triple pattern where the label's lookup made Oxigraph join every event."""
    g = ontology_graph()
    precisions = set(g.subjects(RDF.type, DG.DatePrecision))
    assert {str(p).split("#")[1].lower(): str(g.value(p, RDFS.label)) for p in precisions} == {
        "day": "day", "week": "week", "month": "month", "year": "year", "range": "range"}
    users = [q for q in (ROOT / "queries").glob("*.rq") if "?precision" in q.read_text()]
    assert len(users) == 14 and all('BIND (LCASE(STRAFTER(STR(?pr), "#")) AS ?precision)' in q.read_text()
                                    for q in users if q.stem != "events-table")


def test_has_version_iri_and_imports_nothing() -> None:
    g = ontology_graph()
    onto = next(g.subjects(RDF.type, OWL.Ontology))
    assert g.value(onto, OWL.versionIRI) is not None
    assert list(g.objects(onto, OWL.imports)) == []


@pytest.mark.parametrize("name", EVENT_TYPES)
def test_event_classes_are_sem_events_with_cameo_mapping(name: str) -> None:
    g = ontology_graph()
    ask = g.query(f"ASK {{ <{DG[name]}> rdfs:subClassOf+ <{SEM.Event}> }}")
    assert ask.askAnswer
    notations = {str(n) for n in g.query(
        f"SELECT ?n WHERE {{ <{DG[name]}> skos:closeMatch ?c . ?c skos:inScheme dg:CAMEO ; skos:notation ?n }}",
        initNs={"skos": "http://www.w3.org/2004/02/skos/core#", "dg": str(DG)})}
    assert notations, f"{name} has no CAMEO mapping"


def test_actor_place_time_properties_are_sem_subproperties() -> None:
    g = ontology_graph()
    for prop in ("participant", "speaker", "holder", "mediator", "party", "initiator", "target"):
        assert (DG[prop], RDFS.subPropertyOf, SEM.hasActor) in g
    assert (DG.place, RDFS.subPropertyOf, SEM.hasPlace) in g
    assert (DG.date, RDFS.subPropertyOf, SEM.hasTimeStamp) in g


GENERIC = """
PREFIX sem: <http://semanticweb.cs.vu.nl/2009/11/sem/>
PREFIX prov: <http://www.w3.org/ns/prov#>
PREFIX oa: <http://www.w3.org/ns/oa#>
PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>
SELECT ?event (COUNT(DISTINCT ?actor) AS ?actors) (SAMPLE(?place) AS ?where) (SAMPLE(?time) AS ?when) (SAMPLE(?exact) AS ?quote) (SAMPLE(?article) AS ?source)
WHERE {
  ?event a/rdfs:subClassOf* sem:Event .
  ?event prov:wasDerivedFrom ?article .
  OPTIONAL { ?event ?ap ?actor . ?ap rdfs:subPropertyOf* sem:hasActor }
  OPTIONAL { ?event ?pp ?place . ?pp rdfs:subPropertyOf* sem:hasPlace }
  OPTIONAL { ?event ?tp ?time . ?tp rdfs:subPropertyOf* sem:hasTimeStamp }
  ?ann oa:hasBody ?event ; oa:hasTarget ?t .
  ?t oa:hasSource ?article ; oa:hasSelector ?sel .
  ?sel oa:exact ?exact .
}
GROUP BY ?event
"""


def test_generic_sem_prov_oa_query_finds_every_event(memory) -> None:
    """A tool that knows only SEM, PROV-O and Web Annotation finds every event, actor, place, time and quote."""
    rows = memory.query(GENERIC).rows
    events = memory.query("PREFIX dg: <https://w3id.org/diplograph/ontology#> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#> "
                          "SELECT ?e WHERE { ?e a ?c . ?c rdfs:subClassOf dg:Event }").rows
    assert len(rows) == len(events) >= 17
    for event, n_actors, place, when, quote, source in rows:
        assert int(n_actors) >= 1, event
        assert place is not None and when is not None and quote is not None and source is not None, event


def test_readme_html_documentation_command(tmp_path: Path) -> None:
    """The README's pyLODE command writes HTML that documents every class and property by label."""
    import re
    import shlex
    import subprocess

    readme = (ROOT / "README.md").read_text()
    command = re.search(r"`pip install -e '\.\[docs\]' && (pylode [^`]+)`", readme).group(1)  # type: ignore[union-attr]
    argv = [a.replace("docs/ontology.html", str(tmp_path / "ontology.html")) for a in shlex.split(command)]
    res = subprocess.run(argv, cwd=ROOT, capture_output=True, text=True, timeout=300)
    assert res.returncode == 0, res.stderr
    html = (tmp_path / "ontology.html").read_text()
    g = ontology_graph()
    labels = {str(o) for s in terms(g) for o in g.objects(s, RDFS.label)}
    missing = sorted(label for label in labels if label not in html)
    assert not missing and len(labels) > 50
