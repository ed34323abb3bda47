"""The canned queries: the ``queries/*.rq`` files shipped with the package, and their headers.

Each file starts with a header the tool reads::

    # summary: What the query answers.
    # param: actor (actor, default ISR) description
    # param: from (date, optional) description
    # example: diplograph query meetings --param actor=TUR

Reading the catalogue needs no RDF library, so ``diplograph queries`` starts as fast as
Python does; binding and running a query is ``queries.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache

from . import resources
from .errors import QueryError, UsageError

PARAM_TYPES = ("actor", "place", "event", "article", "iri", "string", "date", "integer")
_PARAM = re.compile(r"^# param: (?P<name>[A-Za-z_]\w*) \((?P<type>\w+)(?:, (?:default (?P<default>[^)]+)|(?P<optional>optional)))?\) (?P<doc>.+)$")


@dataclass(frozen=True)
class Param:
    name: str
    type: str
    default: str | None
    optional: bool
    doc: str


@dataclass(frozen=True)
class CannedQuery:
    """A query file: its name (file stem), header and SPARQL text."""

    name: str
    summary: str
    text: str
    params: tuple[Param, ...] = ()
    examples: tuple[str, ...] = field(default=())


def parse_query_file(name: str, text: str, *, where: str | None = None, summary_needed: bool = True) -> CannedQuery:
    """Read the header comment of a ``.rq`` file (``where``: the file, as messages name it; a query
    of the user's own, ``query --file``, may go without a summary)."""
    where = where or f"{name}.rq"
    summary, params, examples = "", [], []
    for line in text.splitlines():
        if not line.startswith("#"):
            if line.strip():
                break
            continue
        if line.startswith("# summary:"):
            summary = line.split(":", 1)[1].strip()
        elif line.startswith("# param:"):
            m = _PARAM.match(line)
            if not m or m["type"] not in PARAM_TYPES:
                raise QueryError(f"{where}: cannot read parameter line {line!r}; expected "
                                 f"'# param: NAME (TYPE[, default VALUE | , optional]) description' "
                                 f"(TYPE: {', '.join(PARAM_TYPES)})")
            params.append(Param(m["name"], m["type"], m["default"], bool(m["optional"]), m["doc"]))
        elif line.startswith("# example:"):
            examples.append(line.split(":", 1)[1].strip())
    if not summary and summary_needed:
        raise QueryError(f"{where} has no '# summary:' line")
    return CannedQuery(name, summary, text, tuple(params), tuple(examples))


@cache
def catalogue() -> dict[str, CannedQuery]:
    """All canned queries shipped with the package, by name."""
    folder = resources.data_dir("queries")
    out = {}
    for entry in sorted(folder.iterdir(), key=lambda e: e.name):
        if entry.name.endswith(".rq"):
            name = entry.name[:-3]
            out[name] = parse_query_file(name, entry.read_text(encoding="utf-8"))
    return out


def get(name: str) -> CannedQuery:
    try:
        return catalogue()[name]
    except KeyError:
        import difflib

        near = difflib.get_close_matches(name, sorted(catalogue()), n=1)
        hint = f"did you mean `{near[0]}`? " if near else ""
        raise UsageError(f"no canned query named {name!r}; {hint}`diplograph queries` lists them") from None
