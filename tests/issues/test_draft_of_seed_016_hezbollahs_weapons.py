"""Seed 016 (Lebanon's cabinet and Hezbollah's weapons, 5-15 August 2025), annotated by hand before its draft
was read; the draft found 2 of its 6 events and showed:

* "Lebanon's cabinet on 5 August tasked the army with drawing up a plan to …" was no stated intention: a
  government's decision ("tasked … with", "decided to", "voted to") now is, of what it decided;
* "the cabinet approved the objectives of a paper presented by US envoy Tom Barrack" was no agreement of
  Lebanon and the United States (as "accepted" a proposal was), and what was agreed now stops before
  another subject's clause (", and Shiite ministers walked out …");
* "Hezbollah leader Naim Qassem" was a person of no one: an official of an organisation is now its
  `affiliation:` in the draft's actors (as the registry proposal's position says);
* "Prime Minister Nawaf Salam said …" was a person of no state: news names its own country's president or
  prime minister without it, so the article's most named state is theirs.

(Qassem's conditional threat was drafted with its red line, as seeds 006 and 015 annotate one; the hand
annotation, which had the threat alone, now has it too.)
"""

from __future__ import annotations

import datetime as dt

import pytest

from diplograph import draft

from ..conftest import seed_registry

REGISTRY = seed_registry()
DAY = dt.date(2025, 8, 16)


@pytest.mark.parametrize(("text", "content"), [
    ("Lebanon's cabinet on 5 August tasked the army with drawing up a plan to restrict weapons to the state.",
     "drawing up a plan to restrict weapons to the state"),
    ("Lebanon's cabinet decided to restrict weapons to the state.", "restrict weapons to the state"),
    ("Lebanon's parliament voted to extend the mandate of the army.", "extend the mandate of the army"),
])
def test_a_decision_is_a_stated_intention(text: str, content: str) -> None:
    d = draft.draft_text(text, DAY, REGISTRY)
    (intention,) = d.events
    assert (intention["type"], intention["holder"], intention["content"]) == ("StatedIntention", "LBN", content)


def test_a_proposal_approved_is_an_agreement_with_who_made_it() -> None:
    d = draft.draft_text("Lebanon's government approved the objectives of a paper presented by US envoy Tom Barrack, and "
                         "Shiite ministers walked out of the session.", DAY, REGISTRY)
    (agreed,) = d.events
    assert (agreed["type"], agreed["parties"], agreed["content"]) == (
        "Agreement", ["LBN", "USA"], "the objectives of a paper presented by US envoy Tom Barrack")


def test_what_was_agreed_stops_at_another_subjects_clause() -> None:
    d = draft.draft_text("Israel and Hamas agreed to a ceasefire, and Egypt said it would host the signing.", DAY, REGISTRY)
    agreed = next(e for e in d.events if e["type"] == "Agreement")
    assert agreed["content"] == "a ceasefire"
    d = draft.draft_text("Russia and Ukraine agreed to exchange prisoners, and to return the bodies of the dead.", DAY,
                         REGISTRY)
    assert d.events[0]["content"] == "to exchange prisoners, and to return the bodies of the dead"


def test_an_official_of_an_organisation_is_affiliated_to_it() -> None:
    d = draft.draft_text("Hezbollah leader Naim Qassem warned that there would be no life in Lebanon if the government "
                         "confronted the group.", DAY, REGISTRY)
    assert d.actors["naim-qassem"] == {"type": "Person", "label": "Naim Qassem", "affiliation": "hezbollah"}
    said, threat, line = d.events
    assert (said["speaker"], threat["initiator"], threat["target"], line["holder"]) == (
        "naim-qassem", "hezbollah", "LBN", "hezbollah")


def test_a_head_of_government_named_alone_is_the_articles() -> None:
    d = draft.draft_text("Lebanon's cabinet met on 5 August. Prime Minister Nawaf Salam said the decision was final.", DAY,
                         REGISTRY)
    assert d.actors["nawaf-salam"] == {"type": "Person", "label": "Nawaf Salam", "country": "LBN"}
    # an office of no state's head ("Envoy"), or a demonym before it, is not
    d = draft.draft_text("Lebanon's cabinet met on 5 August. Envoy Jean Example said the decision was final. French "
                         "President Emmanuel Macron said it was brave.", DAY, REGISTRY)
    assert "country" not in d.actors["jean-example"] and d.actors["emmanuel-macron"]["country"] == "FRA"
