"""The SSDA903 return (children looked after), in its CSV and its XML layouts.

The CSV layout is one file per table, each told apart by its columns: header,
episodes, UASC, reviews, OC3 (care leavers), AD1, placed for adoption and
missing. A file may carry ``LA`` and ``YEAR`` columns when it holds several
councils or years (as pooled regional extracts do). The XML layout holds the
same tables nested under each ``CHILD``. Dates are dd/mm/yyyy or ISO.

:func:`read_csv` and :func:`read_xml` give entries with their fields parsed and
their codes checked against :mod:`scorecards.returns.codes`; :func:`build` maps
the entries of a load onto the record tables ``children``, ``care_episodes``,
``adoptions``, ``missing_episodes`` and ``care_leaver_contacts``.
"""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from collections import defaultdict
from collections.abc import Iterable, Iterator, Mapping
from dataclasses import dataclass
from datetime import date
from pathlib import Path
from typing import Any

from scorecards.records.schema import (
    PLACED_FOR_ADOPTION,
    LeaverStatus,
    ReasonNew,
)
from scorecards.returns import codes
from scorecards.returns.model import (
    Entry,
    Fields,
    FileProblem,
    Format,
    ReadResult,
    text,
    year_end,
    year_in_name,
)

# The tables of the CSV layout: the column that tells each apart, and the
# columns it must have. The header is the table with none of the others' marks.
TABLE_COLUMNS: dict[str, tuple[str, tuple[str, ...]]] = {
    "episodes": (
        "DECOM",
        ("CHILD", "DECOM", "RNE", "LS", "CIN", "PLACE", "PLACE_PROVIDER", "DEC", "REC"),
    ),
    "uasc": ("DUC", ("CHILD", "DUC")),
    "reviews": ("REVIEW_CODE", ("CHILD", "REVIEW", "REVIEW_CODE")),
    "oc3": ("IN_TOUCH", ("CHILD", "DOB", "IN_TOUCH", "ACTIV", "ACCOM")),
    "ad1": ("DATE_INT", ("CHILD", "DATE_INT", "DATE_MATCH")),
    "placed_for_adoption": (
        "DATE_PLACED",
        ("CHILD", "DATE_PLACED", "DATE_PLACED_CEASED", "REASON_PLACED_CEASED"),
    ),
    "missing": ("MIS_START", ("CHILD", "MISSING", "MIS_START", "MIS_END")),
    "header": ("", ("CHILD", "SEX", "DOB")),
}
KINDS = tuple(TABLE_COLUMNS)


def table_of(columns: Iterable[str]) -> str:
    """The 903 table a CSV file with these columns holds ("header" when no
    other table's mark is among them)."""
    names = {c.strip().upper() for c in columns}
    for kind, (mark, _) in TABLE_COLUMNS.items():
        if mark and mark in names:
            return kind
    return "header"


def looks_like_903(columns: Iterable[str]) -> bool:
    names = {c.strip().upper() for c in columns}
    return "CHILD" in names


def read_csv(path: Path) -> ReadResult:
    """Entries of one SSDA903 CSV file, whichever table it holds."""
    result = ReadResult(Format.SSDA903_CSV)
    with path.open(newline="", encoding="utf-8-sig") as handle:
        reader = csv.DictReader(handle)
        header = [name.strip().upper() for name in reader.fieldnames or []]
        kind = table_of(header)
        missing = [c for c in TABLE_COLUMNS[kind][1] if c not in header]
        if missing:
            result.problems.append(
                FileProblem(
                    str(path),
                    f"looks like an SSDA903 {kind} file but has no column "
                    f"{', '.join(missing)}; it needs "
                    f"{', '.join(TABLE_COLUMNS[kind][1])}",
                )
            )
            return result

        name_year = year_in_name(path.name)
        for raw in reader:
            row = {k.strip().upper(): v for k, v in raw.items() if k is not None}
            year = _year(row.get("YEAR")) or name_year
            entry = Entry(
                kind, {}, str(path), reader.line_num, text(row.get("LA")), year
            )
            PARSERS[kind](Fields(row, entry))
            result.entries.append(entry)
    return result


