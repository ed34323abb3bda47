"""Seed 006: "On Thursday, Israeli Defence Minister Israel Katz warned Syrian President Ahmed al-Sharaa that he
would pay a very heavy price if he allowed hostile forces to enter Syria and endanger Israeli security
interests." was drafted as

* a threat by Israel (the demonym before the minister) against Syria (named in "to enter Syria"), its
  consequence the whole rest of the sentence, "if …" included;
* no red line, though the hand annotation (and an analyst) sees one: hostile forces in Syria;
* (and "Israel threatened Iran with further strikes" was a strike too);
* a statement whose paraphrase began with the one warned ("Syrian President Ahmed al-Sharaa that he
  would pay …"): "told X that" named its addressee, "warned Syrian President X that" did not.

Now the threatener is the minister of the clause, the target the one warned, the condition is the
threat's `condition:` and also a red line of the threatener's state; a condition that is a demand not
met ("if Iran did not make a deal, there would be bombing", seed 001) stays a threat alone.
"""

from __future__ import annotations

import datetime as dt

from diplograph import draft

from ..conftest import seed_registry

REGISTRY = seed_registry()
KATZ = ("On Thursday, Israeli Defence Minister Israel Katz warned Syrian President Ahmed al-Sharaa that he would pay a "
        "very heavy price if he allowed hostile forces to enter Syria and endanger Israeli security interests.")
LINE = "he allowed hostile forces to enter Syria and endanger Israeli security interests"


def test_a_threat_with_a_condition_is_a_red_line_too() -> None:
    d = draft.draft_text(KATZ, dt.date(2025, 4, 4), REGISTRY)
    statement, threat, red_line = d.events
    assert (statement["speaker"], statement["addressees"]) == ("katz", ["sharaa"])
    assert statement["paraphrase"].startswith("he would pay a very heavy price if")
    assert {k: threat[k] for k in ("initiator", "target", "consequence", "condition")} == {
        "initiator": "katz", "target": "sharaa", "consequence": "would pay a very heavy price", "condition": LINE}
    assert {k: red_line.get(k) for k in ("type", "date", "holder", "addressees", "condition", "consequence", "status")} == {
        "type": "RedLine", "date": "Thursday", "holder": "ISR", "addressees": ["SYR"], "condition": LINE,
        "consequence": "would pay a very heavy price", "status": "declared"}
    assert red_line["note"] == "draft: rule RedLine from the condition of threat-1; confidence 0.75"
    assert red_line["evidence"] == [KATZ]


def test_a_demand_not_met_is_a_threat_alone() -> None:
    text = ("Witkoff and Araghchi met in Muscat on Saturday. Two weeks earlier, President Donald Trump had warned that "
            "if Iran did not make a deal, there would be bombing.")
    d = draft.draft_text(text, dt.date(2025, 4, 13), REGISTRY)
    threat = next(e for e in d.events if e["type"] == "Threat")
    assert (threat["initiator"], threat["target"], threat["condition"], threat["consequence"]) == (
        "trump", "IRN", "Iran did not make a deal", "there would be bombing")
    assert "RedLine" not in {e["type"] for e in d.events}


def test_a_threat_without_a_condition_has_none() -> None:
    """Nor is the strike it threatens one that happened."""
    d = draft.draft_text("Israel threatened Iran with further strikes on Monday.", dt.date(2025, 6, 24), REGISTRY)
    assert [(e["type"], e["initiator"], e["target"], "condition" in e) for e in d.events] == [
        ("Threat", "ISR", "IRN", False)]


def test_the_drafts_validate() -> None:
    from diplograph.build import validate_paths  # the drafted red line and threat conform to the shapes

    import tempfile
    from pathlib import Path

    with tempfile.TemporaryDirectory() as tmp:
        txt = Path(tmp) / "katz.txt"
        txt.write_text(f"---\ntitle: Katz warns al-Sharaa\npublished: 2025-04-04\norigin: diplograph\n---\n{KATZ}\n", encoding="utf-8")
        (Path(tmp) / "katz.yaml").write_text(draft.draft_file(txt, REGISTRY).to_yaml(), encoding="utf-8")
        checked = validate_paths([Path(tmp)], registry_path=REGISTRY.path)
        assert [str(d) for d in checked.report.diagnostics if d.severity == "error"] == []
        assert len(checked.articles) == 1
