"""Every seed annotation conforms, and every evidence quote is verbatim in its article at its offsets."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib.namespace import RDF

from diplograph.articles import read_article
from diplograph.build import validate_paths
from diplograph.mapping import map_annotation
from diplograph.registry import load_registry
from diplograph.terms import DG, OA

from .conftest import SEEDS

ANNOTATIONS = sorted(p for p in SEEDS.glob("*.yaml") if p.name != "registry.yaml")


def test_corpus_size() -> None:
    """The seed article plus at least eight articles written for the project."""
    assert len(ANNOTATIONS) >= 9
    origins = [read_article(p.with_suffix(".txt")).origin for p in ANNOTATIONS]
    assert origins.count("external") == 1
    assert origins.count("diplograph") >= 8


@pytest.mark.parametrize("path", ANNOTATIONS, ids=lambda p: p.stem)
def test_annotation_conforms(path: Path) -> None:
    checked = validate_paths([path])
    errors = [str(d) for d in checked.report.diagnostics if d.severity == "error"]
    assert errors == []


@pytest.mark.parametrize("path", ANNOTATIONS, ids=lambda p: p.stem)
def test_every_quote_is_verbatim_at_its_offsets(path: Path) -> None:
    m = map_annotation(path, load_registry(SEEDS / "registry.yaml"))
    body = read_article(path.with_suffix(".txt")).body
    g = m.graph
    selectors = list(g.subjects(RDF.type, OA.TextPositionSelector))
    assert selectors, "no evidence"
    for pos in selectors:
        target = g.value(predicate=OA.hasSelector, object=pos)
        quote = next(q for q in g.objects(target, OA.hasSelector) if (q, RDF.type, OA.TextQuoteSelector) in g)
        start, end = int(g.value(pos, OA.start)), int(g.value(pos, OA.end))
        assert body[start:end] == str(g.value(quote, OA.exact))
        assert body[:start].endswith(str(g.value(quote, OA.prefix)))
        assert body[end:].startswith(str(g.value(quote, OA.suffix)))


@pytest.mark.parametrize("path", ANNOTATIONS, ids=lambda p: p.stem)
def test_every_event_has_evidence(path: Path) -> None:
    m = map_annotation(path, load_registry(SEEDS / "registry.yaml"))
    events = {s for s, _, o in m.graph.triples((None, RDF.type, None)) if str(o).startswith(str(DG))
              and o.split("#")[-1] in {"Meeting", "Statement", "RedLine", "Threat", "MediationOffer", "MediationRequest",
                                       "Agreement", "MilitaryAction", "StatedIntention"}}
    supported = set(m.graph.objects(None, OA.hasBody))
    assert events and events == supported


def test_seed_article_is_the_shared_original() -> None:
    original = (SEEDS.parent.parent / "shared" / "seeds" / "000_1ffc3385377c4747.txt")
    body = read_article(SEEDS / "000_1ffc3385377c4747.txt").body
    if original.exists():
        assert body == original.read_text(encoding="utf-8")
    assert body.startswith("Israel, Turkey hold ‘positive’ talks")
