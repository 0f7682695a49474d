"""Synthetic graphs conform to the shapes, repeat for a seed, and refuse sizes that cannot fit."""

from __future__ import annotations

import pytest

from citysafe_kg.errors import UserError
from citysafe_kg.resources import Project
from citysafe_kg.synth import check_fits, generate, write
from citysafe_kg.validate import validate_files


def test_a_synthetic_project_conforms_to_the_shapes(tmp_path, monkeypatch):
    monkeypatch.setenv("CITYSAFE_CACHE", str(tmp_path / "cache"))
    write(60, 5, tmp_path / "kg")
    report = validate_files(Project(tmp_path / "kg"))
    assert report.findings == []


def test_the_same_seed_gives_the_same_graph_and_another_seed_another():
    assert list(generate(40, 1)) == list(generate(40, 1))
    assert list(generate(40, 1)) != list(generate(40, 2))


def test_synthetic_programs_are_shaped_like_the_seed():
    lines = list(generate(200, 1))
    components = sum(1 for line in lines if "/ontology#hasComponent>" in line)
    participations = sum(1 for line in lines if "/ontology#qualifiedParticipation>" in line)
    outcomes = sum(1 for line in lines if line.endswith("<https://w3id.org/citysafe/ontology#Outcome> ."))
    assert 3 * 200 <= components <= 5 * 200
    assert 2 * 200 * 0.8 <= participations <= 4 * 200
    assert 2 * 200 <= outcomes <= 3 * 200


def test_a_size_that_cannot_fit_is_refused_before_writing(tmp_path):
    target = tmp_path / "huge"
    with pytest.raises(UserError) as refused:
        check_fits(10_000_000_000, target)
    assert "Nothing was written." in refused.value.message
    assert not target.exists()


def test_synthetic_findings_reach_the_finding_reports(tmp_path, monkeypatch):
    """Every synthetic finding has an English label, as each case's does: without one the homicide
    and adverse reports answered no rows at any size, and the benchmark timed empty answers."""
    from citysafe_kg.compiled import compiled_store
    from citysafe_kg.reports import run_report

    monkeypatch.setenv("CITYSAFE_CACHE", str(tmp_path / "cache"))
    write(60, 5, tmp_path / "kg")
    monkeypatch.setenv("CITYSAFE_HOME", str(tmp_path / "kg"))
    store = compiled_store(Project(tmp_path / "kg"))
    homicide = run_report(store, "homicide", project=Project(tmp_path / "kg"))
    adverse = run_report(store, "adverse", project=Project(tmp_path / "kg"))
    assert homicide.rows and all(label.startswith("Outcome ") for label in homicide.column("finding_label"))
    assert adverse.rows and set(adverse.column("change")) <= {"no change", "undesirable change", "mixed change", "ambiguous change"}
    assert {"no change", "undesirable change"} & set(adverse.column("change"))
