"""Framed JSON-LD for web developers: one tree per program (PyLD's framing), with plain keys,
labels as language maps ({"en": ..., "es": ..., "pt": ...}) and numbers as JSON numbers.

A program's tree holds what belongs to it (components, sites, phases, target groups,
participations, influences, budget lines, their locators), what points at it (outputs and
outcomes, statements, evaluations, ratings), and, for what it shares with other programs
(places, actors, concepts, sections, other programs), the type, labels, identifiers and
coordinates only. It is a reading view: a typed value other than a number or a boolean
(a year, a date) becomes its plain string, and decimals become JSON numbers. The lossless
serialisation is `citysafe export -f json-ld` (dist/graph.jsonld).
"""

from __future__ import annotations

import json
from decimal import Decimal
from typing import Any

from rdflib import Graph, URIRef
from rdflib.namespace import OWL, RDF, RDFS, SKOS, XSD

from .bnodes import is_locator
from .namespaces import CS, PREFIXES

GEO = "http://www.w3.org/2003/01/geo/wgs84_pos#"
GN = "http://www.geonames.org/ontology#"

# What points at a program and belongs in its tree, under these keys.
REVERSE = {
    "findings": "ofProgram",
    "statements": "about",
    "evaluations": "evaluates",
    "ratings": "ratedProgram",
}
# Nodes a program shares with others: described by their summary only, never followed further.
SHARED_TYPES = {CS[name] for name in ("Program", "Place", "Actor", "Report", "ReportSection", "Figure", "CitedWork")}
SUMMARY = {RDF.type, RDFS.label, SKOS.prefLabel, SKOS.notation, OWL.sameAs,
           URIRef(GEO + "lat"), URIRef(GEO + "long"), URIRef(GN + "countryCode")}
NUMBERS = {str(XSD.integer), str(XSD.decimal), str(XSD.double), str(XSD.float), str(XSD.nonNegativeInteger),
           str(XSD.positiveInteger), str(XSD.int), str(XSD.long)}


def web_context(vocabulary: Graph, graph: Graph | None = None) -> dict[str, Any]:
    """Plain keys: cs: terms by their local names (@vocab), references as compact IRI strings,
    labels and texts as language maps, what points at a program as reverse properties; with
    ``graph``, a plain key also for each other vocabulary's property it uses (its local name)."""
    from .export import LANGUAGE_MAPS, REFERENCES

    context: dict[str, Any] = {"@vocab": str(CS), "id": "@id", "type": "@type"}
    context.update({prefix: iri for prefix, iri in sorted(PREFIXES.items()) if prefix != "cs"})
    for prop in sorted(vocabulary.subjects(RDF.type, OWL.ObjectProperty)):
        if isinstance(prop, URIRef) and prop.startswith(str(CS)):
            context[prop[len(str(CS)):]] = {"@type": "@id"}
    for name, curie in LANGUAGE_MAPS.items():
        context[name] = {"@id": curie, "@container": "@language"}
    for name, curie in REFERENCES.items():
        context[name] = {"@id": curie, "@type": "@id"}
    context.update({"lat": {"@id": "geo:lat"}, "long": {"@id": "geo:long"},
                    "countryCode": {"@id": "gn:countryCode"}, "notation": {"@id": "skos:notation"}})
    for key, prop in REVERSE.items():
        context[key] = {"@reverse": str(CS[prop]), "@container": "@set"}
    taken = {str(v["@id"]) if isinstance(v, dict) and "@id" in v else None for v in context.values()}
    for prop in sorted(set(graph.predicates()) if graph is not None else ()):
        if prop.startswith(str(CS)) or prop == RDF.type:
            continue
        name = prop.rsplit("#", 1)[-1].rsplit("/", 1)[-1]
        curie = next((f"{k}:{prop[len(v):]}" for k, v in PREFIXES.items() if prop.startswith(v)), str(prop))
        if name in context or curie in taken or str(prop) in taken or not name.isidentifier():
            continue
        references = all(isinstance(o, URIRef) for o in graph.objects(None, prop))
        context[name] = {"@id": curie, **({"@type": "@id"} if references else {})}
    return context


def _shared(graph: Graph, node: URIRef) -> bool:
    types = set(graph.objects(node, RDF.type))
    if types & {SKOS.Concept, SKOS.ConceptScheme, OWL.Class}:
        return True
    closure = set(types)
    for kind in types:
        closure |= set(graph.transitive_objects(kind, RDFS.subClassOf))
    return bool(closure & SHARED_TYPES)


def program_graph(graph: Graph, program: URIRef) -> Graph:
    """The triples of one program's tree (see the module's docstring)."""
    owned: set[URIRef] = {program}
    todo = [program]
    todo += [s for prop in REVERSE.values() for s in graph.subjects(CS[prop], program) if isinstance(s, URIRef)]
    owned.update(todo)
    shared: set[URIRef] = set()
    out = Graph()
    while todo:
        node = todo.pop()
        for p, o in graph.predicate_objects(node):
            out.add((node, p, o))
            if not isinstance(o, URIRef) or p == RDF.type or o in owned:
                continue
            if is_locator(o) or (not _shared(graph, o) and (o, None, None) in graph):
                owned.add(o)
                todo.append(o)
            else:
                shared.add(o)
    for node in shared - owned:
        for p, o in graph.predicate_objects(node):
            if p in SUMMARY:
                out.add((node, p, o))
    return out


def _plain(value: Any) -> Any:
    """Typed values as JSON numbers, booleans or plain strings."""
    if isinstance(value, list):
        return [_plain(v) for v in value]
    if not isinstance(value, dict):
        return value
    kind = "type" if "type" in value else "@type"  # "type" is the context's alias of @type
    if "@value" in value and kind in value and len(value) == 2:
        datatype, raw = value[kind], value["@value"]
        full = PREFIXES.get(datatype.partition(":")[0], "") + datatype.partition(":")[2] if ":" in datatype else datatype
        if full in NUMBERS and isinstance(raw, str):
            number = Decimal(raw)
            return int(number) if number == number.to_integral_value() and full != str(XSD.decimal) else float(number)
        return raw
    return {k: _plain(v) for k, v in value.items()}


def frame_program(graph: Graph, program: URIRef, context: dict[str, Any]) -> dict[str, Any]:
    """One program's framed tree."""
    from pyld import jsonld

    nquads = program_graph(graph, program).serialize(format="nt")
    expanded = jsonld.from_rdf(nquads, {"format": "application/n-quads", "useNativeTypes": True})
    frame = {"@context": context, "@id": str(program), "@embed": "@always",
             **{key: {} for key in REVERSE}}
    framed = jsonld.frame(expanded, frame, {"omitGraph": True})
    framed.pop("@context", None)
    return _plain(framed)


def program_frames(graph: Graph, vocabulary: Graph) -> dict[str, Any]:
    """Every program's framed tree, in one JSON-LD document ordered by IRI."""
    context = web_context(vocabulary, graph)
    programs = sorted(p for p in graph.subjects(RDF.type, CS.Program) if isinstance(p, URIRef))
    return {"@context": context, "@graph": [frame_program(graph, p, context) for p in programs]}


def dumps(document: dict[str, Any]) -> str:
    return json.dumps(document, ensure_ascii=False, indent=2, sort_keys=True) + "\n"


__all__ = ["frame_program", "program_frames", "program_graph", "web_context"]
