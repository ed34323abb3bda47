"""Annotations written as RDF: Turtle (``.ttl``) or JSON-LD (``.jsonld``).

People with RDF tools can state an article's events directly in the ontology's
terms, or edit what ``diplograph export --graph ARTICLE`` wrote. This module
reads such a file into the same document a YAML annotation gives (ids, fields,
evidence quotes), with the line of every triple, so everything downstream
(schema, mapping, SHACL, error lines) is one code path for all formats.

What the tool computes itself (offsets, quote prefixes/suffixes, date precision,
the article's description, provenance links) is ignored on input and computed
again. Anything else that diplograph does not read is reported, never dropped
in silence: a user must not believe a triple is in the store when it is not.
"""

from __future__ import annotations

import difflib
import re
from pathlib import Path
from typing import Any
from urllib.parse import unquote, urljoin

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import DCTERMS, PROV, RDF, RDFS
from rdflib.term import Node

from .errors import Diagnostic, LoadError
from .terms import DG, OA, PREFIXES, WD, article_graph, article_iri, resolve_curie
from .yamlfile import YamlDoc, read_text

RDF_SUFFIXES = {".ttl": "Turtle", ".jsonld": "JSON-LD"}
MAX_TRIPLES = 20_000  # an article's annotation is a few hundred; bounds work on hostile input
MAX_UNREAD_REPORTED = 20  # a file of unrelated RDF gets a few errors and a count, not thousands
Pos = tuple[int, int]
Triple = tuple[Node, Node, Node]

# Written by the tool, not by people: ignored on input, computed again by the mapping.
_DERIVED_EVENT = {RDF.type, PROV.wasDerivedFrom, DG.datePrecision, DG.dateText, DG.earliestDate, DG.latestDate}
_DERIVED_SELECTOR = {RDF.type, OA.start, OA.end}
_DERIVED_ANNOTATION = {RDF.type, OA.motivatedBy, OA.hasBody, OA.hasTarget, OA.hasSource, OA.hasSelector}
_ARTICLE_READ = {DG.annotator}  # everything else about the article comes from its .txt


class _Positions:
    """Where each triple, (subject, property) and subject was written in the file."""

    def __init__(self) -> None:
        self.triple: dict[Triple, Pos] = {}
        self.prop: dict[tuple[Node, Node], Pos] = {}
        self.subject: dict[Node, Pos] = {}

    def add(self, t: Triple, pos: Pos) -> None:
        self.triple.setdefault(t, pos)
        self.prop.setdefault((t[0], t[1]), pos)
        self.subject.setdefault(t[0], pos)

    def of(self, s: Node, p: Node | None = None, o: Node | None = None) -> Pos:
        if o is not None and (s, p, o) in self.triple:
            return self.triple[(s, p, o)]  # type: ignore[index]
        if p is not None and (s, p) in self.prop:
            return self.prop[(s, p)]
        return self.subject.get(s, (1, 1))


def _fail(path: Path, pos: Pos, message: str) -> LoadError:
    return LoadError([Diagnostic(str(path), pos[0], pos[1], "error", message)])


_OX_POS = re.compile(r"^Parser error at line (\d+) (?:column (\d+)|between columns (\d+) and (?:column )?\d+)[^:]*: ")


def _syntax_error(path: Path, text: str, exc: SyntaxError, fmt: str) -> LoadError:
    """pyoxigraph's parse error as file:line:col and its own words."""
    said = str(exc)
    if "LoadDocumentCallback" in said:
        return _fail(path, _remote_context_position(text), "the @context refers to a document elsewhere (a URL or "
                     "file); diplograph never fetches contexts, which could read local files or reach the "
                     "network: write the context inline")
    m = _OX_POS.match(said)
    line, col = (int(m.group(1)), int(m.group(2) or m.group(3))) if m else (exc.lineno or 0, exc.offset or 0)
    message = re.sub(r" \(line \d+\)$", "", said[m.end():] if m else said)
    return _fail(path, (line, max(col, 1) if line else 0), f"{fmt} syntax error: {message}")


def _compose(text: str) -> Any:
    """JSON is YAML: PyYAML's node tree gives the line of every JSON value (None if it cannot)."""
    import yaml

    try:
        return yaml.compose(text, Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))
    except (yaml.YAMLError, RecursionError, ValueError):
        return None


