"""The source conflicts the graph records: every place the report contradicts itself,
each side kept with its locator. A new conflict must be added here on purpose."""

from __future__ import annotations

from collections import defaultdict

from citysafe_kg.compiled import compiled_store
from citysafe_kg.queries import run

EXPECTED = {
    "csd:conflict-caracas-periodic-reports": {None},
    "csd:conflict-ciudad-juarez-homicide-jump-2008-2009": {"1623", "2754", "more than 700%"},
    "csd:conflict-ciudad-juarez-homicides-2008": {"192", "1623"},
    "csd:conflict-ciudad-juarez-homicides-2009": {"1589", "2754"},
    "csd:conflict-ciudad-juarez-homicides-2010": {"3,766", "3622"},
    "csd:conflict-ciudad-juarez-population": {"1.3 million", "1.5 million"},
    "csd:conflict-dominican-republic-homicide-rate-26-year": {"26", "22"},
    "csd:conflict-figure-6-7-homicide-barranquilla": {"33", "28", "52.7", "47.7"},
    "csd:conflict-figure-6-7-homicide-bogota": {"20", "22", "52", "63.3"},
    "csd:conflict-figure-6-7-homicide-cali": {"74", "72", "95.7", "70.5"},
    "csd:conflict-figure-6-7-homicide-medellin": {"56", "58", "62.8", "74.5"},
    "csd:conflict-homicide-upturn-timing": {"more than 65%", None},
    "csd:conflict-non-lethal-violence": {None},
    "csd:conflict-sula-valley-end-year": {None, "$13.2 million", "17"},
}


def test_the_recorded_conflicts_and_the_printed_values_they_oppose(project):
    table = run(compiled_store(project), "source-conflicts", {"kind": "conflict"})
    found: dict[str, set] = defaultdict(set)
    for row in table.records():
        found[row["note"]].add(row["value_as_printed"])
    assert dict(found) == EXPECTED


def test_every_conflicting_statement_is_located(project):
    table = run(compiled_store(project), "source-conflicts", {"kind": "conflict"})
    unlocated = [(row["note"], row["statement"]) for row in table.records() if not row["where"]]
    assert unlocated == [], f"conflicting statements without a place in the report: {unlocated}"


def test_juarez_text_and_figure_12_disagree_on_2008_to_2010(graph):
    from helpers import select

    rows = select(graph, """
        SELECT ?year ?text ?figure WHERE {
          ?conflict a cs:SourceConflict ; cs:conflictingStatement ?a, ?b .
          ?a qb:dataSet csd:text-statistics ; cs:refPeriod ?year ; cs:valueAsPrinted ?text .
          ?b qb:dataSet csd:figure-12 ; cs:refPeriod ?year ; cs:valueAsPrinted ?figure .
        } ORDER BY ?year""")
    assert [(r["year"], r["text"], r["figure"]) for r in rows] == [
        (2008, "192", "1623"), (2009, "1589", "2754"), (2010, "3,766", "3622")]
