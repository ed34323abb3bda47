"""The US-China trade talks in Geneva (10-11 May 2025), in my words: "US Treasury Secretary Scott Bessent
and Chinese Vice Premier He Lifeng held two days of talks in Geneva on 10 and 11 May. On Monday, the two
countries announced that they had agreed to lower reciprocal tariffs for 90 days." was drafted with

* the talks dated 11 May: "10 and 11 May" is a span of days now (`2025-05-10..2025-05-11`, as a hand
  annotation writes one), and "10-11 May 2025", "May 10 to 11" too;
* He Lifeng unseen: "Premier" was no office (nor "Trade Representative"); he is a person of China now.
"""

from __future__ import annotations

import datetime as dt

import pytest

from diplograph import draft

from ..conftest import seed_registry

REGISTRY = seed_registry()
TEXT = ("US Treasury Secretary Scott Bessent and Chinese Vice Premier He Lifeng held two days of talks in Geneva on 10 "
        "and 11 May. On Monday, the two countries announced that they had agreed to lower reciprocal tariffs for 90 days.")


def test_the_paragraph() -> None:
    d = draft.draft_text(TEXT, dt.date(2025, 5, 12), REGISTRY)
    assert d.actors["he-lifeng"] == {"type": "Person", "label": "He Lifeng", "country": "CHN"}
    assert [(e["type"], e["date"], e.get("participants") or e.get("parties") or e.get("speaker")) for e in d.events] == [
        ("Meeting", "2025-05-10..2025-05-11", ["USA", "CHN"]),
        # "the two countries announced": each side's statement (tests/issues/test_draft_of_a_joint_statement.py)
        ("Statement", "Monday", "USA"), ("Statement", "Monday", "CHN"), ("Agreement", "Monday", ["USA", "CHN"])]
    assert [e.get("declares") for e in d.events[1:3]] == ["agreement-1", "agreement-1"]


@pytest.mark.parametrize("words,published,year,span", [
    ("on 10 and 11 May", dt.date(2025, 5, 12), None, "2025-05-10..2025-05-11"),
    ("on 10-11 May 2024", dt.date(2025, 5, 12), None, "2024-05-10..2024-05-11"),
    ("from 9 to 11 May 2025", None, None, "2025-05-09..2025-05-11"),
    ("on May 10 to 11", None, 2025, "2025-05-10..2025-05-11"),
    ("on December 28 and 29", dt.date(2025, 1, 3), None, "2024-12-28..2024-12-29"),  # the year before publication
])
def test_a_span_of_days(words: str, published: dt.date | None, year: int | None, span: str) -> None:
    assert draft.find_date(f"They met {words}.", published, year=year)[0] == span  # type: ignore[index]
    assert [d[0] for d in draft.dates_in(f"They met {words}.", published, year=year)] == [span]


def test_what_is_no_span() -> None:
    assert draft.find_date("on 30 and 31 February", dt.date(2025, 5, 12)) is None
    assert draft.find_date("on 10 and 11 May", None) is None  # no year to give it
    assert draft.find_date("killed 3 and wounded 4 May", dt.date(2025, 5, 12)) == ("2025-05-04", "4 May")
