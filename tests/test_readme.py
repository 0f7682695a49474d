"""The README's examples are run: their printed output must be what the CLI prints now."""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tools"))
import readme  # noqa: E402

EXAMPLES = readme.examples(readme.README.read_text(encoding="utf-8"))


def test_readme_has_examples():
    assert [command for command, _ in EXAMPLES] == [
        "citysafe report police-social --md",
        "citysafe report ratings -p indicator=homicide --md",
        "citysafe report gap-map --md",
        "citysafe compare fica-vivo upp --md",
        "citysafe report evidence --md",
        "citysafe report conflicts --limit 4 --md",
        "citysafe patterns cooccurrence --level group --md",
    ]


@pytest.mark.parametrize("command, printed", EXAMPLES, ids=[c for c, _ in EXAMPLES])
def test_readme_example_output_is_current(command, printed):
    assert readme.run(command) == printed, "README.md is stale: run `python tools/readme.py`"


def test_readme_documents_the_two_setup_commands():
    text = readme.README.read_text(encoding="utf-8")
    assert "    python3 -m venv .venv && .venv/bin/pip install --quiet -e '.[test]' && .venv/bin/citysafe build\n" in text
    assert "    .venv/bin/python -m pytest\n" in text
    ci = (readme.README.parent / ".ci" / "run").read_text(encoding="utf-8")
    assert ".venv/bin/python -m pytest" in ci
