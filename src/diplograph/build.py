"""Validate annotations and load them into a store, all or nothing.

``validate_paths`` checks files without touching any store. ``build`` checks
every new or changed article, and only if all of them conform does it replace
their named graphs (plus the registry and ontology graphs) in one change.
"""

from __future__ import annotations

import contextlib
import gc
import hashlib
import json
import os
import signal
import threading
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import Literal, URIRef

from . import resources
from .cache import FileHashes, cache_dir
from .checkcache import CheckCache, article_key, pack, registry_key, unpack
from .errors import Diagnostic, LoadError, UsageError, ValidationFailed
from .mapping import (MAPPING_VERSION, RDF_SUFFIXES, Link, MappedArticle, content_hash, links_from, links_text,
                      map_annotation)
from .registry import Registry, load_registry
from .store import GraphData, Store, ntriples_of
from .terms import ARTICLE_GRAPH_PREFIX, DG, ONTOLOGY_GRAPH, SH, REGISTRY_GRAPH, article_graph, article_id
from .validation import (CONFORMING_REPORT, DEFAULT_ENGINE, MergedReport, Report, check_engine,
                         ontology_ntriples, shacl_validate)

REGISTRY_FILE = "registry.yaml"
NO_REGISTRY = f"no {REGISTRY_FILE} beside the annotations or in the folder above them"
Progress = Callable[[str, int, int], None]


def _quiet(stage: str, done: int, total: int) -> None:
    """Default progress callback: says nothing."""


def _is_annotation(root: str, name: str, stem: str, ext: str) -> bool:
    """In a folder: every YAML file but the registry; Turtle/JSON-LD only beside their article
    (a folder may hold other RDF files, such as exports)."""
    if ext in (".yaml", ".yml"):
        return name != REGISTRY_FILE
    return ext in RDF_SUFFIXES and os.path.isfile(os.path.join(root, stem + ".txt"))


def _annotations_in(folder: str) -> list[tuple[str, str]]:
    """(article id, file) of the annotations under ``folder``, in path order (os.walk: the type
    comes with the listing, no stat per file). Strings, not Paths: 20,000 files at 10k articles."""
    found = []
    for root, _, names in os.walk(folder):
        for name in names:
            stem, ext = os.path.splitext(name)
            if _is_annotation(root, name, stem, ext):
                found.append((stem, os.path.join(root, name)))
    if folder == os.curdir:  # written as Path writes them: 000/a.yaml, not ./000/a.yaml
        found = [(stem, f[len(os.curdir + os.sep):]) for stem, f in found]
    return sorted(found, key=lambda sf: sf[1].replace(os.sep, "\0"))  # by path component, as Path sorts


def _annotation_files(paths: Iterable[Path]) -> list[tuple[str, str]]:
    """find_annotations, as (article id, file) strings."""
    found: list[tuple[str, str]] = []
    for p in paths:
        if p.is_dir():
            inside = _annotations_in(str(p))
            if not inside:  # a mistyped or wrong folder: with --prune it would empty the store
                raise LoadError([Diagnostic(str(p), 0, 0, "error", "no annotations in this folder (.yaml files, or "
                                            ".ttl/.jsonld beside their article's .txt); name the corpus folder")])
            found += inside
        elif p.name == REGISTRY_FILE and p.exists():
            continue  # the registry named with (or instead of) annotations: it is read and checked as one
        elif p.suffix == ".txt" and p.exists():
            raise LoadError([_text_named(p)])
        elif p.is_file() and p.suffix not in (".yaml", ".yml", *RDF_SUFFIXES):  # as a folder finds them
            raise LoadError([_not_an_annotation(p)])
        elif p.exists():
            found.append((p.stem, str(p)))
        else:
            raise LoadError([Diagnostic(str(p), 0, 0, "error", "no such file or folder")])
    named = list(dict.fromkeys(found))  # a file named twice (a folder and a file in it) counts once
    first: dict[str, str] = {}
    files, clashes = [], []
    for stem, f in named:
        if stem not in first:
            first[stem] = f
            files.append((stem, f))
        elif not os.path.samefile(f, first[stem]):  # not the same file reached through a link
            clashes.append(Diagnostic(f, 0, 0, "error", f"article `{stem}` is already annotated by "
                                      f"{first[stem]}; an article has one annotation (article ids must be unique)"))
    if clashes:
        raise LoadError(clashes)
    return files


