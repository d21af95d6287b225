"""Loading returns: read, choose the council, merge years, clean, map, check, store.

:func:`load_returns` is what ``scorecards returns load`` runs. Each step keeps
what it refuses, with the file, row and reason, so that the summary accounts
for every record read: stored, merged with the same record of a later year,
changed or dropped by a cleaning rule, not stored (the record schema has no
table for it), or refused.

Loading replaces the record tables that the formats loaded produce (SSDA903:
``care_episodes``, ``adoptions``, ``missing_episodes``,
``care_leaver_contacts``; CIN census and Annex A: ``referrals``,
``assessments``, ``cin_episodes``, ``cp_plans``, and from Annex A also
``care_episodes`` and ``adoptions``), so every year of a return is given in one
load. ``children`` and ``teams`` are merged with those already stored, so that
a CIN load keeps the children of an earlier SSDA903 load.
"""

from __future__ import annotations

import logging
import time
from collections import Counter, defaultdict
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Any

import duckdb

from scorecards.errors import InputError, problem
from scorecards.records.load import create_record_tables, load_tables
from scorecards.records.schema import TABLES, TeamKind
from scorecards.returns import annex_a, cin, refused, ssda903
from scorecards.returns.cleaning import ALL_RULES, Rule, clean
from scorecards.returns.detect import SUFFIXES, read_file
from scorecards.returns.model import (
    Action,
    Entry,
    FileProblem,
    Format,
    Outcome,
    collection_year_of,
    year_end,
    year_text,
)
from scorecards.returns.ssda903 import Built

log = logging.getLogger(__name__)

FAMILY = {
    Format.SSDA903_CSV: "SSDA903",
    Format.SSDA903_XML: "SSDA903",
    Format.CIN_XML: "CIN",
    Format.ANNEX_A: "Annex A",
}
OWNED = {
    "SSDA903": (
        "care_episodes", "adoptions", "missing_episodes", "care_leaver_contacts"
    ),
    "CIN": ("referrals", "assessments", "cin_episodes", "cp_plans"),
    "Annex A": ("referrals", "assessments", "cin_episodes", "cp_plans",
                "care_episodes", "adoptions"),
}  # fmt: skip
NOT_STORED = {
    "reviews": "the record schema has no table for reviews",
    "ad1": "the record schema has no table for adopters (AD1)",
    "uasc": "used to set the child's UASC flag",
    "placed_for_adoption": "used for the date placed on each adoption",
    "missing": "away from placement (A), not missing",
    "oc3": "no contact to record (died, returned home or none required)",
    "section47": "the record schema has no table for section 47 enquiries",
    "cin_plans": "the record schema has no table for CIN plans",
    "List 1": "the record schema needs a contact outcome that List 1 lacks",
    "List 2": "early help assessments are kept by family, which List 2 lacks",
    "List 5": "the record schema has no table for section 47 enquiries",
    "List 9": "List 9 has no birthday or contact date",
    "List 11": "the record schema has no table for adopters",
}
TEAMS = {
    "cic": TeamKind.CIC,
    "cswt": TeamKind.CSWT,
    "care_leavers": TeamKind.CARE_LEAVERS,
}


@dataclass
class Summary:
    """What a load read and did with it."""

    files: list[tuple[str, str]] = field(default_factory=list)  # file, format
    read: Counter[str] = field(default_factory=Counter)
    stored: dict[str, int] = field(default_factory=dict)
    outcomes: list[Outcome] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)
    merged: Counter[str] = field(default_factory=Counter)
    not_stored: Counter[str] = field(default_factory=Counter)
    other_councils: Counter[str] = field(default_factory=Counter)
    councils: list[str] = field(default_factory=list)
    run: int = 0
    seconds: float = 0.0

    def of(self, action: Action) -> list[Outcome]:
        return [o for o in self.outcomes if o.action is action]

    @property
    def refused(self) -> list[Outcome]:
        return self.of(Action.REFUSED)

    def refused_by_kind(self) -> Counter[str]:
        """Refused records by the return's table ("adoptions" for adoptions
        that could not be made from episodes that were stored)."""
        return Counter(label(o.kind) for o in self.refused if o.kind != "file")

    def as_dict(self) -> dict[str, object]:
        return {
            "read": dict(self.read),
            "stored": self.stored,
            "refused": dict(self.refused_by_kind()),
            "cleaned": len(self.of(Action.CLEANED)),
            "dropped": len(self.of(Action.DROPPED)),
            "merged": dict(self.merged),
            "file_problems": len(self.problems),
        }

    def lines(self, limit: int = 20) -> list[str]:
        """The summary as lines of text, refusals listed up to ``limit``."""
        lines = [f"{file}: {kind}" for file, kind in self.files]
        if self.councils:
            lines.append(f"councils: {', '.join(self.councils)}")
        for kind, n in sorted(self.other_councils.items()):
            lines.append(f"not loaded: {n} records of council {kind}")
        lines.append("records read:")
        refused_by = self.refused_by_kind()
        for kind, n in sorted(self.read.items()):
            parts = [f"{n} read"]
            if self.merged[kind]:
                parts.append(f"{self.merged[kind]} repeated in a later year")
            if refused_by[kind]:
                parts.append(f"{refused_by[kind]} refused")
            if self.not_stored[kind]:
                bare = (
                    kind.split(" ", 1)[-1] if not kind.startswith("Annex") else kind[8:]
                )
                parts.append(
                    f"{self.not_stored[kind]} not stored: {NOT_STORED.get(bare, '')}"
                )
            lines.append(f"  {kind}: {', '.join(parts)}")
        lines.append("records stored:")
        lines += [f"  {t}: {n}" for t, n in self.stored.items()]
        for action in (Action.CLEANED, Action.DROPPED):
            by_rule = Counter(o.rule for o in self.of(action))
            for rule, n in sorted(by_rule.items()):
                lines.append(f"{action.value} by {rule}: {n}")
        lines += [f"problem: {p}" for p in self.problems]
        refusals = self.refused
        if refusals:
            lines.append(
                f"refused: {len(refusals)} (scorecards returns refused lists all)"
            )
            lines += [f"  {o}" for o in refusals[:limit]]
            if len(refusals) > limit:
                lines.append(f"  and {len(refusals) - limit} more")
        return lines


