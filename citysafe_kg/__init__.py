"""citysafe-kg: an evidence knowledge graph of citizen-security programs.

The public API is imported lazily, so that the command line's fast paths
(which query the compiled Oxigraph build) do not pay for importing rdflib.
"""

from __future__ import annotations

from importlib import import_module
from typing import Any

__version__ = "0.1.0"

_EXPORTS = {
    "CitysafeError": "errors",
    "Finding": "validate",
    "LoadedGraph": "graph",
    "Project": "resources",
    "Table": "table",
    "ValidationReport": "validate",
    "default_project": "resources",
    "list_queries": "queries",
    "load": "graph",
    "open_store": "compiled",
    "run": "queries",
    "validate": "validate",
}
__all__ = sorted(_EXPORTS)


def __getattr__(name: str) -> Any:
    if name in _EXPORTS:
        return getattr(import_module(f".{_EXPORTS[name]}", __name__), name)
    raise AttributeError(f"module 'citysafe_kg' has no attribute {name!r}")
