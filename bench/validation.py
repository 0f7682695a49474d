"""The fast validation of a compiled build, phase by phase: each alone, in one process, timed, with
the process's peak memory after it. What `citysafe build` runs partly at once (the `shacl` engine in
a thread beside the SPARQL constraints and the checks), so the sum is more than the build's wall time.

    CITYSAFE_HOME=/tmp/kg100000 python bench/validation.py
"""

from __future__ import annotations

import resource
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from citysafe_kg import validate  # noqa: E402
from citysafe_kg.compiled import compiled_store  # noqa: E402
from citysafe_kg.graph import FileLines  # noqa: E402
from citysafe_kg.queries import list_queries  # noqa: E402
from citysafe_kg.resources import default_project  # noqa: E402
from citysafe_kg.store import OxigraphStore  # noqa: E402


def timed(label: str, work):
    start = time.perf_counter()
    result = work()
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss // 1024
    print(f"{time.perf_counter() - start:8.1f} s {peak:6d} MB  {label}", flush=True)
    return result


def main() -> None:
    import pyoxigraph as ox
    import shacl

    project = default_project()
    files = project.graph_files()
    store = compiled_store(project, files).sources()
    cold = OxigraphStore(store.store, union=False)  # the checks' queries without the result cache
    where = FileLines(project, files)
    core, constraints = validate.split_sparql_constraints(project.shapes_file)
    print(f"{len(store):,} source triples in {store.path}", flush=True)
    with tempfile.TemporaryDirectory(prefix="citysafe-validation-bench.") as folder:
        dump, skolem = Path(folder) / "sources.nt", Path(folder) / "sources.skolem.nt"
        timed("N-Triples dump of the sources",
              lambda: store.store.dump(str(dump), format=ox.RdfFormat.N_TRIPLES, from_graph=ox.DefaultGraph()))
        timed("blank nodes as IRIs", lambda: validate._skolemise(dump, skolem))
        shapes = shacl.Shapes.from_text(core)
        timed("the shacl engine on the core shapes", lambda: shapes.validate_file(str(skolem), allow_warnings=True))
    for constraint in constraints:
        timed(f"SPARQL constraint of {constraint.shape.rsplit('#', 1)[-1]}: {constraint.message[:60]}",
              lambda: sum(1 for _ in store.store.query(constraint.query)))
    timed("fidelity checks", lambda: validate.run_fidelity(store, project, where))
    for query in list_queries(project):
        if query.is_violation_check:
            timed(f"query {query.name}", lambda: cold._select(query.text))


if __name__ == "__main__":
    main()
