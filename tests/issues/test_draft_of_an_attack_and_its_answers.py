"""A draft of a paragraph about Iran's missiles on Al Udeid (23 June 2025) and the answers to it
had three mistakes:

* "Iran fired missiles at the Al Udeid Air Base in Qatar" drafted no military action: "fired
  missiles", "a drone strike on" are now triggers (rules/draft.yaml).
* "Qatari Prime Minister Sheikh Mohammed bin Abdulrahman Al Thani said" was drafted as said by the
  **Emir** (`tamim`): the registry's "Thani", taken as his surname, overlapped the new name, and
  an overlap meant "the registry's person" ("Recep Tayyip Erdogan" is `erdogan`). A name met only
  through a registry person's surname, with another full name, is now another person.
* The statements of Qatar's and France's leaders were placed at Al Udeid, the place of the strike
  whose date they took: a place now goes on with the date only from a meeting's sentence (the talks
  in Sochi, then what was said at them).

And from a paragraph on Zelensky in London (1 March 2025): "Vice President JD Vance" was proposed
with the office "President", and "Ukraine would never recognise occupied territories" was no red
line ("would not recognise" was).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from diplograph import draft
from diplograph.registry import Registry, load_registry

from ..conftest import SEEDS, seed_registry

REGISTRY = seed_registry()


def without_him(tmp_path: Path) -> Registry:
    """The seed registry as it was when this was found: without Qatar's prime minister (seed 012 added him)."""
    lines = (SEEDS / "registry.yaml").read_text(encoding="utf-8").splitlines(keepends=True)
    (tmp_path / "registry.yaml").write_text("".join(x for x in lines if not x.startswith("  mohammed-bin-abdulrahman:")),
                                            encoding="utf-8")
    return load_registry(tmp_path / "registry.yaml")
TEXT = ("Iran fired missiles at the Al Udeid Air Base in Qatar on Monday. Qatari Prime Minister Sheikh Mohammed bin "
        "Abdulrahman Al Thani said Qatar reserved the right to respond. The French President Emmanuel Macron warned "
        "that the strikes risked a wider war.")


def test_the_attack_and_the_answers(tmp_path: Path) -> None:
    d = draft.draft_text(TEXT, dt.date(2025, 6, 23), without_him(tmp_path))
    strike, qatar, threat, france = d.events
    # "reserved the right to respond": a threat against the striker (tests/issues/test_draft_of_strikes_answered.py)
    assert (threat["type"], threat["initiator"], threat["target"], qatar["declares"]) == (
        "Threat", "mohammed-bin-abdulrahman-al-thani", "IRN", threat["id"])
    assert (strike["type"], strike["initiator"], strike["target"], strike["place"]) == (
        "MilitaryAction", "IRN", "QAT", "al-udeid")
    assert qatar["speaker"] == "mohammed-bin-abdulrahman-al-thani"
    assert d.actors["mohammed-bin-abdulrahman-al-thani"] == {
        "type": "Person", "label": "Mohammed bin Abdulrahman Al Thani", "country": "QAT"}
    assert france["speaker"] == "emmanuel-macron"
    assert [(e["date"], e["place"]) for e in (qatar, france)] == [("Monday", "unknown")] * 2
    assert qatar["note"] == "draft: rule Statement trigger /\\bsaid\\b/, date Monday from an earlier sentence; confidence 0.60"
    # once in the registry, he is its person
    d = draft.draft_text(TEXT, dt.date(2025, 6, 23), REGISTRY)
    assert d.events[1]["speaker"] == "mohammed-bin-abdulrahman" and "mohammed-bin-abdulrahman-al-thani" not in d.actors


def test_the_registry_person_named_in_full_is_still_the_registry_person() -> None:
    d = draft.draft_text("Qatar's Emir Sheikh Tamim bin Hamad Al Thani said the talks would go on.", None, REGISTRY)
    assert d.events[0]["speaker"] == "tamim" and "tamim-bin-hamad-al-thani" not in d.actors
    d = draft.draft_text("Turkish President Recep Tayyip Erdogan said the talks would go on.", None, REGISTRY)
    assert d.events[0]["speaker"] == "erdogan" and d.actors == {}


def test_a_drone_strike_is_a_military_action() -> None:
    d = draft.draft_text("Russia launched a drone strike on Kyiv on Sunday.", dt.date(2025, 7, 1), REGISTRY)
    assert [(e["type"], e["initiator"]) for e in d.events] == [("MilitaryAction", "RUS")]


def test_a_vice_president_and_a_red_line_never_to_be_crossed() -> None:
    d = draft.draft_text("Vice President JD Vance spoke on Friday. Zelensky said Ukraine would never recognise "
                         "occupied territories as Russian.", dt.date(2025, 3, 2), REGISTRY)
    assert 'jd-vance: {type: Person, label: "JD Vance", positions: [{office: "Vice President"}]}' in d.proposals
    assert [(e["type"], e.get("holder")) for e in d.events if e["type"] == "RedLine"] == [("RedLine", "UKR")]
