"""Drafting a paragraph on Trump's Gaza plan (29 September - 3 October 2025, in my words):

* "Trump unveiled a 20-point plan to end the war in Gaza at the White House on 29 September 2025,
  alongside Israeli Prime Minister Benjamin Netanyahu, who said he supported it." was one statement,
  Trump's, undated, saying the whole sentence: "who said" is the statement of the one named before it
  (what was said is after the verb), a plan made public is a statement of whoever made it (`unveiled`,
  `presented`, `put forward` a plan, proposal, initiative, framework or roadmap), and "a plan to end
  the war … on 29 September" is no date still to come (the noun; the verb "plans to" is);
* what was done, said by its own verb ("condemned the Israeli strike on Doha on 9 September"), is
  said without when and where (the event has its date and place), as what was agreed is.
"""

from __future__ import annotations

import datetime as dt

from diplograph import draft

from ..conftest import seed_registry

REGISTRY = seed_registry()
TEXT = ("Trump unveiled a 20-point plan to end the war in Gaza at the White House on 29 September 2025, alongside Israeli "
        "Prime Minister Benjamin Netanyahu, who said he supported it. On 3 October, Hamas said it agreed to release all "
        "Israeli hostages, alive and dead, under the plan's exchange formula.")


def test_the_paragraph() -> None:
    d = draft.draft_text(TEXT, dt.date(2025, 10, 4), REGISTRY)
    got = [(e["type"], e.get("speaker") or e.get("parties"), e["date"], e["place"], e.get("paraphrase") or e.get("content"))
           for e in d.events]
    assert got == [
        ("Statement", "trump", "2025-09-29", "washington", "unveiled a 20-point plan to end the war in Gaza"),
        ("Statement", "netanyahu", "2025-09-29", "washington", "he supported it"),
        ("Statement", "hamas", "2025-10-03", "unknown",
         "it agreed to release all Israeli hostages, alive and dead, under the plan's exchange formula"),
        ("Agreement", ["hamas", "ISR"], "2025-10-03", "unknown",
         "to release all Israeli hostages, alive and dead, under the plan's exchange formula")]
    assert d.events[2]["declares"] == d.events[3]["id"]


def test_who_said_is_the_one_named_before() -> None:
    said, = draft.draft_text("Rubio met Lavrov, who said the talks were useful.", None, REGISTRY).events[1:]
    assert (said["speaker"], said["paraphrase"]) == ("lavrov", "the talks were useful")


def test_a_plan_to_is_no_date_to_come_and_plans_to_is() -> None:
    assert draft.find_date("on 29 September 2025", None) == ("2025-09-29", "29 September 2025")
    assert draft.dates_in("a plan to end the war in Gaza on 29 September 2025", None)[0][0] == "2025-09-29"
    assert draft.dates_in("Iran plans to resume talks on 29 September 2025", None) == []
