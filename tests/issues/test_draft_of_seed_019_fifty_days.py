"""Seed 019 (Trump and Rutte at the White House on 14 July 2025, the 50 days given to Russia, and Moscow's
answers), annotated by hand before its draft was read; the draft found 5 of its 6 events and showed:

* "Trump said the United States would send Ukraine weapons, including Patriot air defence systems, through
  NATO" was no stated intention: aid or arms one "would send", "provide", "deliver" or "supply" are (not
  "would send a message").
"""

from __future__ import annotations

import datetime as dt

import pytest

from diplograph import draft

from ..conftest import seed_registry

REGISTRY = seed_registry()
DAY = dt.date(2025, 7, 16)


@pytest.mark.parametrize(("text", "content"), [
    ("Trump said the United States would send Ukraine weapons through NATO.", "send Ukraine weapons through NATO"),
    ("Trump said the United States will provide Patriot systems to Ukraine.", "provide Patriot systems to Ukraine"),
])
def test_aid_to_come_is_a_stated_intention(text: str, content: str) -> None:
    d = draft.draft_text(text, DAY, REGISTRY)
    said, intention = d.events
    assert (intention["type"], intention["holder"], intention["content"], said["declares"]) == (
        "StatedIntention", "USA", content, intention["id"])


def test_a_message_sent_is_none() -> None:
    d = draft.draft_text("Trump said the United States would send a message to Russia.", DAY, REGISTRY)
    assert [e["type"] for e in d.events] == ["Statement"]
