"""Canned, parameterised SPARQL queries from ``queries/*.rq``.

The files and their headers are read by ``catalogue.py``. Parameter values
become typed RDF terms (IRIs checked, literals built and escaped by rdflib)
and are bound with a SPARQL ``VALUES`` block at the top of
the query's outer group: the user's text never becomes query syntax. The same
mechanism serves every backend, so results agree across them.
"""

from __future__ import annotations

import csv
import datetime as dt
import difflib
import io
import json
import re
from collections.abc import Callable, Iterable
from pathlib import Path
from typing import Any
from urllib.parse import unquote

from rdflib import Literal, URIRef
from rdflib.namespace import XSD
from rdflib.term import Node

from .catalogue import CannedQuery, Param, catalogue, get, parse_query_file  # noqa: F401 (catalogue and get: part of this module's API)
from .errors import QueryError, UsageError
from .store import QueryResult, Store, nquads_term
from .terms import PREFIXES, actor_iri, article_iri, event_id, event_iri, folded, place_iri

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_IRI = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\s<>\"{}|\\^`]*$")


# ---------------------------------------------------------------------------
# safety and binding
# ---------------------------------------------------------------------------

_TOKEN = re.compile(r'#[^\n]*|"""(?:.|\n)*?"""|\'\'\'(?:.|\n)*?\'\'\'|"(?:\\.|[^"\\\n])*"|\'(?:\\.|[^\'\\\n])*\'|<[^<>"{}|^`\\\s]*>')


def _code_only(sparql: str) -> str:
    """The query with comments, strings and IRIs blanked out (same length)."""
    return _TOKEN.sub(lambda m: " " * len(m.group(0)), sparql)


# Variables and prefixed names, which may spell a keyword (?move, ex:load, service:x)
_NAMES = re.compile(r"[?$][\w\u00b7-\U000effff]+|(?:[A-Za-z\u00c0-\U000effff][\w.\-\u00b7-\U000effff]*)?:[\w.\-:%\\\u00b7-\U000effff]*")
_PROLOGUE = re.compile(r"\s*(?:(?:PREFIX|BASE)\b\s*)*", re.IGNORECASE)  # their names and IRIs are blanked by then


def _keywords_only(sparql: str) -> str:
    """The query's keywords and punctuation only (comments, strings, IRIs, variables, prefixed names blanked)."""
    code = _code_only(sparql)
    return _NAMES.sub(lambda m: " " * len(m.group(0)), code)


def check_safe(sparql: str, *, allow_service: bool = False) -> None:
    """Refuse SERVICE and updates (LOAD, INSERT...) unless explicitly allowed.

    >>> check_safe("SELECT ?move ?add WHERE { ?move ex:load ?service . FILTER(?add != 'DROP') }")
    >>> check_safe("PREFIX ex: <urn:ex:> DELETE WHERE { ?s ex:p ?o }")
    Traceback (most recent call last):
    ...
    diplograph.errors.QueryError: updates (LOAD, INSERT, DELETE, DROP...) are not allowed in queries; the store is changed only by `diplograph build`
    """
    code = _keywords_only(sparql).upper()
    first = code[_PROLOGUE.match(code).end():].split(None, 1)  # type: ignore[union-attr]
    if first and re.match(r"(LOAD|INSERT|DELETE|DROP|CLEAR|CREATE|COPY|MOVE|ADD|WITH)\b", first[0]):
        raise QueryError("updates (LOAD, INSERT, DELETE, DROP...) are not allowed in queries; "
                         "the store is changed only by `diplograph build`")
    if not allow_service and re.search(r"\bSERVICE\b", code):
        raise QueryError("SERVICE makes the store fetch data from the network and is refused by default; "
                         "pass --allow-service if you mean it")


def bind(sparql: str, bindings: dict[str, Node]) -> str:
    """Bind variables by a VALUES block at the start of the outer WHERE group.

    >>> bind("SELECT ?x WHERE { ?x ?p ?o }", {"o": Literal('a "b"')})
    'SELECT ?x WHERE { VALUES (?o) { ("a \\\\"b\\\\"") }\\n ?x ?p ?o }'
    """
    return _bound(sparql, bindings)[0]


