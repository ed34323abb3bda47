"""Drafting a paragraph on the Trump-Putin call of 18 March 2025 (in my words):

* "US President Donald Trump and Russian President Vladimir Putin spoke by phone …" drafted nothing:
  talks by phone or video are talks (the ontology's Meeting is CAMEO 04, consult, whose 041 is to
  discuss by telephone). They are a meeting now, with `medium: phone call`, a field meetings take
  as statements did (the schema, the ontology's dg:medium);
* "Putin agreed to a 30-day halt to strikes on Ukraine's energy infrastructure, the Kremlin said."
  drafted a Russian strike on Ukraine: a strike halted is none (`halted` in rules/draft.yaml);
* and an agreement of Russia and Ukraine (the sentence's countries), "…, the Kremlin said" part of what
  was agreed: one who agrees alone agrees with the others of the meeting before (the United States),
  and who said so is not what was agreed.
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from diplograph import draft
from diplograph.build import validate_paths
from diplograph.mapping import map_annotation
from diplograph.terms import DG

from ..conftest import SEEDS, seed_registry

REGISTRY = seed_registry()
TEXT = ("US President Donald Trump and Russian President Vladimir Putin spoke by phone for more than two hours on 18 March "
        "2025. Putin agreed to a 30-day halt to strikes on Ukraine's energy infrastructure, the Kremlin said.")


def test_a_phone_call_is_a_meeting_held_by_phone() -> None:
    d = draft.draft_text(TEXT, dt.date(2025, 3, 19), REGISTRY)
    call = d.events[0]
    assert (call["type"], call["participants"], call["format"], call["medium"], call["date"]) == (
        "Meeting", ["USA", "RUS"], "bilateral", "phone call", "2025-03-18")
    videos = draft.draft_text("Ukrainian President Volodymyr Zelensky and French President Emmanuel Macron held a video "
                              "call on Monday.", dt.date(2025, 3, 19), REGISTRY).events
    assert [(e["type"], e.get("medium")) for e in videos] == [("Meeting", "video call")]


def test_a_strike_halted_is_none_and_the_agreement_is_with_the_caller() -> None:
    d = draft.draft_text(TEXT, dt.date(2025, 3, 19), REGISTRY)
    assert [e["type"] for e in d.events] == ["Meeting", "Statement", "Agreement"]
    agreed = d.events[2]
    assert (agreed["parties"], agreed["content"]) == (
        ["RUS", "USA"], "a 30-day halt to strikes on Ukraine's energy infrastructure")


def test_the_draft_validates_and_maps_the_medium(tmp_path: Path) -> None:
    (tmp_path / "call.txt").write_text(f"---\ntitle: t\npublished: 2025-03-19\norigin: diplograph\n---\n{TEXT}\n",
                                       encoding="utf-8")
    (tmp_path / "call.yaml").write_text(draft.draft_file(tmp_path / "call.txt", REGISTRY).to_yaml(), encoding="utf-8")
    checked = validate_paths([tmp_path], registry_path=SEEDS / "registry.yaml")
    assert [str(d) for d in checked.report.diagnostics if d.severity == "error"] == []
    graph = map_annotation(tmp_path / "call.yaml", REGISTRY, None).graph
    assert [str(o) for o in graph.objects(None, DG.medium)] == ["phone call"]
