"""Small-number protection for outputs that show districts.

Primary suppression: a count from 1 to ``threshold - 1`` (default 1 to 4, as in
official statistics practice) is not shown, and nor is a rate or percentage
whose numerator is such a count, since the count can be worked back from it.

Secondary suppression: where the cells of a group (the districts of a table) add
up to a total that is published, a single suppressed cell could be recovered by
subtracting the others from the total. So when exactly one cell of such a group
is suppressed, the next smallest count is suppressed too. Zero is shown: that
nothing happened in a district discloses nothing about any one child.

Each suppressed cell carries its reason, so an output can say why it is blank.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass

PRIMARY = "primary"
SECONDARY = "secondary"


@dataclass(frozen=True)
class Suppressed:
    kind: str  # PRIMARY or SECONDARY
    reason: str


def primary(count: float | None, threshold: int = 5) -> Suppressed | None:
    """Whether a count (or a ratio's numerator) must be hidden on its own.

    >>> primary(3) is not None, primary(5), primary(0)
    (True, None, None)
    """
    if count is None or count <= 0 or count >= threshold:
        return None
    return Suppressed(
        PRIMARY, f"fewer than {threshold} (a count from 1 to {threshold - 1})"
    )


def suppress(
    counts: Mapping[str, float | None],
    groups: Sequence[Sequence[str]],
    threshold: int = 5,
) -> dict[str, Suppressed]:
    """The cells to hide, with why.

    ``counts`` maps each cell (a district) to its count, or to the numerator of
    its rate; None where unknown. Each of ``groups`` is a set of cells whose total
    is published (the districts of an area, all the districts of the authority):
    while any group has exactly one hidden cell, its next smallest count is
    hidden too. Groups overlap, so this repeats until nothing changes.

    >>> sorted(suppress({"A": 3, "B": 12, "C": 40, "D": 9}, [["A", "B", "C", "D"]]))
    ['A', 'D']
    """
    hidden = {
        name: found
        for name, count in counts.items()
        if (found := primary(count, threshold)) is not None
    }
    changed = True
    while changed:
        changed = False
        for group in groups:
            inside = [name for name in group if name in hidden]
            if len(inside) != 1:
                continue
            candidates = [
                (count, name)
                for name in group
                if name not in hidden
                and (count := counts.get(name)) is not None
                and count > 0
            ]
            if not candidates:
                continue
            _, name = min(candidates)
            hidden[name] = Suppressed(
                SECONDARY,
                f"hidden so that {inside[0]} cannot be worked out by subtracting "
                "the others from the published total",
            )
            changed = True
    return hidden
