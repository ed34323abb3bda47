"""The US-Ukraine minerals deal (30 April 2025), in my words: "Ukrainian First Deputy Prime Minister Yulia
Svyrydenko and US Treasury Secretary Scott Bessent signed an agreement in Washington on 30 April establishing
a joint reconstruction investment fund. The deal had been expected to be signed on 28 February, when Zelensky
met Trump at the White House, but the meeting ended in a heated exchange. Svyrydenko said the fund would be
managed on equal terms." was drafted with

* Svyrydenko of no country ("First" was no part of an office; two prefixes are read now);
* a second agreement, signed on 30 April, for "had been expected to be signed" (what was expected, due
  or planned is no event now: `unrealised` in rules/draft.yaml);
* the meeting of 28 February dated 30 April: "expected to … on 28 February" read as a date to come
  (what *had been* expected, or *was* due, is a date of then);
* and, once that was right, Svyrydenko's words dated 28 February, at the White House: a sentence that
  looks back ("had" before its first date) dates its own events, not the sentences after it.
"""

from __future__ import annotations

import datetime as dt

from diplograph import draft

from ..conftest import seed_registry

REGISTRY = seed_registry()
TEXT = ("Ukrainian First Deputy Prime Minister Yulia Svyrydenko and US Treasury Secretary Scott Bessent signed an "
        "agreement in Washington on 30 April establishing a joint reconstruction investment fund. The deal had been "
        "expected to be signed on 28 February, when Zelensky met Trump at the White House, but the meeting ended in a "
        "heated exchange. Svyrydenko said the fund would be managed on equal terms.")


def test_the_paragraph() -> None:
    d = draft.draft_text(TEXT, dt.date(2025, 5, 1), REGISTRY)
    assert d.actors["yulia-svyrydenko"] == {"type": "Person", "label": "Yulia Svyrydenko", "country": "UKR"}
    assert [(e["type"], e["date"], e["place"]) for e in d.events] == [
        ("Agreement", "2025-04-30", "washington"), ("Meeting", "2025-02-28", "washington"),
        ("Statement", "2025-04-30", "unknown")]


def test_what_was_due_is_no_event_but_dates_what_was() -> None:
    d = draft.draft_text("Israel and Turkey were due to meet in Baku on Friday.", dt.date(2025, 4, 10), REGISTRY)
    assert d.events == []
    assert draft.dates_in("The talks were due to begin on 28 February.", dt.date(2025, 5, 1)) == [
        ("2025-02-28", "28 February", 31, 42)]
    assert draft.dates_in("The talks will begin on 28 February.", dt.date(2025, 5, 1)) == []
