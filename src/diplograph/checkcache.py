"""Articles already checked: the graph of each article that passed with no finding at all,
kept in the cache folder under what it was made from.

Checking an article (YAML, schema, mapping, SHACL, SPARQL constraints) costs ~10 ms of
CPU: a 10,000-article corpus takes a minute on two cores, and a user who runs
``validate`` and then ``build``, or ``validate`` again after fixing one file, paid that
minute every time. An entry's key is the article's content hash (its annotation, its
text, the registry, the mapping version), its id, the SHACL engine and a digest of the
code that checked it (diplograph's own files, and the installed files of the libraries
that parse and validate); anything else (an edit, another registry, an upgrade) is a new
key, so an entry is never stale, only unused. An article with any warning is always
checked again, so that every command reports it.

One SQLite file (``checked.sqlite``, readable by its owner only); entries least recently
used are dropped once they hold more than ``MAX_BYTES``. Like the rest of the cache it
may be deleted at any time, and it never makes a command fail: an entry that cannot be
read is a miss, one that cannot be written is skipped.
"""

from __future__ import annotations

import contextlib
import hashlib
import importlib.util
import os
import sqlite3
import time
import zlib
from collections.abc import Iterable, Iterator
from functools import cache
from pathlib import Path
from typing import Any

from .cache import cache_file

MAX_BYTES = 512 * 1024 * 1024  # compressed graphs, ~4 kB an article: room for a 100k corpus
BATCH = 500  # keys per statement (SQLite allows 999 parameters in old builds)
BUSY_S = 2.0  # how long to wait for another command's write; then the cache is skipped this time
TOUCH_S = 3600  # a hit refreshes its entry's last use at most once an hour: reads stay reads
LIBRARIES = ("pyshacl_turbo", "pyshacl", "pyoxigraph", "rdflib", "yaml", "jsonschema_rs", "jsonschema")


@cache
def code_digest() -> str:
    """What the result of a check depends on besides the input: diplograph's own files
    (code, ontology, shapes, schemas) by content, and each library by the size and mtime of
    its installed file (an upgrade rewrites it). ~2 ms, once per process."""
    h = hashlib.sha256()
    package = Path(__file__).parent
    from .resources import data_dir

    ontology = data_dir("ontology")
    files = sorted(package.glob("*.py")) + sorted((Path(str(ontology)) / name) for name in
                                                  os.listdir(str(ontology)))
    for file in files:
        h.update(file.name.encode() + b"\0" + file.read_bytes() + b"\0")
    for name in LIBRARIES:
        spec = importlib.util.find_spec(name)
        origin = spec.origin if spec is not None else None
        if origin:
            st = os.stat(origin)
            h.update(f"{name}\0{origin}\0{st.st_size}\0{st.st_mtime_ns}\0".encode())
    return h.hexdigest()


def article_key(content_hash: str, article_id: str, engine: str) -> str:
    """The key of one article's check: what its graph and its findings depend on."""
    return hashlib.sha256(f"article\0{content_hash}\0{article_id}\0{engine}\0{code_digest()}".encode()).hexdigest()


def registry_key(registry_sha256: str, engine: str) -> str:
    """The key of the registry's own check (its nodes against the shapes)."""
    return hashlib.sha256(f"registry\0{registry_sha256}\0{engine}\0{code_digest()}".encode()).hexdigest()


def pack(ntriples: str) -> bytes:
    """An entry's value: the graph's N-Triples, compressed (~5x; 0.1 ms an article)."""
    return zlib.compress(ntriples.encode("utf-8"), 1)


def unpack(value: bytes) -> str:
    """The N-Triples of an entry's value."""
    return zlib.decompress(value).decode("utf-8")


def _in_batches(db: sqlite3.Connection, sql: str, keys: list[str]) -> Iterator[Any]:
    """The rows ``sql`` selects for ``keys``, BATCH keys a query (``{marks}``: their placeholders)."""
    for i in range(0, len(keys), BATCH):
        part = keys[i:i + BATCH]
        yield from db.execute(sql.format(marks=",".join("?" * len(part))), part)


