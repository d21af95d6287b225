"""A seeded synthetic county: case records in the record schema, and no real data.

The county, its four districts, its teams and its children are invented. Events
are drawn at rates chosen so that the computed indicators fall near the seed
scorecard's: about 650 referrals a year per 10,000 children, 28% of them within 12
months of the last, 22% of child protection plans a second plan, 70% of long-term
children in care in a stable placement, and so on (``docs/measures.md`` lists
the ranges the tests check). The same seed, years and end month always give the
same records.

>>> from scorecards.periods import Month
>>> tables = generate(years=1, seed=1, end=Month(2020, 6))
>>> sorted(tables)[:3]
['adoptions', 'assessments', 'audits']
"""

from __future__ import annotations

import bisect
import csv
import logging
from collections.abc import Iterator
from dataclasses import dataclass, field
from datetime import date, timedelta
from pathlib import Path
from typing import Any

import holidays
import numpy as np

from scorecards.measures.base import month_end
from scorecards.periods import Month
from scorecards.records.schema import (
    TABLES,
    Activity,
    AuditGrade,
    ContactOutcome,
    EhOutcome,
    LeaverStatus,
    LegalStatus,
    PlacementType,
    Provider,
    ReasonCeased,
    ReasonNew,
    ReferralOutcome,
    ReferralSource,
    Service,
    Sex,
    TeamKind,
)

log = logging.getLogger(__name__)

# (district, area, children aged 0-17 in the first year)
DISTRICTS = (
    ("Eastmoor", "North", 17_200),
    ("Fenwick Vale", "North", 13_900),
    ("Gorsebrook", "South", 16_400),
    ("Hollinsea", "South", 12_500),
)
_SHARES = np.cumsum([d[2] for d in DISTRICTS])[:-1] / sum(d[2] for d in DISTRICTS)
GROWTH = 0.006  # population growth a year
END = Month(2020, 6)  # the default last month of records, a month after the seed

REFERRALS_PER_10000 = 650  # a year
RE_REFERRAL = 0.285  # share of referrals of a child referred in the last 12 months
REPEAT_PLAN = 0.24  # share of plans for a child who had one before
PLANS_PER_DAY = 0.75
CARE_ENTRIES_PER_YEAR = 110
EH_EPISODES_PER_DAY = 4.5
EH_REPEAT = 0.23  # share of unit episodes for a family with one ended in 12 months
STEP_UP_AFTER_SUCCESS = 0.07  # referral within 3 months of a successful closure
EH_TIMELY = 0.565  # assessments within 30 working days
IN_HOUSE_FOSTER = 0.74  # of foster placements with other carers
EET = 0.64
RETURN_INTERVIEW = 0.925
GOOD_AUDIT = 0.82
PERMANENT = 0.93

Row = dict[str, Any]


@dataclass
class _County:
    """The state of the generator as it walks through the years."""

    rng: np.random.Generator
    start: date
    end: date
    tables: dict[str, list[Row]] = field(default_factory=dict)
    home: dict[str, int] = field(default_factory=dict)  # child -> district index
    family_children: dict[str, list[str]] = field(default_factory=dict)
    counters: dict[str, int] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.tables = {name: [] for name in TABLES}

    def add(self, table: str, **row: Any) -> None:
        self.tables[table].append(row)

    def next_id(self, prefix: str) -> str:
        self.counters[prefix] = self.counters.get(prefix, 0) + 1
        return f"{prefix}{self.counters[prefix]:06d}"

    def chance(self, p: float) -> bool:
        return bool(self.rng.random() < p)

    def pick(self, items: list[Any]) -> Any:
        return items[int(self.rng.integers(len(items)))]

    def days(self, mean: float, shape: float = 1.0) -> int:
        return max(1, round(float(self.rng.gamma(shape, mean / shape))))

    def team(self, kind: TeamKind, district: int | None) -> str:
        return f"{kind.value.upper()}-{'LA' if district is None else district + 1}"

    def district_of(self, child: str) -> int:
        district = self.home[child]
        if self.chance(0.06):  # worked by another district's team
            district = int(self.rng.integers(len(DISTRICTS)))
        return district

    def family(self, on: date) -> str:
        family = self.next_id("F")
        self.family_children[family] = []
        self.add("families", family_id=family, created_date=on)
        return family

    def child(
        self,
        on: date,
        ages: tuple[int, int] = (0, 17),
        family: str | None = None,
        uasc: bool = False,
        born: date | None = None,
    ) -> str:
        """A new child aged ``ages`` (whole years, inclusive) on ``on``, or ``born``."""
        child = self.next_id("C")
        if born is None:
            low, high = ages
            days_old = int(self.rng.integers(low * 365 + 1, (high + 1) * 365 - 1))
            born = on - timedelta(days=days_old)
        if family is None:
            family = self.family(on)
        self.family_children[family].append(child)
        self.home[child] = int(
            np.searchsorted(_SHARES, self.rng.random(), side="right")
        )
        sex = Sex.FEMALE if self.chance(0.49) else Sex.MALE
        self.add(
            "children",
            child_id=child,
            date_of_birth=born,
            sex=sex.value,
            uasc=uasc,
            family_id=family,
        )
        return child

    def each_day(self, rate: float, start: date | None = None) -> Iterator[date]:
        """Each day from ``start`` to the end, repeated Poisson(``rate``) times."""
        day = start or self.start
        while day <= self.end:
            for _ in range(int(self.rng.poisson(rate))):
                yield day
            day += timedelta(days=1)

    def open_case(self, child: str, team: str, start: date, end: date | None) -> None:
        self.add(
            "cin_episodes",
            episode_id=self.next_id("E"),
            child_id=child,
            team_id=team,
            start_date=start,
            end_date=self.clip(end),
        )

    def clip(self, day: date | None) -> date | None:
        """``day``, or None (still open) when it is after the end of the records."""
        return None if day is None or day > self.end else day


