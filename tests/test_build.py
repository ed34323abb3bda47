"""`diplograph build`: incremental, all-or-nothing, and safe against a crash mid-write."""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from diplograph.build import build
from diplograph.errors import ValidationFailed
from diplograph.store import OxigraphStore
from diplograph.terms import article_graph

from .conftest import ARTICLES, SEED_ID


def _snapshot(store: OxigraphStore) -> str:
    return "".join(sorted(store.dump_nquads().splitlines(keepends=True)))


def _tree(root: Path) -> dict[str, bytes]:
    return {str(p.relative_to(root)): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file() and p.name != "LOCK"}


def test_build_twice_gives_identical_store(tmp_path: Path, corpus: Path) -> None:
    store = OxigraphStore(tmp_path / "s")
    first = build(store, [corpus])
    assert len(first.added) == ARTICLES and first.triples > 2500
    before = _snapshot(store)
    second = build(store, [corpus])
    assert second.added == [] and len(second.unchanged) == ARTICLES
    assert _snapshot(store) == before and second.triples == first.triples


def test_changed_annotation_replaces_only_its_graph(tmp_path: Path, corpus: Path) -> None:
    store = OxigraphStore(tmp_path / "s")
    build(store, [corpus])
    other = article_graph("001_muscat_us_iran")
    other_before = store.dump_nquads(other)
    ann = corpus / f"{SEED_ID}.yaml"
    ann.write_text(ann.read_text().replace("atmosphere: positive", "atmosphere: cordial"))
    summary = build(store, [corpus])
    assert summary.updated == [SEED_ID] and len(summary.unchanged) == ARTICLES - 1
    seed = store.dump_nquads(article_graph(SEED_ID))
    assert '"cordial"' in seed and '"positive"' not in seed  # no stale triple left behind
    assert store.dump_nquads(other) == other_before


def test_deleted_annotation_is_pruned_only_when_asked(tmp_path: Path, corpus: Path) -> None:
    store = OxigraphStore(tmp_path / "s")
    build(store, [corpus])
    (corpus / "008_anchorage_trump_putin.yaml").unlink()
    kept = build(store, [corpus])
    assert kept.stale == ["008_anchorage_trump_putin"]
    assert store.dump_nquads(article_graph("008_anchorage_trump_putin"))
    pruned = build(store, [corpus], prune=True)
    assert pruned.removed == ["008_anchorage_trump_putin"]
    assert store.dump_nquads(article_graph("008_anchorage_trump_putin")) == ""


def test_invalid_annotation_leaves_store_byte_for_byte_unchanged(tmp_path: Path, corpus: Path) -> None:
    store = OxigraphStore(tmp_path / "s")
    build(store, [corpus])
    files_before, quads_before = _tree(tmp_path / "s"), _snapshot(store)
    ann = corpus / "002_rome_us_iran.yaml"
    ann.write_text(ann.read_text().replace("participants: [us-delegation, iran-delegation]", "participants: [us-delegation]"))
    (corpus / "003_riyadh_us_russia.yaml").write_text((corpus / "003_riyadh_us_russia.yaml").read_text().replace("Tuesday", "Tuesday-ish", 1))
    with pytest.raises(ValidationFailed) as exc:
        build(store, [corpus])
    assert {Path(d.path).name for d in exc.value.diagnostics if d.severity == "error"} == {"002_rome_us_iran.yaml", "003_riyadh_us_russia.yaml"}
    assert _tree(tmp_path / "s") == files_before
    assert _snapshot(OxigraphStore(tmp_path / "s")) == quads_before


KILLER = textwrap.dedent("""
    import os, signal, sys
    from pathlib import Path
    import diplograph.store as st
    real = os.replace
    def die(src, dst):  # the process dies just before the commit point
        if str(dst).endswith("CURRENT"):
            os.kill(os.getpid(), signal.SIGKILL)
        return real(src, dst)
    st.os.replace = die
    from diplograph.build import build
    build(st.OxigraphStore(Path(sys.argv[1])), [Path(sys.argv[2])])
""")


def test_killed_build_leaves_previous_store_usable(tmp_path: Path, corpus: Path) -> None:
    store = OxigraphStore(tmp_path / "s")
    build(store, [corpus])
    before = _snapshot(store)
    ann = corpus / f"{SEED_ID}.yaml"
    ann.write_text(ann.read_text().replace("atmosphere: positive", "atmosphere: cordial"))
    proc = subprocess.run([sys.executable, "-c", KILLER, str(tmp_path / "s"), str(corpus)], capture_output=True)
    assert proc.returncode == -9
    survivor = OxigraphStore(tmp_path / "s")
    assert _snapshot(survivor) == before
    assert survivor.query("ASK { ?s ?p \"positive\" }").ask
    after = build(survivor, [corpus])  # the next build cleans up and succeeds
    assert after.updated == [SEED_ID]
    assert sorted(p.name for p in (tmp_path / "s").iterdir()) == ["CURRENT", "gen-000002", "lock"]


