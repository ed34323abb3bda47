"""The ``diplograph`` command: a thin layer over the library.

Every command turns options into one library call and prints the result.
Errors of the library are mapped to messages and exit codes in one place
(``_guard``): 0 conforms / success, 1 violations, 2 usage or load error; output
that cannot be written is mapped where the process ends (``main``).
"""

# No `from __future__ import annotations` here: Typer would then evaluate every option's annotation
# from its string (~180 evals, 13 ms of each command's start-up).

import atexit
import contextlib
import errno
import functools
import json
import os
import shlex
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, Optional, TypeVar

import typer

from . import __version__
from .errors import DiplographError, LoadError, ValidationFailed

app = typer.Typer(
    name="diplograph",
    help="Turn news articles about diplomacy into a validated, queryable RDF knowledge graph.",
    no_args_is_help=True,
    add_completion=False,
    rich_markup_mode=None,
)


class _Console:
    """A Rich console made on first use: importing Rich takes ~50 ms, a tenth of a one-file
    `validate`, which writes plain lines and never needs it."""

    def __init__(self, **options: Any) -> None:
        self._options, self._console = options, None

    def get(self) -> Any:
        """The Rich console itself (for Rich objects that take one)."""
        if self._console is None:
            from rich.console import Console

            self._console = Console(highlight=False, soft_wrap=True, **self._options)
        return self._console

    def __getattr__(self, name: str) -> Any:
        return getattr(self.get(), name)


def _print_json(data: Any) -> None:
    """JSON for scripts: plain text, as Rich would lay it out (indent 2, UTF-8 as is), coloured by
    Rich only on a terminal (its highlighter took a second for a 10k-article `validate`)."""
    if sys.stdout.isatty():
        out.print_json(json.dumps(data))
    else:
        sys.stdout.write(json.dumps(data, indent=2, ensure_ascii=False) + "\n")


def _table(**options: Any) -> Any:
    from rich.table import Table

    return Table(**options)


out = _Console()
err = _Console(stderr=True)
TABLE_ROWS = 100  # rows a `query` table shows unless --limit says otherwise
F = TypeVar("F", bound=Callable[..., Any])

StoreOpt = Annotated[Optional[str], typer.Option(
    "--store", help="Directory of the embedded store (default .diplograph, or $DIPLOGRAPH_STORE), "
                    "'memory', a SPARQL endpoint URL, or @NAME for a profile in the config file.")]
TimeoutOpt = Annotated[Optional[float], typer.Option(
    "--timeout", help="Seconds to wait for a remote endpoint's answer, or for another build's lock (default 30).")]
RegistryOpt = Annotated[Optional[Path], typer.Option(
    "--registry", help="The registry of actors and places (default: registry.yaml beside the annotations).")]
EngineOpt = Annotated[str, typer.Option(
    "--shacl-engine", help="SHACL engine for the core shapes: turbo (pyshacl-turbo, fast, default) or pyshacl (the reference).")]


def _check_format(fmt: str, *known: str) -> None:
    """Refuse an unknown ``--format`` before any work (a typo used to print the default format)."""
    if fmt not in known:
        from .errors import UsageError

        choices = f"{', '.join(known[:-1])} or {known[-1]}"
        raise UsageError(f"unknown format {fmt!r}; use {choices}")


def _check_timeout(timeout: float | None) -> None:
    """Refuse a ``--timeout`` that is not a wait (a negative one reached the network library)."""
    if timeout is not None and not timeout > 0:
        from .errors import UsageError

        raise UsageError(f"--timeout {timeout:g}: give a number of seconds above 0")


def _say_diagnostics(diags: list[Any]) -> None:
    for d in diags:
        sys.stderr.write(f"{d}\n")


