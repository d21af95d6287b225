"""Cleaning rules applied to SSDA903 episodes before they are counted.

Councils and the Department tidy episodes the same way before counting
children looked after, because a child's episodes come from several years'
returns that do not always agree. Each rule below is named, can be switched
off (``--no-rule NAME``), and records every change it makes, so that nothing is
altered or removed unseen. The rules run in this order, per council and child,
with the child's episodes in order of start date:

``duplicate-episodes``
    Two episodes of a child with the same start date in one year's return are
    one episode recorded twice: the one with an end date (or else the later
    row) is kept. Off: the other is refused as a duplicate.
``restated-by-later-return``
    A later year's return restates the child's episodes from its first one on.
    An episode of an earlier return that starts on or after that first episode
    and is not repeated in the later return is dropped. Off: it is kept, and
    usually overlaps an episode of the later return.
``overlapping-episodes``
    An episode that is still open, or ends after the child's next episode
    starts, ends on the day the next starts; its reason is X1 (care goes on)
    unless the next episode starts a new period of care (S), when it is E8
    (ceased for another reason). Off: it is refused, as overlapping or, when
    both are open, as one of several open episodes.
``open-in-old-year``
    An episode still open at the end of a year's return, for a child absent
    from every later return of the council in the load, ended by the end of
    that year: it is closed on 31 March with reason E8. Off: it stays open.

``short-breaks`` (applied first)
    An episode of a child accommodated under an agreed series of short breaks
    (legal status V3 or V4) is not a period of being looked after as the
    Department counts children in care: it is dropped. Off: it is kept, and the
    child counts as in care during it.
``reason-on-open-episode`` (applied next)
    An episode with a reason ceased (REC) but no end date (DEC) is open: the
    reason is cleared. Off: the episode is refused.

Whatever the rules, a child left with more than one open episode, or with
episodes that overlap, has all but the last refused.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable
from datetime import date
from enum import StrEnum
from itertools import pairwise

from scorecards.returns import codes
from scorecards.returns.model import Action, Entry, Outcome, year_end, year_text


class Rule(StrEnum):
    DUPLICATES = "duplicate-episodes"
    RESTATED = "restated-by-later-return"
    OVERLAPS = "overlapping-episodes"
    OLD_OPEN = "open-in-old-year"
    REASON_OPEN = "reason-on-open-episode"
    SHORT_BREAKS = "short-breaks"


ALL_RULES = frozenset(Rule)
OTHER_REASON = "E8"  # "ceased for any other reason"


def clean(
    episodes: Iterable[Entry], rules: Iterable[Rule] = ALL_RULES
) -> tuple[list[Entry], list[Outcome]]:
    """Apply ``rules`` to the episodes of a load.

    Returns the episodes to keep (some refused: they carry reasons) and what
    each rule did. Episodes are changed in place.
    """
    rules = frozenset(rules)
    by_child: dict[tuple[str, str], list[Entry]] = defaultdict(list)
    for e in episodes:
        by_child[(e.council, e.child)].append(e)
    later_children = _children_by_year(by_child)

    kept: list[Entry] = []
    outcomes: list[Outcome] = []
    for (council, _), chain in by_child.items():
        if Rule.SHORT_BREAKS in rules:
            chain = _short_breaks(chain, outcomes)
        _reason_open(chain, Rule.REASON_OPEN in rules, outcomes)
        chain.sort(key=lambda e: (e.fields["start"], e.year or 0, e.row or 0))
        chain = _duplicates(chain, Rule.DUPLICATES in rules, outcomes)
        if Rule.RESTATED in rules:
            chain = _restated(chain, outcomes)
        if Rule.OVERLAPS in rules:
            _overlaps(chain, outcomes)
        if Rule.OLD_OPEN in rules:
            _old_open(chain, later_children[council], outcomes)
        _check(chain)
        kept += chain
    return kept, outcomes


def _children_by_year(
    by_child: dict[tuple[str, str], list[Entry]],
) -> dict[str, dict[int, set[str]]]:
    years: dict[str, dict[int, set[str]]] = defaultdict(lambda: defaultdict(set))
    for (council, child), chain in by_child.items():
        for e in chain:
            if e.year is not None:
                years[council][e.year].add(child)
    return years


def _note(
    outcomes: list[Outcome], action: Action, e: Entry, rule: Rule, reason: str
) -> None:
    outcomes.append(Outcome(action, e.file, e.row, e.kind, e.child, reason, rule.value))


def _short_breaks(chain: list[Entry], outcomes: list[Outcome]) -> list[Entry]:
    kept = []
    for e in chain:
        status = e.fields.get("ls")
        if status in codes.SHORT_BREAKS and not e.reasons:  # refused stay refused
            _note(
                outcomes, Action.DROPPED, e, Rule.SHORT_BREAKS,
                f"episode from {e.fields['start'].isoformat()} is a short break "
                f"(legal status {status}), not a period of being looked after",
            )  # fmt: skip
        else:
            kept.append(e)
    return kept


def _reason_open(chain: list[Entry], on: bool, outcomes: list[Outcome]) -> None:
    for e in chain:
        rec = e.fields["rec"]
        if e.fields["end"] is not None or not rec or e.reasons:
            continue
        if not on:
            e.refuse(f"REC {rec!r} is given but DEC is empty")
            continue
        e.fields["rec"] = ""
        _note(
            outcomes, Action.CLEANED, e, Rule.REASON_OPEN,
            f"REC {rec!r} given on the episode from "
            f"{e.fields['start'].isoformat()}, which has no end date; cleared",
        )  # fmt: skip


def _duplicates(chain: list[Entry], on: bool, outcomes: list[Outcome]) -> list[Entry]:
    result: list[Entry] = []
    for e in chain:
        twin = next(
            (k for k in result
             if k.fields["start"] == e.fields["start"] and k.year == e.year),
            None,
        )  # fmt: skip
        if twin is None:
            result.append(e)
            continue
        if not on:
            e.refuse(
                f"duplicate episode: same child and start date "
                f"{e.fields['start'].isoformat()} as {twin.file}, row {twin.row}"
            )
            result.append(e)
            continue
        keep, drop = (e, twin) if _says_more(e, twin) else (twin, e)
        result[result.index(twin)] = keep
        _note(
            outcomes, Action.DROPPED, drop, Rule.DUPLICATES,
            f"duplicate of the episode starting {e.fields['start'].isoformat()} "
            f"at {keep.file}, row {keep.row}, which was kept",
        )  # fmt: skip
    return result


def _says_more(new: Entry, old: Entry) -> bool:
    return new.fields["end"] is not None or old.fields["end"] is None


def _restated(chain: list[Entry], outcomes: list[Outcome]) -> list[Entry]:
    years = sorted({e.year for e in chain if e.year is not None})
    kept = list(chain)
    for year in years[1:]:
        starts = [e.fields["start"] for e in kept if e.year == year]
        first = min(starts)
        for e in list(kept):
            if e.year is not None and e.year < year and e.fields["start"] >= first:
                kept.remove(e)
                _note(
                    outcomes, Action.DROPPED, e, Rule.RESTATED,
                    f"episode from {e.fields['start'].isoformat()} in the "
                    f"{year_text(e.year)} return is not in the {year_text(year)} "
                    f"return, which restates the child's episodes from "
                    f"{first.isoformat()}",
                )  # fmt: skip
    return kept


def _overlaps(chain: list[Entry], outcomes: list[Outcome]) -> None:
    for e, following in pairwise(chain):
        if e.reasons or following.reasons:
            continue
        start, end = following.fields["start"], e.fields["end"]
        if end is not None and end <= start:
            continue
        was = "was open" if end is None else f"ended {end.isoformat()}"
        new_episode = following.fields["rne"] == "S"
        e.fields["end"] = start
        e.fields["rec"] = OTHER_REASON if new_episode else codes.CARE_CONTINUES
        _note(
            outcomes, Action.CLEANED, e, Rule.OVERLAPS,
            f"episode from {e.fields['start'].isoformat()} {was}, overlapping the "
            f"child's next episode starting {start.isoformat()}; ended on "
            f"{start.isoformat()} with REC {e.fields['rec']}",
        )  # fmt: skip


def _old_open(
    chain: list[Entry], children: dict[int, set[str]], outcomes: list[Outcome]
) -> None:
    for e in chain:
        if e.reasons or e.fields["end"] is not None or e.year is None:
            continue
        later = [y for y in children if y > e.year]
        if not later or any(e.child in children[y] for y in later):
            continue
        closed = year_end(e.year)
        if closed < e.fields["start"]:
            continue
        e.fields["end"], e.fields["rec"] = closed, OTHER_REASON
        _note(
            outcomes, Action.CLEANED, e, Rule.OLD_OPEN,
            f"episode from {e.fields['start'].isoformat()} open at the end of the "
            f"{year_text(e.year)} return, and the child is in none of the later "
            f"returns ({', '.join(year_text(y) for y in sorted(later))}); closed on "
            f"{closed.isoformat()} with REC {OTHER_REASON}",
        )  # fmt: skip


def _check(chain: list[Entry]) -> None:
    """Refuse all but the last of several open or overlapping episodes."""
    live = [e for e in chain if not e.reasons]
    open_ = [e for e in live if e.fields["end"] is None]
    if len(open_) > 1:
        starts = ", ".join(e.fields["start"].isoformat() for e in open_)
        for e in open_[:-1]:
            e.refuse(
                f"child has {len(open_)} open episodes (starting {starts}); only "
                "the latest can be open"
            )
    live = [e for e in chain if not e.reasons]
    for e, following in pairwise(live):
        end: date | None = e.fields["end"]
        start = following.fields["start"]
        if end is None or end > start:
            e.refuse(
                f"episode from {e.fields['start'].isoformat()} overlaps the child's "
                f"next episode starting {start.isoformat()} (row {following.row})"
            )
