"""Where the graph lives: one small interface, three backends.

* ``OxigraphStore`` – the embedded default: a persistent Oxigraph (RocksDB)
  store in a directory. Writes go to a fresh *generation* (a hard-link backup
  of the current one), and a single atomic rename of ``CURRENT`` makes them
  visible; a failed or killed build leaves the previous generation untouched.
  A first build fills its generation while it still checks (``Staged``).
  CURRENT also records the generation's number of quads, and each generation
  a JSON record of its graphs' content hashes (both: what a build that changes
  nothing would otherwise read from 1.5 M quads), and the answers to slow queries
  asked of it (resultcache.py: a generation never changes, so neither do they).
* ``MemoryStore`` – an rdflib Dataset in memory, for tests and small scripts.
* ``RemoteStore`` – any SPARQL 1.1 endpoint, through SPARQLWrapper.

All queries see the union of the named graphs as their default graph.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import fcntl
import itertools
import os
import queue
import re
import shutil
import threading
import time
from abc import ABC, abstractmethod
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import BNode, Graph, Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from . import __version__
from .cache import cache_dir, read_json, write_json
from .errors import QueryError, StoreError
from .terms import DG, ntriples_lines

DEFAULT_STORE = ".diplograph"
GraphData = Graph | str  # an rdflib graph, or its N-Triples text
# Quads per bulk-loader call. Oxigraph's bulk loader holds what one call gives it (~750 B a quad, and
# here the call's text too): 150k keeps a 10k-article build near 1 GB (500k: 1.45 GB) at the same speed.
BULK_BATCH = 150_000
OPEN_ATTEMPTS = 3  # reads of CURRENT before a generation that will not open is called damaged
OPTIMIZE_AFTER = 100  # graphs written in one build before the embedded store is compacted
# Replaced ÷ kept graphs past which a build copies the kept ones into an empty generation rather than
# removing the replaced ones: at 10k articles, replacing 3,000 / 5,000 / 7,000 graphs took 11.7 / 19.0 /
# 29.7 s and 587 / 810 / 1,021 MB by removal, 17.5 / 17.0 / 15.5 s and 436 / 447 / 495 MB by copy.
REBUILD_AFTER = 0.8
HASHES_QUERY = f"SELECT ?g ?h WHERE {{ GRAPH ?g {{ ?g <{DG.contentHash}> ?h }} }}"


@dataclass
class QueryResult:
    """Rows of a SELECT (or one row with ``ask`` for an ASK), as rdflib terms."""

    vars: list[str]
    rows: list[list[Node | None]] = field(default_factory=list)
    ask: bool | None = None


class Store(ABC):
    """What diplograph needs from an RDF store."""

    location: str

    @abstractmethod
    def query(self, sparql: str) -> QueryResult:
        """Run a read-only SPARQL query over the union of all graphs."""

    @abstractmethod
    def apply(self, replace: dict[URIRef, GraphData], remove: Iterable[URIRef] = ()) -> None:
        """Replace whole named graphs and drop others, as one change where the backend allows.

        The embedded store empties ``replace`` as it loads it, so that each graph's text can be
        freed once loaded (it is 300 MB at 10k articles).
        """

    @abstractmethod
    def dump_nquads(self, graph: URIRef | None = None) -> str:
        """Every quad (or one graph's), as N-Quads text."""

    def graphs_ntriples(self, graphs: Iterable[str] | None = None) -> Iterator[tuple[str, str]]:
        """Each graph's N-Triples (of ``graphs`` only, if given), in the order of their IRIs ("": the
        default graph, first): what an export writes. Here from one dump of every quad; the
        embedded store reads them graph by graph, so that an export holds one graph at a time."""
        import pyoxigraph as ox

        texts = [self.dump_nquads()] if graphs is None else [self.dump_nquads(URIRef(g)) for g in graphs]
        by_graph: dict[str, list[Any]] = {}
        for text in texts:
            for q in ox.parse(text, format=ox.RdfFormat.N_QUADS):
                name = q.graph_name.value if isinstance(q.graph_name, ox.NamedNode) else ""
                by_graph.setdefault(name, []).append(ox.Triple(q.subject, q.predicate, q.object))
        for name in sorted(by_graph):
            yield name, ox.serialize(by_graph.pop(name), format=ox.RdfFormat.N_TRIPLES).decode()

    @contextlib.contextmanager
    def staging(self) -> Iterator[Staged | None]:
        """A new generation a build may fill while it still checks its articles (``Staged``), or
        None: here, and for an embedded store built before, the build writes at its commit."""
        yield None

    def check_writable(self) -> None:
        """Raise StoreError now if a write is bound to be refused, before a build spends a minute
        validating (the embedded store: a first build into a folder of other files)."""

    def check_built(self) -> None:
        """Raise StoreError now if nothing has been built into the store, before work that reads it
        (``validate --store`` with a mistyped path compared against nothing and said nothing)."""

    def graph_hashes(self, graphs: Iterable[str] | None = None) -> dict[str, str]:
        """Named graph IRI -> content hash recorded at build time (of ``graphs`` only, if given)."""
        found = {str(r[0]): str(r[1]) for r in self.query(HASHES_QUERY).rows}
        return found if graphs is None else {g: found[g] for g in graphs if g in found}

    def count(self) -> int:
        rows = self.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }").rows
        return int(rows[0][0]) if rows else 0  # type: ignore[arg-type]

    def close(self) -> None:  # pragma: no cover - trivial
        """Release files or connections."""


