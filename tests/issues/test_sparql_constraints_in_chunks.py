"""Regression: in chunk mode (focus restricted to the articles' nodes), a result of one SPARQL
constraint made the next constraints miss their targets: the loop variable shadowed the focus set,
so `s in focus` became a substring test on one IRI."""

from __future__ import annotations


from rdflib import Literal, URIRef
from rdflib.namespace import XSD

from diplograph.mapping import map_annotation
from diplograph.registry import load_registry
from diplograph.terms import DG, OA, event_iri
from diplograph.validation import shacl_validate

from ..conftest import SEED_ID, SEEDS


def test_two_sparql_constraints_fire_in_one_chunk() -> None:
    reg = load_registry(SEEDS / "registry.yaml")
    m = map_annotation(SEEDS / f"{SEED_ID}.yaml", reg)
    ev = event_iri(SEED_ID, "baku-talks")
    m.graph.set((ev, DG.earliestDate, Literal("2025-04-10", datatype=XSD.date)))  # EventDateRangeShape
    m.graph.set((ev, DG.latestDate, Literal("2025-04-01", datatype=XSD.date)))
    m.graph.set((URIRef(f"{ev}/evidence/1/position"), OA.start,  # EvidenceMatchesTextShape
                 Literal(372, datatype=XSD.integer)))
    shapes = {d.source_shape.rsplit("#", 1)[-1] for d in shacl_validate([m], reg, registry_nodes=False).diagnostics
              if d.source_shape}
    assert {"EventDateRangeShape", "EvidenceMatchesTextShape"} <= shapes