def _guard(fn: F) -> F:
    """Map library exceptions to a message on stderr and an exit code, once."""

    @functools.wraps(fn)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return fn(*args, **kwargs)
        except (LoadError, ValidationFailed) as exc:
            _say_diagnostics(exc.diagnostics)
            if isinstance(exc, ValidationFailed):
                sys.stderr.write(f"{exc}\n")
            raise typer.Exit(exc.exit_code) from None
        except DiplographError as exc:
            sys.stderr.write(f"error: {exc}\n")
            raise typer.Exit(exc.exit_code) from None
        except KeyboardInterrupt:
            sys.stderr.write("interrupted; the store holds what it held before\n")
            raise typer.Exit(130) from None

    return wrapper  # type: ignore[return-value]


def _params(pairs: list[str]) -> dict[str, str]:
    from .errors import UsageError

    values = {}
    for pair in pairs:
        key, sep, value = pair.partition("=")
        if not sep or not key:
            raise UsageError(f"--param takes KEY=VALUE, not {pair!r}")
        if key in values and values[key] != value:  # the last one silently won
            raise UsageError(f"--param {key} is given twice ({values[key]!r} and {value!r}); a parameter takes one value")
        values[key] = value
    return values


def _progress() -> tuple[Any, Callable[[str, int, int], None]]:
    """A Rich progress bar on a terminal; plain lines otherwise."""
    if not err.is_terminal:
        last: dict[str, int] = {}

        def plain(stage: str, done: int, total: int) -> None:
            if done == total and last.get(stage) != total:
                last[stage] = total
                sys.stderr.write(f"{stage}: {done}/{total}\n")
        return None, plain
    from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeElapsedColumn

    bar = Progress(TextColumn("{task.description:>8}"), BarColumn(), MofNCompleteColumn(), TimeElapsedColumn(),
                   console=err.get(), transient=True)
    tasks: dict[str, Any] = {}

    def update(stage: str, done: int, total: int) -> None:
        if stage not in tasks:
            tasks[stage] = bar.add_task(stage, total=total)
        bar.update(tasks[stage], completed=done, total=total)
    return bar, update


def _version(value: bool) -> None:
    if value:
        out.print(f"diplograph {__version__}")
        raise typer.Exit()


@app.callback()
def _main(version: Annotated[bool, typer.Option("--version", callback=_version, is_eager=True,
                                                help="Print the version and exit.")] = False) -> None:
    """Turn news articles about diplomacy into a validated, queryable RDF knowledge graph."""


@app.command()
@_guard
def validate(
    paths: Annotated[list[Path], typer.Argument(help="Annotation files (.yaml, .ttl, .jsonld) or folders of them.")],
    registry: RegistryOpt = None,
    fmt: Annotated[str, typer.Option("--format", help="text, json, or turtle (the SHACL validation report).")] = "text",
    strict: Annotated[bool, typer.Option("--strict", help="Treat warnings as failures.")] = False,
    store: Annotated[Optional[str], typer.Option(
        "--store", help="Also warn about article ids already in this store with other content (read only).")] = None,
    engine: EngineOpt = "turbo",
) -> None:
    """Check annotations against the registry and the SHACL shapes, without writing to any store.

    Every problem is reported as FILE:LINE:COL: severity: message [field].
    Exit code 0 if they conform (warnings allowed), 1 on violations, 2 if a file cannot be read.
    """
    from .build import validate_paths
    from .store import open_store

    _check_format(fmt, "text", "json", "turtle")
    checked = validate_paths(paths, registry_path=registry, store=open_store(store) if store else None,
                             engine=engine)
    diags = checked.report.diagnostics
    if fmt == "json":
        _print_json({"conforms": not checked.report.failed(strict),
                     "articles": [m.id for m in checked.articles],
                     "results": [d.as_dict() for d in diags]})
    elif fmt == "turtle":
        report = checked.report.shacl_report
        sys.stdout.write(report.serialize(format="turtle") if report is not None else "")
        for d in diags:  # what no shape found (unreadable files, unknown ids): not in the SHACL report
            if d.source_shape is None:
                sys.stderr.write(f"{d}\n")
    else:
        for d in diags:
            sys.stdout.write(f"{d}\n")
        n_err = sum(d.severity == "error" for d in diags)
        n_warn = sum(d.severity == "warning" for d in diags)
        sys.stdout.write(f"{len(checked.articles)} annotation(s) checked: {n_err} violation(s), {n_warn} warning(s)\n")
    if checked.load_failed:
        raise typer.Exit(2)
    if checked.report.failed(strict):
        raise typer.Exit(1)


