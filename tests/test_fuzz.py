"""Fuzzing the loader and validator: any input ends in a result or a clear error, never a traceback.

The default profile is fixed (derandomized) and bounded so CI is stable; run the
longer search with ``HYPOTHESIS_PROFILE=long python -m pytest tests/test_fuzz.py``.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest
import yaml

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from diplograph.build import check
from diplograph.errors import LoadError
from diplograph.yamlfile import _fast_validator, _validator, load_yaml

from .conftest import SEEDS, seed_registry

settings.register_profile("ci", max_examples=150, derandomize=True, deadline=None,
                          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
settings.register_profile("long", max_examples=5000, deadline=None,
                          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
settings.load_profile(os.environ.get("HYPOTHESIS_PROFILE", "ci"))

SEED_YAML = (SEEDS / "001_muscat_us_iran.yaml").read_text(encoding="utf-8")
REGISTRY = seed_registry()
NASTY = ["\x00", "\ufeff", "\r\n", "&a [1]\n", "*a\n", "{", "[", ": ", "- ", "\t", "\"", "'", "!!python/object:os.system",
         "date: 2025-13-45", "quote: " + "x" * 5000, "\udcff"]


def _mutate(text: str, cuts: list[tuple[int, int, str]]) -> str:
    for pos, length, insert in cuts:
        pos %= max(len(text), 1)
        text = text[:pos] + insert + text[pos + length:]
    return text


mutations = st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 40),
                               st.one_of(st.sampled_from(NASTY), st.text(max_size=20))), max_size=6)


def _assert_clear(exc: LoadError, path: Path) -> None:
    assert exc.diagnostics, "a LoadError must say what is wrong"
    for d in exc.diagnostics:
        assert d.path == str(path) and d.severity == "error" and d.message


@given(st.binary(max_size=2000))
def test_any_bytes_load_or_fail_clearly(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "x.yaml"
    path.write_bytes(data)
    try:
        load_yaml(path)
    except LoadError as exc:
        _assert_clear(exc, path)


@given(mutations)
def test_mutated_annotation_maps_or_fails_clearly(tmp_path: Path, cuts: list[tuple[int, int, str]]) -> None:
    folder = tmp_path / "m"
    folder.mkdir(exist_ok=True)
    (folder / "001_muscat_us_iran.txt").write_bytes((SEEDS / "001_muscat_us_iran.txt").read_bytes())
    path = folder / "001_muscat_us_iran.yaml"
    text = _mutate(SEED_YAML, cuts)
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    checked = check([path], REGISTRY)  # collects problems; raises nothing for bad content
    for d in checked.report.diagnostics:
        assert d.message and d.severity in ("error", "warning", "info")
        assert d.path in (str(path), str(REGISTRY.path), "<graph>")
    if text == SEED_YAML:
        assert checked.report.conforms


@given(mutations)
def test_fast_and_reference_schema_validators_agree(tmp_path: Path, cuts: list[tuple[int, int, str]]) -> None:
    """jsonschema-rs answers 'valid?' for speed; jsonschema explains. They must never disagree."""
    path = tmp_path / "s.yaml"
    path.write_bytes(_mutate(SEED_YAML, cuts).encode("utf-8", "surrogatepass"))
    try:
        data = load_yaml(path).data
    except LoadError:
        return
    fast = _fast_validator("annotation").is_valid(data)
    reference = not any(True for _ in _validator("annotation").iter_errors(data))
    assert fast == reference


def test_billion_laughs_is_refused_at_its_line(tmp_path: Path) -> None:
    path = tmp_path / "lol.yaml"
    lines = ["a0: &a0 [lol, lol]"] + [f"a{i}: &a{i} [" + ", ".join([f"*a{i - 1}"] * 9) + "]" for i in range(1, 10)]
    path.write_text("\n".join(lines) + "\n")
    try:
        load_yaml(path)
    except LoadError as exc:
        assert str(exc.diagnostics[0]) == f"{path}:1:5: error: YAML anchors (&name) are not allowed in annotations"
    else:
        raise AssertionError("anchors were accepted")


def test_deep_nesting_is_refused(tmp_path: Path) -> None:
    path = tmp_path / "deep.yaml"
    path.write_text("a: " + "[" * 5000 + "]" * 5000 + "\n")
    try:
        load_yaml(path)
    except LoadError as exc:
        d = exc.diagnostics[0]  # the column depends on how far libyaml's scanner reads ahead
        assert (d.path, d.line, d.message) == (str(path), 1, "nesting deeper than 20 levels")
    else:
        raise AssertionError("deep nesting was accepted")


@pytest.mark.parametrize("text,where,message", [
    ("a: 1\nb: [1, {c: 2}]\nb: 3\n", "3:1", "duplicate field `b` (first written at line 2): each field may appear only once"),
    ("a: &x 1\nb: *x\n", "2:4", "YAML aliases (*name) are not allowed in annotations; write the value out"),
    ("a:\n  ? [k]\n  : 1\n", "2:5", "YAML syntax error: a key must be plain text"),
    ("a: 1\n--- \nb: 2\n", "2:1", "YAML syntax error: expected a single document in the stream, but found another document"),
    ("- " * 21 + "x\n", "1:41", "nesting deeper than 20 levels"),
])
def test_what_one_pass_over_the_events_refuses(tmp_path: Path, text: str, where: str, message: str) -> None:
    """The file is read in one pass over the parser's events (no node tree): each refusal at its place."""
    path = tmp_path / "bad.yaml"
    path.write_text(text)
    with pytest.raises(LoadError) as exc:
        load_yaml(path)
    assert str(exc.value.diagnostics[0]) == f"{path}:{where}: error: {message}"


