"""Seed 014 (Israel's strikes on Damascus over Sweida, 16 July 2025, and the ceasefire Tom Barrack announced
on 19 July), annotated by hand before its draft was read; the draft found 6 of its 9 events and showed:

* "Israel struck …, saying it was acting to protect the Druze" was no statement of Israel's;
* "painful blows would now come" was no threat;
* "the United States had agreed with the sides on specific steps to end the fighting" was an agreement of
  Syria and Israel, "with the sides on specific steps …"; the United States took no part (the hand
  annotation, which had it mediate, now reads the words as they are: an agreement of the three);
* "agreed to a ceasefire, which he said Turkey, Jordan and their neighbours had embraced" agreed "to a
  ceasefire, which he said …": how it was received is no part of it, nor is the "to" before it.
"""

from __future__ import annotations

import datetime as dt

import pytest

from diplograph import draft

from ..conftest import seed_registry

REGISTRY = seed_registry()


def test_saying_is_what_the_subject_said() -> None:
    d = draft.draft_text("On 16 July 2025, Israel struck the Syrian military headquarters in Damascus, saying it was "
                         "acting to protect the Druze.", None, REGISTRY)
    said, strike = d.events
    assert (said["type"], said["speaker"], said["paraphrase"], said["date"]) == (
        "Statement", "ISR", "it was acting to protect the Druze", "2025-07-16")
    assert (strike["type"], strike["initiator"], strike["target"]) == ("MilitaryAction", "ISR", "SYR")
    # not without the comma of a clause of its own: "a statement saying" is the statement's own verb
    d = draft.draft_text("Hamas issued a statement saying its leaders had survived.", None, REGISTRY)
    assert [(e["type"], e["speaker"]) for e in d.events] == [("Statement", "hamas")]


@pytest.mark.parametrize(("words", "cost"), [
    ("painful blows would now come", "painful blows would now come"),
    ("heavy blows will follow any attack", "heavy blows will follow any attack"),
])
def test_blows_to_come_are_a_threat(words: str, cost: str) -> None:
    d = draft.draft_text(f"Israeli Defence Minister Israel Katz said the warnings to Damascus were over and that {words}.",
                         dt.date(2025, 7, 16), REGISTRY)
    said, threat = d.events
    assert (threat["type"], threat["initiator"], threat["target"], threat["consequence"], said["declares"]) == (
        "Threat", "katz", "SYR", cost, threat["id"])


def test_a_blow_dealt_is_no_threat() -> None:
    d = draft.draft_text("The strike dealt a heavy blow to Hamas, Israel said.", dt.date(2025, 9, 10), REGISTRY)
    assert "Threat" not in [e["type"] for e in d.events]


@pytest.mark.parametrize("sides", ["the sides", "both sides", "all parties involved", "the two sides"])
def test_agreed_with_the_sides_is_their_agreement_and_its_own(sides: str) -> None:
    d = draft.draft_text("Israel struck Damascus on 16 July 2025. US Secretary of State Marco Rubio said the United "
                         f"States had agreed with {sides} on specific steps to end the fighting.", None, REGISTRY)
    agreed = next(e for e in d.events if e["type"] == "Agreement")
    assert (agreed["parties"], agreed["content"]) == (["USA", "ISR", "SYR"], "specific steps to end the fighting")


@pytest.mark.parametrize(("told", "content"), [
    ("agreed to a ceasefire, which he said Turkey, Jordan and their neighbours had embraced", "a ceasefire"),
    ("agreed to a ceasefire, which Turkey welcomed", "a ceasefire"),
    ("agreed to the first phase of the plan", "the first phase of the plan"),
    # what the agreement says stays, and so does the "to" of what they agreed to do
    ("agreed to a ceasefire, which would take effect at midnight", "a ceasefire, which would take effect at midnight"),
    ("agreed to meet again", "to meet again"),
])
def test_what_was_agreed(told: str, content: str) -> None:
    d = draft.draft_text(f"On 19 July 2025, US envoy Tom Barrack announced that Netanyahu and al-Sharaa had {told}.",
                         None, REGISTRY)
    agreed = next(e for e in d.events if e["type"] == "Agreement")
    assert (agreed["parties"], agreed["content"]) == (["ISR", "SYR"], content)
