"""networkx patterns on the seed graph, by value; and their exports read back."""

from __future__ import annotations

import json

import networkx as nx
import pytest
from networkx.readwrite import json_graph

from citysafe_kg.compiled import compiled_store
from citysafe_kg.patterns import actors, cooccurrence, influence, similarity, write_network
from citysafe_kg.queries import run


@pytest.fixture(scope="module")
def runner(project):
    store = compiled_store(project)
    return lambda name, params: run(store, name, params)


def row(table, **match):
    found = [r for r in table.records() if all(r[k] == v for k, v in match.items())]
    assert len(found) == 1, f"{match}: {len(found)} rows"
    return found[0]


def test_police_and_social_co_occur_in_four_cases_of_their_own_components(runner):
    """The UPP's social components belong to UPP Social, which the LAV study did not cover: not counted."""
    table = cooccurrence(runner, "group").table
    pair = row(table, type_a="Police and enforcement", type_b="Social prevention")
    assert pair["program_names"] == ("Barrio Seguro | Fica Vivo (Stay Alive) | "
                                     "Peace and Citizen Coexistence Project in the Sula Valley | Todos Somos Juárez (We Are All Juárez)")
    # Fica Vivo is rated promising on homicide; Barrio Seguro (level 2 after appraisal) and Todos Somos Juárez
    # (not attributable) only observed a decrease; the Sula Valley saw homicide rise.
    assert (pair["programs"], pair["rated_homicide_benefit"], pair["observed_decrease_only"], pair["neither"]) == (4, 1, 2, 1)


def test_situational_plus_police_rests_on_one_program_with_an_unattributed_decrease(runner):
    """Once home-repair aid is social support and UPP Social's lighting is not the UPP's, only
    Todos Somos Juárez combines the two, and its homicide fall is not attributable to it."""
    table = cooccurrence(runner, "group").table
    pair = row(table, type_a="Police and enforcement", type_b="Situational and urban prevention")
    assert (pair["programs"], pair["rated_homicide_benefit"], pair["observed_decrease_only"], pair["program_names"]) == (
        1, 0, 1, "Todos Somos Juárez (We Are All Juárez)")


def test_type_level_co_occurrence_weights_are_program_counts(runner):
    pattern = cooccurrence(runner, "type")
    pair = row(pattern.table, type_a="Community or proximity policing", type_b="Community participation forums")
    # Barrio Seguro, Fica Vivo and the Sula Valley: the UPP no longer counts UPP Social's diagnostics, and Plan
    # Cuadrantes' work with communities names no participation forum (review/appraisal/colombia.md)
    assert pair["programs"] == 3
    assert pattern.network["Community or proximity policing"]["Community participation forums"]["weight"] == 3


def test_nearest_program_to_fica_vivo_is_the_sula_valley_project(runner):
    table = similarity(runner, "fica-vivo", top=3).table
    first = table.records()[0]
    assert (first["program"], first["similarity"], first["shared_features"]) == (
        "Peace and Citizen Coexistence Project in the Sula Valley", 0.5, 10)


def test_an_unknown_program_suggests_a_name(runner):
    from citysafe_kg.errors import UnknownNameError

    with pytest.raises(UnknownNameError) as info:
        similarity(runner, "fica-viva")
    assert 'Did you mean "fica-vivo"?' in info.value.message


def test_the_idb_is_the_actor_in_most_programs(runner):
    table = actors(runner).table
    first = table.records()[0]
    assert (first["actor"], first["actor_type"], first["programs"]) == ("Inter-American Development Bank", "Multilateral funder", 3)
    assert row(table, actor="Universidad de Chile")["programs"] == 2


def test_colombias_democratic_security_plan_has_most_descendants(runner):
    table = influence(runner).table
    first = table.records()[0]
    assert (first["model"], first["descendants"]) == ("Democratic Security Plan (Colombia, Uribe administration)", 3)
    ceasefire = row(table, model="Ceasefire (Boston)")
    assert ceasefire["chains"] == "Pacification Police Units (UPP) -> Fica Vivo (Stay Alive) -> Ceasefire (Boston)"


def test_networks_export_as_graphml_and_node_link_json(runner, tmp_path):
    network = actors(runner).network
    graphml, node_link = tmp_path / "actors.graphml", tmp_path / "actors.json"
    assert write_network(network, graphml, node_link) == [graphml, node_link]
    back = nx.read_graphml(graphml)
    assert sorted(back.nodes) == sorted(network.nodes)
    assert back.number_of_edges() == network.number_of_edges()
    assert back.nodes["Inter-American Development Bank"]["actor_type"] == "Multilateral funder"
    data = json.loads(node_link.read_text(encoding="utf-8"))
    again = json_graph.node_link_graph(data, edges="links")
    assert sorted(again.nodes) == sorted(network.nodes)


def test_influence_network_is_directed_from_program_to_model(runner, tmp_path):
    network = influence(runner).network
    assert network.is_directed()
    assert network.has_edge("Fica Vivo (Stay Alive)", "Ceasefire (Boston)")
    write_network(network, tmp_path / "influence.graphml")
    assert nx.read_graphml(tmp_path / "influence.graphml").has_edge("Pacification Police Units (UPP)", "Fica Vivo (Stay Alive)")
