"""Every SHACL shape fires on a broken example, with its message, at the line the annotator wrote.

Cases break a copy of the seed annotation, article or registry (as a person
would), or, for shapes the mapper can never violate (selectors, offsets), the
mapped graph itself (as a hand-written Turtle annotation could).
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

import pytest
from rdflib import Literal, URIRef
from rdflib.namespace import PROV, RDF, XSD

from diplograph.build import check
from diplograph.mapping import map_annotation
from diplograph.registry import load_registry
from diplograph.terms import DG, GEO, OA, SH, actor_iri, event_iri, place_iri
from diplograph.validation import shacl_validate, shapes_graph

from .conftest import SEED_ID, SEEDS


def _at(entry: str) -> str:
    """`LINE:3`, where the seed registry's entry ``entry`` starts (the registry grows with the seeds)."""
    lines = (SEEDS / "registry.yaml").read_text(encoding="utf-8").splitlines()
    return f"{next(i for i, x in enumerate(lines, 1) if x.startswith(f'  {entry}:'))}:3"


ANN, TXT, REG = f"{SEED_ID}.yaml", f"{SEED_ID}.txt", "registry.yaml"


@dataclass(frozen=True)
class Case:
    id: str
    shape: str
    file: str  # which file the edit and the expected diagnostic are in
    old: str
    new: str
    where: str  # "LINE:COL" of the expected diagnostic
    message: str  # its message starts with this
    severity: str = "error"


