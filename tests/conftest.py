"""Shared fixtures: the project, the loaded default graph and its validation report."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from citysafe_kg.graph import LoadedGraph, load
from citysafe_kg.resources import Project, default_project
from citysafe_kg.validate import ValidationReport, validate

TESTS = Path(__file__).parent


@pytest.fixture(scope="session", autouse=True)
def private_cache(tmp_path_factory: pytest.TempPathFactory) -> None:
    """Compiled builds go to a fresh folder, never the user's cache."""
    mp = pytest.MonkeyPatch()
    mp.setenv("CITYSAFE_CACHE", str(tmp_path_factory.mktemp("citysafe-cache")))
    yield
    mp.undo()


@pytest.fixture(scope="session")
def project() -> Project:
    return default_project()


@pytest.fixture(scope="session")
def loaded(project: Project) -> LoadedGraph:
    return load(project)


@pytest.fixture(scope="session")
def graph(loaded: LoadedGraph):
    return loaded.graph


@pytest.fixture(scope="session")
def report(loaded: LoadedGraph) -> ValidationReport:
    """The full validation of the default graph (pyshacl, fidelity, violation queries), run once."""
    return validate(loaded)


@pytest.fixture()
def runner() -> CliRunner:
    return CliRunner()


@pytest.fixture()
def project_copy(tmp_path: Path, project: Project, monkeypatch: pytest.MonkeyPatch) -> Project:
    """A writable copy of the evidence base, selected with CITYSAFE_HOME."""
    root = tmp_path / "kg"
    for folder in ("ontology", "data", "queries"):
        shutil.copytree(project.root / folder, root / folder)
    monkeypatch.setenv("CITYSAFE_HOME", str(root))
    return Project(root)


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory, private_cache: None):
    """The evidence site of the seed graph, built once per test session (tests/test_site*.py)."""
    from citysafe_kg.site import build_site

    return build_site(tmp_path_factory.mktemp("site") / "site")