def _text_named(text: Path) -> Diagnostic:
    """An article's text named where its annotation belongs: say which file to name instead."""
    beside = [text.with_suffix(ext) for ext in (".yaml", ".yml", *RDF_SUFFIXES) if text.with_suffix(ext).exists()]
    if beside:
        hint = f"name its annotation {beside[0]} instead"
    else:
        hint = f"it has no annotation yet: `diplograph draft {text} -o {text.with_suffix('.yaml')}` proposes one"
    return Diagnostic(str(text), 0, 0, "error", f"this is an article's text, not an annotation; {hint}")


def _not_an_annotation(path: Path) -> Diagnostic:
    """A file of another kind named as an annotation (it was read as YAML: "found character that
    cannot start any token" for the TriG that `draft --format trig` writes)."""
    rdf = path.suffix.lower() in (".trig", ".nq", ".nt", ".rdf", ".owl", ".n3", ".json")
    hint = (f"; to annotate in RDF, write the article's events as Turtle ({path.stem}.ttl) or JSON-LD "
            f"({path.stem}.jsonld) beside its text" if rdf else "")
    return Diagnostic(str(path), 0, 0, "error", "not an annotation file: annotations are YAML (.yaml, .yml), "
                      f"Turtle (.ttl) or JSON-LD (.jsonld){hint}")


def find_annotations(paths: Iterable[Path]) -> list[Path]:
    """Annotation files named directly, or found (recursively) in folders.

    An article has one annotation: two files for one article id is a load error.
    """
    return [Path(f) for _, f in _annotation_files(paths)]


def _registry_of(paths: list[Path], explicit: Path | None) -> tuple[Registry, list[Diagnostic]]:
    """The registry for ``paths``, and a warning when there is none: without it every registry id
    (ISR, baku) is unknown, and a corpus gets hundreds of errors that do not say why."""
    found = find_registry(paths, explicit)
    if found is not None or not paths:
        return load_registry(found), []
    return load_registry(None), [Diagnostic(str(paths[0]), 0, 0, "warning", (
        f"{NO_REGISTRY}: every registry id (countries, people, places) is unknown; give --registry FILE"))]


def find_registry(paths: Iterable[Path], explicit: Path | None = None) -> Path | None:
    """``--registry`` if given, else registry.yaml beside the first annotation or in the first folder."""
    if explicit is not None:
        if not explicit.exists():
            raise UsageError(f"registry file {explicit} does not exist")
        return explicit
    for p in paths:
        folder = p if p.is_dir() else p.parent
        for cand in (folder / REGISTRY_FILE, folder.parent / REGISTRY_FILE):
            if cand.exists():
                return cand
    return None


@dataclass
class Checked:
    """The outcome of checking a set of annotations."""

    registry: Registry
    articles: list[MappedArticle] = field(default_factory=list)
    report: Report = field(default_factory=Report)
    load_failed: bool = False  # some file could not be read or parsed at all (exit code 2)


# Articles validated together: bounds memory, and the unit of work per process. The SHACL
# engine's time an article grows with the chunk (pyshacl-turbo, SPARQL constraints included:
# 1.8 ms an article in chunks of 10-50, 2.0 at 100, 2.8 at 400, 4.8 at 1,200); below that the
# ontology and registry part given with every chunk cost more than smaller chunks save.
CHUNK = 50


Item = tuple[Path, "str | None"]  # an annotation to check, and its content hash when known
CacheRow = tuple[str, bytes, str]  # checkcache.py: key, packed graph, links (mapping.links_text)
ChunkResult = tuple[list[MappedArticle], list[Diagnostic], bool, str, list[CacheRow]]


