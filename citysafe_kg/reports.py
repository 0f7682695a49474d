"""Reports: the most used queries, named for the CLI's `report` command, with
the columns a reader needs and, for some, one argument (a program or a place)."""

from __future__ import annotations

from dataclasses import dataclass

from typing import Any

from .errors import UnknownNameError, UserError
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
    Report("ratings", "ratings",
           "Every program x outcome rated by the published rule (docs/RATING.md), with why",
           ("program_label", "outcome", "rating", "level", "studies", "findings", "attribution", "strand", "why",
            "primary_studies")),
    Report("gap-map", "gap-map",
           "Intervention types against outcome groups: programs, findings and the best rating per cell; gaps shown"),
    Report("evidence", "evidence-ranking",
           "Programs ranked by their best evaluation (Maryland scale), before and after appraisal",
           ("program_label", "maryland_level", "appraised_level", "design_label", "year", "evaluators", "appraisal")),
    Report("unevaluated", "unevaluated-programs", "Case programs with no impact evaluation (none, or polls, process or outputs only)",
           ("program_label", "status", "designs")),
    Report("adverse", "adverse-findings",
           "Findings that are not good news: undesirable, no change, mixed, ambiguous, or judged not achieved",
           ("program_label", "finding", "indicator", "change", "effect", "verdict", "value_as_printed", "period",
            "place", "scope", "subgroup", "attribution")),
    Report("homicide", "findings-by-indicator",
           "Findings on homicide across programs: change, effect, magnitude, period, place, scope, design and level",
           ("program_label", "finding_label", "change", "effect", "value_as_printed", "unit", "period", "place", "scope",
            "subgroup", "attribution", "design", "appraised_level")),
    Report("budgets", "budgets", "Budgets and spending: amount, currency, year, funder, and cost per beneficiary where derivable",
           ("program_label", "kind", "value_as_printed", "currency", "year", "start", "end", "funder",
            "cost_per_beneficiary")),
    Report("actors", "shared-actors", "Actors present in more than one program, with their roles in each",
           ("actor_label", "programs", "roles")),
    Report("influence", "influence", "Who inspired whom", ("program_label", "influencer_label", "section")),
    Report("lessons", "challenges-lessons", "Challenges and lessons grouped by theme across cases",
           ("theme_label", "kind", "programs", "summary")),
    Report("conflicts", "source-conflicts",
           "Where the report contradicts itself: the issue, and each side with its value and where it is printed",
           ("issue", "statement", "value_as_printed", "where"), defaults=(("kind", "conflict"),)),
    Report("ambiguities", "source-conflicts", "Ambiguous passages and the reading the graph takes",
           ("issue", "decision", "statement", "where"), defaults=(("kind", "ambiguity"),)),
    Report("appraisals", "source-conflicts", "Appraisal judgements: what they weigh, the nodes they concern, the words they rest on",
           ("statement", "reasons", "issue", "decision", "where"), defaults=(("kind", "appraisal"),)),
    Report("youth", "programs-by-age", "Programs for young people: target ages overlapping 15-24, or youth described without ages",
           ("program_label", "group_label", "group_min", "group_max", "life_stage")),
    Report("women", "programs-for-women", "Programs for women and girls", ("program_label", "reason", "detail")),
    Report("program", "program-profile", "One program's full profile", ("aspect", "label", "detail", "quote"),
           argument="program", merge="detail"),
    Report("city", "place-statistics", "A city's or country's statistics series beside its programs' start years",
           ("year", "kind", "label", "value_as_printed", "unit", "dataset"),
           argument="place"),
    Report("cases", "case-counts", "What each section of the report contributes, per class of node",
           ("section_label", "class_label", "count")),
    Report("summary", "summary", "Counts of programs, components, actors, results, ratings and other nodes",
           ("class_label", "count")),
)}

ARGUMENT_EXAMPLES = {"program": "fica-vivo", "place": '"Belo Horizonte"'}


def get_report(name: str) -> Report:
    if name not in REPORTS:
        raise UnknownNameError(f'Unknown report "{name}".{suggest(name, list(REPORTS))} See: citysafe report --list')
    return REPORTS[name]