# --------------------------------------------------------------------------
# term conversion (pyoxigraph <-> rdflib)
# --------------------------------------------------------------------------

_XSD_STRING = str(XSD.string)  # (XSD.string is looked up by a Python function at every use)
# rdflib's constructors check what a store's answer never needs checked (an IRI's syntax: the
# engine parsed it; a plain string's datatype conversions): 1.9 µs a plain literal and 0.95 µs an
# IRI, against 0.3 µs built directly; a listing of 20,000 rows builds ~100,000 of them. Built so
# only while Literal keeps the slots it had when this was written (tests compare both ways).
_LITERAL_SLOTS = ("_language", "_datatype", "_value", "_ill_typed")
_DIRECT = getattr(Literal, "__slots__", None) == _LITERAL_SLOTS


def iri(value: str) -> URIRef:
    """``URIRef(value)`` for an IRI that is known to be valid (from a store or a kept answer).

    >>> iri("urn:x") == URIRef("urn:x"), type(iri("urn:x")).__name__
    (True, 'URIRef')
    """
    return str.__new__(URIRef, value) if _DIRECT else URIRef(value)


def plain_literal(value: str) -> Literal:
    """``Literal(value, normalize=False)``: a plain string literal, as rdflib's parsers give it.

    >>> plain_literal("a b") == Literal("a b"), plain_literal("a b").value
    (True, 'a b')
    """
    if not _DIRECT:
        return Literal(value, normalize=False)
    lit = str.__new__(Literal, value)
    lit._language = lit._datatype = lit._ill_typed = None
    lit._value = value
    return lit


_DATE, _INTEGER = XSD.date, XSD.integer  # compared as text: a URIRef equals no str
_DATE_TEXT, _INTEGER_TEXT = str(_DATE), str(_INTEGER)
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")


def typed_literal(value: str, datatype: str) -> Literal:
    """``Literal(value, datatype=URIRef(datatype))``; a day (``xsd:date``) or a whole number
    (``xsd:integer``) in canonical form built directly (6 µs -> 0.3 µs: a timeline of 20,000
    rows has ~3,600 dates), with the same value, so the same term.

    >>> typed_literal("2025-10-13", str(XSD.date)) == Literal("2025-10-13", datatype=XSD.date)
    True
    >>> typed_literal("2025-13-45", str(XSD.date)).value is None  # ill-typed: as rdflib makes it
    True
    """
    if _DIRECT:
        python: object = None
        if datatype == _DATE_TEXT and _ISO_DAY.fullmatch(value):
            with contextlib.suppress(ValueError):
                python, dt_iri = dt.date.fromisoformat(value), _DATE
        elif datatype == _INTEGER_TEXT and value.isascii() and value.isdigit() and (value == "0" or value[0] != "0"):
            python, dt_iri = int(value), _INTEGER
        if python is not None:
            lit = str.__new__(Literal, value)
            lit._language = None
            lit._datatype, lit._value, lit._ill_typed = dt_iri, python, False
            return lit
    return Literal(value, datatype=URIRef(datatype))


def ordered(result: QueryResult, sparql: str) -> QueryResult:
    """The answer to ``sparql`` with the items of each joined cell ("Syria; United States; Turkey")
    in alphabetical order, as every backend gives it: SPARQL leaves GROUP_CONCAT's order to the
    engine, and two engines (or two builds) would give one answer two ways. Done once, before an
    answer is kept, not at each reading of it.

    >>> r = QueryResult(["xs"], [[Literal("b; a")], [None]])
    >>> ordered(r, 'SELECT (GROUP_CONCAT(?x; separator="; ") AS ?xs) {}').rows
    [[rdflib.term.Literal('a; b')], [None]]
    """
    from .catalogue import joined_columns

    lists = joined_columns(sparql) if "GROUP_CONCAT" in sparql.upper() else {}
    columns = [(i, lists[v]) for i, v in enumerate(result.vars) if v in lists]
    for row in result.rows if columns else ():
        for i, sep in columns:
            cell = row[i]
            if isinstance(cell, Literal) and sep and sep in cell:
                items = str(cell).split(sep)
                items_in_order = sorted(items, key=lambda x: (x.casefold(), x))
                if items_in_order != items:  # (normalize=False: a tenth of the cost, for text as it is)
                    row[i] = Literal(sep.join(items_in_order), lang=cell.language, datatype=cell.datatype,
                                     normalize=False)
    return result


