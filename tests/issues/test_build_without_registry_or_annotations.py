"""`diplograph build FOLDER` where FOLDER held no registry.yaml (a corpus copied without it) replaced
the store's registry with an empty one: the articles stayed, their countries and people lost their
names, exit 0. And a folder with no annotations at all (mistyped, or the wrong one) was built as an
empty corpus: with --prune it emptied the store. Both are now refused before anything is written."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from diplograph.build import build, validate_paths
from diplograph.errors import LoadError
from diplograph.store import OxigraphStore

from ..test_build import _snapshot as snapshot


@pytest.fixture
def store(tmp_path: Path, corpus: Path) -> OxigraphStore:
    s = OxigraphStore(tmp_path / "store")
    build(s, [corpus])
    return s


def test_a_build_without_a_registry_is_refused(tmp_path: Path, corpus: Path, store: OxigraphStore) -> None:
    bare = tmp_path / "bare"
    bare.mkdir()
    for f in corpus.glob("001_*"):
        shutil.copy(f, bare / f.name)
    before = snapshot(store)
    with pytest.raises(LoadError) as err:
        build(store, [bare])
    assert [str(d) for d in err.value.diagnostics] == [
        f"{bare}: error: no registry.yaml beside the annotations or in the folder above them: a build needs the "
        "registry (the store's own would be replaced by an empty one); give --registry FILE"]
    assert snapshot(store) == before
    assert build(store, [bare], registry_path=corpus / "registry.yaml").unchanged == ["001_muscat_us_iran"]


def test_a_folder_without_annotations_is_refused(tmp_path: Path, corpus: Path, store: OxigraphStore) -> None:
    empty = corpus / "drafts"  # beside the registry: only the missing annotations are the fault
    empty.mkdir()
    (empty / "notes.txt").write_text("to do\n")
    before = snapshot(store)
    message = (f"{empty}: error: no annotations in this folder (.yaml files, or .ttl/.jsonld beside their "
               "article's .txt); name the corpus folder")
    for call in (lambda: build(store, [empty], prune=True), lambda: validate_paths([empty])):
        with pytest.raises(LoadError) as err:
            call()
        assert [str(d) for d in err.value.diagnostics] == [message]
    assert snapshot(store) == before