CASES = [
    Case("meeting-one-participant", "MeetingShape", ANN, "participants: [israeli-delegation, turkish-officials]",
         "participants: [israeli-delegation]", "29:19", "A meeting needs at least two participants"),
    Case("meeting-no-place", "MeetingShape", ANN, "    place: baku\n    participants: [israeli-delegation",
         "    participants: [israeli-delegation", "24:5", "A meeting needs a place"),
    Case("event-no-date", "EventShape", ANN, "    date: Wednesday\n    place: baku\n    participants",
         "    place: baku\n    participants", "24:5", "The event needs exactly one date"),
    Case("event-no-evidence", "EventShape", ANN,
         "    evidence:\n      - traveled to the Azeri capital on Wednesday, where they met with senior Turkish officials\n"
         "      - the first round of talks in Baku were held in a positive atmosphere\n", "", "24:5",
         "The event has no evidence"),
    Case("event-no-certainty", "EventShape", ANN, "    atmosphere: positive\n    certainty: stated\n",
         "    atmosphere: positive\n", "24:5", "Say how the article supports this event", "warning"),
    Case("event-no-label", "EventShape", ANN, "    label: First round of Israel-Turkey de-confliction talks in Baku\n", "",
         "24:5", "Give the event a short `label:`", "warning"),
    Case("declared-in-not-a-statement", "EventShape", ANN, "    declared_in: red-line-message\n",
         "    declared_in: turkey-eyes-t4\n", "82:18", "`declared_in:` must name a Statement"),
    Case("date-range-backwards", "EventDateRangeShape", ANN, "date: 2025-04-09..2025-04-10",
         "date: 2025-04-10..2025-04-09", "40:5", "The date range ends before it begins"),
    Case("event-after-publication", "EventDateAfterPublicationShape", ANN, "date: 2025-04-09..2025-04-10",
         "date: 2025-04-11", "43:11", "The event is dated after the article was published", "warning"),
    Case("statement-no-speaker", "StatementShape", ANN, "    speaker: israeli-official\n", "", "40:5",
         "A statement has exactly one speaker"),
    Case("statement-two-speakers", "StatementShape", ANN, "    speaker: israeli-official\n",
         "    speaker: [israeli-official, ISR]\n", "45:14", "A statement has exactly one speaker"),
    Case("statement-declares-unknown", "StatementShape", ANN, "    declares: palmyra-red-line\n",
         "    declares: 999_other#nothing\n", "64:15", "`declares:` must name events"),
    Case("statement-says-nothing", "StatementContentShape", ANN,
         "    paraphrase: The first round of talks in Baku was held in a positive atmosphere; the process is still at its very beginning.\n",
         "", "40:5", "A statement needs what was said"),
    Case("red-line-no-holder", "RedLineShape", ANN, "    holder: ISR\n    addressees: TUR\n    condition: any change",
         "    addressees: TUR\n    condition: any change", "71:5", "A red line needs a holder"),
    Case("red-line-no-condition", "RedLineShape", ANN,
         "    condition: any change in the deployment of foreign forces in Syria, particularly the establishment of Turkish bases in the Palmyra region\n",
         "", "71:5", "A red line needs a condition"),
    Case("red-line-no-status", "RedLineShape", ANN, "    status: declared\n    declared_in: red-line-message\n",
         "    declared_in: red-line-message\n", "71:5", "Give the red line a `status:`", "warning"),
    Case("threat-no-target", "ThreatShape", ANN, "    target: SYR\n    condition: any action", "    condition: any action",
         "114:5", "A threat needs a `target:`"),
    Case("mediation-offer-one-party", "MediationOfferShape", ANN, "    mediator: AZE\n    parties: [ISR, TUR]",
         "    mediator: AZE\n    parties: [ISR]", "212:14", "A mediation offer needs the two or more `parties:`"),
    Case("mediation-request-no-mediator", "MediationRequestShape", ANN, "    mediator: trump\n", "", "259:5",
         "A mediation request needs the `mediator:`"),
    Case("agreement-no-content", "AgreementShape", ANN,
         "    content: continue the dialogue channel to maintain regional security stability\n", "", "169:5",
         "Say what was agreed"),
    Case("military-action-no-initiator", "MilitaryActionShape", ANN, "    initiator: ISR\n    target: SYR\n    content: air",
         "    target: SYR\n    content: air", "101:5", "A military action needs an `initiator:`"),
    Case("intention-no-holder", "StatedIntentionShape", ANN, "    holder: TUR\n    content: turn", "    content: turn",
         "89:5", "A stated intention needs a `holder:`"),
    Case("delegation-led-by-country", "DelegationShape", ANN, "led_by: [hanegbi, gofman]", "led_by: [hanegbi, ISR]",
         "10:13", "`led_by:` must name people"),
    Case("delegation-represents-nobody", "DelegationShape", ANN, "    represents: ISR\n    led_by", "    led_by", "6:3",
         "A delegation must say whom it represents"),
    Case("anonymous-source-unaffiliated", "AnonymousSourceShape", ANN, "", "", "19:3",
         "If the article says whose official the source is", "info"),
    Case("article-no-title", "ArticleShape", TXT, 'title: "Israel, Turkey hold ‘positive’ talks on decreasing Syria tensions"\n',
         "", "1:1", "The article needs a `title:`"),
    Case("article-no-outlet", "ArticleShape", TXT, "outlet: jpost\n", "", "1:1", "Name the outlet", "warning"),
    Case("article-bad-origin", "ArticleShape", TXT, "origin: external", "origin: elsewhere", "5:1",
         "Say where the text comes from"),
    Case("country-bad-iso3", "CountryShape", REG, "label: Israel, iso3: ISR,", "label: Israel, iso3: Israel,", "7:45",
         "A country needs its ISO 3166-1 alpha-3 code"),
    Case("country-no-wikidata", "CountryShape", REG, "iso3: ISR, wikidata: Q801,", "iso3: ISR,", "7:3",
         "Link the country to Wikidata", "warning"),
    Case("person-no-wikidata", "PersonShape", REG, "", "", _at("hanegbi"), "Link the person to Wikidata", "warning"),
    Case("position-ends-before-start", "PositionShape", REG, 'to: "2025-05-01"', 'to: "2024-05-01"', "88:17",
         "The position ends before it starts"),
    Case("actor-same-wikidata", "DuplicateActorShape", REG, "iso3: TUR, wikidata: Q43,", "iso3: TUR, wikidata: Q801,",
         "7:3", "`TUR` matches the same Wikidata item (http://www.wikidata.org/entity/Q801): one actor with two ids?",
         "warning"),
    Case("actor-same-alias", "DuplicateActorShape", REG, "aliases: [Türkiye,", "aliases: [Israeli, Türkiye,", "7:3",
         '`TUR` is also called "Israeli": a query or a draft naming it cannot tell the two apart.', "warning"),
    Case("place-same-wikidata", "DuplicatePlaceShape", REG, "wikidata: Q9248,", "wikidata: Q858,", _at("baku"),
         "`syria` matches the same Wikidata item (http://www.wikidata.org/entity/Q858): one place with two ids?", "warning"),
    Case("place-same-alias", "DuplicatePlaceShape", REG, "aliases: [T-4, Tiyas Airbase]", "aliases: [T-4, Palmyra region]",
         _at("palmyra-region"), '`t4-airbase` is also called "Palmyra region"', "warning"),
    Case("place-no-coordinates", "PlaceCoordinatesShape", REG, "{label: Baku, country: AZE, lat: 40.4093, long: 49.8671,",
         "{label: Baku, country: AZE,", _at("baku"), "The place has no coordinates", "warning"),
]


