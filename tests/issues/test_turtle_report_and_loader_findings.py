"""`validate --format turtle` printed only the SHACL report graph: what no shape finds (a YAML syntax
error, an unknown actor or place id, with its "did you mean") was printed nowhere. An unreadable file
gave exit 2 and no output at all; an unknown place gave exit 1 and a report saying only that a meeting
needs a place. Those findings now go to standard error, one line each, and the report stays the
standard SHACL graph on standard output."""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph
from rdflib.namespace import SH

from ..conftest import run_cli


def test_a_file_that_cannot_be_read_is_named(tmp_path: Path, corpus: Path) -> None:
    bad = corpus / "bad.yaml"
    bad.write_text("events: [\n")
    done = run_cli("validate", str(bad), "--format", "turtle")
    assert (done.returncode, done.stdout) == (2, "")
    assert done.stderr == f"{bad}:2:1: error: YAML syntax error: did not find expected node content\n"


def test_unknown_ids_are_named_beside_the_report(corpus: Path) -> None:
    reg = corpus / "registry.yaml"
    reg.write_text(reg.read_text(encoding="utf-8").replace("  muscat: {label: Muscat", "  mascat: {label: Muscat"),
                   encoding="utf-8")
    ann = corpus / "001_muscat_us_iran.yaml"
    done = run_cli("validate", str(ann), "--format", "turtle")
    assert done.returncode == 1
    report = Graph().parse(data=done.stdout, format="turtle")
    assert len(list(report.subjects(SH.resultSeverity, SH.Violation))) == 1  # a meeting needs a place
    hint = "add it under `places:` in the registry, or write `unknown`; did you mean `mascat`?"
    assert done.stderr.splitlines() == [f"{ann}:{line}:12: error: unknown place `muscat`: {hint}" for line in (10, 24, 34)]
