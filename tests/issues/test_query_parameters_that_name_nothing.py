"""A query parameter that named nothing in the store gave an empty answer, as if there were nothing
to find: a typo in an event id (`--param event=001_muscat_us_iran#muscat-talk`), an IRI, an article
id. An unknown actor or place, or an article to export, said so with no hint of the right one, although `validate` gives
one for the same typo. Now each is an error (exit 2) with the nearest name the store has; an actor
or place may also be named by the Wikidata item it matches (its IRI or QID).
"""

from __future__ import annotations

import pytest

from diplograph import queries as Q
from diplograph.errors import UsageError
from diplograph.store import Store
from tests.conftest import run_cli

MEETING = "https://w3id.org/diplograph/id/article/000_1ffc3385377c4747/event/baku-talks"


@pytest.mark.parametrize(("query", "param", "message"), [
    ("evidence", "event=001_muscat_us_iran#muscat-talk",
     "unknown event '001_muscat_us_iran#muscat-talk': article 001_muscat_us_iran has no event 'muscat-talk'; "
     "did you mean `muscat-talks`?"),
    ("evidence", "event=001_muscat_us_iran#nothing-like-it",
     "unknown event '001_muscat_us_iran#nothing-like-it': article 001_muscat_us_iran has no event 'nothing-like-it' "
     "(its events: araghchi-tv, meet-again, muscat-talks, oman-mediates, trump-bombing-threat, trump-bombing-warning, white-house-statement)"),
    ("evidence", "event=001_muscat#muscat-talks",
     "unknown event '001_muscat#muscat-talks': the store has no article '001_muscat'; did you mean `001_muscat_us_iran`?"),
    ("event-sources", "event=https://example.org/event/1", "unknown event <https://example.org/event/1>: it is not in the store"),
    ("meetings", "actor=Isreal",
     "unknown actor 'Isreal': give a registry id, an IRI or a label that is in the store; did you mean `ISR` (Israel)?"),
    ("meetings", "actor=Israell",  # (Israël names ISR: test_names_typed_without_accents.py)
     "unknown actor 'Israell': give a registry id, an IRI or a label that is in the store; did you mean `ISR` (Israel)?"),
    ("meetings", "actor=TURR",
     "unknown actor 'TURR': give a registry id, an IRI or a label that is in the store; did you mean `TUR`?"),
    ("meetings", "actor=https://example.org/actor/ISR",
     "unknown actor 'https://example.org/actor/ISR': give a registry id, an IRI or a label that is in the store"),
    ("events-at-place", "place=bakku",
     "unknown place 'bakku': give a registry id, an IRI or a label that is in the store; did you mean `baku`?"),
])
def test_a_value_that_names_nothing_is_an_error_with_the_nearest_name(embedded: Store, query: str, param: str,
                                                                      message: str) -> None:
    key, _, value = param.partition("=")
    with pytest.raises(UsageError) as caught:
        Q.run(embedded, Q.get(query), {key: value})
    assert str(caught.value) == message


def test_the_command_says_it_and_exits_2(embedded: Store) -> None:
    done = run_cli("query", "evidence", "--param", "event=001_muscat_us_iran#muscat-talk", "--store", str(embedded.root))
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == ("error: unknown event '001_muscat_us_iran#muscat-talk': article 001_muscat_us_iran has no "
                           "event 'muscat-talk'; did you mean `muscat-talks`?\n")


@pytest.mark.parametrize("actor", ["ISR", "Israel", "israel", "https://w3id.org/diplograph/id/actor/ISR",
                                   "http://www.wikidata.org/entity/Q801", "Q801"])
def test_every_way_of_naming_an_actor_finds_it(embedded: Store, actor: str) -> None:
    rows = Q.run(embedded, Q.get("meetings"), {"actor": actor}).rows
    assert MEETING in {str(r[1]) for r in rows}


def test_a_place_by_its_wikidata_item(embedded: Store) -> None:
    rows = Q.run(embedded, Q.get("events-at-place"), {"place": "Q9248"}).rows  # Baku
    assert MEETING in {str(r[2]) for r in rows}


def test_a_known_event_by_id_and_by_iri(embedded: Store) -> None:
    by_id = Q.run(embedded, Q.get("evidence"), {"event": "000_1ffc3385377c4747#baku-talks"}).rows
    assert by_id and by_id == Q.run(embedded, Q.get("evidence"), {"event": MEETING}).rows


@pytest.mark.parametrize("fmt", ["turtle", "csv"])
def test_export_of_an_article_the_store_lacks_names_the_nearest(embedded: Store, fmt: str) -> None:
    from diplograph.export import export

    with pytest.raises(UsageError) as caught:
        export(embedded, fmt, article="001_muscat_us_ira")
    assert str(caught.value) == "the store has no article '001_muscat_us_ira'; did you mean `001_muscat_us_iran`?"


@pytest.mark.parametrize(("values", "message"), [
    ({"from": "2025-04-30", "to": "2025-04-01"}, "--param from=2025-04-30 is after to=2025-04-01: no day is in that range"),
    ({"from": "2025-05-30"}, "--param from=2025-05-30 is after to=2025-04-30 (its default): no day is in that range"),
])
def test_a_range_that_ends_before_it_starts(embedded: Store, values: dict[str, str], message: str) -> None:
    """It answered nothing, as if nothing had happened in it."""
    with pytest.raises(UsageError) as caught:
        Q.run(embedded, Q.get("events-in-range"), values)
    assert str(caught.value) == message
    assert Q.run(embedded, Q.get("events-in-range"), {"from": "2025-04-09", "to": "2025-04-09"}).rows  # one day is a range
