"""Virtuoso Open Source as a second engine: a private instance on loopback (citysafe_kg/virtuoso.py),
loaded by `citysafe push`, gives every named query the same rows as the in-process Oxigraph build.

What SPARQL leaves open is normalised the same way on both sides: GROUP_CONCAT order (queries.tidy),
numeric and lexical forms (terms.literal_value, then floats rounded). Runs in CI
(.ci/setup.d/40-virtuoso.sh installs the package); skipped only where `virtuoso-t` is absent.
"""

from __future__ import annotations

import shutil

import pyoxigraph as ox
import pytest

from citysafe_kg.cli import cli
from citysafe_kg.compiled import compiled_store
from citysafe_kg.derive import DERIVED_GRAPH
from citysafe_kg.errors import RuntimeFailure, UserError
from citysafe_kg.queries import list_queries, run
from citysafe_kg.resources import default_project
from citysafe_kg.server import push
from citysafe_kg.store import EndpointStore

pytestmark = [
    pytest.mark.server,
    pytest.mark.skipif(shutil.which("virtuoso-t") is None,
                       reason="Virtuoso is not installed: apt-get install virtuoso-opensource "
                              "(.ci/setup.d/40-virtuoso.sh does it in CI)"),
]

QUERIES = [q.name for q in list_queries(default_project()) if "construct" not in q.tags]  # a graph is no table
SOURCES = "https://w3id.org/citysafe/graph"

# Virtuoso 7.2.5 (Debian's) sorts strings it stores out of line (long ones) by their id, not their value:
# "…/2016/03/daily-chart-18" before "…/2016/02/daily-chart-3" under ORDER BY. Same rows, other order.
ORDER_DIFFERS = {"cited-works-support", "fidelity-locators"}
# Virtuoso 7.2.5 defects met by these queries, kept here so that a fix (or a portable rewrite) shows up as XPASS.
VIRTUOSO_DEFECTS = {
    "police-social": "no row when two grouped sub-queries that each walk skos:broader* are joined",
    "program-profile": "MIN over stored strings is not SPARQL's order ('arguably…' before 'Pacto…')",
    "fidelity-labels": "an inline VALUES row does not join a UNION branch that lacks the variable: those rows vanish",
    "fidelity-values": "SELECT DISTINCT keeps duplicate rows when EXISTS is bound (and booleans come back as 0/1)",
    "findings-by-indicator": "error SQ186: over 20 keys in GROUP BY",
    "unevaluated-programs": "error SQ156: internal optimized compiler error (sqldf.c:2316)",
    # the evidence site's queries (issue 11) landed while this test was written: not yet investigated
    "site-notes": "error SQ156: internal optimized compiler error (sqldf.c:1528)",
    "site-places": "4 more rows than in-process (not yet investigated)",
    "site-program-facts": "rows differ (not yet investigated)",
    "site-programs": "rows differ (not yet investigated)",
}


def normalise(rows):
    return [[round(v, 9) if isinstance(v, float) else v for v in row] for row in rows]


@pytest.fixture(scope="module")
def local(project):
    return compiled_store(project)


@pytest.fixture(scope="module")
def virtuoso(local, tmp_path_factory):
    from citysafe_kg.virtuoso import PASSWORD, USER, start

    server = start(tmp_path_factory.mktemp("virtuoso"))
    try:
        push(local, server.store, graph=SOURCES, user=USER, password=PASSWORD)
        yield server
    finally:
        server.stop()


@pytest.fixture(scope="module")
def endpoint(virtuoso):
    return EndpointStore(virtuoso.sparql)


def known_defect(name: str):
    """The recorded defect, expected to fail the same way: an error with its code (RuntimeFailure, the
    code checked below), or rows that differ (AssertionError). Any other failure fails the test."""
    reason = VIRTUOSO_DEFECTS[name]
    raises = RuntimeFailure if reason.startswith("error ") else AssertionError
    return pytest.mark.xfail(strict=True, raises=raises, reason=f"Virtuoso 7.2.5: {reason}")


