"""Cross-case patterns with networkx, built from named-query results.

The networks are built from the rows of queries/*.rq, not by walking the rdflib
graph, so they work on whatever store answered the queries. The analyses
describe; with ten cases they never claim causation.
"""

from __future__ import annotations

import itertools
import json
from collections import defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import networkx as nx

from .io import atomic_write_text
from .queries import Table

Runner = Callable[[str, dict[str, str]], Table]
"""Runs a named query with parameters and returns its Table."""

@dataclass
class Pattern:
    """A pattern's findings as a table, and the network behind them."""

    table: Table
    network: nx.Graph


def iri(value: str) -> str:
    """The full IRI of a query cell (queries give CURIEs): every network node carries one, so
    that a GraphML or node-link export joins back to the graph."""
    from .prefixes import PREFIXES

    prefix, sep, local = str(value).partition(":")
    return PREFIXES[prefix] + local if sep and prefix in PREFIXES else str(value)


def _records(run: Runner, name: str, params: dict[str, str] | None = None) -> list[dict[str, Any]]:
    return run(name, params or {}).records()


def homicide_decrease_programs(run: Runner) -> set[str]:
    """Programs with at least one outcome reporting a decrease in homicide (or a narrower
    indicator), however it was measured: an observed change, not an effect."""
    return {r["program_label"] for r in _records(run, "findings-by-indicator", {"indicator": "ind:homicide"})
            if r.get("kind") == "outcome" and r.get("direction") == "decrease"}


def homicide_benefit_programs(run: Runner) -> set[str]:
    """Programs the rating rule rates effective or promising on homicide (docs/RATING.md):
    a desirable effect estimated against a comparison at level 3 or above."""
    return {r["program_label"] for r in _records(run, "ratings", {"indicator": "ind:homicide"})
            if r.get("rating") in ("effective", "promising")}


def cooccurrence(run: Runner, level: str = "type") -> Pattern:
    """Which component types (or top-level groups) appear together in the case programs.

    Edge weight = number of programs with both (a program's own components: a sub-program's
    are not credited to its parent). Each pair also counts the programs rated effective or
    promising on homicide, and those with only an observed homicide decrease (no estimate
    against a comparison at level 3 or above), naming them all.
    """
    key, label = ("type", "type_label") if level == "type" else ("top", "top_label")
    by_program: dict[str, set[str]] = defaultdict(set)
    iris: dict[str, str] = {}
    for row in _records(run, "program-component-types"):
        by_program[row["program_label"]].add(row[label])
        iris[row[label]] = iri(row[key])
    benefit = homicide_benefit_programs(run)
    observed = homicide_decrease_programs(run) - benefit
    network = nx.Graph()
    for program, kinds in by_program.items():
        for kind in kinds:
            network.add_node(kind, programs=network.nodes[kind]["programs"] + 1 if kind in network else 1,
                             iri=iris[kind])
        for a, b in itertools.combinations(sorted(kinds), 2):
            data = network.get_edge_data(a, b, default={"weight": 0, "programs": []})
            network.add_edge(a, b, weight=data["weight"] + 1, programs=sorted([*data["programs"], program]))
    rows = []
    for u, v, data in network.edges(data=True):
        a, b = sorted((u, v))
        rated = [p for p in data["programs"] if p in benefit]
        seen = [p for p in data["programs"] if p in observed]
        rows.append([a, b, data["weight"], len(rated), len(seen), data["weight"] - len(rated) - len(seen),
                     " | ".join(data["programs"])])
    rows.sort(key=lambda r: (-r[2], -r[3], -r[4], r[0], r[1]))
    for _, _, data in network.edges(data=True):
        data["programs"] = " | ".join(data["programs"])  # GraphML takes scalars only
    columns = ["type_a", "type_b", "programs", "rated_homicide_benefit", "observed_decrease_only", "neither",
               "program_names"]
    return Pattern(Table(columns, rows), network)


def _features(run: Runner) -> dict[str, set[str]]:
    features: dict[str, set[str]] = defaultdict(set)
    for row in _records(run, "program-component-types"):
        features[row["program"]].update({f"type:{row['type_label']}", f"group:{row['top_label']}"})
    for row in _records(run, "program-target-groups"):
        lo, hi = row.get("min_age"), row.get("max_age")
        if lo is not None or hi is not None:
            lo, hi = lo if lo is not None else 0, hi if hi is not None else 99
            for band, (a, b) in {"children 0-11": (0, 11), "adolescents 12-17": (12, 17), "young adults 18-24": (18, 24),
                                 "adults 25+": (25, 200)}.items():
                if lo <= b and hi >= a:
                    features[row["program"]].add(f"age:{band}")
        if row.get("sex"):
            features[row["program"]].add(f"sex:{row['sex'].rsplit('/', 1)[-1].rsplit(':', 1)[-1]}")
    return dict(features)


