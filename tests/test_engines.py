"""The fast validator (`shacl`, Rust) agrees with pyshacl, the reference, on every
shape fixture: the same focus nodes, shapes, paths, constraint components, severities and messages
(SHACL-SPARQL constraints run on Oxigraph as whole-graph queries: validate.split_sparql_constraints)."""

from __future__ import annotations

from pathlib import Path

import pytest

from citysafe_kg.compiled import compiled_store
from citysafe_kg.graph import load_files
from citysafe_kg.validate import run_shacl, run_shacl_fast

SHAPES = Path(__file__).parent / "shapes"
FIXTURES = sorted((SHAPES / "valid").glob("*.ttl")) + sorted((SHAPES / "invalid").glob("*.ttl"))


def keys(findings):
    return sorted((f.focus_label, f.shape, f.path or "-", f.component, f.severity, f.message) for f in findings)


@pytest.mark.parametrize("fixture", FIXTURES, ids=lambda p: f"{p.parent.name}/{p.stem}")
def test_fast_validator_agrees_with_pyshacl(project, fixture):
    files = [project.ontology_dir / "citysafe.ttl", project.ontology_dir / "concepts.ttl", SHAPES / "base.ttl", fixture]
    loaded = load_files(project, files)
    reference = run_shacl(loaded)
    fast = run_shacl_fast(project, compiled_store(project, files), lambda node: None)
    assert keys(fast) == keys(reference)


def test_fast_validator_keeps_the_curator_messages(project):
    fixture = SHAPES / "invalid" / "program-without-country.ttl"
    files = [project.ontology_dir / "citysafe.ttl", project.ontology_dir / "concepts.ttl", SHAPES / "base.ttl", fixture]
    fast = run_shacl_fast(project, compiled_store(project, files), lambda node: None)
    assert [f.message for f in fast] == [
        "Give the program's country: cs:country csd:<country> (a cs:Country in data/shared/places.ttl)."]


def test_sparql_constraints_run_on_oxigraph_not_in_the_fast_engine(project):
    """`shacl` pre-binds $this per focus node, O(focus nodes x graph): the constraints
    run as whole-graph queries instead, restricted to each shape's targets."""
    from citysafe_kg.validate import split_sparql_constraints

    core, constraints = split_sparql_constraints(project.shapes_file)
    assert "sparql" not in core.replace("SPARQLConstraint", "")
    assert sorted({c.shape.rsplit("#", 1)[-1] for c in constraints}) == [
        "AppraisalDecision", "Evaluation", "Figure", "HandWrittenRating", "Influence", "OntologyTerm", "Outcome",
        "OutcomeAppraisal", "Program", "Quantity", "SourceConflict"]
    assert len(constraints) == 19
    program = next(c for c in constraints if c.shape.endswith("#Program"))
    assert "FILTER EXISTS { { ?this a/<http://www.w3.org/2000/01/rdf-schema#subClassOf>* " \
           "<https://w3id.org/citysafe/ontology#Program> . } }" in program.query
    assert "$this cs:hasSite ?site" in program.query  # the constraint's own text, $this now a free variable
