"""Capitals in news stand for their state ("Beijing warned", "Tokyo summoned") and are places
after "in" ("talks in Doha"). Drafting a paragraph on the dispute between China and Japan of
November 2025 (Prime Minister Takaichi's remarks on Taiwan of 7 November; Vice Foreign Minister Sun
Weidong summoned Japan's ambassador on 13 November) against the seed registry showed:

* "Beijing warned that Japan would suffer a "crushing defeat"" drafted a threat *by Japan against
  Taiwan*: Beijing was no actor, only a city proposed for the registry. A capital GeoNames knows now
  stands for its state before a verb of what states do (`metonym_verbs` in rules/draft.yaml), and is
  not proposed as a city there; elsewhere it is a city, as before ("Valletta hosted …").
* "held talks in Doha" made Qatar a third participant (the seed registry lists "Doha" among
  Qatar's aliases, as it lists "Tehran" among Iran's): a capital after in/at/near/outside is the
  place (proposed when the registry lacks it), not its state.
* "Chinese Vice Foreign Minister Sun Weidong" was proposed with no country, as a "Foreign Minister":
  the "Vice" before the office hid the demonym. `office_prefixes` (Vice, Deputy, Acting) are now part
  of the office.
* "survival-threatening situation" fired the Threat trigger `threaten`.
"""

from __future__ import annotations

import datetime as dt

from diplograph import draft

from ..conftest import seed_registry

REGISTRY = seed_registry()
TEXT = ("Japanese Prime Minister Sanae Takaichi told parliament on 7 November 2025 that a Chinese attack on Taiwan "
        "could amount to a \"survival-threatening situation\" for Japan.\n"
        "On 13 November, Chinese Vice Foreign Minister Sun Weidong summoned Japan's ambassador. Beijing warned that "
        "Japan would suffer a \"crushing defeat\" if it intervened militarily over Taiwan.\n")


def test_the_paragraph() -> None:
    d = draft.draft_text(TEXT, dt.date(2025, 11, 17), REGISTRY)
    threat = next(e for e in d.events if e["type"] == "Threat")
    assert (threat["initiator"], threat["target"], threat["date"]) == ("CHN", "JPN", "2025-11-13")
    assert [e["speaker"] for e in d.events if e["type"] == "Statement"] == ["sanae-takaichi", "sun-weidong", "CHN"]
    # the summons: a protest to Japan (tests/issues/test_draft_of_a_summons.py)
    summons = [e for e in d.events if e.get("medium") == "summons"]
    assert [(e["speaker"], e["addressees"], e["paraphrase"]) for e in summons] == [
        ("sun-weidong", ["JPN"], "summoned Japan's ambassador")]
    assert d.actors["sun-weidong"] == {"type": "Person", "label": "Sun Weidong", "country": "CHN"}
    assert ('sun-weidong: {type: Person, label: "Sun Weidong", country: CHN, positions: [{office: "Vice Foreign '
            'Minister"}]}') in d.proposals
    assert not any(p.startswith("beijing:") for p in d.proposals)  # China here, not a city
    assert not any(s.startswith("Threat") for s in d.skipped)  # "survival-threatening" is no threat


def test_a_registry_capital_after_in_is_the_place() -> None:
    d = draft.draft_text("Israeli and Hamas negotiators held talks in Doha on Monday.", dt.date(2025, 9, 10), REGISTRY)
    (meeting,) = d.events
    assert (meeting["participants"], meeting["place"]) == (["ISR", "hamas"], "doha")
    # a capital the registry lacks as a place (Tehran is one of Iran's names there): proposed, not its state
    d = draft.draft_text("Omani and Qatari officials held talks in Tehran on Monday.", dt.date(2025, 9, 10), REGISTRY)
    (meeting,) = d.events
    assert meeting["participants"] == ["OMN", "QAT"]
    assert meeting["note"] == ("draft: rule Meeting trigger /held talks/, place tehran once in the registry (proposed "
                               "below); confidence 0.80")
    assert any(p.startswith("tehran: {label: Tehran,") for p in d.proposals)
    # elsewhere the registry's alias is the state, as it says
    d = draft.draft_text("Doha said the talks would go on.", None, REGISTRY)
    assert d.events[0]["speaker"] == "QAT"
    assert not any(p.startswith("doha:") for p in d.proposals)


def test_a_registry_place_after_in_is_that_place() -> None:
    # Moscow is Russia's alias in the seed registry and no place of it; with a place named Moscow,
    # "in Moscow" is that place
    lex = draft.Lexicon(REGISTRY)
    lex.place_named["Moscow"] = "moscow"
    found = lex.find("Talks in Moscow ended. Moscow said no.")
    assert [(m.kind, m.id) for m in found] == [("place", "moscow"), ("actor", "RUS")]


def test_a_capital_the_registry_lacks_is_a_state_only_before_a_verb() -> None:
    lex = draft.Lexicon(REGISTRY)
    assert [(m.id, m.text) for m in lex.find("Tokyo summoned the ambassador; Beijing's reply came.")] == [
        ("JPN", "Tokyo"), ("CHN", "Beijing")]
    assert lex.find("Tokyo hosted the games.") == []
    d = draft.draft_text("Delegations met in Tokyo. Tokyo hosted them.", None, REGISTRY)
    assert [p.split(":")[0] for p in d.proposals] == ["tokyo"]


def test_vice_deputy_and_acting_are_part_of_the_office() -> None:
    d = draft.draft_text("Egyptian Deputy Prime Minister Jane Example met Turkish Acting Defence Minister Joe Sample.",
                         None, REGISTRY)
    assert d.actors["jane-example"]["country"] == "EGY"
    assert any('office: "Deputy Prime Minister"' in p for p in d.proposals)
    assert any('office: "Acting Defence Minister"' in p for p in d.proposals)


def test_a_country_after_in_is_also_the_registrys_place() -> None:
    # seeds 000 and 006: "Turkish bases in Syria", "a confrontation with Israel in Syria": their red lines
    # concern the place Syria (the registry has both the country SYR and the place syria)
    d = draft.draft_text("Israel will not allow Turkish bases in Syria.", None, REGISTRY)
    (red,) = d.events
    assert (red["holder"], red["concerns"]) == ("ISR", ["syria"])
    d = draft.draft_text("Israel will not allow Syria to rearm.", None, REGISTRY)
    assert "concerns" not in d.events[0]  # Syria as an actor only


def test_a_capital_after_in_is_the_registry_place_that_begins_with_its_name() -> None:
    # "met in Washington" proposed a second `washington` (GeoNames' "Washington") beside the registry's
    # "Washington, D.C.", whose id it is
    d = draft.draft_text("Aliyev and Pashinyan met in Washington on Friday.", dt.date(2025, 8, 9), REGISTRY)
    assert (d.events[0]["place"], d.events[0]["participants"]) == ("washington", ["AZE", "ARM"])
    assert d.proposals == []
