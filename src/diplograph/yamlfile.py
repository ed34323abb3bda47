"""YAML files read with the parser's own line information.

Annotations and the registry are YAML written by people; every problem is
reported at the line where it was written. Untrusted input is bounded: size,
nesting depth, no anchors/aliases (no "billion laughs"), no duplicate keys.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from ruamel.yaml import YAML
from ruamel.yaml.comments import CommentedMap, CommentedSeq
from ruamel.yaml.error import MarkedYAMLError
from ruamel.yaml.events import AliasEvent, CollectionStartEvent, CollectionEndEvent

from .errors import Diagnostic, LoadError

MAX_YAML_BYTES = 1_000_000
MAX_DEPTH = 20


@dataclass
class YamlDoc:
    """A parsed YAML file: plain data plus the ruamel tree for positions."""

    path: Path
    data: Any
    tree: Any

    def where(self, path: tuple[Any, ...] | list[Any], *, key: bool = False) -> tuple[int, int]:
        """1-based (line, col) of the value at ``path`` (or of its key with key=True).

        Walks as deep as the path exists, so a missing field points at its parent.
        """
        node, line, col = self.tree, 1, 1
        if isinstance(node, (CommentedMap, CommentedSeq)):
            line, col = node.lc.line + 1, node.lc.col + 1
        for step in path:
            if isinstance(node, CommentedMap) and step in node:
                ln, cl = node.lc.key(step) if key else node.lc.value(step)
                line, col, node = ln + 1, cl + 1, node[step]
            elif isinstance(node, CommentedSeq) and isinstance(step, int) and 0 <= step < len(node):
                ln, cl = node.lc.item(step)
                line, col, node = ln + 1, cl + 1, node[step]
            else:
                break
        return line, col

    def diag(self, path: tuple[Any, ...] | list[Any], message: str, severity: str = "error", *, key: bool = False,
             prop: str | None = None) -> Diagnostic:
        line, col = self.where(path, key=key)
        return Diagnostic(str(self.path), line, col, severity, message, prop)  # type: ignore[arg-type]


def _plain(node: Any) -> Any:
    """ruamel objects to plain Python; dates become ISO strings (JSON Schema sees text)."""
    if isinstance(node, dict):
        return {str(k): _plain(v) for k, v in node.items()}
    if isinstance(node, list):
        return [_plain(v) for v in node]
    if isinstance(node, (dt.date, dt.datetime)):
        return node.isoformat()
    if isinstance(node, str):
        return str(node)
    if isinstance(node, bool) or node is None:
        return node
    if isinstance(node, int):
        return int(node)
    if isinstance(node, float):
        return float(node)
    return str(node)


def _fail(path: Path, line: int, col: int, message: str) -> LoadError:
    return LoadError([Diagnostic(str(path), line, col, "error", message)])


def load_yaml(path: Path, text: str | None = None) -> YamlDoc:
    """Parse a YAML file safely; raise LoadError with file and line on any problem."""
    if text is None:
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
    yaml = YAML(typ="rt")
    yaml.allow_duplicate_keys = False
    # Dates stay text: dates.resolve() parses them and reports bad ones at their line.
    yaml.constructor.add_constructor("tag:yaml.org,2002:timestamp", lambda c, node: c.construct_scalar(node))
    try:
        depth = 0
        for event in yaml.parse(text):
            if isinstance(event, AliasEvent):
                m = event.start_mark
                raise _fail(path, m.line + 1, m.column + 1,
                            "YAML aliases (*name) are not allowed in annotations; write the value out")
            if isinstance(event, CollectionStartEvent):
                if getattr(event, "anchor", None):
                    m = event.start_mark
                    raise _fail(path, m.line + 1, m.column + 1, "YAML anchors (&name) are not allowed in annotations")
                depth += 1
                if depth > MAX_DEPTH:
                    m = event.start_mark
                    raise _fail(path, m.line + 1, m.column + 1, f"nesting deeper than {MAX_DEPTH} levels")
            elif isinstance(event, CollectionEndEvent):
                depth -= 1
        tree = yaml.load(text)
    except LoadError:
        raise
    except MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (0, 0)
        problem = (exc.problem or exc.context or "invalid YAML").strip()
        if "duplicate key" in str(exc):
            problem = f"{problem}: each field may appear only once"
        raise _fail(path, line, col, f"YAML syntax error: {problem}") from None
    except RecursionError:
        raise _fail(path, 0, 0, "the YAML is nested too deeply") from None
    except Exception as exc:  # ruamel raises a few unmarked errors (bad escapes, encodings)
        raise _fail(path, 0, 0, f"YAML could not be read: {exc}") from None
    return YamlDoc(path, _plain(tree), tree)


_UNEXPECTED = re.compile(r"'([^']+)'")


def schema_diagnostics(doc: YamlDoc, schema: dict[str, Any], known_fields: set[str]) -> list[Diagnostic]:
    """Check ``doc`` against a JSON Schema; one readable diagnostic per problem."""
    from jsonschema import Draft202012Validator

    out: list[Diagnostic] = []
    for err in Draft202012Validator(schema).iter_errors(doc.data):
        where = list(err.absolute_path)
        v = err.validator
        if v in ("additionalProperties", "unevaluatedProperties"):
            names = _UNEXPECTED.findall(err.message.split("(", 1)[-1])
            for name in names:
                hint = difflib.get_close_matches(name, sorted(known_fields), n=1)
                more = f"; did you mean `{hint[0]}`?" if hint else ""
                out.append(doc.diag(where + [name], f"unknown field `{name}`{more}", key=True))
            continue
        if v == "enum":
            msg = f"{err.instance!r} is not allowed here; use one of: {', '.join(map(str, err.validator_value))}"
        elif v == "required":
            msg = f"missing field: {err.message.split(' is a required')[0]}"
        elif v == "type":
            msg = f"expected {err.validator_value}, got {type(err.instance).__name__} {err.instance!r}"
        elif v == "pattern":
            msg = f"{err.instance!r} is not a valid id: use letters, digits, '-', '_' or '.'"
        elif v == "oneOf" and where[-2:-1] == ["evidence"]:  # one item of an evidence list
            msg = (f"{str(err.instance)[:60]!r} is not evidence: write the quote as text, "
                   "or as {quote: …, prefix: …, suffix: …}")
        elif v == "oneOf":  # the only other oneOf: an id or a list of ids
            msg = f"{str(err.instance)[:60]!r} should be an id or a list of ids"
        else:
            msg = err.message
        field = next((str(p) for p in reversed(where) if isinstance(p, str)), None)
        out.append(doc.diag(where, msg, prop=field))
    return sorted(set(out))


def schema_fields(schema: dict[str, Any]) -> set[str]:
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

    walk(schema)
    return names
