"""Virtuoso on a synthetic graph of 1,000 programs, loaded by its bulk loader (virtuoso.bulk_load).

The seed is too small to show some of Virtuoso's wrong answers: they depend on the plan it picks
for the data it holds (police-social's zero-length path over cs:partOf finds nothing once the
graph has programs without it). Here every report, as users run it, gives the same rows as the
in-process build or is refused as a recorded defect (`#+ defect:`), never other rows in silence.
"""

from __future__ import annotations

import shutil

import pyoxigraph as ox
import pytest

from citysafe_kg.compiled import compiled_store
from citysafe_kg.derive import DERIVED_GRAPH
from citysafe_kg.errors import RuntimeFailure
from citysafe_kg.queries import bind, get_query
from citysafe_kg.reports import REPORTS, run_report
from citysafe_kg.resources import Project
from citysafe_kg.store import EndpointStore

pytestmark = [
    pytest.mark.server,
    pytest.mark.skipif(shutil.which("virtuoso-t") is None,
                       reason="Virtuoso is not installed: apt-get install virtuoso-opensource "
                              "(.ci/setup.d/40-virtuoso.sh does it in CI)"),
]

PROGRAMS = 1000
SOURCES = "https://w3id.org/citysafe/graph"
ARGUMENTS = {"program": "synth-p1", "place": "City 1"}


@pytest.fixture(scope="module")
def synthetic(tmp_path_factory):
    from citysafe_kg.synth import write

    root = tmp_path_factory.mktemp("synthetic") / "kg"
    write(PROGRAMS, 1, root)
    return Project(root)


@pytest.fixture(scope="module")
def local(synthetic):
    return compiled_store(synthetic)


@pytest.fixture(scope="module")
def virtuoso(local, tmp_path_factory):
    from citysafe_kg.virtuoso import bulk_load, start

    server = start(tmp_path_factory.mktemp("virtuoso"))
    try:
        loaded = bulk_load(server, local, SOURCES)
        assert loaded == len(local)
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def endpoint(virtuoso):
    return EndpointStore(virtuoso.sparql)


def test_the_bulk_loader_puts_sources_and_derived_statements_in_their_graphs(local, endpoint):
    sources = sum(1 for _ in local.store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    derived = sum(1 for _ in local.store.quads_for_pattern(None, None, None, ox.NamedNode(DERIVED_GRAPH)))
    counts = dict(endpoint.select(
        f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER (?g IN (<{SOURCES}>, <{DERIVED_GRAPH}>)) }} GROUP BY ?g"
    ).rows)
    assert counts == {SOURCES: sources, DERIVED_GRAPH: derived}
    assert sources > 100_000 and derived > 10_000


def test_every_report_gives_the_same_rows_on_virtuoso_or_is_refused(synthetic, local, endpoint):
    same, refused = [], []
    for name, report in REPORTS.items():
        argument = ARGUMENTS.get(report.argument or "")
        try:
            on_virtuoso = run_report(endpoint, name, argument=argument, project=synthetic)
        except RuntimeFailure as exc:
            assert "known" in exc.message, f"{name}: {exc.message}"
            refused.append(name)
            continue
        in_process = run_report(local, name, argument=argument, project=synthetic)
        assert on_virtuoso.rows == in_process.rows, f"report {name}: rows differ on Virtuoso"
        same.append(name)
    assert sorted(refused) == ["actors", "ambiguities", "appraisals", "conflicts", "homicide",
                               "police-social", "program", "unevaluated"]
    assert {"ratings", "adverse", "evidence", "women", "cases", "city"} <= set(same)


def test_police_social_finds_no_program_on_virtuoso_at_this_size(synthetic, local, endpoint):
    """Why police-social is refused: sent as it is, Virtuoso answers no row where in-process finds hundreds
    (the zero-length path from a program without cs:partOf). If this fails, Virtuoso answers it now:
    check the seed too, then remove the query's `#+ defect:` line."""
    query = get_query("police-social", synthetic)
    assert len(local.select(query.text).rows) == 466
    assert endpoint.select(bind(query, {})).rows == []
