"""Files written for the user (`export -o`, `draft -o`): whole or not at all, '-' is standard output,
and a file that cannot be written is an error naming it (exit 2), not a traceback."""

from __future__ import annotations

import os
from pathlib import Path

import pyoxigraph as ox
import pytest

from diplograph.errors import OutputError, UsageError
from diplograph.output import is_stdout, write_file, write_stream

from .conftest import SEED_ID, SEEDS, run_cli


def test_dash_and_nothing_mean_standard_output() -> None:
    assert is_stdout(None) and is_stdout(Path("-"))
    assert not is_stdout(Path("./-x")) and not is_stdout(Path("out.ttl"))


def test_a_new_file_gets_the_usual_permissions(tmp_path: Path) -> None:
    old = os.umask(0o022)
    try:
        write_file(tmp_path / "a.ttl", b"x")
    finally:
        os.umask(old)
    assert (tmp_path / "a.ttl").stat().st_mode & 0o777 == 0o644


def test_a_failed_write_leaves_the_old_file_and_no_temporary(tmp_path: Path, full_disk: None) -> None:
    target = tmp_path / "export.ttl"
    target.write_bytes(b"the export of yesterday")
    with pytest.raises(OutputError) as exc:
        write_file(target, b"today's")
    assert str(exc.value) == f"cannot write {target}: No space left on device"
    assert target.read_bytes() == b"the export of yesterday"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.ttl"]


def test_an_error_while_streaming_leaves_the_old_file_and_no_temporary(tmp_path: Path) -> None:
    """An export is written as it is made (write_stream): a failure halfway is raised as it is."""
    target = tmp_path / "export.ttl"
    target.write_bytes(b"the export of yesterday")

    def half(fh: object) -> None:
        fh.write(b"half of today's")  # type: ignore[attr-defined]
        raise UsageError("the store has no article 'nope'")
    with pytest.raises(UsageError, match="no article 'nope'"):
        write_stream(target, half)
    assert target.read_bytes() == b"the export of yesterday"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["export.ttl"]
    assert write_stream(target, lambda fh: fh.write(b"today's")) == 7 and target.read_bytes() == b"today's"


@pytest.fixture(scope="module")
def store(tmp_path_factory: pytest.TempPathFactory) -> str:
    where = str(tmp_path_factory.mktemp("out") / "store")
    assert run_cli("build", str(SEEDS), "--store", where).returncode == 0
    return where


def test_export_to_dash_writes_standard_output(store: str, tmp_path: Path) -> None:
    done = run_cli("export", "--store", store, "--format", "nquads", "-o", "-", cwd=tmp_path)
    assert done.returncode == 0 and done.stderr == ""
    assert len(list(ox.parse(done.stdout, format=ox.RdfFormat.N_QUADS))) > 2000
    assert list(tmp_path.iterdir()) == []  # no file called '-'


def test_export_of_an_article_the_store_lacks_writes_nothing(store: str, tmp_path: Path) -> None:
    target = tmp_path / "one.ttl"
    target.write_bytes(b"kept")
    for args in (["-o", str(target)], ["-o", "-"]):
        done = run_cli("export", "--store", store, "--graph", "nope", *args)
        assert (done.returncode, done.stdout) == (2, "") and done.stderr.startswith("error: the store has no article 'nope'")
    assert target.read_bytes() == b"kept" and sorted(p.name for p in tmp_path.iterdir()) == ["one.ttl"]


@pytest.mark.parametrize("where,reason", [("missing/out.ttl", "No such file or directory"), (".", "Is a directory")])
def test_export_that_cannot_be_written(store: str, tmp_path: Path, where: str, reason: str) -> None:
    target = tmp_path / where
    done = run_cli("export", "--store", store, "-o", str(target))
    assert (done.returncode, done.stdout, done.stderr) == (2, "", f"error: cannot write {target}: {reason}\n")


def test_draft_to_dash_and_to_a_missing_folder(tmp_path: Path) -> None:
    article = str(SEEDS / f"{SEED_ID}.txt")
    to_stdout = run_cli("draft", article, "-o", "-", cwd=tmp_path)
    assert to_stdout.returncode == 0 and to_stdout.stdout.startswith("# Draft by `diplograph draft`")
    assert list(tmp_path.iterdir()) == []
    bad = tmp_path / "missing" / "draft.yaml"
    done = run_cli("draft", article, "-o", str(bad))
    assert (done.returncode, done.stderr) == (2, f"error: cannot write {bad}: No such file or directory\n")


def test_draft_folder_into_a_path_that_cannot_be_a_folder(tmp_path: Path) -> None:
    blocker = tmp_path / "a-file"
    blocker.write_text("not a folder")
    done = run_cli("draft", str(SEEDS), "-o", str(blocker / "drafts"))
    assert (done.returncode, done.stderr) == (2, f"error: cannot create the folder {blocker / 'drafts'}: Not a directory\n")
    done = run_cli("draft", str(SEEDS), "-o", "-")
    assert (done.returncode, done.stderr) == (2, "error: drafting a folder needs -o FOLDER for the drafts\n")
