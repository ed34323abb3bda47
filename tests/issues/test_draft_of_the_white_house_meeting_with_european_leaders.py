"""Drafting a paragraph on the White House meeting of 18 August 2025 (in my words):

* "Russia's Foreign Ministry said it would reject any deployment of NATO troops in Ukraine." was placed
  at the White House, the place of the meeting before carried on: a place goes on only to those who
  took part in that meeting (as the state they are coded as);
* and drafted no red line: "would reject any" (or "rule out any") is one, its line what is rejected;
* a statement declares the red lines, threats, offers, requests, intentions and agreements its
  sentence tells (`declares:`, as the seed annotations have it: seed 006's Katz statement declares his
  threat and the red line of its condition, seed 007's announcement the ceasefire).
"""

from __future__ import annotations

import datetime as dt

from diplograph import draft
from diplograph.articles import read_article

from ..conftest import SEEDS, seed_registry

REGISTRY = seed_registry()
TEXT = ("Ukrainian President Volodymyr Zelensky met US President Donald Trump at the White House on 18 August 2025, joined "
        "by European leaders including French President Emmanuel Macron, German Chancellor Friedrich Merz and NATO "
        "Secretary General Mark Rutte. Russia's Foreign Ministry said it would reject any deployment of NATO troops in "
        "Ukraine. Rutte called the meeting a good step.")


def test_the_paragraph() -> None:
    d = draft.draft_text(TEXT, dt.date(2025, 8, 19), REGISTRY)
    got = [(e["id"], e["place"], e.get("participants") or e.get("speaker") or e.get("holder"), e.get("declares"),
            e.get("condition")) for e in d.events]
    assert got == [
        ("meeting-1", "washington", ["UKR", "USA", "FRA", "DEU", "nato"], None, None),
        ("statement-1", "unknown", "RUS", "red-line-1", None),
        ("red-line-1", "unknown", "RUS", None, "deployment of NATO troops in Ukraine"),
        ("statement-2", "washington", "mark-rutte", None, None),
    ]


def test_statements_declare_what_the_seeds_say_they_do() -> None:
    def declares(seed: str) -> list[object]:
        d = draft.draft_article(read_article(next(SEEDS.glob(f"{seed}_*.txt"))), REGISTRY)
        return [(e["type"], [x["type"] for x in d.events if x["id"] in ([e["declares"]] if isinstance(e["declares"], str)
                                                                       else e["declares"])])
                for e in d.events if "declares" in e]
    assert declares("006") == [("Statement", ["Threat", "RedLine"])]
    assert declares("007") == [("Statement", ["Agreement"]), ("Statement", ["Agreement"])]
