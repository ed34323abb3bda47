"""Seed 012 (Israel's strike in Doha, 9 September 2025, and what followed), annotated by hand before its
draft was read; the draft then showed:

* "Rubio met Netanyahu in Jerusalem before travelling to Qatar" was a meeting of the United States,
  Israel and Qatar: where one goes next (or comes from) took no part;
* "an emergency summit of the Arab League and the Organisation of Islamic Cooperation" was no meeting:
  the OIC was no actor (nor the GCC, nor the SCO: `organisations` in rules/draft.yaml).
"""

from __future__ import annotations

import datetime as dt

import pytest

from diplograph import draft

from ..conftest import seed_registry

REGISTRY = seed_registry()


@pytest.mark.parametrize("aside", ["before travelling to Qatar", "before traveling on to Qatar",
                                   "on his way to Qatar", "after visiting Qatar", "ahead of a visit to Qatar"])
def test_where_one_goes_next_took_no_part(aside: str) -> None:
    d = draft.draft_text(f"US Secretary of State Marco Rubio met Netanyahu in Jerusalem on 15 September 2025 {aside}.",
                         dt.date(2025, 9, 16), REGISTRY)
    assert [(e["type"], e["participants"], e["place"]) for e in d.events] == [
        ("Meeting", ["USA", "ISR"], "jerusalem")]


def test_one_who_travels_there_with_them_takes_part() -> None:
    d = draft.draft_text("Rubio travelled to Doha and met Qatar's Emir Sheikh Tamim bin Hamad Al Thani on 16 September "
                         "2025.", dt.date(2025, 9, 16), REGISTRY)
    assert [(e["type"], e["participants"]) for e in d.events] == [("Meeting", ["USA", "QAT"])]


@pytest.mark.parametrize(("names", "ids"), [
    ("the Arab League and the Organisation of Islamic Cooperation", ["arab-league", "oic"]),
    ("the Arab League and the OIC", ["arab-league", "oic"]),
    ("the Gulf Cooperation Council and the Shanghai Cooperation Organization", ["gcc", "sco"]),
])
def test_bodies_of_states_meet(names: str, ids: list[str]) -> None:
    d = draft.draft_text(f"Leaders met at an emergency summit of {names} in Doha on 15 September 2025.",
                         dt.date(2025, 9, 16), REGISTRY)
    assert [(e["type"], e["participants"], e["place"], e["date"]) for e in d.events] == [
        ("Meeting", ids, "doha", "2025-09-15")]
    assert set(ids) <= set(d.actors)
