"""After "Chinese President Xi Jinping and US President Donald Trump met in Busan … on October 30"
(2025), the sentence "Xi told Trump that the two countries should be partners" was drafted as a
statement *by Trump*, whose paraphrase began with "Trump that …": a person was called alone by the
last word of their name ("Jinping"), and a name of two letters never. Where English news writes the
family name first (`family_name_first` in rules/draft.yaml: China, the Koreas, Vietnam…), it is the
first word now ("Xi", "Lee" of Lee Jae-myung), not the English words of two letters ("He said").
And "told X that …" names X as the addressee, and what was said after "that".
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml

from diplograph import draft
from diplograph.registry import load_registry

from ..conftest import SEEDS, seed_registry

REGISTRY = seed_registry()
MEETING = ("Chinese President Xi Jinping and US President Donald Trump met in Busan, South Korea, on October 30. ")


def _statements(text: str) -> list[tuple[str, list[str] | None, str | None]]:
    d = draft.draft_text(MEETING + text, dt.date(2025, 11, 1), REGISTRY)
    return [(e["speaker"], e.get("addressees"), e.get("paraphrase")) for e in d.events if e["type"] == "Statement"]


def test_xi_alone_is_xi_jinping_and_trump_is_told() -> None:
    assert _statements("Xi told Trump that the two countries should be partners.") == [
        ("xi-jinping", ["trump"], "the two countries should be partners")]


def test_a_korean_family_name_and_a_pronoun() -> None:
    text = "South Korean President Lee Jae-myung hosted them. Lee said it was a success. He said talks would follow."
    # "He" is nobody's family name; it is the one person named before (test_draft_of_pronouns_and_honorifics)
    assert _statements(text) == [("lee-jae-myung", None, "it was a success"), ("lee-jae-myung", None, "talks would follow")]


def test_elsewhere_the_last_name_as_before() -> None:
    assert draft.family_name("Abdel Fattah el-Sisi", "EGY") == "el-Sisi"
    assert draft.family_name("Xi Jinping", "CHN") == "Xi"
    assert draft.family_name("Xi Jinping", None) == "Jinping"  # no country known: the usual order
    assert draft.family_name("Madonna", "CHN") == "Madonna"


def test_told_without_that_keeps_the_rest() -> None:
    assert _statements("Xi told reporters the talks went well.") == [
        ("xi-jinping", None, "reporters the talks went well")]


def test_a_registry_person_is_called_by_the_family_name(tmp_path: Path) -> None:
    data = yaml.safe_load((SEEDS / "registry.yaml").read_text(encoding="utf-8"))
    data["actors"]["CHN"] = {"type": "Country", "label": "China", "iso3": "CHN", "aliases": ["Chinese"]}
    data["actors"]["wang-yi"] = {"type": "Person", "label": "Wang Yi", "country": "CHN"}
    (tmp_path / "registry.yaml").write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    d = draft.draft_text("Wang said China would respond.", None, load_registry(tmp_path / "registry.yaml"))
    assert d.events[0]["speaker"] == "wang-yi"
