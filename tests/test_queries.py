"""Every canned query returns the rows we expect, the same on all three backends, and parameters cannot inject SPARQL."""

from __future__ import annotations

import collections
import json

import pytest
import yaml

from diplograph import queries as Q
from diplograph.errors import QueryError, UsageError
from diplograph.store import Store

from .conftest import ARTICLES, ROOT, command_in_fresh_process

NAMES = sorted(p.stem for p in (ROOT / "queries").glob("*.rq"))


def rows(store: Store, name: str, **params: str) -> list[dict[str, str]]:
    res = Q.run(store, Q.get(name), params)
    return [{v: ("" if t is None else str(t)) for v, t in zip(res.vars, r)} for r in res.rows]


def test_catalogue_matches_the_files() -> None:
    assert sorted(Q.catalogue()) == NAMES and len(NAMES) >= 14
    for q in Q.catalogue().values():
        assert q.summary and q.examples, q.name
        for p in q.params:
            assert p.default is not None or p.optional, f"{q.name}: {p.name} needs a default"


EVENT = "https://w3id.org/diplograph/id/article/"

# What each query must return with its defaults on the seed corpus (facts from the articles).
# how many events of each type the seed annotations have (the corpus grows; counts follow it)
SEED_TYPES = collections.Counter(e["type"] for p in (ROOT / "seeds").glob("*.yaml") if p.name != "registry.yaml"
                                 for e in yaml.safe_load(p.read_text(encoding="utf-8"))["events"])

EXPECT = {
    "meetings": lambda r: [x["place"] for x in r] == ["Baku", "Jerusalem", "Sharm el-Sheikh"]
                          and "Senior Turkish officials" in r[0]["others"] and r[1]["others"] == "Marco Rubio"
                          and r[2]["others"] == "Hamas",
    "timeline": lambda r: {"2025-04-09", "2025-06-13", "2025-06-24"} <= {x["date"] for x in r}
                          and {(x["date"], x["precision"]) for x in r if "endanger-statement" in x["event"]} == {("2025-01-01", "range")},
    "red-lines": lambda r: len(r) == 3 and any("Palmyra region" in x["places"] for x in r),
    "red-lines-at-place": lambda r: {x["concerned"] for x in r} >= {"Palmyra region", "Syria", "T-4 Airbase"},
    "red-lines-over-time": lambda r: [x["holderLabel"] for x in r] == ["Saudi Arabia", "Ukraine", "Ukraine", "Israel", "Israel",
                                                                     "Israel", "Hezbollah"],
    "statements": lambda r: {"Israel Katz", "Prime Minister's Office (Israel)", "Benjamin Netanyahu"} <= {x["speakerLabel"] for x in r},
    "met-network": lambda r: {(x["countryA"], x["countryB"], x["meetings"]) for x in r} >= {
        ("Israel", "Turkey", "1"), ("Iran", "United States", "2"), ("Russia", "United States", "4"),
        ("Russia", "Ukraine", "2"), ("Armenia", "Azerbaijan", "1"), ("Afghanistan", "Pakistan", "2")},
    "mediators": lambda r: {(x["kind"], x["mediatorLabel"]) for x in r} >= {
        ("offer", "Azerbaijan"), ("request", "Donald Trump"), ("offer", "Oman"), ("offer", "Tamim bin Hamad Al Thani")},
    "events-in-range": lambda r: {"2025-04-02", "2025-04-09", "2025-04-12", "2025-04-19"} <= {x["date"] for x in r}
                                 and all("2025-04-01" <= x["date"] <= "2025-04-30" for x in r if x["within"] == "yes")
                                 and {x["event"].rsplit("/", 1)[1] for x in r if x["within"] == "partly"} >= {"strikes-on-t4"},
    "events-at-place": lambda r: {x["event"].rsplit("/", 1)[1] for x in r} == {"baku-talks", "red-line-message", "palmyra-red-line", "continue-dialogue"},
    "evidence": lambda r: [(x["start"], x["end"]) for x in r] == [("371", "459"), ("510", "577")],
    "event-sources": lambda r: len(r) == 1 and r[0]["via"] == "evidence",
    "threats": lambda r: len(r) == SEED_TYPES["Threat"] and {(x["initiatorLabel"], x["targetLabel"]) for x in r} >= {
        ("Israel", "Syria"), ("Donald Trump", "Iran"), ("Israel Katz", "Ahmed al-Sharaa"), ("Qatar", "Israel"),
        ("Israel Katz", "Syria"), ("Volodymyr Zelensky", "Russia")},
    "events-per-month": lambda r: {"2025-02", "2025-03", "2025-04", "2025-05", "2025-06", "2025-08"} <= {x["month"] for x in r},
    "offices-at-date": lambda r: ("Mike Waltz", "National Security Advisor") in {(x["personLabel"], x["office"]) for x in r},
    "sourcing": lambda r: len(r) == ARTICLES and any(x["anonymousSource"] == "3" for x in r),
    "search": lambda r: {x["type"] for x in r} == {"RedLine", "Statement"},
    "agreements": lambda r: len(r) == SEED_TYPES["Agreement"] and any(x["content"] == "an immediate and unconditional ceasefire from midnight"
                                                 and x["parties"] == "Cambodia; Thailand" for x in r),
    "military-actions": lambda r: len({x["event"] for x in r}) == SEED_TYPES["MilitaryAction"]
                                  and {x["initiatorLabel"] for x in r} >= {"Israel", "Iran", "United States", "Ukraine"},
    "events-table": lambda r: len({x["event"] for x in r}) == len(r) >= 50 and all(x["quote"] for x in r),
}


