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


def test_a_statement_without_a_locator_is_placed_nowhere(project):
    """`where` comes from the statement's own locator: one without a locator gets none, not every
    section of the report (an OPTIONAL joined on an unbound ?locator matches every locator)."""
    import pyoxigraph as ox

    from citysafe_kg.bnodes import LOCATOR_PREDICATE
    from citysafe_kg.store import OxigraphStore

    store = OxigraphStore.from_files(project.graph_files())
    side = ox.NamedNode("https://w3id.org/citysafe/id/stat-dominican-republic-homicide-rate-2006")
    located = list(store.store.quads_for_pattern(side, ox.NamedNode(LOCATOR_PREDICATE), None))
    assert located  # the fixture: a conflicting statement that has a locator in the data
    for quad in located:
        store.store.remove(quad)
    table = run(store, "source-conflicts", {"kind": "conflict"})
    note, side_column, where = (table.columns.index(name) for name in ("note", "side", "where"))
    rows = {(row[note], row[side_column]): row for row in table.rows}
    unlocated = rows[("csd:conflict-dominican-republic-homicide-rate-26-year", "csd:stat-dominican-republic-homicide-rate-2006")]
    assert unlocated[where] == ""
    other = [row for key, row in rows.items() if key[0] == "csd:conflict-dominican-republic-homicide-rate-26-year"
             and key[1] != "csd:stat-dominican-republic-homicide-rate-2006"]
    assert other and all(row[where].startswith("Dominican Republic: Democratic Security Plan") for row in other)
