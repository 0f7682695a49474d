"""Oxigraph: a FILTER NOT EXISTS of two patterns is evaluated as a whole-graph join.

Minimal reproduction for Oxigraph's issue tracker (pyoxigraph only, in memory). Findings
carry an attribution; evaluations link their findings (ex:hasFinding) and name a design.
The query asks for the estimated findings that no evaluation with a design produced. As one
NOT EXISTS of two patterns sharing ?e, the cost grows with the number of findings times
something the graph's size drives; with the design tested in an EXISTS nested inside
(the same result), it stays a lookup per finding. Both return the same rows.

    python bench/upstream/not_exists_join.py [N]
"""

from __future__ import annotations

import sys
import time

import pyoxigraph as ox

EX = "http://example.org/"
PREFIX = f"PREFIX ex: <{EX}>\n"

TWO_PATTERNS = PREFIX + """SELECT ?f WHERE {
  ?f ex:attribution ex:estimated .
  FILTER NOT EXISTS { ?e ex:hasFinding ?f ; ex:design ?d }
}"""

NESTED = PREFIX + """SELECT ?f WHERE {
  ?f ex:attribution ex:estimated .
  FILTER NOT EXISTS { ?e ex:hasFinding ?f . FILTER EXISTS { ?e ex:design ?d } }
}"""


def graph(programs: int) -> ox.Store:
    """Per program: 10 findings, every other one estimated; one evaluation with a design linking
    the first 8 of them (so findings 8 and 9 are the unlinked ones, and 9 is estimated)."""
    store = ox.Store()
    n = ox.NamedNode
    quads = []
    for p in range(programs):
        evaluation = n(f"{EX}p{p}e")
        quads.append(ox.Quad(evaluation, n(EX + "design"), n(EX + "quasi-experiment")))
        for k in range(10):
            finding = n(f"{EX}p{p}f{k}")
            quads.append(ox.Quad(finding, n(EX + "attribution"), n(EX + ("estimated" if k % 2 else "not-a-change"))))
            if k < 8:
                quads.append(ox.Quad(evaluation, n(EX + "hasFinding"), finding))
    store.bulk_extend(quads)
    return store


def timed(store: ox.Store, text: str) -> tuple[float, list[str]]:
    start = time.perf_counter()
    rows = sorted(str(s["f"]) for s in store.query(text))
    return time.perf_counter() - start, rows


def main() -> None:
    programs = int(sys.argv[1]) if len(sys.argv) > 1 else 10_000
    store = graph(programs)
    print(f"pyoxigraph {ox.__version__}, {programs:,} programs, {len(store):,} triples")
    nested_s, nested = timed(store, NESTED)
    two_s, two = timed(store, TWO_PATTERNS)
    assert nested == two and len(nested) == programs
    print(f"NOT EXISTS {{ ?e ex:hasFinding ?f ; ex:design ?d }}                     : {two_s:8.3f} s, {len(two)} rows")
    print(f"NOT EXISTS {{ ?e ex:hasFinding ?f . FILTER EXISTS {{ ?e ex:design ?d }} }}: {nested_s:8.3f} s, {len(nested)} rows")


if __name__ == "__main__":
    main()
