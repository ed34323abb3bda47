"""What `eval-draft seeds --misses` listed on 2026-12-03, and paragraphs of dated events in my words:

* a third state's person who hosts, opens or chairs the talks of two others (seed 005: "Turkish Foreign
  Minister Hakan Fidan opened the meeting"; seed 011: "The talks were hosted by Malaysian Prime Minister
  Anwar Ibrahim") was the meeting's host only, where the seeds annotate a mediation of theirs as well;
  "opened the meeting" gave no host at all;
* "he would ask Trump to mediate if needed" (seed 000) was a request and an intention;
* "A Ukrainian source said Russia had made unacceptable demands, including that Ukraine withdraw its
  troops …" (seed 005) drafted no intention; the holder of an intention was the first actor of the
  sentence, the source's Ukraine;
* "Israel, it seems, is willing to accept Turkish influence in Syria" (seed 000) was an agreement;
* "Israel had agreed to the president's proposal for a bilateral ceasefire" (seed 007), the day after
  "Israel and Iran had agreed to a ceasefire", was a second agreement;
* eval-draft matched in the draft's order, so that an earlier event of the same type and actors took
  the gold event a later one told in the same words.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from diplograph import draft
from diplograph.drafteval import evaluate

from ..conftest import seed_registry

REGISTRY = seed_registry()


def _types(d: draft.Drafted) -> list[str]:
    return [e["type"] for e in d.events]


def test_a_minister_who_opened_the_talks_hosts_and_mediates_them() -> None:
    """Istanbul, 2 June 2025: the second round of direct talks, opened by Hakan Fidan at Çırağan Palace."""
    d = draft.draft_text("Russian and Ukrainian delegations met in Istanbul on 2 June 2025 for a second round of direct "
                         "talks. Turkish Foreign Minister Hakan Fidan opened the meeting at Çırağan Palace.",
                         dt.date(2025, 6, 3), REGISTRY)
    meeting, mediation = d.events
    assert (meeting["participants"], meeting["host"]) == (["RUS", "UKR"], "TUR")
    assert (mediation["type"], mediation["mediator"], mediation["parties"]) == ("MediationOffer", "fidan", ["RUS", "UKR"])
    assert (mediation["date"], mediation["place"]) == (meeting["date"], "istanbul") == ("2025-06-02", "istanbul")
    assert mediation["evidence"] == ["Turkish Foreign Minister Hakan Fidan opened the meeting at Çırağan Palace."]
    assert mediation["note"].startswith("draft: rule MediationOffer from the host of meeting-1")


def test_a_leader_named_after_hosted_by_mediates_not_his_state() -> None:
    d = draft.draft_text("Thailand's acting Prime Minister Phumtham Wechayachai and Cambodian Prime Minister Hun Manet met "
                         "in Putrajaya on 28 July 2025. The talks were hosted by Malaysian Prime Minister Anwar Ibrahim.",
                         dt.date(2025, 7, 29), REGISTRY)
    assert _types(d) == ["Meeting", "MediationOffer"]
    assert (d.events[0]["host"], d.events[1]["mediator"], d.events[1]["date"]) == ("MYS", "anwar", "2025-07-28")


def test_a_state_named_as_host_only_hosts() -> None:
    """Seed 004's words: Saudi Arabia lent Jeddah; its annotation has `host: SAU` and no mediation."""
    d = draft.draft_text("American and Ukrainian officials met in Jeddah on 11 March 2025 for talks hosted by Saudi "
                         "Arabia.", dt.date(2025, 3, 12), REGISTRY)
    assert _types(d) == ["Meeting"] and d.events[0]["host"] == "SAU"


def test_a_host_who_takes_part_mediates_nothing() -> None:
    """Washington, 18 August 2025; and Riyadh, 21 February 2025 (seed-like, in my words)."""
    d = draft.draft_text("Ukrainian President Volodymyr Zelensky met US President Donald Trump on 18 August 2025. "
                         "Trump hosted the meeting.", dt.date(2025, 8, 19), REGISTRY)
    assert _types(d) == ["Meeting"]
    d = draft.draft_text("Leaders of Egypt, Jordan, Saudi Arabia and Qatar met in Riyadh on 21 February 2025. Crown "
                         "Prince Mohammed bin Salman hosted the meeting.", dt.date(2025, 2, 22), REGISTRY)
    assert _types(d) == ["Meeting"] and d.events[0]["host"] == "SAU"


