"""Seed 013 (the second round of Russia-Ukraine talks in Istanbul, 2 June 2025), annotated by hand before
its draft was read; the draft found 6 of its 9 events and showed:

* "The talks came a day after Ukrainian drones struck several air bases" dated the strike a day *after*
  the talks (3 June): what a sentence before told, placed by "N days after" what this one tells, came
  after it, so what this one tells came before;
* "proposed a truce of two to three days …" and "proposed holding another meeting between 20 and 30
  June" were no stated intention (only "proposed that" was); nor was "set out its conditions for a
  ceasefire".
"""

from __future__ import annotations

import datetime as dt

import pytest

from diplograph import draft

from ..conftest import seed_registry

REGISTRY = seed_registry()
MET = "Russian and Ukrainian delegations met in Istanbul on 2 June 2025. "


@pytest.mark.parametrize(("told", "day"), [
    ("The talks came a day after Ukrainian drones struck several air bases deep inside Russia.", "2025-06-01"),
    ("The meeting took place two days after Ukrainian drones struck several air bases.", "2025-05-31"),
    ("The talks were held a week before Ukrainian drones struck several air bases.", "2025-06-09"),
    # what this sentence tells, a day after the talks
    ("A day after the talks, Ukrainian drones struck several air bases.", "2025-06-03"),
    ("Ukrainian drones struck several air bases two days later.", "2025-06-04"),
])
def test_a_strike_placed_by_the_talks(told: str, day: str) -> None:
    d = draft.draft_text(MET + told, dt.date(2025, 6, 10), REGISTRY)
    assert [(e["type"], e["date"]) for e in d.events] == [("Meeting", "2025-06-02"), ("MilitaryAction", day)]


@pytest.mark.parametrize(("text", "holder", "content"), [
    ("Medinsky said Russia had proposed a truce of two to three days in some areas of the front.", "RUS",
     "a truce of two to three days in some areas of the front"),
    ("Umerov proposed holding another meeting between 20 and 30 June.", "umerov",
     "holding another meeting between 20 and 30 June"),
    ("Ukraine proposed to hold the next round in Geneva.", "UKR", "to hold the next round in Geneva"),
    ("Russia set out its conditions for a ceasefire in a memorandum.", "RUS",
     "its conditions for a ceasefire in a memorandum"),
])
def test_a_proposal_is_a_stated_intention(text: str, holder: str, content: str) -> None:
    d = draft.draft_text(text, dt.date(2025, 6, 3), REGISTRY)
    (intention,) = [e for e in d.events if e["type"] == "StatedIntention"]
    assert (intention["holder"], intention["content"]) == (holder, content)


def test_what_was_proposed_to_one_is_no_intention_of_theirs() -> None:
    d = draft.draft_text("Ukraine was proposed a truce by Russia.", dt.date(2025, 6, 3), REGISTRY)
    assert not [e for e in d.events if e["type"] == "StatedIntention"]
