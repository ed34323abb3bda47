""""Indian Foreign Secretary Vikram Misri said on 21 October 2024 that India and China had agreed on
patrolling arrangements" was drafted as a statement by India, with no Vikram Misri: "Foreign
Secretary" was no office the drafter knew, nor "Defence Secretary" (John Healey) or "Interior
Minister". Any capitalised word before Minister or Secretary now makes an office.
"""

from __future__ import annotations

import datetime as dt

import pytest

from diplograph import draft

from ..conftest import seed_registry

REGISTRY = seed_registry()


@pytest.mark.parametrize(("text", "person", "office", "country"), [
    ("Indian Foreign Secretary Vikram Misri said the talks went well.", "vikram-misri", "Foreign Secretary", "IND"),
    ("British Defence Secretary John Healey said the talks went well.", "john-healey", "Defence Secretary", "GBR"),
    ("Pakistani Interior Minister Mohsin Naqvi said the talks went well.", "mohsin-naqvi", "Interior Minister", "PAK"),
])
def test_an_office_of_any_ministry(text: str, person: str, office: str, country: str) -> None:
    d = draft.draft_text(text, dt.date(2024, 10, 25), REGISTRY)
    assert d.events[0]["speaker"] == person
    assert d.actors[person]["country"] == country
    assert f'office: "{office}"' in next(p for p in d.proposals if p.startswith(person + ":"))
