"""Plain values for result cells, the same whichever engine produced them."""

from __future__ import annotations

from decimal import Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from .prefixes import PREFIXES

XSD = "http://www.w3.org/2001/XMLSchema#"
_INTEGER_TYPES = {f"{XSD}{t}" for t in ("integer", "int", "long", "short", "nonNegativeInteger", "positiveInteger",
                                         "nonPositiveInteger", "negativeInteger", "unsignedInt", "unsignedLong")}
_BY_LENGTH = sorted(PREFIXES.items(), key=lambda item: -len(item[1]))


@lru_cache(maxsize=1 << 16)  # the same IRIs recur in every result table
def curie(iri: str) -> str:
    """The shortest project CURIE for an IRI (longest namespace wins); the IRI itself if none."""
    for prefix, namespace in _BY_LENGTH:
        if iri.startswith(namespace):
            local = iri[len(namespace):]
            if local and all(c.isalnum() or c in "-_." for c in local):
                return f"{prefix}:{local}"
    return iri


def literal_value(lexical: str, datatype: str | None) -> Any:
    """A Python value for a literal: int, float (or int when integral), bool, or the string."""
    if datatype in _INTEGER_TYPES:
        try:
            return int(lexical)
        except ValueError:
            return lexical
    if datatype == f"{XSD}decimal":
        try:
            number = Decimal(lexical)
        except InvalidOperation:
            return lexical
        return int(number) if number == number.to_integral_value() else float(number)
    if datatype in (f"{XSD}double", f"{XSD}float"):
        try:
            return float(lexical)
        except ValueError:
            return lexical
    if datatype == f"{XSD}boolean":
        return lexical in ("true", "1")
    return lexical
