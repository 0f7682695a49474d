"""Namespaces and the prefixes every serialisation uses."""

from __future__ import annotations

from rdflib import Graph, Namespace

CS = Namespace("https://w3id.org/citysafe/ontology#")
CSC = Namespace("https://w3id.org/citysafe/concept/")
CSD = Namespace("https://w3id.org/citysafe/id/")
QB = Namespace("http://purl.org/linked-data/cube#")
SH = Namespace("http://www.w3.org/ns/shacl#")

from .prefixes import PREFIXES, SCHEME_PREFIXES  # noqa: E402,F401  (re-exported)


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project's prefixes (replacing rdflib's defaults) and return the graph."""
    for prefix, uri in PREFIXES.items():
        graph.bind(prefix, uri, override=True, replace=True)
    return graph
