"""Validate the graph: SHACL shapes (pyshacl, the reference engine), the
fidelity checks against the report text, and the *-violation.rq queries."""

from __future__ import annotations

import re
import shutil
import tempfile
import threading
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from rdflib import BNode, Graph, URIRef
from rdflib.term import Node

from .errors import UserError
from .graph import FileLines, LoadedGraph, load_shapes
from .namespaces import SH, bind_prefixes
from .prefixes import PREFIXES
from .queries import as_store, list_queries
from .resources import Project
from .terms import curie


# The figures printed in each case section (data/shared/report.ttl), for `validate --case`.
CASE_FIGURES: dict[str, tuple[int, ...]] = {
    "bolivia": (1,), "belo-horizonte": (2,), "rio-de-janeiro": (3,), "valparaiso": (4,), "colombia": (5, 6, 7),
    "dominican-republic": (8,), "sula-valley": (9,), "kingston": (10, 11), "ciudad-juarez": (12,), "caracas": (13,),
}


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

    def only_cases(self, cases: list[str]) -> "ValidationReport":
        """The findings located in the given case files, or about those cases' figures."""
        files = tuple(f"data/cases/{name}.ttl" for name in cases)
        figures = {f"csd:figure-{n}" for name in cases for n in CASE_FIGURES.get(name, ())}
        kept = [f for f in self.findings if (f.where and f.where.startswith(files)) or f.focus_label in figures]
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


def run_fidelity(store: Any, project: Project, where: Callable[[str], str | None]) -> list[Finding]:
    """The checks against the report text (see fidelity.py), as Violations."""
    from .fidelity import check

    if not project.report_text.is_file():
        return []  # no report text in this project (e.g. a synthetic graph): nothing to check against
    return [
        Finding(severity="Violation", focus=_node(issue.node), focus_label=issue.node, shape="fidelity", path=None,
                component=f"fidelity:{issue.check}", message=issue.message, where=where(issue.node))
        for issue in check(store, project.report_text)
    ]


def run_shacl_fast(project: Project, store: Any, where: Callable[[str], str | None],
                   ntriples: Path | None = None,
                   alongside: tuple[Callable[[], list[Finding]], ...] = ()) -> list[Finding]:
    """Validate with `shacl`, a Rust SHACL engine (~100x pyshacl's speed), proved to agree
    with pyshacl on the fixtures of tests/shapes (tests/test_engines.py).

    It reads the compiled Oxigraph build dumped as N-Triples, so that the blank
    nodes it reports (locators) can be traced back to the node that owns them.
    ``ntriples``, if given, keeps that dump (the build ships it as graph.nt).

    `shacl` releases the GIL, so it runs in a thread while this one runs the
    SHACL-SPARQL constraints and the ``alongside`` checks on Oxigraph: two cores busy.
    """
    try:
        import shacl
    except ImportError:
        raise UserError("The fast validator is not installed: pip install 'citysafe-kg[fast-validation]'.") from None
    import pyoxigraph as ox

    core, constraints = split_sparql_constraints(project.shapes_file)
    shapes = shacl.Shapes.from_text(core)
    work = _work_folder(store)
    dump, skolem = str(work / "sources.nt"), str(work / "sources.skolem.nt")
    try:
        store.store.dump(dump, format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())
        _skolemise(Path(dump), Path(skolem))
        if ntriples is not None:
            shutil.move(dump, ntriples)
        outcome: dict[str, Any] = {}

        def engine() -> None:
            try:
                outcome["report"] = shapes.validate_file(skolem, allow_warnings=True)
            except BaseException as error:  # noqa: BLE001 - re-raised below, in this thread
                outcome["error"] = error

        worker = threading.Thread(target=engine, name="citysafe-shacl", daemon=True)
        worker.start()
        try:
            others = run_sparql_constraints(constraints, store, where)
            for check in alongside:
                others += check()
        finally:
            worker.join()
        if "error" in outcome:
            raise outcome["error"]
        report = outcome["report"]
    finally:
        shutil.rmtree(work, ignore_errors=True)
    findings = []
    for result in report.results:
        focus = _owner(store, result.focus_node)
        named = result.root_shape or result.source_shape or "?"
        findings.append(Finding(
            severity=result.severity,
            focus=_node(focus),
            focus_label=curie(focus),
            shape=curie(named.strip("<>")),
            path=_sparql_path(result.path),
            component=result.component.removesuffix("ConstraintComponent"),
            message=result.message or result.component,
            value=result.value_plain,
            where=where(curie(focus)),
        ))
    return findings + others


