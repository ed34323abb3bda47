"""Drafts of 2,000 seed paragraphs mutated at random (words moved, dates, quotes and triggers put in)
all validated but two: "… strikes on Iran on June vowed to retaliate 13." drafted the consequence `13`,
written plain, which YAML reads back as a number ("expected text, got the number 13"). A draft's value
is now written plain only where YAML reads it back as the same text (or a date, which the loader keeps
as text): "13", "1.5", "yes", "1:30", "0x1F" are quoted. Every value read back is the value written.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplograph import draft
from diplograph.build import validate_paths
from diplograph.yamlfile import load_yaml

from ..conftest import SEEDS, seed_registry

REGISTRY = seed_registry()


def _read_back(tmp: Path, value: str) -> object:
    path = tmp / "v.yaml"
    path.write_text(f"a: {draft._scalar(value)}\n", encoding="utf-8")
    return load_yaml(path).data["a"]


@pytest.mark.parametrize("value", ["13", "1.5", "yes", "No", "null", "~", "1:30", "0x1F", "1_000", ".inf", "013", "ISR",
                                   "2025-04-10", "2025-04", "Monday", "1e3", "abc-1"])
def test_a_value_reads_back_as_written(tmp_path: Path, value: str) -> None:
    assert _read_back(tmp_path, value) == value


@settings(max_examples=200, derandomize=True, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=20))
def test_any_text_reads_back_as_written(tmp_path: Path, value: str) -> None:
    assert _read_back(tmp_path, value) == value


def test_a_numeral_drafted_as_a_consequence_validates(tmp_path: Path) -> None:
    text = "Pakistani Prime Minister Shehbaz Sharif threatened India with 13."
    txt = tmp_path / "a.txt"
    txt.write_text(f"---\ntitle: t\npublished: 2025-05-08\norigin: diplograph\n---\n{text}\n", encoding="utf-8")
    drafted = draft.draft_file(txt, REGISTRY)
    assert [(e["type"], e["consequence"]) for e in drafted.events] == [("Threat", "13")]
    (tmp_path / "a.yaml").write_text(drafted.to_yaml(), encoding="utf-8")
    checked = validate_paths([tmp_path], registry_path=SEEDS / "registry.yaml")
    assert [str(d) for d in checked.report.diagnostics if d.severity == "error"] == []