def from_oxigraph(term: Any) -> Node | None:
    """A pyoxigraph term as rdflib's own parsers give it (see ``literal``)."""
    import pyoxigraph as ox

    if term is None:
        return None
    if isinstance(term, ox.NamedNode):
        return iri(term.value)
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    if isinstance(term, ox.Literal):
        lang = term.language
        return literal(term.value, lang, None if lang else term.datatype.value)
    raise QueryError(f"unsupported term in result: {term!r}")


def literal(value: str, lang: str | None = None, datatype: str | None = None) -> Literal:
    """A literal from a store's answer (embedded or remote), as rdflib's own parsers give it: a
    string typed ``xsd:string`` plain, as RDF 1.1 has it ("a" and "a"^^xsd:string are one term;
    rdflib would keep them apart, and builds the typed one three times slower).

    >>> literal("a", datatype=str(XSD.string)) == Literal("a"), literal("a", "en").language
    (True, 'en')
    """
    if lang:  # normalize=False: for a string it changes nothing but saves rdflib a conversion (~1 µs)
        return Literal(value, lang=lang, normalize=False)
    if datatype is None or datatype == _XSD_STRING:
        return plain_literal(value)
    return typed_literal(value, datatype)


class _Converted(dict):  # type: ignore[type-arg]
    """from_oxigraph, remembering the terms it has seen: a result repeats its types, dates, places and
    articles, and an rdflib literal costs 5-20 µs to build (half of events-table's time at 10k
    articles was spent building its 600,000 terms). Asked by ``[]``: a term seen before costs
    one lookup in C (``map(converted.__getitem__, solution)``), no call of a Python function."""

    def __missing__(self, term: Any) -> Node | None:
        self[term] = node = from_oxigraph(term)
        return node


def nquads_term(term: Node) -> str:
    """A term as N-Triples/N-Quads writes it (escaped, one line), by pyoxigraph's own rules."""
    import pyoxigraph as ox

    if isinstance(term, URIRef):
        return str(ox.NamedNode(str(term)))
    if isinstance(term, BNode):
        return str(ox.BlankNode(str(term)))
    if isinstance(term, Literal):
        if term.language:
            return str(ox.Literal(str(term), language=term.language))
        return str(ox.Literal(str(term), datatype=ox.NamedNode(str(term.datatype) if term.datatype else _XSD_STRING)))
    raise QueryError(f"unsupported term {term!r}")


def ntriples_of(triples: Iterable[tuple[Node, Node, Node]]) -> str:
    """Triples of rdflib terms as N-Triples text, escaped by pyoxigraph's writer."""
    return "".join(f"{nquads_term(s)} {nquads_term(p)} {nquads_term(o)} .\n" for s, p, o in triples)


def nt_to_nq(ntriples: str, graph: URIRef | str) -> str:
    """Put N-Triples lines into a named graph (each line ends with ' .')."""
    return "".join(f"{line[:-2].rstrip()} <{graph}> .\n" for line in ntriples_lines(ntriples))


def ntriples(graph: GraphData) -> str:
    """A graph's N-Triples text (compacted graphs already are text)."""
    return graph if isinstance(graph, str) else graph.serialize(format="nt", encoding="utf-8").decode()


class _Batches:
    """Graphs as N-Quads text, about ``size`` quads a piece, for Oxigraph's bulk loader (which parses
    it in Rust: the write of a 10k build ~20 % faster than quads built one by one in Python for
    ``bulk_extend``): ``add`` gives a piece when one is full, ``rest`` what is left."""

    def __init__(self, size: int) -> None:
        self.size = size
        self._texts: list[str] = []
        self._lines = 0

    def add(self, g: URIRef | str, graph: GraphData) -> str | None:
        text = nt_to_nq(ntriples(graph), g)
        self._texts.append(text)
        self._lines += text.count("\n")
        return self.rest() if self._lines >= self.size else None

    def rest(self) -> str | None:
        if not self._texts:
            return None
        text, self._texts, self._lines = "".join(self._texts), [], 0
        return text


