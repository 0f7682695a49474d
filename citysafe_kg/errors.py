"""One error hierarchy. The CLI turns these into messages and exit codes.

Exit codes (as pySHACL documents its own):
    0  success; the graph conforms
    1  the graph does not conform, or a user mistake (bad input, unknown name)
    2  a runtime error (an engine failed, an endpoint is unreachable)
"""

from __future__ import annotations

import difflib


class CitysafeError(Exception):
    """Base class. ``message`` is what a user reads; ``exit_code`` what the CLI returns."""

    exit_code = 1

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


class UserError(CitysafeError):
    """The user asked for something that cannot be done as asked (fix the input)."""


class DataSyntaxError(UserError):
    """A source file does not parse. ``path`` and ``line`` say where."""

    def __init__(self, path: str, line: int | None, reason: str) -> None:
        where = f"{path}:{line}" if line else path
        super().__init__(
            f"{where}: Turtle syntax error: {reason}. Fix the file at that line; nothing was built."
        )
        self.path = path
        self.line = line
        self.reason = reason


class UnknownNameError(UserError):
    """An unknown query, report, pattern or format name, with the nearest known names."""


class ParameterError(UserError):
    """A bad --param: unknown name, or a value of the wrong type."""


class ValidationFailed(UserError):
    """The graph does not conform to the shapes (exit code 1)."""


class RuntimeFailure(CitysafeError):
    """Something outside the user's input failed: an engine, a server, the disk."""

    exit_code = 2


def suggest(name: str, known: list[str]) -> str:
    """' Did you mean "x"?' for the known name nearest to ``name``, or nothing."""
    close = difflib.get_close_matches(name, known, n=1, cutoff=0.5)
    return f' Did you mean "{close[0]}"?' if close else ""


class Interrupted(BaseException):
    """The process was asked to stop (Ctrl-C, SIGTERM, SIGHUP). A BaseException, so every
    ``except BaseException`` clean-up (staging folders, temp files) runs on the way out."""

    def __init__(self, signum: int) -> None:
        super().__init__(signum)
        self.signum = signum


INTERNAL_ERROR_HINT = ("This is a bug in citysafe: please report it with the command you ran "
                       "(CITYSAFE_DEBUG=1 shows the traceback).")


def explain(exc: BaseException) -> tuple[str, int]:
    """One line for any failure, and the documented exit code: 1 for what the user can fix in
    the input, 2 for the environment (disk, permissions, memory) or an engine, 130 for an interrupt."""
    import errno
    import signal

    if isinstance(exc, CitysafeError):
        return exc.message, exc.exit_code
    if isinstance(exc, Interrupted):
        name = signal.Signals(exc.signum).name if exc.signum in signal.Signals._value2member_map_ else str(exc.signum)
        return f"Stopped by {name}; no file was left half-written (run the command again).", 128 + exc.signum
    if isinstance(exc, KeyboardInterrupt):
        return "Interrupted; no file was left half-written (run the command again).", 130
    if isinstance(exc, MemoryError):
        return "Out of memory: close other programs or use a machine with more memory, then run again.", 2
    if isinstance(exc, OSError):
        import re

        code, what, reason = exc.errno, exc.filename, exc.strerror
        if code is None:  # engines (RocksDB under Oxigraph) put errno's words and the path in the text
            text = str(exc)
            for number, words in ((errno.ENOSPC, "No space left"), (errno.EROFS, "Read-only file system"),
                                  (errno.EACCES, "Permission denied"), (errno.ENOENT, "No such file")):
                if words in text:
                    code, reason = number, words
            path = re.search(r"(/[^\s:]+)", text)
            what = what or (path.group(1) if path else None)
            reason = reason or text[:200]
        what = what if what is not None else "the output"
        reason = reason or type(exc).__name__
        if code == errno.ENOSPC:
            return (f"Cannot write {what}: no space left on the device. Free some space, or point "
                    "--dist, -o or CITYSAFE_CACHE at another disk, and run again."), 2
        if code in (errno.EACCES, errno.EPERM, errno.EROFS):
            return (f"Cannot write or read {what}: {reason.lower()}. Check its permissions, or point "
                    "--dist, -o or CITYSAFE_CACHE somewhere writable."), 2
        if code == errno.EDQUOT:
            return f"Cannot write {what}: disk quota exceeded. Free some space and run again.", 2
        return f"{reason}: {what}. Check the path and the disk, then run again.", 2
    return f"Internal error: {type(exc).__name__}: {exc}. {INTERNAL_ERROR_HINT}", 2


def notify(message: str) -> None:
    """One line for the user on stderr, beside a command's output (never mixed into stdout)."""
    import sys

    print(message, file=sys.stderr, flush=True)
