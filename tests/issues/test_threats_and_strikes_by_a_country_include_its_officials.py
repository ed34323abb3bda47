"""`query threats --param initiator=ISR` gave Israel's own threat and not Defence Minister Katz's
warning to al-Sharaa of 3 April 2025 (at 10k articles: 1 row against 747), though `statements
--param speaker=ISR` counts a minister's words as the country's, as event data codes them; and
neither `threats` nor `military-actions` could be asked what was aimed at a country. Both now take
the initiator's and the new `target`'s officials and bodies (`dg:country`, `dg:represents`…).
"""

from __future__ import annotations

import json

import pytest

from diplograph import queries as Q
from diplograph.store import Store

from ..conftest import run_cli


def _pairs(store: Store, name: str, **params: str) -> set[tuple[str, str]]:
    result = Q.run(store, Q.get(name), params)
    at = result.vars.index
    return {(str(r[at("initiatorLabel")]), str(r[at("targetLabel")])) for r in result.rows}


@pytest.mark.parametrize(("params", "expected"), [
    ({"initiator": "ISR"}, {("Israel", "Syria"), ("Israel Katz", "Ahmed al-Sharaa"), ("Israel Katz", "Syria")}),
    # al-Sharaa is Syria's
    ({"target": "Syria"}, {("Israel", "Syria"), ("Israel Katz", "Ahmed al-Sharaa"), ("Israel Katz", "Syria")}),
    ({"target": "IRN"}, {("Donald Trump", "Iran")}),
    ({"initiator": "USA", "target": "IRN"}, {("Donald Trump", "Iran")}),
    ({"initiator": "IRN"}, set()),
])
def test_threats(embedded: Store, params: dict[str, str], expected: set[tuple[str, str]]) -> None:
    assert _pairs(embedded, "threats", **params) == expected


def test_military_actions(embedded: Store) -> None:
    assert _pairs(embedded, "military-actions", target="IRN") == {("Israel", "Iran"), ("United States", "Iran")}
    assert _pairs(embedded, "military-actions", initiator="USA", target="Iran") == {("United States", "Iran")}


def test_the_parameters_are_listed() -> None:
    done = run_cli("queries", "--format", "json")
    params = {q["name"]: [p["name"] for p in q["params"]] for q in json.loads(done.stdout)}
    assert params["threats"] == params["military-actions"] == ["initiator", "target"]
