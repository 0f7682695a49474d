"""A real SPARQL server (Oxigraph's) on a free loopback port: every named query gives
the same rows over HTTP as in-process; updates are refused; push loads the graph."""

from __future__ import annotations

import os
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request

import pyoxigraph as ox
import pytest

from citysafe_kg.compiled import compiled_store
from citysafe_kg.derive import DERIVED_GRAPH
from citysafe_kg.errors import RuntimeFailure
from citysafe_kg.queries import list_queries, run
from citysafe_kg.resources import default_project
from citysafe_kg.server import free_port, push, start
from citysafe_kg.store import EndpointStore

QUERIES = [q.name for q in list_queries(default_project()) if "construct" not in q.tags]  # a graph is no table


@pytest.fixture(scope="module")
def local(project):
    return compiled_store(project)


@pytest.fixture(scope="module")
def server(local):
    process, base = start(local.path)
    yield base
    process.terminate()
    process.wait(timeout=10)


@pytest.mark.parametrize("name", QUERIES)
def test_query_gives_the_same_rows_over_http(local, server, name):
    assert run(EndpointStore(f"{server}/query"), name).rows == run(local, name).rows


def test_the_server_refuses_updates(server):
    body = urllib.parse.urlencode({"update": "INSERT DATA { <urn:a> <urn:b> <urn:c> }"}).encode()
    request = urllib.request.Request(f"{server}/update", data=body, method="POST",
                                     headers={"Content-Type": "application/x-www-form-urlencoded"})
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=10)
    assert refused.value.code == 403


def test_push_loads_every_triple_into_a_writable_server(local, tmp_path):
    process, base = start(tmp_path / "store", writable=True)
    try:
        sent = push(local, f"{base}/store", graph="https://w3id.org/citysafe/graph")
        counts = dict(EndpointStore(f"{base}/query").select(
            "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g").rows)
        derived = len(list(local.store.quads_for_pattern(None, None, None, ox.NamedNode(DERIVED_GRAPH))))
        assert derived > 0 and sent == len(local)
        # the sources in the graph asked for, what the rules derived in its own graph, as compiled
        assert counts == {"https://w3id.org/citysafe/graph": len(local) - derived, DERIVED_GRAPH: derived}
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_an_unreachable_endpoint_is_a_clear_error():
    port = free_port()
    with pytest.raises(RuntimeFailure) as failure:
        EndpointStore(f"http://127.0.0.1:{port}/query", timeout=2).select("ASK {}")
    assert failure.value.message.startswith(f"Cannot reach http://127.0.0.1:{port}/query:")
    assert failure.value.exit_code == 2


def test_citysafe_serve_binds_loopback_and_answers(tmp_path):
    port = free_port()
    env = dict(os.environ)
    process = subprocess.Popen([sys.executable, "-m", "citysafe_kg", "serve", "--port", str(port)],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, env=env)
    try:
        deadline = time.monotonic() + 30
        while True:
            try:
                table = EndpointStore(f"http://127.0.0.1:{port}/query", timeout=2).select("ASK { ?s ?p ?o }")
                break
            except RuntimeFailure:
                if time.monotonic() > deadline or process.poll() is not None:
                    raise
                time.sleep(0.2)
        assert table.rows == [[True]]
    finally:
        process.terminate()
        process.wait(timeout=10)


def test_query_timeout_stops_a_long_query(runner, monkeypatch):
    """--timeout stops a query that outlasts it, with exit code 2."""
    from citysafe_kg.cli import cli

    # ~9 million joined rows: about a second on Oxigraph, so the abandoned query ends soon after the test.
    slow = ("SELECT (COUNT(*) AS ?n) WHERE { { SELECT * WHERE { ?a ?b ?c } LIMIT 3000 } "
            "{ SELECT * WHERE { ?d ?e ?f } LIMIT 3000 } }")
    result = runner.invoke(cli, ["sparql", slow, "--timeout", "0.05"])
    assert result.exit_code == 2
    assert result.output == "Error: The query ran longer than --timeout 0.05 s and was stopped.\n"


def test_backend_choice_is_reported_for_a_bad_endpoint_url(runner):
    from citysafe_kg.cli import cli

    result = runner.invoke(cli, ["query", "police-social", "--endpoint", "ftp://example.org/sparql"])
    assert result.exit_code == 1
    assert result.output == 'Error: --endpoint "ftp://example.org/sparql" is not an http(s) URL, e.g. http://127.0.0.1:7878/query\n'



@pytest.mark.server
def test_serve_cors_lets_a_page_on_another_origin_query(local):
    """`citysafe serve --cors ORIGIN` passes Oxigraph's --cors: a real server on loopback answers a
    cross-origin request and its preflight with Access-Control-Allow-Origin; without it, no header."""
    query = f"/query?{urllib.parse.urlencode({'query': 'ASK { ?s ?p ?o }'})}"
    headers = {"Origin": "http://localhost:5173", "Accept": "application/sparql-results+json"}
    for cors, expected in ((True, "*"), (False, None)):
        process, base = start(local.path, cors=cors)
        try:
            with urllib.request.urlopen(urllib.request.Request(base + query, headers=headers), timeout=10) as answer:
                assert answer.headers.get("Access-Control-Allow-Origin") == expected
                assert b'"boolean":true' in answer.read().replace(b" ", b"")
            if cors:
                preflight = urllib.request.Request(base + "/query", method="OPTIONS", headers={
                    **headers, "Access-Control-Request-Method": "POST"})
                with urllib.request.urlopen(preflight, timeout=10) as answer:
                    assert answer.headers.get("Access-Control-Allow-Origin") == "*"
        finally:
            process.terminate()
            process.wait(timeout=10)


def test_serve_cors_names_what_oxigraph_allows(runner, monkeypatch):
    from citysafe_kg.cli import cli
    from citysafe_kg.server import cors_notice

    assert cors_notice("*") is None
    assert "allows every origin (Access-Control-Allow-Origin: *), not only https://site.example" in cors_notice("https://site.example")
    result = runner.invoke(cli, ["serve", "--cors", "site.example"])
    assert result.exit_code == 1
    assert '--cors "site.example" is not an origin' in result.output