def _work_folder(store: Any) -> Path:
    """A private folder for the validator's N-Triples dumps (2 x 2.3 GB at 100,000 programs): in the
    compiled build's folder, where the next validation sweeps what a killed one left (the system's
    temporary folder would keep it), or the temporary folder for a store with no folder."""
    from .io import staging_dir, sweep_staging

    path = getattr(store, "path", None)
    if path is not None:
        parent = Path(path).parent
        try:
            sweep_staging(parent, "validate")
            return staging_dir(parent, "validate")
        except OSError:
            pass  # a read-only cache: the temporary folder will do
    return Path(tempfile.mkdtemp(prefix="citysafe-validate-"))


SKOLEM = "urn:x-citysafe-blank:"
_SUBJECT_BLANK = re.compile(r"^_:(\S+) ", re.MULTILINE)
_OBJECT_BLANK = re.compile(r" _:(\S+) \.$", re.MULTILINE)


def _skolemise(source: Path, target: Path) -> None:
    """Rewrite an N-Triples file with blank nodes as urn: IRIs, so that `shacl`, which
    relabels blank nodes when it parses, reports labels we can trace to their owners."""
    with open(source, encoding="utf-8") as reader, open(target, "w", encoding="utf-8") as writer:
        while True:
            lines = reader.readlines(1 << 22)
            if not lines:
                break
            block = "".join(lines)
            block = _SUBJECT_BLANK.sub(lambda m: f"<{SKOLEM}{m.group(1)}> ", block)
            writer.write(_OBJECT_BLANK.sub(lambda m: f" <{SKOLEM}{m.group(1)}> .", block))


def _owner(store: Any, term: str) -> str:
    """The IRI owning a blank node (walking up subjects), as a plain IRI string."""
    import pyoxigraph as ox

    from .bnodes import LOCATOR

    if term.startswith(f"<{SKOLEM}"):
        term = "_:" + term[len(SKOLEM) + 1:-1]
    seen = set()
    while (term.startswith("_:") or term.startswith(f"<{LOCATOR}")) and term not in seen:
        seen.add(term)
        node = ox.BlankNode(term[2:]) if term.startswith("_:") else ox.NamedNode(term[1:-1])
        parents = list(store.store.quads_for_pattern(None, None, node, ox.DefaultGraph()))
        if not parents:
            return term
        subject = parents[0].subject
        term = f"_:{subject.value}" if isinstance(subject, ox.BlankNode) else f"<{subject.value}>"
    return term.strip("<>")


def _node(text: str) -> Node:
    prefix, _, local = text.partition(":")
    if text.startswith("_:"):
        return BNode(text[2:])
    return URIRef(PREFIXES[prefix] + local if prefix in PREFIXES else text.strip("<>"))


def _sparql_path(path: str | None) -> str | None:
    """'<http://...#country>' -> 'cs:country'; '^<...>' -> '^cs:...'."""
    if not path:
        return None
    return re.sub(r"<([^>]+)>", lambda m: curie(m.group(1)), path)


# --- SHACL-SPARQL constraints on Oxigraph ------------------------------------------------------

SH_NS = "http://www.w3.org/ns/shacl#"
_TARGETS = {
    "targetClass": "?this a/<http://www.w3.org/2000/01/rdf-schema#subClassOf>* {} .",
    "targetSubjectsOf": "?this {} [] .",
    "targetObjectsOf": "[] {} ?this .",
    "targetNode": "FILTER (?this = {})",
}


@dataclass(frozen=True)
class SparqlConstraint:
    """One sh:sparql constraint of a node shape with direct targets, as a whole-graph query."""

    shape: str  # the shape's IRI
    constraint: Any  # the constraint node in the shapes store
    severity: str
    message: str
    query: str  # runs once over the whole graph; $this (= ?this) is each focus node