LABEL = {k: f"SSDA903 {k}" for k in ssda903.KINDS} | {k: f"CIN {k}" for k in cin.KINDS}


def label(kind: str) -> str:
    """How a return's table is named in the summary: "SSDA903 episodes"."""
    return LABEL.get(kind, f"Annex A {kind}" if kind.startswith("List") else kind)


def read_returns(
    paths: Iterable[Path],
    council: str | None = None,
    rules: Iterable[Rule] = ALL_RULES,
    known_children: set[str] | None = None,
) -> tuple[dict[str, list[dict[str, Any]]], set[str], Summary]:
    """Read, merge, clean, map and check returns, storing nothing.

    Returns the rows for each record table, the formats read ("SSDA903",
    "CIN", "Annex A") and the summary. ``known_children`` are child ids already
    stored, which entries may refer to.
    """
    started = time.perf_counter()
    summary = Summary()
    entries: list[Entry] = []
    families: dict[int, str] = {}
    for path in expand(paths):
        result = read_file(path)
        summary.problems += result.problems
        if result.format is None:
            continue
        summary.files.append((str(path), result.format.value))
        family = FAMILY[result.format]
        for e in result.entries:
            families[id(e)] = family
            summary.read[label(e.kind)] += 1
        entries += result.entries

    entries, multi = _choose_council(entries, council, summary)
    _infer_years([e for e in entries if families[id(e)] == "SSDA903"])
    for e in entries:
        _check_dates(e, families[id(e)])
    entries = _merge_years(entries, summary)

    episodes = [e for e in entries if e.kind == "episodes"]
    cleaned, cleaning = clean(episodes, rules)
    entries = [e for e in entries if e.kind != "episodes"] + cleaned
    summary.outcomes += cleaning

    teams = _teams(entries, multi)
    team = {f"{t['council']}|{t['role']}": t["team_id"] for t in teams}

    def ids(e: Entry) -> str:
        return f"{e.council}/{e.child}" if multi else e.child

    by_family: dict[str, list[Entry]] = defaultdict(list)
    for e in entries:
        by_family[families[id(e)]].append(e)
    built: list[Built] = []
    builders = {"SSDA903": ssda903.build, "CIN": cin.build, "Annex A": annex_a.build}
    for family, members in by_family.items():
        built += builders[family]([e for e in members if not e.reasons], team, ids)

    rows = _check(built, known_children or set(), families)
    rows["teams"] = [
        {k: v for k, v in t.items() if k not in ("council", "role")} for t in teams
    ]
    for family in set(by_family):
        for table in OWNED[family]:
            rows.setdefault(table, [])

    used = {id(b.entry) for b in built if not b.entry.reasons}
    summary.outcomes += [
        Outcome(Action.REFUSED, b.entry.file, b.entry.row, b.table, b.entry.child,
                b.refused)
        for b in built
        if b.refused and not b.entry.reasons
    ]  # fmt: skip
    for e in entries:
        if not e.reasons and id(e) not in used:
            summary.not_stored[label(e.kind)] += 1
    summary.outcomes += [
        Outcome(Action.REFUSED, e.file, e.row, e.kind, e.child, "; ".join(e.reasons))
        for e in entries
        if e.reasons
    ]
    summary.outcomes += [
        Outcome(Action.REFUSED, p.file, None, "file", "", p.message)
        for p in summary.problems
    ]
    summary.stored = {t: len(r) for t, r in rows.items() if t != "teams"}
    summary.seconds = time.perf_counter() - started
    return rows, set(by_family), summary


