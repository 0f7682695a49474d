"""The project's prefixes, as plain strings (no rdflib import: the fast query path uses them)."""

from __future__ import annotations

CSC = "https://w3id.org/citysafe/concept/"

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
    "ins": "instrument",
    "scp": "scope",
    "attr": "attribution",
    "vrd": "verdict",
    "pol": "polarity",
    "val": "valence",
    "apr": "appraisal-reason",
    "rat": "rating",
    "stage": "life-stage",
}

PREFIXES: dict[str, str] = {
    "cs": "https://w3id.org/citysafe/ontology#",
    "csc": CSC,
    "csd": "https://w3id.org/citysafe/id/",
    "csl": "https://w3id.org/citysafe/locator/",
    "csx": "https://w3id.org/citysafe/shapes#",
    **{p: f"{CSC}{path}/" for p, path in SCHEME_PREFIXES.items()},
    "dcat": "http://www.w3.org/ns/dcat#",
    "dcterms": "http://purl.org/dc/terms/",
    "geo": "http://www.w3.org/2003/01/geo/wgs84_pos#",
    "gn": "http://www.geonames.org/ontology#",
    "owl": "http://www.w3.org/2002/07/owl#",
    "prov": "http://www.w3.org/ns/prov#",
    "qb": "http://purl.org/linked-data/cube#",
    "rdf": "http://www.w3.org/1999/02/22-rdf-syntax-ns#",
    "rdfs": "http://www.w3.org/2000/01/rdf-schema#",
    "schema": "https://schema.org/",
    "skos": "http://www.w3.org/2004/02/skos/core#",
    "void": "http://rdfs.org/ns/void#",
    "xsd": "http://www.w3.org/2001/XMLSchema#",
}