def test_every_query_has_an_expectation() -> None:
    assert sorted(EXPECT) == NAMES


@pytest.mark.parametrize("name", NAMES)
def test_query_defaults_on_embedded_store(embedded: Store, name: str) -> None:
    result = rows(embedded, name)
    assert result and EXPECT[name](result), result[:5]


@pytest.mark.parametrize("name", NAMES)
def test_the_columns_the_catalogue_gives_are_the_answers(embedded: Store, name: str) -> None:
    """`diplograph queries --format json` tells scripts each query's columns without running it."""
    assert Q.get(name).columns == Q.run(embedded, Q.get(name)).vars


def test_parameters_change_the_answer(embedded: Store) -> None:
    assert [x["place"] for x in rows(embedded, "meetings", actor="United States")] == ["Washington, D.C.", "Riyadh", "Jeddah", "Riyadh", "Riyadh", "Muscat", "Rome", "Washington, D.C.", "Moscow", "Washington, D.C.", "Anchorage", "Jerusalem",
                                                                                          "Sharm el-Sheikh"]
    assert [x["office"] for x in rows(embedded, "offices-at-date", date="2025-06-01", actor="USA")] == ["President", "Secretary of State", "Special Envoy to the Middle East"]
    sources = rows(embedded, "event-sources", event="001_muscat_us_iran#muscat-talks")
    assert {(x["via"], x["article"].rsplit("/", 1)[1]) for x in sources} == {("evidence", "001_muscat_us_iran"), ("continued by", "002_rome_us_iran")}


def _normal(result: list[dict[str, str]]) -> list[tuple]:
    """GROUP_CONCAT order is engine-specific: compare its parts as sets."""
    def cell(v: str) -> str:
        for sep in ("; ", ", "):
            if sep in v:
                return sep.join(sorted(v.split(sep)))
        return v
    return sorted(tuple(sorted((k, cell(v)) for k, v in r.items())) for r in result)


@pytest.mark.remote
@pytest.mark.parametrize("name", NAMES)
def test_same_rows_on_all_three_backends(embedded: Store, memory: Store, remote: Store, name: str) -> None:
    want = _normal(rows(embedded, name))
    assert _normal(rows(memory, name)) == want
    assert _normal(rows(remote, name)) == want


HOSTILE = 'Israel" } ; DROP ALL ; #'


@pytest.mark.remote
def test_parameter_injection_is_a_harmless_literal(embedded: Store, memory: Store, remote: Store) -> None:
    for store in (embedded, memory, remote):
        before = store.count()
        assert rows(store, "search", text=HOSTILE) == []  # searched for, literally; nothing matches
        with pytest.raises(UsageError, match="unknown actor 'Israel\" } ; DROP ALL ; #'"):
            rows(store, "meetings", actor=HOSTILE)
        assert store.count() == before


def test_bound_text_is_escaped_by_rdflib() -> None:
    text = Q.bind("SELECT * WHERE { ?s ?p ?text }", {"text": Q.to_term(Q.Param("text", "string", None, False, ""), HOSTILE)})
    assert 'VALUES (?text) { ("Israel\\" } ; DROP ALL ; #") }' in text


@pytest.mark.parametrize("bad", ["SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }",
                                 "LOAD <file:///etc/passwd>", "DROP ALL"])
def test_service_and_updates_refused(embedded: Store, bad: str) -> None:
    with pytest.raises(QueryError):
        Q.run_text(embedded, bad)


def test_unknown_query_and_parameter_errors(embedded: Store) -> None:
    with pytest.raises(UsageError, match="^no canned query named 'nope'; `diplograph queries` lists them$"):
        Q.get("nope")
    with pytest.raises(UsageError, match="^no canned query named 'meeting'; did you mean `meetings`"):
        Q.get("meeting")
    with pytest.raises(UsageError, match="query 'meetings' has no parameter colour; it takes: actor"):
        Q.run(embedded, Q.get("meetings"), {"colour": "red"})
    with pytest.raises(UsageError, match="'April' is not a date; write YYYY-MM-DD"):
        Q.run(embedded, Q.get("events-in-range"), {"from": "April"})


