"""Which return a file holds, told from its content rather than its name.

- ``.xml``: a ``Message`` whose collection is ``CIN`` is the CIN census; an
  ``EXPSSDA903`` root (or ``CHILD`` elements with a ``HEADER``) is SSDA903.
- ``.csv``: a file with a ``CHILD`` column is one table of the SSDA903 return;
  its other columns say which (:func:`scorecards.returns.ssda903.table_of`).
- ``.xlsx``, ``.xlsm``: an Ofsted Annex A workbook.

XML is parsed by the standard library with no document type allowed: a file
that declares one (``<!DOCTYPE``) is refused, so no entity is ever expanded or
fetched. Returns never carry one.
"""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from pathlib import Path

from scorecards.returns import annex_a, cin, ssda903
from scorecards.returns.model import FileProblem, ReadResult

WORKBOOKS = (".xlsx", ".xlsm")
SUFFIXES = (".xml", ".csv", *WORKBOOKS)


def read_file(path: Path) -> ReadResult:
    """Detect the return ``path`` holds and read it; problems, never exceptions,
    for a file that cannot be read."""
    suffix = path.suffix.lower()
    if suffix not in SUFFIXES:
        return _problem(
            path,
            f"unknown kind of file {suffix or '(no suffix)'!r}; expected SSDA903 "
            ".csv or .xml, CIN census .xml or an Annex A .xlsx workbook",
        )
    try:
        head = path.read_bytes()[:4096] if suffix != ".csv" else b""
        if path.stat().st_size == 0 or (
            suffix != ".xlsx" and not path.read_bytes().strip()
        ):
            return _problem(path, "is empty; expected a return with records")
    except OSError as exc:
        return _problem(path, f"cannot be read: {exc.strerror or exc}")

    if suffix in WORKBOOKS:
        return annex_a.read_workbook(path)
    if suffix == ".csv":
        return _read_csv(path)
    return _read_xml(path, head)


def _read_csv(path: Path) -> ReadResult:
    try:
        with path.open(newline="", encoding="utf-8-sig") as handle:
            columns = next(csv.reader(handle), [])
    except UnicodeDecodeError:
        return _problem(path, "is not UTF-8 text; save the CSV as UTF-8")
    if not ssda903.looks_like_903(columns):
        shown = ", ".join(columns[:8]) or "(none)"
        return _problem(
            path,
            f"is not an SSDA903 table: it has no CHILD column (columns: {shown})",
        )
    return ssda903.read_csv(path)


def _read_xml(path: Path, head: bytes) -> ReadResult:
    if b"<!DOCTYPE" in head.upper() or b"<!ENTITY" in head.upper():
        return _problem(
            path,
            "declares a document type (<!DOCTYPE); returns never do, so it is not read",
        )
    try:
        root = ET.parse(path).getroot()
    except ET.ParseError as exc:
        line, column = exc.position
        return _problem(
            path,
            f"is not well-formed XML: {_reason(exc)} at line {line}, column "
            f"{column + 1}",
        )
    if cin.is_cin(root):
        return cin.read_xml(path, root)
    if root.tag == "EXPSSDA903" or root.find("CHILD/HEADER") is not None:
        return ssda903.read_xml(path, root)
    return _problem(
        path,
        f"is XML but neither a CIN census (Message with Collection CIN) nor an "
        f"SSDA903 return (EXPSSDA903); its root element is <{root.tag}>",
    )


def _reason(exc: ET.ParseError) -> str:
    return str(exc).split(":")[0]


def _problem(path: Path, message: str) -> ReadResult:
    return ReadResult(None, problems=[FileProblem(str(path), message)])
