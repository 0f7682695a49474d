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
    graph: N-Triples and Turtle documents concatenate; the two JSON-LD arrays are joined."""
    import pyoxigraph as ox

    derived = ox.NamedNode(DERIVED_GRAPH)
    options = {"prefixes": prefixes} if prefixes and fmt == ox.RdfFormat.TURTLE else {}
    with open(path, "wb") as out:
        if fmt != ox.RdfFormat.JSON_LD:
            store.dump(out, format=fmt, from_graph=ox.DefaultGraph(), **options)
            store.dump(out, format=fmt, from_graph=derived, **options)
            return
        first = store.dump(format=fmt, from_graph=ox.DefaultGraph()).rstrip()
        second = store.dump(format=fmt, from_graph=derived).strip()
        if second.startswith(b"[") and second.endswith(b"]") and len(second) > 2:
            out.write(first[:-1] + b"," + second[1:] if first.endswith(b"]") else first)
        else:
            out.write(first)


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
