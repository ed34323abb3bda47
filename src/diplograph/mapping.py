"""Map one article and its YAML annotation to the triples of its named graph.

Which ontology property a YAML field becomes is read from the ``x-rdf`` notes
in ``annotation.schema.json``; this module only knows how to turn each *kind*
of value (actor, place, event, text, concept, date, integer) into RDF terms.
Every node and field is recorded in a source map so that SHACL results can be
reported at the line the annotator wrote.
"""

from __future__ import annotations

import difflib
import hashlib
import json
import os
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path
from typing import Any, NamedTuple

from rdflib import Graph, URIRef

from . import __version__, resources
from .articles import Article, QuoteError, locate, read_article
from .cache import FileHashes
from .checkcache import unpack
from .dates import resolve
from .errors import Diagnostic, LoadError
from .registry import Registry, SourceMap
from .store import ntriples_of
from .terms import (WD, Lit, Triple, article_graph, article_iri, event_id, event_iri, local_actor_iri, place_iri,
                    plain_ntriples, vocab, xsd_date)
from .yamlfile import YamlDoc, load_yaml, schema_diagnostics, spells_with_escapes, written_names

RDF_SUFFIXES = (".ttl", ".jsonld")  # annotations written as RDF; see rdfinput.py
CONTEXT_CHARS = 32  # oa:prefix / oa:suffix length
MAPPING_VERSION = f"{__version__}/3"  # bump when the mapping changes, so builds redo every article


RDF_TYPE = vocab("rdf:type")


class Link(NamedTuple):
    """An event of another article that an annotation names, and where it names it."""

    ref: str  # as written: 001_muscat_us_iran#muscat-talks
    article: str
    event: str
    at: Diagnostic  # its place (the message is made when the link is found to lead nowhere)


def links_text(links: list[Link]) -> str:
    """Links as the check cache keeps them ("" for none): where they were written is not kept."""
    return json.dumps([[link.ref, link.article, link.event] for link in links]) if links else ""


def links_from(text: str, annotation: Path) -> list[Link]:
    """The links kept in the check cache for an annotation, at line 0 (build.check_links finds the
    line again, by mapping the file, when a link leads nowhere)."""
    return [Link(ref, article, event, Diagnostic(str(annotation), 0, 0, "error", ""))
            for ref, article, event in (json.loads(text) if text else [])]


@dataclass
class MappedArticle:
    """One article's named graph, ready to validate and load.

    The mapping collects plain triples of plain terms (IRIs as strings, literals as ``Lit``:
    an rdflib term costs 0.5-1.5 µs to make, and a ``Graph.add`` ~20 µs; a chunk of articles
    needs only their N-Triples). ``graph`` builds the rdflib graph on first use and from
    then on is the article's content, so callers may edit it.
    """

    article: Article | None  # None when the graph was taken from the check cache (checkcache.py)
    annotation_path: Path
    graph_iri: URIRef
    triples: set[Triple] = field(default_factory=set)
    sources: SourceMap = field(default_factory=dict)
    diagnostics: list[Diagnostic] = field(default_factory=list)
    content_hash: str = ""
    ntriples: str | None = None  # set by serialized()
    packed: bytes | None = None  # the N-Triples as the check cache keeps them, unpacked when needed
    # events of other articles this one names (`continues: 001_muscat_us_iran#muscat-talks`), with
    # where: the mapper cannot see those articles; build.check_links looks for them
    links: list[Link] = field(default_factory=list)
    _graph: Graph | None = field(default=None, repr=False)

    @property
    def id(self) -> str:
        """The article id: its file name without the extension."""
        return self.annotation_path.stem

    def event_ids(self) -> set[str]:
        """The ids of the article's events (read from its N-Triples: any article, also one taken
        from the check cache)."""
        typed = (line[1:line.index(">")] for line in self.serialized().split("\n") if f"> <{RDF_TYPE}> " in line)
        return {e for iri in typed if (e := event_id(iri, self.id)) is not None}

    @property
    def graph(self) -> Graph:
        if self._graph is None:
            text = self.serialized()
            self._graph = Graph().parse(data=text, format="nt") if text else Graph()
            self.triples, self.ntriples = set(), None  # the graph is the content now: written again if asked
        return self._graph

    def subject_iris(self) -> set[str]:
        """The subjects of the graph, as strings."""
        if self._graph is not None:
            return {str(s) for s in self._graph.subjects()}
        return {t[0] for t in self.triples}

    def object_iris(self) -> set[str]:
        """The IRIs the graph refers to (objects that are IRIs)."""
        if self._graph is not None:
            return {str(o) for o in self._graph.objects() if isinstance(o, URIRef)}
        return {o for _, _, o in self.triples if not isinstance(o, Lit)}

    def serialized(self) -> str:
        """The graph as N-Triples, written once: validation loads it into its engines and the
        store loads the same text."""
        if self.ntriples is None:
            if self.packed is not None:
                self.ntriples = unpack(self.packed)
            elif self._graph is not None:
                self.ntriples = ntriples_of(self._graph)
            else:
                self.ntriples = plain_ntriples(self.triples)
            self.packed = None
        return self.ntriples

    def compact(self) -> None:
        """Keep the graph as N-Triples text only, once it has been validated.

        An rdflib graph costs ~1 kB a triple; a build of 100k articles keeps every
        validated graph until the one commit, so it keeps them as text (~150 B a triple).
        """
        self.serialized()
        self.triples, self._graph, self.sources = set(), None, {}

    def text(self) -> str:
        """The N-Triples, unpacked for this once if they came packed from the check cache: a first
        build hands each graph to the store as it is checked and needs it no more (10,000 graphs kept
        unpacked were ~150 MB of a build's peak)."""
        if self.ntriples is None and self.packed is not None:
            return unpack(self.packed)
        return self.serialized()

    @property
    def payload(self) -> str:
        """What the store loads: the graph's N-Triples."""
        return self.serialized()