def test_second_writer_waits_then_gives_a_clear_error(tmp_path: Path, corpus: Path) -> None:
    import fcntl

    store = OxigraphStore(tmp_path / "s", lock_timeout=0.3)
    build(store, [corpus])
    fd = os.open(tmp_path / "s" / "lock", os.O_RDWR)
    fcntl.flock(fd, fcntl.LOCK_EX)
    try:
        ann = corpus / f"{SEED_ID}.yaml"
        ann.write_text(ann.read_text().replace("atmosphere: positive", "atmosphere: cordial"))
        from diplograph.errors import StoreError
        with pytest.raises(StoreError, match="another diplograph process is writing to the store"):
            build(store, [corpus])
    finally:
        os.close(fd)


# Builds that must really check their articles (the same generated corpus is checked by other tests,
# and the check cache would hand its graphs back in a second).
UNCACHED = {**os.environ, "DIPLOGRAPH_CACHE": "off"}


@pytest.mark.parametrize("delay", [0.8, 2.0])
def test_ctrl_c_during_a_build_leaves_the_old_or_the_new_store(tmp_path: Path, corpus: Path, delay: float) -> None:
    """SIGINT at two moments of a multi-process build of 810 articles: the store holds either what it
    held before or the complete new state, and the next build works."""
    import signal
    import time

    from benchmarks.generate import generate

    big = generate(800, tmp_path / "big")
    store_dir = tmp_path / "s"
    build(OxigraphStore(store_dir), [corpus])
    before = _snapshot(OxigraphStore(store_dir))
    proc = subprocess.Popen(["diplograph", "build", str(big), "--store", str(store_dir)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=UNCACHED)
    time.sleep(delay)
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=300)
    after = OxigraphStore(store_dir)
    if proc.returncode == 130:
        assert err.endswith("interrupted; the store holds what it held before\n")
        assert _snapshot(after) == before
    else:  # finished before the signal arrived
        assert proc.returncode == 0
        assert after.count() > 100_000
    again = build(OxigraphStore(store_dir), [big])
    assert again.triples > 100_000


def _group_size(pgid: int) -> int:
    """Processes in a process group (from /proc: after the command's name, state, ppid, pgrp)."""
    n = 0
    for entry in os.listdir("/proc"):
        if entry.isdigit():
            try:
                fields = Path(f"/proc/{entry}/stat").read_text().rsplit(")", 1)[1].split()
            except OSError:
                continue
            n += int(fields[2]) == pgid
    return n


@pytest.mark.parametrize("after", [0.0, 0.3], ids=["as-the-workers-start", "while-they-check"])
def test_ctrl_c_at_a_terminal_stops_the_workers_at_once_and_quietly(tmp_path: Path, after: float) -> None:
    """A terminal's Ctrl-C reaches the whole process group. The workers used to finish their chunk
    first (6.3 s at 10k articles; 0.1-0.2 s now that they are stopped), and stopping them with
    pool.map() made Python 3.11's process pool print a traceback from its own thread. As the
    workers started, tracebacks came from the workers themselves and from joining the pool's
    thread before it ran. Always: the one message, and no process of the build left."""
    import signal
    import time

    from benchmarks.generate import generate

    big = generate(1200, tmp_path / "big")
    proc = subprocess.Popen(["diplograph", "build", str(big), "--store", str(tmp_path / "s")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, start_new_session=True,
                            env=UNCACHED)
    # Inside the check: once its workers run (a fixed delay was flaky: as checks got faster, the
    # signal came during the write, or after the end)
    workers = min(os.cpu_count() or 1, 2)
    deadline = time.monotonic() + 60
    while _group_size(proc.pid) < 1 + workers and proc.poll() is None and time.monotonic() < deadline:
        time.sleep(0.01)
    time.sleep(after)
    os.killpg(proc.pid, signal.SIGINT)
    _, err = proc.communicate(timeout=60)
    if proc.returncode == 0:
        pytest.skip("the build finished before the signal")
    assert (proc.returncode, err.splitlines()[-1:]) == (130, ["interrupted; the store holds what it held before"])
    assert "Traceback" not in err
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        try:
            os.killpg(proc.pid, 0)  # any process of the build's group still there?
        except ProcessLookupError:
            break
        time.sleep(0.1)
    else:
        pytest.fail("worker processes outlived the interrupted build")


def _edit(corpus: Path) -> None:
    ann = corpus / f"{SEED_ID}.yaml"
    ann.write_text(ann.read_text().replace("atmosphere: positive", "atmosphere: cordial"))


@pytest.mark.parametrize("limit,where", [(60_000, "DB::Open() failed"), (150_000, "While appending to file")])
def test_disk_full_leaves_the_store_as_it_was(tmp_path: Path, corpus: Path, limit: int, where: str) -> None:
    """The disk fills up during a build (a file-size limit: writes past it fail with EFBIG, as on a
    full disk), at two different moments: a clear error, exit 2, the store exactly as before."""
    import resource
    import signal

    store_dir = tmp_path / "store"
    build(OxigraphStore(store_dir), [corpus])
    before = _snapshot(OxigraphStore(store_dir))
    _edit(corpus)

    def full_disk() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))

    res = subprocess.run(["diplograph", "build", str(corpus), "--store", str(store_dir)], preexec_fn=full_disk,
                         capture_output=True, text=True, timeout=300)
    assert res.returncode == 2, res.stdout + res.stderr
    message = res.stderr.splitlines()[-1]  # after the plain progress lines
    assert message.startswith(f"error: could not write the store at {store_dir} (IO error: ")
    assert where in message and "File too large" in message
    assert message.endswith("it still holds what it held before")
    assert _snapshot(OxigraphStore(store_dir)) == before
    assert sorted(p.name for p in store_dir.iterdir()) == ["CURRENT", "gen-000001", "lock"]  # nothing left over
    assert build(OxigraphStore(store_dir), [corpus]).updated == [SEED_ID]  # with space again, it works