@pytest.mark.parametrize("fmt", ["csv", "tsv", "json", "sparql-json"])
def test_output_formats(embedded: Store, fmt: str) -> None:
    import csv, io, json
    text = Q.render(Q.run(embedded, Q.get("threats")), fmt)
    if fmt == "csv":
        table = list(csv.DictReader(io.StringIO(text)))
        assert len(table) == SEED_TYPES["Threat"] and {r["targetLabel"] for r in table} >= {"Syria", "Iran", "Ahmed al-Sharaa"}
    elif fmt == "tsv":
        assert text.splitlines()[0].startswith("?date\t?initiatorLabel")
        assert '"2025-03-30"^^<http://www.w3.org/2001/XMLSchema#date>' in text
    elif fmt == "json":
        assert {r["initiatorLabel"] for r in json.loads(text)} >= {"Israel", "Donald Trump", "Israel Katz"}
    else:
        data = json.loads(text)
        assert data["head"]["vars"][0] == "date" and len(data["results"]["bindings"]) == SEED_TYPES["Threat"]


def test_listing_the_queries_imports_no_rdf_library() -> None:
    """`diplograph queries` reads 20 small files: importing rdflib (~0.2 s, more than the rest of
    the command) is for binding and running them."""
    lines = command_in_fresh_process(["queries", "--format", "json"],
                                     "sorted({m.split('.')[0] for m in sys.modules} & {'rdflib', 'pyoxigraph', 'pyshacl'})")
    assert lines[-1] == "[]"
    assert '"name": "meetings"' in "\n".join(lines)
    assert '"columns": [' in "\n".join(lines)


def _cli(*args: str) -> tuple[int, str, str]:
    from typer.testing import CliRunner

    from diplograph.cli import app

    res = CliRunner().invoke(app, list(args))
    return res.exit_code, res.stdout, res.stderr


def test_limit_cuts_every_format(embedded: Store) -> None:
    store = ("--store", embedded.location)
    _, everything, _ = _cli("query", "timeline", "--format", "csv", *store)
    lines = everything.splitlines()
    assert len(lines) > 4
    status, two, _ = _cli("query", "timeline", "--format", "csv", "--limit", "2", *store)
    assert status == 0 and two.splitlines() == lines[:3]  # header and the first two rows, in the query's order
    assert _cli("query", "timeline", "--format", "csv", "--limit", "0", *store)[1] == everything
    status, js, _ = _cli("query", "timeline", "--format", "json", "--limit", "1", *store)
    assert status == 0 and len(json.loads(js)) == 1


def test_a_table_shows_the_first_rows_and_says_so(embedded: Store, monkeypatch: pytest.MonkeyPatch) -> None:
    from diplograph import cli

    store = ("--store", embedded.location)
    total = len(Q.run(embedded, Q.get("timeline")).rows)
    monkeypatch.setattr(cli, "TABLE_ROWS", 3)  # the default cap, made small enough for the seed corpus
    status, table, note = _cli("query", "timeline", *store)
    assert status == 0 and note == f"3 of {total} row(s) shown: --limit 0 shows them all, --format csv writes them for a spreadsheet\n"
    status, table_all, note = _cli("query", "timeline", "--limit", "0", *store)
    assert status == 0 and note == f"{total} row(s)\n" and len(table_all.splitlines()) > len(table.splitlines())
    assert _cli("query", "timeline", "--limit", "2", *store)[2].startswith(f"2 of {total} row(s) shown")


def test_a_negative_limit_is_a_usage_error(embedded: Store) -> None:
    assert _cli("query", "timeline", "--limit", "-1", "--store", embedded.location)[::2] == (
        2, "error: --limit -1: give a number of rows, or 0 for all of them\n")


def test_query_file_through_the_command(embedded: Store, tmp_path) -> None:
    """`query --file`: a parameter is bound (not pasted), SERVICE refused, unreadable files said so."""
    from .conftest import run_cli

    own = tmp_path / "labels.rq"
    own.write_text("PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"
                   "SELECT ?x WHERE { ?x rdfs:label ?name } ORDER BY ?x", encoding="utf-8")
    store = str(embedded.root)
    done = run_cli("query", "--file", str(own), "--param", "name=Baku", "--store", store, "--format", "csv")
    assert (done.returncode, done.stdout) == (0, "x\nhttps://w3id.org/diplograph/id/place/baku\n"), done.stderr
    service = tmp_path / "service.rq"
    service.write_text("SELECT * WHERE { SERVICE <http://example.org/sparql> { ?s ?p ?o } }", encoding="utf-8")
    latin1 = tmp_path / "latin1.rq"
    latin1.write_bytes("SELECT * WHERE { ?s ?p \"Dolmabah\xe7e\" }".encode("latin-1"))
    for path, message in ((tmp_path / "missing.rq", "No such file or directory"),
                          (latin1, "it is not UTF-8 text; save it as UTF-8")):
        done = run_cli("query", "--file", str(path), "--store", store)
        assert (done.returncode, done.stderr) == (2, f"error: cannot read {path}: {message}\n")
    done = run_cli("query", "--file", str(service), "--store", store)
    assert (done.returncode, done.stderr) == (2, "error: SERVICE makes the store fetch data from the network and is "
                                                 "refused by default; pass --allow-service if you mean it\n")
