"""Drafting a paragraph on the EU-US trade deal of Turnberry (27 July 2025, in my words):

* "Trump and European Commission President Ursula von der Leyen reached a trade deal at Trump's golf
  resort …" drafted no agreement ("reached a deal" took no word between); now "reached", "struck",
  "sealed" or "clinched" a deal, an agreement or an accord, a word between, is one, and what was agreed
  is the deal the words name ("a trade deal", "an agreement on a ceasefire in Gaza"), not where;
* "Under the deal, most European Union exports to the United States will face a 15% tariff." drafted
  a threat by the EU against the United States: the terms of a deal are no threat (`terms` in
  rules/draft.yaml); and "struck a deal" is no strike (`struck_else`);
* "French Prime Minister François Bayrou called it a dark day for Europe." drafted nothing: "called
  it" (or this, that) is a statement as "called the" was;
* and "Iran will face severe consequences, Trump warned." (a sentence written to try the threat's
  roles) was a threat by Iran against Trump: who will face or pay is the target, and the threatener
  is who says so after the words; what he warned of no longer ends ", Trump warned".
"""

from __future__ import annotations

import datetime as dt

from diplograph import draft

from ..conftest import seed_registry

REGISTRY = seed_registry()
TEXT = ("US President Donald Trump and European Commission President Ursula von der Leyen reached a trade deal at "
        "Trump's golf resort in Turnberry, Scotland, on 27 July 2025. Under the deal, most European Union exports to the "
        "United States will face a 15% tariff. Von der Leyen said the agreement would bring stability and "
        "predictability. French Prime Minister François Bayrou called it a dark day for Europe.")


def _events(text: str) -> list[tuple[object, ...]]:
    d = draft.draft_text(text, dt.date(2025, 7, 28), REGISTRY)
    return [(e["type"], e.get("parties") or e.get("speaker") or e.get("initiator"),
             e.get("content") or e.get("paraphrase") or e.get("target")) for e in d.events]


def test_the_paragraph() -> None:
    assert _events(TEXT) == [
        ("Agreement", ["USA", "eu"], "a trade deal"),
        ("Statement", "ursula-von-der-leyen", "the agreement would bring stability and predictability"),
        ("Statement", "francois-bayrou", "called it a dark day for Europe"),
    ]


def test_deals_reached_struck_sealed() -> None:
    assert _events("Israel and Hamas reached an agreement on a ceasefire in Gaza, mediators said.")[-1] == (
        "Agreement", ["ISR", "hamas"], "an agreement on a ceasefire in Gaza")
    assert _events("Armenia and Azerbaijan struck a deal to end their conflict on 8 August.") == [
        ("Agreement", ["ARM", "AZE"], "a deal to end their conflict")]  # its date is the event's own (test_draft_of_strikes_answered.py)
    assert _events("Israel struck Hamas leaders in Doha.") == [("MilitaryAction", "ISR", "struck Hamas leaders in Doha")]


def test_who_faces_a_price_is_the_target() -> None:
    assert _events("Iran will face severe consequences, Trump warned.") == [
        ("Statement", "trump", "Iran will face severe consequences"), ("Threat", "trump", "IRN")]
    threat = draft.draft_text("Iran will face severe consequences, Trump warned.", dt.date(2025, 7, 28), REGISTRY).events[1]
    assert threat["consequence"] == "severe consequences"
    d = draft.draft_text("Iran would pay a heavy price.", dt.date(2025, 7, 28), REGISTRY)
    assert d.events == [] and "it needs who threatens and whom" in d.skipped[0]
