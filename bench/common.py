"""What the benchmark's scripts share: the arguments of the reports that take one, as a parser's
options, and a report's query bound as the store binds it (names resolved first, not timed)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

from citysafe_kg.queries import NamedQuery, get_query, resolve_names, terms  # noqa: E402
from citysafe_kg.reports import REPORTS  # noqa: E402

# the argument of `report program` and `report city`, by the report's parameter
SEED = {"program": "fica-vivo", "place": "Belo Horizonte"}
SYNTHETIC = {"program": "synth-p1", "place": "City 1"}


def add_arguments(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--program", default=SYNTHETIC["program"], help="The program of `report program`.")
    parser.add_argument("--place", default=SYNTHETIC["place"], help="The place of `report city`.")


def arguments(args: argparse.Namespace) -> dict[str, str]:
    return {"program": args.program, "place": args.place}


def argument(name: str, given: dict[str, str]) -> str | None:
    """The argument the report ``name`` takes from ``given``, or None for a report that takes none."""
    return given.get(REPORTS[name].argument or "")


def bound_query(store: Any, name: str, given: dict[str, str]) -> tuple[NamedQuery, dict[str, Any]]:
    """The report's query and its parameters as RDF terms (its defaults, its argument, names resolved)."""
    report = REPORTS[name]
    query = get_query(report.query)
    params = dict(report.defaults)
    if report.argument and argument(name, given) is not None:
        params[report.argument] = argument(name, given)
    return query, terms(query, resolve_names(store, query, params))