def _nquads_batches(graphs: Iterable[tuple[URIRef, GraphData]], size: int) -> Iterator[str]:
    """The graphs in pieces of ``_Batches``. Give it ``_drained(graphs)`` to free each graph's text once
    it is loaded (300 MB at 10k articles)."""
    batches = _Batches(size)
    for g, graph in graphs:
        text = batches.add(g, graph)
        del graph
        if text is not None:
            yield text
    if (text := batches.rest()) is not None:
        yield text


def _drained(items: list[Any]) -> Iterator[Any]:
    """The items of a list in order, each dropped from the list as it is given."""
    items.reverse()
    while items:
        yield items.pop()


def _mostly_replaced(store: Any, changed: set[str]) -> list[str] | None:
    """The graphs of ``store`` not in ``changed``, when the changed ones outnumber them
    REBUILD_AFTER times (copying them into an empty generation is then cheaper); else None,
    known after reading about len(changed) / REBUILD_AFTER graph names, not every one: a build
    of one article into a 100k-article store lists a few."""
    kept: list[str] = []
    dropped = 0
    for g in store.named_graphs():
        if g.value in changed:
            dropped += 1
        else:
            kept.append(g.value)
            if REBUILD_AFTER * len(kept) >= len(changed):  # at most len(changed) can go: too few
                return None
    return kept if dropped > REBUILD_AFTER * len(kept) else None


def _copied(store: Any, graphs: list[str]) -> Iterator[tuple[URIRef, str]]:
    """Named graphs of an Oxigraph store as (name, N-Triples), one at a time."""
    import pyoxigraph as ox

    for g in graphs:
        yield URIRef(g), store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(g)).decode("utf-8")


# --------------------------------------------------------------------------
# embedded Oxigraph store with atomic generations
# --------------------------------------------------------------------------

def answer(reader: Any, sparql: str) -> QueryResult:
    """Answer a query on a pyoxigraph ``Store`` (the union of its graphs as the default graph), with
    terms as rdflib's parsers give them."""
    import pyoxigraph as ox

    try:
        res = reader.query(sparql, use_default_graph_as_union=True)
    except SyntaxError as exc:
        raise QueryError(f"SPARQL syntax error: {exc}") from None
    if isinstance(res, ox.QueryBoolean):
        return QueryResult([], [], ask=bool(res))
    if isinstance(res, ox.QuerySolutions):
        # A solution iterated gives its values in the order of the variables, faster than asked by
        # name (events-table at 10k articles: 50,155 rows of 12 in 1.5 -> 0.6 s, beside the engine's 3.1 s).
        term = _Converted().__getitem__
        return ordered(QueryResult([v.value for v in res.variables], [list(map(term, sol)) for sol in res]), sparql)
    term = _Converted().__getitem__
    rows = [[term(t.subject), term(t.predicate), term(t.object)] for t in res]
    return QueryResult(["subject", "predicate", "object"], rows)


HASHES_FILE = "diplograph-graph-hashes.json"  # in each generation: its graphs' content hashes


def _read_hashes(store: Any, graphs: Iterable[str] | None = None) -> dict[str, str]:
    """Graph -> content hash, read from a pyoxigraph store's index (of ``graphs`` only, if given)."""
    import pyoxigraph as ox

    prop = ox.NamedNode(str(DG.contentHash))
    if graphs is None:
        quads = store.quads_for_pattern(None, prop, None, None)
    else:
        quads = itertools.chain.from_iterable(
            store.quads_for_pattern(g, prop, None, g) for g in map(ox.NamedNode, graphs))
    return {q.graph_name.value: q.object.value for q in quads if q.subject == q.graph_name}


