"""Domain errors and diagnostics.

Diagnostics are what a person acts on: a file, a line, a severity and a
message. Exceptions carry them; the CLI maps each exception class to an exit
code once (0 conforms, 1 violations, 2 usage or load error).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

Severity = Literal["error", "warning", "info"]


@dataclass(frozen=True, order=True)
class Diagnostic:
    """One problem, at the place in the annotator's file where it was written.

    Line and column are 1-based; 0 means "the file as a whole".
    """

    path: str
    line: int
    col: int
    severity: Severity
    message: str
    property: str | None = field(default=None, compare=False)
    focus: str | None = field(default=None, compare=False)
    source_shape: str | None = field(default=None, compare=False)

    def __str__(self) -> str:
        where = self.path if not self.line else f"{self.path}:{self.line}:{self.col}"
        extra = f" [{self.property}]" if self.property else ""
        return f"{where}: {self.severity}: {self.message}{extra}"

    def as_dict(self) -> dict[str, object]:
        return {
            "path": self.path,
            "line": self.line,
            "col": self.col,
            "severity": self.severity,
            "message": self.message,
            "property": self.property,
            "focus": self.focus,
            "shape": self.source_shape,
        }


class DiplographError(Exception):
    """Base class: every error the library raises on purpose."""

    exit_code = 2


class UsageError(DiplographError):
    """The request itself is wrong (unknown query, bad parameter, bad option)."""


class LoadError(DiplographError):
    """A file could not be read or parsed at all."""

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = diagnostics
        super().__init__("\n".join(str(d) for d in diagnostics))


class ValidationFailed(DiplographError):
    """Annotations have violations; nothing was written."""

    exit_code = 1

    def __init__(self, diagnostics: list[Diagnostic]):
        self.diagnostics = diagnostics
        n = sum(d.severity == "error" for d in diagnostics)
        super().__init__(f"{n} violation(s); nothing was written to the store")


class OutputError(DiplographError):
    """A file or folder the user asked for (``-o``) could not be written."""


class StoreError(DiplographError):
    """The store cannot be opened, locked or written."""


class RemoteError(StoreError):
    """The remote SPARQL endpoint failed or could not be reached."""


class QueryError(DiplographError):
    """A query is malformed or uses something not allowed (SERVICE, LOAD)."""
