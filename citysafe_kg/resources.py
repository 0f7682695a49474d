"""Where the ontology, data and queries live.

In a checkout (and an editable install) they are the top-level folders of the
repository. A wheel carries copies under ``citysafe_kg/_resources``. The
environment variable CITYSAFE_HOME points elsewhere (a fork of the data).
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from pathlib import Path

from .errors import UserError, suggest

REPORT_TEXT = Path("data/source/making-cities-safer-2016.txt")


@dataclass(frozen=True)
class Project:
    """The folders of one evidence base."""

    root: Path

    @property
    def ontology_dir(self) -> Path:
        return self.root / "ontology"

    @property
    def data_dir(self) -> Path:
        return self.root / "data"

    @property
    def queries_dir(self) -> Path:
        return self.root / "queries"

    @property
    def shapes_file(self) -> Path:
        return self.ontology_dir / "shapes.ttl"

    @property
    def context_file(self) -> Path:
        return self.ontology_dir / "context.jsonld"

    @property
    def report_text(self) -> Path:
        return self.root / REPORT_TEXT

    @property
    def source_dirs(self) -> tuple[Path, ...]:
        """The evidence base's own folders, which no output may replace or write into."""
        return (self.ontology_dir, self.data_dir, self.queries_dir)

    def graph_files(self, cases: list[str] | None = None) -> list[Path]:
        """The Turtle files of the graph (vocabulary, concepts, data); shapes excluded.

        With ``cases``, only the shared data files and those case files
        (data/cases/<name>.ttl) are included.
        """
        onto = sorted(p for p in self.ontology_dir.glob("*.ttl") if p.name != "shapes.ttl")
        data = sorted(self.data_dir.rglob("*.ttl"))
        if cases is not None:
            known = {p.stem: p for p in (self.data_dir / "cases").glob("*.ttl")}
            for name in cases:
                if name not in known:
                    raise UserError(f'Unknown case "{name}".{suggest(name, sorted(known))} Cases: {", ".join(sorted(known))}.')
            chosen = {known[name] for name in cases}
            data = [p for p in data if p.parent != self.data_dir / "cases" or p in chosen]
        return onto + data

    def relative(self, path: Path) -> str:
        try:
            return str(path.resolve().relative_to(self.root.resolve()))
        except ValueError:
            return str(path)


def _looks_like_root(path: Path) -> bool:
    return (path / "ontology" / "citysafe.ttl").is_file() and (path / "data").is_dir()


def default_project() -> Project:
    """The embedded default evidence base (or CITYSAFE_HOME)."""
    env = os.environ.get("CITYSAFE_HOME")
    if env:
        root = Path(env)
        if not _looks_like_root(root):
            raise UserError(
                f"CITYSAFE_HOME={env} has no ontology/citysafe.ttl and data/: "
                "point it at a copy of the citysafe-kg repository, or unset it."
            )
        return Project(root)
    here = Path(__file__).resolve().parent
    for candidate in (here / "_resources", here.parent):
        if _looks_like_root(candidate):
            return Project(candidate)
    raise UserError(
        "Cannot find the ontology/ and data/ folders: reinstall citysafe-kg, "
        "or set CITYSAFE_HOME to a checkout of the repository."
    )


def source_folders() -> tuple[Path, ...]:
    """The evidence base's own folders (ontology/, data/, queries/), which no -o may write into."""
    try:
        project = default_project()
    except UserError:
        return ()
    return project.source_dirs