class CheckCache:
    """The cache of checked articles, or a cache that holds nothing when caching is off.

    >>> import tempfile; where = Path(tempfile.mkdtemp()) / "checked.sqlite"
    >>> CheckCache(path=where).put([("k1", pack("<urn:a> <urn:b> <urn:c> .\\n"))])
    >>> {k: unpack(v) for k, v in CheckCache(path=where).get(["k1", "k2"]).items()}
    {'k1': '<urn:a> <urn:b> <urn:c> .\\n'}
    """

    def __init__(self, *, path: Path | None | bool = True) -> None:
        """``path``: the SQLite file; by default ``checked.sqlite`` in the cache folder (None
        when caching is off)."""
        self.path = cache_file("checked.sqlite") if path is True else path or None
        self._db: sqlite3.Connection | None = None
        self._added = False

    def _connect(self) -> sqlite3.Connection | None:
        if self._db is not None or self.path is None:
            return self._db
        for _attempt in range(2):  # a damaged file is deleted and made again, once
            try:
                self.path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
                if not self.path.exists():  # owner only, made before SQLite makes it
                    with contextlib.suppress(FileExistsError):
                        os.close(os.open(self.path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600))
                db = sqlite3.connect(self.path, timeout=BUSY_S, isolation_level=None)
                db.execute("PRAGMA page_size = 65536")  # a new file only: an entry of ~3 kB wasted half a 4 kB page
                db.execute("CREATE TABLE IF NOT EXISTS entries (key TEXT PRIMARY KEY, value BLOB NOT NULL, "
                           "size INTEGER NOT NULL, used INTEGER NOT NULL)")
                # the events of other articles an entry's article names (build.check_links looks for
                # them at every run): read without unpacking every graph
                db.execute("CREATE TABLE IF NOT EXISTS links (key TEXT PRIMARY KEY, refs TEXT NOT NULL)")
                self._db = db
                return db
            except sqlite3.OperationalError:  # locked by another command, read-only: not damaged
                return None
            except sqlite3.DatabaseError:  # "file is not a database"
                with contextlib.suppress(OSError):
                    self.path.unlink()
            except (OSError, sqlite3.Error):
                return None
        return None

    def _select(self, sql: str, keys: Iterable[str]) -> dict[str, Any]:
        """Key -> value of the rows ``sql`` selects for ``keys`` ({} if the cache cannot be read)."""
        keys = list(keys)
        db = self._connect() if keys else None
        try:
            return dict(_in_batches(db, sql, keys)) if db is not None else {}
        except sqlite3.Error:
            return {}

    def get(self, keys: Iterable[str]) -> dict[str, bytes]:
        """The kept graphs (``pack``-ed N-Triples) of those ``keys`` that have one."""
        found = self._select("SELECT key, value FROM entries WHERE key IN ({marks})", keys)
        now, hits = int(time.time()), list(found)
        with contextlib.suppress(sqlite3.Error):  # a read-only cache still serves its entries
            for i in range(0, len(hits), BATCH):
                part = hits[i:i + BATCH]
                self._db.execute(f"UPDATE entries SET used = ? WHERE used < ? AND key IN ({','.join('?' * len(part))})",  # type: ignore[union-attr]
                                 [now, now - TOUCH_S, *part])
        return found

    def put(self, rows: Iterable[tuple[str, bytes] | tuple[str, bytes, str]]) -> None:
        """Keep these (key, ``pack``-ed graph[, links]) entries (see ``prune``); links: the events of
        other articles the article names, as text (``get_links``), or ""."""
        rows = [(row[0], row[1], row[2] if len(row) > 2 else "") for row in rows]  # type: ignore[misc]
        db = self._connect() if rows else None
        if db is None:
            return
        now = int(time.time())
        with contextlib.suppress(sqlite3.Error), db:
            db.execute("BEGIN IMMEDIATE")
            db.executemany("INSERT OR REPLACE INTO entries VALUES (?, ?, ?, ?)", [(k, v, len(v), now) for k, v, _ in rows])
            db.executemany("INSERT OR REPLACE INTO links VALUES (?, ?)", [(k, refs) for k, _, refs in rows if refs])
        self._added = True

    def get_links(self, keys: Iterable[str]) -> dict[str, str]:
        """The links kept with those ``keys`` that have any."""
        return self._select("SELECT key, refs FROM links WHERE key IN ({marks})", keys)

    def prune(self) -> None:
        """After ``put``: if the entries hold more than MAX_BYTES, drop the least recently used
        down to three quarters of it (a scan of every entry's size: once per command)."""
        db = self._connect() if self._added else None
        if db is None:
            return
        self._added = False
        with contextlib.suppress(sqlite3.Error), db:
            db.execute("BEGIN IMMEDIATE")
            if db.execute("SELECT coalesce(sum(size), 0) FROM entries").fetchone()[0] > MAX_BYTES:
                db.execute("DELETE FROM entries WHERE key IN (SELECT key FROM (SELECT key, sum(size) OVER "
                           "(ORDER BY used DESC, key) AS kept FROM entries) WHERE kept > ?)", [MAX_BYTES * 3 // 4])
                db.execute("DELETE FROM links WHERE key NOT IN (SELECT key FROM entries)")

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