def _run(corpus: Path, case: Case) -> list:
    if case.old:
        path = corpus / case.file
        text = path.read_text(encoding="utf-8")
        assert text.count(case.old) >= 1, f"case {case.id}: edit text not found"
        path.write_text(text.replace(case.old, case.new, 1), encoding="utf-8")
    return check([corpus / ANN], load_registry(corpus / REG)).report.diagnostics


@pytest.mark.parametrize("case", CASES, ids=lambda c: c.id)
def test_shape_fires_at_the_annotators_line(corpus: Path, case: Case) -> None:
    diags = _run(corpus, case)
    hits = [d for d in diags if d.message.startswith(case.message)]
    assert hits, f"expected {case.message!r}; got:\n" + "\n".join(map(str, diags))
    d = hits[0]
    assert (Path(d.path).name, f"{d.line}:{d.col}", d.severity) == (case.file, case.where, case.severity), str(d)
    assert d.source_shape == f"https://w3id.org/diplograph/shapes#{case.shape}"


# --- shapes the mapper never violates: break the graph directly ------------------------

def _graph_case(corpus: Path, mutate) -> list:
    reg = load_registry(corpus / REG)
    m = map_annotation(corpus / ANN, reg)
    mutate(m.graph)
    return shacl_validate([m], reg).diagnostics


ev = event_iri(SEED_ID, "baku-talks")
ann1 = URIRef(f"{ev}/evidence/1")

GRAPH_CASES = {
    "AnnotationShape": (lambda g: g.remove((ann1, OA.hasTarget, None)), "An evidence annotation must target an article", "37:9"),
    "TextQuoteSelectorShape": (lambda g: g.remove((URIRef(f"{ann1}/quote"), OA.exact, None)),
                               "A quote selector needs the exact quoted words", "37:9"),
    "TextPositionSelectorShape": (lambda g: g.set((URIRef(f"{ann1}/position"), OA.start, Literal("x"))),
                                  "A position selector needs one oa:start offset", "37:9"),
    "EvidenceMatchesTextShape": (lambda g: g.set((URIRef(f"{ann1}/position"), OA.start, Literal(372, datatype=XSD.integer))),
                                 "The evidence quote is not at the recorded offsets", "37:9"),
    "EventShape": (lambda g: g.remove((ev, PROV.wasDerivedFrom, None)), "The event does not point to its source article", "24:5"),
    "OrganisationShape": (lambda g: g.add((actor_iri("pmo-isr"), DG.country, actor_iri("TUR"))),
                          "An organisation's `country:` must be one registry country", _at("pmo-isr")),
    "PlaceShape": (lambda g: g.add((place_iri("baku"), GEO.lat, Literal("north"))), "`lat:` must be one decimal latitude", _at("baku")),
    "MeetingShape": (lambda g: g.add((ev, DG.round, Literal(2, datatype=XSD.integer))), "`round:` must be one whole number", "32:12"),
    "PersonShape": (lambda g: g.add((actor_iri("hanegbi"), DG.holdsPosition, actor_iri("ISR"))),
                    "`positions:` must describe offices", _at("hanegbi")),
}


@pytest.mark.parametrize("shape", sorted(GRAPH_CASES))
def test_shape_fires_on_a_broken_graph(corpus: Path, shape: str) -> None:
    mutate, message, where = GRAPH_CASES[shape]
    diags = _graph_case(corpus, mutate)
    hits = [d for d in diags if d.message.startswith(message)]
    assert hits, "\n".join(map(str, diags))
    assert f"{hits[0].line}:{hits[0].col}" == where, str(hits[0])
    assert hits[0].source_shape == f"https://w3id.org/diplograph/shapes#{shape}"


def test_every_shape_is_exercised() -> None:
    declared = {str(s).rsplit("#", 1)[1] for s in shapes_graph().subjects(RDF.type, SH.NodeShape)}
    covered = {c.shape for c in CASES} | set(GRAPH_CASES)
    assert declared - covered == set()
