"""Ofsted's Annex A: the lists a council gives inspectors, as a workbook.

Each list is a sheet named "List 1" to "List 11" (spelt "List1", "list 3 -
referrals" and so on in real workbooks). Columns vary in spelling and order from
council to council, so each field is found by the words its heading holds
(:data:`LISTS`), not by its exact heading. Coded answers are written as
"f) U6: Foster placement" or "e) PR4 - Private provision": the letter before
the bracket is dropped and the code is what comes before the colon or dash.

Lists 3, 4, 6, 7, 8 and 10 map onto ``referrals``, ``assessments``,
``cin_episodes``, ``cp_plans``, ``care_episodes`` (the current placement only)
and ``adoptions``; the others are read and counted but not stored, since the
record schema has no table for them or they lack what it needs.
"""

from __future__ import annotations

import re
import zipfile
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import openpyxl

from scorecards.records.schema import ReasonNew, ReferralOutcome, Sex
from scorecards.returns import codes
from scorecards.returns.model import (
    Entry,
    Fields,
    FileProblem,
    Format,
    ReadResult,
    blank,
    text,
)
from scorecards.returns.ssda903 import Built


@dataclass(frozen=True)
class Field:
    """A column found by words: every word of one of ``words`` is in the heading
    and none of ``unless`` is."""

    name: str
    words: tuple[tuple[str, ...], ...]
    unless: tuple[str, ...] = ()
    required: bool = True


def _f(name: str, *phrases: str, unless: str = "", required: bool = True) -> Field:
    return Field(
        name,
        tuple(tuple(p.split()) for p in phrases),
        tuple(unless.split()),
        required,
    )


_CHILD = _f("child", "child id", "child unique", "child identifier", "individual id")
_COMMON = (
    _CHILD,
    _f("gender", "gender", "sex", required=False),
    _f("dob", "birth", "dob", unless="expected", required=False),
)
LISTS: dict[int, tuple[str, tuple[Field, ...]]] = {
    1: ("contacts", (*_COMMON, _f("date", "contact date", "date contact"))),
    2: ("early help assessments", (*_COMMON,)),
    3: (
        "referrals",
        (
            *_COMMON,
            _f("date", "referral date", "date referral", unless="previous last"),
            _f("source", "referral source", "source"),
            _f("nfa", "nfa", "no further action", required=False),
        ),
    ),
    4: (
        "assessments",
        (
            *_COMMON,
            _f("start", "assessment start", "start date", unless="seen"),
            _f("completed", "authorisation", "completion", "completed", required=False),
        ),
    ),
    5: ("section 47 enquiries", (*_COMMON,)),
    6: (
        "children in need",
        (
            *_COMMON,
            _f("start", "cin start", "start date"),
            _f("end", "closure date", "cin end", "end date", required=False),
        ),
    ),
    7: (
        "child protection plans",
        (
            *_COMMON,
            _f("start", "plan start", "cpp start"),
            _f("end", "plan end", "cpp end", required=False),
        ),
    ),
    8: (
        "children in care",
        (
            *_COMMON,
            _f("entered", "started to be looked after", "entered care", "date looked"),
            _f("start", "most recent placement", "placement start"),
            _f("legal", "legal status", unless="date"),
            _f("place", "placement type"),
            _f("provider", "placement provider", "provider"),
            _f(
                "ceased",
                "date ceased",
                "ceased to be looked after",
                unless="reason",
                required=False,
            ),
            _f("reason", "reason ceased", required=False),
            _f("uasc", "uasc", "asylum", required=False),
        ),
    ),
    9: ("care leavers", (*_COMMON,)),
    10: (
        "adoption",
        (
            *_COMMON,
            _f("entered", "entered care"),
            _f("placed", "placed for adoption", unless="decision no longer should"),
            _f("adopted", "adoption order"),
        ),
    ),
    11: ("adopters", ()),
}
STORED = {3, 4, 6, 7, 8, 10}

_SHEET = re.compile(r"^\s*list\s*(\d{1,2})\b", re.IGNORECASE)
_LETTER = re.compile(r"^[a-z]{1,2}\)\s*", re.IGNORECASE)
_CODE = re.compile(r"^([A-Z0-9]{1,4})\s*(?::|-|–|$)")


def words(heading: Any) -> set[str]:
    """The words of a heading, lower case, without punctuation."""
    return set(re.sub(r"[^a-z0-9]+", " ", text(heading).lower()).split())


