"""Drafting a paragraph on the snapback of UN sanctions on Iran (28 August 2025, in my words):

"France, Germany and the United Kingdom triggered the snapback of UN sanctions on Iran on 28 August 2025,
accusing Tehran of failing to meet its nuclear commitments. Iranian Foreign Minister Abbas Araghchi said
the move was unjustified and warned that Iran would respond appropriately." drafted Araghchi's statement
alone: "accusing" was no trigger; a statement whose verb opens its own clause (", accusing") is now the
sentence's subject's, each of the states it names (not the UN of "UN sanctions"); the accused is its
addressee ("Thailand accused Cambodia of …" too); and a threat that names no one ("Iran would respond")
is against those who last struck or accused the threatener's state. Sanctions themselves are no event
type of the ontology: the accusation and the answer to it are what the draft holds.
"""

from __future__ import annotations

import datetime as dt

from diplograph import draft

from ..conftest import seed_registry

REGISTRY = seed_registry()
TEXT = ("France, Germany and the United Kingdom triggered the snapback of UN sanctions on Iran on 28 August 2025, "
        "accusing Tehran of failing to meet its nuclear commitments. Iranian Foreign Minister Abbas Araghchi said the "
        "move was unjustified and warned that Iran would respond appropriately.")


def test_the_paragraph() -> None:
    d = draft.draft_text(TEXT, dt.date(2025, 8, 29), REGISTRY)
    got = [(e["type"], e.get("speaker") or e.get("initiator"), e.get("addressees") or e.get("target"), e["date"])
           for e in d.events]
    assert got == [("Statement", "FRA", ["IRN"], "2025-08-28"), ("Statement", "DEU", ["IRN"], "2025-08-28"),
                   ("Statement", "GBR", ["IRN"], "2025-08-28"), ("Statement", "araghchi", None, "2025-08-28"),
                   ("Threat", "araghchi", ["FRA", "DEU", "GBR"], "2025-08-28")]
    accusations = d.events[:3]
    assert {e["paraphrase"] for e in accusations} == {"accusing Tehran of failing to meet its nuclear commitments"}
    assert accusations[1]["note"].startswith("draft: rule Statement from the words of statement-1, another of the "
                                             "sentence's subjects")
    threat = d.events[4]
    assert (threat["consequence"], d.events[3]["declares"]) == ("Iran would respond appropriately", threat["id"])


def test_the_accused_is_addressed() -> None:
    said, = draft.draft_text("Thailand accused Cambodia of violating the ceasefire.", None, REGISTRY).events
    assert (said["speaker"], said["addressees"], said["paraphrase"]) == ("THA", ["KHM"], "accused Cambodia of violating the ceasefire")


def test_a_clause_of_its_own_verb_after_one_subject() -> None:
    said, strike = draft.draft_text("Israel struck Hezbollah sites in Lebanon on 5 June 2025, accusing the group of "
                                    "rebuilding its arsenal.", dt.date(2025, 6, 6), REGISTRY).events
    assert (said["type"], said["speaker"], said["paraphrase"]) == ("Statement", "ISR", "accusing the group of rebuilding its arsenal")
    assert (strike["type"], strike["initiator"]) == ("MilitaryAction", "ISR")


def test_each_state_a_sentence_opens_with_speaks() -> None:
    """"Egypt, Qatar and Turkey said …" was Turkey's alone (the clause of the verb), as was "…, which mediated
    the talks, welcomed the agreement" (Sharm el-Sheikh, 9 October 2025), with a mediation of Turkey's between
    Egypt and Qatar."""
    for text in ("Egypt, Qatar and Turkey said the talks would resume.",
                 "Egypt, Qatar and Turkey, which mediated the talks, welcomed the agreement on 9 October 2025."):
        d = draft.draft_text(text, dt.date(2025, 10, 10), REGISTRY)
        assert [(e["type"], e["speaker"]) for e in d.events] == [("Statement", "EGY"), ("Statement", "QAT"),
                                                                   ("Statement", "TUR")]
    d = draft.draft_text("Egypt and Qatar, which mediated the talks between Israel and Hamas, welcomed the deal.", None,
                         REGISTRY)
    mediation = next(e for e in d.events if e["type"] == "MediationOffer")
    assert (mediation["mediator"], mediation["parties"]) == (["EGY", "QAT"], ["ISR", "hamas"])


def test_what_was_agreed_and_who_said_so() -> None:
    """Cairo, 9 September 2025: a five-word office and name before "said" is who said it, not what was agreed."""
    agreement = draft.draft_text("Iran and the IAEA signed an agreement in Cairo on 9 September 2025 to resume "
                                 "cooperation, Egyptian Foreign Minister Badr Abdelatty said.", None, REGISTRY).events[1]
    assert (agreement["type"], agreement["content"]) == ("Agreement", "an agreement to resume cooperation")
