"""Answers to slow queries, kept beside the store generation they were computed on.

A listing of thousands of rows takes the engine 0.1-8 s at 10,000 articles (every row costs
index lookups and string decoding; see docs/benchmarks.md), and analysts, notebooks and
dashboards ask the same canned query again and again between two builds. A generation of
the embedded store never changes once written (a build writes the next one and deletes this
one with everything in it), so the answer to the same query text on the same generation is
the same answer: it is kept in ``diplograph-results/`` inside the generation and read back
at ~10x the speed. Nothing else can make it stale, except a query whose answer changes by
itself (``NOW()``, ``RAND()``, ``UUID()``, ``STRUUID()``, ``BNODE()``, ``SERVICE``), which
is never kept. Only answers that took ``KEEP_AFTER`` seconds or more are kept (lookups are
faster to compute than to read), at most ``MAX_ENTRIES`` and ``MAX_BYTES`` per generation, the
oldest going first. A missing, damaged or unwritable entry only costs the time to compute it again;
``diplograph query --no-cache`` always computes.

Entries are JSON: each distinct term once (a listing repeats its types, dates, places and
articles, and building an rdflib term costs 0.3-6 µs), as a string of kinds (one letter a term)
and a list of their texts, with the language or datatype of those that have one; the rows as
indexes into that table, packed as little-endian 32-bit integers (base64): parsing 600,000
small integers out of JSON took 100 ms of reading events-table's 50,057 rows.

>>> from rdflib import Literal, URIRef
>>> from diplograph.store import QueryResult
>>> r = QueryResult(["x", "y"], [[URIRef("urn:a"), Literal("b", lang="en")], [URIRef("urn:a"), None]])
>>> decode(encode(r)) == r
True
>>> {k: encode(r)[k] for k in ("kinds", "values", "extra")}
{'kinds': 'il', 'values': ['urn:a', 'b'], 'extra': ['en']}
"""

from __future__ import annotations

import array
import base64
import contextlib
import gc
import hashlib
import json
import os
import re
import sys
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from rdflib import BNode, Literal, URIRef
from rdflib.term import Node

from .cache import read_json, write_bytes
from .store import QueryResult, iri, plain_literal, typed_literal

FOLDER = "diplograph-results"  # in a generation's directory
KEEP_AFTER = 0.05  # seconds: quicker answers are not kept
MAX_ENTRIES = 256  # per generation
MAX_BYTES = 256 * 1024 * 1024  # per generation; an answer over a quarter of it is not kept
FORMAT = "3"  # of the entries; part of the key, so a new layout ignores old entries (2: joined cells in order; 3: packed rows)

# Answers that change with no change to the data. Matched on the whole text, comments
# and strings included: a false alarm only means computing the answer again.
_VOLATILE = re.compile(r"\b(NOW|RAND|UUID|STRUUID|BNODE)\s*\(|\bSERVICE\b", re.IGNORECASE)


def keepable(sparql: str) -> bool:
    """Whether the answer to ``sparql`` depends on the data alone.

    >>> keepable("SELECT ?s WHERE { ?s ?p ?o }"), keepable("SELECT (NOW() AS ?t) {}")
    (True, False)
    """
    return not _VOLATILE.search(sparql)


def encode(result: QueryResult) -> dict[str, Any]:
    """A result as JSON-ready data: a table of distinct terms and the rows as packed indexes into
    it (-1: unbound)."""
    index: dict[Node, int] = {}
    kinds: list[str] = []
    values: list[str] = []
    extra: list[str] = []  # the language or datatype of each `l` and `d` term, in order

    def number(term: Node | None) -> int:
        if term is None:
            return -1
        found = index.get(term)
        if found is None:
            found = index[term] = len(values)
            values.append(str(term))
            if isinstance(term, URIRef):
                kinds.append("i")
            elif isinstance(term, BNode):
                kinds.append("b")
            elif isinstance(term, Literal) and term.language:
                kinds.append("l")
                extra.append(term.language)
            elif isinstance(term, Literal) and term.datatype:
                kinds.append("d")
                extra.append(str(term.datatype))
            else:
                kinds.append("s")
        return found

    cells = array.array("i", [number(t) for row in result.rows for t in row])
    if sys.byteorder == "big":  # pragma: no cover - the layout is little-endian everywhere
        cells.byteswap()
    return {"vars": result.vars, "ask": result.ask, "kinds": "".join(kinds), "values": values, "extra": extra,
            "count": len(result.rows), "rows": base64.b64encode(cells.tobytes()).decode("ascii")}