def generate(years: int = 6, seed: int = 1, end: Month = END) -> dict[str, list[Row]]:
    """The synthetic county's records, by table, for ``years`` years to ``end``."""
    last = month_end(end)
    first = date(end.shift(1 - 12 * years).year, end.shift(1 - 12 * years).month, 1)
    county = _County(np.random.default_rng(seed), first, last)

    _teams_and_population(county)
    _care(county)
    _referrals_and_plans(county)
    _early_help(county)
    _missing(county)
    _audits(county)
    _staffing(county)
    _contacts(county)

    log.info(
        "generated %d records from %s to %s",
        sum(len(rows) for rows in county.tables.values()),
        first,
        last,
    )
    return county.tables


def write_county(
    folder: Path, years: int = 6, seed: int = 1, end: Month = END
) -> dict[str, int]:
    """Write the synthetic county to ``folder``, a CSV per table; return row counts."""
    tables = generate(years, seed, end)
    folder.mkdir(parents=True, exist_ok=True)
    for name, rows in tables.items():
        columns = TABLES[name].names
        with (folder / f"{name}.csv").open("w", newline="", encoding="utf-8") as handle:
            writer = csv.writer(handle, lineterminator="\n")
            writer.writerow(columns)
            for row in rows:
                writer.writerow([_text(row.get(c)) for c in columns])
    return {name: len(rows) for name, rows in tables.items()}


def _teams_and_population(county: _County) -> None:
    for index, (district, area, children) in enumerate(DISTRICTS):
        for kind in (
            TeamKind.CSWT,
            TeamKind.CIC,
            TeamKind.CARE_LEAVERS,
            TeamKind.EH_UNIT,
        ):
            county.add(
                "teams",
                team_id=county.team(kind, index),
                name=f"{district} {kind.value.replace('_', ' ')}",
                kind=kind.value,
                district=district,
                area=area,
            )
        for year in range(county.start.year - 1, county.end.year + 1):
            growth = (1 + GROWTH) ** (year - county.start.year)
            county.add(
                "population",
                district=district,
                year=year,
                population=round(children * growth),
            )
    for kind in (TeamKind.FRONT_DOOR, TeamKind.ADOPTION):
        county.add(
            "teams",
            team_id=county.team(kind, None),
            name=f"County {kind.value.replace('_', ' ')}",
            kind=kind.value,
            district=None,
            area=None,
        )


