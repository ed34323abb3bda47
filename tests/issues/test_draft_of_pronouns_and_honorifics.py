"""Three sentences on Khamenei's answer to Trump (18 June 2025): "Iran's Supreme Leader Ayatollah Ali
Khamenei said on 18 June 2025 that Iran would not surrender. He warned that any US military
intervention would cause irreparable damage. US President Donald Trump had demanded Iran's
unconditional surrender a day earlier." were drafted with

* a new person `ayatollah-ali-khamenei` ("Ayatollah" is a title, as "Sheikh" is: now among the
  `honorifics` of rules/draft.yaml, with Grand Ayatollah, Admiral and Dr);
* the paraphrase "on 18 June 2025 that Iran would not surrender" (the date and "that" are not what
  was said);
* no statement and no threat for "He warned that …" ("only USA recognised; it needs a speaker"): a
  sentence that begins with He or She now has the one person the sentences before named as its
  subject (none when the last sentence naming people named two);
* nothing for "Trump had demanded …": `demanded` is a Statement trigger now, dated 17 June: "a day
  earlier", "three days later", "the next day" count days from the last date a sentence gave.
"""

from __future__ import annotations

import datetime as dt

from diplograph import draft

from ..conftest import seed_registry

REGISTRY = seed_registry()
TEXT = ("Iran's Supreme Leader Ayatollah Ali Khamenei said on 18 June 2025 that Iran would not surrender. He warned "
        "that any US military intervention would cause irreparable damage. US President Donald Trump had demanded "
        "Iran's unconditional surrender a day earlier.")


def test_the_paragraph() -> None:
    d = draft.draft_text(TEXT, dt.date(2025, 6, 19), REGISTRY)
    assert d.actors == {"ali-khamenei": {"type": "Person", "label": "Ali Khamenei", "country": "IRN"}}
    got = [(e["type"], e.get("speaker") or e.get("initiator"), e.get("paraphrase") or e.get("target")) for e in d.events]
    assert got == [("Statement", "ali-khamenei", "Iran would not surrender"),
                   ("Statement", "ali-khamenei", "any US military intervention would cause irreparable damage"),
                   ("Threat", "ali-khamenei", "USA"),
                   ("Statement", "trump", "demanded Iran's unconditional surrender a day earlier")]


def test_he_after_two_people_is_no_one() -> None:
    d = draft.draft_text("Trump met Putin in Anchorage. He said the talks went well.", None, REGISTRY)
    assert [e["type"] for e in d.events] == ["Meeting"]
    assert d.skipped == ['Statement (`said`) in "He said the talks went well.": no actor recognised; it needs a speaker']


def test_he_is_the_last_person_named_even_sentences_before() -> None:
    d = draft.draft_text("Erdogan spoke in Ankara. Turkey and Israel met in Baku. He said the talks went well.", None,
                         REGISTRY)
    assert d.events[-1]["speaker"] == "erdogan"


def test_only_the_date_and_that_are_left_out() -> None:
    d = draft.draft_text("Erdogan said on Monday that the talks went well.", dt.date(2025, 4, 10), REGISTRY)
    assert d.events[0]["paraphrase"] == "the talks went well"
    d = draft.draft_text("Erdogan said that on Monday the talks went well.", dt.date(2025, 4, 10), REGISTRY)
    assert d.events[0]["paraphrase"] == "on Monday the talks went well"


def test_days_counted_from_the_last_date() -> None:
    # "Trump had demanded Iran's unconditional surrender a day earlier": 17 June, not the 18th carried on
    d = draft.draft_text(TEXT, dt.date(2025, 6, 19), REGISTRY)
    assert [e["date"] for e in d.events] == ["2025-06-18", "2025-06-18", "2025-06-18", "2025-06-17"]
    text = "Trump met Putin in Anchorage on Friday. Zelensky met Trump in Washington three days later."
    assert [e["date"] for e in draft.draft_text(text, dt.date(2025, 8, 19), REGISTRY).events] == ["Friday", "2025-08-18"]
    text = "Trump met Putin in Anchorage on 15 August 2025. The next day Zelensky said Ukraine would not give up land."
    assert [e["date"] for e in draft.draft_text(text, None, REGISTRY).events] == ["2025-08-15", "2025-08-16"]
    # from a date that is no day ("in recent weeks"), nothing is counted
    text = "Trump met Putin in recent weeks. A day later, Zelensky said Ukraine would not give up land."
    assert [e["date"] for e in draft.draft_text(text, dt.date(2025, 8, 19), REGISTRY).events] == ["recent weeks"] * 2
