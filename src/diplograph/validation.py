"""SHACL validation of mapped articles, reported at the annotator's lines.

The SHACL engine (pyshacl-turbo by default, pySHACL as the reference) reports
focus nodes and shapes; our users wrote YAML. Each result is traced back through
the source map (node, property) -> (file, line, col) and named by the YAML field
the property comes from. Both engines are given the same triples and return the
same SHACL report graph (the test suite holds them to it, result for result).
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from functools import cache, cached_property
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS
from rdflib.term import Node

from . import resources
from .errors import Diagnostic, UsageError
from .mapping import MappedArticle, field_specs
from .registry import Registry, SourceMap
from .store import from_oxigraph, ntriples_of
from .terms import SH, ntriples_lines, resolve_curie

SEVERITY = {SH.Violation: "error", SH.Warning: "warning", SH.Info: "info"}


@cache
def ontology_graph() -> Graph:
    """The ontology, parsed once per process (never follows owl:imports)."""
    return Graph().parse(data=resources.read_text("ontology", "diplograph.ttl"), format="turtle")


@cache
def _shapes_triples() -> tuple[Any, ...]:
    """shapes.ttl as pyoxigraph triples, parsed once per process (a fiftieth of rdflib's time).

    shapes_graph() and the SPARQL constraints are both read from these."""
    import pyoxigraph as ox

    return tuple(ox.parse(resources.read_text("ontology", "shapes.ttl"), format=ox.RdfFormat.TURTLE))


@cache
def shapes_graph() -> Graph:
    """The shapes as an rdflib graph: messages, paths and owners of the shapes a result names.

    One graph per process, shared: copy it before giving it to anything that writes (pySHACL)."""
    g = Graph()
    for t in _shapes_triples():  # plain literals plain, as rdflib's Turtle parser gives them
        g.add((from_oxigraph(t.subject), from_oxigraph(t.predicate), from_oxigraph(t.object)))  # type: ignore[arg-type]
    return g


@dataclass(frozen=True)
class SparqlConstraint:
    """One sh:sparql constraint of shapes.ttl, ready to run once over a whole data graph."""

    shape: URIRef
    node: Node
    target_class: URIRef
    query: str
    message: str
    severity: URIRef


def core_shapes() -> Graph:
    """shapes.ttl without its SPARQL constraints: what pySHACL runs (they run set at a time, below).

    A new graph at each call: pySHACL adds triples to the shapes graph it is given."""
    core = Graph()
    for triple in shapes_graph():
        if triple[1] != SH.sparql:
            core.add(triple)
    return core


@cache
def sparql_constraints() -> tuple[SparqlConstraint, ...]:
    """The sh:sparql constraints of shapes.ttl, each to run once over a whole data graph.

    pySHACL runs a SPARQL constraint once per focus node, and rdflib does not push the
    pre-bound $this into the query, so each run scans the graph: quadratic (20 articles
    took a minute). Every SPARQL constraint in shapes.ttl binds $this in a triple
    pattern of its top-level group, so one run with $this free, kept to the shape's
    targets, gives the same results.
    """
    # Read from pyoxigraph's triples, not shapes_graph(): a file that conforms then never
    # needs the rdflib graph of the shapes (~20 ms of a one-file `validate`).
    described: dict[Any, dict[str, list[Any]]] = {}
    for t in _shapes_triples():
        described.setdefault(t.subject, {}).setdefault(t.predicate.value, []).append(t.object)

    def value(node: Any, prop: URIRef) -> Any:
        return next(iter(described.get(node, {}).get(str(prop), [])), None)

    prefixes = "".join(f"PREFIX {value(d, SH.prefix).value}: <{value(d, SH.namespace).value}>\n"
                       for props in described.values() for d in props.get(str(SH.declare), []))
    found = []
    for shape, props in described.items():
        for node in props.get(str(SH.sparql), []):
            select = value(node, SH.select).value.replace("$this", "?this")
            message = value(node, SH.message) or value(shape, SH.message)
            severity = value(shape, SH.severity)
            found.append(SparqlConstraint(
                from_oxigraph(shape), from_oxigraph(node), from_oxigraph(value(shape, SH.targetClass)),  # type: ignore[arg-type]
                prefixes + select, message.value if message else "constraint not met",
                from_oxigraph(severity) if severity else SH.Violation))  # type: ignore[arg-type]
    return tuple(sorted(found, key=lambda c: (str(c.shape), c.query)))


def _run_sparql_constraints(ntriples: str, report: Graph, focus: set[str] | None = None) -> None:
    """Add the results of every SPARQL constraint to ``report``, set at a time.

    The queries run on an in-memory Oxigraph copy of the data, loaded from ``ntriples``
    (the same triples the SHACL engine saw, already as text): rdflib's SPARQL engine joins
    these patterns badly enough to take minutes at a thousand articles.
    """
    import pyoxigraph as ox

    root = report.value(predicate=RDF.type, object=SH.ValidationReport)
    engine = ox.Store()
    # One load of the whole text (a load per article cost a tenth of a millisecond an article);
    # lenient (~30 % quicker): text written by pyoxigraph, whose terms were checked as made.
    engine.load(ntriples, format=ox.RdfFormat.N_TRIPLES, lenient=True)
    for c in sparql_constraints():
        # focus -> its first solution (SHACL 5.3.2: ?path gives sh:resultPath, ?value sh:value, and
        # {?var} in the message the variable's value)
        found: dict[str, dict[str, Any]] = {}
        answer = engine.query(c.query)
        names = [v.value for v in answer.variables]
        for row in answer:
            if isinstance(row["this"], ox.NamedNode) and row["this"].value not in found:
                found[row["this"].value] = {n: row[n] for n in names if row[n] is not None}
        if focus is not None:
            found = {iri: bound for iri, bound in found.items() if iri in focus}
        if not found:  # the usual case: no target is asked for (listing them all was 0.2 ms an article)
            continue
        values = " ".join(f"<{iri}>" for iri in found)
        targets = {row["this"].value for row in engine.query(
            f"SELECT DISTINCT ?this WHERE {{ VALUES ?this {{ {values} }} ?this a/<{RDFS.subClassOf}>* <{c.target_class}> }}")}
        for iri in sorted(found.keys() & targets):
            node, bound = URIRef(iri), found[iri]
            message = re.sub(r"\{[?$](\w+)\}", lambda m: bound[m[1]].value if m[1] in bound else m[0], c.message)
            result = BNode()
            report.add((root, SH.result, result))
            for p, o in ((RDF.type, SH.ValidationResult), (SH.focusNode, node),
                         (SH.value, from_oxigraph(bound["value"]) if "value" in bound else node),
                         (SH.resultMessage, Literal(message)), (SH.resultSeverity, c.severity),
                         (SH.sourceConstraintComponent, SH.SPARQLConstraintComponent),
                         (SH.sourceShape, c.shape), (SH.sourceConstraint, c.node)):
                report.add((result, p, o))
            if isinstance(bound.get("path"), ox.NamedNode):
                report.add((result, SH.resultPath, URIRef(bound["path"].value)))
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


ENGINES = ("turbo", "pyshacl")
DEFAULT_ENGINE = "turbo"


def check_engine(engine: str) -> None:
    """Raise UsageError unless ``engine`` names a SHACL engine (checked before any work starts)."""
    if engine not in ENGINES:
        raise UsageError(f"unknown SHACL engine {engine!r}; use {' or '.join(ENGINES)}")


def shacl_validate(articles: Iterable[MappedArticle], registry: Registry, *, registry_nodes: bool = True,
                   engine: str = DEFAULT_ENGINE) -> Report:
    """Validate the articles' graphs together with the registry against shapes.ttl.

    With ``registry_nodes=False`` only the articles' own nodes are focus nodes: checking a
    corpus in chunks validates the registry once, not once per chunk, and gives the engines
    only what the shapes read of the other nodes, for sh:class (the types of the registry nodes
    the articles refer to, the ontology's classes): ~8k triples for 50 articles, not ~10k
    (17 % of the engines' time; tests/test_validation.py checks the results are the same).

    ``engine`` runs the SHACL-core shapes: ``turbo`` (pyshacl-turbo, Rust, the default: ~1.4 ms
    an article in chunks of 50, no rdflib graph of the data built) or ``pyshacl`` (the
    reference, ~20 ms an article; the test suite checks the two report the same results).
    The SPARQL constraints run on Oxigraph either way.
    """
    check_engine(engine)
    articles = list(articles)
    focus = {s for m in articles for s in m.subject_iris()}
    if not registry_nodes and not focus:
        return Report()
    # The articles' own nodes alone: the registry nodes they refer to are read by sh:class
    # only (their types), unless an article makes one a subject, a focus node (its description).
    registry_text = registry.ntriples() if registry_nodes else registry.describe(focus) + registry.types(
        {o for m in articles for o in m.object_iris()} - focus)
    # The same for the ontology's nodes: what the shapes read of them, unless they are focus nodes.
    classes, subjects = _class_ntriples()
    ontology = classes if not registry_nodes and not focus & subjects else ontology_ntriples()
    data = "".join([ontology, registry_text, *(m.serialized() for m in articles)])
    only = None if registry_nodes else focus
    if engine == "turbo":
        report = _turbo_report(data, only)
    else:
        report = _pyshacl_report(registry_text, articles, only)
    _run_sparql_constraints(data, report, only)
    sources: SourceMap = dict(registry.sources)
    for m in articles:
        sources.update(m.sources)
    return Report(diagnostics_from_report(report, sources), report)


@cache
def ontology_ntriples() -> str:
    """The ontology as N-Triples, written once per process by pyoxigraph (every chunk loads it;
    rdflib's parser takes a tenth of a second, a third of a one-file `validate`)."""
    import pyoxigraph as ox

    triples = ox.parse(resources.read_text("ontology", "diplograph.ttl"), format=ox.RdfFormat.TURTLE)
    return ox.serialize(triples, format=ox.RdfFormat.N_TRIPLES).decode()


@cache
def _class_ntriples() -> tuple[str, frozenset[str]]:
    """What the shapes read of the ontology's nodes when none of them is a focus node: their
    ``rdf:type`` and ``rdfs:subClassOf`` triples (``sh:class`` and ``sh:targetClass`` follow
    ``rdf:type/rdfs:subClassOf*``; so do the SPARQL constraints' targets), 141 of its 467 triples,
    which the engine parses with every chunk; and the subjects of the ontology, as IRIs."""
    keep = {f"<{RDF.type}>", f"<{RDFS.subClassOf}>"}
    lines = ntriples_lines(ontology_ntriples())
    subjects = frozenset(line.split(" ", 1)[0][1:-1] for line in lines if line.startswith("<"))
    return "".join(f"{line}\n" for line in lines if line.split(" ", 2)[1] in keep), subjects


# -- pySHACL ------------------------------------------------------------------

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


def _pyshacl_report(registry_text: str, articles: list[MappedArticle], focus: set[str] | None) -> Graph:
    """pySHACL's report for the core shapes over ontology + registry (part) + articles."""
    data = Graph()
    # The ontology is merged in by hand so that sh:class sees rdfs:subClassOf and the
    # typed individuals (dg:Day, dg:UnknownPlace...); pySHACL's ont_graph would copy it again.
    for triple in ontology_graph():
        data.add(triple)
    data.parse(data=registry_text, format="nt")
    for m in articles:
        for triple in m.graph:
            data.add(triple)
    try:
        from pyshacl.graph_abstraction import DataGraph  # pySHACL >= 0.40 wraps the data graph
        wrapped: Any = DataGraph.from_rdflib(data)
    except ImportError:  # pragma: no cover - older pySHACL takes the rdflib graph itself
        wrapped = data
    options = {"inference": "none", "abort_on_first": False, "allow_warnings": True, "allow_infos": True,
               "inplace": True, "focus_nodes": None if focus is None else [URIRef(f) for f in focus]}
    _, report, _ = _validator_class()(wrapped, shacl_graph=core_shapes(), options=options).run()
    return report


# -- pyshacl-turbo -----------------------------------------------------------------

@cache
def _turbo_shapes() -> Any:
    """The core shapes compiled once per process by pyshacl-turbo (from shapes_graph()'s own
    blank nodes, so a result names the property shape pySHACL's would)."""
    import pyshacl_turbo

    return pyshacl_turbo.compile_shapes(core_shapes())


def _turbo_report(ntriples: str, focus: set[str] | None) -> Graph:
    """pyshacl-turbo's report for the core shapes over the N-Triples ``ntriples``.

    The text goes to its native parser as it is (an ``Input``): handed a string or bytes,
    the package parses them with rdflib first, six times slower than its validation."""
    import pyshacl_turbo

    # Focus IRIs are read as CURIEs where their scheme is a known prefix: each scheme is
    # mapped to itself, so every IRI stays as it is.
    schemes = {iri.partition(":")[0] for iri in focus or ()}
    data = pyshacl_turbo.rdf.Input(ntriples, "nt", None, {}, {s: f"{s}:" for s in schemes})
    _, report, _ = _turbo_shapes().validate(data, allow_warnings=True, allow_infos=True,
                                            focus_nodes=None if focus is None else sorted(focus))
    return report


class MergedReport(Report):
    """A Report whose SHACL graph is merged from the N-Triples reports of its parts only when
    asked for (``validate --format turtle``): at 10k articles the merge costs a second that
    no other output needs."""

    def __init__(self, diagnostics: list[Diagnostic], parts: list[str]) -> None:  # noqa: D107
        self.diagnostics = diagnostics
        self._parts = parts

    @cached_property
    def shacl_report(self) -> Graph | None:  # type: ignore[override]
        return merge_reports(self._parts)


# The report of graphs that conform: stands for the articles taken from the check cache.
CONFORMING_REPORT = ntriples_of([(BNode("r"), RDF.type, SH.ValidationReport), (BNode("r"), SH.conforms, Literal(True))])


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
