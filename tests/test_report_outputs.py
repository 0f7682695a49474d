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
