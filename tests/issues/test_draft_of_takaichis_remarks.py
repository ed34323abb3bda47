"""Japan and China after Takaichi's remarks (November 2025), in my words: "Japanese Prime Minister Sanae
Takaichi told parliament on 7 November that a Chinese attack on Taiwan could threaten Japan's survival. Two
Japanese officials said the government would not retract the remarks. … Chinese Foreign Ministry spokesperson
Lin Jian said Japan must reflect on its mistakes." was drafted with

* the paraphrase "parliament on 7 November that a Chinese attack …": whom one told and when, up to
  "that", is not what was said (an actor told is the addressee, as before);
* a threat by Takaichi against China: "could threaten Japan's survival" is what an attack might do (the
  trigger is now "threatened"/"threatens"/"will threaten", not the bare verb);
* China as the speaker of its spokesperson's words: "Foreign Ministry spokesperson" is an office now.
"""

from __future__ import annotations

import datetime as dt

from diplograph import draft

from ..conftest import seed_registry

REGISTRY = seed_registry()
TEXT = ("Japanese Prime Minister Sanae Takaichi told parliament on 7 November that a Chinese attack on Taiwan could "
        "threaten Japan's survival. Two Japanese officials said the government would not retract the remarks. Chinese "
        "Foreign Ministry spokesperson Lin Jian said Japan must reflect on its mistakes.")


def test_the_paragraph() -> None:
    d = draft.draft_text(TEXT, dt.date(2025, 11, 20), REGISTRY)
    assert [(e["type"], e["speaker"], e["paraphrase"]) for e in d.events] == [
        ("Statement", "sanae-takaichi", "a Chinese attack on Taiwan could threaten Japan's survival"),
        ("Statement", "source-two-japanese-officials", "the government would not retract the remarks"),
        ("Statement", "lin-jian", "Japan must reflect on its mistakes")]
    assert d.actors["lin-jian"] == {"type": "Person", "label": "Lin Jian", "country": "CHN"}


def test_told_whom_that() -> None:
    d = draft.draft_text("Araghchi told reporters in Muscat that the talks were constructive.", dt.date(2025, 4, 13),
                         REGISTRY)
    assert d.events[0]["paraphrase"] == "the talks were constructive"


def test_a_threat_made_is_still_one() -> None:
    d = draft.draft_text("Israel threatens Iran with new strikes. Iran will threaten Israel.", dt.date(2025, 6, 13),
                         REGISTRY)
    assert [(e["type"], e["initiator"], e["target"]) for e in d.events] == [("Threat", "ISR", "IRN"),
                                                                              ("Threat", "IRN", "ISR")]
