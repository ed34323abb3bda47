"""The last note's drafts lacked joint statements: "On Monday, the two countries announced that they had
agreed to lower reciprocal tariffs for 90 days." (the Geneva talks, May 2025) named no speaker, and a
statement has one (the shape insists). "The two sides/countries/leaders said …", after a meeting,
mediation or agreement of two, is now a statement of each side in the same words, the second's note
naming the first; what they declared, both declare. (And "the Israeli and US strikes on Iran" a strike
by each: tests/issues/test_draft_of_the_istanbul_talks_with_the_e3.py.)
"""

from __future__ import annotations

import datetime as dt

from diplograph import draft

from ..conftest import seed_registry

REGISTRY = seed_registry()


def test_each_side_says_it() -> None:
    d = draft.draft_text("Israel and Turkey met in Baku on Wednesday. The two sides said the talks were positive.",
                         dt.date(2025, 4, 10), REGISTRY)
    said = [(e["speaker"], e["paraphrase"], e["date"], e["place"]) for e in d.events if e["type"] == "Statement"]
    assert said == [("ISR", "the talks were positive", "Wednesday", "baku"), ("TUR", "the talks were positive", "Wednesday", "baku")]
    assert "rule Statement from the words of statement-1, the other side" in d.events[2]["note"]


def test_with_no_two_sides_before_there_is_no_speaker() -> None:
    d = draft.draft_text("The two sides said the talks were positive.", dt.date(2025, 4, 10), REGISTRY)
    assert d.events == [] and d.skipped == [
        'Statement (`said`) in "The two sides said the talks were positive.": no actor recognised; it needs a speaker']
