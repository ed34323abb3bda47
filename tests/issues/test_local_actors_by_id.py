"""A draft names a country the registry lacks as a local actor (`GBR: {type: Country, label: United
Kingdom, iso3: GBR}`), and the analyst then asked `query meetings --param actor=GBR`: "unknown actor
'GBR': give a registry id, an IRI or a label that is in the store", though `actor="United Kingdom"`
(its label) found it. An id that is no registry actor now names the local actor an article declares
with it; declared by several articles (each its own actor until the registry has it), it is an
error that says which articles and how to make them one.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph import queries as Q
from diplograph.build import build
from diplograph.errors import UsageError
from diplograph.store import OxigraphStore

TEXT = """---
title: Starmer meets Netanyahu
published: 2025-03-02
outlet: diplograph
origin: diplograph
---
British Prime Minister Keir Starmer met Israeli Prime Minister Benjamin Netanyahu in Jerusalem on Saturday.
"""
ANNOTATION = """annotator: test
actors:
  GBR: {type: Country, label: United Kingdom, iso3: GBR}
events:
  - id: meeting
    type: Meeting
    label: Starmer and Netanyahu meet
    date: Saturday
    place: unknown
    participants: [GBR, ISR]
    certainty: stated
    evidence:
      - British Prime Minister Keir Starmer met Israeli Prime Minister Benjamin Netanyahu
"""


def _article(corpus: Path, name: str) -> None:
    (corpus / f"{name}.txt").write_text(TEXT, encoding="utf-8")
    (corpus / f"{name}.yaml").write_text(ANNOTATION, encoding="utf-8")


def test_a_local_actor_by_its_id(corpus: Path, tmp_path: Path) -> None:
    _article(corpus, "starmer_visit")
    store = OxigraphStore(tmp_path / "store")
    build(store, [corpus])
    by_id = Q.run(store, Q.get("meetings"), {"actor": "GBR"}).rows
    assert [str(r[1]).rsplit("/", 3)[-3] for r in by_id] == ["starmer_visit"]
    assert by_id == Q.run(store, Q.get("meetings"), {"actor": "United Kingdom"}).rows
    with pytest.raises(UsageError, match="unknown actor 'FRA'"):
        Q.run(store, Q.get("meetings"), {"actor": "FRA"})


def test_the_same_local_id_in_two_articles(corpus: Path, tmp_path: Path) -> None:
    _article(corpus, "starmer_visit")
    _article(corpus, "starmer_visit_again")
    store = OxigraphStore(tmp_path / "store")
    build(store, [corpus])
    with pytest.raises(UsageError) as err:
        Q.run(store, Q.get("meetings"), {"actor": "GBR"})
    assert str(err.value) == ("actor 'GBR' is ambiguous: articles starmer_visit, starmer_visit_again each declare a "
                              "local actor `GBR`; give its IRI, or add `GBR` to the registry so that they are one actor")
