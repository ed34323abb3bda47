"""IRIs of the ontology and of the data: the one place that mints them.

Data IRIs are deterministic (derived from registry ids, article ids and event
ids), so rebuilding the same annotations gives the same triples and exports
are byte-stable.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterable
from functools import cache
from typing import Any, NamedTuple
from urllib.parse import quote, unquote

from rdflib import Namespace, URIRef
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

BASE = "https://w3id.org/diplograph/"
DG = Namespace(BASE + "ontology#")
SEM = Namespace("http://semanticweb.cs.vu.nl/2009/11/sem/")
OA = Namespace("http://www.w3.org/ns/oa#")
GEO = Namespace("http://www.w3.org/2003/01/geo/wgs84_pos#")
WD = Namespace("http://www.wikidata.org/entity/")
SH = Namespace("http://www.w3.org/ns/shacl#")

PREFIXES: dict[str, str] = {
    "dg": str(DG),
    "sem": str(SEM),
    "prov": str(PROV),
    "oa": str(OA),
    "geo": str(GEO),
    "skos": str(SKOS),
    "dcterms": str(DCTERMS),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "owl": str(OWL),
    "xsd": str(XSD),
    "wd": str(WD),
    "actor": BASE + "id/actor/",
    "place": BASE + "id/place/",
    "article": BASE + "id/article/",
}

ONTOLOGY_GRAPH = URIRef(BASE + "graph/ontology")
REGISTRY_GRAPH = URIRef(BASE + "graph/registry")
ARTICLE_GRAPH_PREFIX = BASE + "graph/article/"


_SAFE = re.compile(r"[A-Za-z0-9._~-]*")


def _seg(value: str) -> str:
    """``value`` as one IRI path segment (percent-encoded unless it is all safe characters)."""
    return value if _SAFE.fullmatch(value) else quote(value, safe="-._~")


def actor_iri(actor_id: str) -> URIRef:
    """Registry actor: ``id/actor/ISR``."""
    return URIRef(f"{BASE}id/actor/{_seg(actor_id)}")


def place_iri(place_id: str) -> URIRef:
    return URIRef(f"{BASE}id/place/{_seg(place_id)}")


def article_iri(article_id: str) -> URIRef:
    return URIRef(f"{BASE}id/article/{_seg(article_id)}")


def local_actor_iri(article_id: str, actor_id: str) -> URIRef:
    """An actor that exists only in one article (a delegation, an anonymous source)."""
    return URIRef(f"{article_iri(article_id)}/actor/{_seg(actor_id)}")


def event_iri(article_id: str, event_id: str) -> URIRef:
    return URIRef(f"{article_iri(article_id)}/event/{_seg(event_id)}")


def event_id(iri: str, article_id: str) -> str | None:
    """The inverse of ``event_iri`` for one article: the event id, or None for any other IRI (the
    nodes below an event, its evidence …/event/E/evidence/1, included).

    >>> event_id(str(event_iri("001 muscat", "muscat-talks")), "001 muscat")
    'muscat-talks'
    >>> event_id(str(event_iri("001", "talks")) + "/evidence/1", "001") is None
    True
    """
    inside = f"{article_iri(article_id)}/event/"
    seg = iri[len(inside):] if iri.startswith(inside) else ""
    return unquote(seg) if seg and "/" not in seg else None


def article_graph(article_id: str) -> URIRef:
    """Named graph holding everything derived from one article."""
    return URIRef(ARTICLE_GRAPH_PREFIX + _seg(article_id))


def article_id(graph: str) -> str | None:
    """The inverse of ``article_graph``: the article id of an article's named graph, or None for
    any other graph (the registry's, the ontology's).

    >>> article_id(str(article_graph("002 rome (ü)")))
    '002 rome (ü)'
    >>> article_id("https://w3id.org/diplograph/graph/registry") is None
    True
    """
    return unquote(graph[len(ARTICLE_GRAPH_PREFIX):]) if graph.startswith(ARTICLE_GRAPH_PREFIX) else None


def resolve_curie(curie: str) -> URIRef:
    """Expand ``dg:Meeting`` style names used in the data files."""
    prefix, _, local = curie.partition(":")
    if prefix not in PREFIXES:
        raise KeyError(f"unknown prefix in {curie!r}")
    return URIRef(PREFIXES[prefix] + local)


# -- plain terms: what the mappers write (an rdflib term costs 0.5-1.5 µs to make) --------

class Lit(NamedTuple):
    """A literal as the mapper writes it: its lexical form and datatype IRI ("": xsd:string)."""

    value: str
    datatype: str = ""


Triple = tuple[str, str, "str | Lit"]


@cache
def vocab(curie: str) -> str:
    """A vocabulary IRI (``dg:participant``) as a plain string, expanded once per process."""
    return str(resolve_curie(curie))


def xsd_date(d: Any) -> Lit:
    """A date (or its text) as an xsd:date literal."""
    return Lit(d.isoformat() if hasattr(d, "isoformat") else str(d), vocab("xsd:date"))


def plain_ntriples(triples: Iterable[Triple]) -> str:
    """The mapper's triples as N-Triples, each term escaped by pyoxigraph's writer (an IRI that is
    not one raises ValueError), each distinct IRI written once.

    >>> print(plain_ntriples([("urn:a", "urn:p", Lit('say "hi"\\n')), ("urn:a", "urn:n", Lit("7", vocab("xsd:integer")))]), end="")
    <urn:a> <urn:p> "say \\"hi\\"\\n" .
    <urn:a> <urn:n> "7"^^<http://www.w3.org/2001/XMLSchema#integer> .
    >>> plain_ntriples([("urn:a", "urn:p", "not an IRI")])
    Traceback (most recent call last):
    ...
    ValueError: Invalid IRI code point ' '
    """
    import pyoxigraph as ox

    written: dict[Any, str] = {}

    def term(t: str | Lit) -> str:
        found = written.get(t)
        if found is None:
            if isinstance(t, Lit):
                found = str(ox.Literal(t.value, datatype=ox.NamedNode(t.datatype)) if t.datatype else ox.Literal(t.value))
            elif type(t) is str or isinstance(t, URIRef):  # (an rdflib Literal is a str too)
                found = str(ox.NamedNode(t))
            else:
                raise TypeError(f"not a mapped term: {t!r}")
            written[t] = found
        return found
    return "".join(f"{term(s)} {term(p)} {term(o)} .\n" for s, p, o in triples)


def ntriples_lines(text: str) -> list[str]:
    """The lines of N-Triples or N-Quads text, without their line ends or the blank ones. Split at
    "\\n" only: str.splitlines() also ends a line at U+2028, U+2029 and U+0085, which N-Triples
    leaves unescaped inside a literal (an article's text, a label).

    >>> ntriples_lines('<urn:a> <urn:p> "x\\u2028y" .\\n\\n<urn:a> <urn:q> "z" .\\n')
    ['<urn:a> <urn:p> "x\\u2028y" .', '<urn:a> <urn:q> "z" .']
    """
    return [line for line in text.split("\n") if line.strip()]


def folded(name: str) -> str:
    """A name without case or accents, as names typed on any keyboard are compared: "Recep Tayyip
    Erdoğan", "recep tayyip erdogan" and "RECEP TAYYIP ERDOGAN" are one.

    >>> folded("Türkiye") == folded("TURKIYE")
    True
    """
    return "".join(c for c in unicodedata.normalize("NFKD", name.casefold()) if not unicodedata.combining(c))
