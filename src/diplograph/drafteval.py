"""Compare drafts with hand annotations: how much of the work does the drafter do?

An event is found when the draft has one of the same type sharing at least one
main actor (who met, spoke, held, threatened, mediated) with the hand-made one;
each hand-made event is matched at most once. Delegations and anonymous sources
count as the country they represent, so "ISR" matches "the Israeli delegation".
Actors, places and dates are compared as sets per article. The words of each matched pair's
main text (what was said, agreed, done or held, and a threat's condition and consequence) are
compared as bags of words: how much of what a person wrote the draft already says.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from . import dates
from .articles import read_article
from .draft import Drafted, draft_article, main_actors
from .errors import LoadError, UsageError
from .registry import Registry
from .yamlfile import load_yaml


@dataclass
class Score:
    """True positives, proposals and gold items of one measure."""

    tp: int = 0
    proposed: int = 0
    gold: int = 0

    @property
    def precision(self) -> float:
        return self.tp / self.proposed if self.proposed else 1.0

    @property
    def recall(self) -> float:
        return self.tp / self.gold if self.gold else 1.0

    def add(self, drafted: set[Any], gold: set[Any]) -> None:
        self.tp += len(drafted & gold)
        self.proposed += len(drafted)
        self.gold += len(gold)


@dataclass
class Miss:
    """An event of one side that the other lacks: a hand-made one the draft did not find
    (``missed``), or a drafted one that matches none (``extra``); what a rule author looks at."""

    article: str
    kind: str  # missed | extra
    type: str
    label: str


@dataclass
class Evaluation:
    articles: int = 0
    scores: dict[str, Score] = field(default_factory=lambda: {k: Score() for k in ("events", "actors", "places", "dates",
                                                                                "words")})
    per_type: dict[str, Score] = field(default_factory=dict)
    misses: list[Miss] = field(default_factory=list)


def _normaliser(local: dict[str, Any], registry: Registry) -> Callable[[str], str]:
    """Actors at the level event datasets code them (CAMEO: ISR, USA): a person, office,
    delegation or source stands for its state; actors without one stand for themselves."""
    from .draft import _lexicon

    countries = _lexicon(registry).country

    def norm(actor: str) -> str:
        a = local.get(actor) or {}
        actor = a.get("represents") or a.get("affiliation") or a.get("country") or actor
        return countries.get(actor, actor)
    return norm


def _actors(events: list[dict[str, Any]], norm: Callable[[str], str]) -> set[str]:
    return {norm(a) for e in events for a in main_actors(e)}


def _places(events: list[dict[str, Any]]) -> set[str]:
    out: set[str] = set()
    for e in events:
        for key in ("place", "concerns"):
            v = e.get(key)
            out.update(x for x in (v if isinstance(v, list) else [v] if v else []) if x != "unknown")
    return out


def _dates(events: list[dict[str, Any]], published: Any) -> set[str]:
    out = set()
    for e in events:
        try:
            out.add(dates.resolve(e.get("date"), published).date.isoformat())
        except (ValueError, TypeError):
            pass
    return out


# An event's main text, by type: the first field of each group that it has (a statement's paraphrase, else
# its quote; a threat's condition and its consequence)
_TEXT: dict[str, tuple[tuple[str, ...], ...]] = {
    "Statement": (("paraphrase", "quote"),), "RedLine": (("condition",),), "Threat": (("condition",), ("consequence",)),
    "Agreement": (("content",),), "MilitaryAction": (("content",),), "StatedIntention": (("content",),)}
_WORD = re.compile(r"[\w'’-]+")


def _words(event: dict[str, Any]) -> Counter[str]:
    """The words of an event's main text, lower-cased, as a bag."""
    texts = (next((str(event[f]) for f in group if event.get(f)), "") for group in _TEXT.get(str(event.get("type")), ()))
    return Counter(w.lower() for text in texts for w in _WORD.findall(text))