def _check_chunk(items: list[Item], registry: Registry, engine: str = DEFAULT_ENGINE, keep: bool = False
                 ) -> ChunkResult:
    """Map and validate one chunk: (compacted articles, diagnostics, any load failure, SHACL
    report as N-Triples, and with ``keep`` the check-cache rows of the articles with no finding)."""
    mapped: list[MappedArticle] = []
    diags: list[Diagnostic] = []
    failed = False
    for path, digest in items:
        try:
            mapped.append(map_annotation(path, registry, digest))
        except LoadError as exc:
            diags += exc.diagnostics
            failed = True
    # Articles with reference errors are still checked (all problems in one run); an
    # article whose structure failed the schema has an empty graph and adds nothing.
    shacl = shacl_validate(mapped, registry, registry_nodes=False, engine=engine)
    for m in mapped:
        diags += m.diagnostics
    # A value the mapper could not use (an unknown actor, a relative date with no publication date) is
    # said at its place; a shape then finds the field empty there too: that is not a second problem.
    unusable = {(d.path, d.line, d.col) for m in mapped for d in m.diagnostics if d.severity == "error"}
    diags += [d for d in shacl.diagnostics if (d.path, d.line, d.col) not in unusable]
    rows: list[CacheRow] = []
    if keep:  # an article is kept only if no finding names its files or its nodes
        named = {d.path for d in diags}
        report = shacl.shacl_report
        focus = {str(n) for n in report.objects(None, SH.focusNode)} if report is not None else set()
        for m in mapped:
            text = os.path.splitext(str(m.annotation_path))[0] + ".txt"
            if str(m.annotation_path) not in named and text not in named and not m.subject_iris() & focus:
                # with the events of other articles it names: whether they exist is looked for at every run
                rows.append((article_key(m.content_hash, m.id, engine), pack(m.serialized()), links_text(m.links)))
    for m in mapped:
        m.compact()
    report = shacl.shacl_report.serialize(format="nt") if shacl.shacl_report is not None else ""
    return mapped, diags, failed, report, rows


_WORKER: tuple[Any, ...] = ()  # what a forked worker was given (_forked_pool): the same for all its tasks


def _worker_init(state: tuple[Any, ...]) -> None:
    global _WORKER
    _WORKER = state
    # What the worker inherited lives as long as it does; a chunk makes ~1 M short-lived objects.
    # Sparing the collector both (freeze, fewer young collections) makes a check ~5 % cheaper.
    gc.freeze()
    gc.set_threshold(100_000, 50, 100)
    # Ctrl-C at a terminal reaches the whole process group: the build stops its workers itself,
    # and a worker's own KeyboardInterrupt only printed a traceback. SIGINT was blocked while it
    # was forked (see _forked_pool); one that came meanwhile is dropped as it is unblocked.
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})


Submit = Callable[[Callable[[Any], Any], Iterable[Any]], deque[Future[Any]]]  # a task for each item: their futures


@contextlib.contextmanager
def _forked_pool(workers: int, state: tuple[Any, ...]) -> Iterator[Submit]:
    """Forked worker processes that share ``state`` (the parsed registry, the compiled shapes: the
    engines start no threads that a fork could leave waiting), as ``submit(task, items)`` giving
    a future per item, in order. Ctrl-C stops them at once, not after their task (~6 s at 10k),
    and quietly."""
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    pool = ProcessPoolExecutor(workers, mp_context=multiprocessing.get_context("fork"), initializer=_worker_init,
                               initargs=(state,))

    def submit(task: Callable[[Any], Any], items: Iterable[Any]) -> deque[Future[Any]]:
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGINT})  # held, not lost, while workers fork
        try:
            return deque(pool.submit(task, item) for item in items)  # not map(): see below
        finally:
            signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGINT})  # a Ctrl-C meanwhile arrives here

    try:
        yield submit
    except KeyboardInterrupt:
        # Futures left uncancelled (map() cancels them). The pool's own thread may then fail on the
        # broken pool, printing a traceback; we are leaving, so its failure is not shown. Not joined
        # either: Ctrl-C as the pool starts came before that thread ran, and joining it failed.
        pool_thread, shown = getattr(pool, "_executor_manager_thread", None), threading.excepthook
        threading.excepthook = lambda args: None if args.thread is pool_thread else shown(args)
        for child in multiprocessing.active_children():
            child.terminate()
        pool.shutdown(wait=False)
        raise
    else:
        pool.shutdown()


def _worker_chunk(items: list[Item]) -> ChunkResult:
    return _check_chunk(items, *_WORKER)


def _worker_registry(_: object) -> tuple[list[Diagnostic], str, list[CacheRow]]:
    registry, engine, keep = _WORKER
    return _check_registry(registry, engine, keep)


