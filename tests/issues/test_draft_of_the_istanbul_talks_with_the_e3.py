"""A draft of "Iranian diplomats met their British, French and German counterparts in Istanbul on 25
July 2025, the first such talks since the Israeli and US strikes on Iran's nuclear sites in June" had
two mistakes:

* Israel and the United States were participants of the meeting: the countries of a clause that
  only dates it ("since …", "after …", "following …", "ahead of …") took part as much as those who met.
  (And a country talked about was set aside by its id, so Iran, named again in that clause, was no
  participant of its own meeting: what is set aside is now the words, not the country.)
* The strikes were drafted as a military action *by Iran against the United Kingdom*: the first
  country of the sentence was the initiator, the next one the target. The initiator is now the
  country of the trigger's own clause ("the Israeli and US strikes on"), the target the first one
  named after the trigger ("on Iran's nuclear sites").
"""

from __future__ import annotations

import datetime as dt

from diplograph import draft

from ..conftest import seed_registry

REGISTRY = seed_registry()
TEXT = ("Iranian diplomats met their British, French and German counterparts in Istanbul on 25 July 2025, the first "
        "such talks since the Israeli and US strikes on Iran's nuclear sites in June.")


def test_the_meeting_and_the_strikes() -> None:
    d = draft.draft_text(TEXT, dt.date(2025, 7, 26), REGISTRY)
    meeting, *strikes = d.events
    assert (meeting["participants"], meeting["format"]) == (["IRN", "GBR", "FRA", "DEU"], "multilateral")
    # a strike by each striker named ("the Israeli and US strikes"), before the talks that "since" dates
    assert [(e["type"], e["initiator"], e["target"], e["date"]) for e in strikes] == [
        ("MilitaryAction", "ISR", "IRN", "recent weeks"), ("MilitaryAction", "USA", "IRN", "recent weeks")]
    assert strikes[1]["note"] == "draft: rule MilitaryAction from the words of military-action-1, another striker; confidence 0.65"


def test_a_clause_that_dates_the_meeting_names_no_participant() -> None:
    for words in ("since", "after", "following", "ahead of"):
        d = draft.draft_text(f"Turkey and Azerbaijan met in Baku {words} Israel's talks with Syria.", None, REGISTRY)
        assert d.events[0]["participants"] == ["TUR", "AZE"], words
    # the words are what is set aside, not the country: Syria met, and was also talked about
    d = draft.draft_text("Syria and Turkey met in Ankara to discuss Syria's border.", None, REGISTRY)
    assert d.events[0]["participants"] == ["SYR", "TUR"]


def test_a_strike_named_by_its_verb_as_before() -> None:
    d = draft.draft_text("Israel struck targets in Damascus, Syria, on Tuesday.", dt.date(2025, 7, 17), REGISTRY)
    assert [(e["initiator"], e.get("target")) for e in d.events] == [("ISR", "SYR")]
    d = draft.draft_text("Iran fired missiles at Israel after the United States struck its sites.", None, REGISTRY)
    assert [(e["initiator"], e.get("target")) for e in d.events][0] == ("IRN", "ISR")


def test_what_was_said_after_the_meeting() -> None:
    """"Gharibabadi said after the meeting with representatives of France, Germany and Britain that the talks had been
    serious, frank and detailed" (25 July 2025) said "after the meeting … that the talks …": when it was said is not
    what was said."""
    d = draft.draft_text("Iranian Deputy Foreign Minister Kazem Gharibabadi said after the meeting with representatives of "
                         "France, Germany and Britain that the talks had been serious, frank and detailed.",
                         dt.date(2025, 7, 26), REGISTRY)
    assert d.events[0]["paraphrase"] == "the talks had been serious, frank and detailed"