@cache
def field_specs() -> dict[str, dict[str, dict[str, Any]]]:
    """``{event type or 'LocalActor': {yaml field: x-rdf}}`` from the schema."""
    defs = resources.schema("annotation")["$defs"]
    base = {k: v["x-rdf"] for k, v in defs["EventBase"]["properties"].items() if "x-rdf" in v}
    specs = {"LocalActor": {k: v["x-rdf"] for k, v in defs["LocalActor"]["properties"].items() if "x-rdf" in v}}
    for name in defs["EventBase"]["properties"]["type"]["enum"]:
        own = {k: v["x-rdf"] for k, v in defs[name].get("properties", {}).items() if "x-rdf" in v}
        specs[name] = {**base, **own}
    return specs


def _spelled(ids: list[str] | None) -> str:
    """Registry ids as kept in the file-hash cache: space-separated (ids hold no space); * for not known."""
    return "*" if ids is None else " ".join(ids)


def _names_key(registry: Registry, files: FileHashes) -> str:
    """The key the ids a file names are kept under: the registry's set of ids (and the mapping
    version), recorded with the ids themselves so that a later set can be compared with it."""
    key = hashlib.sha256(f"{registry.ids_digest}\0{MAPPING_VERSION}".encode()).hexdigest()[:16]
    if files.shared.get("names key") != key:
        files.shared["names key"] = key
        files.describe_key(key, {"version": MAPPING_VERSION, "ids": registry.ids()})
    return key


UPDATE_AT_MOST = 100  # ids added at once: past this, every file is scanned again


def _named_since(registry: Registry, files: FileHashes, old_key: str, old: str, data: bytes, yaml_file: bool) -> str | None:
    """The ids an unchanged file names, from what it named under an earlier set of ids (None: scan it).

    Adding an actor changed the set of ids, and every file of the corpus was scanned for the ids
    it names again (0.2 ms a file: 20 s at 100k articles). A file names what it named before, less
    the ids removed, plus any id added whose characters it holds: only those files are scanned."""
    changes = files.shared.get(("id changes", old_key))
    if changes is None:
        meant = files.key_meaning(old_key)
        if isinstance(meant, dict) and meant.get("version") == MAPPING_VERSION and isinstance(meant.get("ids"), list):
            before = set(meant["ids"])
            now = set(registry.ids())
            changes = (sorted(i.encode() for i in now - before), before - now)
        else:
            changes = False
        files.shared[("id changes", old_key)] = changes
    if not changes or old == "*" or len(changes[0]) > UPDATE_AT_MOST:
        return None
    added, removed = changes
    if any(a in data for a in added) or yaml_file and spells_with_escapes(data):
        return None  # it may name a new id (or spell one with an escape): scan it
    return _spelled([i for i in old.split() if i not in removed])


