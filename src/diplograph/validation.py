"""SHACL validation of mapped articles, reported at the annotator's lines.

pySHACL reports focus nodes and blank nodes; our users wrote YAML. Each result
is traced back through the source map (node, property) -> (file, line, col)
and named by the YAML field the property comes from.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS
from rdflib.term import Node

from . import resources
from .errors import Diagnostic
from .mapping import MappedArticle, field_specs
from .registry import Registry, SourceMap
from .terms import SH, resolve_curie

SEVERITY = {SH.Violation: "error", SH.Warning: "warning", SH.Info: "info"}


@cache
def ontology_graph() -> Graph:
    """The ontology, parsed once per process (never follows owl:imports)."""
    return Graph().parse(data=resources.read_text("ontology", "diplograph.ttl"), format="turtle")


@cache
def shapes_graph() -> Graph:
    return Graph().parse(data=resources.read_text("ontology", "shapes.ttl"), format="turtle")


@dataclass(frozen=True)
class SparqlConstraint:
    """One sh:sparql constraint of shapes.ttl, ready to run once over a whole data graph."""

    shape: URIRef
    node: Node
    target_class: URIRef
    query: str
    message: str
    severity: URIRef


@cache
def split_shapes() -> tuple[Graph, tuple[SparqlConstraint, ...]]:
    """shapes.ttl as (the SHACL-core shapes for pySHACL, the SPARQL constraints).

    pySHACL runs a SPARQL constraint once per focus node, and rdflib does not push the
    pre-bound $this into the query, so each run scans the graph: quadratic (20 articles
    took a minute). Every SPARQL constraint in shapes.ttl binds $this in a triple
    pattern of its top-level group, so one run with $this free, kept to the shape's
    targets, gives the same results.
    """
    full = shapes_graph()
    core = Graph()
    for triple in full:
        if triple[1] != SH.sparql:
            core.add(triple)
    prefixes = "".join(f"PREFIX {full.value(d, SH.prefix)}: <{full.value(d, SH.namespace)}>\n"
                       for d in full.objects(None, SH.declare))
    found = []
    for shape, node in full.subject_objects(SH.sparql):
        select = str(full.value(node, SH.select)).replace("$this", "?this")
        found.append(SparqlConstraint(
            shape, node, full.value(shape, SH.targetClass), prefixes + select,
            str(full.value(node, SH.message) or full.value(shape, SH.message) or "constraint not met"),
            full.value(shape, SH.severity) or SH.Violation))
    return core, tuple(sorted(found, key=lambda c: str(c.shape)))


def _run_sparql_constraints(data: Graph, ntriples: list[str], report: Graph, focus: set[Node] | None = None) -> None:
    """Add the results of every SPARQL constraint to pySHACL's ``report``, set at a time.

    The queries run on an in-memory Oxigraph copy of ``data``, loaded from ``ntriples`` (the
    same triples, already as text): rdflib's SPARQL engine joins these patterns badly enough
    to take minutes at a thousand articles.
    """
    import pyoxigraph as ox

    root = report.value(predicate=RDF.type, object=SH.ValidationReport)
    engine = ox.Store()
    for text in ntriples:
        engine.load(text, format=ox.RdfFormat.N_TRIPLES)
    for c in split_shapes()[1]:
        targets = {s for cls in data.transitive_subjects(RDFS.subClassOf, c.target_class)
                   for s in data.subjects(RDF.type, cls) if focus is None or s in focus}
        found = {URIRef(row["this"].value) if isinstance(row["this"], ox.NamedNode) else BNode(row["this"].value)
                 for row in engine.query(c.query)}
        for node in sorted(found & targets):
            result = BNode()
            report.add((root, SH.result, result))
            for p, o in ((RDF.type, SH.ValidationResult), (SH.focusNode, node), (SH.value, node),
                         (SH.resultMessage, Literal(c.message)), (SH.resultSeverity, c.severity),
                         (SH.sourceConstraintComponent, SH.SPARQLConstraintComponent),
                         (SH.sourceShape, c.shape), (SH.sourceConstraint, c.node)):
                report.add((result, p, o))
            if c.severity == SH.Violation:
                report.set((root, SH.conforms, Literal(False)))


@cache
def _field_names() -> dict[str, str]:
    """RDF property IRI -> YAML field name, for messages."""
    names: dict[str, str] = {}
    for spec in field_specs().values():
        for yaml_field, x in spec.items():
            names.setdefault(str(resolve_curie(x["property"])), yaml_field)
    return names


@dataclass
class Report:
    """Diagnostics of a validation run plus the raw SHACL report graph."""

    diagnostics: list[Diagnostic] = field(default_factory=list)
    shacl_report: Graph | None = None

    @property
    def conforms(self) -> bool:
        return not any(d.severity == "error" for d in self.diagnostics)

    def failed(self, strict: bool = False) -> bool:
        bad = ("error", "warning") if strict else ("error",)
        return any(d.severity in bad for d in self.diagnostics)


def _locate(sources: SourceMap, focus: str, prop: str | None) -> tuple[str, int, int] | None:
    """Find where a node (or the nearest enclosing node) was written."""
    node = focus
    while True:
        if prop and (node, prop) in sources:
            return sources[(node, prop)]
        if (node, None) in sources:
            return sources[(node, None)]
        if "/" not in node.split("://", 1)[-1]:
            return None
        node = node.rsplit("/", 1)[0]


@cache
def _validator_class() -> type:
    """pySHACL's Validator, with the focus-node filter as a set.

    pySHACL keeps ``focus_nodes`` as a list and tests membership per target node:
    quadratic for a chunk of 60k nodes (nine minutes at 10k articles). Same results.
    """
    import pyshacl

    class Validator(pyshacl.Validator):  # type: ignore[misc]
        def make_executor(self):  # type: ignore[no-untyped-def]
            executor = super().make_executor()
            if executor.focus_nodes:
                executor.focus_nodes = frozenset(executor.focus_nodes)
            return executor

    return Validator


def _data_graph(graph: Graph) -> Any:
    """The data graph as pySHACL's Validator takes it (wrapped since pySHACL 0.40)."""
    try:
        from pyshacl.graph_abstraction import DataGraph
    except ImportError:  # pragma: no cover - older pySHACL takes the rdflib graph itself
        return graph
    return DataGraph.from_rdflib(graph)


