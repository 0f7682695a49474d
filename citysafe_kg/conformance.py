"""What is known about the sources' conformance, kept in the compiled cache.

A validation's verdict depends on the graph's sources (and derivation rules), the shapes,
the report text the fidelity checks read and the *-violation queries; ``validation_key``
hashes all of them. Each verdict is kept under cache/validated/, and each evidence base
(project root) remembers its last build whose sources conformed under cache/good/, so a
report can answer from that build when the sources have changed since.
"""

from __future__ import annotations

import hashlib
import json
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from .compiled import GOOD_DIR, FileDigests, cache_root, graph_hash
from .io import atomic_write_text
from .resources import Project


@dataclass(frozen=True)
class Verdict:
    """A validation's outcome for one validation key."""

    conforms: bool
    violations: int
    warnings: int
    at: float  # when (seconds since the epoch)


@dataclass(frozen=True)
class GoodBuild:
    """The last build of an evidence base whose sources conformed."""

    store_hash: str  # the compiled build's key (compiled.graph_hash)
    validation_key: str
    at: float

    @property
    def when(self) -> str:
        return time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime(self.at))


def validation_key(project: Project, files: list[Path] | None = None, store_hash: str | None = None) -> str:
    """SHA-256 over everything a validation reads: the graph's sources and rules (as
    compiled.graph_hash), the shapes, the report text and the violation queries."""
    files = files or project.graph_files()
    digest = hashlib.sha256((store_hash or graph_hash(project, files)).encode())
    digests = FileDigests(cache_root() / "file-digests.json")
    checked = [project.shapes_file, project.report_text, *sorted(project.queries_dir.glob("*-violation.rq"))]
    for path in checked:
        digest.update(b"\0" + project.relative(path).encode() + b"\0")
        digest.update(digests.of(path).encode() if path.is_file() else b"absent")
    digests.save()
    return digest.hexdigest()


def _verdict_file(key: str) -> Path:
    return cache_root() / "validated" / f"{key[:32]}.json"


def _good_file(project: Project) -> Path:
    root = str(project.root.resolve())
    return cache_root() / GOOD_DIR / f"{hashlib.sha256(root.encode()).hexdigest()[:24]}.json"


def _read(path: Path) -> dict[str, Any] | None:
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None  # missing, unreadable or damaged: treated as unknown
    return data if isinstance(data, dict) else None


def _write(path: Path, data: dict[str, Any]) -> None:
    try:
        atomic_write_text(path, json.dumps(data, indent=2, sort_keys=True) + "\n")
    except OSError:
        pass  # a read-only or full cache only costs a validation next time


def verdict(key: str) -> Verdict | None:
    data = _read(_verdict_file(key))
    if data is None or data.get("key") != key or not isinstance(data.get("conforms"), bool):
        return None
    return Verdict(data["conforms"], int(data.get("violations", 0)), int(data.get("warnings", 0)),
                   float(data.get("at", 0)))


def record(project: Project, files: list[Path], report: Any) -> Verdict:
    """Keep a whole-graph validation's verdict; if it conforms, its build becomes the
    evidence base's last good build."""
    store_hash = graph_hash(project, files)
    key = validation_key(project, files, store_hash)
    now = time.time()
    result = Verdict(report.conforms, len(report.violations), len(report.warnings), now)
    _write(_verdict_file(key), {"key": key, "store_hash": store_hash, "conforms": result.conforms,
                                "violations": result.violations, "warnings": result.warnings, "at": now})
    if result.conforms:
        remember_good(project, store_hash, key, now)
    return result


def remember_good(project: Project, store_hash: str, key: str, at: float | None = None) -> None:
    """Make a build whose sources conformed the one this evidence base answers from."""
    _write(_good_file(project), {"store_hash": store_hash, "validation_key": key, "at": at or time.time(),
                                 "root": str(project.root.resolve())})


def last_good(project: Project) -> GoodBuild | None:
    """The evidence base's last build whose sources conformed, if its compiled store is still cached."""
    data = _read(_good_file(project))
    if data is None or not isinstance(data.get("store_hash"), str) or not isinstance(data.get("validation_key"), str):
        return None
    if not (cache_root() / data["store_hash"][:32] / "manifest.json").is_file():
        return None  # pruned or removed: nothing to answer from
    return GoodBuild(data["store_hash"], data["validation_key"], float(data.get("at", 0)))
