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
import time
from dataclasses import dataclass
from pathlib import Path

from .derive import derive_oxigraph, rule_files
from .errors import DataSyntaxError, RuntimeFailure, UserError
from .io import atomic_write_text, staging_dir, sweep_staging
from .resources import Project, default_project
from .store import BACKENDS, EndpointStore, OxigraphStore, RdflibStore, Store


# The layout of a compiled build; bump it when the compile step changes what a build holds
# (2: the derived statements of queries/rules/ in their own named graph;
# 3: locators as content-derived IRIs, bnodes.skolemise_locators_oxigraph).
LAYOUT = 3


def cache_root() -> Path:
    """CITYSAFE_CACHE, else $XDG_CACHE_HOME/citysafe-kg, else ~/.cache/citysafe-kg."""
    env = os.environ.get("CITYSAFE_CACHE")
    if env:
        return Path(env)
    base = os.environ.get("XDG_CACHE_HOME") or str(Path.home() / ".cache")
    return Path(base) / "citysafe-kg"


def graph_hash(project: Project, files: list[Path] | None = None) -> str:
    """SHA-256 over the names and content digests of the graph's source files and derivation rules.

    A file's digest is reused from the cache's index while its size, mtime, ctime
    and inode are those recorded (as git does), so a report on 100,000 programs
    does not re-read 1.6 GB of Turtle (5.5 s) to learn that nothing changed. Any
    write changes mtime and ctime; files modified in the last seconds are not
    recorded, so an edit within the clock's resolution cannot hide behind a stale entry.
    """
    digests = FileDigests(cache_root() / "file-digests.json")
    digest = hashlib.sha256(f"layout {LAYOUT}\0".encode())
    # The derivation rules shape the compiled store as much as the data do.
    for path in [*(files or project.graph_files()), *rule_files(project)]:
        digest.update(project.relative(path).encode())
        digest.update(b"\0")
        digest.update(digests.of(path).encode())
        digest.update(b"\0")
    digests.save()
    return digest.hexdigest()


