"""Data files are kept in one canonical form."""

from __future__ import annotations

import pytest

from citysafe_kg.canonical import canonical_turtle, data_files
from citysafe_kg.graph import parse_file
from citysafe_kg.resources import default_project

FILES = data_files(default_project())


@pytest.mark.parametrize("path", FILES, ids=lambda p: p.name)
def test_data_file_is_in_canonical_form(project, path):
    assert path.read_text(encoding="utf-8") == canonical_turtle(parse_file(path, project)), (
        f"{project.relative(path)} has drifted from canonical form: run `citysafe fmt {project.relative(path)}`"
    )


def test_canonical_form_is_stable(project):
    path = project.data_dir / "cases" / "belo-horizonte.ttl"
    once = canonical_turtle(parse_file(path, project))
    from rdflib import Graph

    assert canonical_turtle(Graph().parse(data=once, format="turtle")) == once