def test_asking_for_mediation_is_the_request_alone() -> None:
    d = draft.draft_text("Prime Minister Netanyahu told cabinet ministers on 9 April 2025 that he would ask Trump to "
                         "mediate if needed.", dt.date(2025, 4, 10), REGISTRY)
    assert "MediationRequest" in _types(d) and "StatedIntention" not in _types(d)
    d = draft.draft_text("Israel plans to ask the United States for more interceptors.", None, REGISTRY)
    assert _types(d) == ["StatedIntention"]  # an intention that is no request for mediation stays one


def test_a_demand_is_the_intention_of_the_one_who_made_it() -> None:
    """Istanbul, 16 May 2025 (seed 005's words)."""
    d = draft.draft_text("A Ukrainian source said Russia had made unacceptable demands, including that Ukraine withdraw "
                         "its troops from large parts of its own territory.", dt.date(2025, 5, 17), REGISTRY)
    statement, intention = d.events
    assert (statement["type"], statement["declares"]) == ("Statement", intention["id"])
    assert (intention["type"], intention["holder"], intention["certainty"]) == ("StatedIntention", "RUS", "anonymous")
    assert intention["content"] == "Ukraine withdraw its troops from large parts of its own territory"
    d = draft.draft_text("Turkey had set its sights on the T-4 Airbase in the area.", None, REGISTRY)
    assert d.events[0]["holder"] == "TUR"  # with no reporting verb, the first named


def test_willing_to_accept_a_proposal_is_an_agreement_and_influence_is_none() -> None:
    d = draft.draft_text("Israel, it seems, is willing to accept Turkish influence in Syria.", None, REGISTRY)
    assert "Agreement" not in _types(d)
    d = draft.draft_text("In a joint statement on 11 March 2025, Ukraine said it was ready to accept a US proposal for "
                         "an immediate, interim 30-day ceasefire.", dt.date(2025, 3, 12), REGISTRY)
    assert "Agreement" in _types(d)


CEASEFIRE = ("President Donald Trump announced on 23 June 2025 that Israel and Iran had agreed to a ceasefire. "
             "Israel's Prime Minister's Office said on 24 June 2025 that Israel had agreed to the president's proposal "
             "for a bilateral ceasefire.")


def test_an_agreement_told_again_is_one() -> None:
    d = draft.draft_text(CEASEFIRE, dt.date(2025, 6, 24), REGISTRY)
    agreements = [e for e in d.events if e["type"] == "Agreement"]
    assert len(agreements) == 1
    assert agreements[0]["evidence"] == [s + "." for s in CEASEFIRE[:-1].split(". ")]
    assert "told again in a later sentence" in agreements[0]["note"]
    # each statement declares it: Trump's announcement, and the Israeli government's acceptance
    assert [e.get("declares") for e in d.events if e["type"] == "Statement"] == [agreements[0]["id"]] * 2


def test_a_new_deal_or_an_agreement_to_do_something_is_another() -> None:
    d = draft.draft_text(CEASEFIRE.replace("the president's proposal for a bilateral", "a new"), dt.date(2025, 6, 24),
                         REGISTRY)
    assert _types(d).count("Agreement") == 2
    d = draft.draft_text("Thailand and Cambodia agreed to an immediate ceasefire on 28 July 2025. On 26 July, Trump said "
                         "that they had agreed to meet and work out a ceasefire.", dt.date(2025, 7, 29), REGISTRY)
    assert _types(d).count("Agreement") == 2


def test_eval_matches_the_same_words_first(tmp_path: Path) -> None:
    """Two statements of Israel's, the gold annotation has the second: it is the one matched."""
    (tmp_path / "a.txt").write_text("---\ntitle: t\npublished: 2025-04-10\n---\nIsrael said it wanted calm on 9 April "
                                    "2025. Israel said it would not accept Turkish bases on 9 April 2025.\n", encoding="utf-8")
    (tmp_path / "a.yaml").write_text(
        "events:\n  - id: s\n    type: Statement\n    label: Israel rejects Turkish bases\n    date: 2025-04-09\n"
        "    place: unknown\n    speaker: ISR\n    paraphrase: no bases\n    certainty: stated\n    evidence:\n"
        "      - Israel said it would not accept Turkish bases on 9 April 2025.\n", encoding="utf-8")
    result = evaluate(tmp_path, REGISTRY)
    extras = [m.label for m in result.misses if m.kind == "extra" and m.type == "Statement"]
    assert extras == ["Statement: Israel said it wanted calm on 9 April 2025."]
    assert (result.per_type["Statement"].tp, result.per_type["Statement"].proposed) == (1, 2)
