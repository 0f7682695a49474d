"""JSON-LD a web developer can read: framed programs (PyLD) with plain keys, language maps and
numbers; the published context; network exports that carry every node's IRI."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from rdflib import Graph, URIRef

from citysafe_kg.build import vocabulary_graph
from citysafe_kg.cli import cli
from citysafe_kg.compiled import compiled_store
from citysafe_kg.export import build_context
from citysafe_kg.frames import frame_program, web_context
from citysafe_kg.patterns import actors, influence, write_network
from citysafe_kg.queries import run
from helpers import derived_graph, iri

pytest.importorskip("pyld")


def keys(tree) -> set[str]:
    found: set[str] = set()
    if isinstance(tree, dict):
        for key, value in tree.items():
            found.add(key)
            found |= keys(value)
    elif isinstance(tree, list):
        for value in tree:
            found |= keys(value)
    return found


@pytest.fixture(scope="module")
def with_derived(graph) -> Graph:
    merged = Graph()
    merged += graph
    merged += derived_graph()
    return merged


@pytest.fixture(scope="module")
def fica_vivo(with_derived, project):
    context = web_context(vocabulary_graph(project), with_derived)
    return frame_program(with_derived, iri("csd:fica-vivo"), context)


def test_a_framed_program_has_plain_keys_and_no_value_objects(fica_vivo):
    assert fica_vivo["id"] == "csd:fica-vivo" and fica_vivo["type"] == "Program"
    assert not [k for k in keys(fica_vivo) if ":" in k or k.startswith("@")]


def test_labels_are_language_maps(fica_vivo):
    assert fica_vivo["label"] == {"en": "Fica Vivo (Stay Alive)", "pt": "Fica Vivo"}
    assert fica_vivo["country"]["label"] == {"en": "Brazil", "pt": "Brasil"}
    types = [c["componentType"] for c in fica_vivo["hasComponent"]]
    concept = next(t for t in types if isinstance(t, dict) and t["id"] == "it:monitoring-evaluation")
    assert concept["prefLabel"] == {"en": "Monitoring and evaluation", "es": "Monitoreo y evaluación",
                                    "pt": "Monitoramento e avaliação"}


def test_numbers_are_numbers(fica_vivo):
    # The report: homicides fell by 69% in Morro das Pedras (Fica Vivo's first site).
    findings = fica_vivo["findings"]
    sixty_nine = [f for f in findings if f.get("value") == 69]
    assert sixty_nine and all(isinstance(f["value"], (int, float)) for f in findings if "value" in f)
    assert isinstance(fica_vivo["startYear"], int) and fica_vivo["startYear"] == 2002
    city = next(p for p in fica_vivo["servesPlace"] if p["id"] == "csd:belo-horizonte")
    assert isinstance(city["lat"], float) and -20 < city["lat"] < -19.9
    assert city["sameAs"] == "https://sws.geonames.org/3470127/"


def test_what_points_at_the_program_is_in_its_tree(fica_vivo):
    assert {"findings", "statements", "evaluations", "ratings"} <= set(fica_vivo)
    assert all(f["ofProgram"] in ("csd:fica-vivo", {"id": "csd:fica-vivo"}) or
               (isinstance(f["ofProgram"], dict) and f["ofProgram"].get("id") == "csd:fica-vivo")
               for f in fica_vivo["findings"])
    quotes = [loc["quote"] for f in fica_vivo["findings"] for loc in
              (f["locator"] if isinstance(f["locator"], list) else [f["locator"]])]
    assert any("69%" in q for q in quotes)


def test_frame_needs_json_ld(runner):
    result = runner.invoke(cli, ["export", "-f", "turtle", "--frame", "program"])
    assert result.exit_code == 1
    assert "--frame program writes JSON-LD: use -f json-ld." in result.output


@pytest.mark.slow
def test_export_frame_program_writes_every_program(runner, tmp_path, graph):
    out = tmp_path / "programs.jsonld"
    result = runner.invoke(cli, ["export", "-f", "json-ld", "--frame", "program", "-o", str(out)])
    assert result.exit_code == 0, result.output
    data = json.loads(out.read_text(encoding="utf-8"))
    programs = {str(p) for p in graph.subjects(URIRef("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"),
                                                iri("cs:Program"))}
    assert len(data["@graph"]) == len(programs)
    assert {p["id"] for p in data["@graph"]} >= {"csd:fica-vivo", "csd:upp", "csd:plan-cuadrantes"}
    assert all(p["type"] == "Program" for p in data["@graph"])


def test_the_published_context_coerces_references_and_labels(project):
    context = build_context(vocabulary_graph(project))["@context"]
    assert context["ofProgram"] == {"@id": "cs:ofProgram", "@type": "@id"}
    assert context["label"] == {"@id": "rdfs:label", "@container": "@language"}
    assert context["inScheme"] == {"@id": "skos:inScheme", "@type": "@id"}  # (test_export checks the file is current)


@pytest.fixture(scope="module")
def runner_on_store(project):
    store = compiled_store(project)
    return lambda name, params=None: run(store, name, params or {})


@pytest.mark.parametrize("pattern", [influence, actors], ids=["influence", "actors"])
def test_network_exports_carry_every_nodes_iri(runner_on_store, tmp_path, pattern):
    network = pattern(runner_on_store).network
    graphml, node_link = tmp_path / "n.graphml", tmp_path / "n.json"
    write_network(network, graphml, node_link)
    back = nx.read_graphml(graphml)
    assert len(back) == len(network) > 5
    for node, data in back.nodes(data=True):
        assert data.get("iri", "").startswith("https://w3id.org/citysafe/id/"), f"{node} has no IRI"
    linked = json.loads(node_link.read_text(encoding="utf-8"))
    assert all(n["iri"].startswith("https://w3id.org/citysafe/id/") for n in linked["nodes"])
    if pattern is influence:
        assert back.nodes["Fica Vivo (Stay Alive)"]["iri"] == "https://w3id.org/citysafe/id/fica-vivo"


@pytest.mark.parametrize(("sources", "derived", "joined"), [
    (b'[{"@id": "urn:a"}]\n', b'[\n{"@id": "urn:b"}\n]\n', [{"@id": "urn:a"}, {"@id": "urn:b"}]),
    (b'[{"@id": "urn:a"}]', b"[]", [{"@id": "urn:a"}]),       # nothing derived: the sources as they are
    (b"[ ]\n", b'[{"@id": "urn:b"}]', [{"@id": "urn:b"}]),    # no sources: no stray comma
])
def test_the_two_json_ld_arrays_are_joined_on_disk(tmp_path, sources, derived, joined):
    """graph.jsonld is the sources' array and the derived statements' array as one, joined file to file
    (held in memory they took ~5 GB at 100,000 programs)."""
    from citysafe_kg.derive import _join_json_arrays

    with open(tmp_path / "out", "w+b") as out, open(tmp_path / "second", "w+b") as second:
        out.write(sources)
        second.write(derived)
        _join_json_arrays(out, second)
    assert json.loads((tmp_path / "out").read_bytes()) == joined


def test_a_json_ld_document_that_is_not_an_array_is_not_joined_in_silence(tmp_path):
    from citysafe_kg.derive import _join_json_arrays

    with open(tmp_path / "out", "w+b") as out, open(tmp_path / "second", "w+b") as second:
        out.write(b'{"@graph": []}')
        second.write(b'[{"@id": "urn:b"}]')
        with pytest.raises(ValueError, match="sources' JSON-LD is not an array"):
            _join_json_arrays(out, second)
