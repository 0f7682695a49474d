"""Build: validate the sources, compile them, then write every export to dist/ in
one atomic swap.

Two pipelines, chosen by --engine (auto: shacl where it is installed, else pyshacl):
- shacl, the default: Oxigraph parses and compiles, the Rust `shacl` engine validates
  (it reports what pyshacl reports on every shape fixture and on the whole seed graph),
  and Oxigraph writes the exports (same triples; blank-node labels not canonical); a
  validation already done for the same sources is read back from the compiled build;
- pyshacl, the reference: rdflib loads the graph, pyshacl validates it, and the
  exports are canonical (blank nodes labelled by content, triples sorted), so
  the same sources give the same bytes.
"""

from __future__ import annotations

import json
import os
import shutil
import threading
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .errors import UserError, ValidationFailed
from .io import claim_folder, replace_directory, staging_dir, sweep_staging
from .render import render_validation
from .resources import Project, default_project
from .validate import ValidationReport


@dataclass
class BuildResult:
    report: ValidationReport
    dist: Path
    triples: int
    files: list[Path]
    engine: str
    store: Any  # the compiled Oxigraph store, for the summary


def choose_engine(engine: str, files: list[Path]) -> str:
    """auto: the fast engine where it is installed (it reports what pyshacl reports, on every shape
    fixture and on the whole seed graph: tests/test_engines.py), else pyshacl, the reference."""
    import importlib.util

    if engine not in ("auto", "pyshacl", "shacl"):
        raise UserError(f'Unknown engine "{engine}"; use auto, pyshacl or shacl.')
    if engine != "auto":
        return engine
    return "shacl" if importlib.util.find_spec("shacl") is not None else "pyshacl"


def vocabulary_graph(project: Project) -> Any:
    from rdflib import Graph

    return Graph().parse(project.ontology_dir / "citysafe.ttl", format="turtle")


