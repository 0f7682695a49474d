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
