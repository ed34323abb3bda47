"""Drafting a paragraph on the Trump-Xi meeting in Busan (30 October 2025, in my words): "Trump said he
would visit China in April." drafted a meeting of the United States and China, dated by the sentence
before, which then read as the Busan meeting told again (tests/issues/test_draft_of_a_meeting_told_again.py).
What is still to come ("would visit", "will meet again", "would sign") is no meeting, agreement or
strike (`future` in rules/draft.yaml); and "said it would host talks between Russia and Ukraine",
which drafted no offer, is one ("would host", "will mediate").
"""

from __future__ import annotations

import datetime as dt

from diplograph import draft

from ..conftest import seed_registry

REGISTRY = seed_registry()


def _types(text: str) -> list[str]:
    return [e["type"] for e in draft.draft_text(text, dt.date(2025, 10, 31), REGISTRY).events]


def test_a_visit_to_come_is_no_meeting() -> None:
    d = draft.draft_text("US President Donald Trump and Chinese President Xi Jinping met in Busan, South Korea, on 30 "
                         "October 2025. Trump said he would visit China in April.", dt.date(2025, 10, 31), REGISTRY)
    assert [(e["type"], len(e["evidence"])) for e in d.events] == [("Meeting", 1), ("Statement", 1)]
    assert "told again" not in d.events[0]["note"]


def test_what_will_be_is_no_event_of_these_types() -> None:
    assert _types("Israel and Turkey will meet again in Baku.") == []
    assert _types("Armenia and Azerbaijan would sign the agreement in Washington.") == []
    assert _types("Israel and Turkey will also hold talks in Baku.") == []


def test_an_offer_to_host_stays_one() -> None:
    assert _types("Turkey said it would host talks between Russia and Ukraine in Istanbul.") == ["Statement", "MediationOffer"]
