"""`red-lines --param holder=ISR` listed the red lines Israel holds, not those its defence minister
draws (`holder: katz`), where `statements --param speaker=ISR` and now `threats --param
initiator=ISR` count an official's words as their country's. The holder now includes its officials
and bodies (one step: `dg:country` or `dg:represents`; 0.10 → 0.16-0.19 s computed at 10k articles).
"""

from __future__ import annotations

import shutil
from pathlib import Path

from diplograph import queries as Q
from diplograph.build import build
from diplograph.store import OxigraphStore

from ..conftest import SEEDS


def test_a_ministers_red_line_is_the_countrys(tmp_path: Path) -> None:
    corpus = tmp_path / "corpus"
    shutil.copytree(SEEDS, corpus)
    ann = next(corpus.glob("006_*.yaml"))
    text = ann.read_text(encoding="utf-8")
    at = text.index("id: hostile-forces-red-line")
    head, tail = text[:at], text[at:]
    assert "holder: ISR" in tail
    ann.write_text(head + tail.replace("holder: ISR", "holder: katz", 1), encoding="utf-8")
    store = OxigraphStore(tmp_path / "store")
    build(store, [corpus])

    def red_lines(holder: str) -> set[str]:
        result = Q.run(store, Q.get("red-lines"), {"holder": holder})
        return {str(r[result.vars.index("redLine")]).rsplit("/", 1)[1] for r in result.rows}

    assert "hostile-forces-red-line" in red_lines("ISR")
    assert "hostile-forces-red-line" in red_lines("katz")
    assert "hostile-forces-red-line" not in red_lines("TUR")
    assert len(red_lines("ISR")) == 3  # the two Israel holds itself, and Katz's
