"""An article whose header was written without its --- lines got four findings ("Say where the text
comes from", "The article needs a `title:`", "… its publication date", "Name the outlet"), all at line 1,
although every header line was there: they were read as the article's text. It is now one error that
says what is missing.
"""

from __future__ import annotations

from pathlib import Path

from ..conftest import run_cli


def test_a_header_without_its_dashes(corpus: Path) -> None:
    text = corpus / "001_muscat_us_iran.txt"
    lines = text.read_text(encoding="utf-8").split("\n")
    end = lines.index("---", 1)
    text.write_text("\n".join(lines[1:end] + lines[end + 1:]), encoding="utf-8")  # both --- lines removed
    result = run_cli("validate", "seeds/001_muscat_us_iran.yaml", cwd=corpus.parent)
    assert result.returncode == 2
    assert result.stdout.splitlines()[0] == (
        f"seeds/001_muscat_us_iran.txt:1:1: error: the header lines must stand between two --- lines: put --- before "
        f"{lines[1].strip()[:40]!r} and another after the last header line")
