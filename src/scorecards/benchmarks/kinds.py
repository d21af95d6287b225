"""The kinds of file the department publishes, and how each one's period is read.

A file's ``time_period`` does not say what it means: ``2019`` is the year to 31
March 2019 in the children in need files and the count at 30 September 2019 in the
workforce file. :data:`FILE_KINDS` keeps that knowledge, one entry per kind, and
:func:`detect_kind` finds the kind from the file's name or, for a renamed file,
its header.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from enum import StrEnum
from pathlib import Path

from scorecards.errors import InputError, problem
from scorecards.periods import Month, Period, Year


class PeriodReading(StrEnum):
    """How a file's ``time_period`` turns into one of our periods."""

    YEAR_TO_31_MARCH = "year ending 31 March"  # 2019 -> Year(2018), "2018-19"
    ACADEMIC_YEAR = "academic year"  # 201819 -> Year(2018), "2018-19"
    AT_30_SEPTEMBER = "30 September"  # 2019 -> Month(2019, 9)
    MID_YEAR = "mid-year, 30 June"  # 2019 -> Month(2019, 6)

    @property
    def time_identifier(self) -> str:
        """What the file's ``time_identifier`` column says for this reading."""
        if self is PeriodReading.ACADEMIC_YEAR:
            return "Academic year"
        return "Reporting year"

    def read(self, text: str) -> Period:
        """The period ``text`` stands for; ValueError naming the expected form."""
        if self is PeriodReading.ACADEMIC_YEAR:
            if re.fullmatch(r"\d{6}", text):
                start, end = int(text[:4]), int(text[4:])
                if end == (start + 1) % 100:
                    return Year(start)
            raise ValueError(
                f"expected an academic year written like 201819, found {text!r}"
            )

        if not re.fullmatch(r"\d{4}", text):
            raise ValueError(f"expected a year written like 2019, found {text!r}")
        year = int(text)
        if self is PeriodReading.YEAR_TO_31_MARCH:
            return Year(year - 1)
        if self is PeriodReading.AT_30_SEPTEMBER:
            return Month(year, 9)
        return Month(year, 6)


class FileKind(StrEnum):
    """The department's files this package knows how to read."""

    CHILDREN_IN_NEED = "children_in_need"
    REFERRALS = "referrals"
    CHILD_PROTECTION = "child_protection"
    LOOKED_AFTER = "looked_after"
    PLACEMENT_STABILITY = "placement_stability"
    CARE_LEAVERS = "care_leavers"
    ADOPTION = "adoption"
    WORKFORCE = "workforce"
    KS2 = "ks2"
    KS4 = "ks4"
    ABSENCE = "absence"
    POPULATION = "population"


@dataclass(frozen=True)
class FileSpec:
    """What is known about one kind of file.

    ``names`` is a pattern the file name matches; ``signature`` names columns only
    this kind has. ``breakdowns`` are the text columns between the geography and
    the measures; every other column is a measure. ``durations`` are measures
    written as years and months (``01:07``), read as a number of months.
    """

    reading: PeriodReading
    names: str
    signature: frozenset[str]
    breakdowns: tuple[str, ...] = ()
    national_only: bool = False
    durations: frozenset[str] = field(default_factory=frozenset)


_MARCH = PeriodReading.YEAR_TO_31_MARCH
_ACADEMIC = PeriodReading.ACADEMIC_YEAR

#: Per kind of file: how its ``time_period`` is read and which columns are what.
#:
#: - Children in need (b1), referrals (c1), child protection plans (d3), children
#:   looked after, placement stability, care leavers and adoption: ``2019`` is the
#:   year to 31 March 2019, or a count at 31 March 2019: our year 2018-19.
#: - Key stage 2, key stage 4 and absence: ``201819`` is the academic year 2018-19.
#: - Social work workforce: ``2019`` is the count at 30 September 2019, a month.
#: - Population: ``2019`` is the mid-year estimate at 30 June 2019, a month. Its
#:   financial year, 2019-20, is the year whose rates the department divides by it.
FILE_KINDS: dict[FileKind, FileSpec] = {
    FileKind.CHILDREN_IN_NEED: FileSpec(
        _MARCH, r"^b1_", frozenset({"Anypoint_episodes"}), ("category",)
    ),
    FileKind.REFERRALS: FileSpec(
        _MARCH, r"^c1_", frozenset({"rereferral_percent"}), ("category",)
    ),
    FileKind.CHILD_PROTECTION: FileSpec(
        _MARCH, r"^d3_", frozenset({"CPP_subsequent_percent"}), ("category",)
    ),
    FileKind.LOOKED_AFTER: FileSpec(
        _MARCH,
        r"^cla_number",
        frozenset({"population_type", "rate_per_10000"}),
        ("population_type",),
    ),
    FileKind.PLACEMENT_STABILITY: FileSpec(
        _MARCH,
        r"placement_stability",
        frozenset({"placement_stability", "children_percent"}),
        ("cla_group", "placement_stability"),
    ),
    FileKind.CARE_LEAVERS: FileSpec(
        _MARCH,
        r"care_leavers",
        frozenset({"care_leaver_percent"}),
        ("care_leaver_age", "breakdown"),
    ),
    FileKind.ADOPTION: FileSpec(
        _MARCH,
        r"adopt",
        frozenset({"stage_of_adoption_process"}),
        ("cla_group", "stage_of_adoption_process", "age_start_poc"),
        national_only=True,
        durations=frozenset({"number"}),
    ),
    FileKind.WORKFORCE: FileSpec(
        PeriodReading.AT_30_SEPTEMBER, r"^csww", frozenset({"caseload_fte"})
    ),
    FileKind.KS2: FileSpec(
        _ACADEMIC,
        r"^ks2",
        frozenset({"pt_rwm_met_expected_standard"}),
        ("social_care_group", "version"),
    ),
    FileKind.KS4: FileSpec(
        _ACADEMIC, r"^ks4", frozenset({"avg_att8"}), ("social_care_group", "version")
    ),
    FileKind.ABSENCE: FileSpec(
        _ACADEMIC,
        r"^absence",
        frozenset({"pt_overall"}),
        ("absence_terms", "social_care_group", "phase_type_grouping"),
    ),
    FileKind.POPULATION: FileSpec(
        PeriodReading.MID_YEAR,
        r"population_estimates",
        frozenset({"age_group", "population_estimate"}),
        ("age_group",),
    ),
}


def detect_kind(path: Path, header: Iterable[str]) -> FileKind:
    """Which kind of file this is, from its name and failing that its header."""
    for kind, spec in FILE_KINDS.items():
        if re.search(spec.names, path.name, flags=re.IGNORECASE):
            return kind

    columns = set(header)
    found = [kind for kind, spec in FILE_KINDS.items() if spec.signature <= columns]
    if len(found) == 1:
        return found[0]
    kinds = ", ".join(kind.value for kind in FileKind)
    raise InputError(
        problem(
            path,
            "cannot tell which of the department's files this is from its name or "
            f"header; give its kind, one of: {kinds}",
        )
    )