def _bound(sparql: str, bindings: dict[str, Node]) -> tuple[str, int, int]:
    """``bind``, and where it inserted text and how much (to place a syntax error in the user's text)."""
    if not bindings:
        return sparql, 0, 0
    brace = _code_only(sparql).find("{")
    if brace < 0:
        raise QueryError("the query has no WHERE { … } group to bind parameters in")
    names = " ".join(f"?{k}" for k in bindings)
    values = " ".join(v.n3() for v in bindings.values())
    inserted = f" VALUES ({names}) {{ ({values}) }}\n"
    return f"{sparql[:brace + 1]}{inserted}{sparql[brace + 1:]}", brace + 1, len(inserted)


_DECLARED_PREFIX = re.compile(r"\bPREFIX\s+([A-Za-z][\w.-]*)?:", re.IGNORECASE)
_USED_PREFIX = re.compile(r"(?<![\w?$:.-])([A-Za-z][\w.-]*)?:(?=[\w%])")  # ex:p, :p (not ?v, not a declaration's IRI)
_ENGINE_POSITION = re.compile(r"SPARQL syntax error: error at (\d+):(\d+): (.*)", re.DOTALL)  # Oxigraph's


def _in_source(error: QueryError, source: str, sparql: str, bound: str, at: int, size: int) -> QueryError:
    """A syntax error of the bound text, placed in the user's file: ``FILE:LINE:COL: …``."""
    found = _ENGINE_POSITION.fullmatch(str(error))
    code = _code_only(sparql)
    undeclared = sorted({p for p in _USED_PREFIX.findall(code) if p != "_"} - set(_DECLARED_PREFIX.findall(code)))
    hint = (f" (is the prefix `{undeclared[0]}:` declared? `PREFIX {undeclared[0]}: <…>` before the query)"
            if undeclared else "")
    if not found:
        return QueryError(f"{source}: {error}{hint}")
    line, col, problem = int(found[1]), int(found[2]), found[3]
    lines = bound.split("\n")
    offset = sum(len(x) + 1 for x in lines[:line - 1]) + col - 1
    if offset >= at + size:
        offset -= size
    elif offset >= at:
        offset = at - 1  # in the VALUES block bound there: the group's brace
    before = sparql[:offset]
    return QueryError(f"{source}:{before.count(chr(10)) + 1}:{offset - (before.rfind(chr(10)) + 1) + 1}: "
                      f"SPARQL syntax error: {problem}{hint}")


def _lookup(store: Store, value: str, kind: str) -> URIRef:
    """Find an actor or place by label or alias, case-insensitively, or by the Wikidata item it
    matches (its IRI, or its QID: ``Q801``)."""
    cls = "dg:Place" if kind == "place" else "?c"
    q = bind(f"""PREFIX dg: <{PREFIXES['dg']}> PREFIX rdfs: <{PREFIXES['rdfs']}> PREFIX skos: <{PREFIXES['skos']}>
        SELECT DISTINCT ?x WHERE {{
          {{ ?x rdfs:label|skos:altLabel ?l BIND (LCASE(STR(?l)) AS ?k) }} UNION {{ ?x skos:exactMatch ?m BIND (STR(?m) AS ?k) }}
          FILTER (?k IN (LCASE(STR(?name)), STR(?name), CONCAT("{PREFIXES['wd']}", STR(?name))))
          ?x a {cls} . {'' if kind == 'place' else '?c rdfs:subClassOf* dg:Actor .'} }} ORDER BY ?x""", {"name": Literal(value)})
    hits = [r[0] for r in store.query(q).rows]
    if len(hits) == 1:
        return hits[0]  # type: ignore[return-value]
    if not hits and kind == "actor" and (local := _local_actors(store, value)):
        if len(local) == 1:  # an actor one article declares under `actors:` (a draft's `GBR`)
            return local[0]
        articles = ", ".join(unquote(str(x)[len(PREFIXES["article"]):].split("/actor/")[0]) for x in local[:5])
        raise UsageError(f"actor {value!r} is ambiguous: articles {articles} each declare a local actor `{value}`; "
                         f"give its IRI, or add `{value}` to the registry so that they are one actor")
    if not hits:
        names = _names(store, kind)
        # "Recep Tayyip Erdogan" for "Recep Tayyip Erdoğan": accents aside, if that names one entry only
        same = {ident for name, (_, ident) in names.items() if folded(name) == folded(value)}
        if len(same) == 1:
            return (place_iri if kind == "place" else actor_iri)(same.pop())
        raise UsageError(f"unknown {kind} {value!r}: give a registry id, an IRI or a label that is in the store"
                         f"{_nearest(value, names)}")
    raise UsageError(f"{kind} {value!r} is ambiguous: it names {', '.join(str(h) for h in hits[:5])}; give an id or IRI")


