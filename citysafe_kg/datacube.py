"""The W3C Data Cube integrity constraints (vocab-data-cube §11.1), run on a graph
after the spec's normalisation (§10.2): queries/datacube/.

The constraints are the spec's own ASK queries, one file each (ic-01.rq ...
ic-21.rq, with IC-19's two forms as ic-19.rq and ic-19b.rq); each answers true
when the graph violates it. They run in an in-memory Oxigraph copy, so that the
normalisation's inserts never touch the compiled build.
"""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import Any, Iterable

from .errors import RuntimeFailure
from .table import Table
from .resources import Project, default_project


@dataclass(frozen=True)
class IntegrityResult:
    """One integrity constraint and whether the graph holds it."""

    name: str  # "IC-12", "IC-19b"
    summary: str  # the spec's title and wording
    holds: bool


def _folder(project: Project) -> Path:
    return project.queries_dir / "datacube"


def constraint_files(project: Project | None = None) -> list[Path]:
    """The constraints' query files, in the spec's order (ic-01 ... ic-21)."""
    project = project or default_project()
    return sorted(p for p in _folder(project).glob("ic-*.rq") if not p.stem.endswith("-properties"))


def _summary(path: Path) -> str:
    """The spec's title and wording of the constraint (the header's summary, without its 'IC-N. ')."""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#+ summary:"):
            return line.removeprefix("#+ summary:").strip().removeprefix(f"{_name(path)}. ")
    return path.stem


def _name(path: Path) -> str:
    number = path.stem.removeprefix("ic-")
    return "IC-" + (number.lstrip("0") or "0")


def normalised_store(quads: Iterable[Any], project: Project | None = None) -> Any:
    """An in-memory Oxigraph store holding ``quads`` (all in the default graph),
    normalised by the spec's two SPARQL Update phases."""
    import pyoxigraph as ox

    project = project or default_project()
    store = ox.Store()
    store.extend(ox.Quad(q.subject, q.predicate, q.object, ox.DefaultGraph()) for q in quads)
    for phase in ("normalize-1.rq", "normalize-2.rq"):
        path = _folder(project) / phase
        try:
            store.update(path.read_text(encoding="utf-8"))
        except (SyntaxError, OSError, ValueError, RuntimeError) as exc:
            raise RuntimeFailure(f"Data Cube normalisation {path.name} failed in Oxigraph: {exc}") from None
    return store


def _ask(store: Any, text: str, path: Path) -> bool:
    try:
        return bool(store.query(text))
    except (SyntaxError, OSError, ValueError, RuntimeError) as exc:
        raise RuntimeFailure(f"Data Cube constraint {path.name} failed in Oxigraph: {exc}") from None


def _violated(store: Any, path: Path) -> bool:
    text = path.read_text(encoding="utf-8")
    if "<$p>" not in text:
        return _ask(store, text, path)
    # IC-20 and IC-21 are templates in the spec, run once per parent-child property. A property
    # path cannot take a bound variable, so the IRI goes into the text in its N-Triples form
    # (Oxigraph's str() of a NamedNode: <...>, which cannot carry a '>' or a space).
    properties = path.with_name(f"{path.stem}-properties.rq")
    rows = store.query(properties.read_text(encoding="utf-8"))
    return any(_ask(store, text.replace("<$p>", str(row["p"])), path) for row in rows)


def check_store(store: Any, project: Project | None = None) -> list[IntegrityResult]:
    """Run every constraint on an already normalised Oxigraph store."""
    project = project or default_project()
    return [IntegrityResult(_name(p), _summary(p), not _violated(store, p)) for p in constraint_files(project)]


def check_files(files: list[Path], project: Project | None = None) -> list[IntegrityResult]:
    """Normalise the Turtle ``files`` (e.g. a test fixture) and run every constraint."""
    import pyoxigraph as ox

    project = project or default_project()
    source = ox.Store()
    for path in files:
        source.load(path=str(path), format=ox.RdfFormat.TURTLE)
    return check_store(normalised_store(source.quads_for_pattern(None, None, None), project), project)


def check_build(project: Project | None = None) -> list[IntegrityResult]:
    """Normalise the compiled build (sources and derived statements) and run every constraint."""
    from .compiled import compiled_store

    project = project or default_project()
    compiled = compiled_store(project)
    quads = compiled.store.quads_for_pattern(None, None, None)
    return check_store(normalised_store(quads, project), project)


def results_table(results: list[IntegrityResult]) -> Table:
    """One row per constraint: its name, whether it holds, the spec's wording."""
    return Table(["constraint", "holds", "summary"], [[r.name, r.holds, r.summary] for r in results])