def _referrals_and_plans(county: _County) -> None:
    """Referrals, assessments and cases; then child protection plans."""
    history: list[tuple[date, str]] = []  # every referral, in date order
    last_referral: dict[str, date] = {}
    rate = sum(d[2] for d in DISTRICTS) * REFERRALS_PER_10000 / 10_000 / 365

    for day in county.each_day(rate):
        child = None
        if county.chance(RE_REFERRAL):
            child = _recent(county, history, last_referral, day, 14, 330)
        if child is None and county.chance(0.08):
            child = _recent(county, history, last_referral, day, 400, 1500)
        if child is None:
            child = county.child(day)
        _referral(county, child, day)
        history.append((day, child))
        last_referral[child] = day

    plan_ended: list[tuple[date, str]] = []
    on_plan_until: dict[str, date] = {}
    for day in county.each_day(PLANS_PER_DAY):
        child = None
        if county.chance(REPEAT_PLAN):
            for _ in range(8):
                if not plan_ended:
                    break
                ended, candidate = county.pick(plan_ended)
                if ended < day and on_plan_until.get(candidate, day) < day:
                    child = candidate
                    break
        if child is None:
            child = _recent(county, history, last_referral, day, 0, 60)
            if child is None or child in on_plan_until:
                child = county.child(day)
        end = day + timedelta(days=county.days(320, shape=2.0))
        team = county.team(TeamKind.CSWT, county.district_of(child))
        county.add(
            "cp_plans",
            plan_id=county.next_id("P"),
            child_id=child,
            team_id=team,
            start_date=day,
            end_date=county.clip(end),
        )
        case_start = day - timedelta(days=int(county.rng.integers(0, 30)))
        county.open_case(child, team, case_start, end + timedelta(days=county.days(60)))
        on_plan_until[child] = end
        plan_ended.append((end, child))


def _recent(
    county: _County,
    history: list[tuple[date, str]],
    last_referral: dict[str, date],
    day: date,
    low: int,
    high: int,
) -> str | None:
    """A child whose latest referral was ``low`` to ``high`` days before ``day``."""
    left = bisect.bisect_left(history, (day - timedelta(days=high), ""))
    right = bisect.bisect_right(history, (day - timedelta(days=low), "~"))
    for _ in range(6):
        if right <= left:
            return None
        when, child = history[int(county.rng.integers(left, right))]
        if last_referral[child] == when:
            return child
    return None


def _referral(county: _County, child: str, day: date) -> None:
    team = county.team(TeamKind.CSWT, county.district_of(child))
    assessed = county.chance(0.82)
    outcome = (
        ReferralOutcome.ASSESSMENT if assessed else ReferralOutcome.NO_FURTHER_ACTION
    )
    source = county.rng.choice(list(ReferralSource), p=[0.3, 0.2, 0.15, 0.15, 0.1, 0.1])
    county.add(
        "referrals",
        referral_id=county.next_id("R"),
        child_id=child,
        referral_date=day,
        source=str(source),
        outcome=outcome.value,
        team_id=team,
    )
    county.add(
        "front_door_contacts",
        contact_id=county.next_id("K"),
        child_id=child,
        contact_date=day,
        outcome=ContactOutcome.THRESHOLD_MET.value,
    )
    if not assessed:
        return
    done = day + timedelta(days=county.days(28, shape=3.0))
    county.add(
        "assessments",
        assessment_id=county.next_id("A"),
        child_id=child,
        team_id=team,
        start_date=day,
        completed_date=county.clip(done),
    )
    if county.chance(0.55):
        county.open_case(child, team, day, day + timedelta(days=county.days(240)))


def _care(county: _County) -> None:
    """Periods of care, from 16 years before the records start so that the children
    in care when they start have their history."""
    burn_in = county.start - timedelta(days=16 * 365)
    rate = CARE_ENTRIES_PER_YEAR / 365
    day = burn_in
    while day <= county.end:
        for _ in range(int(county.rng.poisson(rate))):
            _period_of_care(county, day)
        day += timedelta(days=1)


