"""Oxigraph: where an OPTIONAL sits among required patterns changes the cost by orders of magnitude.

Minimal reproduction for Oxigraph's issue tracker (pyoxigraph only, in memory). The two
queries are the same SPARQL algebra up to the commutation of a join with a left join on
disjoint variables (the OPTIONAL shares only ?o with the patterns after it), so they
return the same rows; the first puts the OPTIONAL, and a FILTER on its variable,
before two required patterns; the second puts them last. The FILTER is not the cause:
without it the early OPTIONAL is as slow (the third query).

    python bench/upstream/optional_filter_order.py [N]
"""

from __future__ import annotations

import sys
import time

import pyoxigraph as ox

EX = "http://example.org/"
PREFIX = f"PREFIX ex: <{EX}> PREFIX rdfs: <http://www.w3.org/2000/01/rdf-schema#>\n"

EARLY = PREFIX + """SELECT ?o ?label ?plabel ?ilabel ?vlabel WHERE {
  ?o a ex:Outcome ; ex:ofProgram ?p ; ex:valence ?valence ; rdfs:label ?label .
  OPTIONAL { ?o ex:verdict ?v . ?v rdfs:label ?vlabel }
  FILTER (?valence IN (ex:bad, ex:none) || COALESCE(?v IN (ex:failed), false))
  ?p rdfs:label ?plabel .
  ?o ex:indicator/rdfs:label ?ilabel .
}"""

LATE = PREFIX + """SELECT ?o ?label ?plabel ?ilabel ?vlabel WHERE {
  ?o a ex:Outcome ; ex:ofProgram ?p ; ex:valence ?valence ; rdfs:label ?label .
  ?p rdfs:label ?plabel .
  ?o ex:indicator/rdfs:label ?ilabel .
  OPTIONAL { ?o ex:verdict ?v . ?v rdfs:label ?vlabel }
  FILTER (?valence IN (ex:bad, ex:none) || COALESCE(?v IN (ex:failed), false))
}"""


NO_FILTER = EARLY.replace("  FILTER (?valence IN (ex:bad, ex:none) || COALESCE(?v IN (ex:failed), false))\n", "")


def graph(programs: int) -> ox.Store:
    store = ox.Store()
    n = ox.NamedNode
    label = n("http://www.w3.org/2000/01/rdf-schema#label")
    quads = []
    valences = [n(EX + v) for v in ("good", "bad", "none", "mixed")]
    for v in valences + [n(EX + "failed"), n(EX + "achieved")]:
        quads.append(ox.Quad(v, label, ox.Literal(v.value.rsplit("/", 1)[1])))
    for i in range(50):
        quads.append(ox.Quad(n(f"{EX}i{i}"), label, ox.Literal(f"indicator {i}")))
    for p in range(programs):
        program = n(f"{EX}p{p}")
        quads.append(ox.Quad(program, label, ox.Literal(f"program {p}")))
        for k in range(5):
            o = n(f"{EX}p{p}o{k}")
            quads += [ox.Quad(o, n("http://www.w3.org/1999/02/22-rdf-syntax-ns#type"), n(EX + "Outcome")),
                      ox.Quad(o, n(EX + "ofProgram"), program),
                      ox.Quad(o, n(EX + "valence"), valences[(p + k) % 4]),
                      ox.Quad(o, label, ox.Literal(f"outcome {p}.{k}")),
                      ox.Quad(o, n(EX + "indicator"), n(f"{EX}i{(p * 5 + k) % 50}"))]
            if k == 0:
                quads.append(ox.Quad(o, n(EX + "verdict"), n(EX + ("failed" if p % 3 == 0 else "achieved"))))
    store.bulk_extend(quads)
    return store


def timed(store: ox.Store, text: str, limit: float) -> str:
    start = time.perf_counter()
    rows = 0
    for _ in store.query(text):
        rows += 1
        if time.perf_counter() - start > limit:
            return f"still running after {limit:.0f} s ({rows} rows so far)"
    return f"{time.perf_counter() - start:.2f} s, {rows} rows"


def main() -> None:
    programs = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    store = graph(programs)
    print(f"pyoxigraph {ox.__version__}, {programs:,} programs, {len(store):,} triples")
    print("OPTIONAL + FILTER last :", timed(store, LATE, 60))
    print("OPTIONAL + FILTER early:", timed(store, EARLY, 60))
    print("OPTIONAL early, no FILTER:", timed(store, NO_FILTER, 60))


if __name__ == "__main__":
    main()
