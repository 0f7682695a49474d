"""The report's text, and checks that the graph's quotes and numbers come from it.

The text is a PDF extraction: line breaks fall anywhere, so comparisons fold
every run of white space to one space. Nothing else is normalised: a quote
must keep the extraction's lower-casing and typos.
"""

from __future__ import annotations

import re
from functools import lru_cache
from pathlib import Path

_SPACE = re.compile(r"\s+")
_BROKEN_HYPHEN = re.compile(r"-\n\s*")


def fold(text: str) -> str:
    """Fold white space (line breaks included) to single spaces.

    A hyphen at the end of a line joins the next line without a space, so
    that 're-\nestablishing' reads as 're-establishing'.
    """
    return _SPACE.sub(" ", _BROKEN_HYPHEN.sub("-", text)).strip()


@lru_cache(maxsize=4)
def load_folded(path: Path) -> str:
    return fold(path.read_text(encoding="utf-8"))


_NUMBER = re.compile(r"\d[\d.,]*")


def numbers_in(printed: str) -> list[str]:
    """The digit runs of a printed value: 'more than 11,000' -> ['11,000']."""
    return [m.group(0).rstrip(".,") for m in _NUMBER.finditer(printed)]


def parse_printed_number(token: str) -> float | None:
    """Read a number as the report prints it: ',' groups thousands, '.' is decimal.

    Returns None for a token that does not follow that convention (e.g. '8,1'),
    which a curator must interpret and record with an ambiguity decision.
    """
    if re.fullmatch(r"\d{1,3}(,\d{3})+(\.\d+)?", token) or re.fullmatch(r"\d+(\.\d+)?", token):
        return float(token.replace(",", ""))
    return None
