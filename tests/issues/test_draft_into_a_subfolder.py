"""`draft FOLDER -o FOLDER/drafts` worked once; run again (after new articles came, or new rules), it
found the copies of the texts it had put beside the drafts and stopped: "… are both article X".
The output folder's own files are no longer taken for articles of FOLDER.
"""

from __future__ import annotations

from pathlib import Path

from ..conftest import ARTICLES, run_cli


def test_drafting_into_a_subfolder_twice(corpus: Path) -> None:
    out = corpus / "drafts"
    first = run_cli("draft", str(corpus), "-o", str(out))
    assert first.returncode == 0, first.stderr
    (corpus / "001_muscat_us_iran.txt").rename(corpus / "011_muscat_again.txt")  # the corpus changed meanwhile
    again = run_cli("draft", str(corpus), "-o", str(out))
    assert again.returncode == 0, again.stderr
    said = again.stderr.splitlines()[-1]
    assert said == first.stderr.splitlines()[-1]  # the same articles, one renamed: not also the drafts' copies
    assert said.startswith(f"wrote {ARTICLES} draft(s) to {out}; ") and said.endswith(" sentence(s) not drafted, "
                                                                                   "listed at the end of their draft")
    assert (out / "011_muscat_again.yaml").is_file()
    assert not (out / "drafts").exists()


def test_eval_draft_of_nothing_is_an_error(tmp_path: Path, corpus: Path) -> None:
    """`eval-draft` of a folder with no annotated article printed precision and recall 1.00 (of
    nothing), exit 0; of an article file the same. Both are now usage errors."""
    (tmp_path / "empty").mkdir()
    for target, message in ((tmp_path / "empty", f"no article in {tmp_path / 'empty'} has its annotation beside it "
                                                 "(ID.txt and ID.yaml): nothing to score"),
                            (corpus / "001_muscat_us_iran.txt", f"{corpus / '001_muscat_us_iran.txt'} is not a folder: "
                             "give a folder of articles with their annotations (such as seeds)")):
        result = run_cli("eval-draft", str(target), "--registry", str(corpus / "registry.yaml"))
        assert (result.returncode, result.stdout, result.stderr) == (2, "", f"error: {message}\n")
