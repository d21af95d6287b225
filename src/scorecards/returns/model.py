"""What every reader of a return produces: entries, refusals and file problems.

A reader turns one file into :class:`Entry` objects, one per record of the
return (an episode, a referral, a row of an Annex A list), with its fields
parsed: dates as dates, codes checked against their lists. An entry whose
fields break a rule carries the reasons and is refused later, with its file and
row, rather than dropped. A problem with a whole file (it is empty, it is not
XML, a column is missing) is a :class:`FileProblem`.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date, datetime
from enum import StrEnum
from typing import Any


class Format(StrEnum):
    """The return formats we read."""

    SSDA903_CSV = "SSDA903 (CSV)"
    SSDA903_XML = "SSDA903 (XML)"
    CIN_XML = "CIN census (XML)"
    ANNEX_A = "Ofsted Annex A (workbook)"


class Action(StrEnum):
    """What happened to a record that did not go into the store as it was read."""

    REFUSED = "refused"  # not stored; the reason says why
    CLEANED = "cleaned"  # stored after a cleaning rule changed it
    DROPPED = "dropped"  # not stored because a cleaning rule removed it


@dataclass
class Entry:
    """One record of a return, with its fields parsed and where it came from."""

    kind: str  # the return's table: "episodes", "referrals", "List 3" ...
    fields: dict[str, Any]
    file: str
    row: int | None  # CSV line (header is 1), XML element number or sheet row
    council: str = ""  # "" when the return names none
    year: int | None = None  # collection year, ending 31 March of this year
    reasons: list[str] = field(default_factory=list)  # why it must be refused

    @property
    def child(self) -> str:
        return str(self.fields.get("child", ""))

    def refuse(self, reason: str) -> None:
        self.reasons.append(reason)


@dataclass(frozen=True)
class Outcome:
    """A record refused, cleaned or dropped, as kept in the store and listed."""

    action: Action
    file: str
    row: int | None
    kind: str
    child: str
    reason: str
    rule: str = ""  # the cleaning rule, for cleaned and dropped records

    def __str__(self) -> str:
        where = self.file if self.row is None else f"{self.file}, row {self.row}"
        who = f"child {self.child}: " if self.child else ""
        return f"{where} ({self.kind}): {who}{self.reason}"


@dataclass(frozen=True)
class FileProblem:
    """A whole file that could not be read, or a part of it (a sheet) skipped."""

    file: str
    message: str

    def __str__(self) -> str:
        return f"{self.file}: {self.message}"


@dataclass
class ReadResult:
    """What reading one file gave."""

    format: Format | None
    entries: list[Entry] = field(default_factory=list)
    problems: list[FileProblem] = field(default_factory=list)


_YEAR_IN_NAME = re.compile(r"(?<!\d)(20\d\d)(?!\d)")


def year_in_name(name: str) -> int | None:
    """A collection year written in a file name (``903_2022_episodes.csv``)."""
    found = _YEAR_IN_NAME.findall(name)
    return int(found[-1]) if found else None


def collection_year_of(day: date) -> int:
    """The collection year (ending 31 March) that ``day`` falls in."""
    return day.year + 1 if day.month > 3 else day.year


def year_end(year: int) -> date:
    """The last day of collection year ``year``: 31 March."""
    return date(year, 3, 31)


def year_text(year: int) -> str:
    return f"{year - 1}-{str(year)[-2:]}"


def parse_date(value: Any) -> date:
    """A date from dd/mm/yyyy, ISO yyyy-mm-dd (with or without a time of 00:00)
    or a date object; ValueError saying what was found otherwise."""
    if isinstance(value, datetime):
        return value.date()
    if isinstance(value, date):
        return value
    text = str(value).strip()
    try:
        if len(text) == 10 and text[2] == "/" and text[5] == "/":
            return date(int(text[6:]), int(text[3:5]), int(text[:2]))
        if len(text) >= 10 and text[4] == "-" and text[7] == "-":
            if len(text) == 10 or text[10:].strip("T ") in ("00:00:00", "00:00"):
                return date.fromisoformat(text[:10])
    except ValueError:
        pass
    raise ValueError(f"{value!r} is not a date; expected dd/mm/yyyy or yyyy-mm-dd")


def blank(value: Any) -> bool:
    return value is None or (isinstance(value, str) and value.strip() == "")


def text(value: Any) -> str:
    """A field as stripped text; "" for an empty one. 12.0 from Excel is "12"."""
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return str(value).strip()


class Fields:
    """Parse the fields of one raw record into an entry, collecting every reason
    to refuse it instead of stopping at the first."""

    def __init__(self, raw: Mapping[str, Any], entry: Entry):
        self.raw = raw
        self.entry = entry

    def text(self, name: str, target: str, required: bool = True) -> str:
        value = text(self.raw.get(name))
        if not value and required:
            self.entry.refuse(f"{name} is empty; it is required")
        self.entry.fields[target] = value
        return value

    def date(self, name: str, target: str, required: bool = True) -> date | None:
        raw = self.raw.get(name)
        value = None
        if blank(raw):
            if required:
                self.entry.refuse(f"{name} is empty; it is required")
        else:
            try:
                value = parse_date(raw)
            except ValueError as exc:
                self.entry.refuse(f"{name} {exc}")
        self.entry.fields[target] = value
        return value

    def code(
        self,
        name: str,
        target: str,
        codes: Mapping[str, Any] | frozenset[str],
        required: bool = True,
        what: str = "code",
    ) -> str:
        value = text(self.raw.get(name)).upper()
        if not value:
            if required:
                self.entry.refuse(f"{name} is empty; it is required")
        elif value not in codes:
            listed = ", ".join(sorted(codes))
            self.entry.refuse(
                f"unknown {what} {name} {value!r}; expected one of {listed}"
            )
        self.entry.fields[target] = value
        return value

    def order(self, earlier: str, later: str, what: str) -> None:
        start, end = self.entry.fields.get(earlier), self.entry.fields.get(later)
        if start is not None and end is not None and end < start:
            self.entry.refuse(
                f"{what} ends before it starts ({_d(end)} is before {_d(start)})"
            )


def _d(day: date) -> str:
    return day.isoformat()
