"""`draft FOLDER -o FOLDER/drafts` worked once; run again (after new articles came, or new rules), it
found the copies of the texts it had put beside the drafts and stopped: "… are both article X".
The output folder's own files are no longer taken for articles of FOLDER.
"""

from __future__ import annotations

from pathlib import Path

from ..conftest import run_cli


def test_drafting_into_a_subfolder_twice(corpus: Path) -> None:
    out = corpus / "drafts"
    first = run_cli("draft", str(corpus), "-o", str(out))
    assert first.returncode == 0, first.stderr
    (corpus / "001_muscat_us_iran.txt").rename(corpus / "011_muscat_again.txt")  # the corpus changed meanwhile
    again = run_cli("draft", str(corpus), "-o", str(out))
    assert again.returncode == 0, again.stderr
    assert again.stderr.splitlines()[-1] == f"wrote 10 draft(s) to {out}"
    assert (out / "011_muscat_again.yaml").is_file()
    assert not (out / "drafts").exists()
