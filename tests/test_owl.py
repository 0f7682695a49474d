"""The graph holds under tools this project did not write (docs/OWL.md): HermiT finds the built
graph consistent with PROV-O's own axioms, and the OWL API's OWL 2 DL profile checker finds no
violation; each check fails on a fixture that breaks it (tests/owl/). Each check starts a JVM
(HermiT about 12 s on the whole graph, the profile checker about 20 s, a few seconds on a fixture)."""

from __future__ import annotations

from pathlib import Path

import pytest

from citysafe_kg.owl import built_graph_ntriples, consistent_with_prov, dl_profile_violations

FIXTURES = Path(__file__).parent / "owl"
slow = pytest.mark.slow


@pytest.fixture(scope="module")
def built(tmp_path_factory, project) -> Path:
    return built_graph_ntriples(tmp_path_factory.mktemp("owl") / "graph.nt", project)


def test_prov_o_is_the_w3c_release(project):
    text = (project.root / "ontology/vendor/prov-o.ttl").read_text(encoding="utf-8")
    assert "owl:versionIRI <http://www.w3.org/ns/prov-20130430>" in text
    assert ":Activity\n    a owl:Class" in text and "owl:disjointWith :Entity" in text


def test_the_built_graph_is_consistent_with_prov_o(built, project):
    assert consistent_with_prov([built], project)


def vocabulary(project) -> list[Path]:
    return [project.ontology_dir / "citysafe.ttl", project.ontology_dir / "external.ttl"]


def test_the_fixtures_data_is_consistent_with_the_vocabulary_s_alignment(project):
    assert consistent_with_prov([*vocabulary(project), FIXTURES / "sound.ttl"], project)


@pytest.mark.parametrize("fixture", ["evaluates-used.ttl", "supported-by-primary-source.ttl"])
def test_an_unsound_prov_alignment_makes_it_inconsistent(project, fixture):
    assert not consistent_with_prov([*vocabulary(project), FIXTURES / fixture], project), (
        f"{fixture} should be inconsistent with PROV-O")


@slow
@pytest.mark.parametrize("fixture", ["evaluates-used.ttl", "supported-by-primary-source.ttl"])
def test_an_unsound_prov_alignment_makes_the_built_graph_inconsistent(built, project, fixture):
    assert not consistent_with_prov([built, FIXTURES / fixture], project), f"{fixture} should be inconsistent with PROV-O"


def test_the_built_graph_is_in_the_owl_2_dl_profile(built, project):
    violations = dl_profile_violations([built], project)
    assert violations == [], "\n".join(f"{v.kind}: {v.message}" for v in violations[:20])


@pytest.mark.parametrize("fixture, kind, term", [
    ("punned-property.ttl", "IllegalPunning", "https://w3id.org/citysafe/ontology#value"),
    ("undeclared-term.ttl", "UseOfUndeclaredAnnotationProperty", "http://xmlns.com/foaf/0.1/homepage"),
])
def test_a_profile_violation_is_named(project, fixture, kind, term):
    # The vocabulary and the external declarations, with the fixture: the checker must name the term.
    files = [*vocabulary(project), FIXTURES / fixture]
    violations = dl_profile_violations(files, project)
    assert any(v.kind == kind and f"<{term}>" in v.message for v in violations), [f"{v.kind}: {v.message[:160]}" for v in violations]


def test_without_java_the_checks_say_what_to_install(monkeypatch, project):
    import citysafe_kg.owl as owl
    from citysafe_kg.errors import RuntimeFailure

    monkeypatch.setattr(owl.shutil, "which", lambda name: None)
    with pytest.raises(RuntimeFailure, match="default-jre-headless") as failure:
        consistent_with_prov([FIXTURES / "evaluates-used.ttl"], project)
    assert failure.value.exit_code == 2


def test_without_the_owl_api_the_profile_check_says_what_to_install(monkeypatch, tmp_path, project):
    import citysafe_kg.owl as owl
    from citysafe_kg.errors import RuntimeFailure

    monkeypatch.setattr(owl, "JAVA_LIBRARIES", tmp_path)
    with pytest.raises(RuntimeFailure, match="libowlapi-java"):
        dl_profile_violations([FIXTURES / "punned-property.ttl"], project)
