"""The W3C Data Cube integrity constraints (vocab-data-cube §11.1, after the §10 normalisation)
hold on the built graph; each fails on a fixture that breaks it (tests/datacube/); the cube's
derived components say what the report says and nothing more (queries/rules/05-datacube.rq)."""

from __future__ import annotations

import re
from decimal import Decimal
from pathlib import Path

import pytest

from citysafe_kg.datacube import IntegrityResult, check_build, check_files, constraint_files

FIXTURES = Path(__file__).parent / "datacube"
VALID = FIXTURES / "valid.ttl"
BREAKERS = sorted(FIXTURES.glob("ic-*.ttl"))
SPEC_CONSTRAINTS = [f"IC-{n}" for n in range(1, 20)] + ["IC-19b", "IC-20", "IC-21"]

CS = "https://w3id.org/citysafe/ontology#"
CSD = "https://w3id.org/citysafe/id/"
CSC = "https://w3id.org/citysafe/concept/"
QB = "http://purl.org/linked-data/cube#"
SKOS = "http://www.w3.org/2004/02/skos/core#"
RDF_TYPE = "http://www.w3.org/1999/02/22-rdf-syntax-ns#type"


@pytest.fixture(scope="module")
def built() -> dict[str, IntegrityResult]:
    return {r.name: r for r in check_build()}


@pytest.fixture(scope="module")
def store(project):
    from citysafe_kg.compiled import compiled_store

    return compiled_store(project).store


def objects(store, subject: str, predicate: str) -> list:
    import pyoxigraph as ox

    return [q.object for q in store.quads_for_pattern(ox.NamedNode(subject), ox.NamedNode(predicate), None)]


def one(store, subject: str, predicate: str):
    found = objects(store, subject, predicate)
    assert len(found) == 1, f"{subject} has {len(found)} values of {predicate}"
    return found[0]


def test_the_queries_are_the_spec_s_21_constraints(project):
    names = [f"IC-{p.stem.removeprefix('ic-').lstrip('0')}" for p in constraint_files(project)]
    assert names == SPEC_CONSTRAINTS


@pytest.mark.parametrize("name", SPEC_CONSTRAINTS)
def test_constraint_holds_on_the_built_graph(built, name):
    assert built[name].holds, f"{name} fails on the built graph: {built[name].summary}"


def test_the_valid_fixture_holds_every_constraint():
    assert [r.name for r in check_files([VALID]) if not r.holds] == []


def test_every_constraint_has_a_fixture_that_breaks_it():
    broken = set()
    for path in BREAKERS:
        broken |= set(declared(path))
    assert broken == set(SPEC_CONSTRAINTS)


def declared(path: Path) -> list[str]:
    match = re.search(r"^# breaks: (.+)$", path.read_text(encoding="utf-8"), re.M)
    assert match, f"{path.name} does not say which constraint it breaks (# breaks: IC-N)"
    return [name.strip() for name in match.group(1).split(",")]


@pytest.mark.parametrize("path", BREAKERS, ids=[p.stem for p in BREAKERS])
def test_fixture_breaks_exactly_the_constraint_it_names(path):
    failing = [r.name for r in check_files([VALID, path]) if not r.holds]
    assert failing == declared(path), f"{path.name}: expected {declared(path)} to fail, got {failing}"


# --- what the cube says about the report's figures ---------------------------------------------

def test_every_figure_and_the_text_statistics_are_typed_datasets_in_the_sources(graph):
    from rdflib import URIRef
    from rdflib.namespace import RDF

    figures = set(graph.subjects(RDF.type, URIRef(CS + "Figure")))
    datasets = set(graph.subjects(RDF.type, URIRef(QB + "DataSet")))
    assert len(figures) == 13
    assert figures <= datasets, f"figures not typed qb:DataSet: {sorted(figures - datasets)}"
    assert URIRef(CSD + "text-statistics") in datasets
    assert len(datasets) == 14


@pytest.mark.parametrize("observation, code, english", [
    ("figure-6-cucuta-pos-1", "unknown-position-1", "unknown position 1"),  # Figure 6 prints no years
    ("figure-1-total-femicides", "2009-2013", "2009–2013"),  # the 'Total (2009-2013)' row
    ("figure-12-2008-homicide-rate", "2008", "2008"),
    ("stat-colombia-homicide-rate-2015", "2015", "2015"),
])
def test_period_codes_say_what_the_report_says(store, observation, code, english):
    period = one(store, CSD + observation, CS + "period")
    assert period.value == f"{CSC}period/{code}"
    labels = {lit.language: lit.value for lit in objects(store, period.value, SKOS + "prefLabel")}
    assert labels["en"] == english and set(labels) == {"en", "es", "pt"}
    assert CSC + "periods" in [o.value for o in objects(store, period.value, SKOS + "inScheme")]


def test_figure_3_periods_are_the_figure_s_own_words_not_years(store):
    codes = {q.value for q in _all_periods(store, "figure-3")}
    assert codes == {f"{CSC}period/stated-pre-upp", f"{CSC}period/stated-post-upp"}, codes


def _all_periods(store, dataset: str):
    import pyoxigraph as ox

    found = set()
    for quad in store.quads_for_pattern(None, ox.NamedNode(QB + "dataSet"), ox.NamedNode(CSD + dataset)):
        found |= set(objects(store, quad.subject.value, CS + "period"))
    return found


