"""Drafting a paragraph on the Oval Office meeting of 28 February 2025 (in my words): "Vice President JD
Vance", named after "US President Donald Trump and", was a person of no country (his office names none):
a person whose office names no state, named right after another joined by "and", is of that one's state
(one delegation); one whose office names a state keeps it ("US President Donald Trump and Egyptian
President …" stays Egypt's).
"""

from __future__ import annotations

import datetime as dt

from diplograph import draft

from ..conftest import seed_registry

REGISTRY = seed_registry()
TEXT = ("Ukrainian President Volodymyr Zelensky met US President Donald Trump and Vice President JD Vance in the Oval "
        "Office on 28 February 2025. The meeting ended in a shouting match, and the two sides did not sign the planned "
        "minerals deal. Vance accused Zelensky of being disrespectful.")


def test_the_paragraph() -> None:
    d = draft.draft_text(TEXT, dt.date(2025, 3, 1), REGISTRY)
    assert d.actors["jd-vance"] == {"type": "Person", "label": "JD Vance", "country": "USA"}
    meeting, accusation = d.events  # no agreement: it was not signed
    assert (meeting["participants"], meeting["place"], meeting["date"]) == (["UKR", "USA"], "washington", "2025-02-28")
    assert (accusation["speaker"], accusation["addressees"]) == ("jd-vance", ["zelensky"])


def test_an_office_that_names_its_state_keeps_it() -> None:
    d = draft.draft_text("US President Donald Trump and Kenyan President Jean Example met in Nairobi.", None, REGISTRY)
    assert d.actors["jean-example"]["country"] == "KEN"
    d = draft.draft_text("Foreign Minister Jean Example and Defence Minister Anne Example met Trump.", None, REGISTRY)
    assert "country" not in d.actors["anne-example"]  # the one before has none to give
