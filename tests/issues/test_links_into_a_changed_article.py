"""Renaming an event that another, unchanged article links to (`continues: 001_muscat_us_iran#muscat-talks`
in 002, then `id: muscat-round-1` in 001) was built without a word: 002 is not checked again (its annotation
did not change), and its link led nowhere. A build now looks in the store for links from the articles it
does not check into the events of those it replaces: one it would break is an error at the link's line
(nothing is written), and a link into an article `--prune` removes is a warning. `validate --store` says so too.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

from tests.conftest import run_cli

MUSCAT, ROME = "001_muscat_us_iran", "002_rome_us_iran"


def _rename(corpus: Path) -> Path:
    ann = corpus / f"{MUSCAT}.yaml"
    ann.write_text(ann.read_text().replace("- id: muscat-talks", "- id: muscat-talk", 1))
    return ann


def _built(tmp_path: Path, corpus: Path) -> tuple[str, bytes]:
    store = str(tmp_path / "store")
    assert run_cli("build", str(corpus), "--store", store).returncode == 0
    return store, run_cli("export", "--format", "nquads", "--store", store).stdout.encode()


def test_a_renamed_event_that_an_unchanged_article_names_is_an_error_at_the_link(tmp_path: Path, corpus: Path) -> None:
    store, before = _built(tmp_path, corpus)
    ann = _rename(corpus)
    error = (f"{corpus / ROME}.yaml:15:16: error: unknown event `{MUSCAT}#muscat-talks`: article {MUSCAT} has no event "
             f"`muscat-talks` now that {ann} has changed; did you mean `{MUSCAT}#muscat-talk`?")
    for paths in ([str(corpus)], [str(ann)]):  # the folder, or the changed file alone
        done = run_cli("build", *paths, "--store", store)
        assert done.returncode == 1 and error in done.stderr.splitlines(), done.stderr
        assert "nothing was written to the store" in done.stderr
    assert run_cli("export", "--format", "nquads", "--store", store).stdout.encode() == before
    done = run_cli("validate", str(ann), "--store", store)
    assert done.returncode == 1 and error in done.stdout.splitlines()
    assert run_cli("validate", str(ann)).returncode == 0  # without a store, nothing links to it
    rome = corpus / f"{ROME}.yaml"  # the link changed with it: both checked, the build goes through
    rome.write_text(rome.read_text().replace(f"{MUSCAT}#muscat-talks", f"{MUSCAT}#muscat-talk"))
    done = run_cli("build", str(corpus), "--store", store, "--format", "json")
    assert done.returncode == 0 and json.loads(done.stdout)["updated"] == [MUSCAT, ROME]


def test_the_changed_file_alone_elsewhere_is_told_which_article_names_the_event(tmp_path: Path, corpus: Path) -> None:
    store, _ = _built(tmp_path, corpus)
    elsewhere = tmp_path / "elsewhere"
    elsewhere.mkdir()
    for f in (f"{MUSCAT}.yaml", f"{MUSCAT}.txt", "registry.yaml"):
        shutil.copy(corpus / f, elsewhere / f)
    ann = _rename(elsewhere)
    done = run_cli("build", str(ann), "--store", store)
    assert done.returncode == 1
    assert (f"{ann}: error: article {ROME} in the store names event `{MUSCAT}#muscat-talks`, which this file no longer "
            f"has: keep the event's id, or build {ROME}'s annotation in the same build, its link changed (to "
            f"`{MUSCAT}#muscat-talk`?)") in done.stderr.splitlines()


def test_an_event_kept_or_added_is_no_finding(tmp_path: Path, corpus: Path) -> None:
    store, _ = _built(tmp_path, corpus)
    ann = corpus / f"{MUSCAT}.yaml"
    ann.write_text(ann.read_text().replace("label: First round of US-Iran", "label: The first round of US-Iran", 1))
    done = run_cli("build", str(corpus), "--store", store, "--format", "json")
    assert done.returncode == 0 and json.loads(done.stdout)["updated"] == [MUSCAT]


def test_pruning_an_article_others_link_to_is_a_warning_at_the_links(tmp_path: Path, corpus: Path) -> None:
    store, _ = _built(tmp_path, corpus)
    for f in corpus.glob(f"{MUSCAT}.*"):
        f.unlink()
    done = run_cli("build", str(corpus), "--store", store, "--prune", "--format", "json")
    assert done.returncode == 0, done.stderr
    out = json.loads(done.stdout)
    assert out["removed"] == [MUSCAT]
    assert [(r["line"], r["severity"], r["message"]) for r in out["results"] if r["path"].endswith(f"{ROME}.yaml")] == [
        (line, "warning", f"`{MUSCAT}#{event}` names article `{MUSCAT}`, which this build removes (--prune): the link "
         "leads nowhere until that article is built again") for line, event in ((15, "muscat-talks"), (26, "oman-mediates"))]
    # and the line that says how to list them does
    listed = run_cli("validate", str(corpus), "--store", store)
    assert f"`{MUSCAT}#muscat-talks` names article `{MUSCAT}`, which is neither among the files checked nor in the store" in listed.stdout
