"""Seed 015 (the Riyadh talks of 23-24 March 2025 and the Black Sea agreements the White House announced on
25 March), annotated by hand before its draft was read; the draft found 5 of its 10 events and showed:

* "US and Ukrainian delegations met in Riyadh on Sunday, and US and Russian delegations held talks there on
  Monday" was one meeting of the three, on Monday: two clauses each naming a meeting and two actors are now
  two meetings (each clause its evidence), and "held talks there" is where the clause before was;
* "had agreed with Ukraine and, separately, with Russia to ensure safe navigation …" was one agreement of
  the three, "with Ukraine and, separately, with Russia to …": now one of the United States with each;
* "would take effect only after restrictions … were lifted" was no stated intention (the condition set);
* "said that if Russian warships moved into the western part of the Black Sea, Ukraine would have every
  right to defend itself" was no threat, nor a red line.
"""

from __future__ import annotations

import datetime as dt

import pytest

from diplograph import draft

from ..conftest import seed_registry

REGISTRY = seed_registry()
DAY = dt.date(2025, 3, 26)


def test_two_meetings_in_two_clauses() -> None:
    d = draft.draft_text("US and Ukrainian delegations met in Riyadh on Sunday, and US and Russian delegations held talks "
                         "there on Monday that lasted about 12 hours.", DAY, REGISTRY)
    assert [(e["participants"], e["date"], e["place"], e["evidence"]) for e in d.events] == [
        (["USA", "UKR"], "Sunday", "riyadh", ["US and Ukrainian delegations met in Riyadh on Sunday"]),
        (["USA", "RUS"], "Monday", "riyadh", ["US and Russian delegations held talks there on Monday that lasted about "
                                              "12 hours."])]


@pytest.mark.parametrize("text", [
    # the second clause names no two actors, or no meeting: one meeting, the sentence its evidence
    "US and Ukrainian delegations met in Riyadh on Sunday, and they met again on Monday.",
    "US and Ukrainian delegations met in Riyadh on Sunday, and the United States and Ukraine agreed to meet again.",
])
def test_one_meeting_and_what_follows_it(text: str) -> None:
    d = draft.draft_text(text, DAY, REGISTRY)
    meetings = [e for e in d.events if e["type"] == "Meeting"]
    assert [(e["participants"], e["evidence"]) for e in meetings] == [(["USA", "UKR"], [text])]


def test_agreed_separately_with_each() -> None:
    d = draft.draft_text("On Tuesday, the White House said the United States had agreed with Ukraine and, separately, with "
                         "Russia to ensure safe navigation in the Black Sea.", DAY, REGISTRY)
    said, *agreed = d.events
    assert [(e["parties"], e["content"]) for e in agreed] == [
        (["USA", "UKR"], "to ensure safe navigation in the Black Sea"),
        (["USA", "RUS"], "to ensure safe navigation in the Black Sea")]
    assert said["declares"] == [e["id"] for e in agreed]
    # one of them named twice (a fuzzed paragraph): still one agreement with each other one
    d = draft.draft_text("The United States had agreed with Ukraine Rubio separately, with Russia to ensure safe navigation.",
                         DAY, REGISTRY)
    assert [e["parties"] for e in d.events if e["type"] == "Agreement"] == [["USA", "UKR"], ["USA", "RUS"]]
    # not separately: one agreement of the three, as before
    d = draft.draft_text("The United States agreed with Ukraine and with Russia to ensure safe navigation.", DAY, REGISTRY)
    assert [(e["parties"]) for e in d.events if e["type"] == "Agreement"] == [["USA", "UKR", "RUS"]]


def test_a_condition_set_is_a_stated_intention() -> None:
    d = draft.draft_text("The Kremlin said the Black Sea agreement would take effect only after restrictions on "
                         "Rosselkhozbank were lifted.", DAY, REGISTRY)
    said, intention = d.events
    assert (intention["type"], intention["holder"], intention["content"], said["declares"]) == (
        "StatedIntention", "RUS", "restrictions on Rosselkhozbank were lifted", intention["id"])


def test_a_condition_told_first_is_a_threat_and_a_red_line() -> None:
    d = draft.draft_text("Ukrainian President Volodymyr Zelensky said that if Russian warships moved into the western "
                         "part of the Black Sea, Ukraine would have every right to defend itself.", DAY, REGISTRY)
    said, threat, line = d.events
    condition = "Russian warships moved into the western part of the Black Sea"
    assert (threat["initiator"], threat["target"], threat["condition"], threat["consequence"]) == (
        "zelensky", "RUS", condition, "Ukraine would have every right to defend itself")
    assert (line["type"], line["holder"], line["addressees"], line["condition"]) == ("RedLine", "UKR", ["RUS"], condition)
    assert said["declares"] == [threat["id"], line["id"]]
