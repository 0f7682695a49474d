"""What the evidence site shows, read from the compiled graph through the named
queries queries/site-*.rq (no SPARQL here), as plain Python records.

The site's pages are made from these records only (render.py); nothing here
knows about HTML.
"""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field
from typing import Any

from ..queries import run
from ..resources import Project

LANGUAGES = ("en", "es", "pt")
GROUP_ORDER = ("ind:lethal-violence", "ind:other-crime", "ind:perception-trust", "ind:social-outcome")


def slug(node: str) -> str:
    """A file name for a node: the local part of its CURIE (csd:fica-vivo -> fica-vivo)."""
    local = node.rsplit("/", 1)[-1] if node.startswith("http") else node.partition(":")[2] or node
    return "".join(c if c.isalnum() or c in "-_." else "-" for c in local)


@dataclass
class Source:
    """Where the report says something: its words, section, footnote, figure."""

    quote: str
    section: str | None = None
    footnote: int | None = None
    figure: str | None = None


@dataclass
class Fact:
    node: str
    aspect: str
    label: str | None = None
    concept: str | None = None
    concept2: str | None = None
    other: str | None = None
    value_as_printed: str | None = None
    start: Any = None
    end: Any = None
    level: Any = None
    sources: list[Source] = field(default_factory=list)


@dataclass
class Rating:
    node: str
    program: str
    indicator: str
    group: str
    rating: str
    notation: int
    level: Any
    studies: int
    findings: int
    why: str
    derived_from: list[str] = field(default_factory=list)


@dataclass
class Program:
    node: str
    cls: str
    label: str | None
    country: str | None = None
    start: Any = None
    end: Any = None
    description: str | None = None
    section: str | None = None
    types: set[str] = field(default_factory=set)
    stages: set[str] = field(default_factory=set)
    levels: set[int] = field(default_factory=set)
    ratings: set[int] = field(default_factory=set)
    places: set[str] = field(default_factory=set)
    facts: list[Fact] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return slug(self.node)

    @property
    def best_rating(self) -> int | None:
        return min(self.ratings) if self.ratings else None

    @property
    def best_level(self) -> int | None:
        return max(self.levels) if self.levels else None

    def aspect(self, name: str) -> list[Fact]:
        return [f for f in self.facts if f.aspect == name]


@dataclass
class Observation:
    node: str
    dataset: str
    figure_number: int | None
    area: str | None
    indicator: str
    year: Any
    period_label: str | None
    subgroup: str | None
    row_label: str | None
    column_label: str | None
    value: Any
    value_as_printed: str | None
    unit: str | None
    status: str | None
    conflicts: set[str] = field(default_factory=set)
    sources: list[Source] = field(default_factory=list)


@dataclass
class Figure:
    node: str
    number: int
    label: str | None
    heading: str | None
    availability: str | None
    expected: int | None
    source: str | None
    comment: str | None
    sources: list[Source] = field(default_factory=list)
    cells: list[Observation] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return f"figure-{self.number}"

    @property
    def has_data(self) -> bool:
        return self.availability != "avail:not-available"


@dataclass
class Place:
    node: str
    cls: str
    country: str | None = None
    lat: float | None = None
    long: float | None = None
    programs: dict[str, Any] = field(default_factory=dict)  # program -> start year
    observations: list[Observation] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return slug(self.node)


@dataclass
class Note:
    node: str
    kind: str
    issue: str
    decision: str
    concerns: list[str] = field(default_factory=list)

    @property
    def slug(self) -> str:
        return slug(self.node)


@dataclass
class GapCell:
    type: str
    top: str
    group: str
    programs: set[str] = field(default_factory=set)
    findings: dict[str, tuple[str, str, int | None]] = field(default_factory=dict)  # finding -> (program, indicator, rating)

    @property
    def best(self) -> int | None:
        ratings = [r for _, _, r in self.findings.values() if r is not None]
        return min(ratings) if ratings else None


@dataclass
class SiteData:
    labels: dict[str, dict[str, str]]
    programs: dict[str, Program]
    ratings: list[Rating]
    gap: dict[tuple[str, str], GapCell]
    types: list[tuple[str, str]]  # (top, type) in order
    figures: dict[str, Figure]
    places: dict[str, Place]
    notes: dict[str, Note]
    observations: list[Observation]

    def label(self, node: str | None, lang: str = "en") -> tuple[str, str]:
        """The node's label in ``lang`` and the language it is in (English when the graph has none in ``lang``)."""
        if node is None:
            return "", lang
        names = self.labels.get(node, {})
        if lang in names:
            return names[lang], lang
        if "en" in names:
            return names["en"], "en"
        return node, "en"

    def notes_about(self, nodes: set[str]) -> list[Note]:
        return [n for n in self.notes.values() if nodes.intersection(n.concerns)]


def _sources(records: list[dict[str, Any]]) -> list[Source]:
    seen: dict[tuple, Source] = {}
    for r in records:
        if r.get("quote"):
            key = (r["quote"], r.get("section"), r.get("footnote"), r.get("figure"))
            seen.setdefault(key, Source(r["quote"], r.get("section"), r.get("footnote"), r.get("figure")))
    return list(seen.values())