@app.command()
@_guard
def build(
    paths: Annotated[Optional[list[Path]], typer.Argument(help="Annotation files or folders (default: seeds).")] = None,
    store: StoreOpt = None,
    registry: RegistryOpt = None,
    prune: Annotated[bool, typer.Option("--prune", help="Remove articles whose annotation is no longer in the folders named (needs a folder).")] = False,
    strict: Annotated[bool, typer.Option("--strict", help="Refuse to build if there is any warning.")] = False,
    fmt: Annotated[str, typer.Option("--format", help="text or json summary.")] = "text",
    timeout: TimeoutOpt = None,
    engine: EngineOpt = "turbo",
) -> None:
    """Validate annotations and load each article as its own named graph, all or nothing.

    Unchanged articles are skipped; a changed one replaces its graph completely.
    If any annotation has a violation nothing is written and the store stays as it was.
    """
    from . import build as b
    from .errors import LoadError, ValidationFailed
    from .store import open_store

    _check_format(fmt, "text", "json")
    _check_timeout(timeout)
    target = open_store(store, timeout=timeout)
    bar, progress = _progress()
    try:
        with bar or contextlib.nullcontext():
            summary = b.build(target, paths or [Path("seeds")], registry_path=registry, prune=prune, strict=strict,
                              progress=progress, engine=engine)
    except (LoadError, ValidationFailed) as exc:
        if fmt != "json":
            raise
        # A script asked for JSON: the findings as `validate --format json` gives them, and the outcome
        _print_json({"store": target.location, "written": False,
                     "results": [d.as_dict() for d in exc.diagnostics]})
        if isinstance(exc, ValidationFailed):
            sys.stderr.write(f"{exc}\n")
        raise typer.Exit(exc.exit_code) from None
    if fmt == "json":
        _print_json({"store": target.location, "written": True, "added": summary.added, "updated": summary.updated,
                     "unchanged": summary.unchanged, "removed": summary.removed,
                     "stale": summary.stale, "triples": summary.triples,
                     "warnings": summary.warnings, "results": [d.as_dict() for d in summary.diagnostics]})
        return
    table = _table(title=f"store {target.location}", show_header=True)
    table.add_column("articles added")
    table.add_column("updated")
    table.add_column("unchanged")
    table.add_column("removed")
    table.add_column("triples")
    table.add_column("warnings")
    table.add_row(*(str(x) for x in (len(summary.added), len(summary.updated), len(summary.unchanged),
                                     len(summary.removed), summary.triples, summary.warnings)))
    out.print(table)
    if summary.warnings:  # the articles checked now (new, changed) and a changed registry
        # with the store: the links to other articles are looked for there
        on = store or target.location
        again = [*(paths or [Path("seeds")]), *(["--registry", registry] if registry else []),
                 *(["--store", on] if on != "memory" else [])]
        named = " ".join(shlex.quote(str(p)) for p in again)
        err.print(f"{summary.warnings} warning(s) in what was checked: `diplograph validate {named}` lists them",
                  markup=False)
    if summary.stale:  # not "gone": they may be annotated in a folder not named this time
        folders = ", ".join(str(p) for p in paths or [Path("seeds")] if p.is_dir())
        more = ", …" if len(summary.stale) > 5 else ""
        err.print(f"{len(summary.stale)} article(s) in the store have no annotation under {folders} "
                  f"({', '.join(summary.stale[:5])}{more}): kept; --prune would remove them", markup=False)


