"""The registry: mapped once, then read back from the cache exactly as it was mapped."""

from __future__ import annotations

from pathlib import Path

import pytest
from rdflib.compare import isomorphic

from diplograph import registry as registry_module
from diplograph.build import build
from diplograph.cache import cache_dir
from diplograph.registry import Registry, load_registry
from diplograph.store import OxigraphStore

from .conftest import SEED_ID


@pytest.fixture
def cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv("DIPLOGRAPH_CACHE", str(folder))
    return folder


def _fields(reg: Registry) -> tuple:
    return (reg.actors, reg.places, reg.aliases, reg.place_aliases, reg.sources, reg.sha256,
            sorted(reg.ntriples().splitlines()))


def _no_yaml(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(*args: object, **kw: object) -> None:
        raise AssertionError("the registry was parsed again")
    monkeypatch.setattr(registry_module, "load_yaml", fail)


def test_a_cached_registry_is_the_registry_it_caches(corpus: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fresh = load_registry(corpus / "registry.yaml")
    assert [p.name for p in cache.iterdir()] == [p.name for p in cache.glob("registry-*.json")] != []
    _no_yaml(monkeypatch)
    cached = load_registry(corpus / "registry.yaml")
    assert _fields(cached) == _fields(fresh)
    assert len(fresh.graph) > 400 and isomorphic(cached.graph, fresh.graph)


def test_an_edited_registry_is_mapped_again(corpus: Path, cache: Path) -> None:
    load_registry(corpus / "registry.yaml")
    path = corpus / "registry.yaml"
    path.write_text(path.read_text().replace("label: Israel,", "label: State of Israel,", 1))
    reg = load_registry(path)
    assert reg.aliases["ISR"][0] == "State of Israel"
    assert len(list(cache.glob("registry-*.json"))) == 2


def test_sources_name_the_path_given_on_each_run(corpus: Path, cache: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    load_registry(corpus / "registry.yaml")
    _no_yaml(monkeypatch)
    monkeypatch.chdir(corpus)
    reg = load_registry(Path("registry.yaml"))
    assert {f for f, _, _ in reg.sources.values()} == {"registry.yaml"}


def test_a_damaged_cache_file_is_ignored_and_replaced(corpus: Path, cache: Path) -> None:
    fresh = load_registry(corpus / "registry.yaml")
    (entry,) = cache.glob("registry-*.json")
    for garbage in ("{not json", '{"actors": 3}', "", '{"lines": {"x": "y"}}'):
        entry.write_text(garbage)
        assert _fields(load_registry(corpus / "registry.yaml")) == _fields(fresh)
    assert entry.read_text().startswith('{"actors"')


def test_cache_off_writes_nothing(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("DIPLOGRAPH_CACHE", "off")
    assert cache_dir() is None
    before = set(tmp_path.rglob("*"))
    load_registry(corpus / "registry.yaml")
    assert set(tmp_path.rglob("*")) == before


def test_an_unwritable_cache_is_skipped(corpus: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    blocker = tmp_path / "not-a-folder"
    blocker.write_text("")
    monkeypatch.setenv("DIPLOGRAPH_CACHE", str(blocker / "cache"))
    assert load_registry(corpus / "registry.yaml").actors["ISR"] == "Country"


def test_a_build_from_the_cache_stores_the_same_quads(corpus: Path, cache: Path, tmp_path: Path) -> None:
    first = OxigraphStore(tmp_path / "a")
    build(first, [corpus])  # maps the registry and fills the cache
    second = OxigraphStore(tmp_path / "b")
    build(second, [corpus])  # reads it back
    assert sorted(first.dump_nquads().splitlines()) == sorted(second.dump_nquads().splitlines())
    assert f"article/{SEED_ID}" in first.dump_nquads()


def test_a_cache_write_that_fails_leaves_no_partial_file(corpus: Path, cache: Path, full_disk: None) -> None:
    assert load_registry(corpus / "registry.yaml").actors["ISR"] == "Country"
    assert list(cache.iterdir()) == []


def test_the_entries_an_annotation_names_are_all_its_digest_follows(tmp_path: Path) -> None:
    """Registry.entries_digest: an edit of an entry a file names (or of one such an entry refers
    to) changes it; any other edit does not. A file whose names are not known depends on all."""
    from diplograph.yamlfile import written_names

    src = (Path(__file__).parent.parent / "seeds" / "registry.yaml").read_text(encoding="utf-8")
    path = tmp_path / "registry.yaml"

    def digest(registry_text: str, annotation: bytes) -> str:
        path.write_text(registry_text, encoding="utf-8")
        registry = load_registry(path)
        return registry.entries_digest(registry.named(written_names(annotation)))

    names_albusaidi = b'events:\n  - {mediator: albusaidi, quote: "he said \\"so\\""}\n'
    base = digest(src, names_albusaidi)
    assert digest(src.replace("label: Muscat,", "label: Masqat,"), names_albusaidi) == base
    assert digest(src.replace("label: Badr Albusaidi", "label: B. Albusaidi"), names_albusaidi) != base
    # his country's entry is part of his description
    assert digest(src.replace("label: Oman,", "label: Sultanate of Oman,"), names_albusaidi) != base
    assert digest(src, b"mediator: \"\\x61lbusaidi\"\n") == base
    assert written_names(b'a: "unclosed \\x4') is None
    assert load_registry(path).entries_digest(None) == load_registry(path).sha256
    assert load_registry(path).named(None) is None


def test_values_of_a_property_agree_with_the_graph(corpus: Path, cache: Path) -> None:
    """``values_of`` (what the drafter reads, without building an rdflib graph) gives what the graph holds."""
    from diplograph.terms import DG

    reg = load_registry(corpus / "registry.yaml")
    for prop in (DG.iso3, DG.country, DG.office):
        expected = {str(s): str(o) for s, o in reg.graph.subject_objects(prop)}
        assert reg.values_of(str(prop)) == expected and expected, prop
    assert reg.values_of(str(DG.iso3))["https://w3id.org/diplograph/id/actor/ISR"] == "ISR"


def test_the_index_made_while_mapping_is_the_index_of_the_graph(corpus: Path, cache: Path) -> None:
    """The index by subject (what `describe` reads) is made from the mapped triples as written, not by
    parsing their N-Triples again: the same lines and references as parsing the registry's graph gives."""
    reg = load_registry(corpus / "registry.yaml")
    again = Registry(None, _graph=reg.graph)  # indexed by parsing its N-Triples
    mapped, parsed = reg._index(), again._index()
    assert set(mapped) == set(parsed)
    for subject, (text, refs) in mapped.items():
        assert sorted(text.splitlines()) == sorted(parsed[subject][0].splitlines())
        assert sorted(refs) == sorted(parsed[subject][1])
    assert len(mapped) > 50
