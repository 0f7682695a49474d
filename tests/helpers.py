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


__all__ = ["CS", "CSC", "CSD", "footnotes", "iri", "observation", "quotes", "select", "value", "values_of"]