class FileDigests:
    """SHA-256 of files, remembered by (size, mtime_ns, ctime_ns, inode) in a JSON index."""

    SETTLED_NS = 2_000_000_000  # trust only files unchanged for two seconds

    def __init__(self, index: Path) -> None:
        self.index = index
        try:
            self.entries: dict[str, list] = json.loads(index.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            self.entries = {}
        self.changed = False

    def of(self, path: Path) -> str:
        key = str(path.resolve())
        stat = path.stat()
        signature = [stat.st_size, stat.st_mtime_ns, stat.st_ctime_ns, stat.st_ino]
        entry = self.entries.get(key)
        if entry and entry[:4] == signature:
            return entry[4]
        with open(path, "rb") as handle:
            value = hashlib.file_digest(handle, "sha256").hexdigest()
        if max(stat.st_mtime_ns, stat.st_ctime_ns) < time.time_ns() - self.SETTLED_NS:
            self.entries[key] = [*signature, value]
            self.changed = True
        return value

    def save(self) -> None:
        if not self.changed:
            return
        try:
            atomic_write_text(self.index, json.dumps(self.entries, sort_keys=True))
        except OSError:
            pass  # a read-only cache only costs speed


GOOD_DIR = "good"  # cache/good/<evidence base>.json: {"store_hash": the build it answers from, ...} (conformance.py)


def good_store_hashes() -> set[str]:
    """The compiled builds some evidence base answers from (prune keeps them)."""
    kept = set()
    folder = cache_root() / GOOD_DIR
    for path in folder.glob("*.json") if folder.is_dir() else []:
        try:
            data = json.loads(path.read_text(encoding="utf-8"))
        except (OSError, ValueError):
            continue
        if isinstance(data, dict) and isinstance(data.get("store_hash"), str):
            kept.add(data["store_hash"][:32])
    return kept


def keep_open_across_exec(store: OxigraphStore) -> None:
    """Hand the build's in-use lock to a process this one execs into (serve), so prune spares it."""
    lock, store.lock = store.lock, None
    if lock is not None:
        os.set_inheritable(lock, True)


KEEP_BUILDS = 3  # compiled builds kept by the automatic prune (besides those in use or answering)


class DamagedBuild(Exception):
    """A compiled build whose files no longer match its manifest's checksums (or will not open)."""

    def __init__(self, folder: Path, what: str) -> None:
        super().__init__(f"{folder}: {what}")
        self.folder = folder
        self.what = what


def compiled_store(project: Project | None = None, files: list[Path] | None = None) -> OxigraphStore:
    """The Oxigraph store of the current sources, compiled now if the cache lacks it.
    A damaged build is detected (manifest checksums), removed and compiled again, with one line saying so."""
    project = project or default_project()
    files = files or project.graph_files()
    key = graph_hash(project, files)
    folder = cache_root() / key[:32]
    for _ in range(3):
        if not (folder / "manifest.json").is_file():
            _compile(project, files, key, folder)
        try:
            return open_compiled(folder)
        except DamagedBuild as damaged:
            from .errors import notify

            notify(f"Note: the compiled build in {folder} was damaged ({damaged.what}); rebuilding it.")
            discard(folder)
        except FileNotFoundError:
            continue  # pruned by another process between the check and the open: compile again
    raise RuntimeFailure(f"The compiled build in {folder} is damaged again after rebuilding it: "
                         "check the disk, or point CITYSAFE_CACHE at another folder.")


def _compile(project: Project, files: list[Path], key: str, folder: Path) -> None:
    folder.parent.mkdir(parents=True, exist_ok=True)
    sweep_staging(folder.parent, "compile")
    staging = staging_dir(folder.parent, "compile")
    try:
        try:
            store = OxigraphStore.from_files(files, staging / "oxigraph")
        except DataSyntaxError as error:  # name the file as the user knows it, from the project's root
            raise DataSyntaxError(project.relative(Path(error.path)), error.line, error.reason) from None
        derived = derive_oxigraph(store.store, project)
        store.store.flush()
        store.store.optimize()  # compacts the bulk loads' files: 1 s at 10,000 programs, reports up to ~2x faster
        triples = len(store)
        del store  # close the database before moving it
        manifest = {"hash": key, "triples": triples, "derived_triples": derived,
                    "files": [project.relative(p) for p in files],
                    "checksums": checksums(staging / "oxigraph")}
        (staging / "manifest.json").write_text(json.dumps(manifest, indent=2) + "\n", encoding="utf-8")
        try:
            os.replace(staging, folder)
        except OSError:
            shutil.rmtree(staging, ignore_errors=True)  # another process compiled it first
        else:
            try:
                prune(KEEP_BUILDS)
            except OSError:
                pass  # pruning is housekeeping; a failure must not fail the command
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def checksums(store_dir: Path) -> dict[str, list]:
    """Every file of a store: [size, mtime_ns, sha256], by name (the manifest keeps them)."""
    out = {}
    for entry in sorted(os.scandir(store_dir), key=lambda e: e.name):
        if entry.is_file(follow_symlinks=False):
            stat = entry.stat()
            with open(entry.path, "rb") as handle:
                out[entry.name] = [stat.st_size, stat.st_mtime_ns, hashlib.file_digest(handle, "sha256").hexdigest()]
    return out


def verify(folder: Path, full: bool = False) -> None:
    """Raise DamagedBuild if the store's files differ from the manifest's checksums. Sizes and
    mtimes are compared on every open (a stat per file); a file whose size or mtime changed,
    or every file with ``full``, is hashed again."""
    try:
        manifest = json.loads((folder / "manifest.json").read_text(encoding="utf-8"))
    except FileNotFoundError:
        raise
    except (OSError, ValueError) as exc:
        raise DamagedBuild(folder, f"manifest.json unreadable: {exc}") from None
    recorded = manifest.get("checksums") if isinstance(manifest, dict) else None
    if not isinstance(recorded, dict):
        raise DamagedBuild(folder, "manifest.json has no checksums")
    store_dir = folder / "oxigraph"
    try:
        present = {e.name: e for e in os.scandir(store_dir) if e.is_file(follow_symlinks=False)}
    except FileNotFoundError:
        raise DamagedBuild(folder, "oxigraph/ is missing") from None
    for name in sorted(set(recorded) - set(present)):
        raise DamagedBuild(folder, f"oxigraph/{name} is missing")
    for name in sorted(set(present) - set(recorded)):
        raise DamagedBuild(folder, f"oxigraph/{name} was not in the build")
    for name, (size, mtime_ns, sha) in recorded.items():
        stat = present[name].stat()
        if stat.st_size != size:
            raise DamagedBuild(folder, f"oxigraph/{name} changed size")
        if full or stat.st_mtime_ns != mtime_ns:
            with open(present[name].path, "rb") as handle:
                if hashlib.file_digest(handle, "sha256").hexdigest() != sha:
                    raise DamagedBuild(folder, f"oxigraph/{name} does not match its checksum")


def open_compiled(folder: Path) -> OxigraphStore:
    """Open a compiled build's store (read-only), after checking it against its manifest.
    The open build holds a shared lock on its manifest, so `cache prune` leaves it alone
    (the lock is inherited by `serve`'s server process)."""
    import fcntl

    lock = os.open(folder / "manifest.json", os.O_RDONLY)  # FileNotFoundError: pruned meanwhile
    try:
        fcntl.flock(lock, fcntl.LOCK_SH)
        verify(folder)
        try:
            store = OxigraphStore.open(folder / "oxigraph")
        except (OSError, ValueError, RuntimeError) as exc:
            raise DamagedBuild(folder, f"Oxigraph cannot open it: {exc}") from None
        try:
            os.utime(folder / "manifest.json")  # last use, for prune's "newest"
        except OSError:
            pass  # a read-only cache
    except BaseException:
        os.close(lock)
        raise
    store.lock = lock
    return store


def discard(folder: Path) -> None:
    """Remove a compiled build: renamed aside first, so no reader sees it half-deleted."""
    aside = staging_dir(folder.parent, "discard")
    try:
        os.replace(folder, aside / folder.name)
    except FileNotFoundError:
        pass
    shutil.rmtree(aside, ignore_errors=True)


@dataclass
class PruneResult:
    removed: list[str]
    in_use: list[str]
    kept: list[str]
    freed_bytes: int


def _size(folder: Path) -> int:
    total = 0
    for root, _, names in os.walk(folder):
        for name in names:
            try:
                total += os.lstat(os.path.join(root, name)).st_size
            except OSError:
                pass
    return total


def prune(keep: int = KEEP_BUILDS, protect: set[str] | None = None) -> PruneResult:
    """Remove compiled builds but the ``keep`` most recently used, never one a process has open
    (it holds a lock), nor one an evidence base answers from (good_store_hashes),
    nor ``protect``. Staging folders of killed runs go too."""
    import fcntl

    root = cache_root()
    sweep_staging(root, "compile")
    sweep_staging(root, "discard")
    builds = []
    for entry in os.scandir(root) if root.is_dir() else []:
        if entry.is_dir(follow_symlinks=False) and len(entry.name) == 32 and all(c in "0123456789abcdef" for c in entry.name):
            try:
                used = os.stat(os.path.join(entry.path, "manifest.json")).st_mtime
            except OSError:
                used = 0.0  # no manifest: an incomplete build, oldest of all
            builds.append((used, entry.name))
    builds.sort(reverse=True)
    answering = good_store_hashes() | (protect or set())
    result = PruneResult([], [], [], 0)
    for index, (_, name) in enumerate(builds):
        folder = root / name
        if index < keep or name in answering:
            result.kept.append(name)
            continue
        try:
            lock = os.open(folder / "manifest.json", os.O_RDONLY)
        except FileNotFoundError:
            lock = None
        try:
            if lock is not None:
                try:
                    fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)
                except BlockingIOError:
                    result.in_use.append(name)
                    continue
            size = _size(folder)
            discard(folder)
            result.removed.append(name)
            result.freed_bytes += size
        finally:
            if lock is not None:
                os.close(lock)
    return result