def read_xml(path: Path, root: ET.Element) -> ReadResult:
    """Entries of an SSDA903 XML file (``EXPSSDA903`` with a ``CHILD`` each)."""
    result = ReadResult(Format.SSDA903_XML)
    year = year_in_name(path.name)
    number = 0

    def add(kind: str, raw: Mapping[str, Any]) -> None:
        nonlocal number
        number += 1
        entry = Entry(kind, {}, str(path), number, "", year)
        PARSERS[kind](Fields(raw, entry))
        result.entries.append(entry)

    for child in root.iter("CHILD"):
        header = child.find("HEADER")
        if header is None:
            result.problems.append(
                FileProblem(str(path), "a CHILD element has no HEADER; skipped")
            )
            continue
        fields = _leaves(header)
        fields["CHILD"] = fields.get("CHILDID", "")
        add("header", fields)
        if fields.get("UASC") == "1" or fields.get("DUC"):
            add("uasc", fields)
        if fields.get("IN_TOUCH"):
            add("oc3", fields)
        if fields.get("DATE_INT"):
            add("ad1", fields)
        for group, kind in (
            ("AREVIEW", "reviews"),
            ("AMISSING", "missing"),
            ("AD_PLACED", "placed_for_adoption"),
        ):
            for element in header.iter(group):
                add(kind, {"CHILD": fields["CHILD"], **_leaves(element)})
        for element in child.iter("EPISODE"):
            raw = _leaves(element)
            raw.setdefault("PLACE", raw.get("PL", ""))
            add("episodes", {"CHILD": fields["CHILD"], **raw})
    return result


def _leaves(element: ET.Element) -> dict[str, str]:
    return {e.tag.upper(): (e.text or "").strip() for e in element if len(e) == 0}


def _year(value: Any) -> int | None:
    value = text(value)
    return int(value) if value.isdigit() and len(value) == 4 else None


# Parsing each table ----------------------------------------------------------


def _header(f: Fields) -> None:
    f.text("CHILD", "child")
    f.code("SEX", "sex", codes.SEX_903, what="sex")
    f.date("DOB", "dob")


def _episode(f: Fields) -> None:
    f.text("CHILD", "child")
    f.date("DECOM", "start")
    f.date("DEC", "end", required=False)
    f.code("RNE", "rne", codes.REASON_NEW, what="reason for new episode")
    f.code("LS", "ls", codes.LEGAL_STATUS, what="legal status")
    f.code("CIN", "need", codes.CATEGORY_OF_NEED, what="category of need")
    f.code("PLACE", "place", codes.PLACEMENT, what="placement type")
    f.code(
        "PLACE_PROVIDER", "provider", codes.PROVIDER, required=False, what="provider"
    )
    f.code("REC", "rec", {**codes.REASON_CEASED, codes.CARE_CONTINUES: None},
           required=False, what="reason episode ceased")  # fmt: skip
    f.code(
        "REASON_PLACE_CHANGE",
        "rpc",
        codes.REASON_PLACE_CHANGE,
        required=False,
        what="reason for placement change",
    )
    f.order("start", "end", "episode")
    fields = f.entry.fields
    if fields["end"] is not None and not fields["rec"]:
        f.entry.refuse("DEC is given but REC is empty; an ended episode needs both")
    if not fields["provider"]:
        f.entry.refuse(
            "PLACE_PROVIDER is empty; the measures need the provider of every placement"
        )


def _uasc(f: Fields) -> None:
    f.text("CHILD", "child")
    f.date("DUC", "duc", required=False)


def _review(f: Fields) -> None:
    f.text("CHILD", "child")
    f.date("REVIEW", "date")
    f.text("REVIEW_CODE", "code")


def _oc3(f: Fields) -> None:
    f.text("CHILD", "child")
    f.date("DOB", "dob")
    touch = f.code("IN_TOUCH", "in_touch", codes.IN_TOUCH, what="in-touch code")
    activity = f.code(
        "ACTIV",
        "activity",
        {**codes.ACTIVITY, codes.NO_ACTIVITY: None},
        required=False,
        what="activity",
    )
    if touch in codes.NOT_A_CONTACT and activity and activity != codes.NO_ACTIVITY:
        f.entry.refuse(
            f"IN_TOUCH {touch!r} with activity ACTIV {activity!r}; no activity can "
            "be recorded for a young person who died, returned home or needs no "
            "contact"
        )


