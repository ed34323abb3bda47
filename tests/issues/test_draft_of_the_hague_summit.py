"""The NATO summit in The Hague (24-25 June 2025), in my words: "NATO leaders meeting in The Hague on 25 June
agreed to raise defence spending to 5% of GDP by 2035. Spanish Prime Minister Pedro Sánchez said Spain would
not need to spend that much. Trump threatened Spain with higher tariffs, saying it would pay twice as much in a
trade deal. NATO Secretary General Mark Rutte said the alliance was stronger than ever." was drafted with

* a new person `pedro-s-nchez`: a local id dropped the letters with accents (now `pedro-sanchez`, as
  "Recep Tayyip Erdoğan" is `recep-tayyip-erdogan`; places alike: "São Tomé" is `sao-tome`);
* the threat's consequence "Spain with higher tariffs, …" (the target and "with" are not the price);
* NATO, not Mark Rutte, as the speaker of "NATO Secretary General Mark Rutte said" (the organisation
  came first in the clause; a person is now preferred to a body, a body to a state);
* an agreement of Spain and the United States, the article's two main countries, for "NATO leaders …
  agreed": an agreement among the members of a body of states (`member_bodies` in rules/draft.yaml)
  whom the words do not name is listed as not drafted, for a person to give its parties.
"""

from __future__ import annotations

import datetime as dt

from diplograph import draft

from ..conftest import seed_registry

REGISTRY = seed_registry()
TEXT = ("NATO leaders meeting in The Hague on 25 June agreed to raise defence spending to 5% of GDP by 2035. Spanish Prime "
        "Minister Pedro Sánchez said Spain would not need to spend that much. Trump threatened Spain with higher tariffs, "
        "saying it would pay twice as much in a trade deal. NATO Secretary General Mark Rutte said the alliance was "
        "stronger than ever.")


def test_the_paragraph() -> None:
    d = draft.draft_text(TEXT, dt.date(2025, 6, 26), REGISTRY)
    assert d.actors["pedro-sanchez"] == {"type": "Person", "label": "Pedro Sánchez", "country": "ESP"}
    assert not any("-s-" in aid for aid in d.actors)
    statements = [e["speaker"] for e in d.events if e["type"] == "Statement"]
    # "…, saying it would pay twice as much": what Trump said (seed 014: tests/issues/test_draft_of_seed_014_…)
    assert statements == ["pedro-sanchez", "trump", "mark-rutte"]
    threat = next(e for e in d.events if e["type"] == "Threat")
    assert (threat["initiator"], threat["target"], threat["consequence"]) == ("trump", "ESP", "higher tariffs")
    assert "mark-rutte: {type: Person, label: \"Mark Rutte\", positions: [{office: \"Secretary General\", in: nato}]}" \
        in d.proposals
    assert [e["type"] for e in d.events] == ["Statement", "Statement", "Threat", "Statement"]
    assert d.skipped == ['Agreement (`agreed`) in "NATO leaders meeting in The Hague on 25 June agreed to raise…": only nato '
                         'recognised; it needs two parties']


def test_local_ids_keep_their_letters() -> None:
    assert [draft.local_id(n) for n in ("Pedro Sánchez", "São Tomé", "Recep Tayyip Erdoğan", "Sharm el-Sheikh")] == [
        "pedro-sanchez", "sao-tome", "recep-tayyip-erdogan", "sharm-el-sheikh"]
