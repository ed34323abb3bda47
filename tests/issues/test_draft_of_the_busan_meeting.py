"""A draft of "Chinese President Xi Jinping and US President Donald Trump met in Busan, South Korea,
on October 30 and agreed to a one-year trade truce" (30 October 2025) made South Korea a third
participant of a "trilateral" meeting and a party to the truce: a country named after "in Busan, "
says where the place is. It takes no part in a meeting, an agreement or a mediation now; it is
still the target of a strike ("struck targets in Damascus, Syria").
"""

from __future__ import annotations

import datetime as dt

from diplograph import draft

from ..conftest import seed_registry


def test_the_country_of_the_venue_takes_no_part() -> None:
    d = draft.draft_text("Chinese President Xi Jinping and US President Donald Trump met in Busan, South Korea, on "
                         "October 30 and agreed to a one-year trade truce.", dt.date(2025, 11, 20), seed_registry())
    meeting, truce = d.events
    assert (meeting["participants"], meeting["format"], meeting["date"]) == (["CHN", "USA"], "bilateral", "2025-10-30")
    assert truce["parties"] == ["CHN", "USA"]
    assert "KOR" not in d.actors


def test_the_country_of_a_strike_is_its_target() -> None:
    d = draft.draft_text("Israel struck targets in Damascus, Syria, on Tuesday.", dt.date(2025, 7, 17), seed_registry())
    assert [(e["initiator"], e.get("target")) for e in d.events] == [("ISR", "SYR")]
