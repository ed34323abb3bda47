"""Drafting Trump's words of 7 April 2025 (in my words: he announced talks with Iran and said Iran could
not have a nuclear weapon): "“Iran cannot have a nuclear weapon,” Trump said." drafted a statement and
no red line; a line said as what another cannot do ("cannot have", "must never be allowed to acquire")
is the speaker's state's, the whole clause its condition, the one who cannot its addressee. And "Trump
announced …, during a visit by Israeli Prime Minister Benjamin Netanyahu to the White House, that the
United States was holding direct talks with Iran" was a meeting of the three: the talks reported after
"that" are of those it names (as an agreement's parties are).
"""

from __future__ import annotations

import datetime as dt

import pytest

from diplograph import draft

from ..conftest import seed_registry

REGISTRY = seed_registry()


@pytest.mark.parametrize(("text", "holder", "condition"), [
    ("“Iran cannot have a nuclear weapon,” Trump said.", "USA", "Iran cannot have a nuclear weapon"),
    ("Trump said on 7 April 2025 that Iran cannot have a nuclear weapon.", "USA", "Iran cannot have a nuclear weapon"),
    ("Iran must never be allowed to have a nuclear weapon, Netanyahu said on 8 April 2025.", "ISR",
     "Iran must never be allowed to have a nuclear weapon"),
])
def test_what_another_cannot_do(text: str, holder: str, condition: str) -> None:
    d = draft.draft_text(text, dt.date(2025, 4, 8), REGISTRY)
    statement, red_line = d.events
    assert (red_line["type"], red_line["holder"], red_line["addressees"], red_line["condition"]) == (
        "RedLine", holder, ["IRN"], condition)
    assert statement["declares"] == red_line["id"]


def test_a_line_with_no_one_to_hold_it_is_not_drafted() -> None:
    d = draft.draft_text("Iran cannot have a nuclear weapon.", None, REGISTRY)
    assert [e["type"] for e in d.events] == []
    assert d.skipped == ['RedLine (`cannot have`) in "Iran cannot have a nuclear weapon.": only IRN recognised; '
                         'it needs a holder']  # said, not drafted: the one who cannot holds no line


def test_talks_reported_are_of_those_the_report_names() -> None:
    d = draft.draft_text("Trump announced on 7 April 2025, during a visit by Israeli Prime Minister Benjamin Netanyahu "
                         "to the White House, that the United States was holding direct talks with Iran.",
                         dt.date(2025, 4, 8), REGISTRY)
    meeting = next(e for e in d.events if e["type"] == "Meeting")
    assert (meeting["participants"], meeting["format"]) == (["USA", "IRN"], "bilateral")
