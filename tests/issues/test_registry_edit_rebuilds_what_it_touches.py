"""A registry edit re-checked and reloaded every article: each article's content hash held the
whole registry's. Adding one actor to the registry of a 10,000-article corpus cost a minute's
build (and emptied the check cache of its use). An article now depends on the registry entries
its annotation and its text name, and on what those entries refer to; the rest of the registry
can change under it."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from diplograph.build import build
from diplograph.errors import ValidationFailed
from diplograph.store import OxigraphStore

from ..conftest import ARTICLES
from ..test_build import _snapshot as snapshot

CLEAN = "001_muscat_us_iran"  # the only article naming `muscat` and `albusaidi`


def _edit(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.fixture
def store(tmp_path: Path, corpus: Path) -> OxigraphStore:
    s = OxigraphStore(tmp_path / "store")
    assert len(build(s, [corpus]).added) == ARTICLES
    return s


def _label(store: OxigraphStore, iri: str) -> list[str]:
    return [str(r[0]) for r in store.query(
        f"SELECT ?l WHERE {{ <{iri}> <http://www.w3.org/2000/01/rdf-schema#label> ?l }}").rows]


def test_an_actor_no_article_names_reloads_no_article(corpus: Path, store: OxigraphStore) -> None:
    _edit(corpus / "registry.yaml", "actors:\n", "actors:\n  newcomer: {type: Country, label: Newcomer, iso3: NEW}\n")
    summary = build(store, [corpus])
    assert (summary.added, summary.updated, len(summary.unchanged)) == ([], [], ARTICLES)
    assert _label(store, "https://w3id.org/diplograph/id/actor/newcomer") == ["Newcomer"]  # the registry is new


def test_a_faulty_entry_no_article_names_is_still_refused(corpus: Path, store: OxigraphStore) -> None:
    """The registry is checked whenever it changed, not only along with the articles it touches."""
    before = snapshot(store)
    _edit(corpus / "registry.yaml", "actors:\n", "actors:\n  newcomer: {type: Country, label: Newcomer}\n")
    with pytest.raises(ValidationFailed) as err:
        build(store, [corpus])
    assert [(Path(d.path).name, d.line, d.property) for d in err.value.diagnostics if d.severity == "error"] == [
        ("registry.yaml", 6, "iso3")]
    assert snapshot(store) == before


def test_an_edited_entry_reloads_the_articles_naming_it(corpus: Path, store: OxigraphStore) -> None:
    _edit(corpus / "registry.yaml", "label: Muscat,", "label: Masqat,")
    summary = build(store, [corpus])
    assert (summary.added, summary.updated, len(summary.unchanged)) == ([], [CLEAN], ARTICLES - 1)
    assert _label(store, "https://w3id.org/diplograph/id/place/muscat") == ["Masqat"]


def test_an_entry_referred_to_by_a_named_one_counts(corpus: Path, store: OxigraphStore) -> None:
    """Articles are validated with their entries' descriptions (Registry.describe): a person's
    country is part of what an article naming the person is checked against."""
    reg = corpus / "registry.yaml"
    _edit(reg, "actors:\n", "actors:\n  XOM: {type: Country, label: Oman again, iso3: XOM}\n")
    _edit(reg, "label: Badr Albusaidi\n    country: OMN", "label: Badr Albusaidi\n    country: XOM")
    assert build(store, [corpus]).updated == [CLEAN]
    _edit(reg, "label: Oman again", "label: Sultanate of Oman")
    assert build(store, [corpus]).updated == [CLEAN]


def test_a_removed_entry_fails_the_articles_naming_it_and_writes_nothing(corpus: Path,
                                                                         store: OxigraphStore) -> None:
    before = snapshot(store)
    _edit(corpus / "registry.yaml", "  muscat: {label: Muscat", "  mascat: {label: Muscat")
    with pytest.raises(ValidationFailed) as err:
        build(store, [corpus])
    errors = [d for d in err.value.diagnostics if d.severity == "error"]
    assert errors and all(d.path.endswith(f"{CLEAN}.yaml") for d in errors)
    assert any(d.message.startswith("unknown place `muscat`") for d in errors)
    assert snapshot(store) == before


def test_the_outlet_named_in_the_text_counts(corpus: Path, store: OxigraphStore) -> None:
    """The outlet is named in the article's text file, not in its annotation."""
    reg = corpus / "registry.yaml"
    _edit(reg, "actors:\n", "actors:\n  wire: {type: NewsOutlet, label: A wire service}\n")
    _edit(corpus / f"{CLEAN}.txt", "outlet: diplograph\n", "outlet: wire\n")
    assert b"wire" not in (corpus / f"{CLEAN}.yaml").read_bytes()
    assert build(store, [corpus]).updated == [CLEAN]
    _edit(reg, "label: A wire service", "label: The wire service")
    assert build(store, [corpus]).updated == [CLEAN]
    _edit(reg, "  wire: {type: NewsOutlet", "  wires: {type: NewsOutlet")
    with pytest.raises(ValidationFailed) as err:
        build(store, [corpus])
    assert [(Path(d.path).name, d.line, d.message) for d in err.value.diagnostics if d.severity == "error"] == [
        (f"{CLEAN}.txt", 4, "unknown outlet `wire`: add it to the registry as a NewsOutlet")]