def _local_actors(store: Store, ident: str) -> list[URIRef]:
    """The actors articles declare under `actors:` with the id ``ident`` (``…/article/A/actor/GBR``)."""
    suffix = "/actor/" + str(actor_iri(ident)).rsplit("/actor/", 1)[1]
    q = bind(f"""PREFIX dg: <{PREFIXES['dg']}> PREFIX rdfs: <{PREFIXES['rdfs']}>
        SELECT DISTINCT ?x WHERE {{ ?x a ?c . ?c rdfs:subClassOf* dg:Actor
          FILTER (STRSTARTS(STR(?x), "{PREFIXES['article']}") && STRENDS(STR(?x), STR(?suffix))) }} ORDER BY ?x""",
             {"suffix": Literal(suffix)})
    return [r[0] for r in store.query(q).rows]  # type: ignore[misc]


def _names(store: Store, kind: str) -> dict[str, tuple[str, str]]:
    """Every way of naming an actor or place in the store (id, label, alias) -> (that name, the
    id): for the hint of an unknown one (one query, on the error path only)."""
    cls, prefix = ("dg:Place", PREFIXES["place"]) if kind == "place" else ("?c", PREFIXES["actor"])
    q = f"""PREFIX dg: <{PREFIXES['dg']}> PREFIX rdfs: <{PREFIXES['rdfs']}> PREFIX skos: <{PREFIXES['skos']}>
        SELECT DISTINCT ?x ?l WHERE {{ ?x a {cls} . {'' if kind == 'place' else '?c rdfs:subClassOf* dg:Actor .'}
          OPTIONAL {{ ?x rdfs:label|skos:altLabel ?l }} FILTER (STRSTARTS(STR(?x), "{prefix}")) }} ORDER BY ?x ?l"""
    names: dict[str, tuple[str, str]] = {}
    for x, label in store.query(q).rows:
        ident = unquote(str(x)[len(prefix):])
        for name in (ident, None if label is None else str(label)):
            if name is not None:
                names.setdefault(name, (name, ident))
    return names


def _nearest(value: str, names: dict[str, tuple[str, str]]) -> str:
    """``; did you mean `ISR` (Israel)?`` for the closest of ``names`` (name -> (name, id)), case
    and accents aside (``israël`` finds Israel); "" when nothing is close."""
    by_plain: dict[str, tuple[str, str]] = {}
    for name, found in names.items():
        by_plain.setdefault(folded(name), found)
    close = difflib.get_close_matches(folded(value), list(by_plain), n=1)
    if not close:
        return ""
    name, ident = by_plain[close[0]]
    return f"; did you mean `{ident}`?" if name == ident else f"; did you mean `{ident}` ({name})?"


