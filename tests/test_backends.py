"""Every named query returns the same rows on rdflib and on the compiled Oxigraph build, each
engine deriving the ratings and effects of queries/rules/ itself.

rdflib's engine joins sub-query results by nested loops, so the whole seed takes it minutes per
query: the default run compares the engines on the shared data and three cases that between them
use every appraisal fact, conflict, budget and influence kind (UPP, Barrio Seguro, Plan Cuadrantes
and their neighbours); `-m slow` runs the comparison on the whole seed as well.
"""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal

from citysafe_kg.namespaces import CS, CSD
from citysafe_kg.compiled import compiled_store
from citysafe_kg.graph import load
from citysafe_kg.queries import get_query, list_queries, run
from citysafe_kg.resources import default_project
from citysafe_kg.store import RdflibStore

QUERIES = [q.name for q in list_queries(default_project()) if "construct" not in q.tags]  # a graph is no table
SAMPLE = ["rio-de-janeiro", "dominican-republic", "colombia"]
SCOPES = [pytest.param(SAMPLE, id="three-cases"), pytest.param(None, id="seed", marks=pytest.mark.slow)]


@pytest.fixture(scope="module", params=SCOPES)
def engines(request, project):
    """(rdflib graph with what rdflib derives, compiled Oxigraph store) of the same sources."""
    from citysafe_kg.derive import derive_rdflib

    files = project.graph_files(request.param)
    graph = Graph()
    graph += load(project, cases=request.param).graph
    derive_rdflib(graph)
    return graph, compiled_store(project, files)


def normalise(rows):
    return [[round(v, 9) if isinstance(v, float) else v for v in row] for row in rows]


@pytest.mark.parametrize("name", QUERIES)
def test_query_gives_the_same_rows_on_rdflib_and_oxigraph(engines, name):
    graph, oxigraph = engines
    on_rdflib = run(RdflibStore(graph), name)
    on_oxigraph = run(oxigraph, name)
    assert on_rdflib.columns == on_oxigraph.columns
    assert normalise(on_rdflib.rows) == normalise(on_oxigraph.rows), f"{name}: rows differ between engines"


def test_the_sample_exercises_the_queries(engines):
    """The three-case sample is not a trivial comparison: the reports it feeds have rows."""
    graph, oxigraph = engines
    for name in ("ratings", "gap-map", "police-social", "source-conflicts", "shared-actors", "budgets", "influence"):
        assert run(oxigraph, name).rows, f"{name} has no rows on the sample"


def test_compiled_build_is_keyed_by_the_sources(project_copy, tmp_path, monkeypatch):
    monkeypatch.setenv("CITYSAFE_CACHE", str(tmp_path / "cache"))
    first = compiled_store(project_copy)
    before = run(first, "summary").records()
    case = project_copy.data_dir / "cases" / "belo-horizonte.ttl"
    edited = Graph().parse(case)
    edited.set((CSD["fica-vivo"], CS.startYear, Literal(2003)))
    case.write_text(edited.serialize(format="turtle"), encoding="utf-8")
    second = compiled_store(project_copy)
    rows = run(second, "program-profile", {"program": "fica-vivo"}).records()
    assert any(r["aspect"] == "program" and "2003-" in r["detail"] for r in rows), "the edited source was not recompiled"
    assert len([d for d in (tmp_path / "cache").iterdir() if d.is_dir()]) == 2
    assert run(second, "summary").records() == before
    assert get_query("summary")


def test_file_digests_are_reused_only_while_the_file_is_unchanged(tmp_path):
    import os

    from citysafe_kg.compiled import FileDigests

    source = tmp_path / "a.ttl"
    source.write_text("<urn:a> <urn:b> 1 .\n", encoding="utf-8")
    os.utime(source, ns=(10**18, 10**18))  # an old mtime; the ctime stays fresh
    index = tmp_path / "digests.json"
    digests = FileDigests(index)
    first = digests.of(source)
    digests.save()
    assert not index.exists(), "a file changed in the last two seconds (ctime) must not be remembered"
    digests.SETTLED_NS = -10**12  # pretend it has settled
    assert digests.of(source) == first
    digests.save()
    assert index.exists()
    # the same size and the same mtime, other bytes: the ctime gives it away
    source.write_text("<urn:a> <urn:b> 2 .\n", encoding="utf-8")
    os.utime(source, ns=(10**18, 10**18))
    again = FileDigests(index)
    assert again.of(source) != first