def _ad1(f: Fields) -> None:
    f.text("CHILD", "child")
    f.date("DATE_INT", "decided")
    f.date("DATE_MATCH", "matched", required=False)


def _placed(f: Fields) -> None:
    f.text("CHILD", "child")
    f.date("DATE_PLACED", "placed")
    f.date("DATE_PLACED_CEASED", "ceased", required=False)
    f.code(
        "REASON_PLACED_CEASED",
        "reason",
        codes.REASON_PLACED_CEASED,
        required=False,
        what="reason placed for adoption ceased",
    )
    f.order("placed", "ceased", "placement for adoption")


def _missing(f: Fields) -> None:
    f.text("CHILD", "child")
    f.code("MISSING", "kind", codes.MISSING, what="missing or away code")
    f.date("MIS_START", "start")
    f.date("MIS_END", "end", required=False)
    f.order("start", "end", "missing episode")


PARSERS = {
    "header": _header,
    "episodes": _episode,
    "uasc": _uasc,
    "reviews": _review,
    "oc3": _oc3,
    "ad1": _ad1,
    "placed_for_adoption": _placed,
    "missing": _missing,
}

# The dates of each table checked against the end of its collection year
DATES = {
    "episodes": ("start", "end"),
    "reviews": ("date",),
    "missing": ("start", "end"),
    "placed_for_adoption": ("placed", "ceased"),
    "ad1": ("decided", "matched"),
}
# How entries of each table are told apart across years, after the child
KEYS = {
    "header": (),
    "uasc": (),
    "episodes": ("start",),
    "reviews": ("date",),
    "oc3": ("year",),
    "ad1": ("decided",),
    "placed_for_adoption": ("placed",),
    "missing": ("start",),
}


# Mapping onto the record schema ---------------------------------------------


@dataclass(frozen=True)
class Built:
    """A row of a record table and the entry it was made from."""

    table: str
    row: dict[str, Any]
    entry: Entry
    refused: str = ""  # why this row could not be made; the entry itself stands


def build(entries: Iterable[Entry], team: Mapping[str, str], ids: Any) -> list[Built]:
    """Map the 903 entries of a load onto the record tables.

    ``team`` gives the team id for ``"cic"`` and ``"care_leavers"`` work by
    council; ``ids(entry)`` gives the child id an entry's child is stored as.
    """
    by_kind: dict[str, list[Entry]] = defaultdict(list)
    for entry in entries:
        by_kind[entry.kind].append(entry)
    uasc = {ids(e) for e in by_kind["uasc"]}

    built = [
        Built(
            "children",
            {
                "child_id": ids(e),
                "date_of_birth": e.fields["dob"],
                "sex": str(codes.SEX_903[e.fields["sex"]]),
                "uasc": ids(e) in uasc,
                "family_id": None,
            },
            e,
        )
        for e in by_kind["header"]
    ]
    episodes = sorted(by_kind["episodes"], key=lambda e: (ids(e), e.fields["start"]))
    built += [Built("care_episodes", _care_episode(e, team, ids), e) for e in episodes]
    built += list(_adoptions(episodes, by_kind["placed_for_adoption"], team, ids))
    built += [
        Built(
            "missing_episodes",
            {
                "missing_id": f"{ids(e)}/{e.fields['start'].isoformat()}",
                "child_id": ids(e),
                "start_date": e.fields["start"],
                "end_date": e.fields["end"],
                "interview_date": None,  # the return does not record it
            },
            e,
        )
        for e in by_kind["missing"]
        if e.fields["kind"] == "M"
    ]
    built += [b for e in by_kind["oc3"] if (b := _leaver(e, team, ids)) is not None]
    return built


def _care_episode(e: Entry, team: Mapping[str, str], ids: Any) -> dict[str, Any]:
    f = e.fields
    rec = f["rec"]
    ceased = (
        None if not rec or rec == codes.CARE_CONTINUES else codes.REASON_CEASED[rec]
    )
    return {
        "episode_id": f"{ids(e)}/{f['start'].isoformat()}",
        "child_id": ids(e),
        "team_id": team[f"{e.council}|cic"],
        "start_date": f["start"],
        "end_date": f["end"],
        "reason_new": f["rne"],
        "placement_type": str(codes.PLACEMENT[f["place"]]),
        "provider": f["provider"] or None,
        "legal_status": str(codes.LEGAL_STATUS[f["ls"]]),
        "reason_ceased": str(ceased) if ceased else None,
    }


