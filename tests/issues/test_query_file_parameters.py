"""`query --file mine.rq --param actor=TUR`, for a copy of a canned query with its `# param: actor (actor, …)`
header, bound the text "TUR" as a string literal: an empty answer, exit 0, where `query meetings` finds
the actor. And `--param foo=1` for a query with no ?foo was silently ignored. A file's declared parameters
are now typed, looked up and defaulted as the canned queries' are; undeclared ones must be variables of it.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph import queries as Q
from diplograph.errors import QueryError, UsageError
from diplograph.store import Store

from ..conftest import SEEDS, run_cli

MINE = """# summary: Events an actor takes part in through a delegation.
# param: actor (actor, default ISR) the actor
PREFIX dg: <https://w3id.org/diplograph/ontology#>
SELECT DISTINCT ?e WHERE { ?e dg:participant/dg:represents ?actor }
ORDER BY ?e
"""


def _ids(rows: list) -> list[str]:
    return [str(r[0]).rsplit("/", 1)[-1] for r in rows]


def test_a_copy_of_a_canned_query_answers_as_it_does(embedded: Store, tmp_path: Path) -> None:
    mine = tmp_path / "meetings.rq"
    mine.write_text(Q.get("meetings").text)
    for actor in ("USA", "United States", "Q30"):
        assert Q.run_text(embedded, mine.read_text(), {"actor": actor}, source=str(mine)).rows == \
            Q.run(embedded, Q.get("meetings"), {"actor": actor}).rows
    assert Q.run_text(embedded, mine.read_text(), {}, source=str(mine)).rows == Q.run(embedded, Q.get("meetings")).rows


def test_declared_parameters_are_looked_up_checked_and_defaulted(embedded: Store, tmp_path: Path) -> None:
    assert _ids(Q.run_text(embedded, MINE, {"actor": "Turkey"}).rows) == ["baku-talks"]
    assert _ids(Q.run_text(embedded, MINE, {}).rows) == ["baku-talks"]  # the default, ISR
    with pytest.raises(UsageError) as err:
        Q.run_text(embedded, MINE, {"actor": "Isreal"}, source="mine.rq")
    assert str(err.value) == ("unknown actor 'Isreal': give a registry id, an IRI or a label that is in the store; "
                              "did you mean `ISR` (Israel)?")
    with pytest.raises(UsageError) as err:
        Q.run_text(embedded, MINE, {"actr": "TUR"}, source="mine.rq")
    assert str(err.value) == "mine.rq has no parameter actr; it takes: actor"
    with pytest.raises(QueryError) as bad:
        Q.run_text(embedded, MINE.replace("(actor, default ISR)", "(country, default ISR)"), {}, source="mine.rq")
    assert str(bad.value).startswith("mine.rq: cannot read parameter line '# param: actor (country, default ISR) the actor'")


def test_undeclared_parameters_must_be_variables_of_the_query(embedded: Store) -> None:
    plain = "SELECT ?e WHERE { ?e a ?type }"
    meetings = sum(p.read_text(encoding="utf-8").count("    type: Meeting\n") for p in SEEDS.glob("0*.yaml"))
    assert len(Q.run_text(embedded, plain, {"type": "https://w3id.org/diplograph/ontology#Meeting"}).rows) == meetings > 10
    with pytest.raises(UsageError) as err:
        Q.run_text(embedded, plain, {"typ": "x"}, source="q.rq")
    assert str(err.value) == "--param typ: q.rq has no variable ?typ; its variables: e, type"


def test_the_command(embedded: Store, tmp_path: Path) -> None:
    mine = tmp_path / "mine.rq"
    mine.write_text(MINE)
    done = run_cli("query", "--file", str(mine), "--param", "actor=TUR", "--store", embedded.location, "--format", "csv")
    assert done.returncode == 0 and done.stdout.splitlines()[1].endswith("/event/baku-talks")
    done = run_cli("query", "--file", str(mine), "--param", "actor=Nowhereland", "--store", embedded.location)
    assert done.returncode == 2 and done.stderr.startswith("error: unknown actor 'Nowhereland'")