def load_returns(
    con: duckdb.DuckDBPyConnection,
    paths: Sequence[Path],
    council: str | None = None,
    rules: Iterable[Rule] = ALL_RULES,
    strict: bool = False,
) -> Summary:
    """Load returns into the store at ``con`` and record the run.

    Raises InputError, after recording the run and its refusals, when nothing
    usable remains, or with ``strict`` when anything was refused; then nothing
    is stored.
    """
    create_record_tables(con)
    known = {r[0] for r in con.execute("SELECT child_id FROM children").fetchall()}
    rows, _, summary = read_returns(paths, council, rules, known)
    usable = any(rows[t] for t in rows if t != "teams")

    failure: str | None = None
    if not usable:
        failure = "nothing usable remains: every record was refused or no file was read"
    elif strict and (summary.refused or summary.problems):
        failure = (
            f"--strict: {len(summary.refused)} records or files refused, so nothing "
            "was stored"
        )
    if failure is None:
        _store(con, rows)
    summary.run = refused.save_run(
        con, [f for f, _ in summary.files] or [str(p) for p in paths],
        summary.outcomes, failure is None, summary.as_dict(),
    )  # fmt: skip
    if failure is not None:
        shown = [problem(p.file, p.message) for p in summary.problems]
        raise InputError([*shown, problem("returns load", failure)])
    log.info("loaded returns in %.1fs", summary.seconds)
    return summary


def expand(paths: Iterable[Path]) -> list[Path]:
    """Files, with each folder replaced by the return files in it."""
    files: list[Path] = []
    for path in map(Path, paths):
        if path.is_dir():
            files += sorted(p for p in path.iterdir() if p.suffix.lower() in SUFFIXES)
        elif path.exists():
            files.append(path)
        else:
            raise InputError(problem(path, "no such file or folder; check the path"))
    return files


def _choose_council(
    entries: list[Entry], council: str | None, summary: Summary
) -> tuple[list[Entry], bool]:
    named = sorted({e.council for e in entries if e.council})
    if council is not None:
        wanted = council.strip().lower()
        if named and wanted not in {c.lower() for c in named}:
            raise InputError(
                problem(
                    "--council",
                    f"no records of council {council!r}; the files hold "
                    f"{', '.join(named)}",
                )
            )
        chosen = []
        for e in entries:
            if e.council and e.council.lower() != wanted:
                summary.other_councils[e.council] += 1
            else:
                chosen.append(e)
        entries = chosen
        named = [c for c in named if c.lower() == wanted]
    summary.councils = named
    multi = council is None and len(named) > 1
    if not multi:
        for e in entries:
            e.council = ""
    return entries, multi


def _infer_years(entries: list[Entry]) -> None:
    """Give SSDA903 entries with no year (no YEAR column, none in the file
    name) the collection year of the latest episode start among them."""
    yearless = [e for e in entries if e.year is None]
    starts = [
        e.fields["start"]
        for e in yearless
        if e.kind == "episodes" and e.fields.get("start") is not None
    ]
    if not starts:
        return
    year = collection_year_of(max(starts))
    for e in yearless:
        e.year = year


def _check_dates(e: Entry, family: str) -> None:
    """Refuse an entry with a date after its return's end (903: 31 March of its
    year; CIN: the reference date)."""
    if family == "SSDA903":
        if e.year is None:
            return
        limit = year_end(e.year)
        names = ssda903.DATES.get(e.kind, ())
        where = f"the end of the {year_text(e.year)} collection year"
    elif family == "CIN":
        limit = e.fields["reference"]
        names = cin.DATES.get(e.kind, ())
        where = "the return's reference date"
    else:
        return
    for name in names:
        day = e.fields.get(name)
        if isinstance(day, date) and day > limit:
            years = (day - limit).days // 365
            how_far = ""
            if years >= 1:
                how_far = f", {years} year{'s' if years > 1 else ''} after it"
            what = "review" if name == "date" else name
            e.refuse(
                f"{what} date {day.isoformat()} is after {where} "
                f"({limit.isoformat()}{how_far})"
            )


