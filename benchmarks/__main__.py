"""Benchmark diplograph on synthetic corpora and write docs/benchmarks.md.

    python -m benchmarks                      # 100, 1k and 10k articles (~20 min on 2 cores)
    python -m benchmarks --sizes 100 1000     # quicker
    python -m benchmarks --sizes 100000 --only build   # the 100k build alone (~30 min with the corpus generated)

Every figure is wall-clock time of the real command or library call; short ones
are the median of --runs runs (default 5), long ones (a full build at 10k and
more, rdflib queries) fewer, and the table says how many. Peak memory is the
maximum resident set size of the measured process, read from wait4(2).

Corpora, stores and dumps go to benchmarks/out/ (or $DIPLOGRAPH_BENCH_OUT) and are
reused by later runs; tests/test_benchmarks.py runs the whole runner on 20 articles.
"""

from __future__ import annotations

import argparse
import os
import platform
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

from .generate import SEEDS, generate, seed_articles

ROOT = Path(__file__).resolve().parent.parent
OUT = Path(os.environ.get("DIPLOGRAPH_BENCH_OUT") or ROOT / "benchmarks" / "out")  # corpora, stores, dumps
SEED_ARTICLES = seed_articles()  # every corpus starts with them
DOC = ROOT / "docs" / "benchmarks.md"
# The script installed beside this interpreter, as a venv user runs it (a `diplograph` found on PATH
# may be a version manager's shim: pyenv's adds 0.1 s of bash to every command).
_BESIDE = Path(sys.executable).with_name("diplograph")
EXE = str(_BESIDE) if _BESIDE.is_file() else shutil.which("diplograph") or "diplograph"


@dataclass
class Run:
    seconds: float
    peak_mb: float


def run(cmd: list[str]) -> None:
    """Run a command that is not measured (set-up between measurements)."""
    proc = subprocess.run(cmd, capture_output=True, text=True)
    if proc.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed ({proc.returncode}):\n{proc.stderr[-2000:]}")


# Forks the measured command from a small interpreter and reports its wall time and peak RSS.
# Forking it from this process instead would charge the command with this process's memory: a
# child's ru_maxrss starts at its parent's resident size when it forks (and vfork is no better).
_MEASURE = """
import os, sys, time
t0 = time.perf_counter()
pid = os.fork()
if pid == 0:
    devnull = os.open(os.devnull, os.O_WRONLY)
    os.dup2(devnull, 1)
    os.dup2(devnull, 2)
    try:
        os.execvp(sys.argv[1], sys.argv[1:])
    finally:
        os._exit(127)
_, status, usage = os.wait4(pid, 0)
print(time.perf_counter() - t0, os.waitstatus_to_exitcode(status), usage.ru_maxrss)
"""


def run_measured(cmd: list[str]) -> Run:
    """Wall time and peak RSS (largest process of its tree, from wait4) of one command, output discarded."""
    done = subprocess.run([sys.executable, "-S", "-c", _MEASURE, *cmd], capture_output=True, text=True, check=True)
    seconds, status, maxrss_kb = done.stdout.split()
    if int(status) != 0:
        raise RuntimeError(f"{' '.join(cmd)} exited with {status}")
    return Run(float(seconds), int(maxrss_kb) / 1024)


def median(xs: list[float]) -> float:
    return statistics.median(xs)


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))]


def ms(x: float) -> str:
    return f"{x * 1000:,.1f} ms" if x < 1 else f"{x:,.2f} s"


@dataclass
class Report:
    lines: list[str] = field(default_factory=list)

    def table(self, head: list[str], rows: list[list[str]]) -> None:
        self.lines += ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
        self.lines += ["| " + " | ".join(r) + " |" for r in rows]
        self.lines.append("")

    def para(self, text: str) -> None:
        self.lines += [text, ""]