def _grouped(records: list[dict[str, Any]], *keys: str) -> dict[tuple, list[dict[str, Any]]]:
    groups: dict[tuple, list[dict[str, Any]]] = {}
    for r in records:
        groups.setdefault(tuple(r[k] for k in keys), []).append(r)
    return groups


def load(store: Any, project: Project | None = None) -> SiteData:
    """Run the site's queries and assemble the records the pages are made of."""
    labels: dict[str, dict[str, str]] = defaultdict(dict)
    for r in run(store, "site-labels", project=project).records():
        labels[str(r["node"])].setdefault(r["lang"], str(r["label"]))

    programs: dict[str, Program] = {}
    for r in run(store, "site-programs", project=project).records():
        p = programs.get(r["program"])
        if p is None:
            p = programs[r["program"]] = Program(r["program"], r["class"], r["label"], r["country"], r["start"], r["end"],
                                                 r["description"], r["section"])
        facet, value = r["facet"], r["value"]
        if facet == "type":
            p.types.add(value)
        elif facet == "stage":
            p.stages.add(value)
        elif facet == "level":
            p.levels.add(int(value))
        elif facet == "rating":
            p.ratings.add(int(value))
        elif facet == "place":
            p.places.add(value)

    facts = run(store, "site-program-facts", project=project).records()
    for (program, aspect, node), rows in _grouped(facts, "program", "aspect", "node").items():
        if program not in programs:
            continue
        first = rows[0]
        concepts = list(dict.fromkeys(r["concept"] for r in rows if r["concept"]))
        for concept in concepts or [None]:  # a component of two types is listed under each
            programs[program].facts.append(Fact(
                node, aspect, first["label"], concept, first["concept2"], first["other"], first["value_as_printed"],
                first["start"], first["end"], first["level"], _sources(rows)))

    ratings: dict[str, Rating] = {}
    for r in run(store, "site-ratings", project=project).records():
        rating = ratings.get(r["rating_node"])
        if rating is None:
            rating = ratings[r["rating_node"]] = Rating(
                r["rating_node"], r["program"], r["indicator"], r["group"], r["rating"], int(r["notation"]), r["level"],
                int(r["studies"]), int(r["findings"]), r["why"])
        if r["finding"] and r["finding"] not in rating.derived_from:
            rating.derived_from.append(r["finding"])

    gap: dict[tuple[str, str], GapCell] = {}
    types: list[tuple[str, str]] = []
    for r in run(store, "site-gap-map", project=project).records():
        if (r["top"], r["type"]) not in types:
            types.append((r["top"], r["type"]))
            for group in GROUP_ORDER:  # every cell, so an empty one shows as a gap
                gap[(r["type"], group)] = GapCell(r["type"], r["top"], group)
        if r["program"] and r["group"] in GROUP_ORDER:
            cell = gap[(r["type"], r["group"])]
            cell.programs.add(r["program"])
            cell.findings[r["finding"]] = (r["program"], r["indicator"],
                                           int(r["rating"]) if r["rating"] is not None else None)

    notes: dict[str, Note] = {}
    for r in run(store, "site-notes", project=project).records():
        note = notes.setdefault(r["note"], Note(r["note"], r["kind"], r["issue"], r["decision"]))
        note.concerns.append(r["node"])

    observations: list[Observation] = []
    for (node,), rows in _grouped(run(store, "site-observations", project=project).records(), "obs").items():
        r = rows[0]
        obs = Observation(node, r["dataset"], r["figure_number"], r["area"], r["indicator"], r["year"], r["period_label"],
                          r["subgroup"], r["row_label"], r["column_label"], r["value"], r["value_as_printed"], r["unit"],
                          r["status"], {x["conflict"] for x in rows if x["conflict"]}, _sources(rows))
        observations.append(obs)

    figures: dict[str, Figure] = {}
    for (node,), rows in _grouped(run(store, "site-figures", project=project).records(), "figure").items():
        r = rows[0]
        figures[node] = Figure(node, int(r["number"]), r["label"], r["heading"], r["availability"], r["expected"],
                               r["source"], r["comment"], _sources(rows))
    for obs in observations:
        if obs.dataset in figures:
            figures[obs.dataset].cells.append(obs)

    places: dict[str, Place] = {}
    for r in run(store, "site-places", project=project).records():
        place = places.setdefault(r["place"], Place(r["place"], r["class"], r["country"], r["lat"], r["long"]))
        if r["program"]:
            place.programs.setdefault(r["program"], r["start"])
    for obs in observations:
        if obs.area in places:
            places[obs.area].observations.append(obs)
    # A page for a city or country the report gives statistics for or a program serves.
    places = {k: p for k, p in places.items() if p.programs or p.observations}

    return SiteData(dict(labels), programs, list(ratings.values()), gap, types,
                    dict(sorted(figures.items(), key=lambda kv: kv[1].number)), places, notes, observations)
