"""A country written under `places:` was told "unknown field `type`; did you mean `type`?".

`type` is a field the registry knows, of actors, not of places: the hint offered the same
name back (and `speaker:` on a meeting was told "did you mean `speaker`?"). A field the schema
knows elsewhere is now "not allowed in a place; an actor has it: if `FRA` is an actor, move it
under `actors:`" (it was "not allowed here; Actor has it": the schema's own names, and no word of
the fix), and on an event "not allowed in a Meeting; a Statement has it".
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
    assert result.stderr.splitlines() == [
        f"{registry}:{line}:9: error: field `type` is not allowed in a place; an actor has it: if `FRA` is an actor, "
        "move it under `actors:`",
        f"{registry}:{line}:39: error: field `iso3` is not allowed in a place; an actor has it"]  # told to move once


def test_a_statement_field_on_a_meeting(corpus: Path) -> None:
    annotation = corpus / "001_muscat_us_iran.yaml"
    text = annotation.read_text(encoding="utf-8")
    annotation.write_text(text.replace("    participants:", "    speaker: USA\n    participants:", 1), encoding="utf-8")
    line = text[:text.index("    participants:")].count("\n") + 1
    result = run_cli("validate", str(annotation))
    assert result.returncode == 1
    assert f"{annotation}:{line}:5: error: field `speaker` is not allowed in a Meeting; a Statement has it" in result.stdout.splitlines()


def test_a_value_yaml_reads_as_a_number_or_true_false(corpus: Path) -> None:
    """`label: 5` was "expected string, got int 5", `label: No` "expected string, got bool False":
    Python's names, and no word of the quotes that fix it."""
    annotation = corpus / "001_muscat_us_iran.yaml"
    text = annotation.read_text(encoding="utf-8")
    label = next(line for line in text.splitlines() if line.startswith("    label: "))
    line = text.splitlines().index(label) + 1
    for value, message in (("5", "expected text, got the number 5; put the value in quotes"),
                           ("No", "expected text, got false: YAML reads yes, no, on, off, true and false as true or "
                                  "false; put the value in quotes")):
        annotation.write_text(text.replace(label, f"    label: {value}", 1), encoding="utf-8")
        result = run_cli("validate", str(annotation))
        assert result.returncode == 1
        assert f"{annotation}:{line}:12: error: {message} [label]" in result.stdout.splitlines()
