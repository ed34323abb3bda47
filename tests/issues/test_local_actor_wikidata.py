"""Regression: `wikidata:` on an actor local to an article passed the schema but was dropped by the mapping."""

from __future__ import annotations

from pathlib import Path

from rdflib import URIRef
from rdflib.namespace import SKOS

from diplograph.mapping import map_annotation
from diplograph.registry import load_registry
from diplograph.terms import local_actor_iri

from ..conftest import SEED_ID
from ..test_validate import _break


def test_local_actor_wikidata_becomes_skos_exact_match(corpus: Path) -> None:
    path = _break(corpus, "    represents: TUR\n", "    represents: TUR\n    wikidata: Q43\n")
    m = map_annotation(path, load_registry(corpus / "registry.yaml"))
    assert m.diagnostics == []
    actor = local_actor_iri(SEED_ID, "turkish-officials")
    assert list(m.graph.objects(actor, SKOS.exactMatch)) == [URIRef("http://www.wikidata.org/entity/Q43")]