def check(annotations: list[Path], registry: Registry, progress: Progress = _quiet, *,
          workers: int | None = None, registry_shapes: bool = True, engine: str = DEFAULT_ENGINE,
          digests: dict[Path, str] | None = None,
          passed: Callable[[list[MappedArticle]], None] | None = None) -> Checked:
    """Map and validate annotations; collects every problem, raises nothing for bad content.

    An article checked before with no finding, unchanged since, is taken from the check
    cache (checkcache.py) instead; ``digests`` are the content hashes the caller has already
    computed (else they are computed here, from each file's bytes). The others are checked
    in chunks of CHUNK articles against the registry and ontology on their own (no shape
    looks across articles), in ``workers`` processes (default: one per core) when there is
    more than one chunk. The registry's own nodes are checked once, unless
    ``registry_shapes`` is false (a registry already validated into the store).
    ``engine`` is the SHACL engine (see ``validation.shacl_validate``). ``passed`` is given
    the articles as they come, from the cache and then chunk by chunk (a first build loads
    them meanwhile: store.Staged); whether the check as a whole passes is known at the end.
    """
    check_engine(engine)
    out = Checked(registry)
    kept = CheckCache()
    keep = kept.path is not None
    items: list[Item] = [(p, (digests or {}).get(p) or (content_hash(p, registry) if keep else None))
                         for p in annotations]
    keys = {p: article_key(d, p.stem, engine) for p, d in items if d} if keep else {}
    found = kept.get(keys.values())
    linked = kept.get_links(found)
    registry_kept = _kept_registry(registry, engine, kept) if registry_shapes else None
    kept.close()  # not carried into forked workers (SQLite forbids it); opened again to write
    todo: list[Item] = []
    for p, d in items:
        packed = found.get(keys[p]) if found and d else None
        if packed is None:
            todo.append((p, d))
        else:
            out.articles.append(MappedArticle(None, p, article_graph(p.stem), content_hash=d or "", packed=packed,
                                              links=links_from(linked.get(keys[p], ""), p)))
    chunks = [todo[i:i + CHUNK] for i in range(0, len(todo), CHUNK)] or [[]]
    workers = min(workers or os.cpu_count() or 1, len(chunks))
    tick = progress if annotations else _quiet  # no "check 0/0" for a registry edit alone
    tick("check", len(out.articles), len(annotations))
    counted = _progressing(chunks, tick, len(out.articles), len(annotations))
    diags: list[Diagnostic] = []
    reports: list[str] = []

    def absorb(results: Iterable[ChunkResult]) -> None:
        if passed is not None and out.articles:  # those from the cache, while the first chunks are checked
            passed(list(out.articles))
        for mapped, chunk_diags, failed, report, rows in counted(results):
            out.load_failed |= failed
            diags.extend(chunk_diags)
            reports.append(report)
            out.articles += mapped  # article ids are unique: find_annotations saw to it
            if passed is not None:
                passed(mapped)
            kept.put(rows)  # as each chunk comes, not held to the end (270 MB at 100k); kept if interrupted

    # The registry's own nodes, once (not per chunk): unless checked before, a task of its own
    # (~1 s at 10k articles), first in the queue so that a worker takes it while another starts
    # on the chunks, rather than after them with a core idle.
    registry_checked = None if registry_kept is None else (*registry_kept, [])
    if workers <= 1:
        absorb(map(lambda c: _check_chunk(c, registry, engine, keep), chunks))
    else:
        try:
            with _forked_pool(workers, (registry, engine, keep)) as submit:
                first = submit(_worker_registry, [None]) if registry_shapes and registry_checked is None else deque()
                futures = submit(_worker_chunk, chunks)
                # every worker is forked by now: none inherits the cache's connection
                absorb(futures.popleft().result() for _ in chunks)  # a future let go once read: it holds its result
                if first:
                    registry_checked = first[0].result()
        finally:
            kept.close()
    if registry_shapes:
        progress("registry", 0, 1)
        registry_diags, report, rows = registry_checked or _check_registry(registry, engine, keep)
        progress("registry", 1, 1)
        diags[:0] = registry_diags
        reports.insert(0, report)
        kept.put(rows)
    kept.prune()
    kept.close()
    if found:  # in the order given, as when every article was checked
        reports.append(CONFORMING_REPORT)
        order = {p: i for i, p in enumerate(annotations)}
        out.articles.sort(key=lambda m: order[m.annotation_path])
    out.report = MergedReport(sorted(set(diags)), reports)
    return out


def _kept_registry(registry: Registry, engine: str, kept: CheckCache) -> tuple[list[Diagnostic], str] | None:
    """The findings and SHACL report of the registry's own nodes, as checked before (None: not kept)."""
    if kept.path is None:
        return None
    key = registry_key(registry.sha256, engine)
    if not (found := kept.get([key])):
        return None
    entry = json.loads(unpack(found[key]))
    return [Diagnostic(str(registry.path), *d) for d in entry["findings"]], entry["report"]


