"""YAML files read with the parser's own line information.

Annotations and the registry are YAML written by people; every problem is
reported at the line where it was written. Untrusted input is bounded: size,
nesting depth, no anchors/aliases (no "billion laughs"), no duplicate keys.
"""

from __future__ import annotations

import difflib
import re
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

import yaml
from yaml.events import (AliasEvent, DocumentStartEvent, MappingEndEvent, MappingStartEvent, ScalarEvent,
                         SequenceEndEvent, SequenceStartEvent)
from yaml.nodes import ScalarNode

from . import resources
from .errors import Diagnostic, LoadError

MAX_YAML_BYTES = 1_000_000
MAX_DEPTH = 20
# libyaml (PyYAML's C extension) is ~50x faster than a pure-Python parser; fall back only if absent.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
Path_ = tuple[Any, ...]


@dataclass
class YamlDoc:
    """A parsed YAML file: plain data plus where each value (and key) was written."""

    path: Path
    data: Any
    values: dict[Path_, tuple[int, int]]
    keys: dict[Path_, tuple[int, int]]

    def where(self, path: Path_ | list[Any], *, key: bool = False) -> tuple[int, int]:
        """1-based (line, col) of the value at ``path`` (or of its key with key=True).

        Walks as deep as the path exists, so a missing field points at its parent.
        """
        path = tuple(path)
        if key and path in self.keys:
            return self.keys[path]
        while path not in self.values:
            path = path[:-1]
        return self.values[path]

    def diag(self, path: Path_ | list[Any], message: str, severity: str = "error", *, key: bool = False,
             prop: str | None = None) -> Diagnostic:
        line, col = self.where(path, key=key)
        return Diagnostic(str(self.path), line, col, severity, message, prop)  # type: ignore[arg-type]


def _fail(path: Path, line: int, col: int, message: str) -> LoadError:
    return LoadError([Diagnostic(str(path), line, col, "error", message)])


_SCALARS = yaml.SafeLoader("")  # only its scalar constructors are used
_CONSTRUCT = {"int": _SCALARS.construct_yaml_int, "float": _SCALARS.construct_yaml_float,
              "bool": _SCALARS.construct_yaml_bool}  # of the tags other than text and null
_RESOLVER = yaml.resolver.Resolver()
_STR = _RESOLVER.DEFAULT_SCALAR_TAG
# The implicit resolvers of a plain scalar by its first character, as Resolver.resolve looks them
# up (its path resolvers are unused): called once a scalar, it and a ScalarNode made for every
# scalar were a third of reading a file's events.
_WILDCARD = _RESOLVER.yaml_implicit_resolvers.get(None, [])
_IMPLICIT = {k: v + _WILDCARD for k, v in _RESOLVER.yaml_implicit_resolvers.items() if k is not None}


def plain_tag(value: str) -> str:
    """The tag YAML gives ``value`` written plain (unquoted): ``…:int`` for "13", ``…:str`` for "ISR".

    >>> plain_tag("13").rsplit(":", 1)[-1], plain_tag("ISR").rsplit(":", 1)[-1]
    ('int', 'str')
    """
    for resolved, regexp in _IMPLICIT.get(value[:1], _WILDCARD):
        if regexp.match(value):
            return resolved
    return _STR


def reads_as_text(value: str) -> bool:
    """Whether ``value`` written plain is read back by load_yaml as that text (a date is: it stays
    text), so that a writer of YAML may leave it unquoted."""
    return plain_tag(value).endswith((":str", ":timestamp"))


def _scalar(event: ScalarEvent) -> Any:
    """A scalar as the composer would tag it (its tag given, else resolved), as YAML 1.1 core
    types, except that dates stay text: dates.resolve() parses dates itself and reports bad
    ones at their line."""
    tag, value = event.tag, event.value
    if tag is None or tag == "!":
        # plain: its form decides (a quoted scalar is text)
        tag = plain_tag(value) if event.implicit[0] else _STR
    if tag == _STR:
        return value
    kind = tag.rsplit(":", 1)[-1]
    if kind == "null":
        return None
    construct = _CONSTRUCT.get(kind)
    return value if construct is None else construct(ScalarNode(tag, value))


