"""A draft of a paragraph on Israel's strike on Hamas leaders in Doha (9 September 2025):

* "Israel struck Hamas leaders in Doha on Tuesday, the Israel Defense Forces said." was drafted as
  said by **Hamas** (the first organisation before "said") with the whole sentence as what was said:
  the speaker is now looked for first in the clause of the verb (after the last comma: "the Israel
  Defense Forces", so Israel), and what was said is the text before that clause.
* "Qatar condemned the attack …" drafted nothing: "condemned" is now a statement's trigger.
* "Saudi Crown Prince Mohammed bin Salman" was proposed with the office "Crown": the title
  "Prince" was taken off the end of what stood before the name. The office is now the one matched.
"""

from __future__ import annotations

import datetime as dt

from diplograph import draft

from ..conftest import seed_registry

REGISTRY = seed_registry()


def test_the_strike_and_who_said_it() -> None:
    d = draft.draft_text("Israel struck Hamas leaders in Doha on Tuesday, the Israel Defense Forces said. Qatar "
                         "condemned the attack as a flagrant violation of international law.", dt.date(2025, 9, 10),
                         REGISTRY)
    said, strike, condemned = d.events
    assert (said["speaker"], said["paraphrase"]) == ("ISR", "Israel struck Hamas leaders in Doha on Tuesday")
    assert (strike["type"], strike["initiator"], strike["target"]) == ("MilitaryAction", "ISR", "hamas")
    assert (condemned["type"], condemned["speaker"]) == ("Statement", "QAT")
    # a speaker before the verb with no comma between: as before
    d = draft.draft_text("Erdogan said the talks went well.", dt.date(2021, 9, 29), REGISTRY)
    assert (d.events[0]["speaker"], d.events[0]["paraphrase"]) == ("erdogan", "the talks went well")


def test_an_office_of_two_words_before_a_title() -> None:
    d = draft.draft_text("Saudi Crown Prince Mohammed bin Salman spoke on Wednesday.", dt.date(2025, 9, 10), REGISTRY)
    assert ('mohammed-bin-salman: {type: Person, label: "Mohammed bin Salman", country: SAU, '
            'positions: [{office: "Crown Prince"}]}') in d.proposals
