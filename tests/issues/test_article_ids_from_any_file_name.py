"""Regression: an article whose file name is not a plain slug (`002 rome (ü) us+iran.yaml`) was
built and exported (`export --graph`), but `query evidence --param event=…` and every other event or
article parameter refused its id: "write the event as ARTICLE-ID#EVENT-ID".

An article id is the file's stem, whatever it is; its IRIs percent-encode it. Parameters now take
the ids the build takes (no '/', printable), and an event is split at its last '#'.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph import queries as Q
from diplograph.build import build
from diplograph.errors import UsageError
from diplograph.store import OxigraphStore

from ..conftest import run_cli

ODD = "002 rome (ü) us+iran#1"


@pytest.fixture
def renamed(corpus: Path) -> Path:
    for ext in (".txt", ".yaml"):
        (corpus / f"002_rome_us_iran{ext}").rename(corpus / f"{ODD}{ext}")
    return corpus


def test_event_and_article_parameters_take_the_built_id(renamed: Path, tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "store")
    build(store, [renamed])
    rows = Q.run(store, Q.get("evidence"), {"event": f"{ODD}#rome-talks"}).rows
    assert any(str(r[0]).startswith("Steve Witkoff and Abbas Araghchi met") for r in rows)
    articles = {str(r[0]) for r in Q.run(store, Q.get("event-sources"), {"event": f"{ODD}#rome-talks"}).rows}
    assert "https://w3id.org/diplograph/id/article/002%20rome%20%28%C3%BC%29%20us%2Biran%231" in articles


@pytest.mark.parametrize("value", ["#rome-talks", "a/b#rome-talks", "rome-talks", f"{ODD}#bad id", "x\u2028y#e"])
def test_what_cannot_be_an_event_is_still_refused(value: str) -> None:
    with pytest.raises(UsageError) as err:
        Q.to_term(next(p for p in Q.get("evidence").params if p.name == "event"), value)
    assert str(err.value) == f"--param event: write the event as ARTICLE-ID#EVENT-ID, not {value!r}"


def test_the_command(renamed: Path, tmp_path: Path) -> None:
    store = str(tmp_path / "store")
    assert run_cli("build", str(renamed), "--store", store).returncode == 0
    done = run_cli("query", "evidence", "--store", store, "--param", f"event={ODD}#rome-talks", "--format", "csv")
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines()[1].startswith("Steve Witkoff and Abbas Araghchi met for a second round")


def test_stale_and_removed_articles_are_named_by_their_ids(renamed: Path, tmp_path: Path) -> None:
    """`build` called the article whose annotation had gone `002%20rome%20%28%C3%BC%29%20us%2Biran%231`
    (the end of its graph's IRI), in the line about stale articles, in `stale` and in `removed`."""
    store = OxigraphStore(tmp_path / "store")
    build(store, [renamed])
    for ext in (".txt", ".yaml"):
        (renamed / f"{ODD}{ext}").unlink()
    assert build(store, [renamed]).stale == [ODD]
    assert build(store, [renamed], prune=True).removed == [ODD]
