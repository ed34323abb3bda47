"""`events-in-range` took an event's first possible day for its date: the Israeli strikes on T-4
that the seed article of 10 April 2025 dates "recent months" (1 January to 10 April) were not among
the events of March, nor of April, though they may well have fallen in either. An event known only
to a span now counts where the span overlaps the range, with `within: partly`; `within: yes` where
the event certainly falls in it (a day in the range, or a span inside it).
"""

from __future__ import annotations

import pytest

from diplograph import queries as Q
from diplograph.store import Store


def _within(store: Store, start: str, end: str) -> dict[str, str]:
    result = Q.run(store, Q.get("events-in-range"), {"from": start, "to": end})
    at = result.vars.index
    return {str(r[at("event")]).rsplit("/", 1)[1]: str(r[at("within")]) for r in result.rows}


@pytest.mark.parametrize(("start", "end", "expected"), [
    ("2025-04-01", "2025-04-30", {"strikes-on-t4": "partly", "baku-talks": "yes", "pmo-statement": "yes"}),
    ("2025-03-01", "2025-03-31", {"strikes-on-t4": "partly"}),  # a span from before to after the range
    ("2025-04-10", "2025-04-10", {"strikes-on-t4": "partly", "pmo-statement": "partly"}),  # 9-10 April: its last day
    ("2025-04-09", "2025-04-10", {"pmo-statement": "yes", "strikes-on-t4": "partly"}),
])
def test_a_span_that_overlaps_the_range(embedded: Store, start: str, end: str, expected: dict[str, str]) -> None:
    found = _within(embedded, start, end)
    assert {k: found.get(k) for k in expected} == expected


def test_a_span_that_ends_before_or_starts_after_is_not_in_it(embedded: Store) -> None:
    assert "strikes-on-t4" not in _within(embedded, "2024-12-01", "2024-12-31")  # it starts on 1 January
    assert "strikes-on-t4" not in _within(embedded, "2025-04-11", "2025-04-30")  # it ends on 10 April
    assert "pmo-statement" not in _within(embedded, "2025-04-11", "2025-04-30")