def test_no_observation_without_a_year_gets_a_year_code(store):
    import pyoxigraph as ox

    for quad in store.quads_for_pattern(None, ox.NamedNode(RDF_TYPE), ox.NamedNode(QB + "Observation")):
        obs = quad.subject.value
        code = one(store, obs, CS + "period").value.rsplit("/", 1)[1]
        years = objects(store, obs, CS + "refPeriod")
        if re.fullmatch(r"\d{4}", code):
            assert [y.value for y in years] == [code], f"{obs} is coded year {code} without cs:refPeriod {code}"
        else:
            assert not years, f"{obs} has cs:refPeriod {years} but period code {code}"


@pytest.mark.parametrize("observation, printed, status", [
    ("stat-san-pedro-sula-lethal-violence-recent", "nearly halved", "stated-in-words"),
    ("stat-dominican-republic-homicide-rate-change-decade", "doubled", "stated-in-words"),
    ("figure-11-gang-behavior-cancelled", "No effect", "stated-in-words"),
    ("figure-4-valparaiso-2014-homicides", "N/a", "not-available"),
])
def test_observations_without_a_number_keep_their_words_and_status(store, observation, printed, status):
    subject = CSD + observation
    assert one(store, subject, CS + "valueAsPrinted").value == printed
    assert objects(store, subject, CS + "value") == []
    measure = one(store, subject, CS + "obsValue")  # the words, never a made-up number
    assert (measure.value, measure.datatype.value) == (printed, "http://www.w3.org/2001/XMLSchema#string")
    assert one(store, subject, CS + "obsStatus").value == f"{CSC}obs-status/{status}"


def test_the_measure_is_the_report_s_number_where_it_prints_one(store):
    measure = one(store, CSD + "stat-colombia-homicide-rate-2015", CS + "obsValue")
    assert Decimal(measure.value) == Decimal("22.8")
    measure = one(store, CSD + "figure-6-cucuta-pos-1", CS + "obsValue")
    assert measure.value == one(store, CSD + "figure-6-cucuta-pos-1", CS + "value").value


def test_subgroups_are_the_breakdown_and_the_rest_are_totals(store):
    cancelled = one(store, CSD + "figure-11-gang-behavior-cancelled", CS + "breakdown").value
    continued = one(store, CSD + "figure-11-gang-behavior-continued", CS + "breakdown").value
    assert cancelled != continued
    assert cancelled.startswith(CSC + "breakdown/subgroup-former-rise-participants")
    assert one(store, cancelled, SKOS + "broader").value == CSC + "breakdown/subgroup"
    assert one(store, CSD + "stat-colombia-homicide-rate-2015", CS + "breakdown").value == CSC + "breakdown/total"


def test_every_minted_code_has_one_label_per_language_and_a_kind(store):
    import pyoxigraph as ox

    for scheme, kinds in (("periods", {"year", "interval", "since", "unknown-position", "stated"}),
                          ("breakdowns", {"total", "subgroup"})):
        codes = {q.subject.value for q in store.quads_for_pattern(None, ox.NamedNode(SKOS + "inScheme"), ox.NamedNode(CSC + scheme))}
        tops = {o.value for o in objects(store, CSC + scheme, SKOS + "hasTopConcept")}
        assert {t.rsplit("/", 1)[1] for t in tops} == kinds
        assert len(codes) > len(tops)
        for code in codes:
            languages = sorted(lit.language for lit in objects(store, code, SKOS + "prefLabel"))
            assert languages == ["en", "es", "pt"], f"{code} has prefLabels in {languages}"
            if code not in tops:
                assert [b.value for b in objects(store, code, SKOS + "broader")] and set(
                    b.value for b in objects(store, code, SKOS + "broader")) <= tops, f"{code} is under no kind"


def test_cli_lists_every_constraint_and_exits_0_when_all_hold(runner):
    from citysafe_kg.cli import cli

    result = runner.invoke(cli, ["datacube", "--csv"])
    assert result.exit_code == 0, result.output
    lines = result.output.splitlines()
    assert lines[0] == "constraint,holds,summary"
    assert [line.split(",")[0] for line in lines[1:]] == SPEC_CONSTRAINTS
    assert all(line.split(",")[1] == "true" for line in lines[1:])
    assert "IC-12,true,No duplicate observations: No two qb:Observations in the same qb:DataSet" in result.output


def test_cli_exits_1_and_names_the_constraint_a_change_breaks(runner, project_copy):
    from citysafe_kg.cli import cli

    vocabulary = project_copy.ontology_dir / "citysafe.ttl"
    text = vocabulary.read_text(encoding="utf-8")
    line = "cs:indicator a qb:DimensionProperty, qb:CodedProperty ; qb:codeList csc:indicators .\n"
    assert line in text
    vocabulary.write_text(text.replace(line, "cs:indicator a qb:DimensionProperty .\n"), encoding="utf-8")
    result = runner.invoke(cli, ["datacube", "--csv"])
    assert result.exit_code == 1, result.output
    failing = [line.split(",")[0] for line in result.output.splitlines()[1:] if line.split(",")[1] == "false"]
    assert failing == ["IC-5"]  # the review's finding: cs:indicator had no code list
