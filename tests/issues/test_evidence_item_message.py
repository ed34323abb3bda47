"""Regression: a malformed evidence item was reported as "is not an id or a list of ids".

And both were shown as Python writes them ("{'quot': 'the first round of talks'}"), not as the
annotator wrote them: now in YAML's flow style, `{quot: the first round of talks}`."""

from __future__ import annotations

from pathlib import Path

from diplograph.build import validate_paths

from ..test_validate import _break


def _errors(corpus: Path, old: str, new: str) -> tuple[Path, list[str]]:
    path = _break(corpus, old, new)
    return path, [str(d) for d in validate_paths([path]).report.diagnostics]


def test_malformed_evidence_item_gets_evidence_advice(corpus: Path) -> None:
    path, diags = _errors(corpus, "      - the first round of talks in Baku were held in a positive atmosphere\n",
                          "      - {quot: the first round of talks}\n")
    assert (f"{path}:38:9: error: `{{quot: the first round of talks}}` is not evidence: write the quote as text, "
            "or as {quote: …, prefix: …, suffix: …} [evidence]") in diags


def test_malformed_reference_list_keeps_its_message(corpus: Path) -> None:
    path, diags = _errors(corpus, "    participants: [israeli-delegation, turkish-officials]\n",
                          "    participants: {a: israeli-delegation}\n")
    assert f"{path}:29:19: error: `{{a: israeli-delegation}}` should be an id or a list of ids [participants]" in diags