class Staged:
    """The first generation of an embedded store, filled by a thread while the build still checks.

    A first build of 10,000 articles checks for ~15 s (in worker processes, on both cores; the
    main process waits for them) and then writes for ~15 s (Oxigraph's bulk loader, ~1.3
    cores): the graphs given to ``add`` as the check passes them are loaded meanwhile. Nothing
    is visible until ``commit``; the generation is deleted if the build stops before it (a
    failed check, an error, Ctrl-C). Made by ``OxigraphStore.staging``, which holds the lock.
    """

    def __init__(self, owner: OxigraphStore, path: Path) -> None:
        import pyoxigraph as ox

        self.owner, self.path = owner, path
        self.store: Any = ox.Store(str(path))
        self.loaded: set[str] = set()  # the graphs given so far
        self.committed = False
        self._batches = _Batches(BULK_BATCH)  # N-Quads not yet handed to the loader
        self._queue: queue.Queue[str | None] = queue.Queue(maxsize=2)  # bounds the texts held
        self._error: BaseException | None = None
        self._thread = threading.Thread(target=self._load, name="diplograph-staged-load", daemon=True)
        self._thread.start()

    def _load(self) -> None:
        """The loader thread (the bulk loader lets go of the GIL: the main thread keeps absorbing)."""
        import pyoxigraph as ox

        while (text := self._queue.get()) is not None:
            if self._error is None:
                try:  # lenient: see OxigraphStore.apply
                    self.store.bulk_load(text, format=ox.RdfFormat.N_QUADS, lenient=True)
                except BaseException as exc:  # noqa: BLE001 - raised again by finish()
                    self._error = exc

    def add(self, graphs: Iterable[tuple[URIRef, GraphData]]) -> None:
        """Load these graphs (in the background, by BULK_BATCH quads)."""
        for g, graph in graphs:
            self.loaded.add(str(g))
            if (text := self._batches.add(g, graph)) is not None:
                self._queue.put(text)

    def finish(self) -> Any:
        """The pyoxigraph store, once every graph given is loaded (the loader's error raised)."""
        if (text := self._batches.rest()) is not None:
            self._queue.put(text)
        self._queue.put(None)
        self._thread.join()
        if self._error is not None:
            raise self._error
        return self.store

    def commit(self, replace: dict[URIRef, GraphData], remove: Iterable[URIRef] = ()) -> None:
        """``Store.apply`` for this generation: ``replace`` (graphs not given to ``add``) is loaded too,
        and it goes live."""
        self.owner.check_writable()
        self.owner._write(replace, list(remove), self)
        self.committed = True

    def discard(self) -> None:
        """Stop loading and delete the generation (nothing once committed)."""
        if self.committed:
            return
        if self._thread.is_alive():
            self._error = self._error or StoreError("discarded")  # the loads still queued are skipped
            self._queue.put(None)
            self._thread.join()
        self.store = None
        shutil.rmtree(self.path, ignore_errors=True)


