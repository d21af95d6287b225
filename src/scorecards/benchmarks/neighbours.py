"""Statistical neighbours: each authority's ten most similar authorities.

The department publishes the groupings as a wide CSV file, one authority a row and
its neighbours in order of closeness. Two models are read:

- ``New_Statistical_Neighbour_Groupings_April_2021.csv`` (the 2021 model): columns
  ``LA num``, ``LA Name``, ``LA number``, ``GOInd``, ``GOReg``, then ``SN1`` to
  ``SN10`` each followed by a closeness column headed ``SNP``. Below the current
  authorities, after a row reading ``Old SNs:``, it keeps the groupings of
  authorities that no longer exist (Northamptonshire, Bournemouth and Poole).
- ``sn_model_2025_wide.csv`` (the 2025 model): columns ``old_la_code``,
  ``la_name``, ``region_ind``, ``region_name``, then ``SN_1``, ``SN_1P`` to
  ``SN_10``, ``SN_10P``.

Authorities are identified by their three-digit ``old_la_code`` in both.
"""

from __future__ import annotations

import csv
import re
from dataclasses import dataclass
from enum import StrEnum
from pathlib import Path

from scorecards.errors import InputError, Problem, problem


class NeighbourModel(StrEnum):
    """Which grouping of statistical neighbours a file holds."""

    MODEL_2021 = "2021"
    MODEL_2025 = "2025"


class Closeness(StrEnum):
    """How close a neighbour is, as the grouping files grade it."""

    EXTREMELY_CLOSE = "extremely close"
    VERY_CLOSE = "very close"
    CLOSE = "close"
    SOMEWHAT_CLOSE = "somewhat close"
    NOT_CLOSE = "not close"


#: The two layouts: the header of the authority code column, and the pattern of
#: the neighbour columns (each followed by its closeness column).
_LAYOUTS = {
    NeighbourModel.MODEL_2021: ("LA num", re.compile(r"SN(\d+)")),
    NeighbourModel.MODEL_2025: ("old_la_code", re.compile(r"SN_(\d+)")),
}


@dataclass(frozen=True)
class Neighbour:
    """One neighbour of an authority: its code, place in the list and closeness."""

    code: str
    order: int
    closeness: Closeness


@dataclass(frozen=True)
class Grouping:
    """One authority's neighbours; ``former`` for authorities that no longer exist."""

    code: str
    name: str
    neighbours: tuple[Neighbour, ...]
    former: bool = False

    @property
    def codes(self) -> tuple[str, ...]:
        return tuple(n.code for n in self.neighbours)


@dataclass(frozen=True)
class NeighbourGroups:
    """Every authority's statistical neighbours under one model."""

    path: Path
    model: NeighbourModel
    groups: dict[str, Grouping]

    def of(self, code: str) -> Grouping:
        """The grouping of the authority with this ``old_la_code``."""
        if code not in self.groups:
            raise InputError(
                problem(
                    self.path,
                    f"authority {code!r} has no statistical neighbours in the "
                    f"{self.model.value} model; choose the other grouping file or "
                    "supply the benchmark as figures",
                )
            )
        return self.groups[code]

    @property
    def label(self) -> str:
        return f"{self.model.value} model"


def detect_model(path: Path, header: list[str]) -> NeighbourModel:
    """Which model a grouping file holds, from its header."""
    for model, (code_column, pattern) in _LAYOUTS.items():
        if (
            header
            and header[0] == code_column
            and any(pattern.fullmatch(name) for name in header)
        ):
            return model
    raise InputError(
        problem(
            path,
            "is not a statistical neighbour file: expected a header starting "
            f"'LA num' (2021 model) or 'old_la_code' (2025 model), found {header[:5]}",
            row=1,
        )
    )


def read_neighbours(
    path: Path | str, model: NeighbourModel | None = None
) -> NeighbourGroups:
    """Read a statistical neighbour file of either model.

    Raises InputError naming the row and column of a neighbour that is not a
    three-digit code or a closeness that is not one of :class:`Closeness`.
    """
    path = Path(path)
    with path.open(newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    header = [name.strip() for name in rows[0]] if rows else []
    model = model or detect_model(path, header)

    pattern = _LAYOUTS[model][1]
    columns = [
        (i, int(m[1]))
        for i, name in enumerate(header)
        if (m := pattern.fullmatch(name))
    ]
    groups: dict[str, Grouping] = {}
    problems: list[Problem] = []
    former = False
    for line, cells in enumerate(rows[1:], start=2):
        code = cells[0].strip() if cells else ""
        if not code:
            # Blank separators, and the "Old SNs:" heading of the former authorities.
            former = former or any("old" in c.lower() for c in cells)
            continue
        neighbours = [
            _neighbour(path, line, header, cells, i, order, problems)
            for i, order in columns
        ]
        groups[code] = Grouping(
            code,
            cells[1].strip(),
            tuple(n for n in neighbours if n is not None),
            former=former,
        )

    if problems:
        raise InputError(problems)
    return NeighbourGroups(path, model, groups)


def _neighbour(
    path: Path,
    line: int,
    header: list[str],
    cells: list[str],
    at: int,
    order: int,
    problems: list[Problem],
) -> Neighbour | None:
    code = cells[at].strip() if at < len(cells) else ""
    closeness = cells[at + 1].strip() if at + 1 < len(cells) else ""
    if not re.fullmatch(r"\d{3}", code):
        problems.append(
            problem(
                path,
                f"expected a three-digit authority code, found {code!r}",
                row=line,
                key=header[at],
            )
        )
        return None
    try:
        grade = Closeness(closeness.lower())
    except ValueError:
        grades = ", ".join(c.value for c in Closeness)
        problems.append(
            problem(
                path,
                f"expected a closeness ({grades}), found {closeness!r}",
                row=line,
                key=header[at + 1] if at + 1 < len(header) else None,
            )
        )
        return None
    return Neighbour(code, order, grade)
