"""Reports: the most used queries, named for the CLI's `report` command."""

from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph

from .errors import UnknownNameError
from .queries import Table, run, suggest
from .resources import Project


@dataclass(frozen=True)
class Report:
    name: str
    query: str
    summary: str
    columns: tuple[str, ...] = ()  # shown columns, in order; empty means all


REPORTS: dict[str, Report] = {
    "police-social": Report(
        "police-social", "police-social",
        "Programs with police plus social-prevention components, and those components",
        ("program_label", "country_label", "cities", "police_components", "social_components"),
    ),
    "summary": Report("summary", "summary", "Counts of programs, components, actors, results and other nodes"),
}


def get_report(name: str) -> Report:
    if name not in REPORTS:
        raise UnknownNameError(f'Unknown report "{name}".{suggest(name, list(REPORTS))} See: citysafe report --list')
    return REPORTS[name]


def run_report(graph: Graph, name: str, params: dict[str, str] | None = None, project: Project | None = None) -> Table:
    report = get_report(name)
    table = run(graph, report.query, params, project)
    if report.columns:
        indexes = [table.columns.index(c) for c in report.columns]
        table = Table(list(report.columns), [[row[i] for i in indexes] for row in table.rows])
    return table
