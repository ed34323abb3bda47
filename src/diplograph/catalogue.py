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

    @property
    def columns(self) -> list[str]:
        """The columns of its answer, in order (what a script reading them needs to know
        without running it).

        >>> parse_query_file("q", '# summary: s\\nSELECT ?a (GROUP_CONCAT(?b; separator=") ") AS ?bs) ?c WHERE { }').columns
        ['a', 'bs', 'c']
        """
        return select_columns(self.text)

    @property
    def lists(self) -> dict[str, str]:
        """Column -> separator, for the columns that join many values into one cell
        (``GROUP_CONCAT(…; separator="; ") AS ?others``); every store puts their items in
        alphabetical order (``store.ordered``), which SPARQL leaves to the engine.

        >>> parse_query_file("q", '# summary: s\\nSELECT (GROUP_CONCAT(DISTINCT ?b; separator="; ") AS ?bs) {}').lists
        {'bs': '; '}
        """
        return joined_columns(self.text)


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


_SELECT_TOKEN = re.compile(r'"(?:[^"\\]|\\.)*"|\'(?:[^\'\\]|\\.)*\'|[?$]\w+|[(){}]|\bWHERE\b|\bAS\b|#[^\n]*', re.I)


_GROUP_CONCAT = re.compile(r'GROUP_CONCAT\([^;()]*;\s*separator\s*=\s*"(?P<sep>[^"\\]*)"\s*\)\s+AS\s+\?(?P<col>\w+)', re.I)


def joined_columns(sparql: str) -> dict[str, str]:
    """Column -> separator, for each ``GROUP_CONCAT(…; separator="…") AS ?col`` of a query.

    >>> joined_columns('SELECT (GROUP_CONCAT(?n; separator=", ") AS ?names) {}')
    {'names': ', '}
    """
    return {m["col"]: m["sep"] for m in _GROUP_CONCAT.finditer(sparql)}


def select_columns(text: str) -> list[str]:
    """The variables a SELECT query projects, in order: ``?x`` at the top of the SELECT clause,
    and ``?y`` of each ``(… AS ?y)``; [] for ``SELECT *`` or a query of another form."""
    m = re.search(r"^\s*SELECT\b", text, re.I | re.M)
    if not m:
        return []
    out: list[str] = []
    depth, after_as = 0, False
    for tok in _SELECT_TOKEN.finditer(text, m.end()):
        t = tok.group()
        if t == "(":
            depth += 1
        elif t == ")":
            depth -= 1
        elif t == "{" or t.upper() == "WHERE":
            break
        elif t.upper() == "AS":
            after_as = True
        elif t[0] in "?$" and (depth == 0 or after_as):
            out.append(t[1:])
            after_as = False
    return out


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
