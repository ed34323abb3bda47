"""Drafting paragraphs of dated events in my words (2026-12-03):

* the US strikes on Fordow, Natanz and Isfahan (22 June 2025): "any retaliation would be met with far
  greater force" was a meeting of the United States and Iran ("met with"); its consequence lacked the
  words that say it ("with far greater force"); Araghchi's "the attacks … would have everlasting
  consequences" was no threat;
* the Kuala Lumpur declaration (26 October 2025): what was agreed ran on to where, when and before whom
  it was signed ("a joint declaration in Kuala Lumpur on 26 October 2025, witnessed by …");
* the second Istanbul round (2 June 2025): "The meeting, opened by Turkish Foreign Minister Hakan
  Fidan, …" named no host;
* China's defence ministry on 14 November 2025: "Japan would suffer a crushing defeat if it intervened
  militarily in the Taiwan Strait" was a statement alone (`would suffer` threatens, as `would pay` does);
  Putin's warning of 2 October 2025 on Tomahawk missiles began its consequence with "on 2 October 2025
  that";
* Operation Sindoor (7 May 2025): what a strike did ran on to its day ("struck nine sites in Pakistan
  and Pakistan-administered Kashmir on 7 May 2025"), which the event has; where stays; and "Sharif … said
  Pakistan had the right to respond" was no threat;
* seed 000: "stressed that “any action that endangers Israel will also endanger the Assad regime.”" was
  a statement alone: a threat said as a rule ("any action, attack, move … that …") has the rule's
  first words as its condition and what "will" follow as its consequence;
* the Geneva talks (23 November 2025): "to discuss a US plan to end the war" was a stated intention;
  and "Iran plans to resume talks with the United States" a meeting.
"""

from __future__ import annotations

import datetime as dt

from diplograph import draft

from ..conftest import seed_registry

REGISTRY = seed_registry()


def _events(text: str, published: dt.date) -> list[dict]:
    return draft.draft_text(text, published, REGISTRY).events


def test_strikes_answered_with_threats() -> None:
    strike, said, threat, warning, threat2 = _events(
        "The United States struck three Iranian nuclear sites, Fordow, Natanz and Isfahan, on 22 June 2025. Iranian "
        "Foreign Minister Abbas Araghchi said the attacks were outrageous and would have everlasting consequences. "
        "Trump warned Iran that any retaliation would be met with far greater force.", dt.date(2025, 6, 23))
    assert (strike["type"], strike["initiator"], strike["target"]) == ("MilitaryAction", "USA", "IRN")
    # the struck state's minister threatens the striker, though his words name no one
    assert (said["type"], said["declares"]) == ("Statement", threat["id"])
    assert (threat["type"], threat["initiator"], threat["target"], threat["consequence"]) == (
        "Threat", "araghchi", "USA", "would have everlasting consequences")
    # "be met with" is no meeting; what the threat costs keeps its words
    assert (warning["type"], warning["declares"]) == ("Statement", threat2["id"])
    assert (threat2["type"], threat2["initiator"], threat2["target"], threat2["consequence"]) == (
        "Threat", "trump", "IRN", "would be met with far greater force")


def test_met_after_be_is_no_meeting_and_met_still_is() -> None:
    assert [e["type"] for e in _events("The proposal was met with scepticism in Israel.", dt.date(2025, 6, 1))] == []
    assert [e["type"] for e in _events("Israel and Turkey met in Baku on 9 April 2025.", dt.date(2025, 4, 10))] == ["Meeting"]


def test_what_was_agreed_without_when_and_where() -> None:
    agreement, = _events("Thai Prime Minister Anutin Charnvirakul and Cambodian Prime Minister Hun Manet signed a joint "
                         "declaration in Kuala Lumpur on 26 October 2025, witnessed by US President Donald Trump and "
                         "Malaysian Prime Minister Anwar Ibrahim.", dt.date(2025, 10, 27))
    assert (agreement["parties"], agreement["content"], agreement["date"]) == (["THA", "KHM"], "a joint declaration",
                                                                                "2025-10-26")
    # what it says stays ("under which", "which", "whereby", "providing", "that"): Riyadh, 17 September 2025
    agreement, = _events("Pakistan and Saudi Arabia signed a Strategic Mutual Defence Agreement in Riyadh on 17 September "
                         "2025, under which any aggression against either country would be considered aggression against "
                         "both.", dt.date(2025, 9, 18))
    assert agreement["content"] == ("a Strategic Mutual Defence Agreement, under which any aggression against either "
                                    "country would be considered aggression against both")
    # a date still to come is part of what was agreed (seed 002)
    meeting, agreement = _events("Iran and the United States met in Rome on 19 April 2025. The two sides agreed that "
                                 "experts would begin technical talks in Oman on Wednesday.", dt.date(2025, 4, 20))
    assert (agreement["type"], agreement["date"]) == ("Agreement", "2025-04-19")
    assert agreement["content"] == "that experts would begin technical talks in Oman on Wednesday"


