"""`build --format json` printed nothing on standard output when the build failed, and an unknown
`--format` was taken for the default by `build`, `queries` and `eval-draft` (a typo printed a table),
and refused by `validate` only after the whole corpus had been checked.

A failed build with `--format json` now prints what `validate --format json` would (the findings) with
`"written": false`, and the same exit code; every command refuses an unknown format before any work.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from ..conftest import ARTICLES, ROOT, SEEDS, run_cli


@pytest.mark.parametrize(("args", "known"), [
    (["build", "--format", "xml"], "text or json"),
    (["validate", "seeds", "--format", "xml"], "text, json or turtle"),
    (["queries", "--format", "xml"], "table or json"),
    (["eval-draft", "seeds", "--format", "xml"], "table or json"),
    (["draft", "--text", "Israel and Turkey met in Baku.", "--format", "xml"], "yaml or trig"),
], ids=lambda a: a[0] if isinstance(a, list) else "")
def test_an_unknown_format_is_refused_before_any_work(tmp_path: Path, args: list[str], known: str) -> None:
    shutil.copytree(SEEDS, tmp_path / "seeds")
    result = run_cli(*args, cwd=tmp_path)
    assert (result.returncode, result.stdout, result.stderr) == (2, "", f"error: unknown format 'xml'; use {known}\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["seeds"]  # no store begun


def test_a_failed_build_reports_its_findings_as_json(tmp_path: Path) -> None:
    corpus = tmp_path / "seeds"
    shutil.copytree(SEEDS, corpus)
    shutil.copy(ROOT / "docs" / "examples" / "broken.yaml", corpus / "broken.yaml")
    shutil.copy(corpus / "001_muscat_us_iran.txt", corpus / "broken.txt")
    result = run_cli("build", "--format", "json", "--store", str(tmp_path / "store"), cwd=tmp_path)
    assert result.returncode == 1
    report = json.loads(result.stdout)
    assert (report["store"], report["written"]) == (str(tmp_path / "store"), False)
    assert {"path": "seeds/broken.yaml", "line": 16, "col": 13, "severity": "error",
            "message": "unknown actor `ISRAEL`: not in the registry nor under `actors:`; did you mean `ISR`?",
            "property": None, "focus": None, "shape": None} in report["results"]
    errors = sum(r["severity"] == "error" for r in report["results"])
    assert result.stderr.splitlines()[-1] == f"{errors} violation(s); nothing was written to the store"
    assert not (tmp_path / "store").exists() or not any((tmp_path / "store").glob("gen-*"))

    (corpus / "broken.txt").unlink()  # a file that cannot be read: exit 2, the same report
    result = run_cli("build", "--format", "json", "--store", str(tmp_path / "store"), cwd=tmp_path)
    assert result.returncode == 2
    assert [r for r in json.loads(result.stdout)["results"] if r["severity"] == "error"] == [
        {"path": "seeds/broken.yaml", "line": 2, "col": 1, "severity": "error",
         "message": "the article text broken.txt is missing: put it beside the annotation",
         "property": None, "focus": None, "shape": None}]


def test_a_build_reports_its_warnings_as_json(tmp_path: Path) -> None:
    corpus = tmp_path / "seeds"
    shutil.copytree(SEEDS, corpus)
    text = (corpus / "registry.yaml").read_text(encoding="utf-8")
    (corpus / "registry.yaml").write_text(text.replace(", wikidata: Q801", "", 1), encoding="utf-8")
    result = run_cli("build", "--format", "json", "--store", str(tmp_path / "store"), cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    report = json.loads(result.stdout)
    warnings = [r for r in report["results"] if r["severity"] == "warning"]
    assert (report["written"], len(report["added"]), report["warnings"]) == (True, ARTICLES, len(warnings))
    assert {"path": "seeds/registry.yaml", "line": 7, "col": 3, "severity": "warning",
            "message": "Link the country to Wikidata so other datasets can join it: `wikidata: Q…` (Israel is Q801).",
            "property": "wikidata", "focus": "https://w3id.org/diplograph/id/actor/ISR",
            "shape": "https://w3id.org/diplograph/shapes#CountryShape"} in warnings


def test_a_parameter_given_twice_is_refused(embedded) -> None:  # type: ignore[no-untyped-def]
    """`--param actor=ISR --param actor=USA` answered for USA alone, saying nothing of ISR."""
    result = run_cli("query", "meetings", "--param", "actor=ISR", "--param", "actor=USA", "--store", str(embedded.root))
    assert (result.returncode, result.stdout, result.stderr) == (
        2, "", "error: --param actor is given twice ('ISR' and 'USA'); a parameter takes one value\n")
