"""Event dates as annotators and articles write them.

"on Wednesday" in an article published on Thursday 2025-04-10 means
2025-04-09: relative expressions are resolved against the publication date,
and the precision is kept so that nobody mistakes "this week" for a day.
"""

from __future__ import annotations

import calendar
import datetime as dt
import re
from dataclasses import dataclass

WEEKDAYS = {name.lower(): i for i, name in enumerate(calendar.day_name)}


@dataclass(frozen=True)
class ResolvedDate:
    """A date with its precision; ``earliest``/``latest`` bound a range."""

    date: dt.date
    precision: str  # Day, Week, Month, Year or Range (dg: concept names)
    text: str
    earliest: dt.date | None = None
    latest: dt.date | None = None


def _month_start(d: dt.date, back: int = 0) -> dt.date:
    y, m = d.year, d.month - back
    while m < 1:
        y, m = y - 1, m + 12
    return dt.date(y, m, 1)


def _month_end(d: dt.date) -> dt.date:
    return dt.date(d.year, d.month, calendar.monthrange(d.year, d.month)[1])


def resolve(value: object, published: dt.date | None) -> ResolvedDate:
    """Resolve a date as written in an annotation.

    >>> resolve("Wednesday", dt.date(2025, 4, 10)).date
    datetime.date(2025, 4, 9)
    >>> resolve("2025-04", None).precision
    'Month'

    Raises ValueError with a message fit for the annotator.
    """
    if isinstance(value, dt.datetime):
        value = value.date()
    if isinstance(value, dt.date):
        return ResolvedDate(value, "Day", value.isoformat())
    if isinstance(value, int) and not isinstance(value, bool) and 1000 <= value <= 9999:
        d = dt.date(value, 1, 1)
        return ResolvedDate(d, "Year", str(value), d, dt.date(value, 12, 31))
    if not isinstance(value, str):
        raise ValueError(f"a date must be text such as 2025-04-09, not {value!r}")
    text = value.strip()
    low = re.sub(r"\s+", " ", text.lower())
    try:
        if ".." in low:
            a, b = (resolve(part, published) for part in low.split("..", 1))
            lo, hi = a.earliest or a.date, b.latest or b.date
            return ResolvedDate(lo, "Range", text, lo, hi)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", low):
            return ResolvedDate(dt.date.fromisoformat(low), "Day", text)
        if re.fullmatch(r"\d{4}-\d{2}", low):
            d = dt.date.fromisoformat(low + "-01")
            return ResolvedDate(d, "Month", text, d, _month_end(d))
        if re.fullmatch(r"\d{4}", low):
            return resolve(int(low), published)
    except ValueError:
        raise ValueError(f"{text!r} is not a valid calendar date") from None
    if published is None:
        raise ValueError(f"{text!r} is relative to the publication date, but the article has no `published:` date")
    p = published
    wd = WEEKDAYS.get(low.removeprefix("on "))
    if wd is not None:
        d = p - dt.timedelta(days=(p.weekday() - wd) % 7)
        return ResolvedDate(d, "Day", text)
    if low == "today":
        return ResolvedDate(p, "Day", text)
    if low == "yesterday":
        return ResolvedDate(p - dt.timedelta(days=1), "Day", text)
    if low == "this week":
        start = p - dt.timedelta(days=p.weekday())
        return ResolvedDate(start, "Week", text, start, p)
    if low == "last week":
        start = p - dt.timedelta(days=p.weekday() + 7)
        return ResolvedDate(start, "Week", text, start, start + dt.timedelta(days=6))
    if low == "this month":
        start = _month_start(p)
        return ResolvedDate(start, "Month", text, start, p)
    if low == "last month":
        start = _month_start(p, 1)
        return ResolvedDate(start, "Month", text, start, _month_end(start))
    if low in ("recent weeks", "in recent weeks"):
        start = p - dt.timedelta(weeks=4)
        return ResolvedDate(start, "Range", text, start, p)
    if low in ("recent months", "in recent months"):
        start = _month_start(p, 3)
        return ResolvedDate(start, "Range", text, start, p)
    raise ValueError(
        f"cannot read the date {text!r}: write 2025-04-09, 2025-04, 2025, 2025-04-07..2025-04-10, "
        "a weekday (Wednesday), today, yesterday, this week, last week, this month, last month, "
        "recent weeks or recent months"
    )