def similarity(run: Runner, program: str, top: int = 5) -> Pattern:
    """The programs nearest to ``program`` by Jaccard similarity of component types,
    top-level groups, age bands and sex of their target groups."""
    from .errors import UnknownNameError
    from .queries import suggest

    features = _features(run)
    labels = {r["program"]: r["program_label"] for r in _records(run, "program-component-types")}
    target = program if program in features else f"csd:{program}"
    if target not in features:
        known = sorted(k.removeprefix("csd:") for k in features)
        raise UnknownNameError(f'No components recorded for program "{program}".{suggest(program, known)}')
    network = nx.Graph()
    rows = []
    for other, feats in features.items():
        if other == target:
            continue
        union = features[target] | feats
        shared = features[target] & feats
        score = len(shared) / len(union) if union else 0.0
        if score > 0:
            network.add_edge(labels.get(target, target), labels.get(other, other), weight=round(score, 3))
        rows.append([labels.get(other, other), round(score, 3), len(shared), " | ".join(sorted(shared))])
    by_label = {labels.get(node, node): node for node in features}
    for node in network.nodes:
        network.nodes[node]["iri"] = iri(by_label.get(node, node))
    rows.sort(key=lambda r: (-r[1], r[0]))
    return Pattern(Table(["program", "similarity", "shared_features", "shared"], rows[:top]), network)


def actors(run: Runner) -> Pattern:
    """Actors linked by the programs they share, with degree and betweenness centrality
    (estimated from 200 sampled sources past 500 actors)."""
    bipartite = nx.Graph()
    kinds = {}
    for row in _records(run, "actor-program-links"):
        actor, program = row["actor_label"], row["program_label"]
        kinds[actor] = row.get("actor_type") or ""
        bipartite.add_node(actor, bipartite=0, iri=iri(row["actor"]))
        bipartite.add_node(program, bipartite=1, iri=iri(row["program"]))
        bipartite.add_edge(actor, program)
    actor_nodes = [n for n, d in bipartite.nodes(data=True) if d["bipartite"] == 0]
    network = nx.algorithms.bipartite.weighted_projected_graph(bipartite, actor_nodes)
    # Exact betweenness is O(nodes x edges): 28 s at 10,000 programs. Past 500 actors, estimate it
    # from 200 sampled sources (seeded, so the same graph gives the same figures).
    sample = {"k": 200, "seed": 1} if len(network) > 500 else {}
    betweenness = nx.betweenness_centrality(network, weight=None, **sample) if network.number_of_edges() else {}
    degree = nx.degree_centrality(network) if len(network) > 1 else {}
    for node in network.nodes:
        network.nodes[node]["actor_type"] = kinds.get(node, "")
        network.nodes[node]["programs"] = bipartite.degree(node)
    rows = [[n, kinds.get(n, ""), bipartite.degree(n), network.degree(n), round(degree.get(n, 0.0), 3), round(betweenness.get(n, 0.0), 3)]
            for n in network.nodes]
    rows.sort(key=lambda r: (-r[2], -r[5], r[0]))
    return Pattern(Table(["actor", "actor_type", "programs", "linked_actors", "degree_centrality", "betweenness"], rows), network)


def influence(run: Runner) -> Pattern:
    """The influence network (edge: program -> the model it drew on): each model's descendants and the chains."""
    network = nx.DiGraph()
    for row in _records(run, "influence"):
        network.add_edge(row["program_label"], row["influencer_label"])
        network.nodes[row["program_label"]]["iri"] = iri(row["program"])
        network.nodes[row["influencer_label"]]["iri"] = iri(row["influencer"])
    rows = []
    for model in network.nodes:
        descendants = nx.ancestors(network, model)  # programs that reach the model
        if not descendants:
            continue
        chains = []
        for source in sorted(descendants):
            if network.in_degree(source) == 0:
                for path in nx.all_simple_paths(network, source, model):
                    chains.append(" -> ".join(path))
        longest = max((c.count(" -> ") + 1 for c in chains), default=1)
        rows.append([model, len(descendants), network.in_degree(model), longest, " | ".join(sorted(descendants)), " || ".join(sorted(chains))])
    rows.sort(key=lambda r: (-r[1], -r[2], r[0]))
    return Pattern(Table(["model", "descendants", "direct", "longest_chain", "descendant_programs", "chains"], rows), network)


def write_network(network: nx.Graph, graphml: Path | None = None, node_link: Path | None = None) -> list[Path]:
    """Write a network as GraphML (Gephi, Cytoscape) and/or node-link JSON (D3), atomically."""
    written = []
    if graphml is not None:
        atomic_write_text(graphml, "\n".join(nx.generate_graphml(network)) + "\n")
        written.append(graphml)
    if node_link is not None:
        data = nx.node_link_data(network, edges="links")
        atomic_write_text(node_link, json.dumps(data, ensure_ascii=False, indent=2, sort_keys=True) + "\n")
        written.append(node_link)
    return written