def _period_of_care(county: _County, entry: date) -> None:
    rng = county.rng
    age = int(rng.choice([0, 2, 7, 13, 16], p=[0.2, 0.15, 0.2, 0.35, 0.1]))
    ages = {0: (0, 0), 2: (1, 4), 7: (5, 9), 13: (10, 15), 16: (16, 17)}[age]
    uasc = ages[0] >= 15 and county.chance(0.35)
    adoption = ages[1] <= 4 and county.chance(0.45)

    # The child is recorded only if the period reaches the records' span.
    dob = entry - timedelta(
        days=int(rng.integers(ages[0] * 365 + 1, (ages[1] + 1) * 365 - 1))
    )
    eighteen = _birthday(dob, 18)
    if adoption:
        placed = entry + timedelta(days=max(60, round(float(rng.normal(335, 110)))))
        leaves = placed + timedelta(days=max(70, round(float(rng.normal(220, 60)))))
        reason = ReasonCeased.ADOPTED
    else:
        if county.chance(0.45):
            leaves = entry + timedelta(days=county.days(250))
        elif county.chance(0.7):
            leaves = eighteen
        else:
            leaves = entry + timedelta(days=county.days(4 * 365, shape=2.0))
        leaves = min(leaves, eighteen)
        placed = None
        if leaves == eighteen:
            reason = ReasonCeased.AGED_18
        elif _age(dob, leaves) >= 16 and county.chance(0.5):
            reason = ReasonCeased.INDEPENDENT_LIVING
        else:
            reason = county.pick(
                [ReasonCeased.RETURNED_HOME, ReasonCeased.SPECIAL_GUARDIANSHIP]
            )
    if leaves < county.start:
        return

    child = county.child(entry, uasc=uasc, born=dob)
    district = county.home[child]
    team = county.team(TeamKind.CIC, district)
    _placements(county, child, team, entry, leaves, placed, reason, uasc, dob)
    county.open_case(child, team, entry, leaves)

    if placed is not None and leaves <= county.end:
        county.add(
            "adoptions",
            adoption_id=county.next_id("D"),
            child_id=child,
            team_id=team,
            entered_care_date=entry,
            placed_date=placed,
            adoption_date=leaves,
        )
    if reason in (ReasonCeased.AGED_18, ReasonCeased.INDEPENDENT_LIVING):
        _care_leaver(county, child, district, dob, leaves)


def _placements(
    county: _County,
    child: str,
    team: str,
    entry: date,
    leaves: date,
    placed: date | None,
    reason: ReasonCeased,
    uasc: bool,
    dob: date,
) -> None:
    """Episodes of one period of care: placements, and a change of legal status."""
    changes: list[tuple[date, ReasonNew]] = [(entry, ReasonNew.STARTED)]
    day = entry
    first = True
    while True:
        stay = (
            county.days(150) if first and county.chance(0.5) else county.days(5.5 * 365)
        )
        first = False
        day = day + timedelta(days=stay)
        if day >= (placed or leaves):
            break
        changes.append((day, ReasonNew.PLACEMENT))
    if placed is not None:
        changes.append((placed, ReasonNew.PLACEMENT))
    order = entry + timedelta(days=county.days(200))
    if order < leaves and not uasc:
        changes.append((order, ReasonNew.LEGAL))
    changes.sort()

    legal = LegalStatus.SECTION_20 if uasc else LegalStatus.INTERIM_CARE_ORDER
    placement = provider = None
    for index, (start, why) in enumerate(changes):
        if why is ReasonNew.LEGAL:
            legal = (
                LegalStatus.PLACEMENT_ORDER if placed else LegalStatus.FULL_CARE_ORDER
            )
        else:
            placement, provider = _placement(county, _age(dob, start), uasc)
        if placed is not None and start == placed:
            placement, provider = (
                PlacementType.ADOPTION_ORDER_NEW,
                Provider.OWN_PROVISION,
            )
        end = changes[index + 1][0] if index + 1 < len(changes) else leaves
        if end == start:
            continue
        county.add(
            "care_episodes",
            episode_id=county.next_id("Q"),
            child_id=child,
            team_id=team,
            start_date=start,
            end_date=county.clip(end),
            reason_new=why.value,
            placement_type=str(placement),
            provider=str(provider),
            legal_status=legal.value,
            reason_ceased=reason.value
            if index + 1 == len(changes) and end <= county.end
            else None,
        )


def _placement(county: _County, age: int, uasc: bool) -> tuple[PlacementType, Provider]:
    if age >= 16 and county.chance(0.3):
        return PlacementType.INDEPENDENT_LIVING, Provider.PRIVATE
    if age >= 11 and county.chance(0.12):
        return PlacementType.RESIDENTIAL, Provider.PRIVATE
    if not uasc and county.chance(0.04):
        return PlacementType.PARENTS, Provider.PARENT
    if not uasc and county.chance(0.18):
        return county.pick(list(_RELATIVE)), Provider.OWN_PROVISION
    own = county.chance(IN_HOUSE_FOSTER)
    return county.pick(
        list(_OTHER)
    ), Provider.OWN_PROVISION if own else Provider.PRIVATE