def _check_registry(registry: Registry, engine: str, keep: bool) -> tuple[list[Diagnostic], str, list[CacheRow]]:
    """The registry's own nodes against the shapes: (findings, SHACL report as N-Triples, and with
    ``keep`` its check-cache row). Its findings are kept with it (the registry of a large corpus
    has warnings, and checking it takes ~1 s at 10k articles); they all name the registry file,
    kept without it."""
    where = str(registry.path)
    checked = shacl_validate([], registry, engine=engine)
    report = checked.shacl_report.serialize(format="nt") if checked.shacl_report is not None else ""
    rows: list[CacheRow] = []
    if keep and all(d.path == where for d in checked.diagnostics):
        findings = [[d.line, d.col, d.severity, d.message, d.property, d.focus, d.source_shape]
                    for d in checked.diagnostics]
        rows.append((registry_key(registry.sha256, engine), pack(json.dumps({"findings": findings, "report": report})), ""))
    return checked.diagnostics, report, rows


def _progressing(chunks: list[list[Item]], progress: Progress, done: int, total: int
                 ) -> Callable[[Iterable[Any]], Iterator[Any]]:
    """Pass the chunks' results through, reporting progress after each."""
    def counted(results: Iterable[Any]) -> Iterator[Any]:
        nonlocal done
        for chunk, result in zip(chunks, results):
            done += len(chunk)
            progress("check", done, total)
            yield result
    return counted


READ_EVERY = 500  # files hashed between two progress reports


def _hashed(files: Sequence[Path | str], registry: Registry, hashes: FileHashes, progress: Progress
            ) -> Iterator[str]:
    """The content hash of each annotation, in order, with progress ("read")."""
    for i, file in enumerate(files, 1):
        digest = content_hash(file, registry, hashes)
        if i % READ_EVERY == 0 or i == len(files):  # before the last yield: zip() takes no more after it
            progress("read", i, len(files))
        yield digest


# Files not seen by the last run past which they are hashed by a process per core: a first build
# reads and scans every file (2 s at 10k articles, 20 s at 100k) while the other core waits.
HASH_POOL_AT = 2_000


