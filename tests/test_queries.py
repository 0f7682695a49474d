"""Every query file has a header, parses as SPARQL 1.1, and binds parameters as RDF terms."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.plugins.sparql import prepareQuery

from citysafe_kg.errors import ParameterError, UnknownNameError
from citysafe_kg.queries import Param, bind, get_query, list_queries, to_term
from citysafe_kg.resources import default_project

QUERIES = list_queries(default_project())


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.name)
def test_query_has_a_header(query):
    assert query.summary, f"{query.name}.rq has no '#+ summary:' line"
    assert query.description, f"{query.name}.rq has no '#+ description:' line"
    assert query.tags, f"{query.name}.rq has no '#+ tags:' line"


@pytest.mark.parametrize("query", QUERIES, ids=lambda q: q.name)
def test_query_parses_and_declares_its_prefixes(query):
    prepareQuery(query.text)  # raises on a syntax error or an undeclared prefix


@pytest.mark.parametrize("query", [q for q in QUERIES if q.params], ids=lambda q: q.name)
def test_every_parameter_is_a_variable_of_the_query(query):
    for param in query.params:
        assert f"?{param.name}" in query.text, f"{query.name}: parameter {param.name} is not used as ?{param.name}"


def test_violation_queries_return_focus_and_message(project):
    for query in QUERIES:
        if query.is_violation_check:
            variables = {str(v) for v in prepareQuery(query.text).algebra["PV"]}
            assert {"focus", "message"} <= variables, query.name


def test_unknown_query_suggests_the_nearest_name():
    with pytest.raises(UnknownNameError) as info:
        get_query("polise-social")
    assert info.value.message == 'Unknown query "polise-social". Did you mean "police-social"? See: citysafe query --list'


def test_unknown_parameter_names_the_known_ones():
    with pytest.raises(ParameterError) as info:
        bind(get_query("police-social"), {"contry": "brazil"})
    assert 'has no parameter "contry"' in info.value.message
    assert 'Did you mean "country"?' in info.value.message


def test_a_slug_parameter_becomes_an_id_iri():
    param = Param("country", "iri", None, "")
    assert to_term(param, "brazil") == URIRef("https://w3id.org/citysafe/id/brazil")
    assert to_term(param, "csd:brazil") == URIRef("https://w3id.org/citysafe/id/brazil")
    assert to_term(param, "<https://example.org/x>") == URIRef("https://example.org/x")


def test_a_hostile_iri_parameter_is_refused():
    param = Param("country", "iri", None, "")
    with pytest.raises(ParameterError):
        to_term(param, 'brazil> } UNION { ?s ?p ?o } #')


def test_a_string_parameter_with_quotes_and_braces_cannot_inject(tmp_path):
    """The value is bound as one literal: the query matches it verbatim and nothing else."""
    from pathlib import Path

    from rdflib import RDFS

    from citysafe_kg.queries import NamedQuery

    hostile = 'x" } UNION { ?s ?p ?o } #\'{}'
    text = "SELECT ?s WHERE { ?s <http://www.w3.org/2000/01/rdf-schema#label> ?label }"
    query = NamedQuery("t", Path("t.rq"), text, "s", "d", ("t",), (Param("label", "string", None, ""),))
    graph = Graph()
    graph.add((URIRef("urn:a"), RDFS.label, Literal(hostile)))
    graph.add((URIRef("urn:b"), RDFS.label, Literal("x")))
    bound = bind(query, {"label": hostile})
    assert bound == text.replace("WHERE {", 'WHERE {\n  VALUES (?label) { ("x\\" } UNION { ?s ?p ?o } #\'{}") }', 1)
    from citysafe_kg.store import RdflibStore

    assert RdflibStore(graph).select(bound).rows == [["urn:a"]]


def test_parameters_are_bound_in_a_values_block_at_the_top_of_the_where_group():
    bound = bind(get_query("police-social"), {"country": "brazil"})
    assert "WHERE {\n  VALUES (?country) { (<https://w3id.org/citysafe/id/brazil>) }\n" in bound


def test_oxigraph_gets_the_parameters_as_substitutions_and_as_a_values_block(monkeypatch):
    """Oxigraph plans a query before it substitutes (a join ordered as if the parameter were free),
    and does not push a VALUES block into a * path: the store gives both (bench/RESULTS.md)."""
    import pyoxigraph as ox

    from citysafe_kg.store import OxigraphStore

    store = ox.Store()
    store.add(ox.Quad(ox.NamedNode("urn:a"), ox.NamedNode("urn:p"), ox.Literal("x")))
    seen = []
    real = ox.Store.query
    monkeypatch.setattr(ox.Store, "query", lambda self, text, **kw: seen.append((text, kw)) or real(self, text, **kw))
    text = "# WHERE { in a comment\nSELECT ?s ?o WHERE { ?s <urn:p> ?o }"
    table = OxigraphStore(store)._select(text, {"s": URIRef("urn:a")})
    assert table.rows == [["urn:a", "x"]]
    (sent, options), = seen
    assert sent == text.replace("WHERE { ?s", "WHERE {\n  VALUES (?s) { (<urn:a>) } ?s")
    assert options["substitutions"] == {ox.Variable("s"): ox.NamedNode("urn:a")}


def test_an_integer_parameter_rejects_text():
    with pytest.raises(ParameterError):
        to_term(Param("year", "integer", None, ""), "2010; DROP")


@pytest.mark.parametrize("query", [q for q in QUERIES if q.params and "construct" not in q.tags], ids=lambda q: q.name)
def test_every_parameter_is_projected_for_native_prebinding(query):
    """Oxigraph pre-binds (substitutes) only variables of the SELECT projection."""
    projection = {str(v) for v in prepareQuery(query.text).algebra["PV"]}
    assert {p.name for p in query.params} <= projection, f"{query.name}: project every parameter in SELECT"


class _Answering:
    """An endpoint stand-in: answers every query with one row, as the server named."""

    prebinds = False
    url = "http://127.0.0.1:1/sparql"

    def __init__(self, server):
        self.server = server

    def select(self, text):
        from citysafe_kg.table import Table

        return Table(["program"], [["csd:upp"]])


def test_rows_from_a_server_with_a_recorded_defect_are_refused():
    from citysafe_kg.errors import RuntimeFailure
    from citysafe_kg.queries import run

    with pytest.raises(RuntimeFailure) as refused:
        run(_Answering("Virtuoso/07.20.3229 (Linux) x86_64-pc-linux-gnu"), "police-social")
    assert refused.value.message.startswith("http://127.0.0.1:1/sparql (Virtuoso/07.20.3229) is known to answer "
                                            "police-social wrongly (rows lost: ")
    # another server, or another version, is trusted
    assert run(_Answering("Virtuoso/08.03.3330 (Linux)"), "police-social").rows == [["csd:upp"]]
    assert run(_Answering(None), "police-social").rows == [["csd:upp"]]


class _Failing(_Answering):
    def __init__(self, server, message):
        super().__init__(server)
        self.message = message

    def select(self, text):
        from citysafe_kg.errors import RuntimeFailure

        raise RuntimeFailure(self.message)


def test_a_recorded_failure_is_named_and_any_other_passes_as_the_server_said():
    from citysafe_kg.errors import RuntimeFailure
    from citysafe_kg.queries import run

    virtuoso = "Virtuoso/07.20.3229 (Linux)"
    too_long = "http://127.0.0.1:1/sparql answered HTTP 500: Virtuoso 22026 Error SR478: Value of ANY type column too long"
    with pytest.raises(RuntimeFailure) as named:
        run(_Failing(virtuoso, too_long), "gap-map")  # recorded as met at 10,000 programs
    assert named.value.message == (
        "http://127.0.0.1:1/sparql (Virtuoso/07.20.3229) fails on gap-map, a known defect (SR478: a cell's "
        "GROUP_CONCAT of thousands of program names is longer than it keeps (10,000 programs)); "
        "run it in-process (without --endpoint).")
    other = "http://127.0.0.1:1/sparql answered HTTP 500: Virtuoso 42000 Error SR325: out of memory"
    with pytest.raises(RuntimeFailure) as unrecorded:
        run(_Failing(virtuoso, other), "gap-map")
    assert unrecorded.value.message == other


def test_a_bad_defect_line_names_the_file_and_the_form(tmp_path):
    from citysafe_kg.errors import UserError
    from citysafe_kg.queries import parse_header

    path = tmp_path / "q.rq"
    path.write_text("#+ summary: s\n#+ defect: Virtuoso/07.20 error missing the code\nSELECT * WHERE { ?s ?p ?o }\n")
    with pytest.raises(UserError) as bad:
        parse_header(path)
    assert bad.value.message == (f"{path}: bad '#+ defect:' line 'Virtuoso/07.20 error missing the code': write "
                                 "'#+ defect: SERVER rows REASON' or '#+ defect: SERVER error CODE: REASON'.")


def test_a_slug_is_looked_up_directly_and_a_name_through_the_list(monkeypatch):
    """`report program synth-p1` took 17.8 s at 100,000 programs listing every program's names; a slug
    typed as such is now one lookup (node-by-slug). Names, and slugs of another class, still go through
    the list, so they resolve as before."""
    from citysafe_kg import queries
    from citysafe_kg.compiled import compiled_store

    store = compiled_store()
    asked = []
    real_run = queries.run

    def spy(source, name, params=None, project=None):
        asked.append(name)
        return real_run(source, name, params, project)

    monkeypatch.setattr(queries, "run", spy)
    program = next(p for p in get_query("program-profile").params if p.name == "program")
    assert queries.resolve_name(store, "fica-vivo", program) == "csd:fica-vivo"
    assert asked == ["node-by-slug"]
    asked.clear()
    assert queries.resolve_name(store, "Fica Vivo", program) == "csd:fica-vivo"
    assert asked == ["node-names"]
    asked.clear()
    with pytest.raises(UnknownNameError, match='"colombia" names more than one program'):  # csd:colombia is a country
        queries.resolve_name(store, "colombia", program)
    assert asked == ["node-by-slug", "node-names"]
    place = next(p for p in get_query("place-statistics").params if p.name == "place")
    assert queries.resolve_name(store, "colombia", place) == "csd:colombia"  # a country is a place