def test_values_and_keys_keep_their_places_and_types(tmp_path: Path) -> None:
    path = tmp_path / "ok.yaml"
    path.write_text("a: !!str 12\nb: [0x1F, yes, ~, 1.5, 2025-04-01, '7']\nc:\n  d: {e: f}\n")
    doc = load_yaml(path)
    assert doc.data == {"a": "12", "b": [31, True, None, 1.5, "2025-04-01", "7"], "c": {"d": {"e": "f"}}}
    assert (doc.where(("b", 4)), doc.where(("c", "d", "e")), doc.where(("c", "d"), key=True)) == ((2, 24), (4, 10), (4, 3))



class _TextDates(yaml.SafeLoader):
    """PyYAML's own safe loader, dates (and !!binary) kept as text as load_yaml keeps them: the reference."""


for _tag in ("timestamp", "binary"):
    _TextDates.add_constructor(f"tag:yaml.org,2002:{_tag}", lambda loader, node: loader.construct_scalar(node))
SCALAR_FORMS = ["1", "-7", "+1", "0x1F", "017", "0o17", "0b101", "1_000", "1:30", "1.5", "1.5e3", "1.0e+3", "-.5", ".inf",
                "-.Inf", ".nan", "yes", "No", "on", "OFF", "true", "~", "null", "Null", "", "''", '""', "!!str 1",
                "! 1", "'1'", '"yes"', "2025-04-10", "2025-04-10T12:00:00Z", "!!float 1", "!!int '12'", "!!bool yes",
                "!!null ''", "!!binary aGk=", "x", "ISR", "Nov", "\\n  - x", "[1, x, ~]", "{a: 1}", "|\n  two\n  lines"]


@pytest.mark.parametrize("form", SCALAR_FORMS)
def test_scalars_read_as_pyyaml_reads_them(tmp_path: Path, form: str) -> None:
    """load_yaml resolves each scalar's type itself (the composer's resolver, written out, is a
    third of reading a file): the data must be PyYAML's, dates aside."""
    path = tmp_path / "s.yaml"
    path.write_text(f"a: {form}\n".replace("\\n", "\n"))
    assert load_yaml(path).data == yaml.load(path.read_text(), Loader=_TextDates)


