"""`draft` drafted nothing from "France and Turkey met in Baku." when the registry had no France.

The drafter knew only the registry's names, so most world news drafted no event against a
young registry, although the draft listed France among its proposed registry additions. A
country the registry lacks (ISO 3166, bundled) is now a local actor of the draft, with its
`iso3:` (which a local actor could not carry before: a local Country always failed the shapes),
and its registry entry is still proposed. A proposed person's `positions:` was written as a
Python dict inside a string; it is now a YAML mapping.
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import yaml

from diplograph import draft
from diplograph.build import validate_paths

from ..conftest import SEEDS, seed_registry

REGISTRY = seed_registry()
TEXT = ("Foreign Minister Jean Example of France met Turkish officials in Baku on 3 March 2025. "
        "The Russian Federation and Ukraine met in Istanbul on 4 March 2025.")


def test_a_country_the_registry_lacks_is_a_local_actor_and_a_proposal() -> None:
    d = draft.draft_text(TEXT, dt.date(2025, 3, 5), REGISTRY)
    assert [e["participants"] for e in d.events if e["type"] == "Meeting"] == [["FRA", "TUR"], ["RUS", "UKR"]]
    assert d.actors["FRA"] == {"type": "Country", "label": "France", "iso3": "FRA"}
    assert "RUS" not in d.actors  # "Russian Federation" is the registry's RUS, by its iso3
    assert "FRA: {type: Country, label: France, iso3: FRA, aliases: [French]}" in d.proposals
    assert not any(p.startswith("RUS:") for p in d.proposals)
    person = next(p for p in d.proposals if p.startswith("jean-example: "))
    assert yaml.safe_load(person.split(": ", 1)[1]) == {
        "type": "Person", "label": "Jean Example", "country": "FRA", "positions": [{"office": "Foreign Minister"}]}


def test_the_draft_validates_and_then_the_proposal_is_taken(tmp_path: Path) -> None:
    folder = tmp_path / "new"
    folder.mkdir()
    shutil.copy(SEEDS / "registry.yaml", folder / "registry.yaml")
    (folder / "paris.txt").write_text(
        "---\ntitle: France and Turkey meet\npublished: 2025-03-05\norigin: diplograph\noutlet: diplograph\n---\n"
        f"{TEXT}\n", encoding="utf-8")
    draft.draft_folder(folder, folder, REGISTRY)
    checked = validate_paths([folder / "paris.yaml"])
    assert [str(d) for d in checked.report.diagnostics if d.severity == "error"] == []
    # The annotator adds the proposed entry to the registry: the local actor must go (one error,
    # not one more at each reference to it: they are read as the registry's FRA)
    registry = (folder / "registry.yaml").read_text(encoding="utf-8")
    (folder / "registry.yaml").write_text(
        registry.replace("\nactors:\n", "\nactors:\n  FRA: {type: Country, label: France, iso3: FRA}\n", 1), encoding="utf-8")
    checked = validate_paths([folder / "paris.yaml"])
    errors = [f"{d.line}:{d.col}: {d.message}" for d in checked.report.diagnostics if d.severity == "error"]
    assert errors == ["5:3: `FRA` is already a registry actor: delete it from `actors:` to use the registry's, "
                      "or give the local actor another id"]
