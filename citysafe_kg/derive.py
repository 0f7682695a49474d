"""Derived statements: the rules of queries/rules/*.rq, applied after loading.

Each rule is a SPARQL CONSTRUCT; the rules run in file-name order and each sees
what the earlier ones derived (the valence of a change, then the effect, then a
finding's appraised level, then the ratings: docs/RATING.md). Their triples are
never written in data/ (the shapes refuse them there): they are regenerated from
the sources on every compile, so a rating can never drift from the findings and
the rule it rests on. Validation runs on the sources alone.

In the compiled Oxigraph store the derived triples live in their own named graph
(DERIVED_GRAPH): queries read the union of both graphs, validation reads the
default graph (the sources), and the exports write both as one graph.
"""

from __future__ import annotations

import itertools
import os
import shutil
import tempfile
from functools import lru_cache
from pathlib import Path
from typing import Any

from .resources import Project, default_project
from .store import BULK_SLICE

DERIVED_GRAPH = "https://w3id.org/citysafe/graph/derived"
BULK_AT = 10_000  # a rule deriving more triples than this is written by a bulk insert


def rule_files(project: Project | None = None) -> list[Path]:
    """The CONSTRUCT rules, in the order they run."""
    project = project or default_project()
    return sorted((project.queries_dir / "rules").glob("*.rq"))


def derive_oxigraph(store: Any, project: Project | None = None) -> int:
    """Apply every rule to a pyoxigraph Store, adding what they derive to the named graph
    DERIVED_GRAPH (each rule reads the sources and what the earlier rules derived);
    return the number of triples added."""
    import pyoxigraph as ox

    from .errors import RuntimeFailure

    graph = ox.NamedNode(DERIVED_GRAPH)
    added = 0
    for path in rule_files(project):
        try:
            triples = list(store.query(path.read_text(encoding="utf-8"), use_default_graph_as_union=True))
        except (SyntaxError, OSError, ValueError, RuntimeError) as exc:
            raise RuntimeFailure(f"Rule {path.name} failed in Oxigraph: {exc}") from None
        before = len(store)
        quads = (ox.Quad(t.subject, t.predicate, t.object, graph) for t in triples)
        if len(triples) > BULK_AT:  # a transactional insert took 8 s for the 218,501 rating triples at 10,000 programs
            while chunk := list(itertools.islice(quads, BULK_SLICE)):  # bulk_extend holds its input in memory
                store.bulk_extend(chunk)
        else:
            store.extend(quads)
        added += len(store) - before
    return added


def dump_with_derived(store: Any, path: Any, fmt: Any, prefixes: dict[str, str] | None = None) -> None:
    """Write the sources and the derived statements of a pyoxigraph Store to ``path`` as one
    graph: N-Triples and Turtle documents concatenate; the two JSON-LD arrays are joined on disk
    (held in memory, the two documents and their join took ~5 GB at 100,000 programs)."""
    import pyoxigraph as ox

    derived = ox.NamedNode(DERIVED_GRAPH)
    options = {"prefixes": prefixes} if prefixes and fmt == ox.RdfFormat.TURTLE else {}
    with open(path, "w+b") as out:
        store.dump(out, format=fmt, from_graph=ox.DefaultGraph(), **options)
        if fmt != ox.RdfFormat.JSON_LD:
            store.dump(out, format=fmt, from_graph=derived, **options)
            return
        with tempfile.TemporaryFile(dir=os.path.dirname(os.path.abspath(path))) as second:
            store.dump(second, format=fmt, from_graph=derived)
            _join_json_arrays(out, second)


def _join_json_arrays(out: Any, second: Any) -> None:
    """Append the items of the JSON array in ``second`` to the JSON array that ``out`` holds,
    both files, without reading either whole. An empty second array leaves ``out`` as it is."""
    start = _first_byte(second)
    if start is None or _byte_at(second, start) != b"[":
        raise ValueError("the derived statements' JSON-LD is not an array")
    after = _first_byte(second, start + 1)
    if after is None or _byte_at(second, after) == b"]":
        return  # nothing derived
    end = _last_byte(out)
    if end is None or _byte_at(out, end) != b"]":
        raise ValueError("the sources' JSON-LD is not an array")
    before = _last_byte(out, end)
    empty = before is not None and _byte_at(out, before) == b"["
    out.seek(end)
    out.truncate()
    if not empty:
        out.write(b",")
    second.seek(start + 1)
    shutil.copyfileobj(second, out, 1 << 20)


def _byte_at(handle: Any, position: int) -> bytes:
    handle.seek(position)
    return handle.read(1)


def _first_byte(handle: Any, start: int = 0) -> int | None:
    """The position of the first non-space byte at or after ``start``, or None."""
    handle.seek(start)
    position = start
    while block := handle.read(1 << 16):
        stripped = block.lstrip()
        if stripped:
            return position + len(block) - len(stripped)
        position += len(block)
    return None


def _last_byte(handle: Any, before: int | None = None) -> int | None:
    """The position of the last non-space byte before ``before`` (the end if omitted), or None."""
    end = handle.seek(0, os.SEEK_END) if before is None else before
    while end > 0:
        size = min(1 << 16, end)
        handle.seek(end - size)
        block = handle.read(size)
        stripped = block.rstrip()
        if stripped:
            return end - size + len(stripped) - 1
        end -= size
    return None


@lru_cache(maxsize=32)
def _prepared(text: str) -> Any:
    """rdflib's parser takes seconds on the longer rules: parse each once per process."""
    from rdflib.plugins.sparql import prepareQuery

    return prepareQuery(text)


def derive_rdflib(graph: Any, project: Project | None = None) -> int:
    """Apply every rule to an rdflib Graph (in place) with rdflib's own engine, the reference:
    `--backend rdflib` answers from it; return the triples added."""
    from .errors import RuntimeFailure

    added = 0
    for path in rule_files(project):
        try:
            result = graph.query(_prepared(path.read_text(encoding="utf-8")))
            triples = list(result)
        except Exception as exc:  # rdflib raises many types; none should reach a user as a traceback
            raise RuntimeFailure(f"Rule {path.name} failed in rdflib: {type(exc).__name__}: {exc}") from None
        before = len(graph)
        for triple in triples:
            graph.add(triple)
        added += len(graph) - before
    return added


def add_derived_from_store(graph: Any, store: Any) -> int:
    """Copy the derived statements of a compiled Oxigraph store (its DERIVED_GRAPH) into an
    rdflib Graph: the exports of a validated rdflib graph, without deriving twice."""
    import pyoxigraph as ox
    from rdflib import BNode, Literal, URIRef

    def term(node: Any) -> Any:
        if isinstance(node, ox.NamedNode):
            return URIRef(node.value)
        if isinstance(node, ox.BlankNode):
            return BNode(node.value)
        if node.language:
            return Literal(node.value, lang=node.language)
        return Literal(node.value, datatype=URIRef(node.datatype.value)) if node.datatype else Literal(node.value)

    before = len(graph)
    for quad in store.quads_for_pattern(None, None, None, ox.NamedNode(DERIVED_GRAPH)):
        graph.add((term(quad.subject), term(quad.predicate), term(quad.object)))
    return len(graph) - before