@app.command("queries")
@_guard
def list_queries(fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table") -> None:
    """List the canned queries with their parameters."""
    from .catalogue import catalogue  # not .queries: listing them needs no RDF library

    _check_format(fmt, "table", "json")
    cat = catalogue()
    if fmt == "json":
        _print_json([{"name": q.name, "summary": q.summary, "examples": list(q.examples),
                      "params": [vars(p) for p in q.params], "columns": q.columns} for q in cat.values()])
        return
    table = _table(show_lines=False)
    table.add_column("query", no_wrap=True)
    table.add_column("parameters")
    table.add_column("what it answers")
    for q in cat.values():
        params = ", ".join(f"{p.name}:{p.type}" + (f"={p.default}" if p.default else "?" if p.optional else "")
                           for p in q.params)
        table.add_row(q.name, params, q.summary)
    out.print(table)


@app.command()
@_guard
def query(
    name: Annotated[Optional[str], typer.Argument(help="A canned query (see `diplograph queries`).")] = None,
    param: Annotated[Optional[list[str]], typer.Option("--param", "-p", help="KEY=VALUE, repeatable.")] = None,
    fmt: Annotated[str, typer.Option("--format", help="table, csv, tsv, json or sparql-json.")] = "table",
    store: StoreOpt = None,
    file: Annotated[Optional[Path], typer.Option("--file", help="Run your own SPARQL query from a file.")] = None,
    allow_service: Annotated[bool, typer.Option("--allow-service", help="Allow SERVICE in --file queries (network access).")] = False,
    timeout: TimeoutOpt = None,
    no_cache: Annotated[bool, typer.Option("--no-cache", help="Compute the answer afresh rather than read the one "
                                           "kept from an earlier run on the same build (embedded store).")] = False,
    limit: Annotated[Optional[int], typer.Option("--limit", help=f"Print at most this many rows (0: all). Tables "
                                                 f"show {TABLE_ROWS} unless told; other formats all.")] = None,
) -> None:
    """Run a canned query (or --file FILE) and print its rows."""
    from . import queries as q
    from .errors import UsageError
    from .store import open_store

    values = _params(param or [])
    if fmt not in q.FORMATS:
        raise UsageError(f"unknown format {fmt!r}; use one of {', '.join(q.FORMATS)}")
    if (name is None) == (file is None):
        raise UsageError("give either a query NAME or --file FILE")
    if limit is not None and limit < 0:
        raise UsageError(f"--limit {limit}: give a number of rows, or 0 for all of them")
    _check_timeout(timeout)
    target = open_store(store, timeout=timeout, keep_results=not no_cache)
    if file is not None:
        try:
            text = file.read_text(encoding="utf-8")
        except OSError as exc:
            raise UsageError(f"cannot read {file}: {exc.strerror}") from None
        except UnicodeDecodeError:
            raise UsageError(f"cannot read {file}: it is not UTF-8 text; save it as UTF-8") from None
        result = q.run_text(target, text, values, allow_service=allow_service, source=str(file))
    else:
        result = q.run(target, q.get(name), values)  # type: ignore[arg-type]
    if fmt != "table":
        sys.stdout.write(q.render(q.first_rows(result, limit or None), fmt))
        return
    if result.ask is not None:
        out.print("true" if result.ask else "false")
        return
    # Drawing a table costs ~1.5 ms a row (7,000 rows: 11 s), and nobody reads thousands in a terminal.
    total = len(result.rows)
    shown = q.first_rows(result, TABLE_ROWS if limit is None else limit or None)
    table = _table(show_lines=False)
    for v in result.vars:
        table.add_column(v, overflow="fold")
    for row in shown.rows:
        table.add_row(*(q.short(t) for t in row))
    out.print(table)
    if len(shown.rows) < total:
        err.print(f"{len(shown.rows)} of {total} row(s) shown: --limit 0 shows them all, "
                  "--format csv writes them for a spreadsheet", markup=False)
    else:
        err.print(f"{total} row(s)", markup=False)


@app.command()
@_guard
def export(
    fmt: Annotated[str, typer.Option("--format", help="turtle, trig, nquads, ntriples, jsonld or csv.")] = "turtle",
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="File to write ('-' or none: standard output).")] = None,
    graph: Annotated[Optional[str], typer.Option("--graph", help="Only this article's graph (article id).")] = None,
    store: StoreOpt = None,
    timeout: TimeoutOpt = None,
) -> None:
    """Export the store as RDF any tool can read, or as a flat CSV of events."""
    from .export import write_export
    from .output import is_stdout, write_stream
    from .store import open_store

    _check_timeout(timeout)
    source = open_store(store, timeout=timeout)
    if is_stdout(output):
        write_export(source, fmt, sys.stdout.buffer, article=graph)
        return
    size = write_stream(output, lambda fh: write_export(source, fmt, fh, article=graph))  # type: ignore[arg-type]
    err.print(f"wrote {size:,} bytes to {output}", markup=False)