def _merge_years(entries: list[Entry], summary: Summary) -> list[Entry]:
    """Keep, of a record repeated in several years' returns, the latest year's."""
    keys = ssda903.KEYS | cin.KEYS | annex_a.KEYS
    groups: dict[tuple[Any, ...], list[Entry]] = defaultdict(list)
    for e in entries:
        if e.reasons or e.year is None or e.kind not in keys:
            continue
        extra = tuple(e.year if k == "year" else e.fields.get(k) for k in keys[e.kind])
        groups[(e.kind, e.council, e.child, *extra)].append(e)
    superseded: set[int] = set()
    for group in groups.values():
        latest = max(e.year or 0 for e in group)
        for e in group:
            if (e.year or 0) < latest:
                superseded.add(id(e))
                summary.merged[label(e.kind)] += 1
    return [e for e in entries if id(e) not in superseded]


def _teams(entries: list[Entry], multi: bool) -> list[dict[str, Any]]:
    councils = sorted({e.council for e in entries}) or [""]
    teams = []
    for council in councils:
        for role, kind in TEAMS.items():
            team_id = f"{council}/{role}" if multi else f"returns-{role}"
            teams.append(
                {
                    "team_id": team_id,
                    "name": f"{council or 'Council'} {kind.value} (from returns)",
                    "kind": kind.value,
                    "district": council if multi else None,
                    "area": None,
                    "council": council,
                    "role": role,
                }
            )
    return teams


MISSING_CHILD = {
    "SSDA903": "child {child!r} is in the {kind} but not in the header",
    "CIN": "child {child!r} has no usable child record in the return",
    "Annex A": "child {child!r} has no date of birth in any list",
}
CARE_TABLES = ("care_episodes", "adoptions")


def _check(
    built: list[Built], known: set[str], families: dict[int, str]
) -> dict[str, list[dict[str, Any]]]:
    """Refuse built rows that break the schema or refer to an unknown child;
    return the rows of the entries that remain, by table."""
    births: dict[str, date] = {}
    for b in built:
        if b.table == "children":
            reason = _schema_problem(b)
            if reason:
                b.entry.refuse(reason)
            elif not b.entry.reasons:
                births[b.row["child_id"]] = b.row["date_of_birth"]

    for b in built:
        if b.table == "children" or b.entry.reasons or b.refused:
            continue
        reason = _schema_problem(b)
        child = str(b.row.get("child_id"))
        if reason is None and child not in births and child not in known:
            template = MISSING_CHILD[families[id(b.entry)]]
            reason = template.format(child=b.entry.child, kind=b.entry.kind)
        born = births.get(child)
        if reason is None and born and b.table in CARE_TABLES:
            start = b.row.get("start_date") or b.row.get("entered_care_date")
            if start is not None and start < born:
                reason = (
                    f"starts {start.isoformat()}, before the child's date of birth "
                    f"{born.isoformat()}"
                )
        if reason:
            b.entry.refuse(reason)

    kept: list[Built] = []
    seen: dict[tuple[str, tuple[Any, ...]], Entry] = {}
    for b in built:
        if b.entry.reasons or b.refused:
            continue
        table = TABLES[b.table]
        key = (b.table, tuple(b.row[k] for k in table.key))
        first = seen.setdefault(key, b.entry)
        if first is b.entry:
            kept.append(b)
        elif b.table != "children":  # a child in several lists is one child
            b.entry.refuse(
                f"the same {' and '.join(table.key)} as {first.file}, row "
                f"{first.row}; a record is kept once"
            )

    # an entry refused as a duplicate may have given a row to another table
    rows: dict[str, list[dict[str, Any]]] = defaultdict(list)
    for b in kept:
        if not b.entry.reasons:
            rows[b.table].append(b.row)
    return rows


def _schema_problem(b: Built) -> str | None:
    """Why a built row breaks its table's rules, or None."""
    table = TABLES[b.table]
    for column in table.columns:
        value = b.row.get(column.name)
        if value is None:
            if column.required:
                return f"{column.name} is missing; the record schema requires it"
            continue
        if column.values and value not in column.values:
            return f"{column.name} {value!r} is not one of {', '.join(column.values)}"
    for earlier, later in table.ordered:
        start, end = b.row.get(earlier), b.row.get(later)
        if start is not None and end is not None and end < start:
            return f"{later} {end.isoformat()} is before {earlier} {start.isoformat()}"
    return None


def _store(
    con: duckdb.DuckDBPyConnection, rows: dict[str, list[dict[str, Any]]]
) -> None:
    """Store ``rows``, merging children and teams with those already held."""
    for table in ("children", "teams"):
        result = con.execute(f'SELECT * FROM "{table}"')
        names = [column[0] for column in result.description or []]
        held = [dict(zip(names, r, strict=True)) for r in result.fetchall()]
        key = TABLES[table].key[0]
        merged = {r[key]: r for r in held}
        merged.update({r[key]: r for r in rows.get(table, [])})
        rows[table] = list(merged.values())
    counts = load_tables(con, rows, source="returns")
    log.info("stored %s", counts)
