""""Aliyev and Pashinyan met President Donald Trump at the White House on Friday" (seed 009) was drafted
at `place: unknown`, and so was Zelensky's meeting with Trump and European leaders "at the White
House" on 18 August 2025 (test_draft_of_the_alaska_summit): news names buildings for the cities
they stand in. `venues` in rules/draft.yaml maps them to their city: the registry's place of that
name, or whose name begins with it ("Washington, D.C."), else the GeoNames city, proposed. And
"to be called the Trump Route …" is no statement (the trigger `called the`).
"""

from __future__ import annotations

import datetime as dt

from diplograph import draft
from diplograph.articles import read_article

from ..conftest import SEEDS, seed_registry

REGISTRY = seed_registry()


def test_the_white_house_is_in_washington() -> None:
    d = draft.draft_article(read_article(next(SEEDS.glob("009_*.txt"))), REGISTRY)
    assert [(e["type"], e["place"]) for e in d.events] == [("Meeting", "washington"), ("Agreement", "washington")]


def test_a_venue_in_a_city_the_registry_lacks_proposes_it() -> None:
    d = draft.draft_text("Israel and Turkey met at the Elysee Palace on Monday.", dt.date(2025, 8, 19), REGISTRY)
    assert d.events[0]["place"] == "unknown"
    assert d.events[0]["note"] == ("draft: rule Meeting trigger /met (?:with|in|at|on)/, place paris once in the registry (proposed "
                                   "below); confidence 0.80")
    assert [p.split(":")[0] for p in d.proposals] == ["paris"]


def test_to_be_called_is_no_statement() -> None:
    d = draft.draft_text("Armenia said the route is to be called the Trump Route.", None, REGISTRY)
    assert [e["type"] for e in d.events] == ["Statement"]  # "said", not "called the"
    d = draft.draft_text("The route through Armenia is to be called the Trump Route.", None, REGISTRY)
    assert d.events == [] and d.skipped == []


def test_a_venue_that_speaks_is_no_place() -> None:
    # seed 001: "The White House called the discussions very positive": said, not necessarily there
    d = draft.draft_text("Iran and the United States met in Oman. The White House said the talks were positive.",
                         None, REGISTRY)
    assert [(e["type"], e["place"]) for e in d.events] == [("Meeting", "unknown"), ("Statement", "unknown")]
