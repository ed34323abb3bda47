"""An unknown actor was reported twice at the same place: "unknown actor `ISRAEL` … did you mean `ISR`?"
and, from the shapes, "A red line needs a holder"; a relative date in an article with no publication
date likewise gave "'Wednesday' is relative …" and "The event needs exactly one date". The value the
mapper could not use is the one problem; a shape's finding at the same place is no longer shown.
"""

from __future__ import annotations

from pathlib import Path

from ..conftest import run_cli

TEXT = "---\ntitle: Talks\noutlet: jpost\norigin: diplograph\n---\nIsrael and Turkey met in Baku on Wednesday.\n"
ANNOTATION = """events:
  - id: m1
    type: Meeting
    label: Baku talks
    date: Wednesday
    place: baku
    participants: [ISR, TUR]
    certainty: stated
    evidence:
      - Israel and Turkey met in Baku on Wednesday.
"""


def test_a_relative_date_without_a_publication_date_is_one_error(tmp_path: Path, corpus: Path) -> None:
    (corpus / "talks.txt").write_text(TEXT, encoding="utf-8")
    (corpus / "talks.yaml").write_text(ANNOTATION, encoding="utf-8")
    result = run_cli("validate", "seeds/talks.yaml", cwd=corpus.parent)
    assert result.returncode == 1
    assert [line for line in result.stdout.splitlines() if line.startswith("seeds/talks.")] == [
        "seeds/talks.txt:1:1: error: The article needs its publication date: `published: YYYY-MM-DD` in its header "
        "block. [issued]",
        "seeds/talks.yaml:5:11: error: 'Wednesday' is relative to the publication date, but the article has no "
        "`published:` date [date]",
    ]


def test_an_unknown_actor_in_a_list_leaves_the_list_short(corpus: Path) -> None:
    """In a list the unknown id is said at its item; the meeting then has one participant, a finding
    of its own (at the list), and both are shown."""
    (corpus / "talks.txt").write_text(TEXT.replace("origin:", "published: 2025-04-10\norigin:"), encoding="utf-8")
    (corpus / "talks.yaml").write_text(ANNOTATION.replace("[ISR, TUR]", "[ISR, TURKEY]"), encoding="utf-8")
    result = run_cli("validate", "seeds/talks.yaml", cwd=corpus.parent)
    assert result.returncode == 1
    assert [line for line in result.stdout.splitlines() if line.startswith("seeds/talks.")] == [
        "seeds/talks.yaml:7:25: error: unknown actor `TURKEY`: not in the registry nor under `actors:`; did you mean `TUR`?",
        "seeds/talks.yaml:7:19: error: A meeting needs at least two participants (delegations, states or people): "
        "`participants: [ISR, TUR]`. [participants]",
    ][::-1]


def test_an_unknown_outlet_is_one_error_at_its_header_line(corpus: Path) -> None:
    """The shapes' "Name the outlet" warning came at line 1 beside the error at the `outlet:` line; a
    finding about a header field is now given at that field's line."""
    (corpus / "talks.txt").write_text(TEXT.replace("outlet: jpost", "outlet: reuters").replace(
        "title: Talks", 'title: ""\npublished: 2025-04-10'), encoding="utf-8")
    (corpus / "talks.yaml").write_text(ANNOTATION, encoding="utf-8")
    result = run_cli("validate", "seeds/talks.yaml", cwd=corpus.parent)
    assert result.returncode == 1
    assert [line for line in result.stdout.splitlines() if line.startswith("seeds/talks.")] == [
        "seeds/talks.txt:2:1: error: The article needs a `title:` in its header block. [title]",
        "seeds/talks.txt:4:1: error: unknown outlet `reuters`: add it to the registry as a NewsOutlet",
    ]
