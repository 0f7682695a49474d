"""Checks that need the report's text, which SHACL cannot see.

- every quote is in the text, inside the section its locator names;
- every printed value (cs:valueAsPrinted) is inside one of its node's quotes;
- every cs:value is a reading of its printed form (unless the node is flagged
  as interpreted by a recorded decision, or as derived);
- every citation label, heading, row and column label is in the text.

The inputs come from the fidelity-*.rq queries, so the checks run on any store.
Only statements located in a report whose text the project holds are checked.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .queries import run
from .source_text import fold, load_folded, numbers_in, parse_printed_number

SEED_REPORT = "csd:making-cities-safer-2016"

_WORD_NUMBERS = {
    "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "thirteen": 13, "fourteen": 14,
    "fifteen": 15, "sixteen": 16, "seventeen": 17, "eighteen": 18, "nineteen": 19,
    "twenty": 20, "thirty": 30, "forty": 40, "fifty": 50, "hundred": 100,
}
_SCALE = {"million": 1e6, "billion": 1e9}


@dataclass(frozen=True)
class FidelityIssue:
    """A statement of the graph that the report's text does not bear out."""

    node: str  # CURIE or IRI of the node
    check: str
    message: str


def _spans(sections: list[dict[str, Any]], folded: str) -> dict[str, tuple[int, int]]:
    """Character span of each section in the folded text, found by its heading, in order."""
    starts: list[tuple[str, int]] = []
    cursor = 0
    for row in sorted(sections, key=lambda r: int(r["order"])):
        position = folded.find(fold(str(row["heading"])), cursor)
        if position < 0:
            continue
        starts.append((str(row["section"]), position))
        cursor = position + 1
    return {
        section: (start, starts[i + 1][1] if i + 1 < len(starts) else len(folded))
        for i, (section, start) in enumerate(starts)
    }


def _candidates(printed: str) -> set[float]:
    """The numbers a printed value can be read as."""
    values: set[float] = set()
    lowered = printed.lower()
    for token in numbers_in(printed):
        number = parse_printed_number(token)
        if number is None:
            continue
        values.add(number)
        after = lowered[lowered.find(token.lower()) + len(token):].strip()
        for word, factor in _SCALE.items():
            if after.startswith(word):
                values.add(number * factor)
    for word, number in _WORD_NUMBERS.items():
        if re.search(rf"\b{word}\b", lowered):
            values.add(float(number))
    return values


def _in_span(folded: str, text: str, span: tuple[int, int]) -> bool:
    position = folded.find(text)
    while position >= 0:
        if span[0] <= position < span[1]:
            return True
        position = folded.find(text, position + 1)
    return False


def check(store: Any, report_text: Path, report: str = SEED_REPORT) -> list[FidelityIssue]:
    """Fidelity issues of the statements located in ``report``, checked against its text."""
    folded = load_folded(report_text)
    params = {"report": report}
    spans = _spans(run(store, "fidelity-sections", params).records(), folded)
    issues: list[FidelityIssue] = []

    quotes_of: dict[str, list[str]] = {}
    for row in run(store, "fidelity-locators", params).records():
        owner, section, text = str(row["owner"]), str(row["section"]), fold(str(row["quote"]))
        quotes_of.setdefault(owner, []).append(text)
        if folded.find(text) < 0:
            issues.append(FidelityIssue(owner, "quote-in-text",
                f"quote not found in the report text: \"{text[:90]}\". Copy the words exactly "
                "from data/source/making-cities-safer-2016.txt (keep its lower-casing; line breaks may be spaces)."))
        elif section in spans and not _in_span(folded, text, spans[section]):
            issues.append(FidelityIssue(owner, "quote-in-section",
                f"quote \"{text[:70]}\" is not in the section {section}: fix the locator's cs:section."))

    for row in run(store, "fidelity-values", params).records():
        node, printed = str(row["node"]), fold(str(row["printed"]))
        if not any(printed in quote for quote in quotes_of.get(node, [])):
            issues.append(FidelityIssue(node, "printed-in-quote",
                f"cs:valueAsPrinted \"{printed}\" is not inside any of this node's quotes: "
                "quote the words that print the value."))
        if row.get("interpreted") or row.get("derived"):
            continue
        candidates = _candidates(printed)
        for name, prop in (("value", "cs:value"), ("value_min", "cs:valueMin"), ("value_max", "cs:valueMax")):
            number = row.get(name)
            if number is None:
                continue
            if not any(abs(float(number) - c) <= 1e-9 * max(1.0, abs(c)) for c in candidates):
                issues.append(FidelityIssue(node, "value-matches-printed",
                    f"{prop} {number} is not a reading of the printed \"{printed}\": fix the number, or flag "
                    "the node ost:interpreted with a cs:AmbiguityDecision, or cs:derived true with cs:derivation."))

    for row in run(store, "fidelity-labels", params).records():
        if folded.find(fold(str(row["label"]))) < 0:
            kind = str(row["kind"])
            issues.append(FidelityIssue(str(row["node"]), f"{kind.replace(' ', '-')}-in-text",
                f"{kind} \"{row['label']}\" is not in the report text: copy it exactly as printed."))
    return issues
