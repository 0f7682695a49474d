"""Serialisations of the graph: Turtle, JSON-LD, N-Triples (and RDF/XML, TriG-free N-Quads).

Output is deterministic: blank nodes are relabelled by content and triples are
emitted in sorted order, so the same graph always gives the same bytes.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, XSD

from .errors import UnknownNameError
from .io import atomic_write_text
from .namespaces import CS, PREFIXES, bind_prefixes
from .queries import suggest

FORMATS: dict[str, str] = {
    "turtle": "ttl",
    "json-ld": "jsonld",
    "nt": "nt",
    "xml": "rdf",
}
ALIASES = {"ttl": "turtle", "jsonld": "json-ld", "ntriples": "nt", "n-triples": "nt", "rdfxml": "xml", "rdf": "xml"}


def normalise_format(name: str) -> str:
    fmt = ALIASES.get(name.lower(), name.lower())
    if fmt not in FORMATS:
        raise UnknownNameError(
            f'Unknown format "{name}".{suggest(name, list(FORMATS))} Formats: {", ".join(FORMATS)}.'
        )
    return fmt


def canonical(graph: Graph) -> Graph:
    """A copy with content-derived blank-node labels, triples inserted in sorted order."""
    from .bnodes import relabel

    return bind_prefixes(relabel(graph))


def build_context(vocabulary: Graph) -> dict[str, Any]:
    """The JSON-LD @context: the prefixes, a term per cs: property, integers typed.

    Object properties are coerced with "@type": "@id", so a reference reads as a
    plain "csd:..." string. (rdflib's JSON-LD serialiser drops blank nodes reached
    through such a property; locators, the blank nodes they used to reach, are IRIs
    since the graph is loaded (bnodes.skolemise_locators), and the round-trip test
    checks that nothing is lost.)
    """
    context: dict[str, Any] = dict(sorted(PREFIXES.items()))
    for prop in sorted(vocabulary.subjects(RDF.type, OWL.ObjectProperty)):
        if isinstance(prop, URIRef) and str(prop).startswith(str(CS)):
            context[str(prop)[len(str(CS)):]] = {"@id": f"cs:{str(prop)[len(str(CS)):]}", "@type": "@id"}
    for prop in sorted(vocabulary.subjects(RDF.type, OWL.DatatypeProperty)):
        if isinstance(prop, URIRef) and str(prop).startswith(str(CS)):
            name = str(prop)[len(str(CS)):]
            entry: dict[str, str] = {"@id": f"cs:{name}"}
            if vocabulary.value(prop, URIRef("http://www.w3.org/2000/01/rdf-schema#range")) == XSD.integer:
                entry["@type"] = "xsd:integer"
            context[name] = entry
    # Labels and texts as language maps ({"en": ..., "es": ...}); a plain string stays under its CURIE.
    for name, curie in LANGUAGE_MAPS.items():
        context[name] = {"@id": curie, "@container": "@language"}
    for name, curie in REFERENCES.items():  # external properties whose values are always IRIs
        context[name] = {"@id": curie, "@type": "@id"}
    return {"@context": context}


REFERENCES = {
    "sameAs": "owl:sameAs",
    "inScheme": "skos:inScheme",
    "broader": "skos:broader",
    "topConceptOf": "skos:topConceptOf",
    "hasTopConcept": "skos:hasTopConcept",
}


LANGUAGE_MAPS = {
    "label": "rdfs:label",
    "prefLabel": "skos:prefLabel",
    "altLabel": "skos:altLabel",
    "definition": "skos:definition",
    "editorialNote": "skos:editorialNote",
    "description": "dcterms:description",
    "title": "dcterms:title",
}


def serialize(graph: Graph, fmt: str, context: dict[str, Any] | None = None) -> str:
    fmt = normalise_format(fmt)
    canon = canonical(graph)
    if fmt == "nt":
        lines = canon.serialize(format="nt").splitlines()
        return "\n".join(sorted(line for line in lines if line.strip())) + "\n"
    if fmt == "json-ld":
        ctx = (context or {}).get("@context", dict(PREFIXES))
        data = json.loads(canon.serialize(format="json-ld", context=ctx, auto_compact=True))
        if isinstance(data, dict) and isinstance(data.get("@graph"), list):
            data["@graph"].sort(key=lambda node: str(node.get("@id", "")))
        return json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n"
    return canon.serialize(format=fmt)


def write(graph: Graph, fmt: str, path: Path, context: dict[str, Any] | None = None) -> Path:
    atomic_write_text(path, serialize(graph, fmt, context))
    return path


def write_context_file() -> None:
    """Regenerate ontology/context.jsonld from the vocabulary."""
    from .resources import default_project

    project = default_project()
    vocab = Graph().parse(project.ontology_dir / "citysafe.ttl", format="turtle")
    atomic_write_text(project.context_file, json.dumps(build_context(vocab), indent=2) + "\n")


if __name__ == "__main__":
    write_context_file()