def _read_only(cmd: list[str]) -> list[str]:
    """Run ``cmd`` unable to write where the permission bits say no, even as root (CI's user):
    setpriv drops the capabilities that let root ignore them."""
    if os.geteuid() != 0:
        return cmd
    setpriv = shutil.which("setpriv")
    if setpriv is None:
        pytest.fail("setpriv (util-linux) is needed to test a read-only store as root")
    return [setpriv, "--bounding-set", "-dac_override,-dac_read_search", "--", *cmd]


def test_read_only_store_answers_queries_and_refuses_writes_cleanly(tmp_path: Path, corpus: Path) -> None:
    store_dir = tmp_path / "store"
    build(OxigraphStore(store_dir), [corpus])
    before = _snapshot(OxigraphStore(store_dir))
    paths = [store_dir, *store_dir.rglob("*")]
    modes = {p: p.stat().st_mode for p in paths}
    for p in paths:
        p.chmod(p.stat().st_mode & ~0o222)
    try:
        query = subprocess.run(_read_only(["diplograph", "query", "meetings", "--store", str(store_dir), "--format",
                                           "csv"]), capture_output=True, text=True, timeout=300)
        assert query.returncode == 0 and "Baku" in query.stdout, query.stderr
        _edit(corpus)
        res = subprocess.run(_read_only(["diplograph", "build", str(corpus), "--store", str(store_dir)]),
                             capture_output=True, text=True, timeout=300)
        assert (res.returncode, res.stderr.splitlines()[-1]) == (
            2, f"error: cannot write to the store at {store_dir}: Permission denied; it still holds what it held before")
    finally:
        for p, mode in modes.items():
            p.chmod(mode)
    assert _snapshot(OxigraphStore(store_dir)) == before


def test_the_recorded_quad_count_follows_every_change(tmp_path: Path, corpus: Path) -> None:
    """CURRENT records the generation's number of quads (so that a build changing nothing need not
    count 1.5 M of them); after adding, changing, removing and a full rebuild it is the true count."""
    import pyoxigraph as ox

    store_dir = tmp_path / "s"

    def recorded_and_true() -> tuple[int, int]:
        name, count = (store_dir / "CURRENT").read_text().split()
        return int(count), len(ox.Store.read_only(str(store_dir / name)))

    moved = corpus.parent / "aside"
    moved.mkdir()
    for p in sorted(corpus.glob("00[5-9]_*")):  # five articles added later
        shutil.move(p, moved / p.name)
    build(OxigraphStore(store_dir), [corpus])
    assert recorded_and_true()[0] == recorded_and_true()[1] > 1000
    for p in moved.iterdir():
        shutil.move(p, corpus / p.name)
    build(OxigraphStore(store_dir), [corpus])  # five new graphs: counted by addition
    _edit(corpus)
    build(OxigraphStore(store_dir), [corpus])  # one graph replaced: subtraction and addition
    count, true = recorded_and_true()
    assert count == true and OxigraphStore(store_dir).count() == true
    for p in corpus.glob(f"{SEED_ID}.*"):
        p.unlink()
    summary = build(OxigraphStore(store_dir), [corpus], prune=True)
    assert summary.removed == [SEED_ID]
    count, true = recorded_and_true()
    assert count == true == summary.triples
    # a store written before counts were recorded: CURRENT names the generation only
    (store_dir / "CURRENT").write_text((store_dir / "CURRENT").read_text().split()[0] + "\n")
    assert OxigraphStore(store_dir).count() == true