def content_hash(annotation_path: Path | str, registry: Registry, hashes: FileHashes | None = None) -> str:
    """What an article's graph and its check depend on: its annotation, its text, the
    registry entries these name (``Registry.entries_digest``: the text names its outlet;
    the whole registry for an annotation written as RDF, whose prefixed names can spell an
    IRI in pieces) and the mapping version. Computed from bytes, before parsing, so that
    builds skip unchanged articles cheaply (with ``hashes``, without reading files whose
    stat is as it was, nor scanning them again while the registry holds the same ids)."""
    h = hashlib.sha256()
    files = hashes or FileHashes([], cache=None)
    name = str(annotation_path)  # string paths: 20,000 of them in a 10k-article build
    key = _names_key(registry, files)  # what the ids a file names are kept under
    for path in (name, os.path.splitext(name)[0] + ".txt"):
        if name.endswith(RDF_SUFFIXES):
            reads = registry.sha256
        else:  # the ids it names, remembered until the file or the set of ids changes (not an entry's content)
            yaml_file = path is name  # the text's header has no escapes
            named = files.derived(
                path, key, lambda data, y=yaml_file: _spelled(registry.named(written_names(data, yaml_file=y))),
                update=lambda old_key, old, data, y=yaml_file: _named_since(registry, files, old_key, old, data, y))
            reads = "missing" if named is None else registry.entries_digest(None if named == "*" else named.split())
        h.update(files.sha256(path) or b"missing")  # after derived(), which records it: one read
        h.update(f"{reads}\0".encode())
    h.update(MAPPING_VERSION.encode())
    return h.hexdigest()


def map_annotation(annotation_path: Path, registry: Registry, digest: str | None = None) -> MappedArticle:
    """Load, check and map one annotation file.

    Format problems (schema, unknown ids, quotes, dates) are collected in
    ``diagnostics``; SHACL validation happens later, on the graph.
    Raises LoadError when the file or its article cannot be read at all.
    ``digest`` is its ``content_hash`` when the caller has it already.
    """
    if annotation_path.suffix.lower() in RDF_SUFFIXES:  # Turtle / JSON-LD: read into the same document
        from .rdfinput import load_rdf_annotation

        doc, diags = load_rdf_annotation(annotation_path, annotation_path.stem)
    else:
        doc, diags = load_yaml(annotation_path), []
    if not isinstance(doc.data, dict):
        raise LoadError([doc.diag((), "an annotation must be a mapping with an `events:` list")])
    diags += schema_diagnostics(doc, "annotation")
    article_path = annotation_path.with_suffix(".txt")
    if not article_path.exists():
        raise LoadError([doc.diag((), f"the article text {article_path.name} is missing: put it beside the annotation")])
    article = read_article(article_path)
    m = MappedArticle(article, annotation_path, article_graph(article.id), diagnostics=diags,
                      content_hash=digest or content_hash(annotation_path, registry))
    if diags:  # the structure is wrong: mapping it would only add noise
        return m
    _Mapper(doc, article, registry, m).run()
    m.diagnostics.sort()
    return m


# The article header's fields, by the property each becomes (see map_article)
_HEADER_PROPERTIES = {"title": vocab("dcterms:title"), "published": vocab("dcterms:issued"),
                      "outlet": vocab("dcterms:publisher"), "url": vocab("dg:url"), "origin": vocab("dg:origin")}