def find_columns(
    headings: list[Any], fields: Iterable[Field]
) -> tuple[dict[str, int], list[str]]:
    """The column index of each field, and the required fields not found."""
    found: dict[str, int] = {}
    missing: list[str] = []
    heading_words = [words(h) for h in headings]
    for field in fields:
        for index, have in enumerate(heading_words):
            if index in found.values() or have & set(field.unless):
                continue
            if any(set(phrase) <= have for phrase in field.words):
                found[field.name] = index
                break
        else:
            if field.required:
                missing.append(field.name)
    return found, missing


def code_of(value: Any) -> str:
    """The code of an Annex A answer: "f) U6: Foster placement" gives "U6"."""
    answer = _LETTER.sub("", text(value))
    match = _CODE.match(answer.upper())
    return match.group(1) if match else answer.upper()


def read_workbook(path: Path) -> ReadResult:
    """Entries of an Annex A workbook: one per row of each list."""
    result = ReadResult(Format.ANNEX_A)
    try:
        book = openpyxl.load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, OSError, KeyError, ValueError) as exc:
        result.problems.append(
            FileProblem(str(path), f"is not a readable .xlsx workbook ({exc})")
        )
        return result

    seen: set[int] = set()
    skipped = False
    try:
        for sheet in book.worksheets:
            match = _SHEET.match(sheet.title)
            number = int(match.group(1)) if match else None
            if number not in LISTS:
                skipped = True
                result.problems.append(
                    FileProblem(
                        str(path),
                        f"sheet {sheet.title!r} is not an Annex A list; expected "
                        "sheets named 'List 1' to 'List 11' (it was skipped)",
                    )
                )
                continue
            seen.add(number)
            _read_sheet(path, sheet, number, result)
    finally:
        book.close()
    absent = sorted(STORED - seen)
    if absent and seen and skipped:
        names = ", ".join(f"List {n}" for n in absent)
        result.problems.append(
            FileProblem(
                str(path),
                f"has no sheet for {names}; if a sheet was renamed, name it "
                "'List N' again",
            )
        )
    elif not seen:
        result.problems.append(
            FileProblem(
                str(path),
                "has no sheet named 'List 1' to 'List 11'; is it an Annex A workbook?",
            )
        )
    return result


def _read_sheet(path: Path, sheet: Any, number: int, result: ReadResult) -> None:
    _, fields = LISTS[number]
    rows = sheet.iter_rows(values_only=True)
    headings = list(next(rows, ()))
    columns, missing = find_columns(headings, fields)
    if missing:
        result.problems.append(
            FileProblem(
                str(path),
                f"sheet {sheet.title!r} has no column for "
                f"{', '.join(missing)}; its headings are "
                f"{', '.join(repr(text(h)) for h in headings if not blank(h))}",
            )
        )
        return
    for line, values in enumerate(rows, start=2):
        if all(blank(v) for v in values):
            continue
        raw = {
            name: values[index] if index < len(values) else None
            for name, index in columns.items()
        }
        entry = Entry(f"List {number}", {}, f"{path} [{sheet.title}]", line)
        PARSERS.get(number, _common)(Fields(raw, entry))
        result.entries.append(entry)


def _common(f: Fields) -> None:
    f.text("child", "child")
    f.entry.fields["gender"] = text(f.raw.get("gender")).lower()
    f.date("dob", "dob", required=False)


def _list3(f: Fields) -> None:
    _common(f)
    f.date("date", "referral")
    f.raw = {**f.raw, "source": code_of(f.raw.get("source"))}
    f.code("source", "source", codes.REFERRAL_SOURCE, what="referral source")
    f.entry.fields["nfa"] = text(f.raw.get("nfa")).lower() in {"yes", "y", "true"}


def _list4(f: Fields) -> None:
    _common(f)
    f.date("start", "start")
    f.date("completed", "completed", required=False)
    f.order("start", "completed", "assessment")


def _dated(f: Fields, what: str) -> None:
    _common(f)
    f.date("start", "start")
    f.date("end", "end", required=False)
    f.order("start", "end", what)


def _list8(f: Fields) -> None:
    _common(f)
    f.date("entered", "entered")
    f.date("start", "start")
    f.date("ceased", "end", required=False)
    f.raw = {
        k: code_of(v) if k in ("legal", "place", "provider", "reason") else v
        for k, v in f.raw.items()
    }
    f.code("legal", "ls", codes.LEGAL_STATUS, what="legal status")
    f.code("place", "place", codes.PLACEMENT, what="placement type")
    f.code("provider", "provider", codes.PROVIDER, what="provider")
    f.code("reason", "rec", codes.REASON_CEASED, required=False, what="reason ceased")
    f.entry.fields["uasc"] = (
        text(f.raw.get("uasc")).lower().lstrip("a) ").startswith("y")
    )
    f.order("entered", "start", "period of care before its placement")
    f.order("start", "end", "placement")