def test_what_pyyaml_cannot_construct_is_text(tmp_path: Path) -> None:
    """YAML 1.1's `=` and `<<` are no data PyYAML's safe loader makes (an error there): text here."""
    path = tmp_path / "s.yaml"
    path.write_text("a: =\nb: [<<]\n")
    assert load_yaml(path).data == {"a": "=", "b": ["<<"]}


@given(st.recursive(st.none() | st.booleans() | st.integers() | st.floats(allow_nan=False) | st.text(max_size=12),
                    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(max_size=8), inner, max_size=4),
                    max_leaves=12),
       st.sampled_from([None, True, False]), st.sampled_from([None, "'", '"']))
def test_any_data_written_by_pyyaml_reads_back_alike(tmp_path: Path, data: object, flow: bool | None,
                                                       style: str | None) -> None:
    text = yaml.safe_dump({"a": data}, default_flow_style=flow, default_style=style, allow_unicode=True)
    path = tmp_path / "d.yaml"
    path.write_text(text, encoding="utf-8")
    try:
        got = load_yaml(path).data
    except LoadError as exc:  # a text that is too deep, or holds characters a file may not (NUL)
        assert exc.diagnostics[0].message.startswith(("nesting deeper", "the file contains a NUL", "YAML syntax error"))
        return
    assert got == yaml.load(text, Loader=_TextDates)


# -- annotations written in Turtle and JSON-LD --------------------------------------------------

EXAMPLES = SEEDS.parent / "docs" / "examples"
RDF_NASTY = ["\x00", "\ufeff", "\r\n", "<", ">", "[", "]", "(", ")", "{", "}", '"', '"""', ";", ".", ",", "@prefix",
             "_:b0", "^^xsd:integer", "@en", "\\u0000", '"@context": "file:///etc/passwd",', '"@import": "http://x/",',
             '"@id": "_:x",', "a dg:Meeting", "<file:///etc/passwd>", "\udcff"]
rdf_mutations = st.lists(st.tuples(st.integers(0, 10_000), st.integers(0, 40),
                                   st.one_of(st.sampled_from(RDF_NASTY), st.text(max_size=20))), max_size=6)


@given(st.sampled_from([".ttl", ".jsonld"]), rdf_mutations)
def test_mutated_rdf_annotation_maps_or_fails_clearly(tmp_path: Path, suffix: str,
                                                      cuts: list[tuple[int, int, str]]) -> None:
    folder = tmp_path / "r"
    folder.mkdir(exist_ok=True)
    name = "008_anchorage_trump_putin"
    (folder / f"{name}.txt").write_bytes((SEEDS / f"{name}.txt").read_bytes())
    original = (EXAMPLES / f"{name}{suffix}").read_text(encoding="utf-8")
    text = _mutate(original, cuts)
    path = folder / f"{name}{suffix}"
    path.write_bytes(text.encode("utf-8", "surrogatepass"))
    checked = check([path], REGISTRY)
    for d in checked.report.diagnostics:
        assert d.message and d.severity in ("error", "warning", "info")
        assert d.path in (str(path), str(REGISTRY.path), "<graph>")
    if text == original:
        assert checked.report.conforms


def test_deeply_nested_rdf_is_refused_or_read(tmp_path: Path) -> None:
    """Nesting that would exhaust a recursive parser's stack ends in a clear error."""
    (tmp_path / "a.txt").write_text("text\n")
    for name, text in [("a.ttl", "<event/e> <http://x/p> " + "[ <http://x/p> " * 3000 + "1" + " ]" * 3000 + " ."),
                       ("a.jsonld", '{"@id": "event/e", "http://x/p": ' + '{"http://x/p": ' * 3000 + "1" + "}" * 3001)]:
        path = tmp_path / name
        path.write_text(text)
        checked = check([path], REGISTRY)
        assert not checked.report.conforms
        mine = [d for d in checked.report.diagnostics if d.path == str(path)]
        assert mine and len(mine) <= 25  # a clear error, not one per nested node
        assert all(d.path in (str(path), str(REGISTRY.path)) for d in checked.report.diagnostics)