def check_all(remove: bool = True) -> list[tuple[str, str]]:
    """Hash every file of every compiled build against its manifest; damaged builds are
    removed (the next command compiles them again). Returns (build, what was wrong)."""
    root = cache_root()
    damaged = []
    for entry in sorted(os.scandir(root), key=lambda e: e.name) if root.is_dir() else []:
        if not (entry.is_dir(follow_symlinks=False) and len(entry.name) == 32):
            continue
        try:
            verify(Path(entry.path), full=True)
        except FileNotFoundError:
            continue
        except DamagedBuild as bad:
            damaged.append((entry.name, bad.what))
            if remove:
                discard(Path(entry.path))
    return damaged


def open_store(backend: str = "auto", endpoint: str | None = None, timeout: float = 60.0,
               cases: list[str] | None = None) -> Store:
    """The store a command queries: a remote endpoint if given, else the compiled
    Oxigraph build (auto, the default: ~100x faster than rdflib on every size we
    measured), else rdflib's in-memory graph parsed from the sources."""
    if endpoint:
        return EndpointStore(endpoint, timeout)
    if backend not in BACKENDS:
        raise UserError(f'Unknown backend "{backend}"; use one of {", ".join(BACKENDS)}.')
    project = default_project()
    if backend == "rdflib":
        from .derive import derive_rdflib
        from .graph import load

        graph = load(project, cases=cases).graph
        derive_rdflib(graph, project)
        return RdflibStore(graph)
    return compiled_store(project, project.graph_files(cases))
