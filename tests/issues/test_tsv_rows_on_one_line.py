"""`query --format tsv` wrote a literal holding a line break (an evidence prefix that reaches back over
a paragraph) as a Turtle long string, its line break raw: the row ran over two lines and no TSV reader
could read it. Terms are now written in N-Triples syntax, as the SPARQL 1.1 TSV format asks: one row,
one line.
"""

from __future__ import annotations

import pyoxigraph as ox

from diplograph import queries as Q
from diplograph.store import Store


def test_every_evidence_row_of_the_seeds_is_one_tsv_line(embedded: Store) -> None:
    events = Q.run_text(embedded, "PREFIX oa: <http://www.w3.org/ns/oa#> SELECT DISTINCT ?e WHERE { ?a oa:hasBody ?e }")
    multiline = 0
    for (event,) in events.rows:
        article, _, eid = str(event).removeprefix("https://w3id.org/diplograph/id/article/").partition("/event/")
        result = Q.run(embedded, Q.get("evidence"), {"event": f"{article}#{eid}"})
        lines = Q.render(result, "tsv").split("\n")
        assert lines.pop() == "" and len(lines) == len(result.rows) + 1
        for line, row in zip(lines[1:], result.rows):
            fields = line.split("\t")
            assert len(fields) == len(result.vars)
            for field, term in zip(fields, row):
                if field:  # each one an N-Triples term that reads back as the term it was
                    [triple] = ox.parse(f"<urn:s> <urn:p> {field} .\n", format=ox.RdfFormat.N_TRIPLES)
                    assert triple.object.value == str(term)
            multiline += any("\n" in str(t) for t in row if t is not None)
    assert multiline  # the seeds hold such literals: the test reads what it is about
