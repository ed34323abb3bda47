"""Generate a synthetic corpus in the annotation format, deterministically.

The corpus is what a team following a region would collect: the real seed
articles, plus N synthetic articles (text + YAML annotation) over a registry
that extends the seed registry with many more countries, officials and places.
Actor popularity is Zipf-skewed (a few states appear in most events, most
appear rarely); meetings have two to five participants; red lines come from a
fixed pool, so the same red line is declared, reiterated and sometimes crossed
over the years. Same seed, same size => byte-identical files.

    python -m benchmarks.generate 1000 benchmarks/out/corpus-1000
"""

from __future__ import annotations

import argparse
import bisect
import datetime as dt
import itertools
import random
import shutil
from dataclasses import dataclass
from pathlib import Path

SEEDS = Path(__file__).resolve().parent.parent / "seeds"
WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"]
SYLLABLES = ["ka", "lo", "ve", "ri", "da", "mon", "sa", "tel", "or", "bar", "in", "qua", "zen", "ul", "fa", "ne",
             "tor", "is", "an", "el", "pra", "gu", "mi", "sol"]
TOPICS = ["border security", "the ceasefire", "prisoner exchanges", "energy supplies", "sanctions relief",
          "maritime boundaries", "nuclear inspections", "humanitarian corridors", "trade tariffs",
          "the return of refugees", "water rights", "air-defence deployments", "a peace framework",
          "grain exports", "hostage releases", "troop withdrawals"]
OFFICES = ["Foreign Minister", "Defence Minister", "President", "Prime Minister", "National Security Adviser",
           "special envoy", "ambassador to the United Nations", "deputy foreign minister"]
MEDIA = ["press conference", "television interview", "statement", "radio interview", "social media post"]
ATMOSPHERE = ["constructive", "tense", "frank", "cordial", "difficult", "productive"]
CERTAINTY = ["stated"] * 6 + ["on-the-record"] * 2 + ["reportedly", "foreign-reports", "anonymous"]
# (event type, weight): the mix of a wire service's diplomacy desk
MIX = [("Meeting", 30), ("Statement", 30), ("RedLine", 9), ("Threat", 8), ("MediationOffer", 5),
       ("MediationRequest", 2), ("Agreement", 8), ("MilitaryAction", 6), ("StatedIntention", 2)]


