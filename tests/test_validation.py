"""The two SHACL engines (pyshacl-turbo, the default, and pySHACL, the reference) report the same results.

Every broken example of test_shapes.py, the seeds and a synthetic corpus are validated by
both; their SHACL reports must hold the same results, result for result, and give the same
diagnostics. The default engine is what every other test exercises.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib import BNode, Graph
from rdflib.namespace import RDF, RDFS

from diplograph.build import check, find_annotations
from diplograph.errors import UsageError
from diplograph.mapping import map_annotation
from diplograph.registry import load_registry
from diplograph.terms import SH
from diplograph.validation import ENGINES, shacl_validate, shapes_graph, sparql_constraints

from .test_shapes import ANN, CASES, GRAPH_CASES, REG, Case, _run

FIELDS = (SH.focusNode, SH.resultPath, SH.sourceConstraintComponent, SH.resultSeverity, SH.sourceShape,
          SH.resultMessage, SH.value)


def results(report: Graph | None) -> list[tuple]:
    """Each result of a report as a comparable row: a complex path as its own triples, a property
    shape (a blank node, renamed when chunk reports are merged) as "property shape"; its
    path, component and message say which one it is."""
    rows = []
    for r in report.subjects(RDF.type, SH.ValidationResult) if report is not None else ():
        row = []
        for p in FIELDS:
            o = report.value(r, p)
            if isinstance(o, BNode):
                o = _structure(report, o) if p == SH.resultPath else "property shape"
            row.append(o)
        rows.append(tuple(row))
    return sorted(rows, key=repr)


def _structure(g: Graph, node) -> object:
    """A blank-node path ([ sh:inversePath p ], an RDF list) as nested tuples, names dropped."""
    if not isinstance(node, BNode):
        return node
    return tuple(sorted((p, _structure(g, o)) for p, o in g.predicate_objects(node)))


def both(run) -> dict[str, tuple[list, list]]:
    out = {}
    for engine in ENGINES:
        report = run(engine)
        out[engine] = (results(report.shacl_report), report.diagnostics)
    return out


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_engines_agree_on_every_broken_annotation(corpus: Path, case: Case) -> None:
    _run(corpus, case)  # apply the edit (and check it once with the default engine)
    reg = load_registry(corpus / REG)
    got = both(lambda e: check([corpus / ANN], reg, engine=e).report)
    assert got["turbo"] == got["pyshacl"]
    assert got["turbo"][0], "the edit should produce at least one result"


@pytest.mark.parametrize("shape", sorted(GRAPH_CASES))
def test_engines_agree_on_every_broken_graph(corpus: Path, shape: str) -> None:
    reg = load_registry(corpus / REG)

    def run(engine: str):
        m = map_annotation(corpus / ANN, reg)
        GRAPH_CASES[shape][0](m.graph)
        return shacl_validate([m], reg, engine=engine)

    got = both(run)
    assert got["turbo"] == got["pyshacl"]
    assert any(r[4] is not None for r in got["turbo"][0])


def test_engines_agree_on_a_synthetic_corpus(tmp_path: Path) -> None:
    """300 generated articles (two chunks, so in worker processes) and their registry:
    hundreds of warnings, every event type."""
    from benchmarks.generate import generate

    folder = generate(300, tmp_path / "c", seed=7)
    reg = load_registry(folder / "registry.yaml")
    files = find_annotations([folder])
    got = both(lambda e: check(files, reg, engine=e).report)
    assert got["turbo"] == got["pyshacl"]
    assert len(got["turbo"][0]) > 100


def _chunk(articles: list, reg) -> tuple[list, list]:
    """The results and diagnostics of validating ``articles`` as a chunk of a build is (only their
    own nodes as focus nodes)."""
    report = shacl_validate(articles, reg, registry_nodes=False)
    return results(report.shacl_report), report.diagnostics


def _whole(monkeypatch: pytest.MonkeyPatch) -> None:
    """From now on, a chunk is validated over the whole registry and the whole ontology."""
    from diplograph import validation
    from diplograph.registry import Registry

    monkeypatch.setattr(Registry, "types", lambda self, nodes: self.ntriples())
    monkeypatch.setattr(validation, "_class_ntriples", lambda: (validation.ontology_ntriples(), frozenset()))


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_a_chunk_is_given_what_the_shapes_read(corpus: Path, case: Case, monkeypatch: pytest.MonkeyPatch) -> None:
    """A chunk's data holds the types of the registry nodes it refers to and the ontology's classes,
    not their descriptions (validation.shacl_validate): over the whole registry and the whole
    ontology, the same results, for every broken annotation."""
    _run(corpus, case)
    reg = load_registry(corpus / REG)
    trimmed = _chunk([map_annotation(corpus / ANN, reg)], reg)
    _whole(monkeypatch)
    assert trimmed == _chunk([map_annotation(corpus / ANN, reg)], reg)
    assert trimmed[0], "the edit should produce at least one result"


@pytest.mark.parametrize("shape", sorted(GRAPH_CASES))
def test_a_chunk_is_given_what_the_shapes_read_of_a_broken_graph(corpus: Path, shape: str,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """The same for every broken graph: some make registry nodes the subjects of an article's
    triples, focus nodes given their whole description."""
    reg = load_registry(corpus / REG)

    def run() -> tuple[list, list]:
        m = map_annotation(corpus / ANN, reg)
        GRAPH_CASES[shape][0](m.graph)
        return _chunk([m], reg)

    trimmed = run()
    _whole(monkeypatch)
    assert trimmed == run()
    assert trimmed[0]


def test_a_chunk_is_given_what_the_shapes_read_of_a_synthetic_corpus(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    """And for 300 generated articles in chunks of 50, and for the seeds."""
    from benchmarks.generate import generate

    folder = generate(300, tmp_path / "c", seed=7)
    for where in (folder, Path(__file__).parent.parent / "seeds"):
        reg = load_registry(where / "registry.yaml")
        mapped = [map_annotation(f, reg) for f in find_annotations([where])]
        chunks = [mapped[i:i + 50] for i in range(0, len(mapped), 50)]
        with monkeypatch.context() as patched:
            trimmed = [_chunk(c, reg) for c in chunks]
            _whole(patched)
            assert trimmed == [_chunk(c, reg) for c in chunks]
        assert sum(len(r) for r, _ in trimmed) > (10 if where == folder else 0)


def test_every_shape_has_a_message() -> None:
    """Messages come from shapes.ttl whatever the engine: every shape with a constraint of its own
    (each property shape, a node shape's sh:or, each SPARQL constraint) has one."""
    g = shapes_graph()
    structural = {RDF.type, RDFS.comment, SH.targetClass, SH.property, SH.sparql, SH.severity, SH.message}
    shapes = set(g.objects(None, SH.property)) | set(g.objects(None, SH.sparql)) | {
        s for s in g.subjects(RDF.type, SH.NodeShape) if set(g.predicates(s)) - structural}
    assert len(shapes) > 70
    assert [s for s in shapes if g.value(s, SH.message) is None] == []


def test_unknown_engine_is_a_usage_error(corpus: Path) -> None:
    with pytest.raises(UsageError, match="unknown SHACL engine 'jena'; use turbo or pyshacl"):
        check([corpus / ANN], load_registry(corpus / REG), engine="jena")


def test_shapes_graph_is_shapes_ttl_as_rdflib_reads_it() -> None:
    """The shapes are parsed by pyoxigraph (fast); the graph must be the one rdflib's own Turtle
    parser gives, plain literals plain, so messages and paths compare equal."""
    from rdflib.compare import isomorphic

    from diplograph import resources

    expected = Graph().parse(data=resources.read_text("ontology", "shapes.ttl"), format="turtle")
    assert isomorphic(shapes_graph(), expected)


def test_sparql_constraints_are_the_ones_rdflib_reads() -> None:
    """The SPARQL constraints are read from pyoxigraph's triples (so a conforming file never builds
    the rdflib shapes graph); each must carry the shape, target, query, message and severity that
    rdflib's parse of shapes.ttl gives."""
    from diplograph import resources

    g = Graph().parse(data=resources.read_text("ontology", "shapes.ttl"), format="turtle")
    prefixes = {str(g.value(d, SH.prefix)): str(g.value(d, SH.namespace)) for d in g.objects(None, SH.declare)}
    expected = sorted(
        (str(shape), str(g.value(shape, SH.targetClass)), str(g.value(node, SH.select)).replace("$this", "?this"),
         str(g.value(node, SH.message) or g.value(shape, SH.message)), g.value(shape, SH.severity) or SH.Violation)
        for shape, node in g.subject_objects(SH.sparql))
    found = sparql_constraints()
    assert len(found) == len(expected) >= 3
    for c, (shape, target, select, message, severity) in zip(found, expected):
        assert (str(c.shape), str(c.target_class), c.message, c.severity) == (shape, target, message, severity)
        assert c.query.endswith(select)
        # every declared prefix heads every query
        assert all(f"PREFIX {p}: <{ns}>" in c.query for p, ns in prefixes.items())
