"""The user's cache folder: data derived from input files, kept between commands.

Everything here can be deleted at any time; a missing, stale or damaged entry is
simply computed again. The folder is ``$DIPLOGRAPH_CACHE``, else
``$XDG_CACHE_HOME/diplograph``, else ``~/.cache/diplograph``; ``off`` (or empty)
turns caching off. Three things are kept: mapped registries (registry.py), the
SHA-256 of the files a build reads (``FileHashes``, below) and the graphs of articles
already checked (checkcache.py). Answers to slow queries
are kept in the embedded store itself, beside the data they came from
(resultcache.py); ``off`` turns that off too.
"""

from __future__ import annotations

import contextlib
import hashlib
import json
import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any

from .errors import OutputError
from .output import write_file


def cache_dir() -> Path | None:
    """Where derived data is cached, or None when ``DIPLOGRAPH_CACHE=off``."""
    env = os.environ.get("DIPLOGRAPH_CACHE")
    if env is not None:
        return None if env.strip() in ("", "off") else Path(env)
    return Path(os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache") / "diplograph"


def cache_file(name: str) -> Path | None:
    """``name`` in the cache folder, or None when caching is off."""
    folder = cache_dir()
    return None if folder is None else folder / name


def read_json(path: Path | None) -> Any | None:
    """A cached JSON document, or None if there is none or it cannot be read."""
    if path is None:
        return None
    try:
        return json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None


def write_json(path: Path | None, data: Any) -> None:
    """Write a cache entry atomically (see ``write_text``)."""
    write_text(path, json.dumps(data))  # json.dump writes piece by piece: three times slower


def write_text(path: Path | None, text: str) -> None:
    """Write a cache entry atomically (see ``write_bytes``)."""
    write_bytes(path, text.encode("utf-8"))


def write_bytes(path: Path | None, data: bytes) -> None:
    """Write a cache entry atomically (a reader sees the old file or the new one, whole), readable
    by its owner only.

    A cache that cannot be written (read-only home, full disk) is skipped, leaving no
    partial file behind: caching must never make a command fail."""
    if path is None:
        return
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError:
        return
    with contextlib.suppress(OutputError):
        write_file(path, data, private=True)


RACY_NS = 2_000_000_000  # a file changed this close to when it was hashed is hashed again next time
KEYS_ENTRY = "\0keys"  # in the record, beside the files (no path has this name): what each key of derived values stands for


class FileHashes:
    """SHA-256 of files, remembered by their stat (size, mtime, ctime, inode) between runs.

    A build that changes nothing used to read all 20,000 files of a 10,000-article corpus
    to learn that; now it reads their stat. As in git's index, a file whose mtime is within
    two seconds of the moment it was hashed is not trusted next time (a second write in the
    same clock tick would leave the stat unchanged), and any change of ctime (a write, a
    rename, a ``touch``) invalidates an entry. One cache file per set of input folders holds
    just the files seen by the last run.

    >>> import tempfile; folder = Path(tempfile.mkdtemp())
    >>> (folder / "a.txt").write_text("text")
    4
    >>> hashes = FileHashes([folder], cache=None)
    >>> hashes.sha256(folder / "a.txt").hex()[:12]
    '982d9e3eb996'
    >>> hashes.sha256(folder / "missing.txt") is None
    True
    """

    def __init__(self, roots: list[Path], *, cache: Path | None | bool = True) -> None:
        if cache is True:
            key = hashlib.sha256("\0".join(sorted(str(r.resolve()) for r in roots)).encode()).hexdigest()[:40]
            self.path = cache_file(f"hashes-{key}.json")
        else:
            self.path = cache or None
        old = read_json(self.path)
        self._old: dict[str, list] = old if isinstance(old, dict) else {}
        keys = self._old.pop(KEYS_ENTRY, None)
        self._old_keys: dict[str, Any] = keys if isinstance(keys, dict) else {}
        self._new: dict[str, list] = {}
        self._new_keys: dict[str, Any] = {}
        self.shared: dict[Any, Any] = {}  # what callers compute once for all the files of a run
        self._cwd = os.getcwd()  # paths are recorded absolute (os.path.abspath per file: a syscall each)
        # the stat derived() took, for the sha256() of the same file that follows it (content_hash
        # asks both of every file: 20,000 stats of a 10k-article build that changes nothing)
        self._stated: tuple[str, tuple[str, list[int]] | None] | None = None

    def _name(self, path: Path | str) -> str:
        name = str(path)
        return name if name.startswith(os.sep) else self._cwd + os.sep + name

    def _stat(self, path: Path | str) -> tuple[str, list[int]] | None:
        name = self._name(path)
        try:
            st = os.stat(name)
        except OSError:
            return None
        return name, [st.st_size, st.st_mtime_ns, st.st_ctime_ns, st.st_ino]

    def _remember(self, name: str, stamp: list[int], entry: list[Any]) -> None:
        if time.time_ns() - max(stamp[1], stamp[2]) >= RACY_NS:  # else too fresh to trust its stat next time
            self._new[name] = [*stamp, *entry]

    def sha256(self, path: Path | str) -> bytes | None:
        """The file's SHA-256, or None if it cannot be read."""
        stated, self._stated = self._stated, None
        if (seen := stated[1] if stated is not None and stated[0] == str(path) else self._stat(path)) is None:
            return None
        name, stamp = seen
        entry = self._new.get(name) or self._old.get(name)
        if isinstance(entry, list) and len(entry) in (5, 7) and entry[:4] == stamp:
            self._new[name] = entry
            return bytes.fromhex(entry[4])
        try:
            digest = hashlib.sha256(Path(name).read_bytes()).digest()
        except OSError:
            return None
        self._remember(name, stamp, [digest.hex()])
        return digest

    def derived(self, path: Path | str, key: str, compute: Callable[[bytes], str], *,
                update: Callable[[str, str, bytes], str | None] | None = None) -> str | None:
        """``compute(the file's bytes)``, remembered beside its SHA-256 for as long as neither
        the file nor ``key`` (whatever else the value depends on) changes; None if the file
        cannot be read. (mapping.py: which registry entries an annotation names.)

        When the file is unchanged but the key is not, ``update(old key, old value, the file's
        bytes)`` may give the new value from the old one, more cheaply (None: compute it)."""
        seen = self._stat(path)
        self._stated = (str(path), seen)
        if seen is None:
            return None
        name, stamp = seen
        entry = self._new.get(name) or self._old.get(name)
        known = entry if isinstance(entry, list) and len(entry) == 7 and entry[:4] == stamp else None  # file unchanged
        if known is not None and known[5] == key:
            self._new[name] = known
            return str(known[6])
        try:
            data = Path(name).read_bytes()
        except OSError:
            return None
        value = update(str(known[5]), str(known[6]), data) if known is not None and update is not None else None
        if value is None:
            value = compute(data)
        self._remember(name, stamp, [known[4] if known is not None else hashlib.sha256(data).hexdigest(), key, value])
        return value

    def unknown(self, paths: Iterable[Path | str]) -> int:
        """How many of ``paths`` the last run did not see (all of them, the first time)."""
        return sum(self._name(p) not in self._old for p in paths)

    def taken(self) -> dict[str, Any]:
        """What this run has recorded, handed over and forgotten here (a worker process hashes
        some of the files; its parent absorbs what it found)."""
        found = {"files": self._new, "keys": self._new_keys}
        self._new, self._new_keys = {}, {}
        return found

    def absorb(self, found: dict[str, Any]) -> None:
        """Record what another process's ``taken`` gave, as if found here."""
        self._new.update(found["files"])
        self._new_keys.update(found["keys"])

    def describe_key(self, key: str, meaning: Any) -> None:
        """Record what ``key`` stands for (JSON), for an ``update`` of a later run to read."""
        self._new_keys[key] = meaning

    def key_meaning(self, key: str) -> Any:
        """What ``key`` stood for, as recorded by this run or the last (None: not known)."""
        return self._new_keys.get(key, self._old_keys.get(key))

    def save(self) -> None:
        """Record the hashes of this run (only when they differ from what is recorded)."""
        if self._new != self._old or self._new_keys != self._old_keys:
            write_json(self.path, {**self._new, KEYS_ENTRY: self._new_keys} if self._new_keys else self._new)