def test_a_meeting_opened_by_a_minister_of_a_third_state() -> None:
    meeting, mediation = _events("Russian and Ukrainian delegations met at Istanbul's Çırağan Palace on 2 June 2025. "
                                 "The meeting, opened by Turkish Foreign Minister Hakan Fidan, lasted just over an hour.",
                                 dt.date(2025, 6, 3))
    assert (meeting["host"], mediation["mediator"], mediation["parties"]) == ("TUR", "fidan", ["RUS", "UKR"])


def test_a_plan_named_is_no_intention() -> None:
    events = _events("US and Ukrainian delegations met in Geneva on 23 November 2025 to discuss a US plan to end the "
                     "war with Russia.", dt.date(2025, 11, 24))
    assert [e["type"] for e in events] == ["Meeting"]
    intention, = _events("Iran plans to resume talks with the United States.", dt.date(2025, 11, 24))
    assert (intention["type"], intention["holder"]) == ("StatedIntention", "IRN")  # and no meeting: still to come
    assert [e["type"] for e in _events("Israel hopes to hold talks with Syria.", dt.date(2025, 11, 24))] == ["StatedIntention"]


def test_who_would_suffer_is_threatened() -> None:
    statement, threat, red_line = _events(
        "Chinese Defence Ministry spokesman Zhang Xiaogang said on 14 November 2025 that Japan would suffer a crushing "
        "defeat if it intervened militarily in the Taiwan Strait.", dt.date(2025, 11, 15))
    assert statement["declares"] == [threat["id"], red_line["id"]]
    assert (threat["initiator"], threat["target"], threat["consequence"], threat["condition"]) == (
        "zhang-xiaogang", "JPN", "would suffer a crushing defeat", "it intervened militarily in the Taiwan Strait")
    assert (red_line["holder"], red_line["addressees"]) == ("CHN", ["JPN"])


def test_a_warning_without_its_date_and_that() -> None:
    threat = _events("Putin warned on 2 October 2025 that supplying Tomahawk missiles to Ukraine would mark a new stage "
                     "of escalation.", dt.date(2025, 10, 3))[1]
    # (session 22: the supply is the threat's condition, what would follow its consequence)
    assert (threat["type"], threat["condition"], threat["consequence"]) == (
        "Threat", "supplying Tomahawk missiles to Ukraine", "would mark a new stage of escalation")


def test_what_was_struck_without_its_day() -> None:
    strike = _events("India struck nine sites in Pakistan and Pakistan-administered Kashmir on 7 May 2025, two weeks "
                     "after a militant attack killed 26 people in Pahalgam.", dt.date(2025, 5, 8))[0]
    assert (strike["initiator"], strike["target"], strike["date"], strike["content"]) == (
        "IND", "PAK", "2025-05-07", "struck nine sites in Pakistan and Pakistan-administered Kashmir")
    strike = _events("Israel struck Hamas leaders on 9 September 2025 in Doha.", None)[0]
    assert (strike["date"], strike["content"]) == ("2025-09-09", "struck Hamas leaders in Doha")


def test_the_right_to_respond_is_a_threat_against_the_striker() -> None:
    statement, threat = _events("India struck nine sites in Pakistan on 7 May 2025. Pakistani Prime Minister Shehbaz "
                                "Sharif called the strikes an act of war and said Pakistan had the right to respond.",
                                dt.date(2025, 5, 8))[1:]
    assert (statement["declares"], threat["initiator"], threat["target"], threat["consequence"]) == (
        threat["id"], "shehbaz-sharif", "IND", "had the right to respond")


def test_a_threat_said_as_a_rule() -> None:
    statement, threat = _events("Israel stressed that “any action that endangers Israel will also endanger the Assad "
                                "regime.”", dt.date(2025, 4, 10))
    assert statement["declares"] == threat["id"]
    assert (threat["initiator"], threat["target"], threat["condition"], threat["consequence"]) == (
        "ISR", "SYR", "any action that endangers Israel", "will also endanger the Assad regime")
