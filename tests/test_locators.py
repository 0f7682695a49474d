"""Locators are IRIs derived from content when the graph is loaded or compiled (the data files keep
blank nodes), the same in rdflib and Oxigraph and in every build, so a statement's source can be cited."""

from __future__ import annotations

from rdflib import BNode, Graph, Literal, URIRef

from citysafe_kg.bnodes import LOCATOR, LOCATOR_PREDICATE, skolemise_locators
from citysafe_kg.graph import load, parse_file
from helpers import iri

PREDICATE = URIRef(LOCATOR_PREDICATE)
CS = "https://w3id.org/citysafe/ontology#"


def test_every_locator_of_the_loaded_graph_is_an_iri(graph):
    locators = set(graph.objects(None, PREDICATE))
    assert len(locators) > 1500
    assert all(isinstance(node, URIRef) and node.startswith(LOCATOR) for node in locators)


def test_the_data_files_keep_blank_nodes(project):
    part = parse_file(project.data_dir / "cases" / "belo-horizonte.ttl", project)
    assert all(isinstance(node, BNode) for node in part.objects(None, PREDICATE))


def test_oxigraph_compiles_the_same_locator_iris(graph):
    import pyoxigraph as ox

    from citysafe_kg.compiled import compiled_store

    store = compiled_store().store
    compiled = {q.object.value for q in store.quads_for_pattern(None, ox.NamedNode(LOCATOR_PREDICATE), None)}
    assert compiled == {str(node) for node in graph.objects(None, PREDICATE)}


def test_locator_iris_are_stable_across_loads(project, graph):
    again = load(project, cases=["belo-horizonte"]).graph
    node = iri("csd:fica-vivo-outcome-mean-homicides-69pct")
    assert set(again.objects(node, PREDICATE)) == set(graph.objects(node, PREDICATE))
    # ...and the locator still quotes the report's words about Fica Vivo's 69% fall.
    quotes = [str(q) for loc in graph.objects(node, PREDICATE) for q in graph.objects(loc, URIRef(CS + "quote"))]
    assert any("69%" in quote for quote in quotes), quotes


FIXTURE = """
@prefix cs: <https://w3id.org/citysafe/ontology#> .
@prefix ex: <https://example.org/> .
ex:a cs:locator [ cs:quote "homicides fell by 69%" ; cs:section ex:s ] .
ex:b cs:locator [ cs:quote "homicides fell by 69%" ; cs:section ex:s ] .
"""


def _locator(turtle: str, owner: str) -> URIRef:
    graph = skolemise_locators(Graph().parse(data=turtle, format="turtle"))
    return graph.value(URIRef(owner), PREDICATE)


def test_the_iri_follows_content_and_owner():
    a = _locator(FIXTURE, "https://example.org/a")
    assert a == _locator(FIXTURE, "https://example.org/a")  # another parse, other blank-node ids
    assert a != _locator(FIXTURE, "https://example.org/b")  # the same words for another statement
    changed = FIXTURE.replace('ex:a cs:locator [ cs:quote "homicides fell by 69%"', 'ex:a cs:locator [ cs:quote "homicides fell by 70%"')
    assert a != _locator(changed, "https://example.org/a")
    graph = skolemise_locators(Graph().parse(data=FIXTURE, format="turtle"))
    assert (a, URIRef(CS + "quote"), Literal("homicides fell by 69%")) in graph
    assert not any(isinstance(node, BNode) for triple in graph for node in triple)


def test_a_violation_on_a_locator_names_its_statement(loaded):
    node = next(iter(loaded.graph.objects(iri("csd:fica-vivo-outcome-mean-homicides-69pct"), PREDICATE)))
    assert loaded.owner(node) == iri("csd:fica-vivo-outcome-mean-homicides-69pct")
    assert (loaded.line_of(node) or "").startswith("data/cases/belo-horizonte.ttl:")


LABELLED = """
@prefix cs: <https://w3id.org/citysafe/ontology#> .
@prefix ex: <https://example.org/> .
ex:{owner} cs:locator _:loc .
_:loc cs:quote "homicides fell by 69%" ; cs:section ex:s .
_:loc cs:footnote 39 .
ex:{owner} ex:note _:shared .
_:shared ex:text "a blank node that is not a locator" .
"""


def test_the_bulk_load_in_slices_gives_the_store_a_transactional_load_gives(tmp_path, monkeypatch):
    """Two files that use the same blank-node labels: each file's labels are its own, its locators
    get the IRIs rdflib gives them, and loading in slices of 2 quads changes nothing."""
    import citysafe_kg.store as store_module
    from citysafe_kg.store import OxigraphStore

    files = []
    for owner in ("a", "b"):
        path = tmp_path / f"{owner}.ttl"
        path.write_text(LABELLED.replace("{owner}", owner), encoding="utf-8")
        files.append(path)
    small = OxigraphStore.from_files(files)
    monkeypatch.setattr(store_module, "BULK_BYTES", 0)
    monkeypatch.setattr(store_module, "BULK_SLICE", 2)
    sliced = OxigraphStore.from_files(files)
    expected = {f"https://example.org/{owner}": _locator(LABELLED.replace("{owner}", owner), f"https://example.org/{owner}")
                for owner in ("a", "b")}
    for loaded in (small, sliced):
        quads = list(loaded.store)
        assert len(quads) == 12  # nothing merged across the files
        locators = {q.subject.value: q.object.value for q in quads if q.predicate.value == LOCATOR_PREDICATE}
        assert locators == {owner: str(node) for owner, node in expected.items()}
        notes = {q.object.value for q in quads if q.predicate.value == "https://example.org/note"}
        assert len(notes) == 2  # the two files' _:shared stay two blank nodes


def test_a_blank_node_written_apart_is_loaded_whole(tmp_path, monkeypatch):
    """A locator's content far from its owner (beyond the window) makes the load start again with
    every blank node held to its file's end: the store is the same as with no window at all."""
    import citysafe_kg.bnodes as bnodes_module
    from citysafe_kg.store import OxigraphStore

    path = tmp_path / "apart.ttl"
    filler = "".join(f"_:f{i} ex:p {i} .\n" for i in range(20))  # blank nodes too: their quads drive the window
    path.write_text(LABELLED.replace("{owner}", "a").replace("_:loc cs:footnote 39 .\n", filler + "_:loc cs:footnote 39 .\n"),
                    encoding="utf-8")
    def named(store):  # the quads without a blank node (blank node ids differ from load to load), and a count
        quads = list(store)
        return len(quads), {str(q) for q in quads if "_:" not in str(q)}

    whole = named(OxigraphStore.from_files([path]).store)
    monkeypatch.setattr(bnodes_module, "WINDOW", 5)
    reopened = []
    original = bnodes_module.skolemised_quads

    def spy(quads, window=5):
        try:
            yield from original(quads, window)
        except bnodes_module.Reopened:
            reopened.append(window)
            raise

    monkeypatch.setattr(bnodes_module, "skolemised_quads", spy)
    windowed = named(OxigraphStore.from_files([path], tmp_path / "db").store)
    assert reopened == [5]  # the window passed _:loc on before its footnote came
    assert windowed == whole
    locator = _locator(LABELLED.replace("{owner}", "a"), "https://example.org/a")
    assert windowed[0] == 26
    assert any(str(locator) in quad and "footnote" in quad for quad in windowed[1])
