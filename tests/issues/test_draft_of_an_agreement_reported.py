"""Seed 007's "President Donald Trump announced on Monday that Israel and Iran had agreed to a
ceasefire" drafted an agreement of the United States, Israel and Iran: every country named before
"agreed" signed it, the one who announced it too. The parties of an agreement reported after "that"
are now those the reported words name, when they name two or more; and those agreed "with", named
after the words ("had agreed to a ceasefire with Iran"), are parties too.
"""

from __future__ import annotations

import datetime as dt

from diplograph import draft

from ..conftest import seed_registry

REGISTRY = seed_registry()


def _parties(text: str) -> list[object]:
    return [e["parties"] for e in draft.draft_text(text, dt.date(2025, 6, 24), REGISTRY).events if e["type"] == "Agreement"]


def test_who_announced_an_agreement_is_no_party_to_it() -> None:
    assert _parties("President Donald Trump announced on Monday that Israel and Iran had agreed to a ceasefire.") == [
        ["ISR", "IRN"]]


def test_who_signed_before_that_still_signs() -> None:
    """"that" naming fewer than two: the countries before the words, as before."""
    assert _parties("Israel and Iran agreed on Monday to a ceasefire that Trump announced.") == [["ISR", "IRN"]]
    assert _parties("Trump and Netanyahu said that they had agreed to a ceasefire with Iran.") == [["USA", "ISR", "IRN"]]
