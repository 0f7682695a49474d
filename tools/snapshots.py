"""Record the exact output of every report in every format (tests/snapshots/).

    python tools/snapshots.py           # rewrite the snapshots after checking the change is wanted
    python tools/snapshots.py --check   # exit 1 if any output differs

tests/test_report_outputs.py compares the CLI's output with these files byte for byte.
"""

from __future__ import annotations

import sys
from pathlib import Path

from click.testing import CliRunner

SNAPSHOTS = Path(__file__).resolve().parents[1] / "tests" / "snapshots"
FORMATS = ("table", "csv", "tsv", "json", "md")
ARGUMENTS = {"program": ["fica-vivo"], "city": ["Belo Horizonte"]}


def cases() -> list[tuple[str, str, list[str]]]:
    from citysafe_kg.reports import REPORTS

    out = []
    for name in REPORTS:
        for fmt in FORMATS:
            out.append((name, fmt, ["report", name, *ARGUMENTS.get(name, []), f"--{fmt}"]))
    return out


def output(argv: list[str]) -> str:
    from citysafe_kg.cli import cli

    result = CliRunner().invoke(cli, argv)
    if result.exit_code != 0:
        raise SystemExit(f"citysafe {' '.join(argv)} failed ({result.exit_code}): {result.output}")
    return result.output


def path(name: str, fmt: str) -> Path:
    return SNAPSHOTS / f"{name}.{fmt}"


if __name__ == "__main__":
    SNAPSHOTS.mkdir(parents=True, exist_ok=True)
    stale = 0
    for name, fmt, argv in cases():
        text = output(argv)
        if "--check" in sys.argv:
            stale += path(name, fmt).read_text(encoding="utf-8") != text if path(name, fmt).exists() else 1
        else:
            path(name, fmt).write_text(text, encoding="utf-8")
    if "--check" in sys.argv:
        sys.exit(1 if stale else 0)
    print(f"wrote {len(cases())} snapshots to {SNAPSHOTS}")
