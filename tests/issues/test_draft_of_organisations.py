"""A paragraph on the agreement the IAEA and Iran signed in Cairo (9 September 2025) was drafted as
an agreement of Iran and *Egypt* (the article's most named countries, as no second party was
recognised): "IAEA Director General Rafael Grossi" named no office the drafter knew, nor an
organisation. International organisations a registry may lack (`organisations` in
rules/draft.yaml: the IAEA, the UN, NATO, the EU…) are now local Organisation actors, proposed for
the registry with their other names as aliases, and an official named after one acts for it (the
proposal gives the position `in:` it); "Director General" and "High Representative" are offices.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from diplograph import draft
from diplograph.build import validate_paths

from ..conftest import SEEDS, seed_registry

REGISTRY = seed_registry()
TEXT = ("IAEA Director General Rafael Grossi and Iranian Foreign Minister Abbas Araghchi signed an agreement in Cairo "
        "on 9 September 2025 on a framework for resuming inspections in Iran. NATO and the European Union welcomed "
        "the agreement.")


def test_the_agreement_of_the_iaea_and_iran() -> None:
    d = draft.draft_text(TEXT, dt.date(2025, 9, 10), REGISTRY)
    agreement, welcome, welcome_eu = d.events
    assert agreement["parties"] == ["iaea", "IRN"]
    assert agreement["content"] == "an agreement on a framework for resuming inspections in Iran"  # not where and when
    assert (welcome["speaker"], welcome_eu["speaker"]) == ("nato", "eu")  # each of those the sentence opens with
    assert d.actors == {"iaea": {"type": "Organisation", "label": "International Atomic Energy Agency"},
                        "rafael-grossi": {"type": "Person", "label": "Rafael Grossi", "affiliation": "iaea"},
                        "nato": {"type": "Organisation", "label": "NATO"},
                        "eu": {"type": "Organisation", "label": "European Union"}}
    assert d.proposals[:2] == [
        'iaea: {type: Organisation, label: "International Atomic Energy Agency", aliases: [IAEA]}',
        'rafael-grossi: {type: Person, label: "Rafael Grossi", positions: [{office: "Director General", in: iaea}]}']


def test_the_draft_is_a_valid_annotation(tmp_path: Path) -> None:
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "cairo.txt").write_text(
        "---\ntitle: The IAEA and Iran agree in Cairo\npublished: 2025-09-10\noutlet: diplograph\norigin: diplograph\n---\n"
        + TEXT + "\n", encoding="utf-8")
    draft.draft_folder(tmp_path / "in", tmp_path / "out", REGISTRY)
    checked = validate_paths([tmp_path / "out"], registry_path=SEEDS / "registry.yaml")
    assert [d.message for d in checked.report.diagnostics if d.severity == "error"] == []


def test_a_registry_organisation_comes_first() -> None:
    # the seed registry's Hamas, and a registry that has the EU under its own id, keep theirs
    d = draft.draft_text("Hamas and the European Union met in Cairo.", None, REGISTRY)
    assert d.events[0]["participants"] == ["hamas", "eu"]
    assert "hamas" not in d.actors and d.actors["eu"]["type"] == "Organisation"


def test_an_organisation_where_a_meeting_took_place_takes_no_part() -> None:
    for text in ("Erdogan met Putin on the sidelines of the UN General Assembly in New York.",
                 "Turkey and Israel met during the NATO summit in The Hague."):
        d = draft.draft_text(text, None, REGISTRY)
        assert len(d.events[0]["participants"]) == 2 and not {"un", "nato"} & set(d.actors), text
