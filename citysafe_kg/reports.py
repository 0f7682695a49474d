"""Reports: the most used queries, named for the CLI's `report` command, with
the columns a reader needs and, for some, one argument (a program or a place)."""

from __future__ import annotations

import unicodedata
from dataclasses import dataclass

from typing import Any

from .errors import UnknownNameError
from .queries import Table, run, suggest
from .resources import Project


@dataclass(frozen=True)
class Report:
    name: str
    query: str
    summary: str
    columns: tuple[str, ...] = ()  # shown columns, in order; empty means all
    argument: str | None = None  # the query parameter a positional argument binds
    defaults: tuple[tuple[str, str], ...] = ()  # parameters the report binds unless given
    merge: str | None = None  # a column whose values are joined over rows that agree on all others


REPORTS: dict[str, Report] = {r.name: r for r in (
    Report("police-social", "police-social",
           "Programs with police plus social-prevention components, and those components",
           ("program_label", "country_label", "cities", "police_components", "social_components")),
    Report("evidence", "evidence-ranking", "Programs ranked by the strength of their best evaluation (Maryland scale)",
           ("program_label", "maryland_level", "design_label", "year", "evaluators")),
    Report("unevaluated", "unevaluated-programs", "Case programs with no outcome evaluation, or outputs/process only",
           ("program_label", "status", "designs")),
    Report("adverse", "adverse-findings", "Adverse, null, mixed and not-achieved findings",
           ("program_label", "effect", "direction", "indicator", "value_as_printed", "subgroup")),
    Report("homicide", "findings-by-indicator", "Findings on homicide across programs, with design and magnitude",
           ("program_label", "kind", "direction", "value_as_printed", "unit", "comparison", "design", "maryland_level")),
    Report("budgets", "budgets", "Budgets and spending: amount, currency, year, funder",
           ("program_label", "kind", "value_as_printed", "currency", "year", "start", "end", "funder")),
    Report("actors", "shared-actors", "Actors present in more than one program, with their roles in each",
           ("actor_label", "programs", "roles")),
    Report("influence", "influence", "Who inspired whom", ("program_label", "influencer_label", "section")),
    Report("lessons", "challenges-lessons", "Challenges and lessons grouped by theme across cases",
           ("theme_label", "kind", "programs", "summary")),
    Report("conflicts", "source-conflicts", "Where the report contradicts itself: each conflict with its statements",
           ("note", "statement", "value_as_printed", "section"), defaults=(("kind", "conflict"),)),
    Report("ambiguities", "source-conflicts", "Ambiguous passages and the reading the graph takes",
           ("note", "statement", "issue"), defaults=(("kind", "ambiguity"),)),
    Report("youth", "programs-by-age", "Programs whose target ages overlap 15-24",
           ("program_label", "group_label", "group_min", "group_max")),
    Report("women", "programs-for-women", "Programs for women and girls", ("program_label", "reason", "detail")),
    Report("program", "program-profile", "One program's full profile", ("aspect", "label", "detail", "quote"),
           argument="program", merge="detail"),
    Report("city", "place-statistics", "A city's or country's statistics series beside its programs' start years",
           ("year", "kind", "label", "value_as_printed", "unit", "dataset"),
           argument="place"),
    Report("cases", "case-counts", "What each section of the report contributes, per class of node",
           ("section_label", "class", "count")),
    Report("summary", "summary", "Counts of programs, components, actors, results and other nodes"),
)}


def get_report(name: str) -> Report:
    if name not in REPORTS:
        raise UnknownNameError(f'Unknown report "{name}".{suggest(name, list(REPORTS))} See: citysafe report --list')
    return REPORTS[name]


def _plain(text: str) -> str:
    decomposed = unicodedata.normalize("NFKD", text)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold().strip()


def resolve_place(store: Any, name: str, project: Project | None = None) -> str:
    """A place's CURIE from its name, ignoring case and accents ("Bogota" finds Bogotá)."""
    if name.startswith(("csd:", "http://", "https://", "<")):
        return name
    places = run(store, "places", {}, project).records()
    wanted = _plain(name)
    for row in places:
        if _plain(str(row["label"])) == wanted or _plain(str(row["place"]).removeprefix("csd:")) == wanted:
            return str(row["place"])
    labels = sorted({str(r["label"]) for r in places})
    raise UnknownNameError(f'Unknown place "{name}".{suggest(name, labels)} See: citysafe query places')


def run_report(store: Any, name: str, params: dict[str, str] | None = None, project: Project | None = None,
               argument: str | None = None) -> Table:
    """Run a report on a store (or an rdflib Graph)."""
    report = get_report(name)
    params = {**dict(report.defaults), **(params or {})}
    if report.argument and argument is not None:
        params[report.argument] = resolve_place(store, argument, project) if report.argument == "place" else argument
    elif argument is not None:
        raise UnknownNameError(f'Report "{name}" takes no argument (got "{argument}").')
    table = run(store, report.query, params, project)
    if report.columns:
        indexes = [table.columns.index(c) for c in report.columns]
        table = Table(list(report.columns), [[row[i] for i in indexes] for row in table.rows])
    if report.merge:
        table = merge_rows(table, report.merge)
    return table


def merge_rows(table: Table, column: str) -> Table:
    """Join ``column``'s values (" | ", in order) over consecutive rows equal in every other column:
    a component's types, an actor's roles, a statement's themes on one line."""
    index = table.columns.index(column)
    merged: list[list[Any]] = []
    for row in table.rows:
        if merged and all(a == b for i, (a, b) in enumerate(zip(merged[-1], row)) if i != index):
            if row[index] is not None:
                previous = merged[-1][index]
                merged[-1][index] = f"{previous} | {row[index]}" if previous else row[index]
        else:
            merged.append(list(row))
    return Table(table.columns, merged)
