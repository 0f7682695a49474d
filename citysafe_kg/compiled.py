"""The compiled build: the graph loaded once into an on-disk Oxigraph store,
kept in a cache folder named by a hash of the graph's sources.

Any change to ontology/ or data/ changes the hash, so a stale build is never
used: the next command compiles a new one (a fraction of a second on the seed).
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
import tempfile
from pathlib import Path

from .resources import Project, default_project
from .store import OxigraphStore


def cache_root() -> Path:
    """CITYSAFE_CACHE, else $XDG_CACHE_HOME/citysafe-kg, else ~/.cache/citysafe-kg."""
    env = os.environ.get("CITYSAFE_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "citysafe-kg"


def graph_hash(project: Project, files: list[Path] | None = None) -> str:
    """SHA-256 over the names and bytes of the graph's source files."""
    digest = hashlib.sha256()
    for path in files or project.graph_files():
        digest.update(project.relative(path).encode())
        digest.update(b"\0")
        digest.update(path.read_bytes())
        digest.update(b"\0")
    return digest.hexdigest()


def compiled_store(project: Project | None = None, files: list[Path] | None = None) -> OxigraphStore:
    """The Oxigraph store of the current sources, compiled now if the cache lacks it."""
    project = project or default_project()
    files = files or project.graph_files()
    key = graph_hash(project, files)
    folder = cache_root() / key[:32]
    store_dir = folder / "oxigraph"
    if not (folder / "manifest.json").is_file():
        folder.parent.mkdir(parents=True, exist_ok=True)
        staging = Path(tempfile.mkdtemp(prefix=".compile.", dir=folder.parent))
        try:
            store = OxigraphStore.from_files(files, staging / "oxigraph")
            triples = len(store)
            del store  # close the database before moving it
            manifest = {"hash": key, "triples": triples, "files": [project.relative(p) for p in files]}
            (staging / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
            try:
                os.replace(staging, folder)
            except OSError:
                shutil.rmtree(staging, ignore_errors=True)  # another process compiled it first
        except BaseException:
            shutil.rmtree(staging, ignore_errors=True)
            raise
    return OxigraphStore.open(store_dir)