class _Mapper:
    def __init__(self, doc: YamlDoc, article: Article, registry: Registry, out: MappedArticle):
        self.doc, self.article, self.reg, self.out = doc, article, registry, out
        self.g, self.path = out.triples, str(doc.path)
        self.local = doc.data.get("actors") or {}
        self.events = {e["id"]: e for e in doc.data.get("events", []) if isinstance(e, dict) and "id" in e}
        self.art = str(article_iri(article.id))

    # -- helpers ------------------------------------------------------------
    def error(self, where: tuple, message: str, **kw: Any) -> None:
        self.out.diagnostics.append(self.doc.diag(where, message, **kw))

    def note(self, node: str, prop: str | None, where: tuple, *, key: bool = False) -> None:
        self.out.sources[(node, prop)] = (self.path, *self.doc.where(where, key=key))

    def actor(self, ref: str, where: tuple) -> str | None:
        if ref in self.local and ref not in self.reg.actors:  # (a clash is reported once, at the local actor)
            return str(local_actor_iri(self.article.id, ref))
        if ref in self.reg.actors:
            return str(self.reg.actor(ref))
        hint = difflib.get_close_matches(ref, [*self.local, *self.reg.actors], n=1)
        more = f"; did you mean `{hint[0]}`?" if hint else ""
        self.error(where, f"unknown actor `{ref}`: not in the registry nor under `actors:`{more}")
        return None

    def place(self, ref: str, where: tuple) -> str | None:
        if ref == "unknown":
            return vocab("dg:UnknownPlace")
        if ref in self.reg.places:
            return str(place_iri(ref))
        hint = difflib.get_close_matches(ref, sorted(self.reg.places), n=1)
        more = f"; did you mean `{hint[0]}`?" if hint else ""
        self.error(where, f"unknown place `{ref}`: add it under `places:` in the registry, or write `unknown`{more}")
        return None

    def event(self, ref: str, where: tuple, subject: str) -> str | None:
        other, sep, eid = ref.rpartition("#")  # an event id has no '#'; an article id (a file name) may
        if sep and other != self.article.id:
            self.out.links.append(Link(ref, other, eid, Diagnostic(self.path, *self.doc.where(where), "error", "")))
            return str(event_iri(other, eid))
        if eid not in self.events:
            self.error(where, f"unknown event `{ref}`: no event with this id in the article (use article-id#event-id for another article)")
            return None
        iri = str(event_iri(self.article.id, eid))
        if iri == subject:
            self.error(where, f"`{where[2]}:` names the event itself: name another event")
            return None
        return iri

    # -- mapping ------------------------------------------------------------
    def run(self) -> None:
        self.map_article()
        for aid, spec in self.local.items():
            if aid in self.reg.actors:
                self.error(("actors", aid), f"`{aid}` is already a registry actor: delete it from `actors:` to use the registry's, or give the local actor another id", key=True)
                continue
            self.map_local_actor(aid, spec)
        seen: set[str] = set()
        for i, ev in enumerate(self.doc.data.get("events", [])):
            if ev["id"] in seen:
                self.error(("events", i, "id"), f"duplicate event id `{ev['id']}`: ids must be unique in an article")
                continue
            seen.add(ev["id"])
            self.map_event(i, ev)

    def map_article(self) -> None:
        g, a, s = self.g, self.article, self.art
        self.out.sources[(s, None)] = (str(a.path), 1, 1)
        for key, line in a.header_lines.items():  # a finding about a header field is given at its line
            self.out.sources[(s, _HEADER_PROPERTIES.get(key, key))] = (str(a.path), line, 1)
        g.add((str(self.out.graph_iri), vocab("dg:contentHash"), Lit(self.out.content_hash)))
        g.add((s, vocab("rdf:type"), vocab("dg:Article")))
        g.add((s, vocab("dg:text"), Lit(a.body)))
        if a.title:
            g.add((s, vocab("dcterms:title"), Lit(a.title)))
        if a.published:
            g.add((s, vocab("dcterms:issued"), xsd_date(a.published)))
        if a.url:
            g.add((s, vocab("dg:url"), Lit(a.url, vocab("xsd:anyURI"))))
        if a.origin:
            g.add((s, vocab("dg:origin"), Lit(a.origin)))
        if a.outlet:
            if a.outlet in self.reg.actors:
                g.add((s, vocab("dcterms:publisher"), str(self.reg.actor(a.outlet))))
            else:
                self.out.diagnostics.append(Diagnostic(str(a.path), a.header_lines.get("outlet", 1), 1, "error",
                                                       f"unknown outlet `{a.outlet}`: add it to the registry as a NewsOutlet"))
        if "annotator" in self.doc.data:
            g.add((s, vocab("dg:annotator"), Lit(str(self.doc.data["annotator"]))))

    def map_local_actor(self, aid: str, spec: dict[str, Any]) -> None:
        s = str(local_actor_iri(self.article.id, aid))
        self.note(s, None, ("actors", aid), key=True)
        self.g.add((s, vocab("rdf:type"), vocab(f"dg:{spec['type']}")))
        self.g.add((s, vocab("rdfs:label"), Lit(str(spec["label"]))))
        self.fields(s, ("actors", aid), spec, field_specs()["LocalActor"])

    def map_event(self, i: int, ev: dict[str, Any]) -> None:
        s = str(event_iri(self.article.id, ev["id"]))
        where = ("events", i)
        self.note(s, None, where)
        self.g.add((s, vocab("rdf:type"), vocab(f"dg:{ev['type']}")))
        self.g.add((s, vocab("prov:wasDerivedFrom"), self.art))
        self.fields(s, where, ev, field_specs()[ev["type"]])
        for n, item in enumerate(ev.get("evidence", []), 1):
            self.evidence(s, where + ("evidence", n - 1), n, item)

    def fields(self, s: str, where: tuple, spec: dict[str, Any], xrdf: dict[str, dict[str, Any]]) -> None:
        for key, value in spec.items():
            if key not in xrdf:
                continue
            x = xrdf[key]
            prop, kind = vocab(x["property"]), x["kind"]
            self.note(s, prop, where + (key,))
            values = value if isinstance(value, list) else [value]
            for j, v in enumerate(values):
                at = where + ((key, j) if isinstance(value, list) else (key,))
                obj = self.term(kind, x, v, at, s)
                if obj is not None:
                    self.g.add((s, prop, obj))

    def term(self, kind: str, x: dict[str, Any], v: Any, at: tuple, s: str) -> str | Lit | None:
        if kind == "actor":
            return self.actor(v, at)
        if kind == "place":
            return self.place(v, at)
        if kind == "event":
            return self.event(v, at, s)
        if kind == "concept":
            return vocab(x["values"][v])
        if kind == "integer":
            return Lit(str(v), vocab("xsd:integer"))
        if kind == "wikidata":
            return f"{WD}{v}"
        if kind == "date":
            try:
                r = resolve(v, self.article.published)
            except ValueError as exc:
                self.error(at, str(exc), prop="date")
                return None
            self.g.add((s, vocab("dg:datePrecision"), vocab(f"dg:{r.precision}")))
            self.g.add((s, vocab("dg:dateText"), Lit(r.text)))
            for prop, d in (("dg:earliestDate", r.earliest), ("dg:latestDate", r.latest)):
                if d is not None:
                    self.g.add((s, vocab(prop), xsd_date(d)))
            return xsd_date(r.date)
        return Lit(str(v))

    def evidence(self, ev: str, where: tuple, n: int, item: Any) -> None:
        quote, prefix, suffix = (item, None, None) if isinstance(item, str) else (
            item["quote"], item.get("prefix"), item.get("suffix"))
        body = self.article.body
        try:
            start = locate(body, quote, prefix, suffix)
        except QuoteError as exc:
            self.error(where, f"evidence {n}: {exc}", prop="evidence")
            return
        end = start + len(quote)
        ann = f"{ev}/evidence/{n}"
        target, qsel, psel = f"{ann}/target", f"{ann}/quote", f"{ann}/position"
        self.note(ann, None, where)
        g, a = self.g, vocab("rdf:type")
        g.add((ann, a, vocab("oa:Annotation")))
        g.add((ann, vocab("oa:motivatedBy"), vocab("oa:describing")))
        g.add((ann, vocab("oa:hasBody"), ev))
        g.add((ann, vocab("oa:hasTarget"), target))
        g.add((target, a, vocab("oa:SpecificResource")))
        g.add((target, vocab("oa:hasSource"), self.art))
        g.add((target, vocab("oa:hasSelector"), qsel))
        g.add((target, vocab("oa:hasSelector"), psel))
        g.add((qsel, a, vocab("oa:TextQuoteSelector")))
        g.add((qsel, vocab("oa:exact"), Lit(quote)))
        g.add((qsel, vocab("oa:prefix"), Lit(body[max(0, start - CONTEXT_CHARS):start])))
        g.add((qsel, vocab("oa:suffix"), Lit(body[end:end + CONTEXT_CHARS])))
        g.add((psel, a, vocab("oa:TextPositionSelector")))
        # xsd:integer, not the nonNegativeInteger of the Web Annotation vocabulary: Oxigraph stores
        # every integer type as xsd:integer, and all backends and exports must hold the same triples.
        g.add((psel, vocab("oa:start"), Lit(str(start), vocab("xsd:integer"))))
        g.add((psel, vocab("oa:end"), Lit(str(end), vocab("xsd:integer"))))
