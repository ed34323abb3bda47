"""Drafting a paragraph on the India-Pakistan ceasefire of 10 May 2025 (in my words) gave every event a
reader would annotate but one: "Pakistani Foreign Minister Ishaq Dar confirmed the ceasefire." drafted
nothing. "confirmed" is a statement's trigger now (what was said keeps the verb: "confirmed the
ceasefire"). The paragraph is kept whole here: its accusation and denial, its mediation and its two
tellings of the agreement are what the rules of this session's other tests draft.
"""

from __future__ import annotations

import datetime as dt

from diplograph import draft

from ..conftest import seed_registry

REGISTRY = seed_registry()
TEXT = ("US President Donald Trump announced on 10 May 2025 that India and Pakistan had agreed to a full and immediate "
        "ceasefire after a long night of talks mediated by the United States. Indian Foreign Secretary Vikram Misri said "
        "the two countries' directors general of military operations had agreed to stop all firing and military action "
        "from 17:00 Indian time. Pakistani Foreign Minister Ishaq Dar confirmed the ceasefire. Hours later, India accused "
        "Pakistan of violating the agreement, which Pakistan denied.")


def test_the_paragraph() -> None:
    d = draft.draft_text(TEXT, dt.date(2025, 5, 11), REGISTRY)
    got = [(e["type"], e.get("speaker") or e.get("mediator") or e.get("parties"), e.get("paraphrase"), e["date"])
           for e in d.events]
    assert got == [
        ("Statement", "trump", "India and Pakistan had agreed to a full and immediate ceasefire after a long night of "
                               "talks mediated by the United States", "2025-05-10"),
        ("MediationOffer", "USA", None, "2025-05-10"),
        ("Agreement", ["IND", "PAK"], None, "2025-05-10"),
        ("Statement", "vikram-misri", "the two countries' directors general of military operations had agreed to stop "
                                      "all firing and military action from 17:00 Indian time", "2025-05-10"),
        ("Agreement", ["IND", "PAK"], None, "2025-05-10"),
        ("Statement", "ishaq-dar", "confirmed the ceasefire", "2025-05-10"),
        ("Statement", "IND", "accused Pakistan of violating the agreement", "2025-05-10"),
        ("Statement", "PAK", "denied the accusation", "2025-05-10"),
    ]
    assert d.events[-1]["continues"] == d.events[-2]["id"]
