"""Answers kept in the embedded store's generation: the same rows as computing them, never stale."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest
from typer.testing import CliRunner

from diplograph import queries, resultcache
from diplograph.build import build
from diplograph.cli import app
from diplograph.resultcache import FOLDER, decode, encode, keepable
from diplograph.store import OxigraphStore
from diplograph.terms import actor_iri

from .conftest import SEED_ID, SEEDS

MEETINGS = queries.get("meetings")
COUNT = "PREFIX dg: <https://w3id.org/diplograph/ontology#> SELECT (COUNT(*) AS ?n) WHERE { ?a a dg:Article }"


@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("kept") / "store"
    build(OxigraphStore(path), [SEEDS])
    return path


@pytest.fixture
def store(built: Path, monkeypatch: pytest.MonkeyPatch) -> OxigraphStore:
    """The seed store with nothing kept yet, keeping every answer however quick."""
    shutil.rmtree(_folder(built), ignore_errors=True)
    monkeypatch.setattr(resultcache, "KEEP_AFTER", 0.0)
    return OxigraphStore(built)


def _folder(path: Path) -> Path:
    store = OxigraphStore(path)
    gen = store.current()
    assert gen is not None
    return gen / FOLDER


def _kept(path: Path) -> list[Path]:
    return sorted(_folder(path).glob("*.json")) if _folder(path).is_dir() else []


def _listing(path: Path) -> Path:
    """The one kept answer with rows of several columns (not the ASK that checks a parameter)."""
    [entry] = [e for e in _kept(path) if len(json.loads(e.read_text())["vars"]) > 1]
    return entry


def _tamper(entry: Path) -> None:
    """Change the first plain literal of a kept answer, so that reading it back shows."""
    doc = json.loads(entry.read_text())
    doc["values"][doc["kinds"].index("s")] = "TAMPERED"
    entry.write_text(json.dumps(doc))


@pytest.mark.parametrize("name", sorted(queries.catalogue()))
def test_every_canned_answer_survives_the_round_trip(embedded: OxigraphStore, name: str) -> None:
    fresh = OxigraphStore(embedded.root, keep_results=False)
    result = queries.run(fresh, queries.get(name))
    back = decode(json.loads(json.dumps(encode(result))))
    assert back == result
    assert [[type(t) for t in row] for row in back.rows] == [[type(t) for t in row] for row in result.rows]
    assert [[getattr(t, "datatype", None) for t in row] for row in back.rows] == \
        [[getattr(t, "datatype", None) for t in row] for row in result.rows]


def test_an_answer_is_kept_and_read_back(store: OxigraphStore, built: Path) -> None:
    computed = queries.run(store, MEETINGS)
    assert computed.rows
    entry = _listing(built)
    _tamper(entry)
    again = queries.run(OxigraphStore(built), MEETINGS)
    assert "TAMPERED" in {str(t) for row in again.rows for t in row}
    assert queries.run(OxigraphStore(built, keep_results=False), MEETINGS) == computed


def test_quick_answers_are_not_kept(built: Path) -> None:
    shutil.rmtree(_folder(built), ignore_errors=True)
    assert OxigraphStore(built).query(COUNT).rows  # on 10 articles: a millisecond
    assert _kept(built) == []


@pytest.mark.parametrize("text", ["SELECT (NOW() AS ?t) {}", "SELECT (rand () AS ?r) {}", "SELECT (UUID() AS ?u) {}",
                                  "SELECT (STRUUID() AS ?u) {}", "SELECT (BNODE() AS ?b) {}",
                                  "SELECT * { SERVICE <http://example.org/sparql> { ?s ?p ?o } }"])
def test_answers_that_change_by_themselves_are_never_kept(store: OxigraphStore, built: Path, text: str) -> None:
    assert not keepable(text)
    if "SERVICE" not in text:  # the engine would try the network
        store.query(text)
        assert _kept(built) == []


def test_a_new_build_starts_afresh(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(resultcache, "KEEP_AFTER", 0.0)
    path = tmp_path / "store"
    store = OxigraphStore(path)
    build(store, [corpus])
    before = int(store.query(COUNT).rows[0][0])
    old = store.current()
    assert old is not None and len(list((old / FOLDER).glob("*.json"))) == 1
    for f in corpus.glob(f"{SEED_ID}.*"):
        f.unlink()
    build(store, [corpus], prune=True)
    assert not old.exists()  # the old generation went, with what was kept for it
    assert int(store.query(COUNT).rows[0][0]) == before - 1
    assert int(OxigraphStore(path).query(COUNT).rows[0][0]) == before - 1


def test_a_damaged_entry_is_computed_again(store: OxigraphStore, built: Path) -> None:
    computed = queries.run(store, MEETINGS)
    entry = _listing(built)
    for damage in ["{", '{"vars": ["x"], "ask": null, "kinds": "", "values": [], "extra": [], "count": 1, "rows": "BwAAAA=="}',
                   '{"vars": ["x"], "ask": null, "kinds": "s", "values": ["a"], "extra": [], "count": 2, "rows": "AAAAAA=="}',
                   '{"vars": ["x"], "ask": null, "kinds": "s", "values": ["a"], "extra": [], "count": 1, "rows": "not base64"}',
                   '{"vars": ["x"], "ask": null, "kinds": "d", "values": ["1"], "extra": [], "count": 1, "rows": "AAAAAA=="}',
                   "[]"]:
        entry.write_text(damage)
        assert queries.run(OxigraphStore(built), MEETINGS) == computed
        assert decode(json.loads(entry.read_text())) == computed  # kept again, whole


def test_a_store_that_cannot_keep_answers_still_answers(store: OxigraphStore, built: Path) -> None:
    folder = _folder(built)
    folder.write_text("not a folder")  # as a read-only store would: every write fails
    try:
        assert queries.run(store, MEETINGS) == queries.run(OxigraphStore(built, keep_results=False), MEETINGS)
    finally:
        folder.unlink()


def _ask_in_order(store: OxigraphStore, built: Path, texts: list[str], kept: list[Path]) -> list[Path]:
    """Ask each query in turn; the answer each one kept gets a distinct, later mtime than those before."""
    for text in texts:
        store.query(text)
        [new] = set(_kept(built)) - set(kept)
        age = 1_000_000 + len(kept)
        os.utime(new, (age, age))
        kept = [*kept, new]
    return kept


def test_the_oldest_answers_go_first(store: OxigraphStore, built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(resultcache, "MAX_ENTRIES", 2)
    names = _ask_in_order(store, built, [queries.bind(MEETINGS.text, {"actor": actor_iri(a)}) for a in ["ISR", "TUR", "RUS"]], [])
    assert _kept(built) == sorted(names[1:])


def test_kept_answers_fit_in_their_bytes(store: OxigraphStore, built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    texts = [f"{COUNT} # {i}" for i in range(5)]  # five keys, answers of the same size
    [first] = _ask_in_order(store, built, texts[:1], [])
    size = first.stat().st_size
    monkeypatch.setattr(resultcache, "MAX_BYTES", 4 * size)  # room for four
    names = _ask_in_order(store, built, texts[1:], [first])
    assert _kept(built) == sorted(names[1:])
    monkeypatch.setattr(resultcache, "MAX_BYTES", 4 * size - 4)  # one answer over a quarter: not kept
    store.query(f"{COUNT} # too big")
    assert _kept(built) == sorted(names[1:])


def test_caching_off_keeps_nothing(store: OxigraphStore, built: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIPLOGRAPH_CACHE", "off")
    queries.run(store, MEETINGS)
    assert _kept(built) == []


def test_no_cache_option_computes_afresh(store: OxigraphStore, built: Path) -> None:
    args = ["query", "meetings", "--format", "csv", "--store", str(built)]
    first = CliRunner().invoke(app, args)
    assert first.exit_code == 0, first.output
    _tamper(_listing(built))
    assert "TAMPERED" in CliRunner().invoke(app, args).stdout
    fresh = CliRunner().invoke(app, [*args, "--no-cache"])
    assert fresh.exit_code == 0 and fresh.stdout == first.stdout


def test_reading_an_answer_back_leaves_the_collector_as_it_was(store: OxigraphStore, built: Path) -> None:
    import gc

    computed = queries.run(store, MEETINGS)
    assert gc.isenabled()
    assert queries.run(OxigraphStore(built), MEETINGS) == computed and gc.isenabled()
    gc.disable()
    try:
        assert queries.run(OxigraphStore(built), MEETINGS) == computed and not gc.isenabled()
    finally:
        gc.enable()