def run_report(store: Any, name: str, params: dict[str, str] | None = None, project: Project | None = None,
               argument: str | None = None) -> Table:
    """Run a report on a store (or an rdflib Graph). A program or place argument may be a
    name, a label or a slug (accents and case ignored); an unknown one is an error with the
    nearest names. No report prints the same row twice."""
    report = get_report(name)
    params = {**dict(report.defaults), **(params or {})}
    if report.argument:
        if argument is None and report.argument not in params:
            example = ARGUMENT_EXAMPLES.get(report.argument, "NAME")
            raise UserError(f"Name a {report.argument}: citysafe report {name} {report.argument.upper()}, "
                            f"e.g. citysafe report {name} {example}.")
        if argument is not None:
            params[report.argument] = argument
    elif argument is not None:
        raise UnknownNameError(f'Report "{name}" takes no argument (got "{argument}").')
    table = run(store, report.query, params, project)
    if name == "gap-map":
        return gap_map(table)
    if report.columns:
        indexes = [table.columns.index(c) for c in report.columns]
        table = Table(list(report.columns), [[row[i] for i in indexes] for row in table.rows])
    if report.merge:
        table = merge_rows(table, report.merge)
    return distinct_rows(table)


def distinct_rows(table: Table) -> Table:
    """The rows in order, each once: a report shows fewer columns than its query returns,
    and rows that differed only in a hidden column must not print twice."""
    seen: set[tuple[str, ...]] = set()
    rows = []
    for row in table.rows:
        key = tuple(repr(cell) for cell in row)
        if key not in seen:
            seen.add(key)
            rows.append(row)
    return Table(table.columns, rows)


RATING_WORDS = {1: "effective", 2: "promising", 3: "no effect", 4: "harmful", 5: "inconclusive", 6: "not rated"}


def gap_map(table: Table) -> Table:
    """Pivot the gap-map query: one row per intervention type, one column per outcome group.
    A cell gives the best rating, then how many programs and findings; an empty cell is a gap."""
    groups: list[str] = []
    for record in sorted(table.records(), key=lambda r: int(r["group_order"])):
        if record["outcome_group"] not in groups:
            groups.append(str(record["outcome_group"]))
    rows: dict[tuple[str, str], dict[str, str]] = {}
    for record in table.records():
        key = (str(record["type_group"]), str(record["type_label"]))
        cells = rows.setdefault(key, {})
        programs, findings = int(record["programs"] or 0), int(record["findings"] or 0)
        if findings == 0:
            cells[str(record["outcome_group"])] = "gap"
            continue
        best = RATING_WORDS.get(int(record["best_order"]), "not rated") if record["best_order"] is not None else "not rated"
        cells[str(record["outcome_group"])] = (f"{best} ({programs} program{'s' if programs != 1 else ''}, "
                                               f"{findings} finding{'s' if findings != 1 else ''})")
    columns = ["type_group", "intervention_type", *groups]
    out = [[group, label, *[cells.get(g, "gap") for g in groups]] for (group, label), cells in sorted(rows.items())]
    return Table(columns, out)


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


def compare(store: Any, programs: list[str], project: Project | None = None) -> Table:
    """Programs side by side, aligned by facet (place, years, components by kind, target groups,
    actors, budget, evaluations, ratings, results, influences). Names, labels or slugs are accepted."""
    if len(programs) < 2:
        raise UserError("Compare needs two programs or more, e.g. citysafe compare fica-vivo upp.")
    columns: list[str] = []
    facets: dict[str, dict[int, str]] = {}
    order: dict[str, int] = {}
    for index, program in enumerate(programs):
        table = run(store, "compare-facets", {"program": program}, project)
        for record in table.records():
            facet = str(record["facet"])
            order[facet] = int(record["facet_order"])
            facets.setdefault(facet, {})[index] = str(record["value"] or "")
        columns.append(facets.get("program", {}).get(index) or program)
    rows = [[facet, *[facets[facet].get(i, "") for i in range(len(programs))]]
            for facet in sorted(facets, key=order.__getitem__) if facet != "program"]
    return Table(["facet", *columns], rows)