@app.command()
@_guard
def draft(
    article: Annotated[Optional[Path], typer.Argument(help="An article (.txt with its header block), or a folder of them.")] = None,
    output: Annotated[Optional[Path], typer.Option("-o", "--output", help="File to write (a folder when drafting a folder; '-' or none: standard output).")] = None,
    fmt: Annotated[str, typer.Option("--format", help="yaml (the annotation format) or trig (RDF).")] = "yaml",
    text: Annotated[Optional[str], typer.Option("--text", help="Draft from this text instead of a file ('-' reads standard input).")] = None,
    published: Annotated[Optional[str], typer.Option("--published", help="Publication date of --text, or of an ARTICLE whose header gives none, YYYY-MM-DD (for 'on Wednesday', 'on 18 August').")] = None,
    registry: RegistryOpt = None,
) -> None:
    """Propose an annotation for an article: events, actors, places, dates, each with its evidence.

    The draft is a starting point for a person, in the format `validate` checks; every event
    carries a note naming the rule that fired and a confidence.
    """
    import datetime as dt

    from . import draft as d
    from .build import find_registry
    from .errors import UsageError
    from .registry import load_registry

    _check_format(fmt, "yaml", "trig")
    if (article is None) == (text is None):
        raise UsageError("give either an ARTICLE (file or folder) or --text")
    try:
        day = dt.date.fromisoformat(published) if published else None
    except ValueError:
        raise UsageError(f"--published takes YYYY-MM-DD, not {published!r}") from None
    reg = load_registry(find_registry([article or Path("seeds")], registry))
    from .output import is_stdout, write_file

    if article is not None and article.is_dir():
        if day is not None:
            raise UsageError("--published is for --text or one article: each article of a folder gives its date in its header")
        if is_stdout(output):
            raise UsageError("drafting a folder needs -o FOLDER for the drafts")
        bar, progress = _progress()
        with bar or contextlib.nullcontext():
            written = d.draft_folder(article, output, reg, fmt=fmt, progress=progress)
        skipped = sum(len(x.skipped) for x in written.values())
        more = f"; {skipped} sentence(s) not drafted, listed at the end of their draft" if skipped else ""
        err.print(f"wrote {len(written)} draft(s) to {output}{more}", markup=False)
        return
    if text is not None:
        drafted = d.draft_text(sys.stdin.read() if text == "-" else text, day, reg)
    else:
        if not article.exists():  # type: ignore[union-attr]
            raise UsageError(f"{article} does not exist")
        drafted = d.draft_file(article, reg, published=day)  # type: ignore[arg-type]
    data = drafted.to_yaml() if fmt == "yaml" else d.to_trig(drafted, reg)
    if is_stdout(output):
        sys.stdout.write(data)
    else:
        d.refuse_to_replace([output])  # type: ignore[list-item]
        write_file(output, data.encode("utf-8"))  # type: ignore[arg-type]
        skipped = f"; {len(drafted.skipped)} sentence(s) not drafted, listed at its end" if drafted.skipped else ""
        err.print(f"wrote {len(drafted.events)} event(s) to {output}{skipped}", markup=False)


