"""Drafting a paragraph on the Gaza ceasefire announced in Doha (15 January 2025, in my words):

* "Qatar's Prime Minister … announced on 15 January 2025 in Doha that Israel and Hamas had agreed to a
  ceasefire" said "announced in Doha that Israel and Hamas had agreed …": where it was said, between
  the date and "that", is not what was said either;
* "The ceasefire took effect on 19 January." drafted a second agreement, of the article's two main
  countries (Qatar and Israel). A ceasefire that took effect or holds is the agreement drafted before,
  in force: the sentence is more evidence of it and its note says from when; with no agreement
  drafted before it is one (seed 010's "The ceasefire took effect on October 10." followed its
  agreement and was an extra event).
"""

from __future__ import annotations

import datetime as dt

from diplograph import draft

from ..conftest import seed_registry

REGISTRY = seed_registry()
TEXT = ("Qatar's Prime Minister Sheikh Mohammed bin Abdulrahman Al Thani announced on 15 January 2025 in Doha that Israel "
        "and Hamas had agreed to a ceasefire in Gaza and the release of hostages. The ceasefire took effect on 19 January.")


def test_where_it_was_said_is_not_what_was_said() -> None:
    said = draft.draft_text(TEXT, dt.date(2025, 1, 20), REGISTRY).events[0]
    assert (said["type"], said["paraphrase"]) == (
        "Statement", "Israel and Hamas had agreed to a ceasefire in Gaza and the release of hostages")


def test_a_ceasefire_in_force_is_the_agreement_before() -> None:
    d = draft.draft_text(TEXT, dt.date(2025, 1, 20), REGISTRY)
    agreed, = [e for e in d.events if e["type"] == "Agreement"]
    assert (agreed["date"], agreed["parties"]) == ("2025-01-15", ["ISR", "hamas"])
    assert agreed["evidence"][1] == "The ceasefire took effect on 19 January."
    assert "in force from 2025-01-19, said in a later sentence" in agreed["note"]


def test_a_ceasefire_in_force_with_no_agreement_before() -> None:
    d = draft.draft_text("A ceasefire took effect between Israel and Iran on 24 June.", dt.date(2025, 6, 25), REGISTRY)
    assert [(e["type"], e["date"], e["parties"]) for e in d.events] == [("Agreement", "2025-06-24", ["ISR", "IRN"])]


def test_a_leaders_office_speaks_for_the_state() -> None:
    """The paragraph's last sentence, "Israeli Prime Minister Benjamin Netanyahu's office said some final details were
    still being worked out.", was Netanyahu's statement: his office's is his government's, coded as Israel."""
    d = draft.draft_text("Israeli Prime Minister Benjamin Netanyahu's office said some final details were still being "
                         "worked out.", dt.date(2025, 1, 20), REGISTRY)
    assert [(e["speaker"], e["paraphrase"]) for e in d.events] == [("ISR", "some final details were still being worked out")]
    assert draft.draft_text("Netanyahu said the talks went well.", None, REGISTRY).events[0]["speaker"] == "netanyahu"
