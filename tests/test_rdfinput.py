"""Annotations written in Turtle or JSON-LD: the same graph as YAML, errors at the author's line."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from diplograph.build import build, find_annotations
from diplograph.errors import LoadError
from diplograph.export import export
from diplograph.mapping import map_annotation
from diplograph.store import MemoryStore, Store
from diplograph.terms import DG

from .conftest import ROOT, SEEDS, run_cli, seed_registry

EXAMPLE = "008_anchorage_trump_putin"
EXAMPLES = ROOT / "docs" / "examples"
SEED_IDS = sorted(p.stem for p in SEEDS.glob("*.yaml") if p.name != "registry.yaml")
REGISTRY = seed_registry()


def _graph(annotation: Path) -> Graph:
    """An annotation's mapped graph, without the content hash (which hashes the file's bytes)."""
    m = map_annotation(annotation, REGISTRY)
    assert m.diagnostics == []
    m.graph.remove((None, DG.contentHash, None))
    return m.graph


def _beside_article(tmp_path: Path, article_id: str, name: str, data: bytes) -> Path:
    shutil.copy(SEEDS / f"{article_id}.txt", tmp_path)
    out = tmp_path / name
    out.write_bytes(data)
    return out


@pytest.mark.parametrize("fmt,suffix", [("turtle", ".ttl"), ("jsonld", ".jsonld")])
@pytest.mark.parametrize("article_id", SEED_IDS)
def test_an_exported_article_reads_back_as_the_same_graph(embedded: Store, tmp_path: Path, article_id: str,
                                                          fmt: str, suffix: str) -> None:
    """Export one article, put the file beside its text: diplograph maps it to the YAML's graph."""
    path = _beside_article(tmp_path, article_id, article_id + suffix, export(embedded, fmt, article=article_id))
    from_rdf = _graph(path)
    assert len(from_rdf) > 50
    assert isomorphic(from_rdf, _graph(SEEDS / f"{article_id}.yaml"))


@pytest.mark.parametrize("suffix", [".ttl", ".jsonld"])
def test_hand_written_examples_say_what_the_seed_yaml_says(tmp_path: Path, suffix: str) -> None:
    path = _beside_article(tmp_path, EXAMPLE, EXAMPLE + suffix, (EXAMPLES / (EXAMPLE + suffix)).read_bytes())
    assert isomorphic(_graph(path), _graph(SEEDS / f"{EXAMPLE}.yaml"))


def test_a_corpus_may_mix_formats(tmp_path: Path, corpus: Path) -> None:
    """Build with one article in Turtle and one in JSON-LD: the store holds what the all-YAML build holds."""
    reference = MemoryStore()
    build(reference, [SEEDS])
    (corpus / f"{EXAMPLE}.yaml").unlink()
    shutil.copy(EXAMPLES / f"{EXAMPLE}.ttl", corpus)
    (corpus / "005_istanbul_russia_ukraine.yaml").unlink()
    (corpus / "005_istanbul_russia_ukraine.jsonld").write_bytes(export(reference, "jsonld", article="005_istanbul_russia_ukraine"))
    (corpus / "exports").mkdir()  # RDF files that are not beside an article are not annotations
    (corpus / "exports" / "all.ttl").write_bytes(export(reference, "turtle"))
    mixed = MemoryStore()
    summary = build(mixed, [corpus])
    assert len(summary.added) == len(SEED_IDS)

    def quads(store: Store) -> set[str]:
        return {q for q in store.dump_nquads().splitlines() if str(DG.contentHash) not in q}
    assert quads(mixed) == quads(reference)


def test_one_article_two_annotations_is_a_load_error(corpus: Path) -> None:
    shutil.copy(EXAMPLES / f"{EXAMPLE}.ttl", corpus)
    with pytest.raises(LoadError) as info:
        find_annotations([corpus])
    assert [str(d) for d in info.value.diagnostics] == [
        f"{corpus}/{EXAMPLE}.yaml: error: article `{EXAMPLE}` is already annotated by {corpus}/{EXAMPLE}.ttl; "
        "an article has one annotation (article ids must be unique)"]


