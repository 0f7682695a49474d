"""Each shape has valid and invalid fixtures (tests/shapes/). An invalid fixture
states, in '# expect:' lines, exactly which shape, path and constraint
component must fire on which focus node; no other result may appear."""

from __future__ import annotations

from pathlib import Path

import pytest

from citysafe_kg.graph import load_files
from citysafe_kg.validate import run_shacl

SHAPES = Path(__file__).parent / "shapes"
VALID = sorted((SHAPES / "valid").glob("*.ttl"))
INVALID = sorted((SHAPES / "invalid").glob("*.ttl"))


def findings_for(project, fixture: Path) -> set[tuple[str, str, str, str, str]]:
    files = [project.ontology_dir / "citysafe.ttl", project.ontology_dir / "concepts.ttl", SHAPES / "base.ttl", fixture]
    loaded = load_files(project, files)
    return {(f.focus_label, f.shape, f.path or "-", f.component, f.severity) for f in run_shacl(loaded)}


def expectations(fixture: Path) -> set[tuple[str, str, str, str, str]]:
    expected = set()
    for line in fixture.read_text(encoding="utf-8").splitlines():
        if line.startswith("# expect:"):
            parts = line.removeprefix("# expect:").split()
            severity = parts[4] if len(parts) > 4 else "Violation"
            expected.add((parts[0], parts[1], parts[2], parts[3], severity))
    return expected


@pytest.mark.parametrize("fixture", VALID, ids=lambda p: p.stem)
def test_valid_fixture_has_no_finding(project, fixture):
    assert findings_for(project, fixture) == set()


@pytest.mark.parametrize("fixture", INVALID, ids=lambda p: p.stem)
def test_invalid_fixture_fires_exactly_the_expected_constraints(project, fixture):
    expected = expectations(fixture)
    assert expected, f"{fixture.name} declares no '# expect:' line"
    assert findings_for(project, fixture) == expected


def test_every_named_shape_has_an_invalid_fixture(project):
    """A shape nobody has seen fire is a shape nobody knows works."""
    from rdflib import Graph, URIRef
    from rdflib.namespace import RDF, SH

    shapes = Graph().parse(project.shapes_file)
    named = {
        shapes.namespace_manager.normalizeUri(s)
        for kind in (SH.NodeShape, SH.PropertyShape)
        for s in shapes.subjects(RDF.type, kind)
        if isinstance(s, URIRef) and not str(s).endswith("Concept")  # value-set helpers are exercised through their users
    }
    fired = {exp[1] for fixture in INVALID for exp in expectations(fixture)}
    # Shapes exercised only through a shared property shape or the valid fixture are listed here.
    exempt = {"csx:LabelUniqueLang", "csx:EndYear", "csx:Year", "csx:Intervention", "csx:Phase", "csx:Site",
              "csx:Report", "csx:ReportSection", "csx:Place", "csx:CompositeArea"}
    assert named - fired - exempt == set()
