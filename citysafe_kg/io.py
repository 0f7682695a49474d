"""Atomic writes: a temp file in the same folder, then a rename."""

from __future__ import annotations

import os
import re
import shutil
import tempfile
from collections.abc import Callable
from pathlib import Path


def current_umask() -> int:
    """The process umask (reading it means setting it, so it is set back at once)."""
    umask = os.umask(0)
    os.umask(umask)
    return umask


def atomic_write_text(path: Path, text: str) -> None:
    atomic_write_bytes(path, text.encode("utf-8"))


def atomic_write_bytes(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if path.exists():
        mode = path.stat().st_mode & 0o777
    else:
        mode = 0o666 & ~current_umask()
    fd, tmp = tempfile.mkstemp(prefix=f".{path.name}.", suffix=".tmp", dir=path.parent)
    try:
        os.fchmod(fd, mode)
        with os.fdopen(fd, "wb") as handle:
            handle.write(data)
            handle.flush()
            os.fsync(handle.fileno())
        os.replace(tmp, path)
    except BaseException:
        Path(tmp).unlink(missing_ok=True)
        raise


STAGING_MARK = "citysafe"  # staging names: .<target>.citysafe-<pid>-<random> (.gitignore: .*.citysafe-*)


def staging_dir(parent: Path, target_name: str, kind: str = "") -> Path:
    """A new private folder beside ``target_name`` whose name carries this process's id, so a
    later run can tell a staging folder left by a killed process from one still in use."""
    parent.mkdir(parents=True, exist_ok=True)
    kind = f"{kind}-" if kind else ""
    return Path(tempfile.mkdtemp(prefix=f".{target_name}.{STAGING_MARK}-{os.getpid()}-{kind}", dir=parent))


_STAGING = re.compile(r"^\.(?P<target>.+)\.citysafe-(?P<pid>\d+)-")
# Names earlier versions staged under (no process id): removed once clearly abandoned.
_LEGACY = re.compile(r"^\.(?P<target>.+)\.(?:old|exports\.[\w]{8}|[\w]{8})$")
LEGACY_AGE_S = 3600


def _alive(pid: int) -> bool:
    if pid == os.getpid():
        return True
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # someone else's live process
    return True


def sweep_staging(parent: Path, target_name: str) -> list[Path]:
    """Remove the staging folders a killed run left beside ``target_name`` (its process is gone);
    those of a run still going are kept. Returns what was removed."""
    import time

    removed = []
    try:
        entries = list(os.scandir(parent))
    except OSError:
        return removed
    for entry in entries:
        match = _STAGING.match(entry.name)
        if match and match.group("target") == target_name:
            if _alive(int(match.group("pid"))):
                continue
            if entry.name[match.end():].startswith("old-") and not os.path.lexists(parent / target_name):
                try:  # killed between the two renames of replace_directory's fallback: put the old build back
                    os.replace(entry.path, parent / target_name)
                    continue
                except OSError:
                    pass
        else:
            legacy = _LEGACY.match(entry.name)
            if not legacy or legacy.group("target") != target_name:
                continue
            try:
                if not entry.is_dir(follow_symlinks=False) or time.time() - entry.stat().st_mtime < LEGACY_AGE_S:
                    continue
            except OSError:
                continue
        if entry.is_dir(follow_symlinks=False):
            shutil.rmtree(entry.path, ignore_errors=True)
            removed.append(Path(entry.path))
    return removed


def _exchange(a: Path, b: Path) -> bool:
    """Swap two paths in one step (Linux renameat2 RENAME_EXCHANGE): no moment without either.
    False where the system or file system cannot (then the caller renames in two steps)."""
    import ctypes
    import ctypes.util

    try:
        libc = ctypes.CDLL(ctypes.util.find_library("c") or "libc.so.6", use_errno=True)
        renameat2 = libc.renameat2
    except (OSError, AttributeError):
        return False
    at_fdcwd, rename_exchange = -100, 2
    if renameat2(at_fdcwd, os.fsencode(a), at_fdcwd, os.fsencode(b), rename_exchange) == 0:
        return True
    error = ctypes.get_errno()
    import errno

    if error in (errno.ENOSYS, errno.EINVAL, errno.ENOTSUP):
        return False
    raise OSError(error, os.strerror(error), str(b))


def replace_directory(target: Path, build: Callable[[Path], None]) -> None:
    """Build a new directory beside ``target`` and swap it in; on failure (or Ctrl-C, SIGTERM)
    the old one stays and the staging folder is removed; a kill -9 leaves it for the next
    run's sweep. Readers never see ``target`` missing or half-written."""
    target.parent.mkdir(parents=True, exist_ok=True)
    sweep_staging(target.parent, target.name)
    staging = staging_dir(target.parent, target.name)
    os.chmod(staging, 0o777 & ~current_umask())  # mkdtemp makes it private; a build folder is not
    try:
        build(staging)
        if target.exists() and _exchange(staging, target):
            shutil.rmtree(staging, ignore_errors=True)  # now the previous build
            return
        if target.exists():
            old = staging_dir(target.parent, target.name, "old")
            os.replace(target, old)  # onto an empty folder: allowed
            try:
                os.replace(staging, target)
            except BaseException:
                os.replace(old, target)
                raise
            shutil.rmtree(old, ignore_errors=True)
        else:
            os.replace(staging, target)
    except BaseException:
        shutil.rmtree(staging, ignore_errors=True)
        raise


def write_output(path: Path, data: bytes | str, protected: tuple[Path, ...] = ()) -> str:
    """Write a command's -o output the way coreutils would: "-" is standard output; a symlink
    is written through (the link stays); a FIFO, device or socket is written directly; only a
    regular file (or a new one) is replaced atomically. A folder, a dangling link, or a file
    under ``protected`` (the evidence base: resources.source_folders()) is refused. Returns where it went."""
    import sys

    if isinstance(data, str):
        data = data.encode("utf-8")
    target = check_output(path, protected)
    if target is None:
        stream = getattr(sys.stdout, "buffer", None)
        if stream is None:
            sys.stdout.write(data.decode("utf-8"))
        else:
            stream.write(data)
        sys.stdout.flush()
        return "standard output"
    if target.exists() and not target.is_file():  # FIFO, character or block device, socket
        try:
            with open(target, "wb") as handle:
                handle.write(data)
        except OSError as exc:  # name the file in the message (a device's write error has no name)
            raise OSError(exc.errno, exc.strerror, str(path)) from None
        return str(path)
    atomic_write_bytes(target, data)
    return str(path)


def check_output(path: Path, protected: tuple[Path, ...] = ()) -> Path | None:
    """The file -o PATH writes to (a link's target), or None for standard output ("-"); a folder,
    a dangling link or a file under ``protected`` is refused. Commands call it before the work."""
    from .errors import UserError

    if str(path) == "-":
        return None
    target = Path(os.path.realpath(path)) if path.is_symlink() else path
    if path.is_symlink() and not os.path.lexists(target):
        raise UserError(f"-o {path} is a link to {target}, which does not exist: not writing through a "
                        "dangling link. Remove the link or give another file name.")
    if target.is_dir():
        raise UserError(f"-o {path} is a folder; give a file name, e.g. -o {path.as_posix().rstrip('/')}/graph.ttl.")
    for folder in (Path(os.path.realpath(p)) for p in protected):
        if Path(os.path.realpath(target)).is_relative_to(folder):
            raise UserError(f"-o {path} is inside the evidence base ({folder}); write exports elsewhere, e.g. -o dist/.")
    return target


def claim_folder(folder: Path, option: str, protected: tuple[Path, ...],
                 written: Callable[[Path], set[str] | None], what: str = "build") -> Path:
    """The folder a command may replace whole: a new or empty one, or one holding only what an
    earlier run wrote (``written`` returns those names, or None when no run of ours wrote it).
    Anything else is someone's and is refused, as git refuses to clone into a non-empty folder;
    so is a folder in or around ``protected`` (the evidence base). A symlink is followed."""
    from .errors import UserError

    if folder.is_symlink():
        folder = Path(os.path.realpath(folder))
    real = Path(os.path.realpath(folder))
    for base in (Path(os.path.realpath(p)) for p in protected):
        if real == base or real.is_relative_to(base) or base.is_relative_to(real):
            raise UserError(f"{option} {folder} would replace or sit inside the evidence base ({base.name}/); "
                            f"give a folder of its own, e.g. {option} {what if what != 'build' else 'dist'}.")
    if not folder.exists():
        return folder
    if not folder.is_dir():
        raise UserError(f"{option} {folder} is a file, not a folder; give a folder name.")
    names = {entry.name for entry in os.scandir(folder)}
    if not names:
        return folder
    allowed = written(folder)
    if allowed is None:
        raise UserError(f"{option} {folder} is not empty and no citysafe {what} wrote it, and citysafe {what} "
                        "rewrites the folder it is given: give an empty or new folder.")
    foreign = sorted(names - allowed)
    if foreign:
        more = f" and {len(foreign) - 1} more" if len(foreign) > 1 else ""
        raise UserError(f"{option} {folder} holds {foreign[0]!r}{more}, which no {what} wrote, and citysafe {what} "
                        f"rewrites the folder it is given: move it out first, or give another {option}.")
    return folder
