"""A paraphrase ran on into the next actor's clause: "Takaichi said her government's position had not
changed, and Beijing summoned the ambassador" made Takaichi say that Beijing summoned him. What was
said now stops before ", and|but|while|whereas" or ";" followed by another actor; an actor inside
what was said ("Trump said Xi and Japan were friends") is kept.
"""

from __future__ import annotations

import datetime as dt

import pytest

from diplograph import draft

from ..conftest import seed_registry

REGISTRY = seed_registry()
INTRO = "Chinese President Xi Jinping met US President Donald Trump in Busan. "


@pytest.mark.parametrize(("sentence", "said"), [
    ("Trump said the meeting was amazing, and Xi agreed to more talks.", "the meeting was amazing"),
    ("Trump said the meeting was amazing; Japan said nothing.", "the meeting was amazing"),
    ("Xi told Trump that China would buy soybeans, while Japan said nothing.", "China would buy soybeans"),
    ("Trump said the position had not changed, and the Kremlin summoned the envoy.", "the position had not changed"),
    ("Trump said Xi and Japan were friends.", "Xi and Japan were friends"),
    ("Trump said the talks went well, and that more would follow.", "the talks went well, and that more would follow"),
])
def test_what_was_said(sentence: str, said: str) -> None:
    d = draft.draft_text(INTRO + sentence, dt.date(2025, 11, 1), REGISTRY)
    assert [e["paraphrase"] for e in d.events if e["type"] == "Statement"][0] == said
