"""Seed 020 (Trump's plan to take over Gaza, 4 February 2025, and the Saudi, Jordanian and Egyptian answers),
annotated by hand before its draft was read; the draft found 5 of its 9 events and showed:

* what a speaker says their own side would do is no stated intention unless said with a plan's words:
  "Trump said … that the United States would take over the Gaza Strip", "Abdullah said Jordan would take
  in 2,000 sick children", "Egypt said it would present a plan" now are (not "Trump said Iran would …",
  nor "the two sides would meet", nor "would pay", "would not"); seed 004's "The United States said it
  would immediately lift its pause on intelligence sharing …", annotated as a statement alone, now has
  the intention too;
* "Abdullah said …" after "King Abdullah II" was no one: a regnal name is called without its numeral;
* "would not establish relations with Israel without the creation of a Palestinian state" was no red line.
"""

from __future__ import annotations

import datetime as dt

import pytest

from diplograph import draft

from ..conftest import seed_registry

REGISTRY = seed_registry()
DAY = dt.date(2025, 2, 12)


@pytest.mark.parametrize(("text", "holder", "content"), [
    ("Trump said on 4 February that the United States would take over the Gaza Strip.", "USA", "take over the Gaza Strip"),
    ("Egypt said it would present a plan to rebuild Gaza.", "EGY", "present a plan to rebuild Gaza"),
    ("Trump said the United States would also send Ukraine weapons and reiterated his demand.", "USA",
     "send Ukraine weapons"),
])
def test_what_ones_own_side_would_do(text: str, holder: str, content: str) -> None:
    d = draft.draft_text(text, DAY, REGISTRY)
    said, intention = d.events
    assert (intention["type"], intention["holder"], intention["content"], said["declares"]) == (
        "StatedIntention", holder, content, intention["id"])


@pytest.mark.parametrize("text", [
    "Trump said Iran would regret it.",  # another's side
    "Trump said the talks would continue.",  # no one's
    "Trump said the United States would not leave.",
    "The United States would take over the Gaza Strip.",  # not said by anyone
])
def test_what_is_no_intention_of_the_speakers_side(text: str) -> None:
    d = draft.draft_text(text, DAY, REGISTRY)
    assert "StatedIntention" not in [e["type"] for e in d.events]
    assert not [x for x in d.skipped if x.startswith("StatedIntention")]  # and nothing said of it


def test_a_king_by_his_name_alone() -> None:
    d = draft.draft_text("Trump met Jordan's King Abdullah II at the White House on Tuesday. Abdullah said Jordan would "
                         "take in 2,000 sick children from Gaza.", DAY, REGISTRY)
    assert [e.get("speaker") or e.get("holder") for e in d.events[1:]] == ["abdullah-ii", "JOR"]


def test_no_relations_without_a_state_is_a_red_line() -> None:
    d = draft.draft_text("Saudi Arabia said the kingdom would not establish relations with Israel without the creation of "
                         "a Palestinian state.", DAY, REGISTRY)
    line = next(e for e in d.events if e["type"] == "RedLine")
    assert (line["holder"], line["condition"]) == ("SAU", "relations with Israel without the creation of a Palestinian state")
