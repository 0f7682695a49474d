"""Virtuoso on a synthetic graph of 1,000 programs, loaded by its bulk loader (virtuoso.bulk_load).

The seed is too small to show some of Virtuoso's wrong answers: they depend on the plan it picks
for the data it holds (police-social's zero-length path over cs:partOf finds nothing once the
graph has programs without it). Here every report, as users run it, gives the same rows as the
in-process build or is refused as a recorded defect (`#+ defect:`), never other rows in silence.
"""

from __future__ import annotations

import shutil

import pytest

from citysafe_kg.compiled import compiled_store
from citysafe_kg.derive import DERIVED_GRAPH
from citysafe_kg.queries import bind, get_query
from citysafe_kg.resources import Project
from citysafe_kg.store import EndpointStore
from helpers import graphs_on_server, reports_on_server, virtuoso_loaded

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
    from citysafe_kg.virtuoso import bulk_load

    def load(server):
        assert bulk_load(server, local, SOURCES) == len(local)

    yield from virtuoso_loaded(tmp_path_factory.mktemp("virtuoso"), load)


@pytest.fixture(scope="module")
def endpoint(virtuoso):
    return EndpointStore(virtuoso.sparql)


def test_the_bulk_loader_puts_sources_and_derived_statements_in_their_graphs(local, endpoint):
    here, there = graphs_on_server(local, endpoint)
    assert there == here
    assert here[SOURCES] > 100_000 and here[DERIVED_GRAPH] > 10_000


def test_every_report_gives_the_same_rows_on_virtuoso_or_is_refused(synthetic, local, endpoint):
    same, refused = reports_on_server(local, endpoint, ARGUMENTS, synthetic)
    assert sorted(refused) == ["actors", "ambiguities", "appraisals", "conflicts", "homicide",
                               "police-social", "program", "unevaluated"]
    assert {"ratings", "adverse", "evidence", "women", "cases", "city"} <= set(same)


def test_police_social_finds_no_program_on_virtuoso_at_this_size(synthetic, local, endpoint):
    """Why police-social is refused: sent as it is, Virtuoso answers no row where in-process finds hundreds
    (its two grouped sub-queries joined on the program; see the query's `#+ defect:` line). If this fails,
    Virtuoso answers it now: check the seed too (tests/test_virtuoso.py), then remove that line."""
    query = get_query("police-social", synthetic)
    assert len(local.select(query.text).rows) == 466
    assert endpoint.select(bind(query, {})).rows == []