PREAMBLE = "article:008_anchorage_trump_putin dg:annotator \"diplograph developers\" .\n"
# (name, text in the example, what the author wrote instead, exit code, expected "LINE:COL: severity: message" lines)
TURTLE_FAULTS = [
    ("syntax", '    dg:topic "a ceasefire in Ukraine" ;\n', '    dg:topic "a ceasefire in Ukraine"\n', 2,
     ["21:5: error: Turtle syntax error: A dot is expected at the end of statements"]),
    ("unknown-property", '    dg:topic "a ceasefire in Ukraine" ;\n', '    dg:topic "a ceasefire in Ukraine" ;\n    dg:mood "good" ;\n', 1,
     ["21:1: error: dg:mood is not read on a Meeting; diplograph reads: dg:addressee, dg:atmosphere, dg:attributedTo, "
      "dg:certainty, dg:concerns, dg:continues, dg:date, dg:declaredIn, dg:format, dg:host, dg:medium, dg:participant, dg:place, "
      "dg:reportedTo, dg:round, dg:topic, rdfs:comment, rdfs:label"]),
    ("quote-not-in-text", 'on Friday" ] ]', 'on Saturday" ] ]', 1,
     ["14:1: error: The event has no evidence: add `evidence:` with the exact words of the article that report it. [evidence]",
      "26:1: error: evidence 1: the quote does not occur in the article text; copy the exact words from the article [evidence]"]),
    ("missing-date", '    dg:date "Friday" ;\n    dg:place place:anchorage ;\n    dg:participant', '    dg:place place:anchorage ;\n    dg:participant', 1,
     ["14:1: error: The event needs exactly one date of type xsd:date: add `date:` (2025-04-09, 2025-04, Wednesday, "
      "this week, recent months, or 2025-04-07..2025-04-10). [date]"]),
    ("bad-date", 'dg:date "Friday" ;\n    dg:place place:anchorage ;\n    dg:speaker actor:trump',
     'dg:date "2025-02-30" ;\n    dg:place place:anchorage ;\n    dg:speaker actor:trump', 1,
     ["30:1: error: '2025-02-30' is not a valid calendar date [date]"]),  # not also "needs exactly one date"
    ("unknown-actor", "dg:speaker actor:trump", "dg:speaker actor:trumpp", 1,
     ["32:1: error: unknown actor `trumpp`: not in the registry nor under `actors:`; did you mean `trump`?"]),
    ("foreign-iri", "dg:speaker actor:trump", "dg:speaker <http://example.org/trump>", 1,
     ["32:1: error: <http://example.org/trump> is not a registry actor (actor:ID) nor an actor described in this file"]),
    ("one-participant", "dg:participant actor:trump, actor:putin", "dg:participant actor:trump", 1,
     ["18:1: error: A meeting needs at least two participants (delegations, states or people): "
      "`participants: [ISR, TUR]`. [participants]"]),
    ("unknown-concept", "dg:format dg:Bilateral", "dg:format dg:Bilaterall", 1,
     ["19:1: error: <https://w3id.org/diplograph/ontology#Bilaterall> is not allowed here; use one of: dg:Bilateral, "
      "dg:Trilateral, dg:Multilateral"]),
    ("iri-for-text", 'dg:topic "a ceasefire in Ukraine"', "dg:topic actor:putin", 1,
     ["20:1: error: dg:topic takes a literal (text, a date or a number), not actor:putin"]),
    ("blank-node-event", "<event/no-deal> a dg:Statement", "[] a dg:Statement", 1,
     ["28:1: error: this event is a blank node: give it an IRI such as <event/my-id>, so that other articles and "
      "queries can name it",
      "38:1: error: evidence for article:008_anchorage_trump_putin/event/no-deal, which is not an event in this file "
      "(a dg:Meeting, dg:Statement, … with an IRI)"]),
    ("misspelt-property", "dg:participant actor:trump, actor:putin", "dg:participants actor:trump, actor:putin", 1,
     ["18:1: error: dg:participants is not read on a Meeting; did you mean dg:participant? diplograph reads: "
      "dg:addressee, dg:atmosphere, dg:attributedTo, dg:certainty, dg:concerns, dg:continues, dg:date, dg:declaredIn, "
      "dg:format, dg:host, dg:medium, dg:participant, dg:place, dg:reportedTo, dg:round, dg:topic, rdfs:comment, rdfs:label"]),
    ("document-as-article", PREAMBLE, '<> dg:annotator "diplograph developers" .\n', 1,  # <> is the base, below the article
     ["12:1: error: `<>` is article:008_anchorage_trump_putin/ here, not the article (relative IRIs resolve against "
      "it, so that <event/ID> is an event): name the article article:008_anchorage_trump_putin"]),
    ("shared-actor-described", PREAMBLE, PREAMBLE + 'actor:trump rdfs:label "Donald Trump" .\n', 1,
     ["13:1: error: statements about actor:trump are not read: diplograph reads events (a dg:Meeting, dg:Statement, …), "
      "actors local to this article and the oa:Annotations that are their evidence; describe shared actors and places "
      "in registry.yaml"]),
    ("two-quotes-one-selector", 'until there was a deal." ]', 'until there was a deal.", "Putin suggested" ]', 1,
     ["40:1: error: oa:exact is given 2 times in one selector; write one oa:Annotation per quote"]),
    ("unread-evidence-term", "oa:hasBody <event/no-deal> ;", 'oa:hasBody <event/no-deal> ;\n    oa:bodyValue "x" ;', 1,
     ["39:1: error: oa:bodyValue is not read in evidence; diplograph reads the oa:TextQuoteSelector's oa:exact, "
      "oa:prefix and oa:suffix"]),
]
JSONLD_FAULTS = [
    ("syntax", '"dg:topic": "a ceasefire in Ukraine",', '"dg:topic": "a ceasefire in Ukraine"', 2,
     ["35:7: error: JSON-LD syntax error: Object values must be followed by a comma to add a new value or a curly "
      "bracket to end the object"]),
    ("remote-context", '"@context": {', '"@context": {"@import": "https://example.org/context.jsonld", ', 2,
     ["2:27: error: the @context refers to a document elsewhere (a URL or file); diplograph never fetches contexts, "
      "which could read local files or reach the network: write the context inline"]),
    ("unknown-property", '"dg:topic": "a ceasefire in Ukraine",', '"dg:topic": "a ceasefire in Ukraine",\n      "dg:mood": "good",', 1,
     ["35:7: error: dg:mood is not read on a Meeting; diplograph reads: dg:addressee, dg:atmosphere, dg:attributedTo, "
      "dg:certainty, dg:concerns, dg:continues, dg:date, dg:declaredIn, dg:format, dg:host, dg:medium, dg:participant, dg:place, "
      "dg:reportedTo, dg:round, dg:topic, rdfs:comment, rdfs:label"]),
    ("quote-not-in-text", 'on Friday"', 'on Saturday"', 1,
     ["17:7: error: The event has no evidence: add `evidence:` with the exact words of the article that report it. [evidence]",
      "47:11: error: evidence 1: the quote does not occur in the article text; copy the exact words from the article [evidence]"]),
    ("unknown-place", '"place:anchorage"\n      },\n      "dg:participant"', '"place:anchorag"\n      },\n      "dg:participant"', 1,
     ["20:7: error: unknown place `anchorag`: add it under `places:` in the registry, or write `unknown`; did you mean `anchorage`?"]),
]


