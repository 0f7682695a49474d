"""Checks that need the report's text, which SHACL cannot see.

- every quote is in the text, inside the section its locator names;
- every printed value (cs:valueAsPrinted) is inside one of its node's quotes;
- every cs:value is a reading of its printed form (unless the node is flagged
  as interpreted by a recorded decision, or as derived);
- every citation label, row and column label, and heading is in the text.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from rdflib import Graph, Literal, URIRef
from rdflib.term import Node

from .namespaces import CS, CSC
from .source_text import fold, load_folded, numbers_in, parse_printed_number

OST_INTERPRETED = URIRef(f"{CSC}obs-status/interpreted")

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

    node: Node
    check: str
    message: str


def _sections(graph: Graph, folded: str) -> dict[Node, tuple[int, int]]:
    """Character span of each report section in the folded text, found by its heading."""
    ordered = sorted(
        (int(order), section, str(heading))
        for section, order in graph.subject_objects(CS.sectionOrder)
        for heading in graph.objects(section, CS.headingAsPrinted)
    )
    starts: list[tuple[Node, int]] = []
    cursor = 0
    for _, section, heading in ordered:
        position = folded.find(fold(heading), cursor)
        if position < 0:
            continue
        starts.append((section, position))
        cursor = position + 1
    spans: dict[Node, tuple[int, int]] = {}
    for index, (section, start) in enumerate(starts):
        end = starts[index + 1][1] if index + 1 < len(starts) else len(folded)
        spans[section] = (start, end)
    return spans


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


def check(graph: Graph, report_text: Path) -> list[FidelityIssue]:
    folded = load_folded(report_text)
    spans = _sections(graph, folded)
    issues: list[FidelityIssue] = []

    quotes_of: dict[Node, list[str]] = {}
    for owner, locator in graph.subject_objects(CS.locator):
        for quote in graph.objects(locator, CS.quote):
            text = fold(str(quote))
            quotes_of.setdefault(owner, []).append(text)
            section = graph.value(locator, CS.section)
            if folded.find(text) < 0:
                issues.append(FidelityIssue(owner, "quote-in-text",
                    f"quote not found in the report text: \"{text[:90]}\". Copy the words exactly "
                    "from data/source/making-cities-safer-2016.txt (keep its lower-casing; line breaks may be spaces)."))
                continue
            if section in spans:
                start, end = spans[section]
                found = False
                position = folded.find(text)
                while position >= 0:
                    if start <= position < end:
                        found = True
                        break
                    position = folded.find(text, position + 1)
                if not found:
                    issues.append(FidelityIssue(owner, "quote-in-section",
                        f"quote \"{text[:70]}\" is not in the section {graph.namespace_manager.normalizeUri(section)}: "
                        "fix the locator's cs:section."))

    for node, printed in graph.subject_objects(CS.valueAsPrinted):
        printed_text = fold(str(printed))
        if not any(printed_text in quote for quote in quotes_of.get(node, [])):
            issues.append(FidelityIssue(node, "printed-in-quote",
                f"cs:valueAsPrinted \"{printed_text}\" is not inside any of this node's quotes: "
                "quote the words that print the value."))
        interpreted = (node, CS.obsStatus, OST_INTERPRETED) in graph
        derived = (node, CS.derived, Literal(True)) in graph
        if interpreted or derived:
            continue
        candidates = _candidates(printed_text)
        for prop in (CS.value, CS.valueMin, CS.valueMax):
            for value in graph.objects(node, prop):
                number = float(value)
                if not any(abs(number - c) <= 1e-9 * max(1.0, abs(c)) for c in candidates):
                    issues.append(FidelityIssue(node, "value-matches-printed",
                        f"{graph.namespace_manager.normalizeUri(prop)} {value} is not a reading of the printed "
                        f"\"{printed_text}\": fix the number, or flag the node ost:interpreted with a "
                        "cs:AmbiguityDecision, or cs:derived true with cs:derivation."))

    for prop, what in ((CS.citationLabel, "citation label"), (CS.headingAsPrinted, "heading"),
                       (CS.rowLabel, "row label"), (CS.columnLabel, "column label")):
        for node, label in graph.subject_objects(prop):
            if folded.find(fold(str(label))) < 0:
                issues.append(FidelityIssue(node, f"{what.replace(' ', '-')}-in-text",
                    f"{what} \"{label}\" is not in the report text: copy it exactly as printed."))
    return issues
