"""Drafting a paragraph on Putin and Aliyev in Dushanbe (9 October 2025, in my words): "Putin acknowledged
that Russian air defences had been involved in the crash of an Azerbaijan Airlines plane in December
2024 and promised compensation." drafted nothing ("acknowledged" was no statement), and once it did, it
was dated December 2024: a statement is not dated by what it reports (the date in what was said after
"that"); what was done, said by its own verb, keeps the dates of its words ("Qatar condemned the
Israeli strike on Doha on 9 September").
"""

from __future__ import annotations

import datetime as dt

import pytest

from diplograph import draft

from ..conftest import seed_registry

REGISTRY = seed_registry()
TEXT = ("Russian President Vladimir Putin met Azerbaijani President Ilham Aliyev in Dushanbe on 9 October 2025, on the "
        "sidelines of a CIS summit. Putin acknowledged that Russian air defences had been involved in the crash of an "
        "Azerbaijan Airlines plane in December 2024 and promised compensation.")


def test_the_paragraph() -> None:
    meeting, statement = draft.draft_text(TEXT, dt.date(2025, 10, 10), REGISTRY).events
    assert (meeting["participants"], meeting["date"]) == (["RUS", "AZE"], "2025-10-09")
    assert (statement["speaker"], statement["date"]) == ("putin", "2025-10-09")
    assert statement["paraphrase"].startswith("Russian air defences had been involved in the crash")


@pytest.mark.parametrize("verb", ["acknowledged", "admitted", "insisted", "claimed", "reiterated", "emphasised",
                                  "underlined"])
def test_verbs_that_report(verb: str) -> None:
    said, = draft.draft_text(f"Iran {verb} that the talks had been useful.", None, REGISTRY).events
    assert (said["type"], said["speaker"], said["paraphrase"]) == ("Statement", "IRN", "the talks had been useful")


@pytest.mark.parametrize("verb", ["promised", "pledged", "apologised", "praised", "criticised", "thanked"])
def test_verbs_that_say_what_was_done(verb: str) -> None:
    said, = draft.draft_text(f"Iran {verb} the mediators.", None, REGISTRY).events
    assert (said["type"], said["paraphrase"]) == ("Statement", f"{verb} the mediators")


def test_what_was_done_keeps_its_date() -> None:
    said = draft.draft_text("Qatar condemned the Israeli strike on Doha on 9 September 2025.", None, REGISTRY).events[0]
    assert said["date"] == "2025-09-09"


def test_a_proposal_is_a_statement() -> None:
    """Istanbul, 23 July 2025: the third round of direct talks (and what was proposed, an intention that the
    statement declares: tests/issues/test_draft_of_seed_013_the_second_istanbul_round.py)."""
    meeting, said, intention = draft.draft_text(
        "Russian and Ukrainian delegations met in Istanbul on 23 July 2025 for a third round of direct talks. Ukraine's "
        "delegation head Rustem Umerov proposed a meeting between Zelensky and Putin before the end of August.",
        dt.date(2025, 7, 24), REGISTRY).events
    assert (said["type"], said["speaker"], said["place"], said["paraphrase"]) == (
        "Statement", "umerov", "istanbul", "proposed a meeting between Zelensky and Putin before the end of August")
    assert (said["declares"], intention["holder"], intention["content"]) == (
        intention["id"], "umerov", "a meeting between Zelensky and Putin before the end of August")
    said, intention = draft.draft_text("Iran suggested that the talks move to Oman.", None, REGISTRY).events
    assert (said["declares"], intention["content"]) == (intention["id"], "the talks move to Oman")