def _from_events(path: Path, text: str) -> tuple[Any, dict[Path_, tuple[int, int]], dict[Path_, tuple[int, int]]]:
    """Plain data from the parser's events in one pass, with where each value and key was written:
    anchors, aliases (no "billion laughs"), nesting deeper than MAX_DEPTH, keys that are not text and
    duplicate keys refused as they come. (A pass to check the events, then the parser's composed
    node tree walked, read each file twice: a third of reading the 10k corpus's registry.)"""
    values: dict[Path_, tuple[int, int]] = {}
    keys: dict[Path_, tuple[int, int]] = {}
    # open collections: [container, its path, the key awaiting its value (mappings; None: a key is
    # next)]; a sequence's next item is at (*path, len(container)). Written out, not in helpers:
    # this loop runs once a scalar of every file read.
    stack: list[list[Any]] = []
    top: list[Any] | None = None
    root: Any = None
    documents = 0
    for event in yaml.parse(text, Loader=_Loader):
        kind = type(event)
        if kind is ScalarEvent or kind is MappingStartEvent or kind is SequenceStartEvent:
            m = event.start_mark
            where = (m.line + 1, m.column + 1)
            if kind is not ScalarEvent and event.anchor:  # an anchored scalar is harmless until an alias
                raise _fail(path, *where, "YAML anchors (&name) are not allowed in annotations")
            if top is None:
                at: Path_ = ()
            elif top[3]:  # a sequence
                at = (*top[1], len(top[0]))
            elif top[2] is None:  # a mapping's key
                if kind is not ScalarEvent:
                    raise _fail(path, *where, "YAML syntax error: a key must be plain text")
                name = str(_scalar(event))
                if name in top[0]:
                    first = keys[(*top[1], name)][0]
                    raise _fail(path, *where, f"duplicate field `{name}` (first written at line "
                                              f"{first}): each field may appear only once")
                keys[(*top[1], name)] = where
                top[2] = name
                top[0][name] = None  # its place, in the order written
                continue
            else:
                at = (*top[1], top[2])
            values[at] = where
            value: Any = _scalar(event) if kind is ScalarEvent else [] if kind is SequenceStartEvent else {}
            if top is None:
                root = value
            elif top[3]:
                top[0].append(value)
            else:
                top[0][top[2]] = value
                top[2] = None
            if kind is not ScalarEvent:
                if len(stack) >= MAX_DEPTH:
                    raise _fail(path, *where, f"nesting deeper than {MAX_DEPTH} levels")
                top = [value, at, None, kind is SequenceStartEvent]
                stack.append(top)
        elif kind is MappingEndEvent or kind is SequenceEndEvent:
            stack.pop()
            top = stack[-1] if stack else None
        elif kind is AliasEvent:
            m = event.start_mark
            raise _fail(path, m.line + 1, m.column + 1,
                        "YAML aliases (*name) are not allowed in annotations; write the value out")
        elif kind is DocumentStartEvent:
            documents += 1
            if documents > 1:
                m = event.start_mark
                raise _fail(path, m.line + 1, m.column + 1, "YAML syntax error: expected a single document in "
                            "the stream, but found another document")
    return root, values, keys


_NAME_RUN = re.compile(rb"[A-Za-z0-9][A-Za-z0-9_.-]*")  # an id, as the schemas spell it, unanchored
# The escapes that can make id characters, or join two runs (a backslash before a line break)
_SPELLING_ESCAPE = re.compile(rb"\\[xuU\r\n]")


def spells_with_escapes(data: bytes) -> bool:
    """Whether a YAML file holds an escape that can spell id characters or join two runs."""
    return _SPELLING_ESCAPE.search(data) is not None


def written_names(data: bytes, *, yaml_file: bool = True) -> set[bytes] | None:
    """Every string a file can name an id with (a superset): the maximal runs of id characters,
    since YAML ends a scalar at characters an id cannot hold, and other escapes (``\\"``) make
    none. A double-quoted YAML scalar can spell an id with ``\\x``, ``\\u`` or ``\\U`` escapes
    (``"\\x49SR"`` is ISR) or a line continuation, so for a YAML file with one of these the
    scalars as the parser reads them are added; None if it cannot be parsed. The registry uses
    it (``Registry.entries_digest``) to learn which entries an article can depend on. Bytes,
    as found: decoding the runs of a 10k-article corpus took half a second."""
    names = set(_NAME_RUN.findall(data))
    if yaml_file and spells_with_escapes(data):
        try:
            names.update(e.value.encode() for e in yaml.parse(data, Loader=_Loader) if isinstance(e, ScalarEvent))
        except yaml.YAMLError:
            return None
    return names


def read_text(path: Path) -> str:
    """An annotation file's text: UTF-8 (a BOM is dropped), at most MAX_YAML_BYTES, NUL-free."""
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise _fail(path, 0, 0, f"cannot read the file: {exc.strerror}") from None
    if len(raw) > MAX_YAML_BYTES:
        raise _fail(path, 0, 0, f"the file is larger than the {MAX_YAML_BYTES:,}-byte limit for annotations")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise _fail(path, line, 1, "the file is not valid UTF-8; save it as UTF-8") from None
    if "\x00" in text:
        raise _fail(path, text[: text.index("\x00")].count("\n") + 1, 1, "the file contains a NUL byte")
    return text


