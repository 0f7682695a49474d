"""The named reports on Virtuoso beside Oxigraph (issue 12): a private Virtuoso on loopback, loaded
by its bulk loader (or `citysafe push` with --push), against the compiled Oxigraph build, in one process.

    python bench/virtuoso.py                    # the seed (CITYSAFE_HOME, or the checkout)
    CITYSAFE_HOME=/tmp/kg1000 python bench/virtuoso.py   # a synthetic graph (citysafe synth)
    CITYSAFE_HOME=/tmp/kg100k python bench/virtuoso.py --memory 4096 --no-oxigraph --timeout 120
    ... --json out.json                         # the figures for bench/run.py

Each report is timed in-process (no interpreter start): Oxigraph without its result cache (the
query's real cost), Virtuoso on its first run and again. The queries are sent as they are, not
through queries.run, which refuses a server's rows where the query's header records a defect:
those rows are counted and marked. Prints a Markdown table.
"""

from __future__ import annotations

import argparse
import json
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from common import add_arguments, arguments, argument as report_argument  # noqa: E402

from citysafe_kg.compiled import compiled_store  # noqa: E402
from citysafe_kg.errors import CitysafeError  # noqa: E402
from citysafe_kg.queries import get_query  # noqa: E402
from citysafe_kg.reports import REPORTS, run_report  # noqa: E402
from citysafe_kg.server import push  # noqa: E402
from citysafe_kg.store import EndpointStore, OxigraphStore  # noqa: E402
from citysafe_kg import virtuoso  # noqa: E402

GRAPH = "https://w3id.org/citysafe/graph"


def timed(work):
    start = time.perf_counter()
    try:
        rows = len(work().rows)
    except CitysafeError as error:
        return time.perf_counter() - start, f"error: {error.message.splitlines()[0][:80]}"
    return time.perf_counter() - start, rows


class Unguarded(EndpointStore):
    """The endpoint without its identity, so that queries.run returns what the server answers."""

    def select(self, text):
        try:
            return super().select(text)
        finally:
            self.server = None


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--memory", type=int, default=512, help="Virtuoso's buffers, in MB.")
    parser.add_argument("--no-oxigraph", action="store_true", help="Time Virtuoso only (Oxigraph: bench/queries.py).")
    parser.add_argument("--timeout", type=float, default=600, help="Seconds a query may take on Virtuoso.")
    parser.add_argument("--push", action="store_true",
                        help="Load with `citysafe push` over HTTP (one request a graph) instead of the bulk loader.")
    add_arguments(parser)
    parser.add_argument("--json", type=Path, help="Write the figures to this file as JSON.")
    args = parser.parse_args()
    given = arguments(args)
    found: dict[str, object] = {"reports": []}
    store = compiled_store()
    cold = OxigraphStore(store.store)  # the same database without the result cache
    with tempfile.TemporaryDirectory(prefix="citysafe-virtuoso-bench.") as folder:
        start = time.perf_counter()
        server = virtuoso.start(Path(folder) / "db", memory_mb=args.memory)
        started = time.perf_counter() - start
        try:
            start = time.perf_counter()
            if args.push:
                sent = push(store, server.store, graph=GRAPH, user=virtuoso.USER, password=virtuoso.PASSWORD,
                            timeout=7200)
            else:
                sent = virtuoso.bulk_load(server, store, GRAPH)
            pushed = time.perf_counter() - start
            found.update(start=started, load=pushed, triples=sent, how="push" if args.push else "bulk loader")
            endpoint = Unguarded(server.sparql, timeout=args.timeout)
            print(f"Virtuoso started in {started:.1f} s (new database); {found['how']}: {sent:,} triples in "
                  f"{pushed:.1f} s\n", flush=True)
            print("| report | rows | Oxigraph, no result cache (s) | Virtuoso, first (s) | Virtuoso, again (s) |")
            print("|---|---:|---:|---:|---:|")
            ox_times, v_times = [], []
            for name in REPORTS:
                argument = report_argument(name, given)
                ox_s, ox_rows = (0.0, "-") if args.no_oxigraph else timed(lambda: run_report(cold, name, argument=argument))
                v1_s, v_rows = timed(lambda: run_report(endpoint, name, argument=argument))
                v2_s, _ = (timed(lambda: run_report(endpoint, name, argument=argument)) if isinstance(v_rows, int)
                           else (v1_s, v_rows))
                if isinstance(v_rows, str) and "did not answer within" in v_rows:
                    # the query goes on in the server after the client gives up: restart it on the same
                    # database, so that it does not slow the next reports down
                    server.stop()
                    server = virtuoso.start(Path(folder) / "db", memory_mb=args.memory)
                    endpoint = Unguarded(server.sparql, timeout=args.timeout)
                    v_rows = f"stopped after {args.timeout:g} s"
                recorded = [d.code or d.kind for d in get_query(REPORTS[name].query).defects]
                note = "" if v_rows == ox_rows else f" (Virtuoso: {v_rows})"
                note += f" [recorded defect: {', '.join(recorded)}]" if recorded else ""
                print(f"| {name} | {ox_rows}{note} | {ox_s:.3f} | {v1_s:.3f} | {v2_s:.3f} |", flush=True)
                found["reports"].append({"report": name, "rows": v_rows, "first": v1_s, "again": v2_s,  # type: ignore[union-attr]
                                         "oxigraph": None if args.no_oxigraph else ox_s, "oxigraph_rows": ox_rows,
                                         "defects": recorded})
                ox_times.append(ox_s)
                v_times.append(v2_s)
            print(f"\nmedian (every report, right or wrong): Oxigraph {statistics.median(ox_times):.3f} s, Virtuoso (again) "
                  f"{statistics.median(v_times):.3f} s; worst: {max(ox_times):.3f} s, {max(v_times):.3f} s")
            if args.json:
                args.json.write_text(json.dumps(found, indent=1), encoding="utf-8")
        finally:
            server.stop()


if __name__ == "__main__":
    main()