@pytest.mark.parametrize("optimize_after", [3, 100], ids=["read-after-bulk-write", "updated-by-lookups"])
def test_the_recorded_graph_hashes_follow_every_change(tmp_path: Path, corpus: Path, optimize_after: int,
                                                        monkeypatch: pytest.MonkeyPatch) -> None:
    """Each generation records its graphs' content hashes (a build that changes nothing reads them
    instead of the index); after adding, changing and removing articles the record is what the
    index holds, and a missing or damaged record is read from the index instead."""
    import pyoxigraph as ox

    from diplograph import store as store_module

    monkeypatch.setattr(store_module, "OPTIMIZE_AFTER", optimize_after)
    store_dir = tmp_path / "s"

    def recorded_and_true() -> tuple[dict[str, str], dict[str, str]]:
        gen = store_dir / (store_dir / "CURRENT").read_text().split()[0]
        recorded = json.loads((gen / store_module.HASHES_FILE).read_text())
        return recorded, store_module._read_hashes(ox.Store.read_only(str(gen)))

    moved = corpus.parent / "aside"
    moved.mkdir()
    for p in sorted(corpus.glob("00[5-9]_*")):
        shutil.move(p, moved / p.name)
    build(OxigraphStore(store_dir), [corpus])
    recorded, true = recorded_and_true()
    assert recorded == true and len(true) == ARTICLES - 5 + 2  # the articles, the registry and the ontology
    for p in moved.iterdir():
        shutil.move(p, corpus / p.name)
    build(OxigraphStore(store_dir), [corpus])
    _edit(corpus)
    build(OxigraphStore(store_dir), [corpus])
    recorded, true = recorded_and_true()
    assert recorded == true and len(true) == ARTICLES + 2
    for p in corpus.glob(f"{SEED_ID}.*"):
        p.unlink()
    build(OxigraphStore(store_dir), [corpus], prune=True)
    recorded, true = recorded_and_true()
    assert recorded == true and str(article_graph(SEED_ID)) not in true and len(true) == ARTICLES - 1 + 2
    assert OxigraphStore(store_dir).graph_hashes() == true
    gen = store_dir / (store_dir / "CURRENT").read_text().split()[0]
    (gen / store_module.HASHES_FILE).write_text('{"damaged": ')
    assert OxigraphStore(store_dir).graph_hashes() == true
    (gen / store_module.HASHES_FILE).unlink()  # a store written before the record
    assert OxigraphStore(store_dir).graph_hashes() == true
    assert build(OxigraphStore(store_dir), [corpus]).added == []


@pytest.mark.parametrize("spelling", [".", "./", "seeds", "./seeds/", "seeds//"])
def test_a_folder_lists_its_annotations_as_pathlib_writes_them(tmp_path: Path, corpus: Path, spelling: str,
                                                               monkeypatch: pytest.MonkeyPatch) -> None:
    """The folder scan works on strings (20,000 files at 10k articles) but gives the paths pathlib
    would: in path order, without ./ or // (messages name these paths; the hash cache is keyed by them)."""
    from diplograph.build import _annotation_files, find_annotations

    nested = corpus / "2025" / "a"
    nested.mkdir(parents=True)
    shutil.copy(corpus / f"{SEED_ID}.yaml", nested / "z_nested.yaml")
    monkeypatch.chdir(corpus if spelling in (".", "./") else corpus.parent)
    base = Path(spelling)
    expected = sorted(p for p in base.rglob("*.yaml") if p.name != "registry.yaml")
    assert find_annotations([base]) == expected
    assert [file for _, file in _annotation_files([base])] == [str(p) for p in expected]  # what build() uses


def test_a_first_build_refuses_a_folder_of_other_files(tmp_path: Path) -> None:
    """`--store seeds` by mistake scattered a database (CURRENT, lock, gen-000001/) among the corpus."""
    from diplograph.errors import StoreError

    from .conftest import SEEDS, run_cli

    folder = tmp_path / "notes"
    folder.mkdir()
    (folder / "todo.txt").write_text("mine")
    stages: list[str] = []
    with pytest.raises(StoreError, match=r"^.*notes holds other files \(todo.txt\) and no store: give --store a new or "
                                         r"empty folder for the store$"):
        build(OxigraphStore(folder), [SEEDS], progress=lambda stage, done, total: stages.append(stage))
    assert stages == []  # refused before any validation
    done = subprocess.run(["diplograph", "build", str(SEEDS), "--store", str(folder)], capture_output=True, text=True)
    assert (done.returncode, done.stderr) == (
        2, f"error: {folder} holds other files (todo.txt) and no store: give --store a new or empty folder for the store\n")
    assert [p.name for p in folder.iterdir()] == ["todo.txt"]
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / ".DS_Store").write_bytes(b"")  # what a file manager leaves in a new folder
    assert run_cli("build", str(SEEDS), "--store", str(empty)).returncode == 0  # an empty folder is fine
    assert run_cli("build", str(SEEDS), "--store", str(empty)).returncode == 0  # and so is a store, built again