def corpus(n: int) -> Path:
    """The synthetic corpus of n articles (generated once, reused: same seed, same files; again when
    generate.py or the seed corpus it starts from has changed since)."""
    import hashlib

    path = OUT / f"corpus-{n}"
    inputs = [Path(__file__).parent / "generate.py", *sorted(SEEDS.iterdir())]
    stamp = hashlib.sha256(b"".join(p.name.encode() + b"\0" + p.read_bytes() for p in inputs if p.is_file())).hexdigest()
    done = path / ".complete"
    if not done.exists() or done.read_text() != stamp:
        print(f"generating {n} articles…", flush=True)
        shutil.rmtree(path, ignore_errors=True)
        generate(n, path)
        done.write_text(stamp)
    return path


def triples_in(store: Path) -> int:
    from diplograph.store import OxigraphStore

    return OxigraphStore(store).count()


def forget_checked() -> None:
    """Empty the check cache (checkcache.py): the next command checks every article."""
    (Path(os.environ["DIPLOGRAPH_CACHE"]) / "checked.sqlite").unlink(missing_ok=True)


def forget_all() -> None:
    """Empty the cache folder: the next command is a new user's first (every file hashed, the
    registry mapped, every article checked)."""
    shutil.rmtree(os.environ["DIPLOGRAPH_CACHE"], ignore_errors=True)


def bench_build(n: int, runs: int, rep: Report, rows: list[list[str]]) -> Path:
    """Full build from an empty store with nothing cached (a first build: every file hashed, the
    registry mapped, every article checked); the same when the articles were checked before (by a
    `validate` or an earlier build: the check cache); and the raw bulk load of the same quads."""
    src = corpus(n)
    times, peaks, warm, warm_peaks = [], [], [], []
    store = OUT / f"store-{n}"
    for _ in range(runs):
        shutil.rmtree(store, ignore_errors=True)
        forget_all()
        r = run_measured([EXE, "build", str(src), "--store", str(store)])
        times.append(r.seconds)
        peaks.append(r.peak_mb)
    for _ in range(runs):  # the cold builds above left every article in the check cache
        shutil.rmtree(store, ignore_errors=True)
        r = run_measured([EXE, "build", str(src), "--store", str(store)])
        warm.append(r.seconds)
        warm_peaks.append(r.peak_mb)
    triples = triples_in(store)
    dump = OUT / f"dump-{n}.nq"
    from diplograph.store import OxigraphStore

    dump.write_text(OxigraphStore(store).dump_nquads())
    raw = []
    import pyoxigraph as ox

    for _ in range(max(runs, 3)):
        with tempfile.TemporaryDirectory(dir=OUT) as tmp:
            t0 = time.perf_counter()
            s = ox.Store(tmp)
            s.bulk_load(path=str(dump), format=ox.RdfFormat.N_QUADS)
            s.flush()
            del s
            raw.append(time.perf_counter() - t0)
    b, r, w = median(times), median(raw), median(warm)
    rows.append([f"{n + SEED_ARTICLES:,}", f"{triples:,}", f"{runs}", ms(b), f"{(n + SEED_ARTICLES) / b:,.0f}", f"{triples / b:,.0f}",
                 ms(r), f"{b / r:.1f}×", f"{max(peaks):,.0f} MB", ms(w), f"{w / r:.1f}×", f"{max(warm_peaks):,.0f} MB"])
    return store


