"""A registry label or office holding U+2028 (LINE SEPARATOR) or U+0085 (NEXT LINE) broke the commands
that read the registry's N-Triples line by line.

N-Triples leaves both unescaped inside a literal, and str.splitlines() ends a line at them:
`draft` failed to parse the half line it had read for a person's office (values_of), and a build's
chunks, given the types of the registry nodes they name (Registry.types), failed on the other half.
Lines are now split at "\\n" only, as the store and the exporter already split them.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import RDF, RDFS, Graph, URIRef

from diplograph.registry import load_registry

from ..conftest import SEED_ID, run_cli

ISR = "https://w3id.org/diplograph/id/actor/ISR"
BAKU = "https://w3id.org/diplograph/id/place/baku"
OFFICE = "Minister\u2028of\x85Defence"


def _separated(corpus: Path) -> Path:
    registry = corpus / "registry.yaml"
    text = registry.read_text(encoding="utf-8")
    for old, new in (("label: Israel,", 'label: "Israel\\u2028State\\x85of",'),
                     ("office: Minister of Defence,", 'office: "Minister\\u2028of\\x85Defence",')):
        assert old in text
        text = text.replace(old, new, 1)
    registry.write_text(text, encoding="utf-8")
    return registry


def test_the_registry_reads_its_lines_whole(corpus: Path) -> None:
    from diplograph.terms import DG

    reg = load_registry(_separated(corpus))
    got = Graph().parse(data=reg.types([ISR, BAKU, "urn:not-in-the-registry"]), format="nt")
    expected = {(s, RDF.type, o) for s in (URIRef(ISR), URIRef(BAKU)) for o in reg.graph.objects(s, RDF.type)}
    assert set(got) == expected and len(expected) == 2
    assert reg.values_of(str(RDFS.label))[ISR] == "Israel\u2028State\x85of"
    assert OFFICE in reg.values_of(str(DG.office)).values()


def test_validate_build_and_draft_read_such_a_registry(corpus: Path, tmp_path: Path) -> None:
    _separated(corpus)
    done = run_cli("validate", str(corpus))
    assert done.returncode == 0, done.stdout + done.stderr
    done = run_cli("build", str(corpus), "--store", str(tmp_path / "store"))
    assert done.returncode == 0, done.stdout + done.stderr
    done = run_cli("draft", str(corpus / f"{SEED_ID}.txt"))
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