def _name(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def _unique(name: str, taken: set[str]) -> str:
    """``name``, or ``name 2``, ``name 3``… if an entry of the same kind has it: two entries of one name
    would be ambiguous to a query (the shapes warn), and the draws stay as they were for the rest."""
    unique, n = name, 1
    while unique in taken:
        n += 1
        unique = f"{name} {n}"
    taken.add(unique)
    return unique


class Zipf:
    """Pick items with probability proportional to 1 / rank**s."""

    def __init__(self, items: list[str], s: float = 1.1) -> None:
        self.items = items
        self.cum = list(itertools.accumulate(1 / (r + 1) ** s for r in range(len(items))))

    def pick(self, rng: random.Random) -> str:
        return self.items[bisect.bisect(self.cum, rng.random() * self.cum[-1])]

    def sample(self, rng: random.Random, k: int) -> list[str]:
        out: list[str] = []
        while len(out) < k:
            x = self.pick(rng)
            if x not in out:
                out.append(x)
        return out


@dataclass
class World:
    countries: Zipf
    people: dict[str, list[str]]  # country -> person ids
    labels: dict[str, str]
    places: Zipf
    red_lines: list[tuple[str, str, str, str]]  # holder, addressee, condition, place


# the seed registry's countries lead the popularity ranking, so the canned queries' defaults (ISR) hit
SEED_COUNTRIES = {"ISR": "Israel", "USA": "the United States", "RUS": "Russia", "IRN": "Iran", "TUR": "Turkey",
                  "UKR": "Ukraine", "SYR": "Syria", "SAU": "Saudi Arabia", "QAT": "Qatar", "OMN": "Oman",
                  "AZE": "Azerbaijan", "ARM": "Armenia", "ITA": "Italy", "BEL": "Belgium"}


def make_registry(rng: random.Random, countries: int, places: int) -> tuple[str, World]:
    """The seed registry plus synthetic countries, officials and places (YAML text, world model)."""
    seed = (SEEDS / "registry.yaml").read_text(encoding="utf-8")
    actors_part, places_part = seed.split("\nplaces:\n", 1)
    labels = dict(SEED_COUNTRIES)
    new_actors, new_places = [], []
    codes = [c for c in ("".join(t) for t in itertools.product("ABCDEFGHIJKLMNOPQRSTUVWXYZ", repeat=3))
             if c not in SEED_COUNTRIES]
    rng.shuffle(codes)
    synthetic = codes[:countries]
    people: dict[str, list[str]] = {}
    actor_names, place_names = set(SEED_COUNTRIES.values()), set()
    for code in synthetic:
        label = _unique(_name(rng, 3) + rng.choice(["ia", "and", "istan", "a", "ovia"]), actor_names)
        labels[code] = label
        alias = _unique(f"{label}n", actor_names)
        new_actors.append(f"  {code}: {{type: Country, label: {label}, iso3: {code}, aliases: [{alias}]}}")
    for code in [*SEED_COUNTRIES, *synthetic]:
        ids = []
        for k, office in enumerate(rng.sample(OFFICES, 3)):
            pid = f"p-{code.lower()}-{k}"
            label = _unique(f"{_name(rng, 2)} {_name(rng, 3)}", actor_names)
            labels[pid] = label
            since = dt.date(2010, 1, 1) + dt.timedelta(days=rng.randrange(3000))
            new_actors.append(f"  {pid}: {{type: Person, label: {label}, country: {code}, "
                              f"positions: [{{office: {office}, in: {code}, from: \"{since}\"}}]}}")
            ids.append(pid)
        people[code] = ids
    place_ids = []
    for k in range(places):
        pid = f"pl-{k}"
        label = _unique(_name(rng, 2) + rng.choice(["", " City", "port", "grad", " Airbase"]), place_names)
        labels[pid] = label
        owner = rng.choice(synthetic)
        new_places.append(f"  {pid}: {{label: {label}, country: {owner}, lat: {rng.uniform(-60, 70):.4f}, "
                          f"long: {rng.uniform(-170, 170):.4f}}}")
        place_ids.append(pid)
    text = (actors_part.rstrip() + "\n  # ---- synthetic (benchmarks/generate.py) ----\n" + "\n".join(new_actors)
            + "\nplaces:\n" + places_part.rstrip() + "\n" + "\n".join(new_places) + "\n")
    zipf_countries = Zipf([*SEED_COUNTRIES, *synthetic])
    zipf_places = Zipf(place_ids, 0.9)
    pool = []
    for _ in range(max(20, countries // 2)):
        holder, addressee = zipf_countries.sample(rng, 2)
        place = zipf_places.pick(rng)
        cond = f"any {rng.choice(['deployment', 'build-up', 'base', 'missile battery'])} of {labels[addressee]} forces near {labels[place]}"
        pool.append((holder, addressee, cond, place))
    return text, World(zipf_countries, people, labels, zipf_places, pool)


def _q(s: str) -> str:
    """A YAML double-quoted scalar."""
    return '"' + s.replace("\\", "\\\\").replace('"', '\\"') + '"'


def make_article(rng: random.Random, world: World, n: int, events: int) -> tuple[str, str]:
    """One article: (text with header, YAML annotation)."""
    published = dt.date(2015, 1, 1) + dt.timedelta(days=rng.randrange(3650))
    lab = world.labels
    sentences: list[str] = []
    yaml_events: list[str] = []
    kinds, weights = zip(*MIX)
    for e in range(events):
        kind = rng.choices(kinds, weights)[0]
        days_back = rng.randrange(7)
        day = published - dt.timedelta(days=days_back)
        if rng.random() < 0.5:
            when, date = f"on {WEEKDAYS[day.weekday()]}", WEEKDAYS[day.weekday()]
        else:
            when, date = f"on {day:%d %B %Y}", day.isoformat()
        place = world.places.pick(rng)
        a, b = world.countries.sample(rng, 2)
        pa, _ = rng.choice(world.people[a]), rng.choice(world.people[b])  # (the second keeps the seed stream)
        certainty = rng.choice(CERTAINTY)
        fields = {"certainty": certainty}
        tag = f"(report {n}-{e})"  # keeps every evidence sentence unique in its article
        if kind == "Meeting":
            k = rng.choice([2, 2, 2, 3, 3, 4, 5])
            parts = world.countries.sample(rng, k)
            topic = rng.choice(TOPICS)
            names = ", ".join(lab[p] for p in parts[:-1]) + f" and {lab[parts[-1]]}"
            s = f"Officials of {names} met in {lab[place]} {when} to discuss {topic} {tag}."
            fields |= {"participants": "[" + ", ".join(parts) + "]", "host": parts[0], "topic": _q(topic),
                       "format": {2: "bilateral", 3: "trilateral"}.get(k, "multilateral"),
                       "atmosphere": rng.choice(ATMOSPHERE), "round": str(rng.randint(1, 6))}
            label = f"{names} meet in {lab[place]}"
        elif kind == "Statement":
            words = f"{lab[b]} must respect the agreements on {rng.choice(TOPICS)}"
            s = f"{lab[pa]} told a {rng.choice(MEDIA)} {when} that \"{words}\" {tag}."
            fields |= {"speaker": pa, "addressees": b, "quote": _q(words), "medium": "press"}
            label = f"{lab[pa]} on {lab[b]}"
        elif kind == "RedLine":
            holder, addressee, cond, rplace = rng.choice(world.red_lines)
            place = rplace
            status = rng.choice(["declared", "reiterated", "reiterated", "crossed"])
            s = f"{lab[holder]} said {when} that {cond} crosses a red line {tag}."
            fields |= {"holder": holder, "addressees": addressee, "condition": _q(cond), "status": status,
                       "concerns": rplace, "consequence": _q("a military response")}
            label = f"{lab[holder]} red line on {lab[rplace]}"
        elif kind == "Threat":
            s = f"{lab[pa]} warned {when} that {lab[b]} would pay a heavy price {tag}."
            fields |= {"initiator": pa, "target": b, "consequence": _q("a heavy price")}
            label = f"{lab[pa]} threatens {lab[b]}"
        elif kind in ("MediationOffer", "MediationRequest"):
            m, x, y = world.countries.sample(rng, 3)
            verb = "offered to mediate" if kind == "MediationOffer" else "was asked to mediate"
            s = f"{lab[m]} {verb} between {lab[x]} and {lab[y]} {when} {tag}."
            fields |= {"mediator": m, "parties": f"[{x}, {y}]"}
            if kind == "MediationRequest":
                fields["requester"] = x
            label = f"{lab[m]} mediation between {lab[x]} and {lab[y]}"
        elif kind == "Agreement":
            content = f"continue talks on {rng.choice(TOPICS)}"
            s = f"{lab[a]} and {lab[b]} agreed {when} to {content} {tag}."
            fields |= {"parties": f"[{a}, {b}]", "content": _q(content)}
            label = f"{lab[a]} and {lab[b]} agree"
        elif kind == "MilitaryAction":
            s = f"{lab[a]} forces struck targets near {lab[place]} {when} {tag}."
            fields |= {"initiator": a, "target": b, "content": _q(f"strikes near {lab[place]}")}
            label = f"{lab[a]} strikes near {lab[place]}"
        else:  # StatedIntention
            content = f"reopen its embassy in {lab[place]}"
            s = f"{lab[a]} said {when} it plans to {content} {tag}."
            fields |= {"holder": a, "content": _q(content)}
            label = f"{lab[a]} plans to reopen an embassy"
        sentences.append(s)
        lines = [f"  - id: e{e}", f"    type: {kind}", f"    label: {_q(label)}", f"    date: {date}",
                 f"    place: {place}"]
        lines += [f"    {k}: {v}" for k, v in fields.items()]
        lines += ["    evidence:", f"      - {_q(s[:-1])}"]
        yaml_events.append("\n".join(lines))
    title = f"Diplomatic roundup {n}"
    text = (f"---\ntitle: {title}\npublished: {published}\noutlet: diplograph\norigin: diplograph\nnote: Synthetic benchmark article (benchmarks/generate.py); not a report of real events.\n---\n"
            + title + "\n" + "\n".join(sentences) + "\n")
    yaml = "annotator: benchmarks/generate.py\nevents:\n" + "\n".join(yaml_events) + "\n"
    return text, yaml


def seed_articles() -> int:
    """How many articles of the seed corpus each generated corpus starts with."""
    return sum(1 for p in SEEDS.glob("*.yaml") if p.name != "registry.yaml")


def generate(articles: int, out: Path, *, seed: int = 42, events: int = 5) -> Path:
    """Write the seed articles plus ``articles`` synthetic ones under ``out`` (replaced if present)."""
    rng = random.Random(seed)
    if out.exists():
        shutil.rmtree(out)
    out.mkdir(parents=True)
    countries = max(30, min(400, articles // 25))
    registry, world = make_registry(rng, countries, max(50, min(2000, articles // 10)))
    (out / "registry.yaml").write_text(registry, encoding="utf-8")
    for p in SEEDS.iterdir():
        if p.suffix in (".txt", ".yaml") and p.name != "registry.yaml":
            shutil.copy(p, out / p.name)
    for n in range(articles):
        text, yaml = make_article(rng, world, n, events)
        sub = out / f"{n // 1000:03d}"  # a thousand articles a folder, as a team would file them
        sub.mkdir(exist_ok=True)
        (sub / f"syn{n:06d}.txt").write_text(text, encoding="utf-8")
        (sub / f"syn{n:06d}.yaml").write_text(yaml, encoding="utf-8")
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("articles", type=int)
    ap.add_argument("out", type=Path)
    ap.add_argument("--seed", type=int, default=42)
    ap.add_argument("--events", type=int, default=5, help="events per article")
    args = ap.parse_args()
    generate(args.articles, args.out, seed=args.seed, events=args.events)


if __name__ == "__main__":
    main()
