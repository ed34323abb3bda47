"""`query --file` refused `SELECT ?move …` and `?s ex:load ?o` as updates (any word LOAD, MOVE,
ADD… outside strings counted, variables and prefixed names too; `?service` was refused as SERVICE),
and a syntax error named neither the file nor a position in it (the engine's position was in the
text after the parameters were bound, a line off).

An update is now recognised by its first keyword (after PREFIX/BASE), SERVICE as a keyword only;
a syntax error is given as FILE:LINE:COL of the user's file, with a hint when a prefix is used
but not declared (Oxigraph says only "expected OPTIONAL").
"""

from __future__ import annotations

from pathlib import Path

import pyoxigraph as ox
import pytest

from diplograph.store import Store

from ..conftest import run_cli

LABEL = "PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"


@pytest.mark.parametrize("text", [
    LABEL + "SELECT ?move WHERE { ?move rdfs:label ?name } ORDER BY ?move",
    LABEL + "PREFIX ex: <urn:ex:>\nSELECT ?move WHERE { ?move rdfs:label ?name OPTIONAL { ?move ex:load ?add } } ORDER BY ?move",
    LABEL + "SELECT ?move WHERE { ?move rdfs:label ?name . BIND('DROP ALL' AS ?service) } ORDER BY ?move",
], ids=["variable", "prefixed-name", "string-and-service-variable"])
def test_words_that_are_also_keywords_are_not_refused(embedded: Store, tmp_path: Path, text: str) -> None:
    own = tmp_path / "own.rq"
    own.write_text(text, encoding="utf-8")
    done = run_cli("query", "--file", str(own), "--param", "name=Baku", "--store", str(embedded.root), "--format", "csv")
    assert (done.returncode, done.stdout) == (0, "move\nhttps://w3id.org/diplograph/id/place/baku\n"), done.stderr


@pytest.mark.parametrize("text", ["PREFIX ex: <urn:ex:>\nDELETE WHERE { ?s ex:p ?o }", "load <http://example.org/x>",
                                  "WITH <urn:g> INSERT { ?s ?p 1 } WHERE { ?s ?p ?o }"])
def test_updates_are_still_refused(embedded: Store, tmp_path: Path, text: str) -> None:
    own = tmp_path / "update.rq"
    own.write_text(text, encoding="utf-8")
    done = run_cli("query", "--file", str(own), "--store", str(embedded.root))
    assert (done.returncode, done.stderr) == (2, "error: updates (LOAD, INSERT, DELETE, DROP...) are not allowed in "
                                                 "queries; the store is changed only by `diplograph build`\n")


def test_a_syntax_error_is_placed_in_the_file(embedded: Store, tmp_path: Path) -> None:
    bad = tmp_path / "bad.rq"
    bad.write_text("SELECT ?x\nWHERE {\n  ?x ?p\n}\n", encoding="utf-8")
    alone = run_cli("query", "--file", str(bad), "--store", str(embedded.root))
    bound = run_cli("query", "--file", str(bad), "--param", "p=x", "--store", str(embedded.root))
    assert alone.returncode == bound.returncode == 2
    with pytest.raises(SyntaxError) as engine:  # where Oxigraph itself places it in the file's text
        ox.Store().query(bad.read_text(encoding="utf-8"))
    where, problem = str(engine.value).removeprefix("error at ").split(": ", 1)
    assert alone.stderr == f"error: {bad}:{where}: SPARQL syntax error: {problem}\n"
    assert bound.stderr == alone.stderr  # the VALUES block bound after `{` moves nothing in the message


def test_an_undeclared_prefix_is_named(embedded: Store, tmp_path: Path) -> None:
    bad = tmp_path / "prefix.rq"
    bad.write_text("SELECT ?x WHERE { ?x ex:p ?o }", encoding="utf-8")
    done = run_cli("query", "--file", str(bad), "--store", str(embedded.root))
    assert done.returncode == 2
    assert done.stderr.startswith(f"error: {bad}:1:")
    assert done.stderr.endswith(" (is the prefix `ex:` declared? `PREFIX ex: <…>` before the query)\n")
