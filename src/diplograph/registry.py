"""The shared registry of actors and places (``registry.yaml``).

One IRI per actor across all articles: "Israel" in every article is
``actor:ISR``. The registry is its own named graph in the store.

Reading and mapping a registry of thousands of entries takes a second or two,
more than checking one annotation against it, so a mapped registry is cached
as JSON in the user's cache folder (cache.py), keyed by the SHA-256 of the
registry file and of the code that maps it.

An article depends only on the entries its annotation names (``entries_digest``): an
edit of the registry re-checks and reloads the articles that name what changed, not
every article.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from collections.abc import Iterable
from dataclasses import dataclass, field
from decimal import Decimal
from functools import cache
from pathlib import Path

from rdflib import Graph, URIRef

from . import __version__, resources
from .cache import cache_file, read_json, write_json
from .errors import Diagnostic, LoadError
from .terms import WD, Lit, Triple, actor_iri, ntriples_lines, place_iri, plain_ntriples, vocab, xsd_date
from .yamlfile import YamlDoc, load_yaml, schema_diagnostics

_RDF_TYPE = "<http://www.w3.org/1999/02/22-rdf-syntax-ns#type>"
SourceMap = dict[tuple[str, str | None], tuple[str, int, int]]


@dataclass
class Registry:
    """Actor and place ids with their types, the registry graph and where each was written."""

    path: Path | None
    actors: dict[str, str] = field(default_factory=dict)  # id -> class name (Country, Person, ...)
    places: set[str] = field(default_factory=set)
    aliases: dict[str, list[str]] = field(default_factory=dict)  # id -> label + aliases
    place_aliases: dict[str, list[str]] = field(default_factory=dict)
    sources: SourceMap = field(default_factory=dict)
    sha256: str = ""
    _graph: Graph | None = field(default=None, repr=False, compare=False)
    _lines: dict[str, tuple[str, list[str]]] | None = field(default=None, repr=False, compare=False)
    _entries: dict[str, bytes] = field(default_factory=dict, repr=False, compare=False)  # entries_digest
    _ids: dict[bytes, str] | None = field(default=None, repr=False, compare=False)
    _ids_digest: str = field(default="", repr=False, compare=False)
    _types: dict[str, str] = field(default_factory=dict, repr=False, compare=False)  # types()

    @property
    def graph(self) -> Graph:
        """The registry as an rdflib graph, built on first use (mapping and validation need only its
        N-Triples; the drafter and library users read it)."""
        if self._graph is None:
            text = self.ntriples()
            self._graph = Graph().parse(data=text, format="nt") if text else Graph()
        return self._graph

    def actor(self, actor_id: str) -> URIRef | None:
        return actor_iri(actor_id) if actor_id in self.actors else None

    def ntriples(self) -> str:
        """The whole registry graph as N-Triples."""
        return "".join(text for text, _ in self._index().values())

    def describe(self, nodes: set[str], hops: int = 2) -> str:
        """N-Triples describing ``nodes`` (IRIs) and, ``hops`` deep, the registry nodes they refer to.

        What an article can read of the entries it names (``entries_digest``), and what validation
        is given of a registry node an article makes the subject of a triple (a focus node, then);
        of the others, the types are enough (``types``). At 10k articles the whole registry is
        ~17k triples; a chunk of 50 articles refers to ~2.2k of them (400: ~6.8k).
        """
        index, out, seen = self._index(), [], set()
        for _ in range(hops):
            nxt: set[str] = set()
            for node in nodes - seen:
                seen.add(node)
                if node in index:
                    text, objects = index[node]
                    out.append(text)
                    nxt.update(objects)
            nodes = nxt
        return "".join(out)

    def types(self, nodes: Iterable[str]) -> str:
        """N-Triples of the ``rdf:type`` of each of ``nodes`` that is a registry node.

        What validating articles reads of the registry nodes they refer to: every shape that
        looks at one does it by ``sh:class``; nothing else of them is read unless an article
        makes one a focus node (``describe`` then). A chunk of 50 articles refers to ~2.2k
        triples of descriptions but only ~200 types, and the SHACL engine's time grows with
        what it is given to parse."""
        index, types, out = self._index(), self._types, []
        for node in nodes:
            found = types.get(node)
            if found is None:
                text = index[node][0] if node in index else ""
                found = types[node] = "".join(f"{line}\n" for line in ntriples_lines(text)
                                              if line.split(" ", 2)[1] == _RDF_TYPE)
            out.append(found)
        return "".join(out)

    def _id_index(self) -> dict[bytes, str]:
        if self._ids is None:
            self._ids = {i.encode(): i for i in sorted((*self.actors, *self.places))}
            self._ids_digest = hashlib.sha256("\n".join(self._ids.values()).encode()).hexdigest()
        return self._ids

    def values_of(self, prop: str) -> dict[str, str]:
        """Subject IRI -> the value (an IRI, or a literal's text) of property ``prop``, for each entry
        that has one; read from the N-Triples (an rdflib graph of the 10k corpus's registry takes
        half a second to build; the drafter needs two properties of it)."""
        import pyoxigraph as ox

        needle = f" <{prop}> "
        lines = "".join(f"{line}\n" for text, _ in self._index().values() for line in ntriples_lines(text) if needle in line)
        out: dict[str, str] = {}
        for t in ox.parse(lines.encode(), format=ox.RdfFormat.N_TRIPLES):
            if t.predicate.value == prop:
                out.setdefault(t.subject.value, t.object.value)
        return out

    def ids(self) -> list[str]:
        """Every actor and place id, sorted."""
        return list(self._id_index().values())

    @property
    def ids_digest(self) -> str:
        """A digest of the set of ids: which strings of a file are registry ids depends on it
        alone, so what a file names is remembered under it (mapping.content_hash)."""
        self._id_index()
        return self._ids_digest

    def named(self, names: Iterable[bytes] | None) -> list[str] | None:
        """The registry ids among ``names`` (from ``yamlfile.written_names``; None: not known)."""
        if names is None:
            return None
        index = self._id_index()
        return sorted(index[n] for n in names if n in index)

    def entries_digest(self, ids: Iterable[str] | None) -> str:
        """A digest of what an article can read of the registry, given the ids its files name
        (``named``; None: not known, the whole registry), so that a registry edit re-checks only
        the articles it touches (adding one actor used to re-check and reload all 10,000
        articles of a corpus: a minute).

        An article reads which of the ids it writes are registry ids (references, its outlet,
        a local actor clashing with a registry one) and, to be validated, ``describe`` of the
        entries it refers to: the digest covers each named entry with its description.
        """
        if ids is None:
            return self.sha256
        h = hashlib.sha256(b"registry entries\0")
        for entry in ids:
            if (digest := self._entries.get(entry)) is None:
                iri = actor_iri(entry) if entry in self.actors else place_iri(entry)  # (absent: described by nothing)
                lines = sorted(self.describe({str(iri)}).splitlines())  # rdflib writes them in any order
                digest = self._entries[entry] = hashlib.sha256("\n".join([entry, *lines]).encode()).digest()
            h.update(digest)
        return h.hexdigest()

    def _index(self) -> dict[str, tuple[str, list[str]]]:
        """subject IRI -> (its triples as N-Triples, the IRIs they refer to); built once.

        One string per subject rather than one per triple: the cached registry of a 10k corpus
        reads a third faster."""
        if self._lines is None:  # a registry made in code (load_registry and the cache give it)
            import pyoxigraph as ox

            text = self.graph.serialize(format="nt", encoding="utf-8") if self._graph is not None else b""
            lines: dict[str, list[str]] = {}
            objects: dict[str, list[str]] = {}
            for t in ox.parse(text, format=ox.RdfFormat.N_TRIPLES):
                lines.setdefault(t.subject.value, []).append(f"{t} .\n")
                if isinstance(t.object, ox.NamedNode):
                    objects.setdefault(t.subject.value, []).append(t.object.value)
            self._lines = {s: ("".join(v), objects.get(s, [])) for s, v in lines.items()}
        return self._lines


def load_registry(path: Path | None) -> Registry:
    """Load and map the registry; raise LoadError listing every format error."""
    reg = Registry(path)
    if path is None:
        return reg
    digest = hashlib.sha256(path.read_bytes()).hexdigest()
    cached = _from_cache(path, digest)
    if cached is not None:
        return cached
    doc = load_yaml(path)
    reg.sha256 = digest
    diags = schema_diagnostics(doc, "registry")
    if diags:
        raise LoadError(diags)
    data = doc.data or {}
    reg.actors = {k: v["type"] for k, v in (data.get("actors") or {}).items()}
    reg.places = set(data.get("places") or {})
    clash = reg.places & set(reg.actors)
    diags += [doc.diag(("places", k), f"`{k}` is both an actor and a place id; rename one", key=True) for k in sorted(clash)]
    triples: dict[Triple, None] = {}  # in order, each once (as a graph holds it)
    diags += _map(doc, reg, triples)
    if diags:
        raise LoadError(sorted(diags))
    reg._lines = _by_subject(triples)
    _to_cache(reg)
    return reg


def _by_subject(triples: dict[Triple, None]) -> dict[str, tuple[str, list[str]]]:
    """The registry's index (``Registry._index``) made from the mapped triples as they are written,
    not by parsing their N-Triples again (80 ms of the 0.6 s a first `validate` after a registry
    edit takes at 10k articles)."""
    lines: dict[str, list[str]] = {}
    objects: dict[str, list[str]] = {}
    # a line ends at "\n" only: an escaped literal holds no other line break but U+2028 and the like
    for (s, _, o), line in zip(triples, plain_ntriples(triples).split("\n")):
        lines.setdefault(s, []).append(line + "\n")
        if not isinstance(o, Lit):
            objects.setdefault(s, []).append(o)
    return {s: ("".join(v), objects.get(s, [])) for s, v in lines.items()}


# -- the cache ----------------------------------------------------------------

@cache
def _code_digest() -> str:
    """What a cached registry depends on besides the file: the code and schema that map it."""
    h = hashlib.sha256(__version__.encode())
    for module in ("registry.py", "terms.py", "yamlfile.py"):
        h.update((Path(__file__).parent / module).read_bytes())
    h.update(resources.read_text("ontology", "registry.schema.json").encode())
    return h.hexdigest()


def _cache_file(digest: str) -> Path | None:
    return cache_file(f"registry-{hashlib.sha256((digest + _code_digest()).encode()).hexdigest()[:40]}.json")


def _to_cache(reg: Registry) -> None:
    """Write the mapped registry to the cache (skipped if it cannot be written)."""
    if reg.path is None:
        return
    path = str(reg.path)
    write_json(_cache_file(reg.sha256), {
        "actors": reg.actors, "places": sorted(reg.places), "aliases": reg.aliases,
        "place_aliases": reg.place_aliases,
        "sources": [[node, prop, line, col] for (node, prop), (f, line, col) in reg.sources.items() if f == path],
        "lines": reg._index()})


def _from_cache(path: Path, digest: str) -> Registry | None:
    """The mapped registry of this file content from the cache, or None (absent, unreadable, damaged)."""
    data = read_json(_cache_file(digest))
    try:
        if not all(isinstance(v, list) and len(v) == 2 for v in data["lines"].values()):
            return None
        where = str(path)
        return Registry(path, data["actors"], set(data["places"]), data["aliases"], data["place_aliases"],
                        {(node, prop): (where, line, col) for node, prop, line, col in data["sources"]}, digest,
                        _lines=data["lines"])
    except (KeyError, TypeError, ValueError):  # None, or not what we wrote
        return None


def _ref(doc: YamlDoc, reg: Registry, where: tuple, value: str, kinds: tuple[str, ...], diags: list[Diagnostic]) -> str | None:
    if value in reg.actors and (not kinds or reg.actors[value] in kinds):
        return str(actor_iri(value))
    if value in reg.actors:
        diags.append(doc.diag(where, f"`{value}` is a {reg.actors[value]}, but a {' or '.join(kinds)} is expected here"))
    else:
        diags.append(doc.diag(where, f"unknown actor `{value}`: add it under `actors:` in the registry"))
    return None


def _map(doc: YamlDoc, reg: Registry, g: dict[Triple, None]) -> list[Diagnostic]:
    """Map the registry's entries to plain triples (``g``, in order), and record where each was written."""
    src, diags, path = reg.sources, [], str(doc.path)

    def add(s: str, p: str, o: str | Lit) -> None:
        g[(s, vocab(p), o)] = None

    for aid, a in (doc.data.get("actors") or {}).items():
        s = str(actor_iri(aid))
        src[(s, None)] = (path, *doc.where(("actors", aid), key=True))
        add(s, "rdf:type", vocab(f"dg:{a['type']}"))
        add(s, "rdfs:label", Lit(a["label"]))
        reg.aliases[aid] = [a["label"], *a.get("aliases", [])]
        for alias in a.get("aliases", []):
            add(s, "skos:altLabel", Lit(alias))
        if "iso3" in a:
            add(s, "dg:iso3", Lit(a["iso3"]))
            src[(s, vocab("dg:iso3"))] = (path, *doc.where(("actors", aid, "iso3")))
        if "wikidata" in a:
            add(s, "skos:exactMatch", f"{WD}{a['wikidata']}")
        if "country" in a and (c := _ref(doc, reg, ("actors", aid, "country"), a["country"], ("Country",), diags)):
            add(s, "dg:country", c)
        for i, pos in enumerate(a.get("positions", []), 1):
            p = f"{s}/position/{i}"
            where = ("actors", aid, "positions", i - 1)
            src[(p, None)] = (path, *doc.where(where))
            add(s, "dg:holdsPosition", p)
            add(p, "rdf:type", vocab("dg:Position"))
            add(p, "dg:office", Lit(pos["office"]))
            if "in" in pos and (o := _ref(doc, reg, where + ("in",), pos["in"], (), diags)):
                add(p, "dg:positionIn", o)
            for key, prop in (("from", "dg:startDate"), ("to", "dg:endDate")):
                if key in pos:
                    try:
                        add(p, prop, xsd_date(dt.date.fromisoformat(pos[key])))
                    except ValueError:
                        diags.append(doc.diag(where + (key,), f"`{key}: {pos[key]}` is not a date; write YYYY-MM-DD"))
    for pid, pl in (doc.data.get("places") or {}).items():
        s = str(place_iri(pid))
        src[(s, None)] = (path, *doc.where(("places", pid), key=True))
        reg.place_aliases[pid] = [pl["label"], *pl.get("aliases", [])]
        add(s, "rdf:type", vocab("dg:Place"))
        add(s, "rdfs:label", Lit(pl["label"]))
        for alias in pl.get("aliases", []):
            add(s, "skos:altLabel", Lit(alias))
        for key, prop in (("lat", "geo:lat"), ("long", "geo:long")):
            if key in pl:
                # canonical lexical form ("35", not "35.0"), as Oxigraph stores it: same triples on every backend
                add(s, prop, Lit(format(Decimal(str(pl[key])).normalize(), "f"), vocab("xsd:decimal")))
        if "wikidata" in pl:
            add(s, "skos:exactMatch", f"{WD}{pl['wikidata']}")
        if "country" in pl and (c := _ref(doc, reg, ("places", pid, "country"), pl["country"], ("Country",), diags)):
            add(s, "dg:country", c)
        if "within" in pl:
            if pl["within"] in reg.places:
                add(s, "dg:within", str(place_iri(pl["within"])))
            else:
                diags.append(doc.diag(("places", pid, "within"), f"unknown place `{pl['within']}` in `within:`"))
    return diags
