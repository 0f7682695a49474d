"""Render tables: a readable text table, CSV, TSV, JSON or Markdown."""

from __future__ import annotations

import csv
import io
import json
from typing import TYPE_CHECKING, Any

from .queries import Table

if TYPE_CHECKING:
    from .validate import ValidationReport

FORMATS = ("table", "csv", "tsv", "json", "md")


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and value.is_integer():
        return str(int(value)) if abs(value) < 1e15 else repr(value)
    return str(value)


def render(table: Table, fmt: str = "table", limit: int | None = None) -> str:
    """The table in a format; with ``limit``, its first rows (a text table or Markdown says how many are left)."""
    note = ""
    if limit is not None and 0 <= limit < len(table.rows):
        hidden = len(table.rows) - limit
        table = Table(table.columns, table.rows[:limit])
        if fmt in ("table", "md"):
            note = f"\n({hidden} more row{'s' if hidden != 1 else ''}; drop --limit to see all)\n"
    return _render(table, fmt) + note


def _render(table: Table, fmt: str) -> str:
    if fmt == "json":
        return json.dumps(table.records(), ensure_ascii=False, indent=2) + "\n"
    if fmt in ("csv", "tsv"):
        buffer = io.StringIO()
        writer = csv.writer(buffer, delimiter="," if fmt == "csv" else "\t", lineterminator="\n")
        writer.writerow(table.columns)
        for row in table.rows:
            writer.writerow([_cell(v) for v in row])
        return buffer.getvalue()
    cells = [[_cell(v) for v in row] for row in table.rows]
    if fmt == "md":
        def esc(text: str) -> str:
            return text.replace("|", "\\|").replace("\n", " ")
        lines = ["| " + " | ".join(esc(c) for c in table.columns) + " |",
                 "|" + "|".join("---" for _ in table.columns) + "|"]
        lines += ["| " + " | ".join(esc(c) for c in row) + " |" for row in cells]
        return "\n".join(lines) + "\n"
    widths = [len(c) for c in table.columns]
    for row in cells:
        widths = [max(w, len(c)) for w, c in zip(widths, row)]
    def line(values: list[str]) -> str:
        return "  ".join(v.ljust(w) for v, w in zip(values, widths)).rstrip()
    out = [line(table.columns), line(["-" * w for w in widths])]
    out += [line(row) for row in cells]
    return "\n".join(out) + "\n"


def render_validation(report: "ValidationReport", *, show_warnings: bool = True, limit: int | None = None) -> str:
    """A curator's report: findings grouped by the node they concern, with file and line."""
    lines: list[str] = []
    groups = report.by_focus()
    shown = 0
    for focus, findings in groups.items():
        findings = [f for f in findings if show_warnings or f.severity == "Violation"]
        if not findings:
            continue
        if limit is not None and shown >= limit:
            lines.append(f"... and {len(groups) - shown} more nodes with findings")
            break
        shown += 1
        where = next((f.where for f in findings if f.where), None)
        lines.append(f"{focus}" + (f"  ({where})" if where else ""))
        for f in findings:
            constraint = f.shape + (f" {f.path}" if f.path else "") + f" [{f.component}]"
            lines.append(f"  {f.severity}: {f.message}")
            lines.append(f"    constraint: {constraint}" + (f"; value: {f.value}" if f.value else ""))
    summary = (f"{len(report.violations)} violation(s), {len(report.warnings)} warning(s): "
               + ("conforms" if report.conforms else "does not conform"))
    lines.append(summary)
    return "\n".join(lines) + "\n"