@pytest.mark.parametrize("suffix,name,old,new,code,expected", [
    *((".ttl", *f) for f in TURTLE_FAULTS), *((".jsonld", *f) for f in JSONLD_FAULTS)],
    ids=[f"turtle-{f[0]}" for f in TURTLE_FAULTS] + [f"jsonld-{f[0]}" for f in JSONLD_FAULTS])
def test_fault_reported_at_the_authors_line(tmp_path: Path, suffix: str, name: str, old: str, new: str, code: int,
                                            expected: list[str]) -> None:
    text = (EXAMPLES / (EXAMPLE + suffix)).read_text()
    assert text.count(old) == 1, "the fault must change the example in one place"
    path = _beside_article(tmp_path, EXAMPLE, EXAMPLE + suffix, text.replace(old, new).encode())
    result = run_cli("validate", "--registry", str(SEEDS / "registry.yaml"), str(path))
    assert result.returncode == code, result.stdout + result.stderr
    lines = [line.removeprefix(f"{path}:") for line in result.stdout.splitlines() if line.startswith(str(path))]
    assert lines == expected


def test_readme_turtle_extract_is_the_example() -> None:
    readme = (ROOT / "README.md").read_text()
    block = readme.split("```turtle\n", 1)[1].split("```", 1)[0]
    assert block in (EXAMPLES / f"{EXAMPLE}.ttl").read_text()
