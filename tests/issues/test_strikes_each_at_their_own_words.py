"""`eval-draft seeds --misses` listed seed 007's "US strikes on Iranian nuclear sites" as missed: "Earlier
on Monday, Iran fired missiles at the Al Udeid Air Base in Qatar in retaliation for US strikes on its
nuclear sites, including Fordow." drafted one strike, at the first trigger of the list that fired
("strikes on", in the clause of the cause) but with Iran's roles, the whole sentence as what was done
and both places. Each strike of a sentence is now drafted at its own words, in their order; what was
done is those words to the end of their clause; a strike named as the cause of another ("in
retaliation for", "in response to": `causes` in rules/draft.yaml) is struck by whom its own clause
names, on "its" the other's striker, at the places of its own words, and takes no date of the
sentence's (it came before what the sentence dates) unless its words give one. A later strike with
no striker of its own ("…, and the strikes drew condemnation") is the same strike told again.
"""

from __future__ import annotations

import datetime as dt

from diplograph import draft
from diplograph.articles import read_article

from ..conftest import SEEDS, seed_registry

REGISTRY = seed_registry()


def strikes(d: draft.Drafted) -> list[tuple[object, ...]]:
    return [(e["initiator"], e.get("target"), e["date"], e["place"], e["content"]) for e in d.events
            if e["type"] == "MilitaryAction"]


def test_seed_007_drafts_the_strike_iran_answered() -> None:
    d = draft.draft_article(read_article(next(SEEDS.glob("007_*.txt"))), REGISTRY)
    assert strikes(d) == [
        ("ISR", "IRN", "2025-06-13", "unknown", "strikes on Iran"),  # its date is the event's (test_draft_of_strikes_answered)
        ("IRN", "QAT", "Monday", "al-udeid", "fired missiles at the Al Udeid Air Base in Qatar"),
        ("USA", "IRN", "recent weeks", "fordow", "strikes on its nuclear sites"),
    ]
    cause = [e for e in d.events if e["type"] == "MilitaryAction"][2]
    assert cause["concerns"] == ["fordow"] and "from an earlier sentence" not in cause["note"]


def test_a_cause_dated_by_its_own_words() -> None:
    d = draft.draft_text("Iran fired missiles at the Al Udeid Air Base in Qatar on 23 June in retaliation for US "
                         "strikes on its nuclear sites on 22 June.", dt.date(2025, 6, 24), REGISTRY)
    assert strikes(d) == [
        ("IRN", "QAT", "2025-06-23", "al-udeid", "fired missiles at the Al Udeid Air Base in Qatar"),  # the day is the event's date
        ("USA", "IRN", "2025-06-22", "unknown", "strikes on its nuclear sites"),
    ]


def test_a_strike_told_again_is_one_strike() -> None:
    d = draft.draft_text("Israel struck Hamas leaders in Doha on 9 September, and the strikes on Doha drew "
                         "condemnation from Qatar.", dt.date(2025, 9, 10), REGISTRY)
    assert strikes(d) == [("ISR", "hamas", "2025-09-09", "doha", "struck Hamas leaders in Doha")]  # the day: its date
    assert d.skipped == []


def test_a_cause_with_no_striker_named_is_not_drafted() -> None:
    """"in retaliation for the strikes on its nuclear sites": whose strikes the words do not say (the
    sentence's first country is the one that answered them)."""
    d = draft.draft_text("Iran fired missiles at the Al Udeid Air Base in Qatar on 23 June in retaliation for the "
                         "strikes on its nuclear sites.", dt.date(2025, 6, 24), REGISTRY)
    assert [s[:2] for s in strikes(d)] == [("IRN", "QAT")]
