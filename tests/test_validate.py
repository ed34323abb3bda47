"""`diplograph validate`: every fault reported at the annotator's line, with exact text and exit code."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import yaml

from diplograph.build import validate_paths
from diplograph.errors import LoadError

from .conftest import ARTICLES, SEED_ID, SEEDS, command_in_fresh_process, run_cli

ANN = f"{SEED_ID}.yaml"

# (fault, text in the seed annotation, what a careless annotator wrote instead, expected "LINE:COL: severity: message")
FAULTS = [
    ('yaml-syntax', '    place: baku\n', '    place: [baku\n',
     "29:17: error: YAML syntax error: did not find expected ',' or ']'"),
    ('tab-indent', '    place: baku\n', '\tplace: baku\n',
     "28:1: error: YAML syntax error: found a tab character that violates indentation; indent with spaces, not tabs"),
    ('duplicate-key', '    place: baku\n', '    place: baku\n    place: baku\n',
     '29:5: error: duplicate field `place` (first written at line 28): each field may appear only once'),
    ('unknown-field', '    atmosphere: positive\n', '    atmosphere: positive\n    mood: good\n',
     '35:5: error: unknown field `mood`'),
    ('misspelt-field', '    participants: [israeli', '    participant: [israeli',
     '29:5: error: unknown field `participant`; did you mean `participants`?'),
    ('unknown-event-type', '    type: Meeting\n', '    type: Summit\n',
     "25:11: error: 'Summit' is not allowed here; use one of: Meeting, Statement, RedLine, Threat, MediationOffer, MediationRequest, Agreement, MilitaryAction, StatedIntention [type]"),
    ('bad-date', '    date: Wednesday\n    place: baku\n    participants', '    date: 2025-02-30\n    place: baku\n    participants',
     "27:11: error: '2025-02-30' is not a valid calendar date [date]"),
    ('unreadable-date', '    date: Wednesday\n    place: baku\n    participants', '    date: soonish\n    place: baku\n    participants',
     "27:11: error: cannot read the date 'soonish': write 2025-04-09, 2025-04, 2025, 2025-04-07..2025-04-10, a weekday (Wednesday), today, yesterday, this week, last week, this month, last month, recent weeks or recent months [date]"),
    ('unknown-actor', '    host: AZE\n', '    host: AZR\n',
     '30:11: error: unknown actor `AZR`: not in the registry nor under `actors:`; did you mean `AZE`?'),
    ('unknown-place', '    place: baku\n', '    place: bakku\n',
     '28:12: error: unknown place `bakku`: add it under `places:` in the registry, or write `unknown`; did you mean `baku`?'),
    ('quote-not-in-text', '      - the first round of talks in Baku were held in a positive atmosphere\n', '      - the first round of talks in Baku was held in a positive atmosphere\n',
     '38:9: error: evidence 2: the quote does not occur in the article text; copy the exact words from the article [evidence]'),
    ('quote-straight-apostrophe', '      - The Prime Minister’s Office issued a statement', "      - The Prime Minister's Office issued a statement",
     '167:9: error: evidence 1: the quote is not verbatim in the article: its spacing or punctuation differs (check straight vs curly quotes ’ “ ” and dashes); copy the words from the article [evidence]'),
    ('ambiguous-quote', '      - Israel has attacked this base multiple times in recent months\n', '      - the two countries\n',
     '112:9: error: evidence 1: the quote occurs 2 times in the article (at offsets 147, 2116); add `prefix:` with the words just before the one you mean [evidence]'),
    ('duplicate-event-id', '  - id: official-briefs-post\n', '  - id: baku-talks\n',
     '40:9: error: duplicate event id `baku-talks`: ids must be unique in an article'),
    ('unknown-event-ref', '    declares: palmyra-red-line\n', '    declares: palmyra-redline\n',
     '64:15: error: unknown event `palmyra-redline`: no event with this id in the article (use article-id#event-id for another article)'),
    ('yaml-alias', '    host: AZE\n', '    host: &h AZE\n    topic2: *h\n',
     '31:13: error: YAML aliases (*name) are not allowed in annotations; write the value out'),
    ('local-actor-clash', '  israeli-official:\n', '  ISR:\n',
     '15:3: error: `ISR` is already a registry actor: delete it from `actors:` to use the registry\'s, or give the local actor another id'),
]


def _break(corpus: Path, old: str, new: str) -> Path:
    path = corpus / ANN
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    return path


def test_quote_in_another_unicode_form(corpus: Path) -> None:
    """The article's 'ç' is one character (NFC); the annotator's editor wrote 'c' + U+0327 (NFD)."""
    path = corpus / "005_istanbul_russia_ukraine.yaml"
    text = path.read_text(encoding="utf-8")
    assert "Dolmabahçe" in text
    path.write_text(text.replace("Dolmabahçe", "Dolmabahc\u0327e"), encoding="utf-8")
    diags = [str(d) for d in validate_paths([path]).report.diagnostics]
    assert (f"{path}:28:9: error: evidence 1: the quote is not verbatim in the article: its accented letters are "
            "encoded differently (Unicode NFC and NFD, e.g. 'ç' as one character or as 'c' and a combining cedilla, "
            "look the same); copy the words from the article [evidence]") in diags


@pytest.mark.parametrize("fault,old,new,expected", FAULTS, ids=[f[0] for f in FAULTS])
def test_fault_reported_at_its_line(corpus: Path, fault: str, old: str, new: str, expected: str) -> None:
    path = _break(corpus, old, new)
    try:
        diags = validate_paths([path]).report.diagnostics
    except LoadError as exc:
        diags = exc.diagnostics
    assert f"{path}:{expected}" in [str(d) for d in diags]


def test_cli_reports_all_errors_of_a_file_and_exits_1(corpus: Path) -> None:
    _break(corpus, "    host: AZE\n", "    host: AZR\n")
    _break(corpus, "    place: baku\n", "    place: bakku\n")
    res = run_cli("validate", "seeds", cwd=corpus.parent)
    assert res.returncode == 1
    lines = res.stdout.splitlines()
    assert f"seeds/{ANN}:28:12: error: unknown place `bakku`: add it under `places:` in the registry, or write `unknown`; did you mean `baku`?" in lines
    assert f"seeds/{ANN}:30:11: error: unknown actor `AZR`: not in the registry nor under `actors:`; did you mean `AZE`?" in lines
    # not also "A meeting needs a place" at 28:12: the unknown place is the problem, said once
    assert not [line for line in lines if "needs a place" in line]
    assert lines[-1].startswith(f"{ARTICLES} annotation(s) checked: 2 violation(s)")


def test_cli_exit_codes(corpus: Path) -> None:
    assert run_cli("validate", "seeds", cwd=corpus.parent).returncode == 0
    assert run_cli("validate", "seeds", "--strict", cwd=corpus.parent).returncode == 1  # warnings become failures
    missing = run_cli("validate", "nowhere.yaml", cwd=corpus.parent)
    assert missing.returncode == 2
    assert missing.stderr == "nowhere.yaml: error: no such file or folder\n"
    _break(corpus, "    place: baku\n", "    place: [baku\n")
    broken = run_cli("validate", f"seeds/{ANN}", cwd=corpus.parent)
    assert broken.returncode == 2
    assert broken.stdout.splitlines()[0] == f"seeds/{ANN}:29:17: error: YAML syntax error: did not find expected ',' or ']'"


def test_json_and_turtle_reports(corpus: Path) -> None:
    _break(corpus, "participants: [israeli-delegation, turkish-officials]", "participants: [israeli-delegation]")
    res = run_cli("validate", f"seeds/{ANN}", "--format", "json", cwd=corpus.parent)
    assert res.returncode == 1
    report = json.loads(res.stdout)
    assert report["conforms"] is False
    hit = next(r for r in report["results"] if r["severity"] == "error")
    assert (hit["line"], hit["property"], hit["shape"]) == (29, "participants", "https://w3id.org/diplograph/shapes#MeetingShape")
    ttl = run_cli("validate", f"seeds/{ANN}", "--format", "turtle", cwd=corpus.parent)
    import pyoxigraph as ox
    quads = list(ox.parse(ttl.stdout.encode(), format=ox.RdfFormat.TURTLE))
    assert any(q.object.value == "http://www.w3.org/ns/shacl#ValidationReport" for q in quads)
    assert any(q.predicate.value == "http://www.w3.org/ns/shacl#resultMessage" and
               q.object.value.startswith("A meeting needs at least two participants") for q in quads)


def test_new_annotation_checked_against_registry_without_the_corpus(tmp_path: Path, corpus: Path) -> None:
    """A new file is checked against the shared registry alone: an unknown actor id is caught."""
    new = corpus / "100_new.yaml"
    (corpus / "100_new.txt").write_text("---\ntitle: t\npublished: 2025-05-01\noutlet: diplograph\norigin: diplograph\n---\n"
                                        "Israel and Turkey met in Baku on Tuesday.\n", encoding="utf-8")
    new.write_text("events:\n  - id: m\n    type: Meeting\n    label: m\n    date: Tuesday\n    place: baku\n"
                   "    participants: [ISR, TURK]\n    certainty: stated\n    evidence: [Israel and Turkey met in Baku]\n",
                   encoding="utf-8")
    res = run_cli("validate", str(new), cwd=corpus.parent)
    assert res.returncode == 1
    assert f"{new}:7:25: error: unknown actor `TURK`: not in the registry nor under `actors:`; did you mean `TUR`?" in res.stdout


def test_article_id_already_in_the_store_is_a_warning(tmp_path: Path, corpus: Path) -> None:
    from diplograph.build import build
    from diplograph.store import OxigraphStore

    store = OxigraphStore(tmp_path / "s")
    build(store, [corpus])
    other = tmp_path / "new"
    other.mkdir()
    for suffix in (".txt", ".yaml"):  # another article that happens to take an existing id
        text = (corpus / f"001_muscat_us_iran{suffix}").read_text()
        (other / f"{ANN.removesuffix('.yaml')}{suffix}").write_text(text)
    path = other / ANN
    diags = [str(d) for d in validate_paths([path], registry_path=corpus / "registry.yaml", store=store).report.diagnostics]
    assert diags == [f"{path}: warning: article id `{ANN.removesuffix('.yaml')}` is already in the store "
                     f"{store.location} with other content: building this file will replace that article "
                     "(rename the file if it is a different article)"]
    same = validate_paths([corpus / ANN], store=store).report.diagnostics  # the stored article itself: fine
    assert [d for d in same if "already in the store" in d.message] == []


def test_validating_one_file_keeps_start_up_light(corpus: Path) -> None:
    """Start-up is most of a one-file `validate` (the target is half a second): it must not import
    Rich (tables and progress bars only) or pySHACL (the reference engine), nor build the rdflib
    graph of the shapes when the file has no result at all (a result needs its shape's message)."""
    lines = command_in_fresh_process(
        ["validate", str(corpus / "001_muscat_us_iran.yaml")],
        "sorted({m.split('.')[0] for m in sys.modules} & {'rich', 'pyshacl'}), "
        "sys.modules['diplograph.validation'].shapes_graph.cache_info().currsize")
    assert lines == ["1 annotation(s) checked: 0 violation(s), 0 warning(s)", "[] 0"]


def test_an_article_text_named_instead_of_its_annotation(corpus: Path) -> None:
    """Named by mistake, the text was parsed as YAML: "YAML syntax error: but found another document"."""
    text = corpus / f"{SEED_ID}.txt"
    done = run_cli("validate", str(text))
    assert (done.returncode, done.stderr.splitlines()[0]) == (
        2, f"{text}: error: this is an article's text, not an annotation; name its annotation {corpus / ANN} instead")
    (corpus / ANN).unlink()
    done = run_cli("build", str(text), "--store", str(corpus / "store"))
    assert (done.returncode, done.stderr.splitlines()[-1]) == (
        2, f"{text}: error: this is an article's text, not an annotation; it has no annotation yet: "
           f"`diplograph draft {text} -o {corpus / SEED_ID}.yaml` proposes one")
    assert not (corpus / "store").exists()


def test_the_registry_named_alone_is_checked(corpus: Path) -> None:
    """It was taken for an annotation: "the article text registry.txt is missing"."""
    registry = corpus / "registry.yaml"
    done = run_cli("validate", str(registry))
    lines = done.stdout.splitlines()
    people = [a for a in yaml.safe_load(registry.read_text(encoding="utf-8"))["actors"].values() if a["type"] == "Person"]
    unlinked = sum("wikidata" not in a for a in people)  # each warned of: "Link the person to Wikidata"
    assert done.returncode == 0 and lines[-1] == f"0 annotation(s) checked: 0 violation(s), {unlinked} warning(s)"
    assert all(line.startswith(f"{registry}:") for line in lines[:-1])
    text = registry.read_text(encoding="utf-8")
    registry.write_text(text.replace("label: Israel,", "label: Israel, label: Israel,", 1), encoding="utf-8")
    broken = run_cli("validate", str(registry))
    assert (broken.returncode, broken.stderr.splitlines()[0]) == (
        2, f"{registry}:7:39: error: duplicate field `label` (first written at line 7): each field may appear only once")


def test_a_corpus_without_its_registry_is_told_why_every_id_is_unknown(corpus: Path) -> None:
    """Without registry.yaml a corpus gave 270 "unknown actor" errors and no word of the registry."""
    (corpus / "registry.yaml").unlink()
    done = run_cli("validate", str(corpus))
    assert done.returncode == 1
    assert done.stdout.splitlines()[0] == (
        f"{corpus}: warning: no registry.yaml beside the annotations or in the folder above them: every registry id "
        "(countries, people, places) is unknown; give --registry FILE")
    assert run_cli("validate", str(corpus), "--registry", str(SEEDS / "registry.yaml")).returncode == 0