_RELATIVE = (
    PlacementType.FOSTER_RELATIVE_LONG_TERM,
    PlacementType.FOSTER_RELATIVE_OTHER,
)
_OTHER = (PlacementType.FOSTER_OTHER_LONG_TERM, PlacementType.FOSTER_OTHER)


def _care_leaver(
    county: _County, child: str, district: int, dob: date, left: date
) -> None:
    team = county.team(TeamKind.CARE_LEAVERS, district)
    county.open_case(child, team, left, _birthday(dob, 21))
    for age in range(17, 22):
        birthday = _birthday(dob, age)
        if birthday <= left or birthday + timedelta(days=31) > county.end:
            continue
        status = LeaverStatus.RELEVANT if age < 18 else LeaverStatus.FORMER_RELEVANT
        contact = activity = None
        if county.chance(0.9):
            contact = birthday + timedelta(days=int(county.rng.integers(-85, 29)))
            activity = county.pick(list(_EET) if county.chance(EET) else list(_NEET))
        county.add(
            "care_leaver_contacts",
            child_id=child,
            team_id=team,
            birthday=birthday,
            leaver_status=status.value,
            contact_date=contact,
            activity=activity.value if activity else None,
        )


_EET = (Activity.EDUCATION, Activity.TRAINING, Activity.EMPLOYMENT)
_NEET = (Activity.NEET_ILLNESS, Activity.NEET_PARENTING, Activity.NEET_OTHER)


def _early_help(county: _County) -> None:
    """Early help unit episodes, their assessments and the contacts that led to them."""
    ended: list[tuple[date, str]] = []
    open_until: dict[str, date] = {}
    bank_holidays = holidays.country_holidays(
        "GB", subdiv="ENG", years=range(county.start.year, county.end.year + 2)
    )
    working_week = np.busdaycalendar(holidays=sorted(bank_holidays))

    for day in county.each_day(EH_EPISODES_PER_DAY):
        family = None
        if county.chance(EH_REPEAT):
            family = _ended_between(county, ended, open_until, day, 7, 330)
        if family is None:
            family = county.family(day)
            for _ in range(int(county.rng.choice([1, 2, 3], p=[0.4, 0.35, 0.25]))):
                county.child(day, family=family)
        district = county.home[county.family_children[family][0]]
        team = county.team(TeamKind.EH_UNIT, district)
        close = day + timedelta(days=county.days(95, shape=2.0))
        outcome = county.rng.choice(list(EhOutcome), p=[0.62, 0.1, 0.15, 0.05, 0.08])
        county.add(
            "eh_episodes",
            episode_id=county.next_id("H"),
            family_id=family,
            team_id=team,
            start_date=day,
            end_date=county.clip(close),
            outcome=str(outcome) if close <= county.end else None,
        )
        open_until[family] = close
        ended.append((close, family))
        county.add(
            "front_door_contacts",
            contact_id=county.next_id("K"),
            child_id=county.family_children[family][0],
            contact_date=day - timedelta(days=int(county.rng.integers(0, 8))),
            outcome=ContactOutcome.EARLY_HELP_UNIT.value,
        )

        allocated = np.busday_offset(day, 0, roll="forward", busdaycal=working_week)
        working = int(
            county.rng.integers(8, 31)
            if county.chance(EH_TIMELY)
            else county.rng.integers(31, 61)
        )
        done = np.busday_offset(allocated, working, busdaycal=working_week).astype(date)
        allocated_day = allocated.astype(date)
        county.add(
            "eh_assessments",
            assessment_id=county.next_id("X"),
            family_id=family,
            team_id=team,
            allocated_date=allocated_day,
            completed_date=county.clip(done),
        )
        if outcome == EhOutcome.OUTCOMES_ACHIEVED and county.chance(
            STEP_UP_AFTER_SUCCESS
        ):
            back = close + timedelta(days=int(county.rng.integers(1, 85)))
            if back <= county.end:
                _referral(county, county.pick(county.family_children[family]), back)
    ended.sort()


def _ended_between(
    county: _County,
    ended: list[tuple[date, str]],
    open_until: dict[str, date],
    day: date,
    low: int,
    high: int,
) -> str | None:
    """A family with no open episode whose last ended ``low`` to ``high`` days ago."""
    for _ in range(8):
        if not ended:
            return None
        index = len(ended) - 1 - int(county.rng.integers(0, min(len(ended), 2500)))
        close, family = ended[index]
        gap = (day - close).days
        if low <= gap <= high and open_until[family] == close:
            return family
    return None