def content_hashes(files: Sequence[Path | str], registry: Registry, hashes: FileHashes,
                   progress: Progress = _quiet, *, workers: int | None = None) -> list[str]:
    """The content hash (mapping.content_hash) of each annotation, in order, with progress
    ("read"): in ``workers`` processes (default: one per core) when many were never seen."""
    workers = min(workers or os.cpu_count() or 1, -(-len(files) // READ_EVERY))  # (a slice of READ_EVERY each)
    if workers < 2 or hashes.unknown(files) < HASH_POOL_AT:
        return list(_hashed(files, registry, hashes, progress))
    digests: list[str] = []
    with _forked_pool(workers, (registry, hashes)) as submit:
        for future in submit(_worker_hashes, [files[i:i + READ_EVERY] for i in range(0, len(files), READ_EVERY)]):
            found, recorded = future.result()
            hashes.absorb(recorded)
            digests += found
            progress("read", len(digests), len(files))
    return digests


def _worker_hashes(files: Sequence[Path | str]) -> tuple[list[str], dict[str, Any]]:
    registry, hashes = _WORKER
    return [content_hash(file, registry, hashes) for file in files], hashes.taken()


def check_links(articles: list[MappedArticle], store: Store | None = None,
                registry: Registry | None = None) -> list[Diagnostic]:
    """Whether the events of other articles that these name (`continues:`, `declared_in:`) exist:
    in that article as the files checked have it, else as ``store`` has it, else (with no store,
    given the ``registry``) as its annotation beside the file naming it has it. A typo in either
    id left a link to nothing in the graph, and no word of it. An article none has is a warning
    when there is a store to look in (it may be built later), else not looked for."""
    from difflib import get_close_matches

    if not any(m.links for m in articles):  # the common case: nothing to look up (nor queries.py to import)
        return []
    from .queries import event_ids, listed

    by_id = {m.id: m for m in articles}
    events: dict[str, set[str] | None] = {}  # article id -> its event ids (None: unknown)
    stored_ids: list[str] | None = None
    out: list[Diagnostic] = []
    for link in (link for m in articles for link in m.links):
        if link.article not in events:
            if link.article in by_id:
                events[link.article] = by_id[link.article].event_ids()
            elif store is not None and store.graph_hashes([str(article_graph(link.article))]):
                events[link.article] = set(event_ids(store, link.article))
            else:
                events[link.article] = None if store is not None or registry is None else _beside(link, registry)
        found = events[link.article]
        if found is None and store is not None:
            link = _placed(link, registry)
            if stored_ids is None:
                stored_ids = [i for g in store.graph_hashes() if (i := article_id(g)) is not None]
            hint = get_close_matches(link.article, sorted({*by_id, *stored_ids}), n=1)
            out.append(Diagnostic(link.at.path, link.at.line, link.at.col, "warning", (
                f"`{link.ref}` names article `{link.article}`, which is neither among the files checked nor in the store"
                f"{f'; did you mean `{hint[0]}`?' if hint else ''} (the link leads nowhere until that article is built)")))
        elif found is not None and link.event not in found:
            link = _placed(link, registry)
            hint = get_close_matches(link.event, sorted(found), n=1)
            more = f"; did you mean `{link.article}#{hint[0]}`?" if hint else f" (its events: {listed(found) or 'none'})"
            out.append(Diagnostic(link.at.path, link.at.line, link.at.col, "error", f"unknown event `{link.ref}`: article {link.article} has no event `{link.event}`{more}"))
    return out


def check_links_into(store: Store, articles: list[MappedArticle], removed: Iterable[str] = (),
                     files: dict[str, Path | str] | None = None, registry: Registry | None = None) -> list[Diagnostic]:
    """Links in ``store`` from articles not among ``articles`` (a build does not check an unchanged
    article again) to events these no longer have, or into articles ``removed`` (``--prune``). Each
    was checked when it was written, and renaming or deleting the event it names would leave it
    leading nowhere, in silence. One query of the store's links (all of them: a few per article
    at most); an error at the link's line when its annotation is found (among ``files``, by article
    id, else beside the changed article's), else at the changed article."""
    from difflib import get_close_matches

    from .mapping import field_specs
    from .terms import article_iri, event_id, vocab

    new = {m.id: m for m in articles}
    gone = set(removed)
    if not new and not gone:
        return []
    prefixes = {f"{article_iri(a)}/event/": a for a in (*new, *gone)}
    kinds = {vocab(x["property"]) for spec in field_specs().values() for x in spec.values() if x["kind"] == "event"}
    values = " ".join(f"<{p}>" for p in sorted(kinds))
    rows = store.query(f"SELECT ?g ?t WHERE {{ VALUES ?p {{ {values} }} GRAPH ?g {{ ?s ?p ?t }} }}").rows
    events: dict[str, set[str]] = {}
    out: list[Diagnostic] = []
    for g, t in sorted({(str(g), str(t)) for g, t in rows}):
        cut = t.find("/event/")
        target = prefixes.get(t[:cut + len("/event/")]) if cut >= 0 else None
        source = article_id(g)
        if target is None or source is None or source in new or source in gone or source == target:
            continue
        event = event_id(t, target)
        if event is None:
            continue
        if target in gone:
            link = _written(source, target, event, files, None, registry)
            out.append(Diagnostic(link.at.path, link.at.line, link.at.col, "warning", (
                f"`{link.ref}` names article `{target}`, which this build removes (--prune): the link leads nowhere "
                "until that article is built again")))
            continue
        found = events.setdefault(target, new[target].event_ids())
        if event in found:
            continue
        changed = new[target].annotation_path
        hint = get_close_matches(event, sorted(found), n=1)
        link = _written(source, target, event, files, changed, registry)
        if link.at.line:
            more = f"; did you mean `{target}#{hint[0]}`?" if hint else ""
            out.append(Diagnostic(link.at.path, link.at.line, link.at.col, "error", (
                f"unknown event `{link.ref}`: article {target} has no event `{event}` now that {changed} has changed{more}")))
        else:
            more = f" (to `{target}#{hint[0]}`?)" if hint else ""
            out.append(Diagnostic(str(changed), 0, 0, "error", (
                f"article {source} in the store names event `{target}#{event}`, which this file no longer has: keep "
                f"the event's id, or build {source}'s annotation in the same build, its link changed{more}")))
    return out


def _written(source: str, target: str, event: str, files: dict[str, Path | str] | None, beside: Path | None,
             registry: Registry | None) -> Link:
    """The link from article ``source`` to ``target#event`` as its annotation writes it (found among
    ``files`` by article id, else beside the file ``beside``), with its place; else a link at line 0
    of nothing."""
    candidates = [Path(files[source])] if files and source in files else []
    if beside is not None and (found := _annotation_beside(beside, source)) is not None:
        candidates.append(found)
    for path in candidates:
        if registry is not None and path.is_file() and path.with_suffix(".txt").is_file():
            try:
                links = map_annotation(path, registry).links
            except LoadError:
                break
            return next((link for link in links if (link.article, link.event) == (target, event)),
                        Link(f"{target}#{event}", target, event, Diagnostic(str(path), 0, 0, "error", "")))
    return Link(f"{target}#{event}", target, event, Diagnostic(source, 0, 0, "error", ""))


def _placed(link: Link, registry: Registry | None) -> Link:
    """A link read from the check cache (line 0) with the line and column it is written at: its
    annotation mapped again (a millisecond; only for a link that leads nowhere)."""
    if link.at.line or registry is None:
        return link
    try:
        again = map_annotation(Path(link.at.path), registry).links
    except LoadError:
        return link
    return next((found for found in again if found.ref == link.ref), link)


def _beside(link: Link, registry: Registry) -> set[str] | None:
    """The event ids of the linked article, from its annotation in the folder of the file naming it
    (`validate seeds/002.yaml` alone: 001 is in seeds/), or None if it has none there."""
    path = _annotation_beside(Path(link.at.path), link.article)
    if path is None:
        return None
    try:
        return map_annotation(path, registry).event_ids()
    except LoadError:
        return None


def _annotation_beside(file: Path, article: str) -> Path | None:
    """The annotation of ``article`` in the folder of ``file`` (with its text beside it), if any."""
    for ext in (".yaml", ".yml", *RDF_SUFFIXES):
        path = file.with_name(article + ext)
        if path.is_file() and path.with_suffix(".txt").is_file():
            return path
    return None


def validate_paths(paths: list[Path], *, registry_path: Path | None = None, progress: Progress = _quiet,
                   store: Store | None = None, engine: str = DEFAULT_ENGINE) -> Checked:
    """``diplograph validate``: check files against the registry and the shapes.

    With ``store``, an annotation whose article id is already in the store with other
    content gets a warning: building it would replace that article.
    """
    if store is not None:
        store.check_built()  # before the work: a mistyped --store compared against nothing
    registry, no_registry = _registry_of(paths, registry_path)
    annotations = find_annotations(paths)
    whole = any(p.is_dir() for p in paths)
    hashes = FileHashes(paths, cache=whole)  # as build's: a folder checked again reads only the stat of its files
    digests = (dict(zip(annotations, content_hashes(annotations, registry, hashes, progress)))
               if cache_dir() is not None else None)
    hashes.save()
    # Checking a few new files: they are checked against the registry, but the registry's own
    # shapes are for `validate FOLDER` and `build` (at 10k articles they take a second).
    checked = check(annotations, registry, progress, engine=engine, digests=digests,
                    registry_shapes=whole or any(p.name == REGISTRY_FILE for p in paths))
    checked.report.diagnostics[:0] = no_registry
    checked.report.diagnostics += check_links(checked.articles, store, registry)
    if store is not None:
        checked.report.diagnostics += check_links_into(store, checked.articles, (), {p.stem: p for p in annotations},
                                                       registry)
    checked.report.diagnostics.sort()
    if store is not None:
        stored = store.graph_hashes([str(m.graph_iri) for m in checked.articles])
        for m in checked.articles:  # map_annotation already hashed each file
            digest = stored.get(str(m.graph_iri))
            if digest is not None and digest != m.content_hash:
                checked.report.diagnostics.append(Diagnostic(
                    str(m.annotation_path), 0, 0, "warning", f"article id `{m.id}` is already in the store {store.location} "
                    "with other content: building this file will replace that article (rename the file if it is "
                    "a different article)"))
        checked.report.diagnostics.sort()
    return checked


@dataclass
class BuildSummary:
    added: list[str] = field(default_factory=list)
    updated: list[str] = field(default_factory=list)
    unchanged: list[str] = field(default_factory=list)
    removed: list[str] = field(default_factory=list)
    stale: list[str] = field(default_factory=list)  # in the store, not in the corpus, kept (no --prune)
    triples: int = 0
    diagnostics: list[Diagnostic] = field(default_factory=list)

    @property
    def warnings(self) -> int:
        return sum(d.severity == "warning" for d in self.diagnostics)


def _stamped(iri: URIRef, ntriples: str, digest: str) -> str:
    """N-Triples of a graph plus its content hash, as stored in graph ``iri``."""
    return ntriples + ntriples_of([(iri, DG.contentHash, Literal(digest))])


def build(store: Store, paths: list[Path], *, registry_path: Path | None = None, prune: bool = False,
          strict: bool = False, progress: Progress = _quiet, engine: str = DEFAULT_ENGINE) -> BuildSummary:
    """Bring ``store`` up to date with the annotations under ``paths``.

    Raises ValidationFailed (and writes nothing) if any new or changed
    annotation has a violation, or a warning with ``strict``. With folders among
    ``paths``, stored articles whose annotation is not under them are stale
    (removed with ``prune``); with files only, those articles are added or
    updated and nothing else is looked at.
    """
    whole = any(p.is_dir() for p in paths)  # a folder: the store mirrors it; files only: add or update them
    if prune and not whole:
        raise UsageError("--prune needs a folder: it removes the articles whose annotation is no longer in "
                         "the folders you name (with files alone, every other article would look gone)")
    store.check_writable()  # before a minute of validation, not after
    registry, no_registry = _registry_of(paths, registry_path)
    if no_registry:  # every registry id unknown, and the store's registry replaced by an empty one
        raise LoadError([Diagnostic(str(paths[0]), 0, 0, "error", (
            f"{NO_REGISTRY}: a build needs the registry (the store's own would be replaced by an empty one); "
            "give --registry FILE"))])
    annotations = _annotation_files(paths)
    graph_of = {stem: str(article_graph(stem)) for stem, _ in annotations}
    stored = store.graph_hashes(None if whole else [str(REGISTRY_GRAPH), str(ONTOLOGY_GRAPH), *graph_of.values()])
    summary = BuildSummary()
    todo: list[Path] = []
    hashes = FileHashes(paths, cache=whole)  # a file or two named: hashing them costs nothing
    digests: dict[Path, str] = {}
    for (stem, file), digest in zip(annotations, content_hashes([f for _, f in annotations], registry, hashes, progress)):
        gid = graph_of[stem]
        if stored.get(gid) == digest:
            summary.unchanged.append(stem)
        else:
            todo.append(Path(file))
            digests[todo[-1]] = digest
            (summary.updated if gid in stored else summary.added).append(stem)
    hashes.save()
    reg_digest = hashlib.sha256(f"{registry.sha256}\0{MAPPING_VERSION}".encode()).hexdigest()
    # an unchanged registry was checked when it was stored; a changed one is checked even when
    # no article depends on what changed in it (then none is checked: nothing new)
    new_registry = stored.get(str(REGISTRY_GRAPH)) != reg_digest
    with store.staging() as staged:  # a first build: loaded as the check passes the articles
        passed = (lambda ms: staged.add((m.graph_iri, m.text()) for m in ms)) if staged is not None else None
        checked = (check(todo, registry, progress, registry_shapes=new_registry, engine=engine, digests=digests,
                         passed=passed) if todo or new_registry else Checked(registry))
        current = set(graph_of.values())
        gone = sorted(g for g in stored if g.startswith(ARTICLE_GRAPH_PREFIX) and g not in current) if whole else []
        names = [article_id(g) or g for g in gone]  # the ids, as the files are named
        checked.report.diagnostics += check_links(checked.articles, store, registry)
        if any(g.startswith(ARTICLE_GRAPH_PREFIX) for g in stored):  # links from stored articles into these
            checked.report.diagnostics += check_links_into(store, checked.articles, names if prune else [],
                                                           dict(annotations), registry)  # strings: 10,000 Paths took 30 ms
        checked.report.diagnostics.sort()
        summary.diagnostics = no_registry + checked.report.diagnostics
        if checked.load_failed:
            raise LoadError(summary.diagnostics)
        if checked.report.failed(strict):
            raise ValidationFailed(summary.diagnostics)

        replace: dict[URIRef, GraphData] = {m.graph_iri: m.payload for m in checked.articles  # those not loaded yet
                                            if staged is None or str(m.graph_iri) not in staged.loaded}
        checked.articles.clear()  # the store frees each graph's text once loaded
        if new_registry:
            replace[REGISTRY_GRAPH] = _stamped(REGISTRY_GRAPH, registry.ntriples(), reg_digest)
        onto_digest = hashlib.sha256(resources.read_text("ontology", "diplograph.ttl").encode()).hexdigest()
        if stored.get(str(ONTOLOGY_GRAPH)) != onto_digest:  # parse only when the store needs it
            replace[ONTOLOGY_GRAPH] = _stamped(ONTOLOGY_GRAPH, ontology_ntriples(), onto_digest)

        if prune:
            summary.removed = names
        else:
            summary.stale = names
        if replace or staged is not None or (prune and gone):  # a staged generation goes live, or is deleted
            progress("write", 0, 1)
            removed = [URIRef(g) for g in gone] if prune else []
            if staged is not None:
                staged.commit(replace, removed)
            else:
                store.apply(replace, removed)
            progress("write", 1, 1)
    summary.triples = store.count()
    return summary
