"""A draft of a paragraph on the India-Pakistan ceasefire (10 May 2025) had three mistakes:

* "Pakistani Foreign Minister Ishaq Dar said the United States had helped to broker the deal" made
  **Pakistan** the mediator (the sentence's first actor): the mediator of an offer is now the actor
  just before the words ("the United States … helped to broker").
* "Indian officials said" became an anonymous source labelled "an officials": the pattern matched
  the end of "Indian" (no word boundary), and wanted a determiner ("an official", "two sources");
  now "Indian officials" is the source, affiliated to India, and the statement `anonymous`.
* "New Delhi" was proposed twice, as "New Delhi" and as "Delhi" (a word inside the name), and as
  the place of the statement ("place new-delhi once in the registry") where the text named it as
  who would respond: a proposed place is an event's only where the text puts something at it.
"""

from __future__ import annotations

import datetime as dt

from diplograph import draft

from ..conftest import seed_registry

REGISTRY = seed_registry()
TEXT = ("India and Pakistan agreed to a ceasefire on Saturday. Pakistani Foreign Minister Ishaq Dar said the United "
        "States had helped to broker the deal. Indian officials said New Delhi would respond to any further attack.")


def test_the_ceasefire_paragraph() -> None:
    d = draft.draft_text(TEXT, dt.date(2025, 5, 12), REGISTRY)
    mediation = next(e for e in d.events if e["type"] == "MediationOffer")
    assert (mediation["mediator"], mediation["parties"]) == ("USA", ["PAK", "IND"])
    assert d.actors["source-indian-officials"] == {"type": "AnonymousSource", "label": "Indian officials",
                                                   "affiliation": "IND"}
    said = [e for e in d.events if e.get("speaker") == "source-indian-officials"]
    assert [(e["certainty"], e["place"]) for e in said] == [("anonymous", "unknown")]
    assert "place new-delhi" not in said[0]["note"]
    assert [p.split(":")[0] for p in d.proposals if "GeoNames" in p] == ["new-delhi"]


def test_a_source_with_a_determiner_still_is_one() -> None:
    d = draft.draft_text("A senior diplomatic source told Reuters the talks would resume.", None, REGISTRY)
    assert [a["label"] for a in d.actors.values() if a["type"] == "AnonymousSource"] == ["A senior diplomatic source"]