def _adoptions(
    episodes: list[Entry],
    placements: list[Entry],
    team: Mapping[str, str],
    ids: Any,
) -> Iterator[Built]:
    """An adoption for each episode that ended in adoption (E11, E12).

    It entered care on the start of the latest episode begun with reason S at
    or before it; it was placed on the latest placed-for-adoption date on or
    before the adoption, or else on the start of the first adoption placement
    of that period of care.
    """
    placed: dict[str, list[date]] = defaultdict(list)
    for p in placements:
        placed[ids(p)].append(p.fields["placed"])
    by_child: dict[str, list[Entry]] = defaultdict(list)
    for e in episodes:
        by_child[ids(e)].append(e)
    adoption_places = {str(p) for p in PLACED_FOR_ADOPTION}

    for child, chain in by_child.items():
        for index, e in enumerate(chain):
            if e.fields["rec"] not in codes.ADOPTED or e.fields["end"] is None:
                continue
            adopted = e.fields["end"]
            period = _period_of_care(chain, index)
            entered = period[0].fields["start"]
            dates = [d for d in placed.get(child, []) if entered <= d <= adopted]
            if not dates:
                dates = [
                    p.fields["start"]
                    for p in period
                    if str(codes.PLACEMENT[p.fields["place"]]) in adoption_places
                ][:1]
            if not dates:
                yield Built(
                    "adoptions",
                    {},
                    e,
                    f"no adoption stored: adopted (REC {e.fields['rec']}) on "
                    f"{adopted.isoformat()} but no date placed for adoption (no "
                    "placed-for-adoption record and no adoption placement A3-A6 in "
                    "this period of care)",
                )
                continue
            yield Built(
                "adoptions",
                {
                    "adoption_id": f"{child}/{adopted.isoformat()}",
                    "child_id": child,
                    "team_id": team[f"{e.council}|cic"],
                    "entered_care_date": entered,
                    "placed_date": max(dates),
                    "adoption_date": adopted,
                },
                e,
            )


def _period_of_care(chain: list[Entry], index: int) -> list[Entry]:
    """The episodes from the start of the period of care to ``chain[index]``."""
    first = 0
    for i in range(index, -1, -1):
        if chain[i].fields["rne"] == ReasonNew.STARTED.value:
            first = i
            break
    return chain[first : index + 1]


def _leaver(e: Entry, team: Mapping[str, str], ids: Any) -> Built | None:
    """The care leaver's birthday contact; None where there is none to record
    (the young person died, returned home or needs no contact)."""
    f = e.fields
    if f["in_touch"] in codes.NOT_A_CONTACT or e.year is None:
        return None
    birthday = _birthday_in_year(f["dob"], e.year)
    if birthday is None:
        e.refuse(
            f"aged {e.year - f['dob'].year - 1} or so in the year to "
            f"{year_end(e.year).isoformat()}; OC3 covers birthdays from the 17th "
            "to the 21st"
        )
        return None
    age = birthday.year - f["dob"].year
    in_touch = f["in_touch"] == "YES"
    activity = codes.ACTIVITY.get(f["activity"]) if in_touch else None
    return Built(
        "care_leaver_contacts",
        {
            "child_id": ids(e),
            "team_id": team[f"{e.council}|care_leavers"],
            "birthday": birthday,
            "leaver_status": str(
                LeaverStatus.RELEVANT if age < 18 else LeaverStatus.FORMER_RELEVANT
            ),
            "contact_date": birthday if in_touch else None,
            "activity": str(activity) if activity else None,
        },
        e,
    )


def _birthday_in_year(dob: date, year: int) -> date | None:
    """The 17th to 21st birthday that falls in collection year ``year``."""
    for age in range(17, 22):
        try:
            day = dob.replace(year=dob.year + age)
        except ValueError:  # born on 29 February
            day = date(dob.year + age, 3, 1)
        if date(year - 1, 4, 1) <= day <= year_end(year):
            return day
    return None