class OxigraphStore(Store):
    """A persistent Oxigraph store in ``path``; see the module docstring.

    >>> import tempfile
    >>> s = OxigraphStore(Path(tempfile.mkdtemp()) / "store")
    >>> s.count()
    0
    """

    def __init__(self, path: Path | str, *, lock_timeout: float = 30.0, keep_results: bool = True):
        self.root = Path(path)
        self.location = str(self.root)
        self.lock_timeout = lock_timeout
        self.keep_results = keep_results  # reuse answers kept in the generation (resultcache.py)
        self._reader: Any = None
        self._reader_gen: Path | None = None

    # -- reading --
    def _current_file(self) -> list[str] | None:
        """CURRENT's words: the live generation's name, then (since 0.1) its number of quads;
        None for a store never built."""
        try:
            return (self.root / "CURRENT").read_text().split()
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise StoreError(f"cannot read the store at {self.root}: {exc.strerror}") from None

    def current(self) -> Path | None:
        """The live generation directory, or None for a store never built."""
        words = self._current_file()
        if words is None:
            return None
        name = words[0] if words else ""
        gen = self.root / name
        if not name.startswith("gen-") or not gen.is_dir():
            raise StoreError(f"the store at {self.root} is damaged: CURRENT names {name!r}, which is missing")
        return gen

    def _ox(self) -> Any:
        import pyoxigraph as ox

        if self._reader is None:
            for attempt in range(OPEN_ATTEMPTS):
                try:
                    gen = self.current()
                    self._reader = ox.Store() if gen is None else ox.Store.read_only(str(gen))
                    break
                except (StoreError, OSError) as exc:
                    # A build may have switched CURRENT to its new generation and deleted the one we
                    # read it named, as we opened it: read CURRENT again. Damage fails every time.
                    if attempt == OPEN_ATTEMPTS - 1:
                        if isinstance(exc, StoreError):
                            raise
                        raise StoreError(f"cannot open the store at {self.root}: {exc}") from None
            self._reader_gen = gen
        return self._reader

    def _built(self) -> Any:
        """The reader, for queries and exports: a store never built is an error, not an empty answer
        (a query run in another folder than the build's said "unknown actor 'ISR'")."""
        reader = self._ox()
        if self._reader_gen is None:
            raise StoreError(f"no store has been built at {self.root} yet: run `diplograph build` first, or point "
                             "--store (or $DIPLOGRAPH_STORE) at the store you built")
        return reader

    def check_built(self) -> None:
        self._built()

    def count(self) -> int:
        """Quads in the store: recorded in CURRENT when the generation was written (counting
        1.5 M quads takes a second, as long as the rest of a build that changes nothing)."""
        words = self._current_file() or []
        if len(words) >= 2 and words[1].isdigit():
            return int(words[1])
        return len(self._ox())

    def graph_hashes(self, graphs: Iterable[str] | None = None) -> dict[str, str]:
        """All of them: as recorded beside the generation when it was written (reading 10,000
        from the index takes 0.2-0.3 s, decoding each string; a build that changes nothing
        spent a quarter of its time there), else read from the index. With ``graphs``, one
        lookup each (building one file into a 10k-article store reads 3 hashes, not 10,000)."""
        if graphs is None and (recorded := self._recorded_hashes()) is not None:
            return recorded
        return _read_hashes(self._ox(), graphs)

    def _recorded_hashes(self) -> dict[str, str] | None:
        gen = self.current()
        found = None if gen is None else read_json(gen / HASHES_FILE)
        if isinstance(found, dict) and all(isinstance(v, str) for v in found.values()):
            return found
        return None  # a generation written before the record existed, or a damaged record: read the index

    def query(self, sparql: str) -> QueryResult:
        """Answer a query; a slow answer is kept in the generation and read back next time
        (see resultcache.py; ``keep_results=False`` always computes)."""
        reader = self._built()
        kept = self._kept_results(sparql)
        if kept is not None and (found := kept.get(sparql)) is not None:
            return found
        started = time.perf_counter()
        result = answer(reader, sparql)
        if kept is not None:
            kept.put(sparql, result, seconds=time.perf_counter() - started)
        return result

    def _kept_results(self, sparql: str) -> Any:
        if not self.keep_results or self._reader_gen is None or cache_dir() is None:
            return None  # asked not to, nothing built yet, or DIPLOGRAPH_CACHE=off
        import pyoxigraph as ox

        from .resultcache import FOLDER, ResultCache, keepable

        if not keepable(sparql):
            return None
        return ResultCache(self._reader_gen / FOLDER, engine=f"diplograph {__version__} pyoxigraph {ox.__version__}")

    def dump_nquads(self, graph: URIRef | None = None) -> str:
        import pyoxigraph as ox

        store = self._built()
        if graph is None:
            data = store.dump(format=ox.RdfFormat.N_QUADS)
        else:
            data = store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(str(graph)))
            return nt_to_nq((data or b"").decode("utf-8"), graph)
        return (data or b"").decode("utf-8")

    def graphs_ntriples(self, graphs: Iterable[str] | None = None) -> Iterator[tuple[str, str]]:
        import pyoxigraph as ox

        store = self._built()
        if graphs is None:
            graphs = sorted(g.value for g in store.named_graphs() if isinstance(g, ox.NamedNode))
            if default := store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()):
                yield "", default.decode("utf-8")
        for g in graphs:
            yield g, (store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(g)) or b"").decode("utf-8")

    # -- writing --
    @contextlib.contextmanager
    def _locked(self) -> Iterator[None]:
        deadline = time.monotonic() + self.lock_timeout
        while True:
            try:
                self.root.mkdir(parents=True, exist_ok=True)
                fd = os.open(self.root / "lock", os.O_RDWR | os.O_CREAT, 0o644)
            except OSError as exc:
                raise StoreError(f"cannot write to the store at {self.root}: {exc.strerror}; it still holds what it held before") from None
            try:
                while True:
                    try:
                        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
                        break
                    except BlockingIOError:
                        if time.monotonic() >= deadline:
                            raise StoreError(f"another diplograph process is writing to the store at {self.root}; "
                                             "wait for it to finish and try again") from None
                        time.sleep(0.1)
                st = os.fstat(fd)
                with contextlib.suppress(OSError):
                    on_disk = os.stat(self.root / "lock")
                    if (on_disk.st_dev, on_disk.st_ino) == (st.st_dev, st.st_ino):
                        break  # ours; else a failed first build removed it while we waited (see staging)
            except BaseException:
                os.close(fd)
                raise
            os.close(fd)
        try:
            yield
        finally:
            os.close(fd)  # closing releases the lock

    def check_writable(self) -> None:
        """A first build goes into a new or empty folder: `--store seeds` (or a home folder) by
        mistake would otherwise scatter a database among the user's own files."""
        if not self.root.is_dir() or self.current() is not None:
            return
        mine = ("lock", "CURRENT.tmp")  # and gen-*; hidden files (.DS_Store, .gitkeep) do not count
        strangers = sorted(p.name for p in self.root.iterdir()
                           if p.name not in mine and not p.name.startswith(("gen-", ".")))
        if strangers:
            shown = ", ".join(strangers[:3]) + (", …" if len(strangers) > 3 else "")
            raise StoreError(f"{self.root} holds other files ({shown}) and no store: give --store a new or empty "
                             "folder for the store")

    @contextlib.contextmanager
    def staging(self) -> Iterator[Staged | None]:
        """The first generation of a store never built, to be filled while the build checks and
        committed by its ``commit`` (see Staged); None for a store built before. Holds the write
        lock meanwhile; the store folder and lock file it made are removed again if nothing is committed."""
        if self.current() is not None:
            yield None
            return
        made, lock_made = not self.root.exists(), not (self.root / "lock").exists()

        def as_it_was() -> None:  # the lock still held: a process waiting for it then takes a new one (_locked)
            if staged is not None and not staged.committed:
                with contextlib.suppress(OSError):
                    if lock_made:
                        os.unlink(self.root / "lock")
                    if made:
                        self.root.rmdir()

        staged: Staged | None = None
        with contextlib.ExitStack() as held:
            held.enter_context(self._locked())
            if self.current() is None:
                self._clear_leftovers(None)
                try:
                    staged = Staged(self, self.root / "gen-000001")
                except OSError as exc:
                    shutil.rmtree(self.root / "gen-000001", ignore_errors=True)
                    raise self._write_failed(exc) from None
                held.callback(as_it_was)
                held.callback(staged.discard)  # first
            else:  # built by another process while we waited for the lock: written at the commit
                held.close()
            yield staged

    def _write_failed(self, exc: OSError) -> StoreError:
        return StoreError(f"could not write the store at {self.root} ({exc}); it still holds what it held before")

    def _clear_leftovers(self, cur: Path | None) -> None:
        for leftover in self.root.glob("gen-*"):  # an earlier build that died before its swap
            if leftover != cur:
                shutil.rmtree(leftover, ignore_errors=True)

    def apply(self, replace: dict[URIRef, GraphData], remove: Iterable[URIRef] = ()) -> None:
        self.check_writable()
        with self._locked():
            self._write(replace, list(remove), None)

    def _write(self, replace: dict[URIRef, GraphData], remove: list[URIRef], staged: Staged | None) -> None:
        """apply()'s work, the lock held: into a new generation (or the staged one), then the commit."""
        import pyoxigraph as ox

        cur = self.current()  # None when staged: staging() made sure of it, under the same lock
        n = int(cur.name.split("-")[1]) + 1 if cur else 1
        new = self.root / f"gen-{n:06d}" if staged is None else staged.path
        if staged is None:
            self._clear_leftovers(cur)
        try:
            old = ox.Store.read_only(str(cur)) if cur is not None else None
            replace_names = [*(staged.loaded if staged is not None else ()), *map(str, replace)]
            changes = len(replace_names) + len(remove)
            changed = {*replace_names, *map(str, remove)}
            # Most graphs replaced (a new version's mapping, an edit of an actor most articles
            # name): a new, empty generation gets the rest copied into it. Removing a graph
            # costs more than copying one, and its tombstones stay in memory until compacted
            # (REBUILD_AFTER): replacing 8,000 of 10,000 articles took 18 s and 800 MB more that way.
            kept = _mostly_replaced(old, changed) if old is not None else None
            rebuild = kept is not None
            edit = old is not None and not rebuild  # the old generation, less what changed
            if edit:
                old.backup(str(new))  # hard links: cheap
            store = ox.Store(str(new)) if staged is None else staged.finish()
            known = self.count() if edit else 0
            for g in [*remove, *replace] if edit else []:
                if changes <= OPTIMIZE_AFTER:  # few graphs: keep the count by subtraction
                    known -= sum(1 for _ in store.quads_for_pattern(None, None, None, ox.NamedNode(str(g))))
                store.remove_graph(ox.NamedNode(str(g)))
            graphs = list(replace.items())
            replace.clear()
            sources: Iterable[tuple[URIRef, GraphData]] = _drained(graphs)
            if kept is not None:
                sources = itertools.chain(sources, _copied(old, kept))
                if default := old.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()):
                    store.bulk_load(default, format=ox.RdfFormat.N_QUADS, lenient=True)  # none is written; kept if any
            # Lenient (IRIs not parsed again: ~10 % of the loader's CPU at 10k articles): every text loaded
            # here was read strictly before, by the SHACL engine at its check (the check cache keeps what
            # passed it) or by this store when it was written.
            for text in _nquads_batches(sources, BULK_BATCH):
                store.bulk_load(text, format=ox.RdfFormat.N_QUADS, lenient=True)
                del text
            store.flush()
            old = None
            if rebuild:
                total = len(store)
            elif changes <= OPTIMIZE_AFTER:  # and the quads that came (the store's count: no duplicates)
                total = known + sum(1 for g in replace_names
                                    for _ in store.quads_for_pattern(None, None, None, ox.NamedNode(g)))
            else:
                total = len(store)
            if changes >= OPTIMIZE_AFTER:
                # Bulk-written files are not compacted: at 10k articles queries ran ~3x slower
                # until this (1.2 s) pass; small incremental writes leave it to RocksDB.
                store.optimize()
                hashes = _read_hashes(store)
            else:  # the old record, less what went, plus what came (a lookup each)
                hashes = {g: h for g, h in (self.graph_hashes() if cur is not None else {}).items()
                          if g not in changed}
                hashes.update(_read_hashes(store, replace_names))
            del store  # closed before it goes live
            if staged is not None:
                staged.store = None
            write_json(new / HASHES_FILE, hashes)  # atomic; a missing record only costs time
            tmp = self.root / "CURRENT.tmp"
            with open(tmp, "w") as fh:
                fh.write(f"{new.name}\n{total}\n")
                fh.flush()
                os.fsync(fh.fileno())
            os.replace(tmp, self.root / "CURRENT")  # the commit point
            dir_fd = os.open(self.root, os.O_RDONLY)
            try:
                os.fsync(dir_fd)
            finally:
                os.close(dir_fd)
        except OSError as exc:
            shutil.rmtree(new, ignore_errors=True)
            raise self._write_failed(exc) from None
        if cur is not None:
            shutil.rmtree(cur, ignore_errors=True)  # with the answers kept for it
        self._reader = self._reader_gen = None


