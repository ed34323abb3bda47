"""Shared fixtures: the seed corpus, stores on all three backends, a real SPARQL server."""

from __future__ import annotations

import functools
import io
import os
import shutil
import socket
import subprocess
import tempfile
import time
import urllib.request
from collections.abc import Iterator
from pathlib import Path

import pytest

from diplograph.build import build
from diplograph.registry import Registry, load_registry
from diplograph.store import MemoryStore, OxigraphStore, Store

ROOT = Path(__file__).resolve().parents[1]
SEEDS = ROOT / "seeds"
SEED_ID = "000_1ffc3385377c4747"
ARTICLES = len(list(SEEDS.glob("*.txt")))  # the seed articles (the corpus grows; counts follow it)

# Mapped registries are cached in the user's cache folder; the suite keeps its own (commands run
# as subprocesses inherit it) so that it neither reads nor fills the real one.
os.environ["DIPLOGRAPH_CACHE"] = tempfile.mkdtemp(prefix="diplograph-test-cache-")


@functools.cache
def seed_registry() -> Registry:
    """seeds/registry.yaml, loaded once for the tests that only read it (the drafter's)."""
    return load_registry(SEEDS / "registry.yaml")


@pytest.fixture
def corpus(tmp_path: Path) -> Path:
    """A private copy of seeds/ that a test may break."""
    dst = tmp_path / "seeds"
    shutil.copytree(SEEDS, dst)
    return dst


@pytest.fixture(scope="session")
def embedded(tmp_path_factory: pytest.TempPathFactory) -> OxigraphStore:
    store = OxigraphStore(tmp_path_factory.mktemp("store") / "store")
    build(store, [SEEDS])
    return store


@pytest.fixture(scope="session")
def memory() -> MemoryStore:
    store = MemoryStore()
    build(store, [SEEDS])
    return store


def _free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


class OxigraphServer:
    """The real Oxigraph SPARQL server (from the `oxigraph` PyPI package) on loopback; with no
    location, the graph in memory (gone at each restart)."""

    def __init__(self, location: Path | None):
        self.location = location
        self.port = _free_port()
        self.proc: subprocess.Popen[bytes] | None = None

    @property
    def url(self) -> str:
        return f"http://127.0.0.1:{self.port}/query"

    def start(self) -> None:
        exe = shutil.which("oxigraph")
        if exe is None:
            pytest.fail("the oxigraph server binary is missing: pip install '.[test]'")
        where = [] if self.location is None else ["--location", str(self.location)]
        self.proc = subprocess.Popen([exe, "serve", *where, "--bind", f"127.0.0.1:{self.port}", "--union-default-graph"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        deadline = time.monotonic() + 30
        while time.monotonic() < deadline:
            try:
                urllib.request.urlopen(f"http://127.0.0.1:{self.port}/query?query=ASK%7B%7D", timeout=1).read()
                return
            except OSError:
                time.sleep(0.1)
        raise RuntimeError("the oxigraph server did not start within 30 s")

    def stop(self) -> None:
        if self.proc is not None:
            self.proc.terminate()
            self.proc.wait(10)
            self.proc = None


@pytest.fixture(scope="session")
def server(tmp_path_factory: pytest.TempPathFactory) -> Iterator[OxigraphServer]:
    srv = OxigraphServer(tmp_path_factory.mktemp("oxigraph-server"))
    srv.start()
    yield srv
    srv.stop()


@pytest.fixture(scope="session")
def remote(server: OxigraphServer) -> Store:
    from diplograph.remote import RemoteStore

    store = RemoteStore(server.url)
    build(store, [SEEDS])
    return store


@pytest.fixture
def no_network(monkeypatch: pytest.MonkeyPatch) -> list[tuple]:
    """Fail on any attempt to open a network connection; returns the attempts."""
    attempts: list[tuple] = []

    def guard(self: socket.socket, address: object, *a: object) -> None:
        attempts.append((address,))
        raise AssertionError(f"unexpected network connection to {address!r}")

    monkeypatch.setattr(socket.socket, "connect", guard)
    monkeypatch.setattr(socket, "create_connection", lambda address, *a, **k: guard(None, address))  # type: ignore[arg-type]
    return attempts


@pytest.fixture
def full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every file opened by descriptor (as cache writes are) refuses what is written to it."""
    real_fdopen = os.fdopen

    class Full(io.StringIO):
        def write(self, text: str) -> int:
            raise OSError(28, "No space left on device")

    def opened(fd: int, *args: object, **kw: object) -> io.StringIO:
        real_fdopen(fd).close()
        return Full()

    monkeypatch.setattr(os, "fdopen", opened)


def command_env(env: dict[str, str | None] | None = None) -> dict[str, str]:
    """This process's environment with ``env`` applied (a None value removes the variable)."""
    merged = {**os.environ, **(env or {})}
    return {k: v for k, v in merged.items() if v is not None}


def run_cli(*args: str, cwd: Path | None = None, env: dict[str, str | None] | None = None) -> subprocess.CompletedProcess[str]:
    """The real command in a real process, as a user runs it."""
    return subprocess.run(["diplograph", *args], cwd=cwd, capture_output=True, text=True, timeout=300,
                          env=command_env(env))


def command_in_fresh_process(args: list[str], probe: str) -> list[str]:
    """Run `diplograph ARGS` in a new interpreter (start-up is what is tested), then print ``probe``
    (a Python expression, evaluated in that process); its output lines."""
    import sys

    code = ("import sys\nfrom diplograph.cli import app\n"
            f"try:\n    app({args!r})\nexcept SystemExit as e:\n    assert not e.code, e.code\n"
            f"print({probe})")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    return done.stdout.splitlines()