def _known(store: Store, param: Param, value: str, iri: URIRef | None) -> URIRef:
    """``iri`` if the store has it; else what ``value`` names (an actor or place by label, alias or
    Wikidata item), or an error that says what the store has instead. A typo in an id or an IRI
    gave an empty answer, as if nothing had happened."""
    t = param.type
    if iri is not None and store.query(f"ASK {{ {iri.n3()} ?p ?o }}").ask:
        return iri
    if t in ("actor", "place"):
        return _lookup(store, value, t)
    if _is_iri(value):
        raise UsageError(f"unknown {t} <{value}>: it is not in the store")
    if t == "article":
        raise no_article(store, value)
    article, _, event = value.rpartition("#")
    events = event_ids(store, article)
    if not events:
        raise UsageError(f"unknown event {value!r}: the store has no article {article!r}"
                         f"{_nearest(article, _article_ids(store))}")
    raise UsageError(f"unknown event {value!r}: article {article} has no event {event!r}"
                     f"{_nearest(event, {e: (e, e) for e in events}) or f' (its events: {listed(events)})'}")


def listed(names: Iterable[str], most: int = 10) -> str:
    """The first ``most`` of ``names`` in order, for a message: ``a, b, c, …``."""
    names = sorted(names)
    return ", ".join(names[:most]) + (", …" if len(names) > most else "")


def no_article(store: Store, article: str) -> UsageError:
    """The error for an article id the store lacks, with the nearest one it has."""
    return UsageError(f"the store has no article {article!r}{_nearest(article, _article_ids(store))}")


def _article_ids(store: Store) -> dict[str, tuple[str, str]]:
    prefix = PREFIXES["article"]
    q = f"""PREFIX dg: <{PREFIXES['dg']}> SELECT ?a WHERE {{ ?a a dg:Article }}"""
    ids = (unquote(str(row[0])[len(prefix):]) for row in store.query(q).rows if str(row[0]).startswith(prefix))
    return {i: (i, i) for i in ids}


def event_ids(store: Store, article_id: str) -> list[str]:
    """The ids of an article's events, as the store has them."""
    q = bind(f"""PREFIX prov: <{PREFIXES['prov']}> SELECT DISTINCT ?e WHERE {{ ?e prov:wasDerivedFrom ?article }}""",
             {"article": article_iri(article_id)})
    return [e for row in store.query(q).rows if (e := event_id(str(row[0]), article_id)) is not None]


def _is_iri(value: str) -> bool:
    return bool(_IRI.match(value)) and value.startswith(("http://", "https://", "urn:"))


def _article_id(value: str) -> bool:
    """Whether ``value`` can be an article id: any file name the build accepts (the id is a file's
    stem: `002 rome (ü).yaml` is article `002 rome (ü)`, percent-encoded in its IRIs)."""
    return bool(value) and "/" not in value and value.isprintable()


def to_term(param: Param, value: str, store: Store | None = None) -> Node:
    """Turn a parameter value into an RDF term of the parameter's type. With a ``store``, an actor,
    place, event or article must be in it (by id, IRI, or for actors and places a label)."""
    t = param.type
    if t in ("actor", "place", "event", "article"):
        iri = _node_iri(param, value)
        return iri if store is None else _known(store, param, value, iri)
    if t == "iri":
        if not _is_iri(value):
            raise UsageError(f"--param {param.name}: {value!r} is not an absolute IRI")
        return URIRef(value)
    if t == "date":
        try:
            return Literal(dt.date.fromisoformat(value), datatype=XSD.date)
        except ValueError:
            raise UsageError(f"--param {param.name}: {value!r} is not a date; write YYYY-MM-DD") from None
    if t == "integer":
        try:
            return Literal(int(value), datatype=XSD.integer)
        except ValueError:
            raise UsageError(f"--param {param.name}: {value!r} is not a whole number") from None
    return Literal(value)


