"""The EU-China summit in Beijing (24 July 2025), in my words: "European Commission President Ursula von der
Leyen and European Council President António Costa met Chinese President Xi Jinping in Beijing on 24 July.
Von der Leyen said relations had reached an inflection point. Xi urged the EU to manage differences through
dialogue." was drafted with no event:

* the meeting had one side: the Commission's and the Council's presidents were people of no state or body
  (the European Commission and Council are names of the EU now, whose officials act for it);
* "Von der Leyen said" was no one: a person is named again by a surname whose first letter may be a
  capital at a sentence's start;
* "urged" was no statement ("urged", "called on" are now, the one urged its addressee and what they
  were urged to do its paraphrase; "the EU" as "told the EU that" would be).
"""

from __future__ import annotations

import datetime as dt

from diplograph import draft

from ..conftest import seed_registry

REGISTRY = seed_registry()
TEXT = ("European Commission President Ursula von der Leyen and European Council President António Costa met Chinese "
        "President Xi Jinping in Beijing on 24 July. Von der Leyen said relations had reached an inflection point. Xi "
        "urged the EU to manage differences through dialogue.")


def test_the_paragraph() -> None:
    d = draft.draft_text(TEXT, dt.date(2025, 7, 25), REGISTRY)
    meeting, said, urged = d.events
    assert (meeting["type"], meeting["participants"], meeting["date"]) == ("Meeting", ["eu", "CHN"], "2025-07-24")
    assert (said["speaker"], said["paraphrase"]) == ("ursula-von-der-leyen", "relations had reached an inflection point")
    assert (urged["speaker"], urged["addressees"], urged["paraphrase"]) == (
        "xi-jinping", ["eu"], "manage differences through dialogue")
    assert d.actors["eu"] == {"type": "Organisation", "label": "European Union"}
    assert ('ursula-von-der-leyen: {type: Person, label: "Ursula von der Leyen", positions: [{office: President, '
            'in: eu}]}') in d.proposals
