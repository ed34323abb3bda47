"""In my words (June 2025): "“We will not allow Iran to have a nuclear weapon,” Netanyahu said on 15 June."
was drafted with a red line held by Iran (the first country of the sentence: no state before the words
in the quote), its condition running past the quote into "Netanyahu said on 15 June", and the quote
ending with the comma that leads to its attribution. Words in a quote are now the speaker's named after
it, the line ends with the quote (or before ", Netanyahu said" without one), and the comma is not quoted.
"""

from __future__ import annotations

import datetime as dt

from diplograph import draft

from ..conftest import seed_registry

REGISTRY = seed_registry()


def test_a_red_line_in_a_quote() -> None:
    d = draft.draft_text("“We will not allow Iran to have a nuclear weapon,” Netanyahu said on 15 June.",
                         dt.date(2025, 6, 16), REGISTRY)
    statement, line = d.events
    assert (statement["speaker"], statement["quote"]) == ("netanyahu", "We will not allow Iran to have a nuclear weapon")
    assert (line["holder"], line["addressees"], line["condition"], line["date"]) == (
        "ISR", ["IRN"], "Iran to have a nuclear weapon", "2025-06-15")


def test_who_said_it_is_no_part_of_the_line() -> None:
    d = draft.draft_text("Israel will not allow Iran to have a nuclear weapon, Netanyahu said.", dt.date(2025, 6, 16),
                         REGISTRY)
    line = next(e for e in d.events if e["type"] == "RedLine")
    assert (line["holder"], line["condition"]) == ("ISR", "Iran to have a nuclear weapon")
