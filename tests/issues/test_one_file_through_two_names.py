"""A folder named twice, once through a symbolic link (`validate seeds link-to-seeds`), or a file and
a hard link to it: every annotation was reported as "already annotated by" itself, exit 2. The same
file reached by two names is one annotation; two different files of one article id still clash."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from diplograph.build import find_annotations, validate_paths
from diplograph.errors import LoadError


def test_a_folder_through_a_link_counts_once(corpus: Path) -> None:
    link = corpus.parent / "link"
    link.symlink_to(corpus, target_is_directory=True)
    alone = find_annotations([corpus])
    assert find_annotations([corpus, link]) == alone
    checked = validate_paths([corpus, link])
    assert [m.id for m in checked.articles] == [p.stem for p in alone]
    assert not checked.report.failed()


def test_a_hard_link_counts_once_and_a_copy_still_clashes(corpus: Path, tmp_path: Path) -> None:
    ann = next(p for p in sorted(corpus.glob("*.yaml")) if p.name != "registry.yaml")
    other = tmp_path / "elsewhere"
    other.mkdir()
    os.link(ann, other / ann.name)
    assert find_annotations([ann, other / ann.name]) == [ann]
    (other / ann.name).unlink()
    (other / ann.name).write_bytes(ann.read_bytes())
    with pytest.raises(LoadError) as err:
        find_annotations([ann, other / ann.name])
    assert [d.message for d in err.value.diagnostics] == [
        f"article `{ann.stem}` is already annotated by {ann}; an article has one annotation (article ids must be unique)"]