def _remote_context_position(text: str) -> Pos:
    """Where a JSON-LD file names a context to fetch: a string in an @context, or @import."""
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode

    stack = [_compose(text)]
    while stack:
        n = stack.pop()
        if isinstance(n, MappingNode):
            for k, v in n.value:
                if k.value in ("@context", "@import"):
                    items = v.value if isinstance(v, SequenceNode) else [v]
                    for item in items:
                        if isinstance(item, ScalarNode) and item.tag.endswith(":str"):
                            return item.start_mark.line + 1, item.start_mark.column + 1
                stack.append(v)
        elif isinstance(n, SequenceNode):
            stack.extend(n.value)
    return 0, 0


def _parse_oxigraph(path: Path, text: str, fmt: str, base: str) -> list[Any]:
    """Strict parse: syntax errors with line and column, and remote JSON-LD contexts refused
    (pyoxigraph fetches nothing unless given a loader, and we give none)."""
    import pyoxigraph as ox

    quads: list[Any] = []
    try:
        for q in ox.parse(text, ox.RdfFormat.TURTLE if fmt == "Turtle" else ox.RdfFormat.JSON_LD, base_iri=base):
            quads.append(q)
            if len(quads) > MAX_TRIPLES:
                raise _fail(path, (0, 0), f"more than {MAX_TRIPLES:,} triples: too large for one article's annotation")
    except SyntaxError as exc:
        raise _syntax_error(path, text, exc, fmt) from None
    except (ValueError, OSError) as exc:  # defensive: an unexpected parser complaint still names the file
        raise _fail(path, (0, 0), f"{fmt} could not be read: {exc}") from None
    return quads


def _turtle(path: Path, text: str, base: str) -> tuple[Graph, _Positions]:
    """The triples and their lines, from rdflib's Turtle parser, which counts lines as it goes."""
    from rdflib.plugins.parsers.notation3 import RDFSink, SinkParser

    _parse_oxigraph(path, text, "Turtle", base)  # strict syntax, readable errors
    graph, pos = Graph(), _Positions()

    class Sink(RDFSink):
        parser: SinkParser

        def makeStatement(self, quadruple: Any, why: Any = None) -> None:  # noqa: N802 (rdflib's name)
            super().makeStatement(quadruple, why)
            f, p, s, o = quadruple
            t = (self.normalise(f, s), self.normalise(f, p), self.normalise(f, o))
            pos.add(t, (self.parser.lines + 1, 1))

    sink = Sink(graph)
    sink.parser = SinkParser(sink, baseURI=base, turtle=True)
    try:
        sink.parser.loadBuf(text)
    except RecursionError:
        raise _fail(path, (0, 0), "the Turtle is nested too deeply") from None
    except Exception as exc:  # noqa: BLE001 - pyoxigraph accepted the file; report rather than crash
        raise _fail(path, (0, 0), f"Turtle could not be read: {exc}") from None
    return graph, pos


def _jsonld(path: Path, text: str, base: str) -> tuple[Graph, _Positions]:
    """The triples from pyoxigraph's JSON-LD parser; lines from the JSON's node objects."""
    from .store import from_oxigraph

    graph, pos = Graph(), _Positions()
    for q in _parse_oxigraph(path, text, "JSON-LD", base):
        graph.add((from_oxigraph(q.subject), from_oxigraph(q.predicate), from_oxigraph(q.object)))
    nodes, props, values = _json_node_lines(text, base)
    found = []
    for s, p, o in graph:  # blank nodes have no @id: found by a property and value unique in the file
        at = props.get((str(s), str(p))) or values.get((str(p), str(o))) or nodes.get(str(s))
        if at:
            found.append((at, (s, p, o)))
    for at, t in sorted(found):  # earliest first: a subject's line is its first statement's
        pos.add(t, at)
    return graph, pos