def test_an_edit_that_adds_or_removes_no_id_reads_no_file_again(corpus: Path, store: OxigraphStore,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    """Which strings of a file are registry ids depends only on the set of ids: the ids a file
    names are kept (in the file-hash cache) until the file or that set changes. Editing an
    entry needs no scan of the corpus; adding one scans only the files holding its characters
    (every file was scanned again: 20 s at 100k articles)."""
    from diplograph import cache as cache_module
    from diplograph import mapping

    monkeypatch.setattr(cache_module, "RACY_NS", 0)  # the corpus was copied just now: trust its stats
    build(store, [corpus])  # the names recorded (the fixture's build had found the files too fresh)
    scanned: list[bytes] = []
    real = mapping.written_names

    def counting(data: bytes, **kw: bool) -> object:
        scanned.append(data)
        return real(data, **kw)
    monkeypatch.setattr(mapping, "written_names", counting)
    reg = corpus / "registry.yaml"
    _edit(reg, "label: Muscat,", "label: Masqat,")
    assert build(store, [corpus]).updated == [CLEAN] and scanned == []
    _edit(reg, "actors:\n", "actors:\n  newcomer: {type: Country, label: Newcomer, iso3: NEW}\n")
    assert build(store, [corpus]).updated == [] and scanned == []  # no file holds `newcomer`
    # An id some files hold: those are scanned, the articles naming it depend on it now
    holding = sorted(p.read_bytes() for p in corpus.iterdir() if p.suffix in (".yaml", ".txt")
                     and p.name != "registry.yaml" and b"Muscat" in p.read_bytes())
    _edit(reg, "actors:\n", "actors:\n  Muscat: {type: Organisation, label: The Muscat group}\n")
    assert sorted(build(store, [corpus]).updated) == ["001_muscat_us_iran", "002_rome_us_iran"]
    assert len(holding) == 4 and sorted(scanned) == holding
    _check_hashes_as_computed_afresh(corpus)
    # An id removed: nothing scanned, and those articles no longer depend on it
    scanned.clear()
    _edit(reg, "  Muscat: {type: Organisation, label: The Muscat group}\n", "")
    assert sorted(build(store, [corpus]).updated) == ["001_muscat_us_iran", "002_rome_us_iran"] and scanned == []
    _check_hashes_as_computed_afresh(corpus)


def _check_hashes_as_computed_afresh(corpus: Path) -> None:
    """Every content hash the build recorded is the one computed with no cache at all."""
    from diplograph.cache import FileHashes
    from diplograph.mapping import content_hash
    from diplograph.registry import load_registry

    registry = load_registry(corpus / "registry.yaml")
    cached = FileHashes([corpus])
    for annotation in sorted(corpus.glob("*.yaml")):
        if annotation.name != "registry.yaml":
            assert content_hash(annotation, registry, cached) == content_hash(annotation, registry), annotation


def test_the_digest_is_the_same_in_every_process(corpus: Path) -> None:
    """It keys the store's record and the check cache, which other processes read: it must not
    follow Python's per-process string hashing (set order), as a first version did."""
    code = ("from pathlib import Path; from diplograph.mapping import content_hash; "
            "from diplograph.registry import load_registry; "
            f"print(content_hash(Path({str(corpus / (CLEAN + '.yaml'))!r}), "
            f"load_registry(Path({str(corpus / 'registry.yaml')!r}))))")
    seen = {subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True,
                           env={**os.environ, "PYTHONHASHSEED": seed, "DIPLOGRAPH_CACHE": "off"}).stdout
            for seed in ("1", "2", "3")}
    assert len(seen) == 1
