"""`draft` of "Israeli and Iranian officials held indirect talks in Muscat on Saturday, with Oman and
Qatar acting as mediators." made Israel the mediator (the first actor of the sentence) between Iran,
Oman and Qatar. With "acting as mediator(s)", the mediators are the actors just before those words,
after the last "with"; the parties are the others. With no "with", the actor just before them.
"""

from __future__ import annotations

import datetime as dt

import pytest

from diplograph import draft

from ..conftest import seed_registry

REGISTRY = seed_registry()


@pytest.mark.parametrize(("text", "mediator", "parties"), [
    ("Israeli and Iranian officials held indirect talks in Muscat on Saturday, with Oman and Qatar acting as mediators.",
     ["OMN", "QAT"], ["ISR", "IRN"]),
    ("US and Iranian negotiators met in Rome on Saturday, again with Oman acting as mediator.", "OMN", ["USA", "IRN"]),
    ("Russian and Ukrainian delegations met in Istanbul on Friday, Turkey acting as mediator.", "TUR", ["RUS", "UKR"]),
    ("Turkey acted as mediator between Russia and Ukraine in Istanbul on Friday.", "TUR", ["RUS", "UKR"]),
])
def test_the_mediators_are_named_before_acting_as(text: str, mediator: str | list[str], parties: list[str]) -> None:
    d = draft.draft_text(text, dt.date(2025, 5, 17), REGISTRY)
    [offer] = [e for e in d.events if e["type"] == "MediationOffer"]
    assert (offer["mediator"], offer["parties"]) == (mediator, parties)