def _json_node_lines(text: str, base: str) -> tuple[dict[str, Pos], dict[tuple[str, str], Pos],
                                                   dict[tuple[str, str], Pos]]:
    """Lines of each node object (``{"@id": …}``), of its keys, and of (key, value)
    pairs that occur once in the file (which places blank nodes such as evidence).

    Ids and keys are expanded with the file's inline context prefixes, which covers
    the usual hand-written and exported forms; anything else falls back to line 1.
    """
    from yaml.nodes import MappingNode, ScalarNode, SequenceNode

    root = _compose(text)
    ctx: dict[str, str] = {}
    stack, maps = [root], []
    while stack:  # first pass: every context's term definitions, and every mapping
        n = stack.pop()
        if isinstance(n, MappingNode):
            maps.append(n)
            for k, v in n.value:
                if k.value == "@context" and isinstance(v, MappingNode):
                    for tk, tv in v.value:
                        if isinstance(tv, ScalarNode):
                            ctx[tk.value] = tv.value
                        elif isinstance(tv, MappingNode):
                            ctx.update({tk.value: iv.value for ik, iv in tv.value if ik.value == "@id"
                                        and isinstance(iv, ScalarNode)})
                else:
                    stack.append(v)
        elif isinstance(n, SequenceNode):
            stack.extend(n.value)

    def expand(term: str, vocab: bool) -> str:
        if vocab and term in ctx:
            term = ctx[term]
        prefix, colon, local = term.partition(":")
        if colon and prefix in ctx and not local.startswith("//"):
            return ctx[prefix] + local
        if vocab and not colon and "@vocab" in ctx:
            return ctx["@vocab"] + term
        return urljoin(base, term)

    def ident(m: MappingNode) -> str | None:
        raw = next((v.value for k, v in m.value if k.value == "@id" and isinstance(v, ScalarNode)), None)
        return None if raw is None or raw.startswith("_:") else expand(raw, False)

    nodes: dict[str, Pos] = {}
    props: dict[tuple[str, str], Pos] = {}
    values: dict[tuple[str, str], Pos | None] = {}
    for m in maps:
        s = ident(m)
        if s is not None:
            nodes.setdefault(s, (m.start_mark.line + 1, m.start_mark.column + 1))
        for k, v in m.value:
            at = (k.start_mark.line + 1, k.start_mark.column + 1)
            p = str(RDF.type) if k.value == "@type" else expand(str(k.value), True)
            if s is not None:
                props.setdefault((s, p), at)
            for item in (v.value if isinstance(v, SequenceNode) else [v]):
                o = (expand(item.value, k.value == "@type") if isinstance(item, ScalarNode) and k.value == "@type"
                     else item.value if isinstance(item, ScalarNode)
                     else ident(item) if isinstance(item, MappingNode) else None)
                if o is not None:
                    values[(p, o)] = at if (p, o) not in values else None  # ambiguous: no position
    return nodes, props, {k: v for k, v in values.items() if v is not None}


def load_rdf_annotation(path: Path, article_id: str) -> tuple[YamlDoc, list[Diagnostic]]:
    """Read a Turtle or JSON-LD annotation as the document a YAML annotation would give,
    plus errors for what it cannot say in that document (triples diplograph does not
    read, IRIs that name no known actor, place or event).

    Relative IRIs resolve against the article's IRI plus ``/``, so ``<event/talks>``
    names event ``talks`` and ``<actor/envoy>`` an actor local to the article.
    Raises LoadError when the file cannot be read or parsed.
    """
    fmt = RDF_SUFFIXES[path.suffix.lower()]
    text = read_text(path)
    base = f"{article_iri(article_id)}/"
    graph, pos = (_turtle if fmt == "Turtle" else _jsonld)(path, text, base)
    return _Reader(path, article_id, graph, pos).read()


