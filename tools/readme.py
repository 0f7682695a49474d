"""Refresh the outputs of the `$ citysafe ...` examples in README.md.

    python tools/readme.py          # rewrite README.md with the current outputs
    python tools/readme.py --check  # exit 1 if any example's output has changed

tests/test_readme.py runs the same examples and fails when the README is stale.
"""

from __future__ import annotations

import re
import shlex
import sys
from pathlib import Path

from click.testing import CliRunner

README = Path(__file__).resolve().parents[1] / "README.md"
BLOCK = re.compile(r"```console\n\$ (citysafe [^\n]*)\n(.*?)```", re.DOTALL)


def run(command: str) -> str:
    from citysafe_kg.cli import cli

    result = CliRunner().invoke(cli, shlex.split(command)[1:])
    if result.exit_code != 0:
        raise SystemExit(f"`{command}` failed ({result.exit_code}): {result.output}")
    return result.output


def refreshed(text: str) -> str:
    return BLOCK.sub(lambda m: f"```console\n$ {m.group(1)}\n{run(m.group(1))}```", text)


def examples(text: str) -> list[tuple[str, str]]:
    return [(m.group(1), m.group(2)) for m in BLOCK.finditer(text)]


if __name__ == "__main__":
    current = README.read_text(encoding="utf-8")
    new = refreshed(current)
    if "--check" in sys.argv:
        sys.exit(0 if new == current else 1)
    README.write_text(new, encoding="utf-8")
    print(f"refreshed {len(examples(new))} examples in {README.name}")
