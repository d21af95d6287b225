"""Sheet names for the scorecard workbook: Excel's rules, and names a reader knows."""

from __future__ import annotations

import re
from collections.abc import Iterable

from scorecards.assess.view import ScorecardView

SHEET_NAME_LIMIT = 31  # Excel refuses longer sheet names
CONTENTS = "Contents"
CATALOGUE_SHEETS = {"sources": "Sources", "definitions": "Definitions"}
_NOT_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")


def sheet_names(view: ScorecardView) -> dict[str, str]:
    """The sheet each section goes on, by section id, in workbook order.

    Names come from section titles, shortened to Excel's 31 characters by
    keeping the first word and as many closing words as fit (the words that
    tell "Monthly" from "Quarterly"), and made unique. Sources and definitions
    go on sheets named "Sources" and "Definitions".

    >>> from scorecards.assess.view import ScorecardView, CatalogueView
    >>> view = ScorecardView(
    ...     title="", organisation="", department="", produced_by="",
    ...     authority="", month="2020-05", month_label="May 2020",
    ...     publication_date="", draft=False, warnings=[],
    ...     sections=[CatalogueView("sources", "s", "Data Sources", "", [])],
    ... )
    >>> sheet_names(view)
    {'s': 'Sources'}
    """
    taken = {CONTENTS.lower()}
    names: dict[str, str] = {}
    for section in view.sections:
        wanted = CATALOGUE_SHEETS.get(section.kind, section.title)
        name = _unique(_shorten(_clean_sheet_name(wanted) or section.id), taken)
        taken.add(name.lower())
        names[section.id] = name
    return names


def _clean_sheet_name(title: str) -> str:
    """The title without the characters Excel refuses in a sheet name."""
    name = " ".join(title.split()).rstrip(":.").strip()
    return _NOT_IN_SHEET_NAMES.sub("-", name).strip("'").strip()


def _shorten(name: str) -> str:
    """At most 31 characters: the first word, "…", and as many last words as fit.

    >>> _shorten("Integrated Children's Services Quarterly Indicators")
    'Integrated…Quarterly Indicators'
    """
    if len(name) <= SHEET_NAME_LIMIT:
        return name
    words = name.split(" ")
    for tail in range(len(words) - 2, 0, -1):
        for head in range(len(words) - tail - 1, 0, -1):
            shortened = " ".join(words[:head]) + "…" + " ".join(words[-tail:])
            if len(shortened) <= SHEET_NAME_LIMIT:
                return shortened
    return name[:SHEET_NAME_LIMIT].rstrip()


def _unique(name: str, taken: Iterable[str]) -> str:
    """``name``, or ``name (2)``, ``name (3)``... when Excel would see a clash.

    Excel compares sheet names without regard to case, and keeps "History" for
    itself.
    """
    used = {t.lower() for t in taken} | {"history"}
    candidate, number = name, 1
    while candidate.lower() in used:
        number += 1
        suffix = f" ({number})"
        candidate = name[: SHEET_NAME_LIMIT - len(suffix)].rstrip() + suffix
    return candidate