def _node_iri(param: Param, value: str) -> URIRef | None:
    """The IRI an actor, place, event or article value stands for, by its syntax alone (None: an
    actor or place by label)."""
    t = param.type
    if _is_iri(value):
        return URIRef(value)
    if t == "event":
        art, sep, ev = value.rpartition("#")  # an event id has no '#'; an article id (a file name) may
        if not sep or not _article_id(art) or not _ID.match(ev):
            raise UsageError(f"--param {param.name}: write the event as ARTICLE-ID#EVENT-ID, not {value!r}")
        return event_iri(art, ev)
    if t == "article":
        if not _article_id(value):
            raise UsageError(f"--param {param.name}: {value!r} is not an article id")
        return article_iri(value)
    if not _ID.match(value):
        return None
    return actor_iri(value) if t == "actor" else place_iri(value)


def run(store: Store, query: CannedQuery, values: dict[str, str] | None = None) -> QueryResult:
    """Run a canned query with parameters given as text (defaults fill the rest)."""
    return store.query(bind(query.text, bindings_for(store, query, values)))  # joined cells in order: store.ordered


def bindings_for(store: Store, query: CannedQuery, values: dict[str, str] | None = None,
                 what: str | None = None) -> dict[str, Node]:
    """The RDF terms of a query's declared parameters, from values given as text and the defaults
    (``what``: how messages name the query)."""
    values = dict(values or {})
    known = {p.name for p in query.params}
    if unknown := sorted(set(values) - known):
        raise UsageError(f"{what or f'query {query.name!r}'} has no parameter {', '.join(unknown)}; "
                         f"it takes: {', '.join(sorted(known)) or 'none'}")
    bindings: dict[str, Node] = {}
    for p in query.params:
        raw = values.get(p.name, p.default)
        if raw is not None:
            bindings[p.name] = to_term(p, raw, store)
    start, end = bindings.get("from"), bindings.get("to")  # a range, by the queries' own convention
    if isinstance(start, Literal) and isinstance(end, Literal) and start.datatype == end.datatype == XSD.date \
            and start.toPython() > end.toPython():
        given = {k: "" if k in values else " (its default)" for k in ("from", "to")}
        raise UsageError(f"--param from={start}{given['from']} is after to={end}{given['to']}: no day is in that range")
    return bindings


def run_text(store: Store, sparql: str, values: dict[str, str] | None = None, *, allow_service: bool = False,
             source: str | None = None) -> QueryResult:
    """Run ad-hoc SPARQL (``query --file``). Parameters its header declares as a canned query's do
    (``# param: actor (actor, default ISR) …``) are typed, checked and defaulted as theirs are;
    without such lines each is bound as a plain literal or IRI, and must be a variable of the query.
    ``source`` names the file the text came from: a syntax error is given at its line and column."""
    check_safe(sparql, allow_service=allow_service)
    where = source or "the query"
    declared = parse_query_file(Path(where).stem, sparql, where=where, summary_needed=False)
    if declared.params:
        bindings = bindings_for(store, declared, values, what=where)
    else:
        variables = {v[1:] for v in re.findall(r"[?$]\w+", _code_only(sparql))}
        if unknown := sorted(set(values or {}) - variables):
            raise UsageError(f"--param {unknown[0]}: {where} has no variable ?{unknown[0]}"
                             f"{f'; its variables: {listed(variables)}' if variables else ''}")
        bindings = {k: to_term(Param(k, "iri" if _IRI.match(v) and "://" in v else "string", None, False, ""), v, store)
                    for k, v in (values or {}).items()}
    bound, at, size = _bound(sparql, bindings)
    try:  # (joined cells in order, as every store gives them: a copy of a canned query gives its answer)
        return store.query(bound)
    except QueryError as exc:
        if source is None or not str(exc).startswith(("SPARQL syntax error", "SPARQL error")):
            raise
        raise _in_source(exc, source, sparql, bound, at, size) from None


# ---------------------------------------------------------------------------
# output formats
# ---------------------------------------------------------------------------

def first_rows(result: QueryResult, limit: int | None) -> QueryResult:
    """The first ``limit`` rows of a result (all of them for None), in the query's order.

    >>> first_rows(QueryResult(["x"], [[None], [None], [None]]), 2).rows
    [[None], [None]]
    """
    if limit is None or limit >= len(result.rows):
        return result
    return QueryResult(result.vars, result.rows[:limit], ask=result.ask)