def _evidence(event: dict[str, Any]) -> list[str]:
    return [q if isinstance(q, str) else str(q.get("quote", "")) for q in event.get("evidence") or []
            if isinstance(q, (str, dict))]


def _same_words(drafted: dict[str, Any], gold: dict[str, Any]) -> bool:
    """Whether some evidence of one is part of some evidence of the other."""
    return any(a and b and (a in b or b in a) for a in _evidence(drafted) for b in _evidence(gold))


def evaluate(gold_dir: Path, registry: Registry, progress: Callable[[int, int], None] | None = None) -> Evaluation:
    """Draft every article in ``gold_dir`` that has a hand annotation and score the drafts."""
    result = Evaluation()
    if not gold_dir.is_dir():
        raise UsageError(f"{gold_dir} is not a folder: give a folder of articles with their annotations (such as seeds)")
    pairs = sorted(p for p in gold_dir.rglob("*.yaml") if p.name != "registry.yaml" and p.with_suffix(".txt").exists())
    if not pairs:  # scores of nothing would read as perfect (1.00)
        raise UsageError(f"no article in {gold_dir} has its annotation beside it (ID.txt and ID.yaml): nothing to score")
    for i, path in enumerate(pairs):
        doc = load_yaml(path)
        if not isinstance(doc.data, dict):
            raise LoadError([doc.diag((), "not an annotation")])
        gold_events = [e for e in doc.data.get("events") or [] if isinstance(e, dict)]
        article = read_article(path.with_suffix(".txt"))
        drafted: Drafted = draft_article(article, registry)
        gnorm = _normaliser(doc.data.get("actors") or {}, registry)
        dnorm = _normaliser(drafted.actors, registry)
        result.articles += 1
        s = result.scores
        unmatched = list(gold_events)
        tp = 0
        hits: dict[int, dict[str, Any] | None] = {}
        # Two passes: first the pairs told in the same words, then any pair of the same type and an actor
        # in common. Matched in one pass in the draft's order, "Israel … is willing to accept Turkish
        # influence" took the gold agreement that the next sentence's "it was agreed to continue the
        # dialogue channel" tells ("Netanyahu told ministers …" is not the statement of the sentence before).
        for same in (True, False):
            for i, d in enumerate(drafted.events):
                if i in hits and hits[i] is not None:
                    continue
                d_actors = {dnorm(a) for a in main_actors(d)}
                hit = next((g for g in unmatched if g.get("type") == d["type"] and (not same or _same_words(d, g))
                            and d_actors & {gnorm(a) for a in main_actors(g)}), None)
                hits[i] = hit
                if hit is not None:
                    unmatched.remove(hit)
        for i, d in enumerate(drafted.events):
            typ = result.per_type.setdefault(d["type"], Score())
            typ.proposed += 1
            if (hit := hits[i]) is not None:
                tp += 1
                typ.tp += 1
                mine, theirs = _words(d), _words(hit)
                s["words"].tp += sum((mine & theirs).values())
                s["words"].proposed += sum(mine.values())
                s["words"].gold += sum(theirs.values())
            else:
                result.misses.append(Miss(article.id, "extra", d["type"], str(d.get("label", ""))))
        result.misses += [Miss(article.id, "missed", str(g.get("type", "?")), str(g.get("label", g.get("id", ""))))
                          for g in unmatched]
        for g in gold_events:
            result.per_type.setdefault(g.get("type", "?"), Score()).gold += 1
        s["events"].tp += tp
        s["events"].proposed += len(drafted.events)
        s["events"].gold += len(gold_events)
        s["actors"].add(_actors(drafted.events, dnorm), _actors(gold_events, gnorm))
        s["places"].add(_places(drafted.events), _places(gold_events))
        s["dates"].add(_dates(drafted.events, article.published), _dates(gold_events, article.published))
        if progress:
            progress(i + 1, len(pairs))
    return result


__all__ = ["Evaluation", "Miss", "Score", "evaluate"]
