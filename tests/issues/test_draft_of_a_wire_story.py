"""Drafting a wire story on the Sharm el-Sheikh talks (6-8 October 2025, in my words), dateline and all:

* "SHARM EL-SHEIKH, Egypt — …": the dateline's Egypt was a participant of the talks; the dateline says
  where the story was written (`WASHINGTON (Reuters) - ` too);
* "in the Egyptian resort of Sharm el-Sheikh": a demonym before resort, city, capital, port, town,
  village, region, province or coast says where a place is;
* "with Egyptian and Qatari mediators carrying messages between them": the mediators were participants,
  and the mediation Qatar's alone between Egypt, Israel and Hamas: each named before "mediators" mediates
  (also "… acting as mediators"), between the sides;
* "signed off on the first phase of the plan" agreed "off on the first phase …";
* "“…,” Trump wrote on social media" was no statement (`wrote`, `posted` report, as `said` does);
* "Hamas said … an Israeli withdrawal from Gaza" proposed Gaza as where Hamas said it: a place the
  registry lacks, named in what was said, is not where it was said.
"""

from __future__ import annotations

import datetime as dt

from diplograph import draft

from ..conftest import seed_registry

REGISTRY = seed_registry()
TEXT = ("SHARM EL-SHEIKH, Egypt — Israeli and Hamas negotiators began indirect talks in the Egyptian resort of Sharm "
        "el-Sheikh on 6 October 2025, with Egyptian and Qatari mediators carrying messages between them. The talks "
        "focused on the first phase of US President Donald Trump's plan to end the war in Gaza. On 8 October, Trump "
        "announced that Israel and Hamas had both signed off on the first phase of the plan. “This means that ALL of "
        "the Hostages will be released very soon,” Trump wrote on social media. Hamas said the agreement would end the "
        "war and lead to an Israeli withdrawal from Gaza.")


def test_the_story() -> None:
    d = draft.draft_text(TEXT, dt.date(2025, 10, 9), REGISTRY)
    got = [(e["type"], e.get("participants") or e.get("speaker") or e.get("parties"), e.get("mediator"), e["date"],
            e["place"]) for e in d.events]
    assert got == [
        ("Meeting", ["ISR", "hamas"], None, "2025-10-06", "sharm-el-sheikh"),
        ("MediationOffer", ["ISR", "hamas"], ["EGY", "QAT"], "2025-10-06", "sharm-el-sheikh"),
        ("Statement", "trump", None, "2025-10-08", "unknown"),
        ("Agreement", ["ISR", "hamas"], None, "2025-10-08", "unknown"),
        ("Statement", "trump", None, "2025-10-08", "unknown"),
        ("Statement", "hamas", None, "2025-10-08", "unknown")]
    assert d.events[3]["content"] == "the first phase of the plan"
    assert d.events[4]["quote"] == "This means that ALL of the Hostages will be released very soon"
    assert "proposed below" not in d.events[5]["note"]  # Gaza, in what Hamas said, is not where it said it


def test_a_dateline_names_no_one() -> None:
    said, = draft.draft_text("WASHINGTON (Reuters) - Qatar said the talks were going well.", None, REGISTRY).events
    assert said["speaker"] == "QAT"
    d = draft.draft_text("DOHA, Qatar — Israel and Hamas agreed to a ceasefire on 15 January 2025.", None, REGISTRY)
    assert d.events[0]["parties"] == ["ISR", "hamas"]


def test_those_acting_as_mediators_took_no_side() -> None:
    meeting, mediation = draft.draft_text(
        "Israel and Hamas held talks in Cairo on 2 March 2025, with Egypt and Qatar acting as mediators.", None,
        REGISTRY).events
    assert (meeting["participants"], mediation["mediator"], mediation["parties"]) == (
        ["ISR", "hamas"], ["EGY", "QAT"], ["ISR", "hamas"])