@app.command("eval-draft")
@_guard
def eval_draft(
    gold: Annotated[Path, typer.Argument(help="A folder of articles with hand-made annotations (e.g. seeds).")],
    registry: RegistryOpt = None,
    fmt: Annotated[str, typer.Option("--format", help="table or json.")] = "table",
    misses: Annotated[bool, typer.Option("--misses", help="Also list, per article, the hand-made events the drafts missed and the drafted events that match none.")] = False,
) -> None:
    """Draft every hand-annotated article in GOLD and score the drafts: precision and recall,
    overall and per event type."""
    from .build import find_registry
    from .drafteval import evaluate
    from .registry import load_registry

    _check_format(fmt, "table", "json")
    result = evaluate(gold, load_registry(find_registry([gold], registry)))
    rows = [(name, s) for name, s in result.scores.items()]
    types = sorted(result.per_type.items())

    def scored(s: Any) -> dict[str, Any]:
        return {"precision": round(s.precision, 3), "recall": round(s.recall, 3), "matched": s.tp,
                "drafted": s.proposed, "gold": s.gold}

    if fmt == "json":
        _print_json({"articles": result.articles, **{name: scored(s) for name, s in rows},
                     "types": {name: scored(s) for name, s in types},
                     **({"misses": [vars(m) for m in result.misses]} if misses else {})})
        return
    for title, first, items in ((f"{result.articles} article(s) in {gold}", "measure", rows),
                                ("events by type", "type", types)):
        table = _table(title=title)
        for col in (first, "precision", "recall", "matched", "drafted", "gold"):
            table.add_column(col)
        for name, s in items:
            table.add_row(name, f"{s.precision:.2f}", f"{s.recall:.2f}", str(s.tp), str(s.proposed), str(s.gold))
        out.print(table)
    if misses:
        table = _table(title="events the drafts missed, and drafted events that match none")
        for col in ("article", "kind", "type", "label"):
            table.add_column(col)
        for m in result.misses:
            table.add_row(m.article, m.kind, m.type, m.label)
        out.print(table)


# Errors of writing the output (a full disk, /dev/full) rather than of the command's own work.
OUTPUT_ERRORS = frozenset({errno.ENOSPC, errno.EDQUOT, errno.EFBIG, errno.EIO})


def main() -> None:
    """Console-script entry point: run the command, then end the process at once.

    Tearing the interpreter down after a command (freeing rdflib's, Typer's and the engines'
    modules object by object) took 0.1-0.2 s, a fifth of a one-file ``validate``. Nothing
    needs it: the output is flushed here, every file the library writes is closed by its
    ``with`` block, a store's writer is closed before the commit, and atexit handlers still
    run. Output that cannot be written is an error (status 2) with one line saying why; a
    reader that stopped reading (``| head``) is status 1 without a message. Tests call ``app``
    in the test process and are not affected.
    """
    failed: OSError | None = None
    try:
        app()
        code: Any = 0
    except SystemExit as exc:
        code = exc.code
    except OSError as exc:
        if exc.errno not in OUTPUT_ERRORS:
            raise
        failed, code = exc, 2
    if code is not None and not isinstance(code, int):  # sys.exit("message"), as Python reports it
        print(code, file=sys.stderr)
        code = 1
    atexit._run_exitfuncs()  # first: a handler may still write
    if failed is None:
        try:
            sys.stdout.flush()
        except BrokenPipeError:
            code = code or 1
        except OSError as exc:
            failed, code = exc, 2
    with contextlib.suppress(OSError):
        if failed is not None:
            sys.stderr.write(f"error: could not write the output: {failed.strerror}\n")
        sys.stderr.flush()
    os._exit(code or 0)


if __name__ == "__main__":  # pragma: no cover
    main()
