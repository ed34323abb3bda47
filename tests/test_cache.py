"""The cache folder, and the file hashes a build keeps there so that it need not read unchanged files."""

from __future__ import annotations

import hashlib
import json
import os
import time
from pathlib import Path

import pytest

from diplograph import cache as cache_module
from diplograph.build import build
from diplograph.cache import FileHashes, cache_dir
from diplograph.store import OxigraphStore

from .conftest import SEED_ID


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("DIPLOGRAPH_CACHE", str(folder))
    return folder


def test_default_cache_folder_follows_xdg(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    monkeypatch.delenv("DIPLOGRAPH_CACHE")
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    assert cache_dir() == tmp_path / "diplograph"
    monkeypatch.delenv("XDG_CACHE_HOME")
    assert cache_dir() == Path(os.path.expanduser("~")) / ".cache" / "diplograph"


def _aged(path: Path, seconds: float = 60) -> None:
    """Make a file look written a while ago (its ctime is now, as after any copy)."""
    past = time.time() - seconds
    os.utime(path, (past, past))


def _no_reads(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(self: Path) -> bytes:
        raise AssertionError(f"{self} was read")
    monkeypatch.setattr(Path, "read_bytes", fail)


def test_an_unchanged_file_is_not_read_again(tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    f = tmp_path / "a.yaml"
    f.write_text("id: a\n")
    _aged(f)
    monkeypatch.setattr(cache_module, "RACY_NS", 0)  # its ctime (set by utime) is now
    first = FileHashes([tmp_path])
    assert first.sha256(f) == hashlib.sha256(b"id: a\n").digest()
    first.save()
    assert len(list(cache.glob("hashes-*.json"))) == 1
    _no_reads(monkeypatch)
    assert FileHashes([tmp_path]).sha256(f) == hashlib.sha256(b"id: a\n").digest()


def test_a_fresh_file_is_hashed_again_next_time(tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Written within the last two seconds: the same clock tick could hold a second write of the
    same size, so its stat proves nothing yet."""
    f = tmp_path / "a.yaml"
    f.write_text("id: a\n")
    old = tmp_path / "old.yaml"
    old.write_text("id: old\n")
    _aged(old)
    monkeypatch.setattr(cache_module, "RACY_NS", 0)
    hashes = FileHashes([tmp_path])
    hashes.sha256(old)  # trusted: its ctime is also not in the future
    monkeypatch.setattr(cache_module, "RACY_NS", 2_000_000_000)
    hashes.sha256(f)
    hashes.save()
    assert hashes.path is not None
    assert list(json.loads(hashes.path.read_text())) == [str(old)]  # f's stat was not recorded
    f.write_text("id: b\n")
    assert FileHashes([tmp_path]).sha256(f) == hashlib.sha256(b"id: b\n").digest()


def test_an_edit_that_restores_size_and_mtime_is_seen(tmp_path: Path, cache: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """An editor or a sync tool can put back the old mtime; the ctime still moves."""
    f = tmp_path / "a.yaml"
    f.write_text("id: a\n")
    _aged(f)
    monkeypatch.setattr(cache_module, "RACY_NS", 0)
    hashes = FileHashes([tmp_path])
    hashes.sha256(f)
    hashes.save()
    mtime = f.stat().st_mtime_ns
    f.write_text("id: b\n")
    os.utime(f, ns=(mtime, mtime))
    assert FileHashes([tmp_path]).sha256(f) == hashlib.sha256(b"id: b\n").digest()


def test_a_derived_value_is_computed_again_only_when_its_file_or_key_changes(
        tmp_path: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """What a build derives from a file (the registry entries an annotation names) is kept beside
    its hash, under a key saying what else it depends on (the registry)."""
    f = tmp_path / "a.yaml"
    f.write_text("id: a\n")
    _aged(f)
    monkeypatch.setattr(cache_module, "RACY_NS", 0)
    calls: list[bytes] = []

    def upper(data: bytes) -> str:
        calls.append(data)
        return data.decode().upper()
    hashes = FileHashes([tmp_path])
    assert hashes.derived(f, "k1", upper) == "ID: A\n"
    assert hashes.sha256(f) == hashlib.sha256(b"id: a\n").digest()  # recorded by derived(): one read
    hashes.save()
    _no_reads(monkeypatch)
    again = FileHashes([tmp_path])
    assert again.derived(f, "k1", upper) == "ID: A\n" and len(calls) == 1
    assert again.sha256(f) == hashlib.sha256(b"id: a\n").digest()
    monkeypatch.undo()
    monkeypatch.setattr(cache_module, "RACY_NS", 0)
    assert FileHashes([tmp_path]).derived(f, "k2", upper) == "ID: A\n" and len(calls) == 2
    f.write_text("id: b\n")
    _aged(f)
    assert FileHashes([tmp_path]).derived(f, "k1", upper) == "ID: B\n" and len(calls) == 3
    assert FileHashes([tmp_path]).derived(tmp_path / "gone.yaml", "k1", upper) is None


def test_a_damaged_hash_cache_is_ignored(tmp_path: Path, cache: Path) -> None:
    f = tmp_path / "a.yaml"
    f.write_text("id: a\n")
    hashes = FileHashes([tmp_path])
    cache.mkdir()
    for garbage in ("{not json", "[1, 2]", '{"%s": [1]}' % f, ""):
        assert hashes.path is not None
        hashes.path.write_text(garbage)
        assert FileHashes([tmp_path]).sha256(f) == hashlib.sha256(b"id: a\n").digest()
    assert FileHashes([tmp_path]).sha256(tmp_path / "gone.yaml") is None


def test_cache_off_writes_no_hashes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIPLOGRAPH_CACHE", "off")
    (tmp_path / "a.yaml").write_text("id: a\n")
    hashes = FileHashes([tmp_path])
    hashes.sha256(tmp_path / "a.yaml")
    hashes.save()
    assert hashes.path is None and sorted(p.name for p in tmp_path.iterdir()) == ["a.yaml"]


def test_a_cache_write_that_fails_leaves_no_partial_file(tmp_path: Path, cache: Path, full_disk: None) -> None:
    cache_module.write_json(cache / "x.json", {"a": 1})
    assert cache.is_dir() and list(cache.iterdir()) == []


def test_a_build_sees_an_edit_after_hashes_were_cached(corpus: Path, cache: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    """End to end: build (hashes recorded), edit one article's annotation keeping its mtime, build
    again: the article is updated, not skipped."""
    monkeypatch.setattr(cache_module, "RACY_NS", 0)
    store = OxigraphStore(tmp_path / "store")
    assert SEED_ID in build(store, [corpus]).added
    assert list(cache.glob("hashes-*.json"))
    assert SEED_ID in build(store, [corpus]).unchanged
    (ann,) = corpus.rglob(f"{SEED_ID}.yaml")
    mtime = ann.stat().st_mtime_ns
    ann.write_text(ann.read_text().replace("\n", "\n\n", 1))  # a blank line: same data, other bytes
    os.utime(ann, ns=(mtime, mtime))
    assert build(store, [corpus]).updated == [SEED_ID]


def test_the_hash_after_a_derived_value_takes_no_second_stat(tmp_path: Path, cache: Path,
                                                             monkeypatch: pytest.MonkeyPatch) -> None:
    """content_hash asks derived() then sha256() of every file: one stat serves both (20,000 stats
    of a 10k-article build that changes nothing: 0.62-0.65 -> 0.57-0.58 s); another file, or the
    same file asked again later, is stat'ed afresh."""
    a, b = tmp_path / "a.yaml", tmp_path / "b.yaml"
    a.write_text("id: a\n")
    b.write_text("id: b\n")
    hashes = FileHashes([tmp_path])
    stats: list[str] = []
    real = os.stat
    monkeypatch.setattr(cache_module.os, "stat", lambda p, *k, **kw: stats.append(str(p)) or real(p, *k, **kw))
    hashes.derived(a, "k", lambda data: "x")
    assert hashes.sha256(a) == hashlib.sha256(b"id: a\n").digest() and stats == [str(a)]
    assert hashes.sha256(a) == hashlib.sha256(b"id: a\n").digest() and stats == [str(a)] * 2  # later: afresh
    hashes.derived(a, "k", lambda data: "x")
    assert hashes.sha256(b) == hashlib.sha256(b"id: b\n").digest() and stats == [str(a)] * 3 + [str(b)]