FORMATS = ("table", "csv", "tsv", "json", "sparql-json")


def short(term: Node | None) -> str:
    """A readable form: prefixed IRIs, plain literal text."""
    if term is None:
        return ""
    if isinstance(term, URIRef):
        s = str(term)
        for prefix, ns in sorted(PREFIXES.items(), key=lambda kv: -len(kv[1])):
            if s.startswith(ns):
                return f"{prefix}:{s[len(ns):]}"
        return s
    return str(term)


def _plain(term: Node | None) -> object:
    if term is None:
        return None
    if isinstance(term, Literal):
        value = term.toPython()
        if isinstance(value, (int, float, bool, str)) and not isinstance(value, Literal):
            return value
        return str(term)
    return str(term)


def _sparql_json_term(term: Node) -> dict[str, str]:
    if isinstance(term, URIRef):
        return {"type": "uri", "value": str(term)}
    if isinstance(term, Literal):
        d = {"type": "literal", "value": str(term)}
        if term.language:
            d["xml:lang"] = term.language
        elif term.datatype:
            d["datatype"] = str(term.datatype)
        return d
    return {"type": "bnode", "value": str(term)}


def _cells(convert: Callable[[Node], Any], empty: Any) -> Callable[[Node | None], Any]:
    """``convert`` of each distinct term once: a listing's cells share their terms (the 600,000
    cells of events-table's 50,000 rows hold 174,000 terms, the same objects wherever they recur),
    so a cell is looked up by the term's identity (an rdflib term's own hash is a Python function)."""
    seen: dict[int, Any] = {}

    def cell(term: Node | None) -> Any:
        if term is None:
            return empty
        try:
            return seen[id(term)]
        except KeyError:
            seen[id(term)] = value = convert(term)
            return value
    return cell


def _json_rows(rows: Iterable[Any], indent: str = "") -> str:
    """A JSON array, one element a line (after ``indent``): written by json's C encoder (an indented
    dump is written by its Python one: 1.7 s for events-table's 50,000 rows)."""
    lines = [json.dumps(row, ensure_ascii=False) for row in rows]
    return f"[\n{indent}  " + f",\n{indent}  ".join(lines) + f"\n{indent}]" if lines else "[]"


def render(result: QueryResult, fmt: str) -> str:
    """Serialise a result as csv, tsv, json or sparql-json (tables are drawn by the CLI)."""
    if result.ask is not None:
        if fmt == "sparql-json":
            return json.dumps({"head": {}, "boolean": result.ask}) + "\n"
        return ("true" if result.ask else "false") + "\n"
    if fmt == "csv":
        buf = io.StringIO()
        w = csv.writer(buf, lineterminator="\n")
        w.writerow(result.vars)
        w.writerows(result.rows)  # a term is its text (rdflib's terms are strings); None an empty cell
        return buf.getvalue()
    if fmt == "tsv":  # W3C SPARQL 1.1 TSV: terms in N-Triples syntax (newlines and tabs escaped: one row, one line)
        cell = _cells(nquads_term, "")
        lines = ["\t".join(f"?{v}" for v in result.vars)]
        lines += ["\t".join(map(cell, row)) for row in result.rows]
        return "\n".join(lines) + "\n"
    if fmt == "json":
        cell = _cells(_plain, None)
        return _json_rows({v: cell(t) for v, t in zip(result.vars, row)} for row in result.rows) + "\n"
    if fmt == "sparql-json":
        cell = _cells(_sparql_json_term, None)
        bindings = _json_rows(({v: cell(t) for v, t in zip(result.vars, row) if t is not None} for row in result.rows),
                              "    ")
        head = json.dumps({"vars": result.vars}, ensure_ascii=False)
        return f'{{\n  "head": {head},\n  "results": {{\n    "bindings": {bindings}\n  }}\n}}\n'
    raise UsageError(f"unknown format {fmt!r}; use one of {', '.join(FORMATS)}")
