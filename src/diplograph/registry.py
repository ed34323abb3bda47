"""The shared registry of actors and places (``registry.yaml``).

One IRI per actor across all articles: "Israel" in every article is
``actor:ISR``. The registry is its own named graph in the store.
"""

from __future__ import annotations

import datetime as dt
import hashlib
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.namespace import RDF, RDFS, SKOS, XSD

from .errors import Diagnostic, LoadError
from .terms import DG, GEO, WD, actor_iri, place_iri
from .yamlfile import YamlDoc, load_yaml, schema_diagnostics

SourceMap = dict[tuple[str, str | None], tuple[str, int, int]]


@dataclass
class Registry:
    """Actor and place ids with their types, the registry graph and where each was written."""

    path: Path | None
    actors: dict[str, str] = field(default_factory=dict)  # id -> class name (Country, Person, ...)
    places: set[str] = field(default_factory=set)
    aliases: dict[str, list[str]] = field(default_factory=dict)  # id -> label + aliases
    place_aliases: dict[str, list[str]] = field(default_factory=dict)
    graph: Graph = field(default_factory=Graph)
    sources: SourceMap = field(default_factory=dict)
    sha256: str = ""
    _lines: dict[str, list[tuple[str, str | None]]] | None = field(default=None, repr=False, compare=False)

    def actor(self, actor_id: str) -> URIRef | None:
        return actor_iri(actor_id) if actor_id in self.actors else None

    def ntriples(self) -> str:
        """The whole registry graph as N-Triples."""
        return "".join(line for lines in self._index().values() for line, _ in lines)

    def describe(self, nodes: set[str], hops: int = 2) -> str:
        """N-Triples describing ``nodes`` (IRIs) and, ``hops`` deep, the registry nodes they refer to.

        Validating articles needs only this part of the registry (sh:class reads the type of
        a participant, a person's positions, a place's country): at 10k articles the whole
        registry is ~17k triples, a chunk of 400 articles refers to ~7k of them.
        """
        index, out, seen = self._index(), [], set()
        for _ in range(hops):
            nxt: set[str] = set()
            for node in nodes - seen:
                seen.add(node)
                for line, obj in index.get(node, ()):
                    out.append(line)
                    if obj is not None:
                        nxt.add(obj)
            nodes = nxt
        return "".join(out)

    def _index(self) -> dict[str, list[tuple[str, str | None]]]:
        """subject IRI -> its triples as N-Triples lines, each with its object if an IRI; built once."""
        if self._lines is None:
            import pyoxigraph as ox

            text = self.graph.serialize(format="nt", encoding="utf-8")
            self._lines = {}
            for t in ox.parse(text, format=ox.RdfFormat.N_TRIPLES):
                obj = t.object.value if isinstance(t.object, ox.NamedNode) else None
                self._lines.setdefault(t.subject.value, []).append((f"{t} .\n", obj))
        return self._lines


def load_registry(path: Path | None) -> Registry:
    """Load and map the registry; raise LoadError listing every format error."""
    reg = Registry(path)
    if path is None:
        return reg
    doc = load_yaml(path)
    reg.sha256 = hashlib.sha256(path.read_bytes()).hexdigest()
    diags = schema_diagnostics(doc, "registry")
    if diags:
        raise LoadError(diags)
    data = doc.data or {}
    reg.actors = {k: v["type"] for k, v in (data.get("actors") or {}).items()}
    reg.places = set(data.get("places") or {})
    clash = reg.places & set(reg.actors)
    diags += [doc.diag(("places", k), f"`{k}` is both an actor and a place id; rename one", key=True) for k in sorted(clash)]
    diags += _map(doc, reg)
    if diags:
        raise LoadError(sorted(diags))
    return reg


def _ref(doc: YamlDoc, reg: Registry, where: tuple, value: str, kinds: tuple[str, ...], diags: list[Diagnostic]) -> URIRef | None:
    if value in reg.actors and (not kinds or reg.actors[value] in kinds):
        return actor_iri(value)
    if value in reg.actors:
        diags.append(doc.diag(where, f"`{value}` is a {reg.actors[value]}, but a {' or '.join(kinds)} is expected here"))
    else:
        diags.append(doc.diag(where, f"unknown actor `{value}`: add it under `actors:` in the registry"))
    return None


def _map(doc: YamlDoc, reg: Registry) -> list[Diagnostic]:
    g, src, diags, path = reg.graph, reg.sources, [], str(doc.path)
    for aid, a in (doc.data.get("actors") or {}).items():
        s = actor_iri(aid)
        src[(str(s), None)] = (path, *doc.where(("actors", aid), key=True))
        g.add((s, RDF.type, DG[a["type"]]))
        g.add((s, RDFS.label, Literal(a["label"])))
        reg.aliases[aid] = [a["label"], *a.get("aliases", [])]
        for alias in a.get("aliases", []):
            g.add((s, SKOS.altLabel, Literal(alias)))
        if "iso3" in a:
            g.add((s, DG.iso3, Literal(a["iso3"])))
            src[(str(s), str(DG.iso3))] = (path, *doc.where(("actors", aid, "iso3")))
        if "wikidata" in a:
            g.add((s, SKOS.exactMatch, WD[a["wikidata"]]))
        if "country" in a and (c := _ref(doc, reg, ("actors", aid, "country"), a["country"], ("Country",), diags)):
            g.add((s, DG.country, c))
        for i, pos in enumerate(a.get("positions", []), 1):
            p = URIRef(f"{s}/position/{i}")
            where = ("actors", aid, "positions", i - 1)
            src[(str(p), None)] = (path, *doc.where(where))
            g.add((s, DG.holdsPosition, p))
            g.add((p, RDF.type, DG.Position))
            g.add((p, DG.office, Literal(pos["office"])))
            if "in" in pos and (o := _ref(doc, reg, where + ("in",), pos["in"], (), diags)):
                g.add((p, DG.positionIn, o))
            for key, prop in (("from", DG.startDate), ("to", DG.endDate)):
                if key in pos:
                    try:
                        g.add((p, prop, Literal(dt.date.fromisoformat(pos[key]), datatype=XSD.date)))
                    except ValueError:
                        diags.append(doc.diag(where + (key,), f"`{key}: {pos[key]}` is not a date; write YYYY-MM-DD"))
    for pid, pl in (doc.data.get("places") or {}).items():
        s = place_iri(pid)
        src[(str(s), None)] = (path, *doc.where(("places", pid), key=True))
        reg.place_aliases[pid] = [pl["label"], *pl.get("aliases", [])]
        g.add((s, RDF.type, DG.Place))
        g.add((s, RDFS.label, Literal(pl["label"])))
        for alias in pl.get("aliases", []):
            g.add((s, SKOS.altLabel, Literal(alias)))
        for key, prop in (("lat", GEO.lat), ("long", GEO.long)):
            if key in pl:
                # canonical lexical form ("35", not "35.0"), as Oxigraph stores it: same triples on every backend
                g.add((s, prop, Literal(format(Decimal(str(pl[key])).normalize(), "f"), datatype=XSD.decimal)))
        if "wikidata" in pl:
            g.add((s, SKOS.exactMatch, WD[pl["wikidata"]]))
        if "country" in pl and (c := _ref(doc, reg, ("places", pid, "country"), pl["country"], ("Country",), diags)):
            g.add((s, DG.country, c))
        if "within" in pl:
            if pl["within"] in reg.places:
                g.add((s, DG.within, place_iri(pl["within"])))
            else:
                diags.append(doc.diag(("places", pid, "within"), f"unknown place `{pl['within']}` in `within:`"))
    return diags
