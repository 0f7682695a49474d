"""Namespaces and the prefixes every serialisation uses."""

from __future__ import annotations

from rdflib import Graph, Namespace
from rdflib.namespace import DCTERMS, OWL, PROV, RDF, RDFS, SKOS, XSD

CS = Namespace("https://w3id.org/citysafe/ontology#")
CSC = Namespace("https://w3id.org/citysafe/concept/")
CSD = Namespace("https://w3id.org/citysafe/id/")
CSX = Namespace("https://w3id.org/citysafe/shapes#")
QB = Namespace("http://purl.org/linked-data/cube#")
SCHEMA = Namespace("https://schema.org/")
OA = Namespace("http://www.w3.org/ns/oa#")
SH = Namespace("http://www.w3.org/ns/shacl#")

# Concept-scheme prefixes: one per scheme, as in ontology/concepts.ttl.
SCHEME_PREFIXES: dict[str, str] = {
    "it": "intervention-type",
    "atype": "actor-type",
    "role": "role",
    "ind": "indicator",
    "unit": "unit",
    "dir": "direction",
    "eff": "effect",
    "sig": "significance",
    "des": "design",
    "theme": "theme",
    "bk": "budget-kind",
    "vq": "value-qualifier",
    "ost": "obs-status",
    "avail": "availability",
    "sex": "sex",
}

PREFIXES: dict[str, str] = {
    "cs": str(CS),
    "csc": str(CSC),
    "csd": str(CSD),
    **{p: f"{CSC}{path}/" for p, path in SCHEME_PREFIXES.items()},
    "dcterms": str(DCTERMS),
    "owl": str(OWL),
    "prov": str(PROV),
    "qb": str(QB),
    "rdf": str(RDF),
    "rdfs": str(RDFS),
    "schema": str(SCHEMA),
    "skos": str(SKOS),
    "xsd": str(XSD),
}


def bind_prefixes(graph: Graph) -> Graph:
    """Bind the project's prefixes (replacing rdflib's defaults) and return the graph."""
    for prefix, uri in PREFIXES.items():
        graph.bind(prefix, uri, override=True, replace=True)
    return graph
