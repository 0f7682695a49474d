"""The one canonical Turtle form of data files.

Blank nodes are relabelled by content and position (bnodes.py, the same
labelling as the exports), subjects and predicates are sorted by the
serialiser, and the project's prefixes are bound, so the same triples always
give the same bytes. ``citysafe fmt``
rewrites drifted files; a test fails when a file is not in this form.
"""

from __future__ import annotations

from pathlib import Path

from rdflib import Graph

from .bnodes import relabel
from .graph import parse_file
from .io import atomic_write_text
from .namespaces import bind_prefixes
from .resources import Project, default_project


def canonical_turtle(graph: Graph) -> str:
    return bind_prefixes(relabel(graph)).serialize(format="turtle")


def data_files(project: Project) -> list[Path]:
    return sorted(project.data_dir.rglob("*.ttl"))


def drifted(project: Project | None = None, paths: list[Path] | None = None) -> list[Path]:
    """Data files (or ``paths``) whose bytes differ from their canonical form."""
    project = project or default_project()
    return [
        path
        for path in paths or data_files(project)
        if path.read_text(encoding="utf-8") != canonical_turtle(parse_file(path, project))
    ]


def format_files(project: Project | None = None, paths: list[Path] | None = None) -> list[Path]:
    """Rewrite drifted files in canonical form (atomically); return those rewritten."""
    project = project or default_project()
    rewritten = []
    for path in paths or data_files(project):
        text = canonical_turtle(parse_file(path, project))
        if path.read_text(encoding="utf-8") != text:
            atomic_write_text(path, text)
            rewritten.append(path)
    return rewritten
