"""The Quad foreign ministers in Washington (1 July 2025), in my words: "Indian External Affairs Minister
Subrahmanyam Jaishankar, Japanese Foreign Minister Takeshi Iwaya and Australian Foreign Minister Penny Wong
attended …" drafted Jaishankar with the office "Affairs Minister" and no country: a ministry of two words
was no office ("Homeland Security Secretary" neither). It is now; and the demonym such an office can take
in ("Spanish Prime Minister", "Japanese Foreign Minister") stays the person's country.
"""

from __future__ import annotations

import datetime as dt

import pytest

from diplograph import draft

from ..conftest import seed_registry

REGISTRY = seed_registry()


@pytest.mark.parametrize("text,person,country,office", [
    ("Indian External Affairs Minister Subrahmanyam Jaishankar met Marco Rubio.", "subrahmanyam-jaishankar", "IND",
     "External Affairs Minister"),
    ("US Homeland Security Secretary Kristi Noem met Benjamin Netanyahu.", "kristi-noem", "USA",
     "Homeland Security Secretary"),
    ("Japanese Foreign Minister Takeshi Iwaya met Marco Rubio.", "takeshi-iwaya", "JPN", "Foreign Minister"),
    ("Spanish Prime Minister Pedro Sánchez met Marco Rubio.", "pedro-sanchez", "ESP", "Prime Minister"),
    ("Qatar's Foreign Minister Example Person met Marco Rubio.", "example-person", "QAT", "Foreign Minister"),
])
def test_an_office_and_the_country_before_it(text: str, person: str, country: str, office: str) -> None:
    d = draft.draft_text(text, dt.date(2025, 7, 2), REGISTRY)
    assert d.actors[person]["country"] == country
    proposal = next(p for p in d.proposals if p.startswith(f"{person}:"))
    assert f'positions: [{{office: "{office}"}}]' in proposal
    assert d.events[0]["participants"] == [country, "ISR" if country == "USA" else "USA"]
