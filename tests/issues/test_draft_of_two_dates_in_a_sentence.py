"""A sentence that dates two events gave both its first date (or its full one):

* "President Donald Trump announced on Monday that Israel and Iran had agreed to a ceasefire, ending
  twelve days of war that began with Israeli strikes on Iran on June 13." (seed 007) dated the
  announcement and the ceasefire 13 June, as the strikes;
* "Israel and Hamas agreed to the first phase of Trump's plan on October 9, after indirect talks in
  Sharm el-Sheikh that began on October 6 and were mediated by Egypt, Qatar and Turkey." (seed 010)
  dated the talks and their mediation 9 October.

Each event now takes the first date after its words in their clause, else the last before them.
And a date still to come dated the agreement that set it: "The two sides agreed that experts would
begin technical talks in Oman on Wednesday" (seed 002, published on a Sunday) gave the agreement,
and the statement after it, the Wednesday before publication; "agreed to meet again the following
Saturday" the same. "Two weeks earlier" (seed 001) took the date carried on, not two weeks before it.
"""

from __future__ import annotations

import datetime as dt

from diplograph import draft

from ..conftest import seed_registry

REGISTRY = seed_registry()


def _dates(text: str, published: dt.date | None) -> list[tuple[str, str]]:
    return [(e["type"], e["date"]) for e in draft.draft_text(text, published, REGISTRY).events]


def test_an_announcement_and_the_war_it_ends() -> None:
    text = ("President Donald Trump announced on Monday that Israel and Iran had agreed to a ceasefire, ending twelve "
            "days of war that began with Israeli strikes on Iran on June 13.")
    assert _dates(text, dt.date(2025, 6, 24)) == [("Statement", "Monday"), ("Agreement", "Monday"),
                                                 ("MilitaryAction", "2025-06-13")]


def test_an_agreement_after_talks_that_began_days_before() -> None:
    text = ("Israel and Hamas agreed to the first phase of Trump's plan on October 9, after indirect talks in Sharm "
            "el-Sheikh that began on October 6 and were mediated by Egypt, Qatar and Turkey.")
    assert sorted(_dates(text, dt.date(2025, 10, 14))) == [
        ("Agreement", "2025-10-09"), ("MediationOffer", "2025-10-06"), ("Meeting", "2025-10-06")]


def test_a_date_still_to_come_dates_no_event() -> None:
    text = ("Steve Witkoff and Abbas Araghchi met in Rome on Saturday. The two sides agreed that experts would begin "
            "technical talks in Oman on Wednesday. Araghchi said the talks had been good.")
    assert _dates(text, dt.date(2025, 4, 20)) == [("Meeting", "Saturday"), ("Agreement", "Saturday"),
                                                 ("Statement", "Saturday")]
    again = "Witkoff and Araghchi met in Muscat on Saturday and agreed to meet again the following Saturday."
    assert _dates(again, dt.date(2025, 4, 13)) == [("Meeting", "Saturday"), ("Agreement", "Saturday")]
    assert draft.dates_in("They will meet on Monday, and met on Friday.", dt.date(2025, 4, 13)) == [
        ("Friday", "Friday", 37, 43)]


def test_weeks_earlier_count_from_the_last_day_given() -> None:
    text = ("Witkoff and Araghchi met in Muscat on Saturday. Two weeks earlier, President Donald Trump had warned "
            "that there would be bombing.")
    assert _dates(text, dt.date(2025, 4, 13)) == [("Meeting", "Saturday"), ("Statement", "2025-03-29")]


def test_one_date_dates_every_event_of_its_sentence() -> None:
    text = "On 15 August 2025, Trump and Putin met in Anchorage and agreed to meet again."
    assert _dates(text, None) == [("Meeting", "2025-08-15"), ("Agreement", "2025-08-15")]
