"""`--param actor="Recep Tayyip Erdogan"` was "unknown actor …; did you mean `erdogan` (Recep Tayyip
Erdoğan)?", exit 2: a name typed without its accents, which the hint itself recognised, had to be
typed again. A name that differs from one entry's label, alias or id only in case and accents now
names it; one that matches two entries so is still an error, and a typo still gets the hint.
"""

from __future__ import annotations

import pytest

from diplograph import queries as Q
from diplograph.errors import UsageError
from diplograph.store import Store


def test_a_name_without_its_accents_names_the_entry(embedded: Store) -> None:
    assert Q.to_term(Q.Param("actor", "actor", None, False, ""), "recep tayyip erdogan", embedded).endswith("/actor/erdogan")
    assert Q.to_term(Q.Param("actor", "actor", None, False, ""), "Israël", embedded).endswith("/actor/ISR")
    rows = Q.run(embedded, Q.get("meetings"), {"actor": "TURKIYE"}).rows  # TUR's alias Türkiye
    assert [str(r[1]).rsplit("/", 1)[1] for r in rows] == ["baku-talks", "sharm-summit"]


def test_a_typo_is_still_an_error_with_the_nearest_name(embedded: Store) -> None:
    with pytest.raises(UsageError, match=r"^unknown actor 'Erdogn': .*did you mean `erdogan`\?$"):
        Q.run(embedded, Q.get("timeline"), {"actor": "Erdogn"})