@pytest.mark.parametrize("name", [
    pytest.param(name, marks=known_defect(name)) if name in VIRTUOSO_DEFECTS else name
    for name in QUERIES
])
def test_query_gives_the_same_rows_on_virtuoso(local, endpoint, name):
    try:
        on_virtuoso = run(endpoint, name)
    except RuntimeFailure as exc:
        code = VIRTUOSO_DEFECTS.get(name, "").partition(":")[0].removeprefix("error ")
        assert code and code in str(exc), f"{name}: not the recorded defect: {exc}"
        raise
    in_process = run(local, name)
    assert on_virtuoso.columns == in_process.columns
    if name in ORDER_DIFFERS:
        assert sorted(map(repr, normalise(on_virtuoso.rows))) == sorted(map(repr, normalise(in_process.rows)))
    else:
        assert normalise(on_virtuoso.rows) == normalise(in_process.rows), f"{name}: rows differ on Virtuoso"


def test_virtuoso_sorts_long_stored_strings_out_of_order(endpoint):
    """Why ORDER_DIFFERS exists: the same two citation labels, sorted by Virtuoso from the store."""
    rows = endpoint.select("SELECT ?s WHERE { ?w <https://w3id.org/citysafe/ontology#citationLabel> ?s "
                           'FILTER (CONTAINS(?s, "economist.com/blogs/graphicdetail/2016/0")) } ORDER BY ?s').rows
    assert [row[0].rsplit("/", 2)[-2:] for row in rows] == [["03", "daily-chart-18"], ["02", "daily-chart-3"]]


def test_push_puts_sources_and_derived_statements_in_their_graphs(local, endpoint):
    sources = sum(1 for _ in local.store.quads_for_pattern(None, None, None, ox.DefaultGraph()))
    derived = sum(1 for _ in local.store.quads_for_pattern(None, None, None, ox.NamedNode(DERIVED_GRAPH)))
    counts = dict(endpoint.select(
        f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} FILTER (?g IN (<{SOURCES}>, <{DERIVED_GRAPH}>)) }} GROUP BY ?g"
    ).rows)
    assert counts == {SOURCES: sources, DERIVED_GRAPH: derived}
    assert derived > 0  # the ratings and effects of queries/rules/


def test_fica_vivo_is_rated_promising_against_homicide_on_virtuoso(endpoint):
    """A derived statement (the rating rule's output) read through the server's union of graphs."""
    rows = run(endpoint, "ratings", {"indicator": "homicide"}).records()
    fica_vivo = [r for r in rows if r["program_label"] == "Fica Vivo (Stay Alive)"]
    assert [(r["rating"], r["level"]) for r in fica_vivo] == [("promising", 3)]


def test_push_without_an_account_is_refused_clearly(local, virtuoso):
    with pytest.raises(UserError) as refused:
        push(local, virtuoso.store, graph=SOURCES, timeout=30)
    assert refused.value.message == (f"{virtuoso.store} asks for an account that may write graphs: "
                                     "give --user and --password (on Virtuoso, the dba account).")
    assert refused.value.exit_code == 1


def test_push_to_virtuoso_needs_a_named_graph(local, virtuoso):
    from citysafe_kg.virtuoso import PASSWORD, USER

    with pytest.raises(UserError) as refused:
        push(local, virtuoso.store, user=USER, password=PASSWORD, timeout=30)
    assert "refused to write its default graph" in refused.value.message
    assert "--graph" in refused.value.message


def test_citysafe_push_and_report_through_the_cli(runner, local, virtuoso):
    from citysafe_kg.virtuoso import PASSWORD, USER

    pushed = runner.invoke(cli, ["push", "--endpoint", virtuoso.store, "--user", USER, "--password", PASSWORD,
                                 "--graph", SOURCES])
    assert pushed.exit_code == 0, pushed.output
    assert pushed.output == (f"Sent {len(local)} triples to {virtuoso.store} (replaced graph {SOURCES} "
                             "and the derived graph)\n")
    remote = runner.invoke(cli, ["report", "ratings", "-p", "indicator=homicide", "--csv", "--endpoint", virtuoso.sparql])
    in_process = runner.invoke(cli, ["report", "ratings", "-p", "indicator=homicide", "--csv"])
    assert remote.exit_code == 0, remote.output
    assert remote.output == in_process.output
    assert "Fica Vivo (Stay Alive),Homicide,promising,3," in remote.output