# --------------------------------------------------------------------------
# rdflib in-memory store
# --------------------------------------------------------------------------

class MemoryStore(Store):
    """An rdflib Dataset in memory: no files, slow on big data, handy in tests."""

    def __init__(self) -> None:
        from rdflib import Dataset

        self.location = "memory"
        self.ds = Dataset(default_union=True)

    def query(self, sparql: str) -> QueryResult:
        try:
            res = self.ds.query(sparql)
        except Exception as exc:  # rdflib raises pyparsing errors for syntax
            raise QueryError(f"SPARQL error: {exc}") from None
        if res.type == "ASK":
            return QueryResult([], [], ask=bool(res.askAnswer))
        if res.type == "SELECT":
            names = [str(v) for v in res.vars]
            return ordered(QueryResult(names, [[row[i] for i in range(len(names))] for row in res]), sparql)
        return QueryResult(["subject", "predicate", "object"], [list(t) for t in res])

    def apply(self, replace: dict[URIRef, GraphData], remove: Iterable[URIRef] = ()) -> None:
        for g in [*remove, *replace]:
            self.ds.remove_graph(self.ds.graph(g))
        for g, graph in replace.items():
            target = self.ds.graph(g)
            if isinstance(graph, str):
                graph = Graph().parse(data=graph, format="nt")
            for triple in graph:
                target.add(triple)

    def dump_nquads(self, graph: URIRef | None = None) -> str:
        names = [graph] if graph is not None else [g.identifier for g in self.ds.graphs()
                                                   if isinstance(g.identifier, URIRef)
                                                   and not str(g.identifier).startswith("urn:x-rdflib:")]
        return "".join(nt_to_nq(self.ds.graph(g).serialize(format="nt"), g) for g in names)


