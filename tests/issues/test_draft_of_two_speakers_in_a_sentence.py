"""`eval-draft seeds --misses` listed seed 011's "Cambodia denies violating the ceasefire" as missed:
"On Tuesday, the Thai army accused Cambodian forces of violating the ceasefire, which Cambodia denied."
drafted the accusation alone (a statement a sentence), its paraphrase running on into ", which
Cambodia denied". Drafting real sentences around it showed more:

* another speaker's words in a clause of their own are a second statement ("Rubio said …, while
  Lavrov said …"), and "…, which Cambodia denied" is Cambodia's, `continues:` the accusation; a
  speaker named inside what the first said ("Rubio said Russia had demanded …") is not;
* "denied" and "rejected the accusations" are statements;
* the verb was dropped from what was said: "Qatar condemned the Israeli strike on Doha" said "the
  Israeli strike on Doha", and "Iran demanded an apology" "an apology". Only verbs that report
  (`reporting_verbs` in rules/draft.yaml) or "that" after the verb leave it out now;
* and that strike was Qatar's, the first country of its clause: the striker is now the one named just
  before the words, when one is.
"""

from __future__ import annotations

import datetime as dt

from diplograph import draft
from diplograph.articles import read_article

from ..conftest import SEEDS, seed_registry

REGISTRY = seed_registry()


def _events(text: str) -> list[tuple[object, ...]]:
    d = draft.draft_text(text, dt.date(2025, 7, 30), REGISTRY)
    return [(e["id"], e.get("speaker") or e.get("initiator"), e.get("paraphrase") or e.get("target"), e.get("continues"))
            for e in d.events]


def test_a_denial_continues_the_accusation() -> None:
    assert _events("On Tuesday, the Thai army accused Cambodian forces of violating the ceasefire, which Cambodia denied.") == [
        ("statement-1", "THA", "accused Cambodian forces of violating the ceasefire", None),
        ("statement-2", "KHM", "denied the accusation", "statement-1")]


def test_seed_011_drafts_the_denial() -> None:
    d = draft.draft_article(read_article(next(SEEDS.glob("011_*.txt"))), REGISTRY)
    denial = [e for e in d.events if e["type"] == "Statement"][-1]
    assert (denial["speaker"], denial["date"], denial["paraphrase"]) == ("KHM", "Tuesday", "denied the accusation")
    assert d.events[[e["id"] for e in d.events].index(denial["continues"])]["speaker"] == "THA"


def test_two_speakers_each_in_a_clause_of_their_own() -> None:
    assert _events("Rubio said the talks were productive, while Lavrov said Russia was ready for more.") == [
        ("statement-1", "rubio", "the talks were productive", None),
        ("statement-2", "lavrov", "Russia was ready for more", None)]


def test_a_speaker_inside_what_was_said_is_no_second_statement() -> None:
    assert _events("Rubio said Russia had demanded a halt to arms deliveries.") == [
        ("statement-1", "rubio", "Russia had demanded a halt to arms deliveries", None)]


def test_what_they_did_keeps_its_verb() -> None:
    assert _events("Iran denied involvement in the attack.") == [("statement-1", "IRN", "denied involvement in the attack", None)]
    assert _events("Cambodia rejected the Thai accusations on Wednesday.")[0][2] == "rejected the Thai accusations"  # when: the date (test_draft_of_a_plan_unveiled)
    assert _events("Iran demanded an apology from the United States.")[0][2] == "demanded an apology from the United States"
    assert _events("Trump announced that Israel and Iran had agreed to a ceasefire.")[0][2] == (
        "Israel and Iran had agreed to a ceasefire")


def test_the_striker_named_just_before_the_words() -> None:
    assert _events("Qatar condemned the Israeli strike on Doha on 9 September.") == [
        ("statement-1", "QAT", "condemned the Israeli strike on Doha", None),
        ("military-action-1", "ISR", "QAT", None)]
    assert _events("Qatar condemned the Israeli and US strikes on Iran.")[1][1:3] == ("ISR", "IRN")
