"""Oxigraph: a value given by VALUES is not pushed into a zero-or-more property path.

Minimal reproduction for Oxigraph's issue tracker (pyoxigraph only, in memory). Outcomes
carry an indicator; an indicator may be narrower than another (ex:broader). The query asks
for one program's outcomes whose indicator is ex:top or narrower (ex:broader*). With the
indicator written in the pattern the query takes a fraction of a millisecond; with the
same IRI given by VALUES (which is how a parameterised query is usually written) the path
is evaluated for every outcome of the graph first, and the cost grows with the graph.
Binding the variable with pyoxigraph's substitutions= argument, as this project's
named queries are bound, does not suffer. All return the same rows.

    python bench/upstream/values_path.py [N]
"""

from __future__ import annotations

import sys
import time

import pyoxigraph as ox

EX = "http://example.org/"
PREFIX = f"PREFIX ex: <{EX}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"

CONSTANT = PREFIX + """SELECT ?o ?label WHERE {
  ?o ex:indicator ?i ; ex:ofProgram ex:p1 ; rdfs:label ?label .
  ?i ex:broader* ex:top .
}"""

BY_VALUES = PREFIX + """SELECT ?o ?label WHERE {
  VALUES ?top { ex:top }
  ?o ex:indicator ?i ; ex:ofProgram ex:p1 ; rdfs:label ?label .
  ?i ex:broader* ?top .
}"""


def graph(programs: int) -> ox.Store:
    store = ox.Store()
    n = ox.NamedNode
    quads = [ox.Quad(n(EX + "narrow"), n(EX + "broader"), n(EX + "top"))]
    for p in range(programs):
        for k in range(10):
            o = n(f"{EX}p{p}o{k}")
            quads += [ox.Quad(o, n(EX + "ofProgram"), n(f"{EX}p{p}")),
                      ox.Quad(o, n("http://www.w3.org/2000/01/rdf-schema#label"), ox.Literal(f"outcome {p}.{k}")),
                      ox.Quad(o, n(EX + "indicator"), n(EX + ("narrow" if k % 2 else "other")))]
    store.bulk_extend(quads)
    return store


def timed(store: ox.Store, text: str, substitutions: dict | None = None, repeat: int = 5) -> str:
    first = sorted(str(s["o"]) for s in store.query(text, substitutions=substitutions))  # warms the store up
    start = time.perf_counter()
    for _ in range(repeat):
        rows = sorted(str(s["o"]) for s in store.query(text, substitutions=substitutions))
    assert rows == first
    return f"{(time.perf_counter() - start) / repeat * 1000:9.2f} ms, {len(rows)} rows: {', '.join(r.rsplit('/', 1)[1][:-1] for r in rows)}"


def main() -> None:
    programs = int(sys.argv[1]) if len(sys.argv) > 1 else 100_000
    store = graph(programs)
    print(f"pyoxigraph {ox.__version__}, {programs:,} programs, {len(store):,} triples")
    print("?i ex:broader* ex:top                    :", timed(store, CONSTANT))
    print("VALUES ?top { ex:top } ?i ex:broader* ?top:", timed(store, BY_VALUES))
    by_substitution = BY_VALUES.replace("  VALUES ?top { ex:top }\n", "").replace("?o ?label WHERE", "?o ?label ?top WHERE")
    print("substitutions={?top: ex:top}            :",
          timed(store, by_substitution, {ox.Variable("top"): ox.NamedNode(EX + "top")}))


if __name__ == "__main__":
    main()