def open_store(spec: str | None = None, *, timeout: float | None = None, keep_results: bool = True) -> Store:
    """Open a store from a ``--store`` value: a directory, ``memory``, an endpoint URL or ``@profile``.

    ``timeout`` is how long to wait: for a remote endpoint's answer, or for another
    process's write lock on an embedded store (default 30 s). ``keep_results=False``:
    an embedded store computes every answer rather than reading one kept earlier.
    """
    spec = spec or os.environ.get("DIPLOGRAPH_STORE") or DEFAULT_STORE
    wait = {} if timeout is None else {"timeout": timeout}
    if spec.startswith("@"):  # a named profile in the config file
        from .config import profile
        from .remote import RemoteStore

        p = profile(spec[1:])
        if timeout is None and p.timeout is not None:
            wait = {"timeout": p.timeout}
        return RemoteStore(p.url, update_url=p.update_url, graph_store_url=p.graph_store_url, user=p.user,
                           password=p.password, token=p.token, **wait)
    if spec.startswith(("http://", "https://")):
        from .remote import RemoteStore

        return RemoteStore(spec, **wait)
    if spec == "memory":
        return MemoryStore()
    return OxigraphStore(Path(spec), keep_results=keep_results, **({} if timeout is None else {"lock_timeout": timeout}))
