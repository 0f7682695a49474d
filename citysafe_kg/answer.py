"""Which graph a command answers from: the last build whose sources conformed.

Reports, queries, patterns, `serve` and `export` answer from the current sources when they
are known to conform. When the sources have changed since the last build that conformed
(or are known not to conform), they answer from that build and say so in one line on
stderr; with no such build, the sources are validated now, and refused (exit 1) if they do
not conform. ``unvalidated`` answers from the sources as they are. `push` sends only
sources that conform now.
"""

from __future__ import annotations

import importlib.util
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .compiled import cache_root, graph_hash, open_store
from .conformance import last_good, record, remember_good, validation_key, verdict
from .errors import ValidationFailed, notify
from .resources import Project, default_project
from .store import OxigraphStore, RdflibStore, Store
from .validate import ValidationReport


@dataclass(frozen=True)
class Choice:
    """The build a command answers from, and the line that says why, if it is not the current one."""

    store_hash: str
    current: bool  # the build of the sources as they are now
    note: str | None = None


def validate_sources(project: Project, files: list[Path] | None = None, engine: str = "auto") -> ValidationReport:
    """Validate the whole graph (as `citysafe validate` does) and keep the verdict."""
    from .build import choose_engine

    files = files or project.graph_files()
    if choose_engine(engine, files) == "shacl":
        from .validate import validate_files

        report = validate_files(project, files)
    else:
        from .graph import load_files
        from .validate import validate

        report = validate(load_files(project, files))
    record(project, files, report)
    return report


def _quick_engine() -> str:
    """The engine for a validation a report has to wait for: the fast one where installed."""
    return "shacl" if importlib.util.find_spec("shacl") is not None else "auto"


UNVALIDATED_HINT = "add --unvalidated to query them as they are"


def choose(project: Project, files: list[Path] | None = None, *, unvalidated: bool = False,
           strict: bool = False) -> Choice:
    """Which build answers (see the module's docstring); raises ValidationFailed when none may."""
    files = files or project.graph_files()
    store_hash = graph_hash(project, files)
    key = validation_key(project, files, store_hash)
    known = verdict(key)
    if unvalidated:
        note = None if known and known.conforms else (
            "Note: answering from the sources as they are (--unvalidated): they have not been found to conform.")
        return Choice(store_hash, True, note)
    good = last_good(project)
    if known is None and good is not None and good.validation_key == key:
        return Choice(store_hash, True)  # the verdict file was lost; the last good build is this one
    if known is None and (good is None or strict):
        report = validate_sources(project, files, _quick_engine())
        known = verdict(key)
        if known is None:  # the cache could not keep it: use the report itself
            if report.conforms:
                return Choice(store_hash, True)
            return _refuse(len(report.violations), strict)
    if known is not None and known.conforms:
        if good is None or good.store_hash != store_hash:
            remember_good(project, store_hash, key)
        return Choice(store_hash, True)
    if strict:
        return _refuse(known.violations if known else 0, strict)
    if good is None:
        return _refuse(known.violations if known else 0, strict)
    if known is None:
        why = "the sources changed since the last build that conformed"
        then = "Run citysafe build to check the changes"
    else:
        why = f"the sources do not conform now ({known.violations} violation(s); see: citysafe validate)"
        then = "Fix them and run citysafe build"
    return Choice(good.store_hash, good.store_hash == store_hash,
                  f"Note: {why}; answering from the last build that conformed ({good.when}). "
                  f"{then}, or {UNVALIDATED_HINT}.")


def _refuse(violations: int, strict: bool) -> Choice:
    if strict:
        raise ValidationFailed(f"The sources do not conform ({violations} violation(s); see: citysafe validate), "
                               "so they are not sent anywhere. Fix them and run citysafe build, then push again.")
    raise ValidationFailed(f"The sources do not conform ({violations} violation(s); see: citysafe validate) and "
                           "no earlier build conformed, so there is no checked graph to answer from. "
                           f"Fix them and run citysafe build, or {UNVALIDATED_HINT}.")


def resolve(project: Project, files: list[Path], *, unvalidated: bool = False,
            strict: bool = False) -> tuple[Choice, OxigraphStore | None]:
    """``choose``, and the earlier build opened when it is not the current one. An earlier
    build found damaged is removed, said in one line, and the choice made again without it."""
    from .compiled import DamagedBuild, discard, open_compiled

    while True:
        choice = choose(project, files, unvalidated=unvalidated, strict=strict)
        if choice.current:
            return choice, None
        folder = cache_root() / choice.store_hash[:32]
        try:
            return choice, open_compiled(folder)
        except (DamagedBuild, FileNotFoundError) as exc:
            what = exc.what if isinstance(exc, DamagedBuild) else "it was removed"
            notify(f"Note: the last build that conformed, in {folder}, cannot be used ({what}).")
            discard(folder)


def answer_store(backend: str = "auto", endpoint: str | None = None, timeout: float = 60.0, *,
                 unvalidated: bool = False, strict: bool = False) -> Store:
    """The store a query command reads (compiled.open_store, checked as the module says).
    A remote endpoint is taken as it is: it holds what `push` sent, and push sends only good graphs."""
    if endpoint:
        return open_store(backend, endpoint, timeout)
    project = default_project()
    files = project.graph_files()
    choice, store = resolve(project, files, unvalidated=unvalidated, strict=strict)
    if choice.note:
        notify(choice.note)
    if store is None:
        return open_store(backend, None, timeout)
    if backend == "rdflib":
        from .derive import derive_rdflib

        graph = sources_graph(store)
        derive_rdflib(graph, project)
        return RdflibStore(graph)
    return store


def sources_graph(store: OxigraphStore) -> Any:
    """The sources a compiled build holds (its default graph), as an rdflib graph."""
    import pyoxigraph as ox
    from rdflib import Graph

    from .namespaces import bind_prefixes

    data = store.store.dump(format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
    return bind_prefixes(Graph()).parse(data=data, format="nt")


def answer_graph(*, unvalidated: bool = False) -> Any:
    """The whole graph (sources and derived statements) as rdflib, for `export`, from the build `choose` picks."""
    from .compiled import compiled_store
    from .derive import add_derived_from_store

    project = default_project()
    files = project.graph_files()
    choice, store = resolve(project, files, unvalidated=unvalidated)
    if choice.note:
        notify(choice.note)
    if store is None:
        from .graph import load_files

        graph = load_files(project, files).graph
        add_derived_from_store(graph, compiled_store(project, files).store)
        return graph
    graph = sources_graph(store)
    add_derived_from_store(graph, store.store)
    return graph


def answer_build(*, unvalidated: bool = False, strict: bool = False) -> Any:
    """The compiled build `serve` and `push` use (an OxigraphStore)."""
    from .compiled import compiled_store

    project = default_project()
    files = project.graph_files()
    choice, store = resolve(project, files, unvalidated=unvalidated, strict=strict)
    if choice.note:
        notify(choice.note)
    return compiled_store(project, files) if store is None else store
