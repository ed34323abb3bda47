"""Regression: building one file into a store called every other article stale ("have no annotation
any more; use --prune"), and `--prune` with files alone would have removed every other article.

Naming files adds or updates those articles and looks at nothing else; `--prune` needs a folder.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from diplograph.build import build
from diplograph.errors import UsageError
from diplograph.store import OxigraphStore
from diplograph.terms import article_graph

from ..conftest import SEED_ID, run_cli


def _new_article(corpus: Path) -> Path:
    """A copy of the seed article under another id, in a subfolder (the registry is one level up)."""
    (seed,) = corpus.rglob(f"{SEED_ID}.yaml")
    folder = corpus / "new"
    folder.mkdir()
    shutil.copy(seed.with_suffix(".txt"), folder / "900_copy.txt")
    shutil.copy(seed, folder / "900_copy.yaml")
    return folder / "900_copy.yaml"


def test_building_one_file_adds_it_and_leaves_the_rest(corpus: Path, tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIPLOGRAPH_CACHE", str(tmp_path / "cache"))
    store = OxigraphStore(tmp_path / "store")
    before = build(store, [corpus])
    hash_files = sorted((tmp_path / "cache").glob("hashes-*.json"))
    new = _new_article(corpus)
    summary = build(store, [new])
    assert sorted((tmp_path / "cache").glob("hashes-*.json")) == hash_files  # no cache file per file named
    assert (summary.added, summary.updated, summary.stale, summary.removed) == (["900_copy"], [], [], [])
    assert summary.triples > before.triples
    stored = store.graph_hashes()
    assert all(str(article_graph(a)) in stored for a in [*before.added, "900_copy"])
    again = build(store, [corpus])  # the folder again: the new article is in it, nothing is stale
    assert (again.added, again.stale, len(again.unchanged)) == ([], [], len(before.added) + 1)


def test_prune_with_files_only_is_refused_and_changes_nothing(corpus: Path, tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "store")
    build(store, [corpus])
    quads = store.dump_nquads()
    with pytest.raises(UsageError):
        build(store, [_new_article(corpus)], prune=True)
    assert store.dump_nquads() == quads


def test_prune_with_files_only_exits_2_with_the_reason(corpus: Path, tmp_path: Path) -> None:
    new = _new_article(corpus)
    result = run_cli("build", str(new), "--store", str(tmp_path / "store"), "--prune")
    assert result.returncode == 2
    assert result.stderr.strip() == (
        "error: --prune needs a folder: it removes the articles whose annotation is no longer in the folders "
        "you name (with files alone, every other article would look gone)")
    assert not (tmp_path / "store").exists() or not any((tmp_path / "store").iterdir())
