"""India's strikes on Pakistan (7 May 2025), in my words: "India launched missile strikes on nine sites in
Pakistan and Pakistan-administered Kashmir on 7 May, in what it called Operation Sindoor. Pakistan said it
had shot down five Indian jets. Pakistani Prime Minister Shehbaz Sharif vowed to retaliate. The United States
and Britain urged both countries to show restraint." was drafted with

* no threat for "vowed to retaliate" (no trigger, and no target in the sentence): it is a threat now,
  against the one who last struck the threatener's state (`retaliation` in rules/draft.yaml);
* "Britain" no country: ISO 3166 calls it the United Kingdom. The names news gives countries besides
  ISO's ("Britain", "UK", "Russia", "Ivory Coast", "Burma"…: `country_names` in rules/draft.yaml) are
  read as the country and proposed as its aliases; "Latin America" is no United States.
"""

from __future__ import annotations

import datetime as dt

from diplograph import draft

from ..conftest import seed_registry

REGISTRY = seed_registry()
TEXT = ("India launched missile strikes on nine sites in Pakistan and Pakistan-administered Kashmir on 7 May, in what "
        "it called Operation Sindoor. Pakistan said it had shot down five Indian jets. Pakistani Prime Minister Shehbaz "
        "Sharif vowed to retaliate. The United States and Britain urged both countries to show restraint.")


def test_the_paragraph() -> None:
    d = draft.draft_text(TEXT, dt.date(2025, 5, 8), REGISTRY)
    assert [(e["type"], e.get("initiator") or e.get("speaker"), e.get("target")) for e in d.events] == [
        ("MilitaryAction", "IND", "PAK"), ("Statement", "PAK", None), ("MilitaryAction", "PAK", "IND"),
        ("Threat", "shehbaz-sharif", "IND"), ("Statement", "USA", None),
        ("Statement", "GBR", None)]  # each of "The United States and Britain"
    # what Pakistan said it had shot down is a strike it claims (session 22: "shot down" strikes)
    claimed = d.events[2]
    assert (claimed["content"], claimed["attributed_to"]) == ("shot down five Indian jets", "PAK")


def test_a_vow_with_no_strike_before_is_no_threat() -> None:
    d = draft.draft_text("Pakistani Prime Minister Shehbaz Sharif vowed to retaliate.", dt.date(2025, 5, 8), REGISTRY)
    assert d.events == []


def test_the_names_news_gives_countries() -> None:
    d = draft.draft_text("Britain and Vietnam met in Hanoi on 7 May. The UK and Burma met on 6 May. Leaders from Latin "
                         "America met Ivory Coast's president on 5 May.", dt.date(2025, 5, 8), REGISTRY)
    assert [e["participants"] for e in d.events] == [["GBR", "VNM"], ["GBR", "MMR"]]
    gbr = next(p for p in d.proposals if p.startswith("GBR:"))
    assert gbr == ('GBR: {type: Country, label: "United Kingdom", iso3: GBR, aliases: [Britain, "Great Britain", UK, '
                   'U.K., British]}')
