"""A text about the Trump-Putin summit in Anchorage (15 August 2025) and the White House meeting
three days later, pasted into a file with no header block and drafted with `--published`:

* `--published` was silently ignored for a file (it applied to `--text` only), so "on 18 August"
  had no year to be read in and the meeting took the date of the summit, 2025-08-15. It now stands
  in for a header that gives no date; one that contradicts the header, or one given with a folder,
  is an error.
* With no publication date at all, "on 18 August" now takes the year of the last full date the
  text gave ("on 15 August 2025").
* The White House meeting took the place of the Anchorage summit, carried on with the date: a
  sentence that names a venue of its own ("at the White House", "at the Mariinsky Palace") no longer
  takes the place before (and the White House is now in Washington: test_draft_of_venues).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from diplograph import draft
from diplograph.errors import UsageError

from ..conftest import SEEDS, run_cli, seed_registry

REGISTRY = seed_registry()
TEXT = ("US President Donald Trump and Russian President Vladimir Putin met at Joint Base Elmendorf-Richardson in "
        "Anchorage, Alaska, on 15 August 2025, their first in-person meeting since 2019.\n"
        "\"There's no deal until there's a deal,\" Trump told reporters after the meeting.\n"
        "Three days later, on 18 August, Zelensky met Trump at the White House together with several European "
        "leaders, including German Chancellor Friedrich Merz and French President Emmanuel Macron.\n")


def _events(d: draft.Drafted) -> list[tuple[str, str, str]]:
    return [(e["type"], e["date"], e["place"]) for e in d.events]


def test_the_text_without_a_header_and_its_publication_date(tmp_path: Path) -> None:
    (tmp_path / "alaska.txt").write_text(TEXT)
    d = draft.draft_file(tmp_path / "alaska.txt", REGISTRY, published=dt.date(2025, 8, 19))
    assert _events(d) == [("Meeting", "2025-08-15", "anchorage"), ("Statement", "2025-08-15", "anchorage"),
                          ("Meeting", "2025-08-18", "washington")]  # the White House (test_draft_of_venues)
    assert d.events[2]["participants"] == ["UKR", "USA", "DEU", "FRA"]
    assert d.events[2]["note"] == "draft: rule Meeting trigger /\\bmet\\b/; confidence 0.80"  # its own date


def test_with_no_publication_date_the_year_of_the_last_full_date() -> None:
    d = draft.draft_text(TEXT, None, REGISTRY)
    assert [e["date"] for e in d.events] == ["2025-08-15", "2025-08-15", "2025-08-18"]
    assert draft.find_date("Three days later, on 18 August, they met.", None, year=2025) == ("2025-08-18", "18 August")
    assert draft.find_date("Three days later, on 18 August, they met.", None) is None
    # the publication date wins over the year of an earlier date: "on December 28" in an article of 3 January
    assert draft.find_date("They met on December 28.", dt.date(2025, 1, 3), year=2025) == ("2024-12-28", "December 28")


def test_a_month_and_year_gives_the_year_too() -> None:
    text = "Trump met Putin in Anchorage in August 2025.\nOn 18 August Zelensky met Trump in Washington.\n"
    assert [e.get("date") for e in draft.draft_text(text, None, REGISTRY).events] == ["2025-08", "2025-08-18"]
    # no year anywhere: no date to write (a weekday needs the publication date too)
    text = "Trump met Putin in Anchorage on Friday.\nOn 18 August Zelensky met Trump in Washington.\n"
    assert [e.get("date") for e in draft.draft_text(text, None, REGISTRY).events] == [None, None]


def test_a_venue_of_its_own_takes_no_place_from_before() -> None:
    d = draft.draft_text("Trump met Putin in Anchorage on Friday.\nZelensky met Trump at the Mariinsky Palace.\n",
                         dt.date(2025, 8, 19), REGISTRY)
    assert _events(d) == [("Meeting", "Friday", "anchorage"), ("Meeting", "Friday", "unknown")]
    d = draft.draft_text("Trump met Putin in Anchorage on Friday.\nZelensky met Trump after the talks.\n",
                         dt.date(2025, 8, 19), REGISTRY)
    assert _events(d) == [("Meeting", "Friday", "anchorage"), ("Meeting", "Friday", "anchorage")]


def test_a_publication_date_that_contradicts_the_header_is_an_error() -> None:
    seed = next(SEEDS.glob("000_*.txt"))
    with pytest.raises(UsageError) as e:
        draft.draft_file(seed, REGISTRY, published=dt.date(2025, 8, 19))
    assert str(e.value) == (f"{seed}: its header says published: 2025-04-10, and --published says 2025-08-19: "
                            "drop one")
    assert draft.draft_file(seed, REGISTRY, published=dt.date(2025, 4, 10)).events  # the same date: no quarrel


def test_the_command(tmp_path: Path) -> None:
    (tmp_path / "alaska.txt").write_text(TEXT)
    reg = str(SEEDS / "registry.yaml")
    done = run_cli("draft", str(tmp_path / "alaska.txt"), "--published", "2025-08-19", "--registry", reg)
    assert done.returncode == 0, done.stderr
    assert "date: 2025-08-18" in done.stdout
    done = run_cli("draft", str(SEEDS), "--published", "2025-08-19", "-o", str(tmp_path / "out"), "--registry", reg)
    assert (done.returncode, done.stderr) == (2, "error: --published is for --text or one article: each article of "
                                                 "a folder gives its date in its header\n")
    assert not (tmp_path / "out").exists()
    done = run_cli("draft", str(tmp_path / "alaska.txt"), "--published", "19 August", "--registry", reg)
    assert (done.returncode, done.stderr) == (2, "error: --published takes YYYY-MM-DD, not '19 August'\n")
