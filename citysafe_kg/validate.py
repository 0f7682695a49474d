"""Validate the graph: SHACL shapes (pyshacl, the reference engine), the
fidelity checks against the report text, and the *-violation.rq queries."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import dataclass, field

from rdflib import BNode, Graph, URIRef
from rdflib.term import Node

from .graph import LoadedGraph, load_shapes
from .namespaces import SH, bind_prefixes


@dataclass(frozen=True)
class Finding:
    """One validation result, ready to print or assert on."""

    severity: str  # "Violation", "Warning" or "Info"
    focus: Node  # the IRI node that owns the problem (blank nodes resolved to their owner)
    focus_label: str
    shape: str  # the named shape that fired, e.g. "csx:Program"
    path: str | None  # e.g. "cs:country"
    component: str  # e.g. "MinCount", "SPARQL", "fidelity:quote-in-text", "query:orphan-..."
    message: str
    value: str | None = None
    where: str | None = None  # "data/cases/x.ttl:12" or the file name

    @property
    def key(self) -> tuple[str, str | None, str]:
        """(shape, path, component): which constraint fired."""
        return (self.shape, self.path, self.component)


@dataclass
class ValidationReport:
    findings: list[Finding] = field(default_factory=list)

    @property
    def violations(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "Violation"]

    @property
    def warnings(self) -> list[Finding]:
        return [f for f in self.findings if f.severity == "Warning"]

    @property
    def conforms(self) -> bool:
        return not self.violations

    def only_cases(self, loaded: "LoadedGraph", cases: list[str]) -> "ValidationReport":
        """The findings located in the given case files, or about those cases' figures."""
        from .namespaces import CS, CSD

        files = tuple(f"data/cases/{name}.ttl" for name in cases)
        sections = {CSD[f"section-{name}"] for name in cases}
        kept = [
            f for f in self.findings
            if (f.where and f.where.startswith(files))
            or loaded.graph.value(f.focus, CS.section) in sections
        ]
        return ValidationReport(kept)

    def by_focus(self) -> dict[str, list[Finding]]:
        grouped: dict[str, list[Finding]] = defaultdict(list)
        for finding in sorted(self.findings, key=lambda f: (f.where or "", f.focus_label, f.shape, f.path or "")):
            grouped[finding.focus_label].append(finding)
        return dict(grouped)


def _curie(graph: Graph, node: Node | None) -> str | None:
    if node is None:
        return None
    if isinstance(node, URIRef):
        return graph.namespace_manager.normalizeUri(node)
    if isinstance(node, BNode):
        return "_:" + str(node)[:8]
    return str(node)


def _path_label(shapes: Graph, data: Graph, path: Node | None) -> str | None:
    """A readable SHACL path: 'cs:country', or '^cs:hasComponent' for an inverse path."""
    if path is None:
        return None
    if isinstance(path, BNode):
        inverse = shapes.value(path, SH.inversePath)
        if inverse is not None:
            return "^" + (_curie(data, inverse) or "?")
    return _curie(data, path)


def _shape_identity(shapes: Graph, shape: Node) -> tuple[Node, Node | None]:
    """The named shape responsible for a (possibly anonymous) source shape, and its path."""
    path = shapes.value(shape, SH.path)
    current = shape
    seen: set[Node] = set()
    while isinstance(current, BNode) and current not in seen:
        seen.add(current)
        parent = next(iter(shapes.subjects(None, current)), None)
        if parent is None:
            break
        current = parent
    return current, path


def run_shacl(loaded: LoadedGraph, shapes: Graph | None = None) -> list[Finding]:
    """Validate with pyshacl and return typed findings."""
    import pyshacl  # imported here: it costs ~0.3 s, and only validation needs it

    shapes = bind_prefixes(shapes if shapes is not None else load_shapes(loaded.project))
    _conforms, results, _text = pyshacl.validate(
        loaded.graph, shacl_graph=shapes, inference="none", allow_warnings=True, advanced=True
    )
    graph = loaded.graph
    findings: list[Finding] = []
    # Only top-level results: nested sh:detail results (from sh:node) are explained by their parent.
    top_level = [r for report in results.subjects(SH.conforms, None) for r in results.objects(report, SH.result)]
    for result in top_level:
        severity = str(results.value(result, SH.resultSeverity)).rsplit("#", 1)[-1]
        focus = results.value(result, SH.focusNode)
        source = results.value(result, SH.sourceShape)
        component = str(results.value(result, SH.sourceConstraintComponent)).rsplit("#", 1)[-1]
        component = component.removesuffix("ConstraintComponent")
        named, path = _shape_identity(shapes, source)
        result_path = results.value(result, SH.resultPath)
        messages = [str(m) for m in results.objects(result, SH.resultMessage)]
        value = results.value(result, SH.value)
        owner = loaded.owner(focus)
        where = loaded.line_of(owner) or ", ".join(loaded.files_of(owner)) or None
        findings.append(Finding(
            severity=severity,
            focus=owner,
            focus_label=_curie(graph, owner) or "?",
            shape=_curie(shapes, named) or "?",
            path=_path_label(shapes, graph, path if path is not None else result_path),
            component=component,
            message=messages[0] if messages else component,
            value=_curie(graph, value) if value is not None else None,
            where=where,
        ))
    return findings


def run_fidelity(loaded: LoadedGraph) -> list[Finding]:
    from .fidelity import check

    findings = []
    for issue in check(loaded.graph, loaded.project.report_text):
        owner = loaded.owner(issue.node)
        findings.append(Finding(
            severity="Violation",
            focus=owner,
            focus_label=_curie(loaded.graph, owner) or "?",
            shape="fidelity",
            path=None,
            component=f"fidelity:{issue.check}",
            message=issue.message,
            where=loaded.line_of(owner) or ", ".join(loaded.files_of(owner)) or None,
        ))
    return findings


def validate(loaded: LoadedGraph, *, shacl: bool = True, fidelity: bool = True, queries: bool = True) -> ValidationReport:
    """All checks of the graph. The report conforms when none is a Violation."""
    findings: list[Finding] = []
    if shacl:
        findings += run_shacl(loaded)
    if fidelity:
        findings += run_fidelity(loaded)
    if queries:
        from .queries import run_violation_queries

        findings += run_violation_queries(loaded)
    return ValidationReport(findings)
