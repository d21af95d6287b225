"""One root error for everything the package raises about its input.

Each subclass also derives from the builtin a caller would expect, so that code
which knows nothing of scorecards can still catch ``ValueError`` or ``OSError``.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path


class ScorecardError(Exception):
    """Root of every error this package raises deliberately."""


@dataclass(frozen=True)
class Problem:
    """One problem found in user input: where it is and what was expected."""

    file: str
    message: str
    row: int | None = None
    key: str | None = None

    def __str__(self) -> str:
        if not (self.file or self.row is not None or self.key):
            return self.message
        where = self.file
        if self.row is not None:
            where += f", row {self.row}"
        if self.key:
            where += f", {self.key}"
        return f"{where}: {self.message}"


class InputError(ScorecardError, ValueError):
    """User input is wrong: one or more problems, each naming where it is."""

    def __init__(self, problems: Iterable[Problem] | Problem | str):
        if isinstance(problems, str):
            problems = [Problem(file="", message=problems)]
        elif isinstance(problems, Problem):
            problems = [problems]
        self.problems: list[Problem] = list(problems)
        super().__init__(self._text())

    def _text(self) -> str:
        lines = [str(p).removeprefix(": ") for p in self.problems]
        if len(lines) == 1:
            return lines[0]
        return f"{len(lines)} problems:\n" + "\n".join(f"- {line}" for line in lines)


class MissingFileError(ScorecardError, FileNotFoundError):
    """A file the project needs does not exist."""

    def __init__(self, path: Path, what: str):
        self.path = path
        super().__init__(f"{path}: {what} not found; create it or fix the path")


def problem(
    file: Path | str, message: str, row: int | None = None, key: str | None = None
) -> Problem:
    """Build a :class:`Problem`, accepting a path for the file."""
    return Problem(file=str(file), message=message, row=row, key=key)
