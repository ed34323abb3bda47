"""`diplograph query timeline` listed "Israel stresses that any action endangering Israel endangers
the Assad regime" on 2025-01-01: the statement is dated "recent months" in an article of
2025-04-10, a range whose first day is the event's `dg:date`. The precision was in the store
(`dg:datePrecision`) and in `events-table`, but not in the listings a reader looks at first. Every
query that lists events now gives it, as its last column (scripts reading columns by position
read what they did).
"""

from __future__ import annotations

import pytest

from diplograph import queries as Q
from diplograph.store import Store

LISTINGS = ["agreements", "events-at-place", "mediators", "meetings", "military-actions", "red-lines", "red-lines-at-place",
            "red-lines-over-time", "search", "statements", "threats", "timeline"]
PRECISIONS = {"day", "week", "month", "year", "range"}


@pytest.mark.parametrize("name", LISTINGS)
def test_every_listing_ends_with_the_precision_of_its_date(embedded: Store, name: str) -> None:
    res = Q.run(embedded, Q.get(name), {})
    assert res.vars[0] == "date" and res.vars[-1] == "precision"
    assert res.rows and {str(r[-1]) for r in res.rows} <= PRECISIONS


def test_a_range_is_said_to_be_one(embedded: Store) -> None:
    res = Q.run(embedded, Q.get("timeline"), {"actor": "ISR"})
    rows = {str(r[res.vars.index("event")]).rsplit("/", 1)[1]: (str(r[0]), str(r[-1])) for r in res.rows}
    assert rows["endanger-statement"] == ("2025-01-01", "range")
    assert rows["baku-talks"] == ("2025-04-09", "day")