def split_sparql_constraints(shapes_file: Path) -> tuple[str, list[SparqlConstraint]]:
    """Split the shapes into (core shapes as Turtle, SPARQL constraints).

    SHACL-SPARQL pre-binds $this per focus node; the `shacl` engine does just that,
    which makes a constraint with a join cost O(focus nodes x graph): the two
    Evaluation constraints took 38 s at 10,000 programs (0.7 s at 1,000), about an
    hour at 100,000 by extrapolation. Each constraint of a shape with direct
    targets instead runs once over the whole graph on Oxigraph, with $this a variable
    restricted to the shape's targets. That is the same result when every sub-query
    projects $this (ours do), and tests/test_engines.py proves it agrees with
    pyshacl on every fixture. Constraints of shapes without targets stay with `shacl`.
    """
    import pyoxigraph as ox

    shapes = ox.Store()
    shapes.load(path=str(shapes_file), format=ox.RdfFormat.TURTLE, to_graph=ox.DefaultGraph())
    sh = f"PREFIX sh: <{SH_NS}>\n"
    constraints = []
    for row in shapes.query(sh + """
        SELECT ?shape ?c ?select ?message ?severity WHERE {
            ?shape sh:sparql ?c . ?c sh:select ?select .
            FILTER NOT EXISTS { ?c sh:deactivated true }
            FILTER EXISTS { ?shape sh:targetClass|sh:targetSubjectsOf|sh:targetObjectsOf|sh:targetNode [] }
            OPTIONAL { ?c sh:message ?message }
            OPTIONAL { ?shape sh:severity ?severity }
        } ORDER BY ?shape ?select"""):
        shape, node = row["shape"], row["c"]
        targets = [_TARGETS[t["p"].value.removeprefix(SH_NS)].format(t["o"]) for t in shapes.query(
            sh + "SELECT ?s ?p ?o WHERE { ?s ?p ?o FILTER (?p IN (sh:targetClass, sh:targetSubjectsOf, sh:targetObjectsOf, sh:targetNode)) }",
            substitutions={ox.Variable("s"): shape})]
        prefixes = "".join(f"PREFIX {p['prefix'].value}: <{p['namespace'].value}>\n" for p in shapes.query(
            sh + "SELECT DISTINCT ?c ?prefix ?namespace WHERE { ?c sh:prefixes/owl:imports*/sh:declare [ sh:prefix ?prefix ; sh:namespace ?namespace ] }"
            .replace("owl:imports", "<http://www.w3.org/2002/07/owl#imports>"),
            substitutions={ox.Variable("c"): node}))
        body = row["select"].value  # $this and ?this are one variable in SPARQL
        union = " UNION ".join("{ %s }" % t for t in targets)
        query = f"{prefixes}SELECT * WHERE {{\n{{ {body} }}\nFILTER EXISTS {{ {union} }}\n}}"
        severity = row["severity"].value.removeprefix(SH_NS) if row["severity"] else "Violation"
        message = row["message"].value if row["message"] else ""
        constraints.append(SparqlConstraint(shape.value, node, severity, message, query))
    for c in constraints:
        shapes.remove(ox.Quad(ox.NamedNode(c.shape), ox.NamedNode(SH_NS + "sparql"), c.constraint, ox.DefaultGraph()))
    core = shapes.dump(format=ox.RdfFormat.TURTLE, from_graph=ox.DefaultGraph()).decode("utf-8")
    return core, constraints


def run_sparql_constraints(constraints: list[SparqlConstraint], store: Any,
                           where: Callable[[str], str | None]) -> list[Finding]:
    findings = []
    for constraint in constraints:
        for row in store.store.query(constraint.query):
            focus_term = row["this"]
            focus = f"_:{focus_term.value}" if focus_term.__class__.__name__ == "BlankNode" else focus_term.value
            owner = _owner(store, focus if focus.startswith("_:") else f"<{focus}>")

            def value(match: re.Match[str]) -> str:
                name = "this" if match.group(1) == "$this" else match.group(1)[1:]
                term = row[name]
                return term.value if term is not None else match.group(0)

            findings.append(Finding(
                severity=constraint.severity,
                focus=_node(owner),
                focus_label=curie(owner),
                shape=curie(constraint.shape),
                path=None,
                component="SPARQL",
                message=re.sub(r"\{([?$]\w+)\}", value, constraint.message) or "SPARQL",
                value=focus,
                where=where(curie(owner)),
            ))
    return findings


def run_violation_queries(store: Any, project: Project, where: Any = None) -> list[Any]:
    """Run every queries/*-violation.rq on a store; each row (?focus ?message) is a Violation."""
    findings = []
    for query in list_queries(project):
        if not query.is_violation_check:
            continue
        for record in as_store(store).select(query.text).records():
            focus = str(record.get("focus"))
            prefix, _, local = focus.partition(":")
            findings.append(Finding(
                severity="Violation",
                focus=URIRef(PREFIXES[prefix] + local if prefix in PREFIXES else focus),
                focus_label=focus,
                shape=f"queries/{query.name}.rq",
                path=None,
                component=f"query:{query.name}",
                message=str(record.get("message") or query.summary),
                where=where(focus) if where else None,
            ))
    return findings


