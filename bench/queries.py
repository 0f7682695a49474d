"""Per-query timing harness: every named report's query, cold, on a compiled build.

Each report's query runs in a child process on the compiled Oxigraph store of
CITYSAFE_HOME (compiled first if the cache lacks it), without the result cache, so
the figure is the engine's own cost (names resolved first, not timed); a query
still running after --timeout seconds is stopped and shown as such.

    CITYSAFE_HOME=/path/to/synthetic python bench/queries.py            # every report
    CITYSAFE_HOME=... python bench/queries.py police-social homicide    # some
"""

from __future__ import annotations

import argparse
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from common import add_arguments, arguments, bound_query  # noqa: E402

from citysafe_kg.compiled import compiled_store  # noqa: E402
from citysafe_kg.reports import REPORTS  # noqa: E402
from citysafe_kg.resources import default_project  # noqa: E402
from citysafe_kg.store import OxigraphStore  # noqa: E402


def time_report(store: OxigraphStore, name: str, given: dict[str, str]) -> tuple[float, int]:
    query, bound = bound_query(store, name, given)
    start = time.perf_counter()
    table = store._select(query.text, bound)  # the engine's cost: no result cache
    return time.perf_counter() - start, len(table.rows)


def stale_queries() -> list[str]:
    """The named queries whose text in the queried project (CITYSAFE_HOME) is not this checkout's."""
    checkout = Path(__file__).resolve().parents[1] / "queries"
    project = default_project().queries_dir
    if project.resolve() == checkout.resolve():
        return []
    return sorted(path.name for path in checkout.glob("*.rq")
                  if not (project / path.name).is_file() or (project / path.name).read_bytes() != path.read_bytes())


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("reports", nargs="*", help="Report names (default: all).")
    add_arguments(parser)
    parser.add_argument("--timeout", type=float, default=120.0, help="Seconds before a query is stopped.")
    parser.add_argument("--one", help=argparse.SUPPRESS)  # the child process: time one report
    args = parser.parse_args()
    store = compiled_store()
    if args.one:
        seconds, rows = time_report(store, args.one, arguments(args))
        print(f"{seconds:.3f} {rows}")
        return
    print(f"{len(store):,} quads in {store.path}", flush=True)
    del store
    stale = stale_queries()
    if stale:
        print(f"Note: the project's queries differ from this checkout's ({', '.join(stale[:3])}"
              f"{', ...' if len(stale) > 3 else ''}): a synthetic project keeps the copy made by `citysafe synth`; "
              "copy queries/*.rq over it to time your edits.", flush=True)
    for name in args.reports or list(REPORTS):
        argv = [sys.executable, __file__, "--one", name, "--program", args.program, "--place", args.place]
        try:
            done = subprocess.run(argv, capture_output=True, text=True, timeout=args.timeout)
        except subprocess.TimeoutExpired:
            print(f"{name:<16} stopped after {args.timeout:.0f} s", flush=True)
            continue
        if done.returncode != 0:
            print(f"{name:<16} failed: {(done.stderr.strip().splitlines() or [''])[-1]}", flush=True)
            continue
        seconds, rows = done.stdout.split()
        print(f"{name:<16} {float(seconds):8.3f} s {int(rows):>8} rows", flush=True)


if __name__ == "__main__":
    main()
