"""Drafting a paragraph on the Thailand-Cambodia talks in Putrajaya (28 July 2025) showed that the
host named the annotation format has for a meeting (`host:`, as seed 004 has `host: SAU` for "talks
hosted by Saudi Arabia") was never drafted: "hosted" fired a Meeting that lacked a second country
("The talks were hosted by Malaysian Prime Minister Anwar Ibrahim": only MYS recognised). "hosted
by X" now gives the host of the meeting of its sentence, or else of the last one, as X's country
(a host is no participant). And "Thailand accused Cambodia of violating the truce" is a statement.
"""

from __future__ import annotations

import datetime as dt

from diplograph import draft
from diplograph.articles import read_article

from ..conftest import SEEDS, seed_registry

REGISTRY = seed_registry()
TEXT = ("Thailand's acting Prime Minister Phumtham Wechayachai and Cambodian Prime Minister Hun Manet met in Putrajaya, "
        "Malaysia, on 28 July 2025. The talks were hosted by Malaysian Prime Minister Anwar Ibrahim. The next day, "
        "Thailand accused Cambodia of violating the ceasefire.")


def test_the_host_of_the_last_meeting() -> None:
    d = draft.draft_text(TEXT, dt.date(2025, 7, 30), REGISTRY)
    meeting, mediation, accusation = d.events
    assert list(meeting)[:9] == ["id", "type", "label", "date", "place", "participants", "format", "host", "certainty"]
    assert (meeting["participants"], meeting["host"]) == (["THA", "KHM"], "MYS")
    # a third state's leader who hosts the talks of two others mediates them (tests/issues/test_draft_of_hosts_who_mediate.py)
    assert (mediation["type"], mediation["mediator"], mediation["parties"]) == ("MediationOffer", "anwar", ["THA", "KHM"])
    assert (accusation["type"], accusation["speaker"], accusation["date"]) == ("Statement", "THA", "2025-07-29")
    assert d.skipped == []  # "hosted by" fires no meeting of its own
    assert "MYS" not in d.actors  # in the seed registry since seed 011 (this paragraph's article)


def test_the_host_of_its_own_sentence_as_seed_004_has_it() -> None:
    d = draft.draft_article(read_article(next(SEEDS.glob("004_*.txt"))), REGISTRY)
    meeting = d.events[0]
    assert (meeting["participants"], meeting["format"], meeting["host"]) == (["USA", "UKR"], "bilateral", "SAU")


def test_a_host_named_among_those_who_met_is_no_participant() -> None:
    d = draft.draft_text("Israel, Turkey and Azerbaijan met in Baku for talks hosted by Azerbaijan.", None, REGISTRY)
    assert (d.events[0]["participants"], d.events[0]["format"], d.events[0]["host"]) == (["ISR", "TUR"], "bilateral", "AZE")


def test_one_who_hosted_the_meeting_is_its_host() -> None:
    """"Crown Prince Mohammed bin Salman hosted the meeting" (Riyadh, 21 February 2025, in my words) named
    no host: "hosted the meeting" gives the last meeting its host, the one named before the words, coded
    as their state, else (a person of no known state) as that of the registry place it was at; named
    among the participants, the host stays one."""
    d = draft.draft_text("Leaders of Egypt, Jordan, Saudi Arabia, Qatar and the United Arab Emirates met in Riyadh on "
                         "21 February to discuss an Arab plan for the reconstruction of Gaza. Crown Prince Mohammed bin "
                         "Salman hosted the meeting.", dt.date(2025, 2, 22), REGISTRY)
    meeting, = d.events
    assert (meeting["participants"], meeting["host"], meeting["place"]) == (["EGY", "JOR", "SAU", "QAT", "ARE"], "SAU",
                                                                            "riyadh")
