"""Deterministic blank-node labels, fast.

rdflib's `to_canonical_graph` solves the general problem and takes minutes on
the seed's ~5,000 locator nodes. Ours are trees hanging off IRIs (a locator
belongs to one statement), so a label can be a hash of where the node hangs
(its parent and the predicate) and of its content, computed in one pass.
Identical siblings (same parent, predicate and content) are indistinguishable,
so numbering them in any order gives the same output. A graph whose blank nodes
form a cycle falls back to rdflib's algorithm.
"""

from __future__ import annotations

import hashlib
from collections import defaultdict
from collections.abc import Iterable, Iterator
from typing import Any

from rdflib import BNode, Graph
from rdflib.compare import to_canonical_graph
from rdflib.term import Node


class _Cycle(Exception):
    pass


def _digest(*parts: str) -> str:
    return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()[:32]


def relabel(graph: Graph) -> Graph:
    """A copy of ``graph`` with content-derived blank-node labels and triples added in sorted order."""
    try:
        mapping = _labels(graph)
    except _Cycle:
        canonical = to_canonical_graph(graph)
        out = Graph()
        for triple in sorted(canonical):
            out.add(triple)
        return out
    out = Graph()
    for triple in sorted((mapping.get(s, s), p, mapping.get(o, o)) for s, p, o in graph):
        out.add(triple)
    return out


def _labels(graph: Graph) -> dict[Node, BNode]:
    content: dict[BNode, list[tuple[str, Node]]] = defaultdict(list)
    incoming: dict[BNode, list[tuple[Node, str]]] = defaultdict(list)
    for s, p, o in graph:
        if isinstance(s, BNode):
            content[s].append((str(p), o))
        if isinstance(o, BNode):
            incoming[o].append((s, str(p)))
    signatures: dict[BNode, str] = {}

    def signature(node: BNode, path: frozenset[BNode] = frozenset()) -> str:
        if node in signatures:
            return signatures[node]
        if node in path:
            raise _Cycle()
        parts = sorted(
            f"{p} {signature(o, path | {node}) if isinstance(o, BNode) else o.n3()}" for p, o in content.get(node, [])
        )
        signatures[node] = _digest(*parts)
        return signatures[node]

    labels: dict[BNode, str] = {}

    def label(node: BNode, path: frozenset[BNode] = frozenset()) -> str:
        if node in labels:
            return labels[node]
        if node in path:
            raise _Cycle()
        parents = sorted(
            f"{label(s, path | {node}) if isinstance(s, BNode) else s.n3()} {p}" for s, p in incoming.get(node, [])
        )
        labels[node] = _digest(signature(node), *parents)
        return labels[node]

    nodes = set(content) | set(incoming)
    for node in nodes:
        label(node)
    mapping: dict[Node, BNode] = {}
    seen: dict[str, int] = defaultdict(int)
    for node in sorted(nodes, key=lambda n: labels[n]):
        base = labels[node]
        mapping[node] = BNode(f"b{base}{seen[base] or ''}")
        seen[base] += 1
    return mapping


# Locators become IRIs when the graph is loaded or compiled (the data files keep them as
# blank nodes): the IRI is a digest of the statement that owns the locator and of the
# locator's content, so the same sources give the same IRIs in every build, and a
# statement's source can be cited from outside. Computed from the terms' parts (not an
# engine's N-Triples form) so that rdflib and Oxigraph derive the same IRI.
LOCATOR = "https://w3id.org/citysafe/locator/"
LOCATOR_PREDICATE = "https://w3id.org/citysafe/ontology#locator"
_XSD_STRING = "http://www.w3.org/2001/XMLSchema#string"


def locator_iri(owner: str, content: list[tuple[str, str]]) -> str:
    """The IRI of a locator hanging off ``owner``, from its (predicate, term key) pairs."""
    return LOCATOR + _digest(owner, *sorted(f"{p} {key}" for p, key in content))


def is_locator(node: object) -> bool:
    """Whether ``node`` is a locator's IRI (see skolemise_locators)."""
    from rdflib import URIRef

    return isinstance(node, URIRef) and node.startswith(LOCATOR)


def _key(kind: str, value: str, datatype: str | None = None, language: str | None = None) -> str:
    if kind == "iri":
        return f"<{value}>"
    if language:
        return f'"{value}"@{language.lower()}'
    return f'"{value}"^^<{datatype or _XSD_STRING}>'