def load_yaml(path: Path, text: str | None = None) -> YamlDoc:
    """Parse a YAML file safely; raise LoadError with file and line on any problem."""
    if text is None:
        text = read_text(path)  # size, UTF-8 and NUL checked there
    elif "\x00" in text:
        raise _fail(path, text[: text.index("\x00")].count("\n") + 1, 1, "the file contains a NUL byte")
    try:
        data, values, keys = _from_events(path, text)
    except LoadError:
        raise
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        problem = (exc.problem or exc.context or "invalid YAML").strip()
        if "nesting depth" in problem:  # newer libyaml stops deep flow nesting while scanning ahead
            raise _fail(path, line, col, f"nesting deeper than {MAX_DEPTH} levels") from None
        hint = "; indent with spaces, not tabs" if "tab character" in problem else ""
        raise _fail(path, line, col, f"YAML syntax error: {problem}{hint}") from None
    except (yaml.YAMLError, ValueError) as exc:  # unmarked errors (bad escapes, encodings)
        raise _fail(path, 0, 0, f"YAML could not be read: {exc}") from None
    values.setdefault((), (1, 1))
    return YamlDoc(path, data, values, keys)


_UNEXPECTED = re.compile(r"'([^']+)'")


@cache
def _fast_validator(name: str) -> Any:
    """jsonschema-rs (Rust): ~500x faster yes/no answer for the common case, a valid file."""
    import jsonschema_rs

    return jsonschema_rs.validator_for(resources.schema(name))


@cache
def _validator(name: str) -> Any:
    """The reference Python validator: slower, but its errors name the keyword that failed."""
    from jsonschema import Draft202012Validator

    return Draft202012Validator(resources.schema(name))


def schema_diagnostics(doc: YamlDoc, schema_name: str) -> list[Diagnostic]:
    """Check ``doc`` against ontology/SCHEMA_NAME.schema.json; one readable diagnostic per problem."""
    if _fast_validator(schema_name).is_valid(doc.data):
        return []
    known_fields = schema_fields(schema_name)
    out: list[Diagnostic] = []
    for err in _validator(schema_name).iter_errors(doc.data):
        where = list(err.absolute_path)
        v = err.validator
        if v in ("additionalProperties", "unevaluatedProperties"):
            names = _UNEXPECTED.findall(err.message.split("(", 1)[-1])
            for name in names:
                if name in known_fields:  # a field of another kind of entry (`type:` under `places:`)
                    out.append(doc.diag(where + [name], _elsewhere(schema_name, doc.data, where, name), key=True))
                    continue
                hint = difflib.get_close_matches(name, sorted(known_fields), n=1)
                more = f"; did you mean `{hint[0]}`?" if hint else ""
                out.append(doc.diag(where + [name], f"unknown field `{name}`{more}", key=True))
            continue
        if v == "enum":
            msg = f"{_shown(err.instance)} is not allowed here; use one of: {', '.join(map(str, err.validator_value))}"
        elif v == "required":
            msg = f"missing field: {err.message.split(' is a required')[0]}"
        elif v == "type":
            msg = _type_message(err.validator_value, err.instance)
        elif v in ("pattern", "oneOf") and any(err.schema is d for d in _event_ref_defs(schema_name)):
            msg = (f"{_shown(err.instance)} is not an event: write its id in this article, or "
                   "ARTICLE-ID#EVENT-ID for another article's")
        elif v == "pattern":
            msg = f"{_shown(err.instance)} is not a valid id: use letters, digits, '-', '_' or '.'"
        elif v == "oneOf" and where[-2:-1] == ["evidence"]:  # one item of an evidence list
            msg = (f"{_shown(err.instance)} is not evidence: write the quote as text, "
                   "or as {quote: …, prefix: …, suffix: …}")
        elif v == "oneOf":  # the only other oneOf: an id or a list of ids
            msg = f"{_shown(err.instance)} should be an id or a list of ids"
        else:
            msg = err.message
        field = next((str(p) for p in reversed(where) if isinstance(p, str)), None)
        out.append(doc.diag(where, msg, prop=field))
    return sorted(set(out))


def _shown(value: Any, width: int = 60) -> str:
    """A value in a message as the annotator wrote it: text quoted ('Bilaterall'), a mapping or
    list in YAML's flow style (`{id: x}`, not Python's "{'id': 'x'}")."""
    if isinstance(value, str):
        return repr(value[:width])
    text = yaml.safe_dump(value, default_flow_style=True, allow_unicode=True, width=10**6).strip()
    return f"`{text[:width] + '…' if len(text) > width else text}`"


