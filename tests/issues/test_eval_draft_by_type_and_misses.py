"""`eval-draft` gave four figures (events, actors, places, dates) and no way to see which events a
rule missed: a person extending rules/draft.yaml had to diff drafts and annotations by hand. It now
scores events per type too, and `--misses` lists, per article, the hand-made events the drafts
missed and the drafted events that match none.
"""

from __future__ import annotations

import json

from diplograph.drafteval import evaluate

from ..conftest import SEEDS, run_cli, seed_registry


def test_per_type_and_misses_add_up() -> None:
    result = evaluate(SEEDS, seed_registry())
    events = result.scores["events"]
    assert sum(s.tp for s in result.per_type.values()) == events.tp
    assert sum(s.gold for s in result.per_type.values()) == events.gold
    assert sum(s.proposed for s in result.per_type.values()) == events.proposed
    missed = [m for m in result.misses if m.kind == "missed"]
    extra = [m for m in result.misses if m.kind == "extra"]
    assert len(missed) == events.gold - events.tp and len(extra) == events.proposed - events.tp
    # seed 009: the United States brokering the declaration is a hand-made event no rule drafts
    assert any(m.article == "009_washington_armenia_azerbaijan" and m.type == "MediationOffer" for m in missed)


def test_the_command() -> None:
    done = run_cli("eval-draft", str(SEEDS), "--format", "json", "--misses")
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert set(data) == {"articles", "events", "actors", "places", "dates", "words", "types", "misses"}
    assert set(data["types"]["Meeting"]) == {"precision", "recall", "matched", "drafted", "gold"}
    assert set(data["misses"][0]) == {"article", "kind", "type", "label"}
    plain = json.loads(run_cli("eval-draft", str(SEEDS), "--format", "json").stdout)
    assert "misses" not in plain and plain["types"] == data["types"]
    table = run_cli("eval-draft", str(SEEDS), "--misses")
    assert "events by type" in table.stdout and "drafted events that match none" in table.stdout


def test_words_compare_the_main_text_of_each_pair_found() -> None:
    """Session 22: events found with the wrong words scored as found; `words` says how much of what a person
    wrote (a paraphrase, what was agreed or done, a line's condition, a threat's condition and consequence)
    the draft already says."""
    from collections import Counter

    from diplograph.drafteval import _words

    assert _words({"type": "Threat", "condition": "if Iran retaliates", "consequence": "Iran will pay"}) == Counter(
        {"iran": 2, "if": 1, "retaliates": 1, "will": 1, "pay": 1})
    assert _words({"type": "Statement", "quote": "We are ready."}) == Counter({"we": 1, "are": 1, "ready": 1})
    assert _words({"type": "Meeting", "topic": "Syria"}) == Counter()  # a meeting says nothing of its own
    words = evaluate(SEEDS, seed_registry()).scores["words"]
    assert 0 < words.tp <= min(words.proposed, words.gold)