def _list10(f: Fields) -> None:
    _common(f)
    f.date("entered", "entered")
    f.date("placed", "placed")
    f.date("adopted", "adopted")
    f.order("entered", "placed", "care before placement for adoption")
    f.order("placed", "adopted", "placement for adoption")


PARSERS = {
    3: _list3,
    4: _list4,
    6: lambda f: _dated(f, "episode of need"),
    7: lambda f: _dated(f, "child protection plan"),
    8: _list8,
    10: _list10,
    11: lambda f: None,  # adopters: no child to read
}
KEYS = {
    "List 3": ("referral",),
    "List 4": ("start",),
    "List 6": ("start",),
    "List 7": ("start",),
    "List 8": ("start",),
    "List 10": ("adopted",),
}


def _sex(gender: str) -> str:
    if "female" in gender:
        return str(Sex.FEMALE)
    if "male" in gender:
        return str(Sex.MALE)
    return str(Sex.UNKNOWN)


def build(entries: Iterable[Entry], team: Mapping[str, str], ids: Any) -> list[Built]:
    """Map Annex A entries onto the record tables; each child once, from the
    first list that gives its date of birth."""
    entries = list(entries)
    built: list[Built] = []
    children: dict[str, Entry] = {}
    uasc: set[str] = set()
    for e in entries:
        child = ids(e)
        if e.fields.get("dob") is not None:
            children.setdefault(child, e)
        if e.fields.get("uasc"):
            uasc.add(child)
    for child, e in children.items():
        built.append(
            Built(
                "children",
                {
                    "child_id": child,
                    "date_of_birth": e.fields["dob"],
                    "sex": _sex(e.fields["gender"]),
                    "uasc": child in uasc,
                    "family_id": None,
                },
                e,
            )
        )

    for e in entries:
        row = _row(e, team, ids)
        if row is not None:
            built.append(Built(row[0], row[1], e))
    return built


def _row(
    e: Entry, team: Mapping[str, str], ids: Any
) -> tuple[str, dict[str, Any]] | None:
    f, child = e.fields, ids(e)
    cswt, cic = team[f"{e.council}|cswt"], team[f"{e.council}|cic"]
    if e.kind == "List 3":
        outcome = (
            ReferralOutcome.NO_FURTHER_ACTION
            if f["nfa"]
            else ReferralOutcome.ASSESSMENT
        )
        return "referrals", {
            "referral_id": f"{child}/{f['referral'].isoformat()}",
            "child_id": child,
            "referral_date": f["referral"],
            "source": str(codes.REFERRAL_SOURCE[f["source"]]),
            "outcome": str(outcome),
            "team_id": cswt,
        }
    if e.kind == "List 4":
        return "assessments", {
            "assessment_id": f"{child}/{f['start'].isoformat()}",
            "child_id": child,
            "team_id": cswt,
            "start_date": f["start"],
            "completed_date": f["completed"],
        }
    if e.kind in ("List 6", "List 7"):
        table, key = (
            ("cin_episodes", "episode_id")
            if e.kind == "List 6"
            else ("cp_plans", "plan_id")
        )
        return table, {
            key: f"{child}/{f['start'].isoformat()}",
            "child_id": child,
            "team_id": cswt,
            "start_date": f["start"],
            "end_date": f["end"],
        }
    if e.kind == "List 8":
        started = f["start"] == f["entered"]
        ceased = codes.REASON_CEASED.get(f["rec"]) if f["end"] else None
        return "care_episodes", {
            "episode_id": f"{child}/{f['start'].isoformat()}",
            "child_id": child,
            "team_id": cic,
            "start_date": f["start"],
            "end_date": f["end"],
            "reason_new": str(ReasonNew.STARTED if started else ReasonNew.PLACEMENT),
            "placement_type": str(codes.PLACEMENT[f["place"]]),
            "provider": f["provider"],
            "legal_status": str(codes.LEGAL_STATUS[f["ls"]]),
            "reason_ceased": str(ceased) if ceased else None,
        }
    if e.kind == "List 10":
        return "adoptions", {
            "adoption_id": f"{child}/{f['adopted'].isoformat()}",
            "child_id": child,
            "team_id": cic,
            "entered_care_date": f["entered"],
            "placed_date": f["placed"],
            "adoption_date": f["adopted"],
        }
    return None
