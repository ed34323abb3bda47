"""A draft of the Rwanda-DR Congo peace agreement signed in Washington (27 June 2025): "Rwandan
Foreign Minister Olivier Nduhungirehe and his Congolese counterpart … signed a peace agreement in
Washington" had the parties Rwanda and the **United States** (the place's country, the only other
country named): "Congolese" was left out of rules/demonyms.yaml as two countries' word. It now
stands for the Democratic Republic (in the news far more often; a person checks every draft).
"Qatar … welcomed the deal" drafted nothing: "welcomed" + a deal, agreement, ceasefire… is a
statement (not "welcomed the two delegations to the city": seed 002 is unchanged), and what was
said is "welcomed the deal".
"""

from __future__ import annotations

import datetime as dt

from diplograph import draft

from ..conftest import seed_registry


def test_the_agreement_and_the_welcome() -> None:
    d = draft.draft_text("Rwandan Foreign Minister Olivier Nduhungirehe and his Congolese counterpart Therese "
                         "Kayikwamba Wagner signed a peace agreement in Washington on Friday. Qatar, which has hosted "
                         "talks between Kinshasa and the M23 rebels, welcomed the deal.", dt.date(2025, 6, 28),
                         seed_registry())
    agreement = next(e for e in d.events if e["type"] == "Agreement")
    assert agreement["parties"] == ["RWA", "COD"]
    welcome = next(e for e in d.events if e["type"] == "Statement")
    assert (welcome["speaker"], welcome["paraphrase"]) == ("QAT", "welcomed the deal")


def test_welcoming_delegations_is_no_statement() -> None:
    d = draft.draft_text("Italian Foreign Minister Antonio Tajani had welcomed the two delegations to the city.",
                         None, seed_registry())
    assert [e for e in d.events if e["type"] == "Statement"] == []
