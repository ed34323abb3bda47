"""`agreements` listed the parties of the Istanbul agreement as "Ukraine; Russia", `events-table` the
actors of the Muscat talks as "Oman; US delegation…; Iranian delegation…", `timeline` the roles as
"requester, party": in the order of Oxigraph's internal ids (what GROUP_CONCAT leaves to the
engine), which another engine (a remote Fuseki or GraphDB) orders otherwise, so two answers to one
question did not compare equal. The items of every joined cell now come in alphabetical order, on
every backend and in `export --format csv` (whole store or `--graph`).
"""

from __future__ import annotations

import csv
import io

import pytest

from diplograph import queries as Q
from diplograph.export import export
from diplograph.store import Store

JOINED = sorted(name for name, q in Q.catalogue().items() if q.lists)


def _in_order(cell: str, sep: str) -> bool:
    items = cell.split(sep)
    return items == sorted(items, key=lambda x: (x.casefold(), x))


def test_the_queries_that_join_cells() -> None:
    assert JOINED == ["agreements", "events-table", "mediators", "meetings", "red-lines", "timeline"]
    assert Q.get("timeline").lists == {"roles": ", "}


@pytest.mark.parametrize("name", JOINED)
def test_every_joined_cell_is_in_order(embedded: Store, memory: Store, name: str) -> None:
    q = Q.get(name)
    answers = []
    for store in (embedded, memory):
        res = Q.run(store, q)
        for col, sep in q.lists.items():
            i = res.vars.index(col)
            assert all(_in_order(str(r[i]), sep) for r in res.rows if r[i] is not None)
        answers.append(sorted(tuple(map(str, r)) for r in res.rows))
    assert answers[0] == answers[1]


def test_the_cells_seen_out_of_order(embedded: Store) -> None:
    rows = Q.run(embedded, Q.get("agreements")).rows
    assert any(str(r[4]) == "Russia; Ukraine" for r in rows)
    events = {r["event"].rsplit("/", 1)[1]: r for r in csv.DictReader(io.StringIO(export(embedded, "csv").decode()))}
    assert events["muscat-talks"]["actors"] == "Iranian delegation to the Muscat talks; Oman; US delegation to the Muscat talks"
    one = {r["event"].rsplit("/", 1)[1]: r for r in csv.DictReader(io.StringIO(
        export(embedded, "csv", article="001_muscat_us_iran").decode()))}
    assert one["muscat-talks"]["actors"] == events["muscat-talks"]["actors"]
