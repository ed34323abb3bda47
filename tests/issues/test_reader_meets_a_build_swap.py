"""Regression: a query that read CURRENT just before a build switched generations found the old
generation deleted and said "the store … is damaged" (or, when it vanished while being opened,
raised pyoxigraph's OSError as a traceback). A reader now reads CURRENT again; a generation that
will not open at all is reported as a StoreError naming the store.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from diplograph import queries as Q
from diplograph.build import build
from diplograph.errors import StoreError
from diplograph.store import OxigraphStore

from ..conftest import SEEDS, run_cli


@pytest.fixture
def store(tmp_path: Path) -> OxigraphStore:
    s = OxigraphStore(tmp_path / "store")
    build(s, [SEEDS])
    return OxigraphStore(s.root)  # a fresh reader


def test_a_generation_gone_between_reading_current_and_opening_it(store: OxigraphStore,
                                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    live = store.current()
    assert live is not None
    gone = store.root / "gen-000000"  # what CURRENT named a moment ago; the build has deleted it
    answers = iter([gone, live])
    monkeypatch.setattr(store, "current", lambda: next(answers))
    assert Q.run(store, Q.get("meetings")).rows  # answered from the live generation


def test_a_generation_that_never_opens_is_an_error_naming_the_store(store: OxigraphStore) -> None:
    live = store.current()
    assert live is not None
    shutil.rmtree(live)
    live.mkdir()  # CURRENT names a folder with no database in it
    with pytest.raises(StoreError, match=f"^cannot open the store at {store.root}: IO error: No such file"):
        Q.run(store, Q.get("meetings"))
    done = run_cli("query", "meetings", "--store", str(store.root))
    assert done.returncode == 2 and done.stderr.startswith(f"error: cannot open the store at {store.root}: ")
    assert "Traceback" not in done.stderr
