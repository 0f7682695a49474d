"""review/CURATION-NOTES.md lists the graph's conflicts and decisions as they are now."""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
import curation_notes  # noqa: E402


def test_curation_notes_are_current():
    assert curation_notes.TARGET.read_text(encoding="utf-8") == curation_notes.render(), (
        "review/CURATION-NOTES.md is stale: run `python tools/curation_notes.py`")


def test_curation_notes_name_the_juarez_conflict():
    text = curation_notes.TARGET.read_text(encoding="utf-8")
    assert "**conflict-ciudad-juarez-homicides-2008**" in text
    assert "Statistics stated in the report's text: Ciudad Juárez, 2008 (192)" in text
    assert "Figure 12. Homicide in Ciudad Juárez: 2007-2015: Ciudad Juárez, 2008 (1623)" in text