class _Reader:
    """Graph -> annotation document (the inverse of mapping._Mapper, field by field)."""

    def __init__(self, path: Path, article_id: str, graph: Graph, pos: _Positions) -> None:
        from .mapping import field_specs

        self.path, self.article_id, self.g, self.pos = path, article_id, graph, pos
        self.specs = field_specs()
        self.local_types = {DG[t]: t for t in _local_actor_types()}
        self.event_types = {DG[t]: t for t in self.specs if t != "LocalActor"}
        self.errors: list[Diagnostic] = []
        self.values: dict[tuple[Any, ...], Pos] = {(): (1, 1)}
        self.used: set[Node] = {article_iri(article_id), article_graph(article_id)}
        self.local_ids: dict[Node, str] = {}
        self.event_ids: dict[Node, str] = {}

    def error(self, at: Pos, message: str, prop: str | None = None) -> None:
        self.errors.append(Diagnostic(str(self.path), at[0], at[1], "error", message, prop))

    # -- naming ---------------------------------------------------------------
    def own_id(self, node: Node, kind: str) -> str | None:
        """``talks`` for <…/article/A/event/talks> (or any IRI ending in ``talks``)."""
        if isinstance(node, BNode):
            self.error(self.pos.of(node), f"this {kind} is a blank node: give it an IRI such as <{kind}/my-id>, "
                                          "so that other articles and queries can name it")
            return None
        text = str(node)
        mine = f"{article_iri(self.article_id)}/{kind}/"
        tail = text[len(mine):] if text.startswith(mine) else re.split(r"[#/]", text.rstrip("/#"))[-1]
        return unquote(tail)

    def ref(self, kind: str, node: Node, at: Pos) -> str | None:
        """An object as the id a YAML annotation would write."""
        if isinstance(node, Literal):  # a plain id written as text ("participant": "ISR") is fine
            return str(node)
        text = str(node)
        if kind == "actor":
            if node in self.local_ids:
                return self.local_ids[node]
            if text.startswith(PREFIXES["actor"]):
                return unquote(text[len(PREFIXES["actor"]):])
        elif kind == "place":
            if node == DG.UnknownPlace:
                return "unknown"
            if text.startswith(PREFIXES["place"]):
                return unquote(text[len(PREFIXES["place"]):])
        elif kind == "event":
            if node in self.event_ids:
                return self.event_ids[node]
            m = re.fullmatch(re.escape(PREFIXES["article"]) + r"([^/]+)/event/([^/]+)", text)
            if m:
                return f"{unquote(m.group(1))}#{unquote(m.group(2))}"
        where = {"actor": "a registry actor (actor:ID) nor an actor described in this file",
                 "place": "a registry place (place:ID) nor dg:UnknownPlace",
                 "event": "an event in this file nor one of another article (<…/id/article/A/event/E>)"}[kind]
        self.error(at, f"<{text}> is not {where}")
        return None

    # -- reading --------------------------------------------------------------
    def read(self) -> tuple[YamlDoc, list[Diagnostic]]:
        g = self.g
        events = sorted({s for s, t in g.subject_objects(RDF.type) if t in self.event_types}, key=self._order)
        locals_ = sorted({s for s, t in g.subject_objects(RDF.type) if t in self.local_types
                          and not str(s).startswith(PREFIXES["actor"]) and s not in events}, key=self._order)
        for node in locals_:
            if (aid := self.own_id(node, "actor")) is not None:
                self.local_ids[node] = aid
        for node in events:
            if (eid := self.own_id(node, "event")) is not None:
                self.event_ids[node] = eid
        data: dict[str, Any] = {}
        annotators = [str(o) for o in g.objects(article_iri(self.article_id), DG.annotator)]
        if annotators:
            data["annotator"] = annotators[0]
            self.values[("annotator",)] = self.pos.of(article_iri(self.article_id), DG.annotator)
        actors = {aid: self.local_actor(node, ("actors", aid)) for node, aid in self.local_ids.items()}
        if actors:
            data["actors"] = actors
        data["events"] = [self.event(node, ("events", i)) for i, node in enumerate(
            n for n in events if n in self.event_ids)]
        self.values.setdefault(("events",), self.values[()])
        for node in events:  # a blank-node event was reported; its evidence is not reported again
            if node not in self.event_ids:
                self.used.add(node)
                self.evidence(node, ("unnamed",))
        self.leftovers()
        return YamlDoc(self.path, data, self.values, dict(self.values)), sorted(set(self.errors))

    def _order(self, node: Node) -> tuple[Pos, str]:
        return self.pos.of(node), str(node)

    def local_actor(self, node: Node, at: tuple[Any, ...]) -> dict[str, Any]:
        self.used.add(node)
        self.values[at] = self.pos.of(node)
        types = [self.local_types[t] for t in self.g.objects(node, RDF.type) if t in self.local_types]
        out: dict[str, Any] = {"type": types[0] if len(types) == 1 else types}
        labels = list(self.g.objects(node, RDFS.label))
        if labels:
            out["label"] = str(labels[0]) if len(labels) == 1 else [str(x) for x in labels]
            self.values[(*at, "label")] = self.pos.of(node, RDFS.label)
        self.fields(node, at, out, self.specs["LocalActor"], {RDF.type, RDFS.label}, "actor")
        return out

    def event(self, node: Node, at: tuple[Any, ...]) -> dict[str, Any]:
        self.used.add(node)
        self.values[at] = self.pos.of(node)
        types = [self.event_types[t] for t in self.g.objects(node, RDF.type) if t in self.event_types]
        out: dict[str, Any] = {"id": self.event_ids[node], "type": types[0] if len(types) == 1 else types}
        self.values[(*at, "id")] = self.values[(*at, "type")] = self.pos.of(node, RDF.type)
        spec = self.specs[types[0]] if len(types) == 1 else {}
        self.fields(node, at, out, spec, _DERIVED_EVENT, types[0] if len(types) == 1 else "event")
        evidence = self.evidence(node, (*at, "evidence"))
        if evidence:
            out["evidence"] = evidence
        return out

    def fields(self, node: Node, at: tuple[Any, ...], out: dict[str, Any], spec: dict[str, dict[str, Any]],
               skip: set[Node], what: str) -> None:
        by_prop = {resolve_curie(x["property"]): (name, x) for name, x in spec.items()}
        for p in sorted(set(self.g.predicates(node)), key=lambda p: self.pos.of(node, p)):
            if p in skip:
                continue
            if p not in by_prop:
                names = sorted(_curie(q) for q in by_prop)
                local = {n.split(":", 1)[-1]: n for n in names}  # "dg:mood" is no "dg:round" for its "dg:"
                near = difflib.get_close_matches(_curie(p).split(":", 1)[-1], list(local), n=1, cutoff=0.75)
                hint = f"did you mean {local[near[0]]}? " if near else ""
                self.error(self.pos.of(node, p),
                           f"{_curie(p)} is not read on a {what}; {hint}diplograph reads: {', '.join(names)}")
                continue
            name, x = by_prop[p]
            objs = sorted(self.g.objects(node, p), key=lambda o: (self.pos.of(node, p, o), str(o)))
            self.values[(*at, name)] = self.pos.of(node, p)
            vals = [self.value(x, node, p, o, (*at, name, j) if len(objs) > 1 else (*at, name))
                    for j, o in enumerate(objs)]
            vals = [v for v in vals if v is not None]  # the ones in error were reported
            if vals:
                out[name] = vals[0] if len(vals) == 1 else vals

    def value(self, x: dict[str, Any], s: Node, p: Node, o: Node, at: tuple[Any, ...]) -> Any:
        where = self.values[at] = self.pos.of(s, p, o)
        kind = x["kind"]
        if kind in ("actor", "place", "event"):
            return self.ref(kind, o, where)
        if kind == "concept":
            back = {str(resolve_curie(v)): k for k, v in x["values"].items()}
            if str(o) in back:
                return back[str(o)]
            self.error(where, f"<{o}> is not allowed here; use one of: {', '.join(_curie(resolve_curie(v)) for v in x['values'].values())}")
            return None
        if kind == "wikidata" and isinstance(o, URIRef) and str(o).startswith(str(WD)):
            return str(o)[len(str(WD)):]
        if kind == "date":
            texts = list(self.g.objects(s, DG.dateText))  # the words the annotator wrote ("Wednesday")
            if len(texts) == 1:
                return str(texts[0])
        if not isinstance(o, Literal):
            self.error(where, f"{_curie(p)} takes a literal (text, a date or a number), not {_describe(o)}")
            return None
        py = o.toPython()
        return py if kind == "integer" and isinstance(py, int) else str(o)

    def evidence(self, event: Node, at: tuple[Any, ...]) -> list[Any]:
        """Web Annotations whose body is ``event``: their TextQuoteSelector's exact words,
        with prefix/suffix when given (they pick one of several occurrences)."""
        anns = sorted(self.g.subjects(OA.hasBody, event), key=self._evidence_order)
        items: list[Any] = []
        for ann in anns:
            self.used.add(ann)
            quotes = []
            for target in self.g.objects(ann, OA.hasTarget):
                self.used.add(target)
                for sel in [target, *self.g.objects(target, OA.hasSelector)]:
                    if (sel, RDF.type, OA.TextPositionSelector) in self.g:
                        self.used.add(sel)
                    if (sel, OA.exact, None) in self.g:
                        self.used.add(sel)
                        quotes.append(sel)
            where = self.pos.of(ann)
            if len(quotes) != 1:
                self.error(where, "evidence must have one oa:TextQuoteSelector with oa:exact (the article's words); "
                                  f"this oa:Annotation has {len(quotes)}")
                continue
            sel = quotes[0]
            item: dict[str, str] = {}
            for key, prop in (("quote", OA.exact), ("prefix", OA.prefix), ("suffix", OA.suffix)):
                vals = list(self.g.objects(sel, prop))
                if len(vals) > 1:
                    self.error(self.pos.of(sel, prop), f"{_curie(prop)} is given {len(vals)} times in one selector; "
                                                       "write one oa:Annotation per quote")
                if vals:
                    item[key] = str(vals[0])
            self.values[(*at, len(items))] = self.pos.of(sel, OA.exact)
            items.append(item["quote"] if len(item) == 1 else item)
        if items:
            self.values[at] = self.values[(*at, 0)]
        return items

    def _evidence_order(self, ann: Node) -> tuple[int, Pos, str]:
        m = re.search(r"/evidence/(\d+)$", str(ann))  # the tool numbers evidence in order
        return (int(m.group(1)) if m else 1 << 30, self.pos.of(ann), str(ann))

    def leftovers(self) -> None:
        """Every triple must be one diplograph reads or computes; report the rest."""
        g = self.g
        for ann, body in sorted(g.subject_objects(OA.hasBody), key=lambda x: self._order(x[0])):
            if ann not in self.used:
                self.error(self.pos.of(ann, OA.hasBody), f"evidence for {_describe(body)}, which is not an event "
                                                         "in this file (a dg:Meeting, dg:Statement, … with an IRI)")
                self.evidence(body, ("unread",))  # marks its target and selectors: one error is enough
        unread = 0
        for s in sorted(set(g.subjects()), key=self._order):
            if s == article_iri(self.article_id):
                for p in set(g.predicates(s)) - _ARTICLE_READ:
                    if p not in (RDF.type, DG.text, DCTERMS.title, DCTERMS.issued, DG.url, DG.origin,
                                 DCTERMS.publisher):
                        self.error(self.pos.of(s, p), f"{_curie(p)} on the article is not read: the article's "
                                                      "description comes from its .txt header")
                continue
            if s in self.used:
                self._check_derived(s)
                continue
            unread += 1
            if unread > MAX_UNREAD_REPORTED:
                continue
            if s == URIRef(f"{article_iri(self.article_id)}/"):  # `<>`: relative IRIs resolve below the article
                self.error(self.pos.of(s), f"`<>` is {_describe(s)} here, not the article (relative IRIs resolve "
                                           f"against it, so that <event/ID> is an event): name the article "
                                           f"{_describe(article_iri(self.article_id))}")
                continue
            self.error(self.pos.of(s), f"statements about {_describe(s)} are not read: diplograph reads events (a "
                                       "dg:Meeting, dg:Statement, …), actors local to this article and the "
                                       "oa:Annotations that are their evidence; describe shared actors and places "
                                       "in registry.yaml")

        if unread > MAX_UNREAD_REPORTED:
            self.error((1, 1), f"… and {unread - MAX_UNREAD_REPORTED:,} more subjects whose statements are not read")

    def _check_derived(self, s: Node) -> None:
        """Targets and selectors: only the Web Annotation terms the tool reads or recomputes."""
        g = self.g
        if (s, OA.hasBody, None) in g:
            allowed = _DERIVED_ANNOTATION
        elif (s, OA.exact, None) in g or (s, RDF.type, OA.TextPositionSelector) in g:
            allowed = _DERIVED_SELECTOR | {OA.exact, OA.prefix, OA.suffix, OA.hasSelector, OA.hasSource}
        elif (None, OA.hasTarget, s) in g:
            allowed = {RDF.type, OA.hasSource, OA.hasSelector}
        else:
            return
        for p in set(g.predicates(s)) - allowed:
            self.error(self.pos.of(s, p), f"{_curie(p)} is not read in evidence; diplograph reads the "
                                          "oa:TextQuoteSelector's oa:exact, oa:prefix and oa:suffix")


def _local_actor_types() -> list[str]:
    from . import resources

    return resources.schema("annotation")["$defs"]["LocalActor"]["properties"]["type"]["enum"]


def _describe(node: Node) -> str:
    return "a blank node" if isinstance(node, BNode) else _curie(node)


def _curie(node: Node) -> str:
    """``dg:mood`` for a known namespace (the same shortening query tables use), else ``<IRI>``."""
    from .queries import short

    name = short(node)
    return name if name != str(node) else f"<{node}>"

