"""`diplograph validate draft.trig` (the TriG that `draft --format trig` writes) said
`draft.trig:1:1: error: YAML syntax error: found character that cannot start any token`: any file
named was read as YAML, whatever it was. A file that is not an annotation (.yaml, .yml, .ttl,
.jsonld: what a folder is searched for) now says so, and how to write one in RDF.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from ..conftest import run_cli


@pytest.mark.parametrize("suffix", [".trig", ".nt", ".json"])
def test_an_rdf_or_json_file_named_as_an_annotation(corpus: Path, tmp_path: Path, suffix: str) -> None:
    article = corpus / "002_rome_us_iran.txt"
    out = corpus / f"rome{suffix}"
    if suffix == ".trig":
        assert run_cli("draft", str(article), "--format", "trig", "-o", str(out)).returncode == 0
    else:
        out.write_text("{}\n")
    message = (f"{out}: error: not an annotation file: annotations are YAML (.yaml, .yml), Turtle (.ttl) or "
               "JSON-LD (.jsonld); to annotate in RDF, write the article's events as Turtle (rome.ttl) or JSON-LD "
               "(rome.jsonld) beside its text")
    done = run_cli("validate", str(out))
    assert done.returncode == 2 and message in done.stderr.splitlines()
    done = run_cli("build", str(out), "--store", str(tmp_path / "store"))
    assert done.returncode == 2 and message in done.stderr.splitlines()
    assert run_cli("validate", str(corpus)).returncode == 0  # in a folder it is not an annotation, and not looked at


def test_other_files_and_other_spellings(corpus: Path) -> None:
    notes = corpus / "notes.md"
    notes.write_text("# notes\n")
    done = run_cli("validate", str(notes))
    assert done.returncode == 2 and done.stderr.splitlines()[0] == (
        f"{notes}: error: not an annotation file: annotations are YAML (.yaml, .yml), Turtle (.ttl) or JSON-LD (.jsonld)")
    shutil.copy(corpus / "002_rome_us_iran.yaml", corpus / "rome.YAML")  # a folder would not find it either
    assert run_cli("validate", str(corpus / "rome.YAML")).returncode == 2