def _missing(county: _County) -> None:
    """Missing episodes, mostly of children in care or with an open case."""
    cases = county.tables["cin_episodes"]
    starts = np.array([c["start_date"].toordinal() for c in cases])
    ends = np.array([(c["end_date"] or date.max).toordinal() for c in cases])
    children = [c["child_id"] for c in cases]

    for day in county.each_day(1.1):
        ordinal = day.toordinal()
        open_now = np.flatnonzero((starts <= ordinal) & (ends > ordinal))
        if len(open_now) and county.chance(0.9):
            child = children[int(county.pick(list(open_now)))]
        else:
            child = county.child(day, ages=(12, 17))
        back = day + timedelta(days=int(county.rng.integers(0, 4)))
        interview = None
        if county.chance(RETURN_INTERVIEW):
            interview = back + timedelta(days=int(county.rng.integers(0, 4)))
        county.add(
            "missing_episodes",
            missing_id=county.next_id("M"),
            child_id=child,
            start_date=day,
            end_date=county.clip(back),
            interview_date=county.clip(interview),
        )


def _audits(county: _County) -> None:
    cases = county.tables["cin_episodes"]
    grades = list(AuditGrade)
    for day in county.each_day(1.2):
        case = county.pick(cases)
        good = county.chance(GOOD_AUDIT)
        grade = grades[
            int(county.rng.integers(0, 2) if good else county.rng.integers(2, 4))
        ]
        county.add(
            "audits",
            audit_id=county.next_id("U"),
            child_id=case["child_id"],
            team_id=case["team_id"],
            service=Service.SOCIAL_WORK.value,
            audit_date=day,
            grade=grade.value,
        )


def _staffing(county: _County) -> None:
    """Posts and caseloads at every month end; a post changes hands now and then."""
    sizes = {
        TeamKind.CSWT: (14, 20.0),
        TeamKind.CIC: (8, 14.0),
        TeamKind.CARE_LEAVERS: (6, 22.0),
    }
    held: dict[str, tuple[float, bool, bool]] = {}  # post -> (fte, filled, permanent)
    month = Month(county.start.year, county.start.month)
    while month_end(month) <= county.end:
        snapshot = month_end(month)
        for district in range(len(DISTRICTS)):
            for kind, (posts, caseload) in sizes.items():
                team = county.team(kind, district)
                for number in range(posts):
                    post = f"{team}-{number + 1:02d}"
                    if post not in held or county.chance(0.06):
                        filled = county.chance(0.96)
                        permanent = filled and county.chance(PERMANENT)
                        held[post] = (
                            1.0 if county.chance(0.9) else 0.6,
                            filled,
                            permanent,
                        )
                    fte, filled, permanent = held[post]
                    county.add(
                        "posts",
                        snapshot_date=snapshot,
                        post_id=post,
                        team_id=team,
                        fte=fte,
                        case_holding=True,
                        filled=filled,
                        qualified=filled,
                        permanent=permanent,
                    )
                    if filled:
                        county.add(
                            "caseloads",
                            snapshot_date=snapshot,
                            worker_id=post,
                            team_id=team,
                            cases=int(county.rng.poisson(caseload)),
                        )
        month = month.shift(1)


def _contacts(county: _County) -> None:
    """Front door contacts resolved there: advice and no further action."""
    known = [row["child_id"] for row in county.tables["children"]]
    for day in county.each_day(10.5):
        advice = county.chance(0.86)
        child = county.pick(known) if county.chance(0.5) else county.child(day)
        outcome = ContactOutcome.ADVICE if advice else ContactOutcome.NO_FURTHER_ACTION
        county.add(
            "front_door_contacts",
            contact_id=county.next_id("K"),
            child_id=child,
            contact_date=day,
            outcome=outcome.value,
        )


def _birthday(dob: date, age: int) -> date:
    """The day ``age`` is reached; 29 February's birthday is 1 March in other years."""
    try:
        return dob.replace(year=dob.year + age)
    except ValueError:
        return date(dob.year + age, 3, 1)


def _age(dob: date, day: date) -> int:
    return day.year - dob.year - ((day.month, day.day) < (dob.month, dob.day))


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float):
        return f"{value:g}"
    return str(value)
