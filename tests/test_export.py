"""Exports parse back to a graph isomorphic to the built one, byte-for-byte repeatably."""

from __future__ import annotations

import json

import pytest
from rdflib import Graph
from rdflib.compare import isomorphic

from citysafe_kg.build import vocabulary_graph
from citysafe_kg.export import build_context, serialize

PARSE_AS = {"turtle": "turtle", "nt": "nt", "json-ld": "json-ld", "xml": "xml"}


@pytest.fixture(scope="module")
def context(loaded):
    return build_context(vocabulary_graph(loaded.project))


@pytest.mark.parametrize("fmt", list(PARSE_AS))
def test_export_round_trips_to_an_isomorphic_graph(graph, context, fmt):
    text = serialize(graph, fmt, context)
    back = Graph().parse(data=text, format=PARSE_AS[fmt])
    assert len(back) == len(graph)
    assert isomorphic(back, graph)


@pytest.mark.parametrize("fmt", ["turtle", "nt", "json-ld"])
def test_export_is_deterministic(graph, context, fmt):
    assert serialize(graph, fmt, context) == serialize(graph, fmt, context)


def test_json_ld_uses_the_published_context(graph, context, project):
    data = json.loads(serialize(graph, "json-ld", context))
    assert data["@context"]["cs"] == "https://w3id.org/citysafe/ontology#"
    assert data["@context"]["ofProgram"] == {"@id": "cs:ofProgram"}
    assert data["@context"]["figureNumber"] == {"@id": "cs:figureNumber", "@type": "xsd:integer"}
    published = json.loads(project.context_file.read_text(encoding="utf-8"))
    assert published == context, "ontology/context.jsonld is stale: run `python -m citysafe_kg.export` to regenerate it"