def bench_incremental(n: int, store: Path, runs: int) -> dict[str, float]:
    """One new article into an n-article store, and one article changed, each named alone and as part
    of its folder; and a build that finds nothing new (process start included). Medians."""
    src = corpus(n)
    extra = src / "999" / "extra000001"
    extra.parent.mkdir(exist_ok=True)
    times: dict[str, list[float]] = {"file": [], "folder": []}
    text = (src / "000" / "syn000001.txt").read_text()
    yaml = (src / "000" / "syn000001.yaml").read_text()
    for i in range(runs):
        for how in times:
            extra.with_suffix(".txt").write_text(text.replace("roundup 1", f"roundup extra {how} {i}"))
            extra.with_suffix(".yaml").write_text(yaml)
            target = extra.with_suffix(".yaml") if how == "file" else src
            times[how].append(run_measured([EXE, "build", str(target), "--store", str(store)]).seconds)
            extra.with_suffix(".txt").unlink()
            extra.with_suffix(".yaml").unlink()
            run([EXE, "build", str(src), "--store", str(store), "--prune"])
    shutil.rmtree(extra.parent, ignore_errors=True)
    # A changed article: its title edited (the quotes' offsets are in the body), so its graph is replaced.
    edited = src / "000" / "syn000002.txt"
    original = edited.read_text()
    edits: dict[str, list[float]] = {"file": [], "folder": []}
    try:
        for i in range(runs):
            for how in edits:
                edited.write_text(original.replace("\ntitle: ", f"\ntitle: (edit {how} {i}) ", 1))
                target = edited.with_suffix(".yaml") if how == "file" else src
                edits[how].append(run_measured([EXE, "build", str(target), "--store", str(store)]).seconds)
    finally:
        edited.write_text(original)
    run([EXE, "build", str(src), "--store", str(store)])  # the article as generated again
    noop = [run_measured([EXE, "build", str(src), "--store", str(store)]).seconds for _ in range(runs)]
    # A registry edit that no article depends on: one actor added (the registry checked and
    # reloaded, no article).
    registry = src / "registry.yaml"
    entries = registry.read_text()
    added = []
    try:
        for i in range(runs):
            registry.write_text(entries.replace("\nactors:\n", f"\nactors:\n  newcomer{i}: {{type: Country, "
                                                             f"label: Newcomer {i}, iso3: NEW}}\n", 1))
            added.append(run_measured([EXE, "build", str(src), "--store", str(store)]).seconds)
    finally:
        registry.write_text(entries)
    run([EXE, "build", str(src), "--store", str(store)])
    return {"new file": median(times["file"]), "new folder": median(times["folder"]),
            "edited file": median(edits["file"]), "edited folder": median(edits["folder"]), "noop": median(noop),
            "registry": median(added)}


