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
