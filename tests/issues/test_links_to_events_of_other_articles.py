"""`continues: 001_muscat_us_iran#muscat-talk` (one letter short) passed `validate` and `build`: the
graph got a link to an event that does not exist, and `event-sources` silently lost the connection.
So did an event continuing itself. Now an event of another article is looked for in that article,
as the files checked have it, else as the store has it (an error, with the nearest event); an
article neither has is a warning when there is a store to look in; an event naming itself is an
error. An article with such a link is kept in the check cache with its links, which are looked for
at every run, so the error does not go away on the second run.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from diplograph.build import build, validate_paths
from diplograph.errors import ValidationFailed
from diplograph.store import OxigraphStore, Store
from tests.conftest import run_cli

ROME = "002_rome_us_iran"


def _edit(corpus: Path, old: str, new: str) -> Path:
    ann = corpus / f"{ROME}.yaml"
    text = ann.read_text()
    assert old in text
    ann.write_text(text.replace(old, new, 1))
    return ann


def _findings(paths: list[Path], store: Store | None = None) -> list[str]:
    """What is found in the Rome article (the seeds hold infos and warnings of their own elsewhere)."""
    return [str(d) for d in validate_paths(paths, store=store).report.diagnostics
            if d.path.endswith(f"{ROME}.yaml") and "already in the store" not in d.message]


def test_an_event_the_other_article_lacks_is_an_error_with_the_nearest(corpus: Path) -> None:
    ann = _edit(corpus, "continues: 001_muscat_us_iran#muscat-talks", "continues: 001_muscat_us_iran#muscat-talk")
    error = (f"{ann}:15:16: error: unknown event `001_muscat_us_iran#muscat-talk`: article 001_muscat_us_iran has no "
             "event `muscat-talk`; did you mean `001_muscat_us_iran#muscat-talks`?")
    assert error in _findings([corpus])
    assert error in _findings([corpus])  # the second time too: not taken from the check cache
    done = run_cli("validate", str(corpus))
    assert done.returncode == 1 and error in done.stdout.splitlines()


def test_nothing_near_lists_the_articles_events(corpus: Path) -> None:
    ann = _edit(corpus, "continues: 001_muscat_us_iran#muscat-talks", "continues: [001_muscat_us_iran#muscat-talks, 001_muscat_us_iran#zzz]")
    assert _findings([corpus]) == [
        f"{ann}:15:50: error: unknown event `001_muscat_us_iran#zzz`: article 001_muscat_us_iran has no event `zzz` "
        "(its events: araghchi-tv, meet-again, muscat-talks, oman-mediates, trump-bombing-threat, trump-bombing-warning, white-house-statement)"]


def test_one_file_is_checked_against_the_store_or_the_annotation_beside_it(corpus: Path, embedded: OxigraphStore) -> None:
    ann = _edit(corpus, "continues: 001_muscat_us_iran#muscat-talks", "continues: 001_muscat_us_iran#muscat-talk")
    error = (f"{ann}:15:16: error: unknown event `001_muscat_us_iran#muscat-talk`: article 001_muscat_us_iran has no "
             "event `muscat-talk`; did you mean `001_muscat_us_iran#muscat-talks`?")
    assert error in _findings([ann], embedded)
    assert _findings([ann]) == [error]  # with no store: 001's annotation, beside it in the folder
    for ext in ("txt", "yaml"):  # not beside it: nowhere to look, nothing said
        (corpus / f"001_muscat_us_iran.{ext}").rename(corpus.parent / f"001_muscat_us_iran.{ext}")
    assert _findings([ann]) == []


def test_an_article_neither_has_is_a_warning(corpus: Path, embedded: OxigraphStore) -> None:
    ann = _edit(corpus, "continues: 001_muscat_us_iran#muscat-talks", "continues: 001_muscat_us_ira#muscat-talks")
    assert (f"{ann}:15:16: warning: `001_muscat_us_ira#muscat-talks` names article `001_muscat_us_ira`, which is neither "
            "among the files checked nor in the store; did you mean `001_muscat_us_iran`? (the link leads nowhere until "
            "that article is built)") in _findings([ann], embedded)


@pytest.mark.parametrize("ref", ["rome-talks", f"{ROME}#rome-talks"])
def test_an_event_naming_itself_is_an_error(corpus: Path, ref: str) -> None:
    ann = _edit(corpus, "continues: 001_muscat_us_iran#muscat-talks", f"continues: {ref}")
    assert _findings([corpus]) == [f"{ann}:15:16: error: `continues:` names the event itself: name another event"]


def test_its_own_article_id_names_its_own_events(corpus: Path) -> None:
    ann = _edit(corpus, "continues: 001_muscat_us_iran#muscat-talks", f"continues: {ROME}#technical-talk")
    assert _findings([corpus]) == [f"{ann}:15:16: error: unknown event `{ROME}#technical-talk`: no event with this id "
                                   "in the article (use article-id#event-id for another article)"]


def test_a_build_refuses_it_and_writes_nothing(corpus: Path, tmp_path: Path) -> None:
    store = OxigraphStore(tmp_path / "store")
    build(store, [corpus])
    before = store.dump_nquads()
    _edit(corpus, "continues: 001_muscat_us_iran#muscat-talks", "continues: 001_muscat_us_iran#muscat-talk")
    with pytest.raises(ValidationFailed):
        build(store, [corpus / f"{ROME}.yaml"], registry_path=corpus / "registry.yaml")
    assert store.dump_nquads() == before


def test_an_article_whose_id_has_spaces_can_be_named(corpus: Path) -> None:
    """Any file name is an article id (`001 muscat (ü).yaml`), but `continues:` took only ids of letters,
    digits, '-', '_' and '.': "'001 muscat (ü)#muscat-talks' should be an id or a list of ids"."""
    for ext in ("txt", "yaml"):
        (corpus / f"001_muscat_us_iran.{ext}").rename(corpus / f"001 muscat (ü).{ext}")
    ann = _edit(corpus, "continues: 001_muscat_us_iran#muscat-talks", 'continues: "001 muscat (ü)#muscat-talk"')
    _edit(corpus, "continues: 001_muscat_us_iran#oman-mediates", 'continues: "001 muscat (ü)#oman-mediates"')
    assert _findings([corpus]) == [f"{ann}:15:16: error: unknown event `001 muscat (ü)#muscat-talk`: article 001 muscat (ü) "
                                   "has no event `muscat-talk`; did you mean `001 muscat (ü)#muscat-talks`?"]
    _edit(corpus, '"001 muscat (ü)#muscat-talk"', '"001 muscat (ü)#muscat-talks"')
    assert _findings([corpus]) == []


def test_what_is_not_an_event_reference_says_how_to_write_one(corpus: Path) -> None:
    ann = _edit(corpus, "continues: 001_muscat_us_iran#muscat-talks", "continues: seeds/001_muscat_us_iran#muscat-talks")
    assert _findings([corpus]) == [f"{ann}:15:16: error: 'seeds/001_muscat_us_iran#muscat-talks' is not an event: write "
                                   "its id in this article, or ARTICLE-ID#EVENT-ID for another article's [continues]"]


def test_a_linking_article_is_kept_and_its_links_looked_for_every_run(corpus: Path) -> None:
    """An article naming events of other articles is kept in the check cache with its links; when the
    other article changes, the kept article's link is looked for again and placed at its line."""
    first = validate_paths([corpus])
    assert not [d for d in first.report.diagnostics if d.path.endswith(f"{ROME}.yaml")]
    again = validate_paths([corpus])
    rome = next(m for m in again.articles if m.id == ROME)
    assert rome.article is None and [link.ref for link in rome.links] == [  # from the cache, links and all
        "001_muscat_us_iran#muscat-talks", "001_muscat_us_iran#oman-mediates"]
    muscat = corpus / "001_muscat_us_iran.yaml"
    muscat.write_text(muscat.read_text().replace("id: muscat-talks", "id: muscat-round").replace(
        "continues: muscat-talks", "continues: muscat-round"))
    checked = validate_paths([corpus])
    assert next(m for m in checked.articles if m.id == ROME).article is None  # still not checked again
    assert [str(d) for d in checked.report.diagnostics if d.path.endswith(f"{ROME}.yaml")] == [
        f"{corpus / ROME}.yaml:15:16: error: unknown event `001_muscat_us_iran#muscat-talks`: article 001_muscat_us_iran "
        "has no event `muscat-talks` (its events: araghchi-tv, meet-again, muscat-round, oman-mediates, "
        "trump-bombing-threat, trump-bombing-warning, white-house-statement)"]
