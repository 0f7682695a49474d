"""Small readers for asserting facts of the graph by value."""

from __future__ import annotations

from typing import Any

from rdflib import Graph, URIRef
from rdflib.term import Node

from citysafe_kg.namespaces import CS, CSC, CSD, PREFIXES


def iri(curie: str) -> URIRef:
    prefix, _, local = curie.partition(":")
    return URIRef(PREFIXES[prefix] + local)


DERIVED = ("cs:effect", "cs:valence", "cs:appraisedLevel")
_derived: list[Graph] = []


def derived_graph() -> Graph:
    """What the build derives (queries/rules/): an outcome's effect, valence and level, the ratings.
    The sources graph of the tests holds none of it; it is read from the compiled build."""
    if not _derived:
        from citysafe_kg.compiled import compiled_store
        from citysafe_kg.derive import add_derived_from_store

        graph = Graph()
        add_derived_from_store(graph, compiled_store().store)
        _derived.append(graph)
    return _derived[0]


def value(graph: Graph, subject: str, prop: str) -> Any:
    """The single value of ``prop`` on ``subject`` (CURIEs both), as a Python value or CURIE."""
    values = values_of(graph, subject, prop)
    assert len(values) == 1, f"{subject} {prop}: expected one value, found {values}"
    return values[0]


def values_of(graph: Graph, subject: str, prop: str) -> list[Any]:
    """The values of ``prop`` on ``subject``; a derived property (cs:effect ...) is read from the build."""
    out = []
    found = list(graph.objects(iri(subject), iri(prop)))
    if prop in DERIVED:  # on a finding it is derived; on an appraisal decision, cs:appraisedLevel is a source fact
        found += list(derived_graph().objects(iri(subject), iri(prop)))
    for obj in found:
        out.append(graph.namespace_manager.normalizeUri(obj) if isinstance(obj, URIRef) else obj.toPython())
    return sorted(out, key=str)


def quotes(graph: Graph, subject: str) -> list[str]:
    return sorted(str(q) for loc in graph.objects(iri(subject), CS.locator) for q in graph.objects(loc, CS.quote))


def footnotes(graph: Graph, subject: str) -> list[int]:
    return sorted(int(f) for loc in graph.objects(iri(subject), CS.locator) for f in graph.objects(loc, CS.footnote))


def select(graph: Graph, text: str) -> list[dict[str, Any]]:
    """Run SPARQL with the project prefixes; rows as dicts of plain values/CURIEs."""
    prologue = "".join(f"PREFIX {p}: <{u}>\n" for p, u in PREFIXES.items())
    rows = []
    for row in graph.query(prologue + text):
        rows.append({
            str(k): (graph.namespace_manager.normalizeUri(v) if isinstance(v, URIRef) else (v.toPython() if v is not None else None))
            for k, v in row.asdict().items()
        })
    return rows


def observation(graph: Graph, figure: int, area: str, period: int | None = None, **extra: str) -> Node:
    """The one observation of a figure for an area (and year, and other dimension values)."""
    filters = "".join(f' ; cs:{k} "{v}"' for k, v in extra.items())
    period_clause = f" ; cs:refPeriod {period}" if period is not None else ""
    rows = select(graph, f"SELECT ?o WHERE {{ ?o qb:dataSet csd:figure-{figure} ; cs:refArea {area}{period_clause}{filters} . }}")
    assert len(rows) == 1, f"figure {figure} {area} {period} {extra}: {len(rows)} observations"
    return rows[0]["o"]




SOURCES_GRAPH = "https://w3id.org/citysafe/graph"


def graphs_on_server(local: Any, endpoint: Any) -> tuple[dict[str, int], dict[str, int]]:
    """Triples per graph in the compiled build (the sources, the derived statements) and on a server
    loaded from it (the sources in SOURCES_GRAPH), as {graph IRI: count} both."""
    import pyoxigraph as ox

    from citysafe_kg.derive import DERIVED_GRAPH

    here = {SOURCES_GRAPH: sum(1 for _ in local.store.quads_for_pattern(None, None, None, ox.DefaultGraph())),
            DERIVED_GRAPH: sum(1 for _ in local.store.quads_for_pattern(None, None, None, ox.NamedNode(DERIVED_GRAPH)))}
    there = dict(endpoint.select(
        f"SELECT ?g (COUNT(*) AS ?n) WHERE {{ GRAPH ?g {{ ?s ?p ?o }} "
        f"FILTER (?g IN (<{SOURCES_GRAPH}>, <{DERIVED_GRAPH}>)) }} GROUP BY ?g").rows)
    return here, there


def reports_on_server(local: Any, endpoint: Any, arguments: dict[str, str], project: Any = None,
                      normalise: Any = lambda rows: rows) -> tuple[list[str], list[str]]:
    """Every report as users run it, on the server and in-process: (the same rows, refused). A report
    the server answers with other rows fails the calling test; a refusal must name a known defect."""
    from citysafe_kg.errors import RuntimeFailure
    from citysafe_kg.reports import REPORTS, run_report

    same, refused = [], []
    for name, report in REPORTS.items():
        argument = arguments.get(report.argument or "")
        try:
            on_server = run_report(endpoint, name, argument=argument, project=project)
        except RuntimeFailure as exc:
            assert "known" in exc.message, f"{name}: {exc.message}"
            refused.append(name)
            continue
        in_process = run_report(local, name, argument=argument, project=project)
        assert normalise(on_server.rows) == normalise(in_process.rows), f"report {name}: rows differ on the server"
        same.append(name)
    return same, refused


def virtuoso_loaded(folder: Any, load: Any) -> Any:
    """A private Virtuoso in ``folder``, given to ``load(server)`` once started, stopped after use:
    a generator for a module fixture (`yield from virtuoso_loaded(...)`)."""
    from citysafe_kg.virtuoso import start

    server = start(folder)
    try:
        load(server)
        yield server
    finally:
        server.stop()


__all__ = ["CS", "CSC", "CSD", "SOURCES_GRAPH", "footnotes", "graphs_on_server", "iri", "observation", "quotes",
           "reports_on_server", "select", "value", "values_of", "virtuoso_loaded"]
