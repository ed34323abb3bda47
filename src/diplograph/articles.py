"""Article text files: a YAML header block between ``---`` lines, then the body.

Evidence offsets count Unicode code points into the body (the text after the
header), the same string stored as ``dg:text`` in the graph.
"""

from __future__ import annotations

import datetime as dt
import hashlib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path

from .errors import Diagnostic, LoadError

HEADER_KEYS = {"title", "outlet", "published", "url", "origin", "note", "language"}
MAX_ARTICLE_BYTES = 2_000_000


@dataclass
class Article:
    """An article's metadata and body."""

    id: str
    path: Path
    body: str
    title: str | None = None
    outlet: str | None = None
    published: dt.date | None = None
    url: str | None = None
    origin: str | None = None
    header_lines: dict[str, int] = field(default_factory=dict)
    sha256: str = ""


def read_article(path: Path) -> Article:
    """Read an article file; raise LoadError naming the file and line on bad input."""
    diags: list[Diagnostic] = []
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise LoadError([Diagnostic(str(path), 0, 0, "error", f"cannot read the article text: {exc.strerror}")]) from None
    if len(raw) > MAX_ARTICLE_BYTES:
        raise LoadError([Diagnostic(str(path), 0, 0, "error", f"article is larger than the {MAX_ARTICLE_BYTES:,}-byte limit")])
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise LoadError([Diagnostic(str(path), line, 1, "error", "the article is not valid UTF-8; save it as UTF-8")]) from None
    if "\x00" in text:
        line = text[: text.index("\x00")].count("\n") + 1
        raise LoadError([Diagnostic(str(path), line, 1, "error", "the article contains a NUL byte")])
    text = text.replace("\r\n", "\n")
    art = Article(id=path.stem, path=path, body=text, sha256=hashlib.sha256(raw).hexdigest())
    lines = text.split("\n")
    if lines and lines[0].strip() == "---":
        try:
            end = next(i for i in range(1, len(lines)) if lines[i].strip() == "---")
        except StopIteration:
            raise LoadError([Diagnostic(str(path), 1, 1, "error", "the header block opened with --- is never closed by a --- line")]) from None
        for i in range(1, end):
            line = lines[i]
            if not line.strip() or line.lstrip().startswith("#"):
                continue
            key, sep, value = line.partition(":")
            key = key.strip()
            if not sep or key not in HEADER_KEYS:
                diags.append(Diagnostic(str(path), i + 1, 1, "error",
                                        f"unknown header line {line.strip()!r}: expected one of {', '.join(sorted(HEADER_KEYS))}"))
                continue
            value = value.strip()
            if len(value) >= 2 and value[0] == value[-1] and value[0] in "\"'":
                value = value[1:-1]
            art.header_lines[key] = i + 1
            if key == "published":
                try:
                    art.published = dt.date.fromisoformat(value)
                except ValueError:
                    diags.append(Diagnostic(str(path), i + 1, 1, "error", f"published: {value!r} is not a date; write YYYY-MM-DD"))
            elif key in ("title", "outlet", "url", "origin"):
                setattr(art, key, value or None)
        art.body = "\n".join(lines[end + 1:])
    elif lines and lines[0].partition(":")[0].strip() in HEADER_KEYS and ":" in lines[0]:
        # `title: …` as the first line, no `---`: the header would be read as the article's text
        raise LoadError([Diagnostic(str(path), 1, 1, "error", (
            f"the header lines must stand between two --- lines: put --- before {lines[0].strip()[:40]!r} "
            "and another after the last header line"))])
    if diags:
        raise LoadError(diags)
    return art


class QuoteError(ValueError):
    """A quote that is missing from the text or ambiguous."""


def _normalise(s: str) -> str:
    table = str.maketrans({"’": "'", "‘": "'", "“": '"', "”": '"', "–": "-", "—": "-"})
    return " ".join(s.translate(table).split())


def locate(body: str, quote: str, prefix: str | None = None, suffix: str | None = None) -> int:
    """Offset of ``quote`` in ``body``; the prefix/suffix pick one of several.

    Raises QuoteError with advice when the quote is absent or ambiguous.
    """
    hits = []
    start = body.find(quote)
    while start != -1:
        hits.append(start)
        start = body.find(quote, start + 1)
    if prefix:
        hits = [h for h in hits if body[:h].endswith(prefix)]
    if suffix:
        hits = [h for h in hits if body[h + len(quote):].startswith(suffix)]
    if len(hits) == 1:
        return hits[0]
    if not hits:
        if prefix or suffix:
            raise QuoteError("the quote occurs in the article, but not with the given prefix/suffix")
        if unicodedata.normalize("NFC", quote) in unicodedata.normalize("NFC", body):
            raise QuoteError("the quote is not verbatim in the article: its accented letters are encoded differently "
                             "(Unicode NFC and NFD, e.g. 'ç' as one character or as 'c' and a combining cedilla, "
                             "look the same); copy the words from the article")
        if _normalise(quote) in _normalise(body):
            raise QuoteError("the quote is not verbatim in the article: its spacing or punctuation differs "
                             "(check straight vs curly quotes ’ “ ” and dashes); copy the words from the article")
        raise QuoteError("the quote does not occur in the article text; copy the exact words from the article")
    raise QuoteError(f"the quote occurs {len(hits)} times in the article (at offsets "
                     f"{', '.join(map(str, hits[:5]))}); add `prefix:` with the words just before the one you mean")