def build(project: Project | None = None, dist: Path | None = None, engine: str = "auto") -> BuildResult:
    """Validate; if the graph conforms, write dist/ (graph in three formats, shapes,
    context, validation report, manifest). A failed build leaves dist/ as it was."""
    from .compiled import compiled_store, graph_hash

    project = project or default_project()
    dist = claim_dist(dist or Path("dist"), project)
    files = project.graph_files()
    engine = choose_engine(engine, files)
    store = compiled_store(project, files)
    staged: Path | None = None
    if engine == "pyshacl":
        from .graph import load_files
        from .validate import validate

        loaded = load_files(project, files)
        report = validate(loaded)
    else:
        loaded = None
        staged = staging_dir(_parent(dist), dist.name, "exports")
        try:
            report = _validate_and_export(project, files, store, staged)
        except BaseException:
            shutil.rmtree(staged, ignore_errors=True)
            raise
    if not report.conforms:
        from .conformance import record

        record(project, files, report)
        if staged is not None:
            shutil.rmtree(staged, ignore_errors=True)
        raise ValidationFailed(render_validation(report, show_warnings=False)
                               + f"Build stopped: {dist}/ was left unchanged. Fix the violations above and run again.")
    from .conformance import record
    from .export import build_context

    record(project, files, report)
    if loaded is not None:  # the exports carry the derived statements too (validation saw the sources only)
        from .derive import add_derived_from_store

        add_derived_from_store(loaded.graph, store.store)
    context = build_context(vocabulary_graph(project))
    triples = len(store)
    manifest = {
        "generator": GENERATOR,
        "outputs": list(DIST_FILES),
        "source_hash": graph_hash(project, files),
        "engine": engine,
        "triples": triples,
        "files": [project.relative(p) for p in files],
        "violations": len(report.violations),
        "warnings": len(report.warnings),
    }

    def write(folder: Path) -> None:
        if loaded is not None:
            from .export import serialize

            (folder / "graph.ttl").write_text(serialize(loaded.graph, "turtle"), encoding="utf-8")
            (folder / "graph.nt").write_text(serialize(loaded.graph, "nt"), encoding="utf-8")
            (folder / "graph.jsonld").write_text(serialize(loaded.graph, "json-ld", context), encoding="utf-8")
        else:
            assert staged is not None
            for name in EXPORTS:
                os.replace(staged / name, folder / name)
        (folder / "context.jsonld").write_text(json.dumps(context, indent=2) + "\n", encoding="utf-8")
        (folder / "shapes.ttl").write_bytes(project.shapes_file.read_bytes())
        (folder / "validation.txt").write_text(render_validation(report), encoding="utf-8")
        (folder / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")

    try:
        replace_directory(dist, write)
    finally:
        if staged is not None:
            shutil.rmtree(staged, ignore_errors=True)
    return BuildResult(report, dist, triples, files, engine, store)


def warm(store: Any, project: Project | None = None) -> list[tuple[str, float]]:
    """Answer every named report that takes no argument, with its defaults, on a compiled build: each
    answer is kept beside the build (store.select), so the first `citysafe report NAME` reads it back.
    Returns (report, seconds) in the order run."""
    import time

    from .reports import REPORTS, run_report

    timings = []
    for name, report in REPORTS.items():
        if report.argument:
            continue  # a program or a place: too many to answer ahead
        start = time.perf_counter()
        run_report(store, name, project=project)
        timings.append((name, time.perf_counter() - start))
    return timings


EXPORTS = ("graph.nt", "graph.ttl", "graph.jsonld")
DIST_FILES = (*EXPORTS, "context.jsonld", "shapes.ttl", "validation.txt", "manifest.json")
GENERATOR = "citysafe-kg build"
_LEGACY_MANIFEST_KEYS = {"source_hash", "engine", "triples", "files"}  # manifests written before "generator"


def claim_dist(dist: Path, project: Project) -> Path:
    """The folder a build may replace (io.claim_folder): new, empty, or one whose manifest says
    a build wrote it, holding nothing else."""
    def written(folder: Path) -> set[str] | None:
        try:
            manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
        except (OSError, ValueError):
            return None
        if not isinstance(manifest, dict) or not (manifest.get("generator") == GENERATOR
                                                  or _LEGACY_MANIFEST_KEYS <= set(manifest)):
            return None
        return set(manifest.get("outputs") or DIST_FILES)

    return claim_folder(dist, "--dist", project.source_dirs, written)


EXPORTS_LAYOUT = 1  # bump when the exports are written differently


def _parent(dist: Path) -> Path:
    dist.absolute().parent.mkdir(parents=True, exist_ok=True)
    return dist.absolute().parent


def _validate_and_export(project: Project, files: list[Path], store: Any, staged: Path) -> ValidationReport:
    """Validate with the fast engine while Oxigraph writes the Turtle and JSON-LD exports
    on the other core (its dumps release the GIL); the N-Triples dump that `shacl`
    validates becomes graph.nt. The exports are only staged: build() moves them
    into dist/ if the graph conforms, and deletes them if not."""
    import pyoxigraph as ox

    from .derive import DERIVED_GRAPH, dump_with_derived
    from .prefixes import PREFIXES
    from .validate import validate_files

    kept = _kept_exports(store)
    if kept is not None and all((kept / name).is_file() for name in EXPORTS):
        report = validate_files(project, files)  # itself read back from the build if done before
        for name in EXPORTS:
            shutil.copyfile(kept / name, staged / name)
        return report
    failure: list[BaseException] = []

    def dump() -> None:
        try:
            dump_with_derived(store.store, staged / "graph.ttl", ox.RdfFormat.TURTLE, PREFIXES)
            dump_with_derived(store.store, staged / "graph.jsonld", ox.RdfFormat.JSON_LD)
        except BaseException as error:  # noqa: BLE001 - re-raised in the caller's thread
            failure.append(error)

    writer = threading.Thread(target=dump, name="citysafe-exports", daemon=True)
    writer.start()
    try:
        report = validate_files(project, files, ntriples=staged / "graph.nt")
    finally:
        writer.join()
    if failure:
        raise failure[0]
    with open(staged / "graph.nt", "ab") as out:  # the validated sources, then what the rules derived from them
        store.store.dump(out, format=ox.RdfFormat.N_TRIPLES, from_graph=ox.NamedNode(DERIVED_GRAPH))
    if kept is not None:
        _keep_exports(staged, kept)
    return report


def _kept_exports(store: Any) -> Path | None:
    """Where the Oxigraph exports of a compiled build are kept beside it: the same store gives the same
    exports, so a second build copies them. Keyed by the prefixes, which shape the Turtle."""
    import hashlib

    from .prefixes import PREFIXES

    if store.path is None:
        return None
    key = hashlib.sha256(json.dumps([EXPORTS_LAYOUT, PREFIXES], sort_keys=True).encode()).hexdigest()[:16]
    return Path(store.path).parent / f"exports-{key}"


def _keep_exports(staged: Path, kept: Path) -> None:
    """Copy the staged exports into the compiled build (whole or not at all)."""
    try:
        sweep_staging(kept.parent, kept.name)
        temporary = staging_dir(kept.parent, kept.name)
        try:
            for name in EXPORTS:
                shutil.copyfile(staged / name, temporary / name)
            os.replace(temporary, kept)
        finally:
            shutil.rmtree(temporary, ignore_errors=True)
    except OSError:
        pass  # a read-only cache only costs speed
