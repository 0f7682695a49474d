"""Load the ontology and data into one graph, remembering which file said what."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import BNode, Graph, URIRef
from rdflib.plugins.parsers.notation3 import BadSyntax
from rdflib.term import Node

from .bnodes import is_locator, skolemise_locators
from .errors import DataSyntaxError
from .namespaces import bind_prefixes
from .resources import Project, default_project


@dataclass
class LoadedGraph:
    """The merged graph and, per subject, the file(s) that describe it."""

    graph: Graph
    project: Project
    files: list[Path]
    subject_files: dict[Node, set[str]] = field(default_factory=dict)
    _lines: Any = field(default=None, repr=False)

    def files_of(self, node: Node) -> list[str]:
        """The files that hold statements about ``node``, or about the node owning a blank node or locator."""
        seen: set[Node] = set()
        current: Node | None = node
        while (isinstance(current, BNode) or is_locator(current)) and current not in seen:
            seen.add(current)
            current = next(iter(self.graph.subjects(None, current)), None)
        if current is None:
            return []
        return sorted(self.subject_files.get(current, set()))

    def owner(self, node: Node) -> Node:
        """The nearest IRI node that owns ``node`` (itself if it is an IRI other than a locator's)."""
        seen: set[Node] = set()
        current: Node = node
        while (isinstance(current, BNode) or is_locator(current)) and current not in seen:
            seen.add(current)
            parent = next(iter(self.graph.subjects(None, current)), None)
            if parent is None:
                break
            current = parent
        return current

    def line_of(self, node: Node) -> str | None:
        """'file:line' where the IRI node's description starts, if it can be found."""
        from .terms import curie

        owner = self.owner(node)
        if not isinstance(owner, URIRef):
            return None
        if self._lines is None:
            self._lines = FileLines(self.project, self.files)
        return self._lines(curie(str(owner)))


def parse_file(path: Path, project: Project) -> Graph:
    """Parse one Turtle file; a syntax error names the file and line."""
    graph = Graph()
    try:
        graph.parse(path, format="turtle")
    except BadSyntax as exc:
        raise DataSyntaxError(project.relative(path), exc.lines + 1, exc._why) from None
    except (ValueError, UnicodeDecodeError) as exc:
        raise DataSyntaxError(project.relative(path), None, str(exc)) from None
    return graph


def load(project: Project | None = None, extra: list[Path] | None = None, cases: list[str] | None = None) -> LoadedGraph:
    """Load the vocabulary, concepts and data files of ``project`` into one graph
    (with ``cases``, only the shared data and those case files)."""
    project = project or default_project()
    return load_files(project, project.graph_files(cases) + list(extra or []))


def load_files(project: Project, files: list[Path]) -> LoadedGraph:
    """Load exactly these Turtle files into one graph, each locator given its content-derived IRI
    (bnodes.skolemise_locators: the data files keep them as blank nodes)."""
    merged = bind_prefixes(Graph())
    subject_files: dict[Node, set[str]] = {}
    for path in files:
        part = skolemise_locators(parse_file(path, project))
        rel = project.relative(path)
        for subject in set(part.subjects()):
            if not isinstance(subject, BNode) and not is_locator(subject):
                subject_files.setdefault(subject, set()).add(rel)
        merged += part
    return LoadedGraph(merged, project, files, subject_files)


def load_shapes(project: Project | None = None) -> Graph:
    project = project or default_project()
    return parse_file(project.shapes_file, project)


class FileLines:
    """Finds 'file:line' where a node's description starts (a line that opens with the node's
    CURIE or <IRI>), from one pass over the source files indexing every line's first token."""

    def __init__(self, project: Project, files: list[Path]) -> None:
        self.project = project
        self.files = [f for f in files if project.data_dir in f.parents]
        self._index: dict[str, tuple[int, int]] | None = None

    def _starts(self) -> dict[str, tuple[int, int]]:
        if self._index is None:
            index: dict[str, tuple[int, int]] = {}
            for order, path in enumerate(self.files):
                with open(path, encoding="utf-8") as handle:
                    for number, line in enumerate(handle, 1):
                        token, space, _ = line.partition(" ")
                        if space and token not in index:  # the first place wins, as a scan in file order
                            index[token] = (order, number)
            self._index = index
        return self._index

    def __call__(self, node: str) -> str | None:
        from .prefixes import PREFIXES

        prefix, _, local = node.partition(":")
        iri = PREFIXES.get(prefix, "") + local if prefix in PREFIXES else node
        starts = self._starts()
        places = [starts[token] for token in (node, f"<{iri}>") if token in starts]
        if not places:
            return None
        order, number = min(places)
        return f"{self.project.relative(self.files[order])}:{number}"
