"""The last note's drafts lacked a summons ("Tokyo summoned China's ambassador" was no event: the
ontology has no class for it). A summons is how a state protests to another, through its
ambassador: a statement (what was said, through some medium) by the one who summoned, to the
ambassador's state, `medium: summons`, what was said the summons and its purpose.
"""

from __future__ import annotations

import datetime as dt

from diplograph import draft

from ..conftest import seed_registry

REGISTRY = seed_registry()


def _summons(text: str) -> list[tuple[object, ...]]:
    d = draft.draft_text(text, dt.date(2025, 11, 17), REGISTRY)
    return [(e["type"], e["speaker"], e.get("addressees"), e["paraphrase"], e["medium"], e["date"]) for e in d.events]


def test_a_summons_is_a_protest_to_the_ambassadors_state() -> None:
    assert _summons("Tokyo summoned the Chinese ambassador on 14 November to protest the remarks.") == [
        ("Statement", "JPN", ["CHN"], "summoned the Chinese ambassador to protest the remarks", "summons", "2025-11-14")]
    assert _summons("On 13 November, Chinese Vice Foreign Minister Sun Weidong summoned Japan's ambassador.") == [
        ("Statement", "sun-weidong", ["JPN"], "summoned Japan's ambassador", "summons", "2025-11-13")]


def test_an_envoy_of_no_state_named() -> None:
    assert _summons("The Kremlin summoned the envoy.") == [
        ("Statement", "RUS", None, "summoned the envoy", "summons", "recent weeks")]