def skolemise_locators(graph: Graph) -> Graph:
    """Give every blank-node locator of ``graph`` (in place) its content-derived IRI."""
    from rdflib import Literal, URIRef

    predicate = URIRef(LOCATOR_PREDICATE)
    for owner, node in list(graph.subject_objects(predicate)):
        if not isinstance(node, BNode) or isinstance(owner, BNode) or len(set(graph.subjects(None, node))) != 1:
            continue
        content = list(graph.predicate_objects(node))
        if any(isinstance(o, BNode) for _, o in content):
            continue  # a nested structure: left as it is
        keys = [(str(p), _key("literal", str(o), str(o.datatype) if o.datatype else None, o.language)
                 if isinstance(o, Literal) else _key("iri", str(o))) for p, o in content]
        iri = URIRef(locator_iri(str(owner), keys))
        graph.remove((owner, predicate, node))
        graph.add((owner, predicate, iri))
        for p, o in content:
            graph.remove((node, p, o))
            graph.add((iri, p, o))
    return graph


WINDOW = 100_000  # quads after which a blank node no quad has touched is taken as complete


class Reopened(Exception):
    """A quad touched a blank node already passed on (skolemised_quads with a window): load again without one."""


def skolemised_quads(quads: Iterable[Any], window: int | None = WINDOW) -> Iterator[Any]:
    """One document's pyoxigraph quads (default graph), its locators given their IRIs as
    skolemise_locators gives them, as a stream: a quad without a blank node passes at once; those
    with one are held until ``window`` quads have gone by without touching their blank node (a
    locator's quads come together in every file we write), then passed on, relabelled where they
    belong to a locator; quads joining two blank nodes, and all of them with no window, are held
    to the end of the document (a blank node label is scoped to it). A quad that touches a blank
    node already passed on raises Reopened. Duplicate quads count once, as a store keeps them.
    Held whole, 100,000 programs' locators took 2.6 GB; in a window, a few MB."""
    import pyoxigraph as ox

    blank = ox.BlankNode
    held: dict[Any, None] = {}
    members: dict[Any, list[Any]] = defaultdict(list)
    touched: dict[Any, int] = {}
    joined: set[Any] = set()  # blank nodes linked to another blank node: held to the end
    passed: set[Any] = set()
    swept = 0
    for position, quad in enumerate(quads):
        subject, obj = quad.subject, quad.object
        nodes = [node for node in (subject, obj) if isinstance(node, blank)]
        if not nodes:
            yield quad
            continue
        if quad in held:
            continue
        for node in nodes:
            if node in passed:
                raise Reopened(str(node))
            touched[node] = position
            members[node].append(quad)
        if len(nodes) == 2:
            joined.update(nodes)
        held[quad] = None
        if window is not None and position - swept >= window:
            swept = position
            done = [node for node, last in touched.items() if last < position - window and node not in joined]
            group: list[Any] = []
            for node in done:
                del touched[node]
                passed.add(node)
                for member in members.pop(node):
                    del held[member]
                    group.append(member)
            yield from _relabelled(group)
    yield from _relabelled(list(held))


def _relabelled(held: list[Any]) -> Iterator[Any]:
    """Held quads, each blank node with all its quads, those of locators relabelled with their IRIs."""
    import pyoxigraph as ox

    predicate = ox.NamedNode(LOCATOR_PREDICATE)
    blank = ox.BlankNode
    references: dict[Any, int] = defaultdict(int)
    content: dict[Any, list[Any]] = defaultdict(list)
    for quad in held:
        if isinstance(quad.object, blank):
            references[quad.object] += 1
        if isinstance(quad.subject, blank):
            content[quad.subject].append(quad)
    iri: dict[Any, Any] = {}
    for quad in held:
        node, owner = quad.object, quad.subject
        if (quad.predicate != predicate or not isinstance(node, blank) or isinstance(owner, blank)
                or references[node] != 1):
            continue
        parts = content.get(node, [])
        if any(isinstance(q.object, blank) for q in parts):
            continue  # a nested structure: left as it is
        keys = [(q.predicate.value, _key("literal", q.object.value, q.object.datatype.value, q.object.language)
                 if isinstance(q.object, ox.Literal) else _key("iri", q.object.value)) for q in parts]
        iri[node] = ox.NamedNode(locator_iri(owner.value, keys))
    for quad in held:
        subject, obj = iri.get(quad.subject), iri.get(quad.object)
        if subject is None and obj is None:
            yield quad
        else:
            yield ox.Quad(quad.subject if subject is None else subject, quad.predicate,
                          quad.object if obj is None else obj, quad.graph_name)
