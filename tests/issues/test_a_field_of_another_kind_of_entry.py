"""A country written under `places:` was told "unknown field `type`; did you mean `type`?".

`type` is a field the registry knows, of actors, not of places: the hint offered the same
name back (and `speaker:` on a meeting was told "did you mean `speaker`?"). A field the schema
knows elsewhere is now "not allowed here", naming what has it.
"""

from __future__ import annotations

from pathlib import Path

from ..conftest import run_cli


def test_a_country_under_places_is_told_which_entries_have_its_fields(corpus: Path) -> None:
    registry = corpus / "registry.yaml"
    registry.write_text(registry.read_text(encoding="utf-8") + "  FRA: {type: Country, label: France, iso3: FRA}\n",
                        encoding="utf-8")
    line = registry.read_text(encoding="utf-8").count("\n")
    result = run_cli("validate", str(registry))
    assert (result.returncode, result.stdout) == (2, "")
    assert result.stderr.splitlines() == [f"{registry}:{line}:9: error: field `type` is not allowed here; Actor has it",
                                          f"{registry}:{line}:39: error: field `iso3` is not allowed here; Actor has it"]


def test_a_statement_field_on_a_meeting(corpus: Path) -> None:
    annotation = corpus / "001_muscat_us_iran.yaml"
    text = annotation.read_text(encoding="utf-8")
    annotation.write_text(text.replace("    participants:", "    speaker: USA\n    participants:", 1), encoding="utf-8")
    line = text[:text.index("    participants:")].count("\n") + 1
    result = run_cli("validate", str(annotation))
    assert result.returncode == 1
    assert f"{annotation}:{line}:5: error: field `speaker` is not allowed here; Statement has it" in result.stdout.splitlines()
