"""Build: validate the sources, then write every export to dist/ in one atomic swap."""

from __future__ import annotations

import json
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph

from .errors import ValidationFailed
from .export import build_context, serialize
from .graph import LoadedGraph, load, source_hash
from .io import replace_directory
from .render import render_validation
from .resources import Project, default_project
from .validate import ValidationReport, validate

DIST_FILES = ("graph.ttl", "graph.jsonld", "graph.nt", "shapes.ttl", "context.jsonld", "validation.txt", "manifest.json")


@dataclass
class BuildResult:
    loaded: LoadedGraph
    report: ValidationReport
    dist: Path
    triples: int


def vocabulary_graph(loaded: LoadedGraph) -> Graph:
    vocab = Graph()
    vocab.parse(loaded.project.ontology_dir / "citysafe.ttl", format="turtle")
    return vocab


def build(project: Project | None = None, dist: Path | None = None) -> BuildResult:
    """Validate; if the graph conforms, write dist/ (graph in three formats, shapes,
    context, validation report, manifest). A failed build leaves dist/ as it was."""
    project = project or default_project()
    dist = dist or Path("dist")
    loaded = load(project)
    report = validate(loaded)
    if not report.conforms:
        raise ValidationFailed(render_validation(report, show_warnings=False)
                               + f"Build stopped: {dist}/ was left unchanged. Fix the violations above and run again.")
    context = build_context(vocabulary_graph(loaded))
    manifest = {
        "source_hash": source_hash(project),
        "triples": len(loaded.graph),
        "files": [project.relative(p) for p in loaded.files],
        "violations": len(report.violations),
        "warnings": len(report.warnings),
    }

    def write(folder: Path) -> None:
        (folder / "graph.ttl").write_text(serialize(loaded.graph, "turtle"), encoding="utf-8")
        (folder / "graph.nt").write_text(serialize(loaded.graph, "nt"), encoding="utf-8")
        (folder / "graph.jsonld").write_text(serialize(loaded.graph, "json-ld", context), encoding="utf-8")
        (folder / "context.jsonld").write_text(json.dumps(context, indent=2) + "\n", encoding="utf-8")
        (folder / "shapes.ttl").write_bytes(project.shapes_file.read_bytes())
        (folder / "validation.txt").write_text(render_validation(report), encoding="utf-8")
        (folder / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")

    replace_directory(dist, write)
    return BuildResult(loaded, report, dist, len(loaded.graph))