def bench_validate(n: int, runs: int) -> dict[str, float]:
    """`validate` of one new file against the n-article registry (its cache warm, then cold), and
    of the whole corpus: every article checked, then again with nothing changed and with one
    file changed (the check cache). Medians, process start included."""
    src = corpus(n)
    base = src / "000" / "syn000002"
    text, yaml = base.with_suffix(".txt").read_text(), base.with_suffix(".yaml").read_text()
    new = src / "999" / "newvalidate"
    new.parent.mkdir(exist_ok=True)

    def fresh(tag: str) -> str:  # an article never checked before: the check cache cannot help
        new.with_suffix(".txt").write_text(text.replace("\ntitle: ", f"\ntitle: ({tag}) ", 1))
        new.with_suffix(".yaml").write_text(yaml)
        return str(new.with_suffix(".yaml"))

    out = {"start": median([run_measured([sys.executable, "-c", "pass"]).seconds for _ in range(runs)])}
    out["one"] = median([run_measured([EXE, "validate", fresh(f"warm {i}")]).seconds for i in range(runs)])
    cold = []
    warm_cache = os.environ["DIPLOGRAPH_CACHE"]
    for i in range(runs):
        with tempfile.TemporaryDirectory(dir=OUT) as empty:
            os.environ["DIPLOGRAPH_CACHE"] = empty
            cold.append(run_measured([EXE, "validate", fresh(f"cold {i}")]).seconds)
    os.environ["DIPLOGRAPH_CACHE"] = warm_cache
    out["one cold"] = median(cold)
    shutil.rmtree(new.parent)
    forget_checked()
    out["whole"] = run_measured([EXE, "validate", str(src)]).seconds
    out["whole again"] = median([run_measured([EXE, "validate", str(src)]).seconds for _ in range(runs)])
    edited = []
    try:
        for i in range(runs):
            base.with_suffix(".txt").write_text(text.replace("\ntitle: ", f"\ntitle: (edit {i}) ", 1))
            edited.append(run_measured([EXE, "validate", str(src)]).seconds)
    finally:
        base.with_suffix(".txt").write_text(text)
    out["whole edited"] = median(edited)
    return out


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def _serve(location: Path | None, command: str) -> tuple[subprocess.Popen[bytes], str]:
    """An Oxigraph server (``serve`` or ``serve-read-only``) on ``location`` (none: the graph in
    memory), once it answers: (process, query URL)."""
    port = _free_port()
    where = [] if location is None else ["--location", str(location)]
    server = subprocess.Popen(["oxigraph", command, *where, "--bind", f"127.0.0.1:{port}",
                               "--union-default-graph"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}/query"
    for _ in range(300):
        try:
            urllib.request.urlopen(url + "?query=ASK%7B%7D", timeout=1).read()
            return server, url
        except OSError:
            time.sleep(0.1)
    _stop(server)
    raise RuntimeError(f"oxigraph {command} did not answer at {url} within 30 s")


def _stop(server: subprocess.Popen[bytes]) -> None:
    """Stop a server ``_serve`` started, and reap it."""
    server.terminate()
    server.wait(10)


def _load_in_memory(dump: Path) -> tuple[subprocess.Popen[bytes], str, float, float]:
    """An ``oxigraph serve`` holding the graph in memory, loaded with ``dump`` by one Graph Store
    Protocol POST: (process, query URL, seconds to load, the server's resident MB then)."""
    server, url = _serve(None, "serve")
    t0 = time.perf_counter()
    try:
        with dump.open("rb") as data:
            request = urllib.request.Request(url.replace("/query", "/store"), data=data, method="POST", headers={
                "Content-Type": "application/n-quads", "Content-Length": str(dump.stat().st_size)})
            urllib.request.urlopen(request, timeout=600).read()
    except BaseException:
        _stop(server)
        raise
    seconds = time.perf_counter() - t0
    status = Path(f"/proc/{server.pid}/status").read_text()
    rss = int(next(x for x in status.splitlines() if x.startswith("VmRSS")).split()[1]) / 1024
    return server, url, seconds, rss


def bench_queries(n: int, store: Path, runs: int, rdflib_runs: int, rdflib_timeout: float,
                  rdflib_longer: float = 0.0) -> tuple[list[list[str]], tuple[float, float]]:
    """p50/p95 of every canned query: embedded, remote Oxigraph servers (on disk, in memory), rdflib
    in memory; and the in-memory server's load time and resident MB."""
    from diplograph import queries
    from diplograph.remote import RemoteStore
    from diplograph.store import OxigraphStore

    embedded = OxigraphStore(store, keep_results=False)  # every answer computed
    forget_kept(store)
    keeping = OxigraphStore(store)  # slow answers kept at the warm-up run, read back by the timed runs
    dump = OUT / f"dump-{n}.nq"
    if not dump.exists():
        dump.write_text(embedded.dump_nquads())
    server_dir = Path(tempfile.mkdtemp(dir=OUT))
    servers: list[subprocess.Popen[bytes]] = []  # stopped however this ends
    try:
        subprocess.run(["oxigraph", "load", "--location", str(server_dir), "--file", str(dump)], check=True,
                       stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        server, url = _serve(server_dir, "serve-read-only")
        servers.append(server)
        remote = RemoteStore(url, timeout=600)  # the 50k-row listing takes more than the default 30 s on slow machines
        in_memory, mem_url, mem_load, mem_rss = _load_in_memory(dump)
        servers.append(in_memory)
        remote_in_memory = RemoteStore(mem_url, timeout=600)
        print("  rdflib…", flush=True)
        on_rdflib = rdflib_latencies(dump, rdflib_runs, rdflib_timeout, rdflib_longer)
        rows = []
        for name, q in sorted(queries.catalogue().items()):
            emb = _latencies(embedded, q, runs)
            kept = _latencies(keeping, q, runs)
            rem = _latencies(remote, q, runs)
            mem = _latencies(remote_in_memory, q, runs)
            rdf, limit = on_rdflib.get(name, ([], rdflib_timeout))
            rdf_txt = (ms(median(rdf)) + (" (1 run)" if len(rdf) < rdflib_runs else "")) if rdf else f"> {limit:.0f} s"
            ratio = f"{median(rdf) / pct(emb, 50):,.0f}×" if rdf else f"> {limit / pct(emb, 50):,.0f}×"
            rows.append([name, str(len(queries.run(embedded, q).rows)), ms(pct(emb, 50)), ms(pct(emb, 95)),
                         ms(pct(kept, 50)), ms(pct(kept, 95)),
                         ms(pct(rem, 50)), f"{pct(rem, 50) / pct(emb, 50):.1f}×",
                         ms(pct(mem, 50)), f"{pct(mem, 50) / pct(emb, 50):.1f}×", rdf_txt, ratio])
            print(" ", rows[-1], flush=True)
    finally:
        for running in servers:
            _stop(running)
        shutil.rmtree(server_dir, ignore_errors=True)
    return rows, (mem_load, mem_rss)


def bench_remote_build(n: int) -> Run:
    """`diplograph build CORPUS --store URL` into an empty `oxigraph serve` (the articles checked
    before, as a team's server is fed from a checked corpus): the SPARQL Update path."""
    server_dir = Path(tempfile.mkdtemp(dir=OUT))
    server, url = _serve(server_dir, "serve")
    try:
        return run_measured([EXE, "build", str(corpus(n)), "--store", url, "--timeout", "600"])
    finally:
        _stop(server)
        shutil.rmtree(server_dir, ignore_errors=True)


def bench_export(store: Path, runs: int) -> list[list[str]]:
    """`diplograph export --format F -o FILE` of the whole store, each RDF format and the CSV table
    (the events-table query computed: no answer kept)."""
    rows = []
    for fmt in ("nquads", "ntriples", "turtle", "trig", "jsonld", "csv"):
        with tempfile.TemporaryDirectory(dir=OUT) as tmp:
            out = Path(tmp) / f"export.{fmt}"
            done = []
            for _ in range(runs):
                forget_kept(store)  # csv: the events table computed, as the first export after a build
                done.append(run_measured([EXE, "export", "--store", str(store), "--format", fmt, "-o", str(out)]))
            rows.append([fmt, ms(median([r.seconds for r in done])), f"{max(r.peak_mb for r in done):,.0f} MB",
                         f"{out.stat().st_size / 1e6:,.1f} MB"])
        print(" ", rows[-1], flush=True)
    return rows


def forget_kept(store: Path) -> None:
    """Remove the answers kept in the store's generation (resultcache.py)."""
    from diplograph.resultcache import FOLDER
    from diplograph.store import OxigraphStore

    gen = OxigraphStore(store).current()
    if gen is not None:
        shutil.rmtree(gen / FOLDER, ignore_errors=True)


def _latencies(store: object, q: object, runs: int) -> list[float]:
    from diplograph import queries

    queries.run(store, q)  # type: ignore[arg-type]  # warm-up
    out = []
    for _ in range(runs):
        t0 = time.perf_counter()
        queries.run(store, q)  # type: ignore[arg-type]
        out.append(time.perf_counter() - t0)
    return out


_RDFLIB_CHILD = """
import json, signal, sys, time
from diplograph import queries
from diplograph.store import MemoryStore

class Timeout(BaseException):  # not an Exception: the store's error handling must not catch it
    pass

def alarm(*_):
    raise Timeout()

signal.signal(signal.SIGALRM, alarm)
store = MemoryStore()
store.ds.parse(sys.argv[1], format="nquads")
runs, limit, longer = int(sys.argv[2]), float(sys.argv[3]), float(sys.argv[4])

def timed(q, limit):
    signal.setitimer(signal.ITIMER_REAL, limit)
    t0 = time.perf_counter()
    queries.run(store, q)
    took = time.perf_counter() - t0
    signal.setitimer(signal.ITIMER_REAL, 0)
    return took

for name, q in sorted(queries.catalogue().items()):
    try:
        times, used = [timed(q, limit) for _ in range(runs)], limit
    except Timeout:
        times, used = [], max(limit, longer)
        if longer > limit:  # once more, given longer
            try:
                times = [timed(q, longer)]
            except Timeout:
                pass
    print(json.dumps([name, times, used]), flush=True)
"""


def rdflib_latencies(dump: Path, runs: int, limit: float, longer: float = 0.0) -> dict[str, tuple[list[float], float]]:
    """Every canned query on rdflib's in-memory Dataset, in one child process (loading not timed):
    name -> (times, the limit of the last run). A run longer than ``limit`` seconds is stopped; the
    query is then run once more if ``longer`` allows more, and reported as slower than the limit if
    that is stopped too."""
    import json

    proc = subprocess.run([sys.executable, "-c", _RDFLIB_CHILD, str(dump), str(runs), str(limit), str(longer)],
                          capture_output=True, text=True, check=True)
    return {name: (times, used) for name, times, used in map(json.loads, proc.stdout.splitlines())}


def machine() -> str:
    import pyoxigraph
    import pyshacl
    import rdflib

    from diplograph import __version__

    cpu = "unknown CPU"
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
        mem = next(int(x.split()[1]) for x in Path("/proc/meminfo").read_text().splitlines() if x.startswith("MemTotal"))
        mem_txt = f"{mem / 1024 / 1024:.0f} GiB RAM"
    except (OSError, StopIteration):
        mem_txt = "unknown RAM"
    from importlib.metadata import version

    t0 = time.perf_counter()
    for _ in range(10_000_000):  # a yardstick: machines of the same "kind" differ by 2-3x
        pass
    loop = time.perf_counter() - t0
    return (f"{os.cpu_count()} cores ({cpu}), {mem_txt}, {platform.system()} {platform.release()}; "
            f"an empty 10⁷-iteration Python loop takes {loop:.2f} s; "
            f"Python {platform.python_version()}, diplograph {__version__}, pyoxigraph {pyoxigraph.__version__}, "
            f"rdflib {rdflib.__version__}, pyshacl-turbo {version('pyshacl-turbo')}, pySHACL {pyshacl.__version__}")


NOTES = "<!-- notes: hand-written below this line, kept when the tables are regenerated -->"


def write(path: Path, lines: list[str]) -> None:
    """Write the generated tables, keeping the hand-written notes at the end of the file."""
    old = path.read_text(encoding="utf-8") if path.exists() else ""
    notes = old[old.index(NOTES):] if NOTES in old else NOTES + "\n"
    path.write_text("\n".join(lines) + "\n" + notes, encoding="utf-8")


def compile_package() -> None:
    """Measure commands as an installed wheel runs them: pip writes the package's bytecode at
    install. An editable install under PYTHONDONTWRITEBYTECODE (set on CI machines) would
    compile every diplograph module again at every command (~35 ms, a tenth of a `validate`)."""
    import compileall

    import diplograph

    compileall.compile_dir(str(Path(diplograph.__file__).parent), quiet=1)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sizes", type=int, nargs="+", default=[100, 1000, 10000])
    ap.add_argument("--runs", type=int, default=5, help="runs of each short measurement (median reported)")
    ap.add_argument("--query-runs", type=int, default=50)
    ap.add_argument("--rdflib-timeout", type=float, default=60.0, help="seconds per rdflib query run")
    ap.add_argument("--rdflib-longer", type=float, default=0.0,
                    help="seconds for one more run of a query stopped at --rdflib-timeout (0: none)")
    ap.add_argument("--only", choices=["build", "all"], default="all")
    ap.add_argument("--output", type=Path, default=DOC)
    args = ap.parse_args()
    OUT.mkdir(parents=True, exist_ok=True)
    compile_package()
    cache = OUT / "cache"  # the cache folder the measured commands use (registry, file hashes), empty at the start
    shutil.rmtree(cache, ignore_errors=True)
    os.environ["DIPLOGRAPH_CACHE"] = str(cache)
    rep = Report()
    rep.para("# Benchmarks")
    rep.para(f"Machine: {machine()}. Run on {time.strftime('%Y-%m-%d')} with `python -m benchmarks "
             + " ".join(sys.argv[1:]) + "`.")
    rep.para(f"Corpus: `benchmarks/generate.py` (seed 42): the {SEED_ARTICLES} seed articles plus N synthetic articles of "
             "5 events each (meetings of 2–5 states, statements, recurring red lines, threats, mediation, "
             "agreements, strikes), Zipf-skewed actors, a registry grown with the corpus. Times are wall-clock, "
             "process start included for commands.")
    build_rows: list[list[str]] = []
    stores = {}
    for n in args.sizes:
        runs = args.runs if n <= 1000 else 3 if n <= 10000 else 1  # 10k: ~30 s a run, and it varies by ±10 %
        print(f"build {n}…", flush=True)
        stores[n] = bench_build(n, runs, rep, build_rows)
    rep.para("## Full build from an empty store (validate + map + load), and the raw bulk load of the same quads")
    rep.table(["articles", "triples", "runs", "build", "articles/s", "triples/s", "raw bulk load", "build ÷ raw",
               "peak RSS", "build, checked before", "÷ raw", "peak RSS"], build_rows)
    rep.para("*build*: a first build (the cache folder emptied before each run: every file hashed, the registry "
             "mapped, every article checked). *build, checked "
             "before*: the same into an empty store when the articles have been checked before, unchanged "
             "(by `validate` or by an earlier build): their graphs come from the check cache.")
    if args.only == "build":
        write(args.output, rep.lines)
        return
    biggest = max(n for n in args.sizes if n <= 10000)
    print(f"incremental {biggest}…", flush=True)
    inc = bench_incremental(biggest, stores[biggest], args.runs)
    val = bench_validate(biggest, args.runs)
    rep.para(f"## Incremental work on the {biggest:,}-article store (median of {args.runs})")
    rep.table(["operation", "wall time"], [
        ["`diplograph build NEW.yaml`: one new article named alone (validate it, load it, commit a new "
         "generation)", ms(inc["new file"])],
        ["`diplograph build CORPUS` with one new article in it (the same, after checking every file's stat)",
         ms(inc["new folder"])],
        ["`diplograph build EDITED.yaml`: one article changed (its title), named alone (validate it, replace "
         "its graph)", ms(inc["edited file"])],
        ["`diplograph build CORPUS` with one changed article in it", ms(inc["edited folder"])],
        ["`diplograph build CORPUS` with nothing new (stat and cached hash of every file)", ms(inc["noop"])],
        ["`diplograph build CORPUS` after an actor was added to the registry (the registry mapped, checked and "
         "reloaded; no article depends on the new entry)", ms(inc["registry"])],
        ["`diplograph validate NEW.yaml`: one article never checked before (the registry read from the cache)",
         ms(val["one"])],
        ["`diplograph validate NEW.yaml` with an empty cache (first command after the registry changed)",
         ms(val["one cold"])],
        ["`python -c pass` (interpreter start, for reference)", ms(val["start"])],
        [f"`diplograph validate CORPUS` ({biggest + SEED_ARTICLES:,} articles), every article checked (1 run)", ms(val["whole"])],
        ["`diplograph validate CORPUS` again, nothing changed (the articles and the registry's findings from the "
         "check cache)", ms(val["whole again"])],
        ["`diplograph validate CORPUS` after one article was edited", ms(val["whole edited"])],
    ])
    print(f"queries {biggest}…", flush=True)
    qrows, (mem_load, mem_rss) = bench_queries(biggest, stores[biggest], args.query_runs, 3, args.rdflib_timeout,
                                               args.rdflib_longer)
    longer = (f"; a query stopped there run once more with a {args.rdflib_longer:.0f} s limit, its one time given"
              if args.rdflib_longer > args.rdflib_timeout else "")
    rep.para(f"## Canned queries on the {biggest:,}-article store ({args.query_runs} runs each after a warm-up; "
             f"rdflib: median of 3, {args.rdflib_timeout:.0f} s limit per run{longer}, loading not timed)")
    rep.para("*computed*: every run computes the answer (`--no-cache`; what the first run after a build costs). "
             "*kept*: the warm-up run kept its answer in the store's generation, the timed runs read it back "
             "(answers computed in under 50 ms are not kept: the same figures). *remote*: `oxigraph "
             "serve-read-only` of the same quads on disk, through `--store URL`; *remote in memory*: `oxigraph serve` "
             f"without `--location`, loaded by one Graph Store Protocol POST of the quads in {mem_load:.1f} s "
             f"(the server then resident in {mem_rss:,.0f} MB). Ratios are against *computed*.")
    rep.table(["query", "rows", "computed p50", "computed p95", "kept p50", "kept p95", "remote p50",
               "remote ÷ computed", "remote in memory p50", "in memory ÷ computed", "rdflib in-memory",
               "rdflib ÷ computed"], qrows)
    meetings = [EXE, "query", "meetings", "--store", str(stores[biggest]), "--format", "csv"]
    forget_kept(stores[biggest])
    first = run_measured(meetings)
    again = [run_measured(meetings) for _ in range(args.runs)]
    fresh = [run_measured([*meetings, "--no-cache"]) for _ in range(args.runs)]
    rep.para(f"A `diplograph query meetings --format csv` process on the {biggest:,}-article store "
             f"(the default actor): first run {ms(first.seconds)} (peak RSS {first.peak_mb:,.0f} MB); run again, reading "
             f"the kept answer, {ms(median([r.seconds for r in again]))} (peak RSS "
             f"{max(r.peak_mb for r in again):,.0f} MB); with `--no-cache` {ms(median([r.seconds for r in fresh]))} "
             f"(median of {args.runs}).")
    listing = [EXE, "query", "events-table", "--store", str(stores[biggest])]
    run_measured([*listing, "--format", "csv"])  # keeps its answer, if the query runs did not
    printed = []
    for fmt in ("csv", "tsv", "json", "sparql-json", "table"):
        done = [run_measured([*listing, "--format", fmt]) for _ in range(args.runs)]
        printed.append([fmt, ms(median([r.seconds for r in done])), f"{max(r.peak_mb for r in done):,.0f} MB"])
    listed = next(r[1] for r in qrows if r[0] == "events-table")
    rep.para(f"`diplograph query events-table --format F` processes on the {biggest:,}-article store: the largest "
             f"listing ({listed} rows) read from its kept answer (computed again where that takes under 50 ms) and "
             f"printed whole (`table`: its first 100 rows), median of {args.runs}:")
    rep.table(["format", "wall time", "peak RSS"], printed)
    print(f"export {biggest}…", flush=True)
    runs = args.runs if biggest <= 1000 else 1
    rep.para(f"## Export of the {biggest:,}-article store ({triples_in(stores[biggest]):,} quads; "
             f"{'median of ' + str(runs) if runs > 1 else '1 run'} each)")
    rep.table(["format", "wall time", "peak RSS", "file size"], bench_export(stores[biggest], runs))
    print(f"remote build {biggest}…", flush=True)
    remote = bench_remote_build(biggest)
    rep.para(f"## Build into a SPARQL server ({biggest + SEED_ARTICLES:,} articles, 1 run)")
    rep.para(f"`diplograph build CORPUS --store URL` into an empty `oxigraph serve` on this machine, the articles "
             f"checked before (SPARQL Updates of about a megabyte): {ms(remote.seconds)} "
             f"({(biggest + SEED_ARTICLES) / remote.seconds:,.0f} articles/s; client peak RSS {remote.peak_mb:,.0f} MB).")
    write(args.output, rep.lines)
    print(f"wrote {args.output}")


if __name__ == "__main__":
    main()
