"""Every report's exact output in every format, compared with tests/snapshots/."""

from __future__ import annotations

import csv
import io
import json
import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
import snapshots  # noqa: E402

CASES = snapshots.cases()


@pytest.mark.parametrize("name, fmt, argv", CASES, ids=[f"{n}-{f}" for n, f, _ in CASES])
def test_report_output_is_exactly_the_snapshot(name, fmt, argv):
    expected = snapshots.path(name, fmt).read_text(encoding="utf-8")
    assert snapshots.output(argv) == expected, (
        f"`citysafe {' '.join(argv)}` changed: check the change, then run `python tools/snapshots.py`")


def test_formats_carry_the_same_rows():
    """The CSV, TSV and JSON snapshots of a report hold the same cells."""
    for name in ("police-social", "evidence", "budgets"):
        as_csv = list(csv.reader(io.StringIO(snapshots.path(name, "csv").read_text(encoding="utf-8"))))
        as_tsv = list(csv.reader(io.StringIO(snapshots.path(name, "tsv").read_text(encoding="utf-8")), delimiter="\t"))
        as_json = json.loads(snapshots.path(name, "json").read_text(encoding="utf-8"))
        assert as_csv == as_tsv
        assert [list(r.keys()) for r in as_json[:1]] == [as_csv[0]]
        assert len(as_json) == len(as_csv) - 1


def test_police_social_table_names_fica_vivo_with_its_strands():
    table = snapshots.path("police-social", "table").read_text(encoding="utf-8").splitlines()
    assert table[0].split() == ["program_label", "country_label", "cities", "police_components", "social_components"]
    fica = next(line for line in table if line.startswith("Fica Vivo (Stay Alive)"))
    assert "Strategic intervention: GEPAR targeted policing" in fica
    assert "Social prevention and protection" in fica


@pytest.mark.parametrize("name, fmt, argv", CASES, ids=[f"{n}-{f}" for n, f, _ in CASES])
def test_no_report_prints_a_row_twice_or_a_bare_identifier(name, fmt, argv):
    """A row printed twice reads as two findings (the Sula Valley loan three times, 'adverse' 30 rows
    for 22 findings); a CURIE where a label exists is unreadable (csd:conflict-... in 'conflicts')."""
    import re

    text = snapshots.path(name, fmt).read_text(encoding="utf-8")
    if fmt == "json":
        rows = [tuple(sorted(r.items())) for r in json.loads(text)]
    elif fmt in ("csv", "tsv"):
        rows = [tuple(r) for r in csv.reader(io.StringIO(text), delimiter="," if fmt == "csv" else "\t")][1:]
    else:
        rows = [line for line in text.splitlines()[2:] if line.strip() and not line.startswith("(")]
    assert len(rows) == len(set(rows)), f"report {name} --{fmt} prints {len(rows) - len(set(rows))} duplicate row(s)"
    if fmt in ("csv", "json"):  # cell by cell: the curators' prose (issue, decision) may cite terms; a cell may not be one
        cells = [str(v) for r in json.loads(text) for v in r.values() if v is not None] if fmt == "json" else \
                [c for r in rows for c in r]
        curie = re.compile(r"^(?:csd|cs|ind|it|eff|rat|des|dir|val|attr|scp|ins|vrd|apr|theme|role|unit):[\w-]+$")
        bare = sorted({item for cell in cells for item in cell.split(" | ") if curie.match(item.strip())})
        assert bare == [], f"report {name} --{fmt} prints identifiers instead of labels: {bare[:5]}"
