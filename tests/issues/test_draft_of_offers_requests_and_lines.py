"""In my words, of March 2025: "Turkish President Recep Tayyip Erdogan offered on 2 March to host peace
talks between Russia and Ukraine in Istanbul. Zelensky asked Erdogan to help arrange a prisoner exchange.
Kremlin spokesman Dmitry Peskov said Russia would never accept NATO troops in Ukraine." was drafted with

* no mediation offer: "offered to host" took no words between (a date: "offered on 2 March to host");
* no mediation request: only "asked X to mediate" was one ("asked Erdogan to help arrange" is now); and a
  request's parties were Turkey's and Russia's: they are the requester's state and the other side now
  (the sentence's, the article's, or those of the mediation or meeting drafted before), not the mediator's;
* the red line's condition the whole sentence: a line "never to accept" is what is not accepted ("NATO
  troops in Ukraine"); "crosses a red line" still said it in its sentence (session 22: what crosses it).
"""

from __future__ import annotations

import datetime as dt

from diplograph import draft

from ..conftest import seed_registry

REGISTRY = seed_registry()
TEXT = ("Turkish President Recep Tayyip Erdogan offered on 2 March to host peace talks between Russia and Ukraine in "
        "Istanbul. Zelensky asked Erdogan to help arrange a prisoner exchange. Kremlin spokesman Dmitry Peskov said "
        "Russia would never accept NATO troops in Ukraine.")


def test_the_paragraph() -> None:
    d = draft.draft_text(TEXT, dt.date(2025, 3, 5), REGISTRY)
    offer, request, statement, line = d.events
    assert (offer["type"], offer["mediator"], offer["parties"], offer["date"]) == (
        "MediationOffer", "erdogan", ["RUS", "UKR"], "2025-03-02")
    assert (request["type"], request["requester"], request["mediator"], request["parties"]) == (
        "MediationRequest", "zelensky", "erdogan", ["UKR", "RUS"])
    assert (statement["speaker"], line["type"], line["holder"], line["condition"]) == (
        "dmitry-peskov", "RedLine", "RUS", "NATO troops in Ukraine")


def test_a_red_line_crossed_is_what_crosses_it() -> None:
    """Session 22: the condition was the whole sentence; it is what "crosses a red line" or "is a red line",
    after the words that report it, as seed 000's hand annotation has it."""
    text = "Israel said any Turkish base in Syria crosses a red line."
    d = draft.draft_text(text, dt.date(2025, 4, 10), REGISTRY)
    assert next(e for e in d.events if e["type"] == "RedLine")["condition"] == "any Turkish base in Syria"


def test_an_offer_between_the_sides_drafted_before() -> None:
    """"Orbán said Hungary was ready to host the summit" names one side: the offer is between those of the
    agreement before it (a host offered is a mediation offer, as "offered to host" is)."""
    d = draft.draft_text("Putin and Trump spoke by phone on 16 October and agreed to meet in Budapest. Hungarian Prime "
                         "Minister Viktor Orbán said Hungary was ready to host the summit.", dt.date(2025, 10, 22), REGISTRY)
    offer = next(e for e in d.events if e["type"] == "MediationOffer")
    assert (offer["mediator"], offer["parties"], offer["date"]) == ("HUN", ["RUS", "USA"], "2025-10-16")
