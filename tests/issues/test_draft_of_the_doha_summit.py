"""Drafting a paragraph on the Arab-Islamic summit in Doha (15 September 2025, in my words):

* "… met in Doha on 15 September 2025 for an emergency summit after Israel's strike on Hamas leaders in
  the Qatari capital" dated the strike 15 September, the summit's day: a strike named by a noun after
  "after", "following" or "since" (`causes_before` in rules/draft.yaml) came before what the sentence
  dates, as one "in retaliation for" did (not a strike told by a verb: "After talks failed Israel struck …");
* "Qatar's Emir … told the summit that Israel wanted to derail the negotiations" drafted a summit of
  Qatar and Israel: who is named in what was said ("that Israel …") took no part in a meeting.
"""

from __future__ import annotations

import datetime as dt

from diplograph import draft

from ..conftest import seed_registry

REGISTRY = seed_registry()
TEXT = ("Leaders of Arab and Muslim countries met in Doha on 15 September 2025 for an emergency summit after Israel's "
        "strike on Hamas leaders in the Qatari capital. Qatar's Emir Sheikh Tamim bin Hamad Al Thani told the summit "
        "that Israel wanted to derail the negotiations.")


def test_the_paragraph() -> None:
    d = draft.draft_text(TEXT, dt.date(2025, 9, 16), REGISTRY)
    assert [(e["type"], e.get("initiator") or e.get("speaker"), e["date"]) for e in d.events] == [
        ("MilitaryAction", "ISR", "recent weeks"), ("Statement", "tamim", "2025-09-15")]


def test_a_strike_told_by_a_verb_after_after_is_dated() -> None:
    d = draft.draft_text("After the talks failed Israel struck Hamas leaders in Doha on 9 September.", dt.date(2025, 9, 10),
                         REGISTRY)
    assert [(e["type"], e["initiator"], e["date"]) for e in d.events] == [("MilitaryAction", "ISR", "2025-09-09")]
