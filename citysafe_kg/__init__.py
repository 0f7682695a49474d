"""citysafe-kg: an evidence knowledge graph of citizen-security programs."""

from .errors import CitysafeError
from .graph import LoadedGraph, load
from .queries import Table, list_queries, run
from .resources import Project, default_project
from .validate import Finding, ValidationReport, validate

__all__ = [
    "CitysafeError",
    "Finding",
    "LoadedGraph",
    "Project",
    "Table",
    "ValidationReport",
    "default_project",
    "list_queries",
    "load",
    "run",
    "validate",
]
__version__ = "0.1.0"