def _copying(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """The graphs a build copies from the old generation into a new, empty one."""
    from diplograph import store as store_module

    copied: list[str] = []
    real = store_module._copied

    def spy(store: object, graphs: list[str]) -> object:
        copied.extend(graphs)
        return real(store, graphs)
    monkeypatch.setattr(store_module, "_copied", spy)
    return copied


def _true_count_and_hashes(store_dir: Path) -> tuple[int, int, dict[str, str], dict[str, str]]:
    import pyoxigraph as ox

    from diplograph import store as store_module

    name, count = (store_dir / "CURRENT").read_text().split()
    gen = ox.Store.read_only(str(store_dir / name))
    return (int(count), len(gen), json.loads((store_dir / name / store_module.HASHES_FILE).read_text()),
            store_module._read_hashes(gen))


def test_most_graphs_replaced_makes_a_new_generation_equal_to_a_fresh_build(
        tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Replacing most graphs (an edit of an entry most articles name, a new mapping version), a
    build copies the rest into an empty generation rather than removing graph after graph: the
    store is the one a build from scratch makes, count and hash record included."""
    store_dir = tmp_path / "s"
    build(OxigraphStore(store_dir), [corpus])
    reg = corpus / "registry.yaml"
    reg.write_text(reg.read_text().replace("label: United States,", "label: United States of America,")
                   .replace("label: Donald Trump", "label: Donald J. Trump"))
    copied = _copying(monkeypatch)
    summary = build(OxigraphStore(store_dir), [corpus])
    # the articles that name the US or Trump (or an actor of theirs) are mapped again; the rest copied
    apart = sorted(p.stem for p in corpus.glob("0*.yaml") if not re.search(r"\b(?:USA|trump)\b", p.read_text("utf-8")))
    assert apart and len(summary.updated) == ARTICLES - len(apart)
    assert sorted(copied) == sorted([*(str(article_graph(a)) for a in apart), "https://w3id.org/diplograph/graph/ontology"])
    scratch = OxigraphStore(tmp_path / "scratch")
    build(scratch, [corpus])
    assert _snapshot(OxigraphStore(store_dir)) == _snapshot(scratch)
    count, true, recorded, hashes = _true_count_and_hashes(store_dir)
    assert count == true == scratch.count() and recorded == hashes
    assert sorted(p.name for p in store_dir.iterdir()) == ["CURRENT", "gen-000002", "lock"]
    # and pruning most articles: the rest copied, the pruned ones gone
    gone = sorted(p.stem for p in corpus.glob("0*.txt"))[:-3]  # all but three
    for stem in gone:
        (corpus / f"{stem}.txt").unlink()
        (corpus / f"{stem}.yaml").unlink()
    copied.clear()
    assert len(build(OxigraphStore(store_dir), [corpus], prune=True).removed) == len(gone)
    assert len(copied) == ARTICLES - len(gone) + 2
    build(pruned := OxigraphStore(tmp_path / "pruned"), [corpus])
    assert _snapshot(OxigraphStore(store_dir)) == _snapshot(pruned)
    count, true, recorded, hashes = _true_count_and_hashes(store_dir)
    assert count == true and recorded == hashes and len(hashes) == ARTICLES - len(gone) + 2


def test_a_new_generation_that_fails_while_copying_leaves_the_store_as_it_was(
        tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from diplograph import store as store_module
    from diplograph.errors import StoreError

    store_dir = tmp_path / "s"
    build(OxigraphStore(store_dir), [corpus])
    before = _snapshot(OxigraphStore(store_dir))
    reg = corpus / "registry.yaml"
    reg.write_text(reg.read_text().replace("label: United States,", "label: United States of America,")
                   .replace("label: Donald Trump", "label: Donald J. Trump"))

    def failing(store: object, graphs: list[str]) -> object:
        yield from []
        raise OSError(28, "No space left on device")
    monkeypatch.setattr(store_module, "_copied", failing)
    with pytest.raises(StoreError, match="it still holds what it held before"):
        build(OxigraphStore(store_dir), [corpus])
    assert _snapshot(OxigraphStore(store_dir)) == before
    assert sorted(p.name for p in store_dir.iterdir()) == ["CURRENT", "gen-000001", "lock"]


def test_a_build_reports_its_reading_of_the_corpus(tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Hashing the corpus (a first build, or after an id was added to the registry) reads and scans
    every file: 20 s at 100,000 articles, with no progress shown before "check" until this."""
    from diplograph import build as build_module

    monkeypatch.setattr(build_module, "READ_EVERY", 4)
    seen: list[tuple[str, int, int]] = []
    build(OxigraphStore(tmp_path / "s"), [corpus], progress=lambda *report: seen.append(report))
    assert [r for r in seen if r[0] == "read"] == [*(("read", n, ARTICLES) for n in range(4, ARTICLES, 4)),
                                                        ("read", ARTICLES, ARTICLES)]
    assert seen.index(("read", ARTICLES, ARTICLES)) < min(i for i, r in enumerate(seen) if r[0] == "check")
    done = subprocess.run(["diplograph", "build", str(corpus), "--store", str(tmp_path / "s")],
                          capture_output=True, text=True, timeout=300)
    assert done.stderr.splitlines()[0] == f"read: {ARTICLES}/{ARTICLES}"  # plain lines when standard error is no terminal
    registry = corpus / "registry.yaml"  # a registry edit alone: the registry checked, no article
    registry.write_text(registry.read_text().replace("actors:\n", "actors:\n  newcomer: {type: Country, label: N, iso3: NEW}\n"))
    done = subprocess.run(["diplograph", "build", str(corpus), "--store", str(tmp_path / "s")],
                          capture_output=True, text=True, timeout=300)
    assert done.returncode == 0 and done.stderr.splitlines()[:3] == [f"read: {ARTICLES}/{ARTICLES}", "registry: 1/1",
                                                               "write: 1/1"]


def _pids_running(monkeypatch: pytest.MonkeyPatch, module: object, name: str, log: Path) -> None:
    """Make ``module.name`` write the id of the process running it to ``log`` (worker processes too)."""
    real = getattr(module, name)

    def logged(*args: object, **kw: object) -> object:
        with open(log, "a") as out:
            out.write(f"{os.getpid()}\n")
        return real(*args, **kw)
    monkeypatch.setattr(module, name, logged)


def _pids(log: Path) -> set[int]:
    return {int(pid) for pid in log.read_text().split()}


def test_files_never_seen_are_hashed_by_a_process_per_core_as_one_process_hashes_them(
        tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A first build reads and scans every file while the other core waits (2 s at 10,000 articles):
    past HASH_POOL_AT files the last run did not see, worker processes hash them. The same hashes,
    the same progress, and the same record for the next run, which hashes them from their stat."""
    from diplograph import build as build_module
    from diplograph import cache as cache_module
    from diplograph.cache import FileHashes
    from diplograph.registry import load_registry

    monkeypatch.setattr(build_module, "HASH_POOL_AT", 1)
    monkeypatch.setattr(build_module, "READ_EVERY", 4)
    monkeypatch.setattr(cache_module, "RACY_NS", 0)  # files copied a moment ago are recorded all the same
    files = [str(p) for p in build_module.find_annotations([corpus])]
    registry = load_registry(corpus / "registry.yaml")
    one = FileHashes([corpus], cache=tmp_path / "one.json")
    alone = list(build_module._hashed(files, registry, one, lambda *report: None))
    log = tmp_path / "pids"
    _pids_running(monkeypatch, build_module, "content_hash", log)
    pooled = FileHashes([corpus], cache=tmp_path / "pooled.json")
    seen: list[tuple[str, int, int]] = []
    assert build_module.content_hashes(files, registry, pooled, lambda *report: seen.append(report), workers=2) == alone
    assert _pids(log) and os.getpid() not in _pids(log)
    assert seen == [("read", n, len(files)) for n in [*range(4, len(files), 4), len(files)]]
    one.save()
    pooled.save()
    assert json.loads((tmp_path / "pooled.json").read_text()) == json.loads((tmp_path / "one.json").read_text())
    again = FileHashes([corpus], cache=tmp_path / "pooled.json")
    assert again.unknown(files) == 0 and FileHashes([corpus], cache=tmp_path / "none.json").unknown(files) == len(files)
    log.unlink()
    assert build_module.content_hashes(files, registry, again, workers=2) == alone
    assert _pids(log) == {os.getpid()}  # every file seen: no workers


def test_ctrl_c_while_worker_processes_hash_the_files_stops_them(corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import multiprocessing
    import time

    from diplograph import build as build_module
    from diplograph.cache import FileHashes
    from diplograph.registry import load_registry

    monkeypatch.setattr(build_module, "HASH_POOL_AT", 1)
    monkeypatch.setattr(build_module, "READ_EVERY", 2)
    files = [str(p) for p in build_module.find_annotations([corpus])]

    def interrupted(*report: object) -> None:
        raise KeyboardInterrupt
    with pytest.raises(KeyboardInterrupt):
        build_module.content_hashes(files, load_registry(corpus / "registry.yaml"), FileHashes([corpus], cache=None),
                                    interrupted, workers=2)
    deadline = time.monotonic() + 5
    while multiprocessing.active_children() and time.monotonic() < deadline:
        time.sleep(0.05)
    assert multiprocessing.active_children() == []


def test_the_registry_is_checked_by_a_worker_while_the_others_check_articles(
        tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The registry's own nodes (~1 s at 10,000 articles) were checked after the articles, with a core
    idle: now a task of the pool. The same findings and the same SHACL report."""
    from rdflib.compare import isomorphic

    from diplograph import build as build_module
    from diplograph.registry import load_registry

    monkeypatch.setenv("DIPLOGRAPH_CACHE", "off")  # every article and the registry checked, each time
    monkeypatch.setattr(build_module, "CHUNK", 3)
    log = tmp_path / "pids"
    _pids_running(monkeypatch, build_module, "_check_registry", log)
    files, registry = build_module.find_annotations([corpus]), load_registry(corpus / "registry.yaml")
    alone = build_module.check(files, registry, workers=1)
    assert _pids(log) == {os.getpid()}
    log.unlink()
    pooled = build_module.check(files, registry, workers=2)
    assert len(_pids(log)) == 1 and os.getpid() not in _pids(log)
    assert any(d.path.endswith("registry.yaml") for d in alone.report.diagnostics)
    assert pooled.report.diagnostics == alone.report.diagnostics
    assert isomorphic(pooled.report.shacl_report, alone.report.shacl_report)
    assert [m.id for m in pooled.articles] == [m.id for m in alone.articles]


def test_deciding_against_a_new_generation_reads_few_graph_names() -> None:
    """A build of one article into a large store must not list its every graph to learn that
    nothing calls for a new generation."""
    from types import SimpleNamespace

    from diplograph.store import REBUILD_AFTER, _mostly_replaced

    read = []

    class Store:
        def named_graphs(self):  # type: ignore[no-untyped-def]
            for i in range(100_000):
                read.append(i)
                yield SimpleNamespace(value=f"g{i}")

    assert _mostly_replaced(Store(), {"g5", "new"}) is None and len(read) <= 2 / REBUILD_AFTER + 2
    read.clear()
    assert _mostly_replaced(Store(), {f"g{i}" for i in range(1, 100_000)}) == ["g0"] and len(read) == 100_000


# -- a first build is loaded while it is checked (store.Staged) ----------------------------------

def _counting_stages(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """How many graphs each call of Staged.add was given (a first build hands them over as checked)."""
    from diplograph.store import Staged

    calls: list[int] = []
    add = Staged.add

    def counted(self: Staged, graphs) -> None:  # type: ignore[no-untyped-def]
        graphs = list(graphs)
        calls.append(len(graphs))
        add(self, graphs)

    monkeypatch.setattr(Staged, "add", counted)
    return calls


def test_a_first_build_loaded_as_it_is_checked_equals_one_written_at_the_end(
        tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Checked in chunks by worker processes (the cache off), or taken from the check cache: the
    staged generation holds the same quads, count and graph hashes as a build written at its end."""
    from diplograph import build as build_module
    from diplograph.store import Store

    monkeypatch.setattr(build_module, "CHUNK", 4)  # 21 articles: six chunks, two workers
    calls = _counting_stages(monkeypatch)
    monkeypatch.setenv("DIPLOGRAPH_CACHE", str(tmp_path / "cache"))
    checked = build(OxigraphStore(tmp_path / "checked"), [corpus])  # every article checked, the cache filled
    assert len(calls) == 6 and sum(calls) == ARTICLES == len(checked.added)
    calls.clear()
    build(OxigraphStore(tmp_path / "cached"), [corpus])  # from the check cache, but those with a finding
    assert sum(calls) == ARTICLES and calls[0] > ARTICLES / 2  # the cached ones first, together
    calls.clear()
    monkeypatch.setattr(OxigraphStore, "staging", Store.staging)  # written at the end, as into a built store
    build(OxigraphStore(tmp_path / "plain"), [corpus])
    assert calls == []
    expected = _true_count_and_hashes(tmp_path / "plain")
    assert expected[0] == expected[1] == checked.triples
    for name in ("checked", "cached"):
        assert _true_count_and_hashes(tmp_path / name) == expected
        assert _snapshot(OxigraphStore(tmp_path / name)) == _snapshot(OxigraphStore(tmp_path / "plain"))
        assert sorted(p.name for p in (tmp_path / name).iterdir()) == ["CURRENT", "gen-000001", "lock"]


@pytest.mark.parametrize("existed", [False, True])
def test_a_first_build_that_fails_its_check_leaves_no_store(
        tmp_path: Path, corpus: Path, monkeypatch: pytest.MonkeyPatch, existed: bool) -> None:
    """The staged generation is deleted, and a store folder the build made with it; one that was
    there (empty) stays, empty. The lock is let go: the next build, fixed, goes through."""
    from diplograph import build as build_module

    monkeypatch.setattr(build_module, "CHUNK", 4)
    monkeypatch.setenv("DIPLOGRAPH_CACHE", "off")
    calls = _counting_stages(monkeypatch)
    store_dir = tmp_path / "s"
    if existed:
        store_dir.mkdir()
    ann = corpus / f"{SEED_ID}.yaml"
    good = ann.read_text()
    ann.write_text(good.replace("participants: [israeli-delegation, turkish-officials]", "participants: [israeli-delegation]"))
    with pytest.raises(ValidationFailed):
        build(OxigraphStore(store_dir), [corpus])
    assert sum(calls) == ARTICLES  # loaded while checked, then thrown away
    assert ([p.name for p in store_dir.iterdir()] == []) if existed else not store_dir.exists()
    ann.write_text(good)
    assert len(build(OxigraphStore(store_dir), [corpus]).added) == ARTICLES


def test_a_first_build_whose_disk_fills_up_says_so_and_leaves_no_store(tmp_path: Path, corpus: Path) -> None:
    """The disk fills up (a file-size limit, as in test_disk_full_…) while the staged generation is
    loaded: the loader's error is the build's, exit 2, and no store is left behind."""
    import resource
    import signal

    store_dir = tmp_path / "store"

    def full_disk() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (150_000, 150_000))

    res = subprocess.run(["diplograph", "build", str(corpus), "--store", str(store_dir)], preexec_fn=full_disk,
                         capture_output=True, text=True, timeout=300, env={**os.environ, "DIPLOGRAPH_CACHE": "off"})
    assert res.returncode == 2, res.stdout + res.stderr
    message = res.stderr.splitlines()[-1]
    assert message.startswith(f"error: could not write the store at {store_dir} (IO error: ")
    assert "File too large" in message and message.endswith("it still holds what it held before")
    assert not store_dir.exists()


def test_a_writer_waiting_on_a_first_build_that_fails_locks_the_lock_file_that_is_there(tmp_path: Path) -> None:
    """A failed first build removes the store folder it made, lock file included, while it still
    holds the lock; a build that was waiting for it must not then hold a lock on the removed file
    (a third would lock a new one and write beside it): it takes the file that is there."""
    import threading
    import time

    from diplograph.errors import StoreError

    store_dir = tmp_path / "s"
    outcome: list[str] = []

    def waiting_writer() -> None:
        with OxigraphStore(store_dir)._locked():
            try:
                with OxigraphStore(store_dir, lock_timeout=0.3)._locked():
                    outcome.append("a third writer got in")
            except StoreError:
                outcome.append("a third writer was kept out")

    writer = threading.Thread(target=waiting_writer)
    with pytest.raises(RuntimeError), OxigraphStore(store_dir).staging() as staged:
        assert staged is not None
        writer.start()
        time.sleep(0.3)  # the writer waits for the lock
        raise RuntimeError("the check failed")
    writer.join(10)
    assert outcome == ["a third writer was kept out"]


def test_ctrl_c_during_a_first_build_leaves_no_store(tmp_path: Path) -> None:
    """SIGINT while a first build of 1,200 articles is checked and already loading (store.Staged: a
    first batch of 150k quads loaded): exit 130, and no store folder left behind; the next build
    makes the store."""
    import signal
    import time

    from benchmarks.generate import generate

    big = generate(1200, tmp_path / "big")
    store_dir = tmp_path / "s"
    proc = subprocess.Popen(["diplograph", "build", str(big), "--store", str(store_dir)],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=UNCACHED)
    deadline = time.monotonic() + 60
    while len(list(store_dir.glob("gen-000001/*.sst"))) < 2 and time.monotonic() < deadline and proc.poll() is None:
        time.sleep(0.05)  # until the bulk loader has written to the staged generation (one file: its opening)
    assert proc.poll() is None, "the build ended before it could be interrupted"
    proc.send_signal(signal.SIGINT)
    _, err = proc.communicate(timeout=300)
    assert proc.returncode == 130, err
    assert err.endswith("interrupted; the store holds what it held before\n")
    assert not store_dir.exists()
    assert build(OxigraphStore(store_dir), [big]).triples > 100_000
