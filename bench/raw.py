"""Each named report through our API against the same query run directly on pyoxigraph in memory.

The API side is what a caller of citysafe_kg gets: `reports.run_report` on the compiled on-disk
store without the result cache (names resolved, rows converted and tidied). The raw side is the
query text and bindings the store sends, run by pyoxigraph itself, every value of every row
touched and nothing converted: on the same on-disk store (the API's own cost is the difference)
and on an in-memory copy of the same quads (the engine's best case on this machine).

    CITYSAFE_HOME=/tmp/kg10000 python bench/raw.py               # a Markdown table
    CITYSAFE_HOME=/tmp/kg10000 python bench/raw.py --json out.json

The in-memory copy needs several times the store's size in memory (about 10 GB at 100,000
programs): bench/run.py runs this only up to --raw-up-to programs.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from common import add_arguments, argument, arguments, bound_query  # noqa: E402

from citysafe_kg.compiled import compiled_store  # noqa: E402
from citysafe_kg.errors import CitysafeError  # noqa: E402
from citysafe_kg.reports import REPORTS, run_report  # noqa: E402
from citysafe_kg.store import OxigraphStore, _to_oxigraph, with_values  # noqa: E402


def raw_query(memory, name: str, given: dict[str, str], disk: OxigraphStore) -> tuple[float, int]:
    """Seconds and rows of the report's query straight on pyoxigraph (names resolved beforehand)."""
    import pyoxigraph as ox

    query, bound = bound_query(disk, name, given)
    text = (with_values(query.text, bound) or query.text) if bound else query.text
    substitutions = {ox.Variable(var): _to_oxigraph(term) for var, term in bound.items()} or None
    start = time.perf_counter()
    solutions = memory.query(text, substitutions=substitutions, use_default_graph_as_union=True)  # + derived, as the API
    names = [v.value for v in solutions.variables]
    rows = sum(1 for solution in solutions if [solution[n] for n in names] is not None)
    return time.perf_counter() - start, rows


def measure(given: dict[str, str], reports: list[str]) -> list[dict[str, object]]:
    import pyoxigraph as ox

    compiled = compiled_store()
    disk = OxigraphStore(compiled.store)  # the same database, no result cache
    start = time.perf_counter()
    memory = ox.Store()
    memory.extend(compiled.store.quads_for_pattern(None, None, None, None))
    copied = time.perf_counter() - start
    found = []
    for name in reports:
        start = time.perf_counter()
        try:
            api_rows: object = len(run_report(disk, name, argument=argument(name, given)).rows)
        except CitysafeError as error:
            api_rows = f"error: {error.message.splitlines()[0][:80]}"
        api = time.perf_counter() - start
        raw_disk, _ = raw_query(compiled.store, name, given, disk)
        raw, raw_rows = raw_query(memory, name, given, disk)
        found.append({"report": name, "api": api, "raw_disk": raw_disk, "raw": raw, "api_rows": api_rows,
                      "raw_rows": raw_rows, "copy": copied})
    return found


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("reports", nargs="*", help="Report names (default: all).")
    add_arguments(parser)
    parser.add_argument("--json", type=Path, help="Write the figures to this file as JSON.")
    args = parser.parse_args()
    found = measure(arguments(args), args.reports or list(REPORTS))
    if args.json:
        args.json.write_text(json.dumps(found, indent=1), encoding="utf-8")
        return
    print(f"in-memory copy: {found[0]['copy']:.1f} s\n" if found else "")
    print("| report | rows | API, on disk (s) | pyoxigraph on disk (s) | pyoxigraph in memory (s) | API / in memory |")
    print("|---|---:|---:|---:|---:|---:|")
    for f in found:
        ratio = f["api"] / f["raw"] if f["raw"] else float("inf")
        print(f"| {f['report']} | {f['api_rows']} | {f['api']:.3f} | {f['raw_disk']:.3f} | {f['raw']:.3f} | {ratio:.1f}x |")


if __name__ == "__main__":
    main()