def _a(kind: str) -> str:
    return f"{'an' if kind[0].lower() in 'aeiou' else 'a'} {kind}"


_OWNER_NAMES = {"Actor": "actor", "Place": "place", "LocalActor": "local actor", "EventBase": "event", "Event": "event"}
_SECTIONS = {"actor": "actors", "place": "places"}  # the registry's, for "move it under"


def _elsewhere(schema_name: str, data: Any, where: list[Any], name: str) -> str:
    """`field X is not allowed in a place; an actor has it: …` for a field of another kind of
    entry: what the entry is, which kinds have the field, and, for a registry entry under the
    wrong heading, where it belongs (said at its first such field only)."""
    registry = schema_name == "registry"
    entry = data
    for step in where:
        entry = entry[step] if isinstance(entry, (dict, list)) else None
    if len(where) != 2:  # inside an entry (an evidence item, a position): "here"
        kind = ""
    elif where[0] == "events":
        kind = entry.get("type") if isinstance(entry, dict) and isinstance(entry.get("type"), str) else "event"
    elif where[0] == "actors":
        kind = "actor" if registry else "local actor"
    elif where[0] == "places":
        kind = "place"
    else:
        kind = ""
    owners = field_owners(schema_name)
    have = list(dict.fromkeys(_OWNER_NAMES.get(o, o) for o in owners.get(name, [])))[:3]
    msg = f"field `{name}` is not allowed in {_a(kind)}" if kind else f"field `{name}` is not allowed here"
    if have:
        msg += f"; {' or '.join(map(_a, have))} {'has' if len(have) == 1 else 'have'} it"
    section = _SECTIONS.get(have[0]) if registry and len(have) == 1 else None
    if (section and len(where) == 2 and where[0] != section and isinstance(entry, dict)
            and name == next(k for k in entry if owners.get(k) == owners[name])):
        msg += f": if `{where[1]}` is {_a(have[0])}, move it under `{section}:`"
    return msg


_KINDS = {"string": "text", "integer": "a whole number", "number": "a number", "boolean": "true or false",
          "array": "a list", "object": "a mapping (field: value)", "null": "nothing"}


def _type_message(expected: str | list[str], value: Any) -> str:
    """What a value of the wrong type should be, in the annotator's words.

    >>> _type_message("string", False)
    'expected text, got false: YAML reads yes, no, on, off, true and false as true or false; put the value in quotes'
    >>> _type_message(["array", "object"], None)
    'expected a list or a mapping (field: value), got nothing (an empty value)'
    """
    wanted = " or ".join(_KINDS.get(t, t) for t in ([expected] if isinstance(expected, str) else expected))
    if isinstance(value, bool):
        got = f"{str(value).lower()}: YAML reads yes, no, on, off, true and false as true or false"
    elif isinstance(value, (int, float)):
        got = f"the number {value!r}"
    elif isinstance(value, list):
        got = "a list"
    elif isinstance(value, dict):
        got = "a mapping"
    elif value is None:
        got = "nothing (an empty value)"
    else:
        got = repr(value)
    quote = "; put the value in quotes" if "text" in wanted and isinstance(value, (bool, int, float)) else ""
    return f"expected {wanted}, got {got}{quote}"


def _event_ref_defs(schema_name: str) -> tuple[Any, ...]:
    """The schema's definitions of a reference to an event (`continues:`, `declared_in:`), if any."""
    defs = resources.schema(schema_name).get("$defs", {})
    return tuple(defs[k] for k in ("eventRef", "eventRefs") if k in defs)


@cache
def field_owners(schema_name: str) -> dict[str, list[str]]:
    """Field name -> the schema's definitions that have it (``Actor``, ``Statement``…), in order."""
    owners: dict[str, list[str]] = {}
    for name, definition in resources.schema(schema_name).get("$defs", {}).items():
        for field_name in definition.get("properties", {}) if isinstance(definition, dict) else ():
            owners.setdefault(field_name, []).append(name)
    return owners


@cache
def schema_fields(schema_name: str) -> frozenset[str]:
    """Every field name a schema knows, for 'did you mean' hints."""
    names: set[str] = set()

    def walk(node: Any) -> None:
        if isinstance(node, dict):
            props = node.get("properties")
            if isinstance(props, dict):
                names.update(props)
            for v in node.values():
                walk(v)
        elif isinstance(node, list):
            for v in node:
                walk(v)

    walk(resources.schema(schema_name))
    return frozenset(names)
