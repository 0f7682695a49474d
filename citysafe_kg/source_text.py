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


def find_quote(folded_text: str, quote: str) -> int:
    """Offset of the quote in the folded text, or -1."""
    return folded_text.find(fold(quote))


def line_of(path: Path, quote: str) -> int | None:
    """1-based line of the report text where the quote starts, if found."""
    raw = path.read_text(encoding="utf-8")
    words = fold(quote).split(" ")
    if not words or not words[0]:
        return None
    pattern = r"\s+".join(re.escape(w) for w in words)
    match = re.search(pattern, raw)
    if not match:
        return None
    return raw.count("\n", 0, match.start()) + 1


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
