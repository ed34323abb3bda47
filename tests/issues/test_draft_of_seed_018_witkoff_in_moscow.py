"""Seed 018 (Witkoff and Putin at the Kremlin on 6 August 2025, the tariff on India, the summit agreed in
principle on 7 August), annotated by hand before its draft was read; the draft found 6 of its 7 events and
showed:

* "Trump wrote on social media that great progress had been made" said "on social media that great …";
* "Trump had given Russia until Friday to agree to a ceasefire in Ukraine or face new sanctions" was no
  threat (an ultimatum: the demand not met by the day is its condition, what follows "or face" its cost),
  and a sentence that looks back ("had given") took the day told last;
* with Moscow in the registry, "Putin suggested that their next meeting should take place in Moscow" (seed
  008) was at Moscow: a place named in what is intended is not where it was said.
"""

from __future__ import annotations

import datetime as dt

import pytest

from diplograph import draft

from ..conftest import seed_registry

REGISTRY = seed_registry()
DAY = dt.date(2025, 8, 8)


def test_what_was_written_on_social_media() -> None:
    d = draft.draft_text("Trump wrote on social media that great progress had been made.", DAY, REGISTRY)
    assert d.events[0]["paraphrase"] == "great progress had been made"


def test_an_ultimatum_told_as_a_look_back() -> None:
    d = draft.draft_text("Witkoff met Putin in Moscow on Wednesday. Trump had given Russia until Friday to agree to a "
                         "ceasefire in Ukraine or face new sanctions.", DAY, REGISTRY)
    threat = d.events[-1]
    assert (threat["type"], threat["initiator"], threat["target"], threat["condition"], threat["consequence"],
            threat["date"]) == ("Threat", "trump", "RUS", "not to agree to a ceasefire in Ukraine by Friday",
                                "new sanctions", "recent weeks")


@pytest.mark.parametrize(("text", "day"), [
    # another clause than the one that looks back goes on at the day told last
    ("Turkey had set its sights on the base, and is interested in turning it into a drone base.", "Wednesday"),
    # "had" in what was said is no look back of the sentence
    ("Hamas said it had survived the strike.", "Wednesday"),
])
def test_what_does_not_look_back(text: str, day: str) -> None:
    d = draft.draft_text(f"Witkoff met Putin in Moscow on Wednesday. {text}", DAY, REGISTRY)
    assert d.events[-1]["date"] == day


def test_a_place_intended_is_not_where_it_was_said() -> None:
    d = draft.draft_text("Trump and Putin met in Anchorage on Friday. Putin suggested that their next meeting should "
                         "take place in Moscow.", DAY, REGISTRY)
    intention = d.events[-1]
    assert (intention["type"], intention["place"]) == ("StatedIntention", "anchorage")