def decode(doc: dict[str, Any]) -> QueryResult:
    """The result ``encode`` was given (raises KeyError, IndexError, TypeError or ValueError
    on a damaged entry)."""
    kinds, values = doc["kinds"], doc["values"]
    if not isinstance(kinds, str) or len(kinds) != len(values) or len(doc["extra"]) != kinds.count("l") + kinds.count("d"):
        raise ValueError("the kinds do not match the terms")
    extra = iter(doc["extra"])
    table: list[Node | None] = []
    for kind, value in zip(kinds, values):
        if kind == "i":
            table.append(iri(value))
        elif kind == "s":
            table.append(plain_literal(value))
        elif kind == "d":
            table.append(typed_literal(value, next(extra)))
        elif kind == "l":
            table.append(Literal(value, lang=next(extra), normalize=False))
        elif kind == "b":
            table.append(BNode(value))
        else:
            raise ValueError(f"unknown term kind {kind!r}")
    table.append(None)  # index -1
    vars_ = [str(v) for v in doc["vars"]]
    cells = array.array("i", base64.b64decode(doc["rows"], validate=True))
    if sys.byteorder == "big":  # pragma: no cover
        cells.byteswap()
    width, count = len(vars_), doc["count"]
    if len(cells) != width * count:
        raise ValueError("the rows do not match the variables")
    flat = list(map(table.__getitem__, cells))  # an index past the table: IndexError
    rows = [flat[i:i + width] for i in range(0, len(flat), width)] if width else [[] for _ in range(count)]
    ask = doc["ask"]
    return QueryResult(vars_, rows, ask=None if ask is None else bool(ask))


@contextlib.contextmanager
def _collector_paused() -> Iterator[None]:
    """Without Python's cycle collector: reading an answer back builds 100,000s of lists and terms
    that all live on (none in a cycle), and each 700 new objects woke the collector to scan
    them again: 15-25 % of the time of reading a 20,000-row answer. On the way out they are
    moved to the oldest generation (freeze, then unfreeze: two list splices), where they would
    be after surviving two collections anyway; left young, the first allocation after would
    scan them all at once (~60 ms of reading events-table's 50,000 rows). Still collected by
    a full collection, like any old object. (Not where the process has frozen objects of its own,
    before a fork: unfreezing would undo that.)"""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if not gc.get_freeze_count():
            gc.freeze()
            gc.unfreeze()
        if was_enabled:
            gc.enable()


class ResultCache:
    """The kept answers of one store generation (``folder`` is its ``diplograph-results``)."""

    def __init__(self, folder: Path, *, engine: str = "") -> None:
        self.folder = folder
        self.engine = engine  # the engine's name and version: a new engine computes afresh

    def _path(self, sparql: str) -> Path:
        key = hashlib.sha256(f"{FORMAT}\n{self.engine}\n{sparql}".encode()).hexdigest()
        return self.folder / f"{key}.json"

    def get(self, sparql: str) -> QueryResult | None:
        """The kept answer, or None (none kept, or unreadable: then computed again)."""
        with _collector_paused():
            doc = read_json(self._path(sparql))
            if not isinstance(doc, dict):
                return None
            try:
                return decode(doc)
            except (KeyError, IndexError, TypeError, ValueError):
                return None

    def put(self, sparql: str, result: QueryResult, *, seconds: float) -> None:
        """Keep an answer that took ``seconds`` to compute, if that is ``KEEP_AFTER`` or more
        and it fits (silently not, when the folder cannot be written)."""
        if seconds < KEEP_AFTER:
            return
        data = json.dumps(encode(result), ensure_ascii=False, separators=(",", ":")).encode()
        size = len(data)
        if size > MAX_BYTES // 4:
            return  # one answer may not push out all the others
        try:
            entries = [(e.stat(), e) for e in self.folder.glob("*.json")]
        except OSError:
            entries = []  # no folder yet, or an entry removed by another process meanwhile
        entries.sort(key=lambda se: se[0].st_mtime_ns)
        total = sum(st.st_size for st, _ in entries)
        while entries and (len(entries) >= MAX_ENTRIES or total + size > MAX_BYTES):
            st, oldest = entries.pop(0)
            total -= st.st_size
            with contextlib.suppress(OSError):
                os.unlink(oldest)
        write_bytes(self._path(sparql), data)