def validate(loaded: LoadedGraph, *, engine: str = "pyshacl", shacl: bool = True, fidelity: bool = True,
             queries: bool = True) -> ValidationReport:
    """All checks of a loaded graph: SHACL (pyshacl, the reference, or the fast `shacl`),
    the fidelity checks and the *-violation queries (both on the compiled build).
    The report conforms when none is a Violation."""
    from .compiled import compiled_store

    findings: list[Finding] = []
    if shacl:
        if engine == "shacl":
            findings += run_shacl_fast(loaded.project, compiled_store(loaded.project, loaded.files), _loaded_where(loaded))
        else:
            findings += run_shacl(loaded)
    if fidelity or queries:
        store = compiled_store(loaded.project, loaded.files).sources()  # the sources, not what the rules derive
        where = _loaded_where(loaded)
        if fidelity:
            findings += run_fidelity(store, loaded.project, where)
        if queries:
            findings += run_violation_queries(store, loaded.project, where)
    return ValidationReport(findings)


def validate_files(project: Project, files: list[Path] | None = None,
                   ntriples: Path | None = None) -> ValidationReport:
    """The fast path, with no rdflib graph: `shacl` on the source files, fidelity and
    violation queries on the compiled Oxigraph build (the default engine: tests/test_engines.py
    proves it reports what pyshacl reports). A validation already done for the same sources,
    shapes, queries and validator is read back from the compiled build, not run again.
    ``ntriples``: keep the N-Triples dump validated there (see run_shacl_fast)."""
    from .compiled import compiled_store

    files = files or project.graph_files()
    store = compiled_store(project, files).sources()  # the sources, not what the rules derive
    record = validation_record(project, files, store, "shacl")
    kept = read_validation(record)
    if kept is not None:
        if ntriples is not None:
            _dump_sources(store, ntriples)
        return kept
    where = FileLines(project, files)
    report = ValidationReport(run_shacl_fast(project, store, where, ntriples, alongside=(
        lambda: run_fidelity(store, project, where),
        lambda: run_violation_queries(store, project, where),
    )))
    keep_validation(record, report)
    return report


# --- validations kept in the compiled build ------------------------------------------------------

def validation_record(project: Project, files: list[Path], store: Any, engine: str) -> Path | None:
    """Where the findings of ``engine`` on these sources are kept: beside the compiled store (whose
    folder is named by the sources' hash), under a key over everything else a finding depends on:
    the shapes, the report text, the queries, the validator's code and the engines' versions."""
    import hashlib
    from importlib.metadata import PackageNotFoundError, version

    if store.path is None:
        return None
    digest = hashlib.sha256(f"engine {engine}\0".encode())
    code = Path(__file__).parent
    inputs = [project.shapes_file, project.report_text, *sorted(project.queries_dir.glob("*.rq")),
              *(code / f"{name}.py" for name in ("validate", "fidelity", "source_text", "graph", "queries"))]
    for path in inputs:
        digest.update(str(path.name).encode() + b"\0")
        digest.update(hashlib.sha256(path.read_bytes()).digest() if path.is_file() else b"absent")
    for package in ("citysafe-kg", "shacl", "pyshacl", "pyoxigraph"):
        try:
            digest.update(f"{package} {version(package)}\0".encode())
        except PackageNotFoundError:
            digest.update(f"{package} absent\0".encode())
    digest.update("\0".join(project.relative(f) for f in files).encode())
    return Path(store.path).parent / "validation" / f"{engine}-{digest.hexdigest()[:40]}.json"


def read_validation(record: Path | None) -> ValidationReport | None:
    import json

    if record is None or not record.is_file():
        return None
    try:
        data = json.loads(record.read_text(encoding="utf-8"))
        return ValidationReport([
            Finding(**{**item, "focus": BNode(item["focus"][2:]) if item["focus"].startswith("_:") else URIRef(item["focus"])})
            for item in data["findings"]
        ])
    except (OSError, ValueError, KeyError, TypeError):
        return None  # unreadable: validate again


def keep_validation(record: Path | None, report: ValidationReport) -> None:
    import dataclasses
    import json

    from .io import atomic_write_text

    if record is None:
        return
    findings = [{**dataclasses.asdict(f), "focus": f"_:{f.focus}" if isinstance(f.focus, BNode) else str(f.focus)}
                for f in report.findings]
    try:
        atomic_write_text(record, json.dumps({"findings": findings}, ensure_ascii=False))
    except OSError:
        pass  # a read-only cache only costs speed


def _dump_sources(store: Any, target: Path) -> None:
    """The N-Triples dump of the sources that run_shacl_fast would have kept, for a kept validation."""
    import pyoxigraph as ox

    # the build stages it in a temporary folder of its own; created with the umask's mode, as an export should be
    store.store.dump(str(target), format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph())


def _loaded_where(loaded: LoadedGraph) -> Callable[[str], str | None]:
    def where(node: str) -> str | None:
        owner = loaded.owner(_node(node))
        return loaded.line_of(owner) or ", ".join(loaded.files_of(owner)) or None

    return where
