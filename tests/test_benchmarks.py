"""The benchmark runner: its measurements are of the command alone, and it runs end to end."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from benchmarks.__main__ import rdflib_latencies, run_measured
from diplograph import queries
from diplograph.store import OxigraphStore

from .conftest import ARTICLES, ROOT


def test_a_command_is_not_charged_with_the_runners_memory() -> None:
    ballast = bytearray(600 * 1024 * 1024)  # resident: zero-filled on creation
    run = run_measured([sys.executable, "-c", "pass"])
    assert len(ballast) and 0 < run.peak_mb < 100
    assert 0 < run.seconds < 30


def test_a_failing_command_is_reported() -> None:
    try:
        run_measured([sys.executable, "-c", "raise SystemExit(3)"])
    except RuntimeError as exc:
        assert "exited with 3" in str(exc)
    else:
        raise AssertionError("no error for a failing command")


def test_the_runner_writes_every_table(tmp_path: Path) -> None:
    out = tmp_path / "benchmarks.md"
    env = {**os.environ, "DIPLOGRAPH_BENCH_OUT": str(tmp_path / "out")}
    done = subprocess.run([sys.executable, "-m", "benchmarks", "--sizes", "20", "--runs", "1", "--query-runs", "1",
                           "--rdflib-timeout", "2", "--output", str(out)], cwd=ROOT, env=env,
                          capture_output=True, text=True, timeout=600)
    assert done.returncode == 0, done.stderr[-3000:]
    doc = out.read_text()
    total = f"| {20 + ARTICLES} | "
    assert total in doc  # 20 synthetic articles and the seeds, built
    assert "## Incremental work on the 20-article store" in doc
    build_row = next(line for line in doc.splitlines() if line.startswith(total))
    assert build_row.count(" | ") == 11  # with the build of articles checked before, its ratio and peak
    assert "`diplograph validate CORPUS` again, nothing changed" in doc
    assert not (tmp_path / "out" / "corpus-20" / "999").exists()  # the runner's new articles are gone
    assert "after an actor was added to the registry" in doc
    assert "newcomer" not in (tmp_path / "out" / "corpus-20" / "registry.yaml").read_text()  # put back
    rows = {line.split(" | ")[0].lstrip("| ") for line in doc.splitlines() if line.count(" | ") == 11}
    assert set(queries.catalogue()) <= rows  # each with its times on both servers: on disk and in memory
    assert re.search(r"loaded by one Graph Store Protocol POST of the quads in [\d.]+ s \(the server then resident "
                     r"in [\d,]+ MB\)", doc)
    line = next(line for line in doc.splitlines() if line.startswith("A `diplograph query meetings"))
    peaks = [int(mb.replace(",", "")) for mb in re.findall(r"peak RSS ([\d,]+) MB", line)]
    assert len(peaks) == 2 and all(0 < mb < 1000 for mb in peaks)
    printed = {line.split(" | ")[0].lstrip("| ") for line in doc.splitlines() if line.count(" | ") == 2}
    assert {"csv", "tsv", "json", "sparql-json", "table"} <= printed  # events-table as a process, each format
    assert "## Export of the 20-article store" in doc
    exported = {line.split(" | ")[0].lstrip("| ") for line in doc.splitlines() if line.count(" | ") == 3}
    assert {"nquads", "ntriples", "turtle", "trig", "jsonld", "csv"} <= exported
    assert (tmp_path / "out" / "corpus-20" / ".complete").exists()  # where DIPLOGRAPH_BENCH_OUT said
    assert re.search(r"into an empty `oxigraph serve` .*: [\d.]+ m?s \([\d,]+ articles/s; client peak RSS [\d,]+ MB\)\.",
                     doc), doc[-600:]


def test_a_query_stopped_at_the_limit_is_run_once_more_when_asked(embedded: OxigraphStore, tmp_path: Path) -> None:
    """rdflib's times of the heavy queries, not only "> limit": one more run, given longer."""
    dump = tmp_path / "seeds.nq"
    dump.write_text(embedded.dump_nquads())
    tiny = 1e-6  # every run stopped
    stopped = rdflib_latencies(dump, 2, tiny)
    assert set(stopped) == set(queries.catalogue())
    assert all(times == [] and limit == tiny for times, limit in stopped.values())
    again = rdflib_latencies(dump, 2, tiny, 60.0)
    assert all(len(times) == 1 and 0 < times[0] < 60 and limit == 60.0 for times, limit in again.values())