def shacl_validate(articles: Iterable[MappedArticle], registry: Registry, *, registry_nodes: bool = True) -> Report:
    """Validate the articles' graphs together with the registry against shapes.ttl.

    With ``registry_nodes=False`` only the articles' own nodes are focus nodes (the
    registry and ontology are still there for sh:class): checking a corpus in chunks
    validates the registry once, not once per chunk.
    """
    articles = list(articles)
    data = Graph()
    sources: SourceMap = dict(registry.sources)
    # The ontology is merged in by hand so that sh:class sees rdfs:subClassOf and the
    # typed individuals (dg:Day, dg:UnknownPlace...); pySHACL's ont_graph would copy it again.
    for triple in ontology_graph():
        data.add(triple)
    registry_part = registry.graph if registry_nodes else _referenced(registry.graph, articles)
    for triple in registry_part:
        data.add(triple)
    focus: set[Node] = set()
    for m in articles:
        for triple in m.graph:
            data.add(triple)
        focus.update(m.graph.subjects())
        sources.update(m.sources)
    if not registry_nodes and not focus:
        return Report()
    options = {"inference": "none", "abort_on_first": False, "allow_warnings": True, "allow_infos": True,
               "inplace": True, "focus_nodes": None if registry_nodes else list(focus)}
    _, report, _ = _validator_class()(_data_graph(data), shacl_graph=split_shapes()[0], options=options).run()
    texts = [_ontology_ntriples(), registry_part.serialize(format="nt", encoding="utf-8").decode(),
             *(m.serialized() for m in articles)]
    _run_sparql_constraints(data, texts, report, None if registry_nodes else focus)
    return Report(diagnostics_from_report(report, sources), report)


def _referenced(registry: Graph, articles: list[MappedArticle], hops: int = 2) -> Graph:
    """The part of the registry that the articles' shapes can see: the description of every
    registry node an article refers to, and of the nodes those refer to (a person's positions,
    a place's country). Checking articles in chunks, the registry's own nodes are not
    focus nodes and no shape path leaves the article but through one such reference, so this
    is all that sh:class needs; at 10k articles the whole registry is ~17k triples a chunk."""
    part = Graph()
    frontier = {o for m in articles for o in m.graph.objects() if isinstance(o, URIRef)}
    seen: set[Node] = set()
    for _ in range(hops):
        nxt: set[Node] = set()
        for node in frontier - seen:
            seen.add(node)
            for triple in registry.triples((node, None, None)):
                part.add(triple)
                if isinstance(triple[2], URIRef):
                    nxt.add(triple[2])
        frontier = nxt
    return part


@cache
def _ontology_ntriples() -> str:
    """The ontology as N-Triples, written once per process (every chunk loads it)."""
    return ontology_graph().serialize(format="nt", encoding="utf-8").decode()


def merge_reports(reports: list[str]) -> Graph | None:
    """One SHACL validation report from the reports (as N-Triples) of several chunks."""
    reports = [r for r in reports if r]
    if len(reports) <= 1:
        return Graph().parse(data=reports[0], format="nt") if reports else None
    merged = Graph()
    root = BNode()
    merged.add((root, RDF.type, SH.ValidationReport))
    conforms = True
    for text in reports:
        part = Graph().parse(data=text, format="nt")
        part_root = part.value(predicate=RDF.type, object=SH.ValidationReport)
        conforms &= part.value(part_root, SH.conforms) != Literal(False)
        for s, p, o in part:
            if s != part_root:
                merged.add((s, p, o))
            elif p == SH.result:
                merged.add((root, p, o))
    merged.add((root, SH.conforms, Literal(conforms)))
    return merged


def diagnostics_from_report(report: Graph, sources: SourceMap) -> list[Diagnostic]:
    out: list[Diagnostic] = []
    names = _field_names()
    for result in report.subjects(RDF.type, SH.ValidationResult):
        focus = str(report.value(result, SH.focusNode))
        path = report.value(result, SH.resultPath)
        prop = str(path) if isinstance(path, URIRef) else None
        field_name = names.get(prop, prop.rsplit("#", 1)[-1].rsplit("/", 1)[-1] if prop else None) if prop else None
        if isinstance(path, BNode):  # our only complex paths (inverse oa:hasBody, oa:hasTarget/...) are evidence
            field_name = "evidence"
        message = str(report.value(result, SH.resultMessage) or "constraint not met")
        severity = SEVERITY.get(report.value(result, SH.resultSeverity), "error")
        shape = report.value(result, SH.sourceShape)
        if isinstance(shape, BNode):  # a property shape: name the node shape that owns it
            shape = shapes_graph().value(predicate=SH.property, object=shape)
        where = _locate(sources, focus, prop)
        file, line, col = where if where else ("<graph>", 0, 0)
        if not where:
            message = f"{message} (on {focus})"
        out.append(Diagnostic(file, line, col, severity, message, field_name, focus,
                              str(shape) if isinstance(shape, URIRef) else None))
    return sorted(set(out))
