"""The whole graph: it conforms, every file is clean, every figure complete, one node per thing."""

from __future__ import annotations

from collections import defaultdict

import pytest
from rdflib import URIRef
from rdflib.namespace import RDF, RDFS

from citysafe_kg.namespaces import CS, QB
from citysafe_kg.resources import default_project

DATA_FILES = sorted(p for p in default_project().data_dir.rglob("*.ttl"))


def test_graph_conforms(report):
    assert report.conforms, "\n".join(f"{f.where}: {f.focus_label}: {f.message}" for f in report.violations[:20])


@pytest.mark.parametrize("path", DATA_FILES, ids=lambda p: p.name)
def test_data_file_has_no_violation(report, project, path):
    rel = project.relative(path)
    mine = [f for f in report.violations if f.where and f.where.split(":")[0] == rel]
    assert not mine, "\n".join(f"{f.where}: {f.focus_label}: {f.message}" for f in mine)


def figures(graph):
    return sorted(graph.subjects(RDF.type, CS.Figure), key=lambda f: int(graph.value(f, CS.figureNumber)))


@pytest.mark.parametrize("number", range(1, 14))
def test_figure_has_exactly_its_printed_cells(graph, number):
    figure = URIRef(f"https://w3id.org/citysafe/id/figure-{number}")
    expected = int(graph.value(figure, CS.expectedObservations))
    observed = len(set(graph.subjects(QB.dataSet, figure)))
    assert observed == expected, f"Figure {number}: {observed} observations, the report prints {expected} cells"


def test_thirteen_figures(graph):
    assert [int(graph.value(f, CS.figureNumber)) for f in figures(graph)] == list(range(1, 14))


def test_figure_8_is_recorded_without_values(graph):
    figure = URIRef("https://w3id.org/citysafe/id/figure-8")
    assert graph.value(figure, CS.dataAvailability) == URIRef("https://w3id.org/citysafe/concept/availability/not-available")
    assert not list(graph.subjects(QB.dataSet, figure))


def test_each_node_is_typed_in_one_file_only(loaded):
    """Places, actors and works are one node across cases: a node typed in two files is defined twice."""
    typed_in: dict[URIRef, set[str]] = defaultdict(set)
    for path in loaded.files:
        if path.suffix != ".ttl" or "data" not in path.parts:
            continue
        from rdflib import Graph

        for subject in Graph().parse(path).subjects(RDF.type, None):
            if isinstance(subject, URIRef):
                typed_in[subject].add(loaded.project.relative(path))
    twice = {loaded.graph.namespace_manager.normalizeUri(s): sorted(f) for s, f in typed_in.items() if len(f) > 1}
    assert not twice, f"defined in more than one file (move to data/shared/): {twice}"


@pytest.mark.parametrize("cls", [CS.Place, CS.Actor, CS.CitedWork], ids=lambda c: str(c).rsplit("#")[-1])
def test_no_two_nodes_share_an_english_name(graph, cls):
    query = f"""SELECT ?node ?label WHERE {{ ?node a/<http://www.w3.org/2000/01/rdf-schema#subClassOf>* <{cls}> ;
        <http://www.w3.org/2000/01/rdf-schema#label> ?label . FILTER(lang(?label) = "en") }}"""
    by_label: dict[str, set[str]] = defaultdict(set)
    for row in graph.query(query):
        by_label[str(row.label).casefold()].add(graph.namespace_manager.normalizeUri(row.node))
    dupes = {label: sorted(nodes) for label, nodes in by_label.items() if len(nodes) > 1}
    assert not dupes, f"the same name on several nodes (merge them): {dupes}"


def test_every_program_is_labelled_and_located(graph):
    for program in graph.subjects(RDF.type, CS.Program):
        name = graph.namespace_manager.normalizeUri(program)
        assert any(l.language == "en" for l in graph.objects(program, RDFS.label)), f"{name} has no English label"
        assert graph.value(program, CS.country) is not None, f"{name} has no country"
