"""Seed 009: "Aliyev and Pashinyan met President Donald Trump at the White House on Friday. The two
leaders signed a joint declaration with Trump …" drafted an agreement of the United States and
Armenia (the article's two most named countries) instead of Azerbaijan, Armenia and the United
States. "The two leaders|sides|countries …" before an agreement's trigger are now the first two of
the last meeting's participants not named as signing, with those it was signed with.
"""

from __future__ import annotations

from diplograph import draft
from diplograph.articles import read_article

from ..conftest import SEEDS, seed_registry

REGISTRY = seed_registry()


def test_the_two_leaders_and_trump() -> None:
    d = draft.draft_article(read_article(next(SEEDS.glob("009_*.txt"))), REGISTRY)
    assert [e.get("parties") for e in d.events if e["type"] == "Agreement"] == [["AZE", "ARM", "USA"]]


def test_the_two_sides_are_not_the_country_talked_about() -> None:
    # seed 003: "The two sides agreed … to work towards ending the war in Ukraine"
    d = draft.draft_article(read_article(next(SEEDS.glob("003_*.txt"))), REGISTRY)
    assert [e.get("parties") for e in d.events if e["type"] == "Agreement"] == [["USA", "RUS"]]


def test_without_a_meeting_before_as_before() -> None:
    d = draft.draft_text("The two sides agreed to meet again, Iran and the United States said.", None, REGISTRY)
    assert [e.get("parties") for e in d.events if e["type"] == "Agreement"] == [["IRN", "USA"]]
