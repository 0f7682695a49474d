"""SKOS integrity and label coverage (queries/skos-integrity-violation.rq): the built graph
passes, and each condition fires on a small fixture that breaks it."""

from __future__ import annotations

import pytest
from rdflib import Graph, Literal
from rdflib.namespace import RDF, SKOS

from citysafe_kg.queries import run
from helpers import iri

QUERY = "skos-integrity-violation"

PREFIXES = """
@prefix skos: <http://www.w3.org/2004/02/skos/core#> .
@prefix ex: <https://example.org/> .
"""

# A scheme that passes every check; each fixture below breaks one condition of it.
GOOD = PREFIXES + """
ex:scheme a skos:ConceptScheme ; skos:hasTopConcept ex:top ;
    skos:prefLabel "Scheme"@en, "Esquema"@es, "Esquema"@pt .
ex:top a skos:Concept ; skos:inScheme ex:scheme ; skos:topConceptOf ex:scheme ;
    skos:prefLabel "Top"@en, "Arriba"@es, "Topo"@pt .
ex:child a skos:Concept ; skos:inScheme ex:scheme ; skos:broader ex:top ;
    skos:prefLabel "Child"@en, "Hijo"@es, "Filho"@pt ; skos:altLabel "Kid"@en .
"""


def problems(turtle: str) -> list[tuple[str, str]]:
    graph = Graph().parse(data=turtle, format="turtle")
    return [(str(r["focus"]), str(r["message"])) for r in run(graph, QUERY).records()]


def test_the_fixture_scheme_passes():
    assert problems(GOOD) == []


CASES = [
    ("two prefLabels in one language (S14)", 'ex:child skos:prefLabel "Niño"@es .', "https://example.org/child",
     'has two skos:prefLabel in "es"'),
    ("prefLabel equal to an altLabel (S13)", 'ex:child skos:altLabel "child"@en .', "https://example.org/child",
     'has "Child"@en as its skos:prefLabel and again as an alternative'),
    ("prefLabel equal to a hiddenLabel (S13)", 'ex:top skos:hiddenLabel "Topo"@pt .', "https://example.org/top",
     'has "Topo"@pt as its skos:prefLabel and again'),
    ("orphan concept", 'ex:orphan a skos:Concept ; skos:inScheme ex:scheme ; skos:prefLabel "O"@en, "O"@es, "O"@pt .',
     "https://example.org/orphan", "is an orphan concept"),
    ("top concept outside its scheme", 'ex:scheme skos:hasTopConcept ex:stray . ex:stray a skos:Concept ; '
     'skos:topConceptOf ex:scheme ; skos:prefLabel "S"@en, "S"@es, "S"@pt .', "https://example.org/stray",
     "is a top concept of <https://example.org/scheme> but not skos:inScheme it"),
    ("topConceptOf without hasTopConcept", 'ex:child skos:topConceptOf ex:scheme .', "https://example.org/child",
     "the scheme does not list it with skos:hasTopConcept"),
    ("hasTopConcept without topConceptOf", 'ex:scheme skos:hasTopConcept ex:child .', "https://example.org/child",
     "does not say skos:topConceptOf it"),
    ("scheme without top concept", 'ex:empty a skos:ConceptScheme ; skos:prefLabel "E"@en, "E"@es, "E"@pt .',
     "https://example.org/empty", "is a concept scheme without a top concept"),
    ("concept without a Portuguese label", 'ex:new a skos:Concept ; skos:inScheme ex:scheme ; skos:broader ex:top ; '
     'skos:prefLabel "New"@en, "Nuevo"@es .', "https://example.org/new", 'has no skos:prefLabel in "pt"'),
]


@pytest.mark.parametrize(("name", "extra", "focus", "words"), CASES, ids=[case[0] for case in CASES])
def test_each_condition_fires_on_a_fixture_that_breaks_it(name, extra, focus, words):
    found = problems(GOOD + extra)
    assert any(f == focus and words in m for f, m in found), f"{name}: expected {words!r} on {focus}, got {found}"
    assert all(f == focus for f, _ in found), f"{name}: only {focus} should be reported, got {found}"


def test_the_built_graph_has_no_skos_problem(graph):
    assert [(r["focus"], r["message"]) for r in run(graph, QUERY).records()] == []


def test_every_concept_and_scheme_reads_in_english_spanish_and_portuguese(graph):
    nodes = set(graph.subjects(RDF.type, SKOS.Concept)) | set(graph.subjects(RDF.type, SKOS.ConceptScheme))
    assert len(nodes) >= 300  # 280 concepts and 24 schemes when this was written
    for node in nodes:
        languages = sorted(label.language for label in graph.objects(node, SKOS.prefLabel))
        assert languages == ["en", "es", "pt"], f"{node}: prefLabel languages {languages}"


def test_every_scheme_says_its_translations_are_ours(graph):
    for scheme in graph.subjects(RDF.type, SKOS.ConceptScheme):
        notes = " ".join(str(n) for prop in (SKOS.editorialNote, SKOS.note) for n in graph.objects(scheme, prop))
        assert "the project's translations, not the report's" in notes, f"{scheme} has no translation note"


def test_the_reports_own_words_are_kept(graph, project):
    text = project.report_text.read_text(encoding="utf-8")
    # The report prints "Feminicidio" (Figure 1's source): it is femicide's Spanish preferred label.
    assert "Feminicidio" in text
    assert Literal("Feminicidio", lang="es") in set(graph.objects(iri("ind:femicide"), SKOS.prefLabel))
    # Words it uses for an instance of a concept stay alternative labels, beside our translation.
    assert "Mesa de Seguridad" in text and "pacificação" in text
    assert Literal("mesa de seguridad", lang="es") in set(graph.objects(iri("it:coordination-body"), SKOS.altLabel))
    assert Literal("pacificação", lang="pt") in set(graph.objects(iri("it:territorial-control"), SKOS.altLabel))
    assert graph.value(iri("it:territorial-control"), SKOS.prefLabel, any=True) is not None


def test_flat_schemes_list_every_member_as_a_top_concept(graph):
    # The 11 schemes that had no top concept (85 orphans) are flat lists: each member is a top concept.
    units = set(graph.subjects(SKOS.inScheme, iri("csc:units")))
    assert iri("unit:per-100k") in units
    assert units == set(graph.objects(iri("csc:units"), SKOS.hasTopConcept))
