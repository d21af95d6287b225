"""Every measure on small hand-made records whose right answers are worked by hand.

The county of these tests has two districts, North and South, and a team serving
the whole authority. Unless a test says otherwise, its events are in North, so
South shows what a district with no events gives: zero for a count, no value
for a ratio (its denominator is zero).

R12M windows: the figure for May 2020 covers 2019-06-01 to 2020-05-31.
"""

from __future__ import annotations

from datetime import date
from typing import Any

import duckdb
import ibis
import pyarrow as pa
import pytest

from scorecards.measures import MEASURES, compute_figures
from scorecards.measures.base import (
    Kind,
    age_on,
    month_index,
    month_turning,
    working_day_calendar,
)
from scorecards.periods import Month
from scorecards.records.load import load_tables
from scorecards.store.database import load_figures, open_store, save_figures
from scorecards.store.figures import Figure, Missing

MAY = Month(2020, 5)

TEAMS = [
    {"team_id": "SW-N", "name": "North CSWT", "kind": "cswt", "district": "North"},
    {"team_id": "SW-S", "name": "South CSWT", "kind": "cswt", "district": "South"},
    {"team_id": "CIC-N", "name": "North CIC", "kind": "cic", "district": "North"},
    {"team_id": "CIC-LA", "name": "County CIC", "kind": "cic"},
    {
        "team_id": "CL-N",
        "name": "North leavers",
        "kind": "care_leavers",
        "district": "North",
    },
    {"team_id": "EH-N", "name": "North unit", "kind": "eh_unit", "district": "North"},
    {"team_id": "FD", "name": "Front door", "kind": "front_door"},
]
POPULATION = [
    {"district": "North", "year": 2018, "population": 10_000},
    {"district": "North", "year": 2019, "population": 20_000},
    {"district": "South", "year": 2019, "population": 10_000},
]


def child(child_id: str, born: str = "2010-01-01", **extra: Any) -> dict[str, Any]:
    return {
        "child_id": child_id,
        "date_of_birth": born,
        "sex": "female",
        "uasc": False,
        **extra,
    }


def store(**tables: list[dict[str, Any]]) -> duckdb.DuckDBPyConnection:
    """A store holding the teams, the population and ``tables``."""
    con = open_store(":memory:")
    load_tables(con, {"teams": TEAMS, "population": POPULATION, **tables}, "test")
    return con


def figures(
    con: duckdb.DuckDBPyConnection,
    indicator: str,
    first: Month = MAY,
    last: Month = MAY,
) -> dict[tuple[str, str], Figure]:
    """The computed figures keyed by (period, area)."""
    computed = compute_figures(con, first, last, [indicator])
    return {(str(f.period), f.area): f for f in computed}


def value(
    found: dict[tuple[str, str], Figure], area: str = "", month: str = "2020-05"
) -> Any:
    figure = found[(month, area)]
    return None if figure.value is None else round(figure.value, 6)


def test_every_indicator_of_the_issue_has_a_measure() -> None:
    expected = (
        "SCS01 SCS02 SCS03 SCS08 SCS13 SCS18 SCS19 SCS29 SCS34 SCS37 SCS40 SCS42 "
        "SCS43 EH05-F EH16-F EH52-F EH71-C EH72-F FD01-C FD02-C FD03-C FD14-C "
        "SCS01-CP SCS01-CIC SCS01-CL"
    ).split()
    assert sorted(MEASURES) == sorted(expected)
    for measure in MEASURES.values():
        assert "Seed:" in measure.definition and "Reading:" in measure.definition


def referral(ref: str, child_id: str, day: str, team: str = "SW-N") -> dict[str, Any]:
    return {
        "referral_id": ref,
        "child_id": child_id,
        "referral_date": day,
        "source": "police",
        "outcome": "assessment",
        "team_id": team,
    }


def test_re_referral_exactly_12_months_later_counts_and_a_day_later_does_not() -> None:
    con = store(
        children=[child("A"), child("B"), child("E")],
        referrals=[
            referral("A1", "A", "2019-05-31"),
            referral("A2", "A", "2020-05-31"),  # 12 months to the day: re-referral
            referral("B1", "B", "2019-05-30"),
            referral("B2", "B", "2020-05-31"),  # 12 months and a day: not
            referral("E1", "E", "2019-12-01"),  # a first referral
        ],
    )
    found = figures(con, "SCS03", Month(2020, 4), MAY)

    # May 2020: A2, B2 and E1 are in the window; only A2 is a re-referral: 1/3.
    assert value(found) == pytest.approx(100 / 3)
    assert (found[("2020-05", "")].numerator, found[("2020-05", "")].denominator) == (
        1,
        3,
    )
    # April 2020: A1, B1 and E1 are in the window, none with a previous referral.
    assert value(found, month="2020-04") == 0
    # South has no referrals: no denominator, so no value, marked not available.
    assert found[("2020-05", "South")].value is None
    assert found[("2020-05", "South")].missing is Missing.NOT_AVAILABLE
    assert found[("2020-05", "South")].denominator == 0


def test_re_referral_across_a_leap_day() -> None:
    con = store(
        children=[child("L"), child("M"), child("N")],
        referrals=[
            referral("L1", "L", "2019-02-28"),
            referral("L2", "L", "2020-02-29"),  # anniversary of 2019-02-28 has passed
            referral("M1", "M", "2020-02-29"),
            referral("M2", "M", "2021-02-28"),  # 29 Feb's anniversary is 28 Feb: counts
            referral("N1", "N", "2020-02-29"),
            referral("N2", "N", "2021-03-01"),  # a day after it: does not
        ],
    )
    feb_2020 = figures(con, "SCS03", Month(2020, 2), Month(2020, 2))
    mar_2021 = figures(con, "SCS03", Month(2021, 3), Month(2021, 3))

    # Feb 2020 (2019-03-01 to 2020-02-29): L2, M1, N1, none within 12 months.
    assert value(feb_2020, month="2020-02") == 0
    # Mar 2021 (2020-04-01 to 2021-03-31): M2 counts, N2 does not: 1/2.
    assert value(mar_2021, month="2021-03") == 50


def test_referral_rate_uses_the_previous_years_population() -> None:
    con = store(
        children=[child("A"), child("B")],
        referrals=[
            referral("R1", "A", "2019-07-01"),
            referral("R2", "A", "2020-01-15"),
            referral("R3", "B", "2020-05-31"),
            referral("R4", "B", "2019-05-31"),  # before the May 2020 window
        ],
    )
    found = figures(con, "SCS02", Month(2019, 6), MAY)

    # May 2020 uses mid-2019: North 20,000, South 10,000, authority 30,000.
    # North: 3 referrals / 2.0 = 1.5; authority 3 / 3.0 = 1.0; South 0 / 1.0 = 0.
    assert value(found, "North") == 1.5
    assert value(found) == 1.0
    assert value(found, "South") == 0
    assert found[("2020-05", "")].denominator == 3.0
    # June 2019 uses mid-2018: North 10,000 (R4 only in window: 1 / 1.0); South has
    # no 2018 estimate, so no rate.
    assert value(found, "North", "2019-06") == 1.0
    assert value(found, "South", "2019-06") is None


def plan(
    plan_id: str, child_id: str, start: str, end: str | None = None
) -> dict[str, Any]:
    return {
        "plan_id": plan_id,
        "child_id": child_id,
        "team_id": "SW-N",
        "start_date": start,
        "end_date": end,
    }


def test_repeat_plans_count_a_plan_starting_the_day_the_last_ended() -> None:
    con = store(
        children=[child("P1"), child("P2"), child("P3")],
        cp_plans=[
            plan("a", "P1", "2018-01-01", "2019-07-01"),
            plan("b", "P1", "2019-07-01"),  # starts the day "a" ends: a second plan
            plan("c", "P2", "2019-08-01"),  # a first plan
            plan("d", "P3", "2019-05-31", "2019-09-30"),  # before the window
            plan("e", "P3", "2020-01-10", "2020-03-01"),  # a second plan
        ],
    )
    found = figures(con, "SCS13")

    # Started in the window: b (repeat), c (first), e (repeat): 2/3.
    assert value(found) == pytest.approx(200 / 3)
    assert value(found, "South") is None


def case(
    episode: str, child_id: str, start: str, end: str | None = None, team: str = "SW-N"
) -> dict[str, Any]:
    return {
        "episode_id": episode,
        "child_id": child_id,
        "team_id": team,
        "start_date": start,
        "end_date": end,
    }


def care(
    episode: str,
    child_id: str,
    start: str,
    end: str | None = None,
    reason: str = "S",
    placement: str = "U4",
    provider: str = "PR1",
    team: str = "CIC-N",
) -> dict[str, Any]:
    return {
        "episode_id": episode,
        "child_id": child_id,
        "team_id": team,
        "start_date": start,
        "end_date": end,
        "reason_new": reason,
        "placement_type": placement,
        "provider": provider,
        "legal_status": "C2",
        "reason_ceased": None,
    }


def test_open_cases_plans_children_in_care_and_care_leavers_at_month_end() -> None:
    con = store(
        children=[
            child("K1"),
            child("K2"),
            child("K3"),
            child("K4"),
            child("K5"),
            child("K6", "2002-01-15"),
            child("K7", "2006-01-01"),
            child("K8", "2002-03-01"),
        ],
        cin_episodes=[
            case("c1", "K1", "2020-01-01"),
            case("c1s", "K1", "2020-03-01", team="SW-S"),  # a second case, in South
            case("c2", "K2", "2020-01-01", "2020-05-31"),  # closes on the month end
            case("c3", "K3", "2020-05-31"),  # opens on the month end
            case("c4", "K4", "2020-06-01"),  # opens after it
            case("c5", "K5", "2019-01-01", team="CIC-N"),
            case("c6", "K6", "2018-01-15", team="CL-N"),
            case("c7", "K7", "2020-01-01", team="CL-N"),
            case("c8", "K8", "2019-06-01", team="CL-N"),
        ],
        cp_plans=[plan("p1", "K1", "2020-02-01")],
        care_episodes=[
            care("e5", "K5", "2019-01-01"),
            care(
                "e6", "K6", "2016-01-01", "2018-01-15"
            ),  # left care on the 18th birthday
            care("e7", "K7", "2016-01-01", "2020-01-01"),  # left care aged 14
            care("e8", "K8", "2018-01-01", "2019-06-01"),  # left at 17 ...
            care("e8b", "K8", "2020-05-01"),  # ... and came back into care
        ],
    )

    # Open cases at 2020-05-31: K1, K3, K5, K6, K7, K8; K2 closed on the day and K4
    # opens later. K1 is open in North and in South: once in each, once in all.
    open_cases = figures(con, "SCS01")
    assert value(open_cases) == 6
    assert value(open_cases, "North") == 6
    assert value(open_cases, "South") == 1
    assert open_cases[("2020-05", "")].denominator is None

    assert value(figures(con, "SCS01-CP")) == 1  # K1
    assert value(figures(con, "SCS01-CP"), "South") == 0  # zero where it counts
    assert value(figures(con, "SCS01-CIC")) == 2  # K5 and K8
    # Care leavers: K6 only. K7 left care before 16; K8 is looked after again.
    assert value(figures(con, "SCS01-CL")) == 1


def test_a_child_with_overlapping_cases_counts_once_at_each_month_end() -> None:
    con = store(
        children=[child("P"), child("Q"), child("R")],
        cin_episodes=[
            case("p1", "P", "2020-01-15", "2020-04-10"),  # open Jan to Mar
            case("p2", "P", "2020-02-01", "2020-03-05"),  # inside p1: Feb only
            case("p3", "P", "2020-04-10"),  # opens the day p1 closes: Apr on
            case("q1", "Q", "2020-03-01"),  # two rows the same: Mar on
            case("q2", "Q", "2020-03-01"),
            case("r1", "R", "2020-02-10", "2020-02-20"),  # open at no month end
            case("q3", "Q", "2019-01-01", "2020-01-01", team="SW-S"),  # 2019 only
        ],
    )
    found = figures(con, "SCS01", Month(2020, 1), Month(2020, 6))

    by_month = [value(found, "North", f"2020-{m:02d}") for m in range(1, 7)]
    assert by_month == [1, 1, 2, 2, 2, 2]
    assert [value(found, "", f"2020-{m:02d}") for m in range(1, 7)] == by_month
    assert [value(found, "South", f"2020-{m:02d}") for m in range(1, 7)] == [0] * 6


def test_the_month_a_child_turns_16_agrees_with_their_age_at_each_month_end() -> None:
    born = [
        date(2004, 5, 31),
        date(2004, 6, 1),
        date(2000, 2, 29),  # 2016 is a leap year: 16 on 29 February
        date(2084, 2, 29),  # 2100 is not: 16 on 1 March
        date(2003, 12, 31),
        date(2004, 1, 1),
    ]
    rows = []
    for birth in born:
        for shift in range(-3, 4):
            month = Month(birth.year + 16, birth.month).shift(shift)
            rows.append({"birth": birth, "day": date(month.year, month.month, 1)})
    table = ibis.memtable(
        pa.table(
            {
                "birth": pa.array([r["birth"] for r in rows], pa.date32()),
                "day": pa.array([r["day"] for r in rows], pa.date32()),
            }
        )
    )
    end = table.day.add(ibis.interval(months=1)).sub(ibis.interval(days=1))
    checked = (
        table.select(
            "birth",
            index=month_index(table.day),
            under_16=age_on(table.birth, end) < 16,
            turning=month_turning(table.birth, 16),
        )
        .to_pyarrow()
        .to_pylist()
    )

    for row in checked:
        assert row["under_16"] == (row["index"] < row["turning"]), row
    turning = {row["birth"]: row["turning"] for row in checked}
    assert turning[date(2000, 2, 29)] == Month(2016, 2).index
    assert turning[date(2084, 2, 29)] == Month(2100, 3).index
    assert turning[date(2004, 5, 31)] == Month(2020, 5).index


def missing(
    missing_id: str, child_id: str, start: str, end: str | None, interview: str | None
) -> dict[str, Any]:
    return {
        "missing_id": missing_id,
        "child_id": child_id,
        "start_date": start,
        "end_date": end,
        "interview_date": interview,
    }


def test_return_interviews_for_open_cases_of_children_under_18() -> None:
    con = store(
        children=[child("X", "2005-01-01"), child("Y", "2002-04-15"), child("Z")],
        cin_episodes=[
            case("x", "X", "2019-01-01"),
            case("y", "Y", "2019-01-01"),
            case("z", "Z", "2019-01-01", "2020-02-01"),
        ],
        missing_episodes=[
            missing("M1", "X", "2020-03-01", "2020-03-02", "2020-03-03"),
            missing("M2", "X", "2020-04-01", "2020-04-01", None),
            missing("M3", "Y", "2020-04-14", "2020-04-15", "2020-04-16"),  # aged 17
            missing("M4", "Y", "2020-04-15", "2020-04-16", None),  # 18 that day
            missing(
                "M5", "Z", "2020-02-01", "2020-02-02", None
            ),  # case closed that day
            missing("M6", "X", "2020-05-30", None, None),  # not back yet
        ],
    )
    found = figures(con, "SCS08")

    # In the measure: M1, M2, M3; with an interview: M1 and M3: 2/3.
    assert value(found) == pytest.approx(200 / 3)
    assert (found[("2020-05", "")].numerator, found[("2020-05", "")].denominator) == (
        2,
        3,
    )


def test_placement_stability_of_children_in_care_two_and_a_half_years() -> None:
    con = store(
        children=[
            child("S1"),
            child("S2"),
            child("S3"),
            child("S4", "2004-05-31"),
            child("S5", "2015-01-01"),
            child("S6"),
        ],
        care_episodes=[
            # In care 30 whole months at 2020-05-31; a legal change keeps the placement.
            care("s1", "S1", "2017-11-30", "2018-06-01"),
            care("s1b", "S1", "2018-06-01", reason="L"),
            # 29 whole months: not yet in the measure.
            care("s2", "S2", "2017-12-01"),
            # A new placement 23 months before: in the measure, not stable.
            care("s3", "S3", "2015-01-01", "2018-06-01"),
            care("s3b", "S3", "2018-06-01", reason="P"),
            # Turns 16 on the snapshot date: out of the measure.
            care("s4", "S4", "2015-01-01"),
            # Placed for adoption 17 months before, after a placement from 2017-01-01.
            care("s5", "S5", "2017-01-01", "2019-01-01"),
            care("s5b", "S5", "2019-01-01", reason="P", placement="A6"),
            # Moved with the same carer (T): the placement goes on.
            care("s6", "S6", "2016-01-01", "2019-01-01"),
            care("s6b", "S6", "2019-01-01", reason="T"),
        ],
    )
    found = figures(con, "SCS18")

    # Denominator S1, S3, S5, S6; stable S1, S5, S6: 3/4.
    assert value(found) == 75
    assert value(found, "South") is None


def test_in_house_fostering_excludes_uasc_and_other_placements() -> None:
    con = store(
        children=[child(f"F{n}") for n in range(1, 7) if n != 4]
        + [child("F4", uasc=True)],
        care_episodes=[
            care("f1", "F1", "2019-01-01", placement="U4", provider="PR1"),  # in-house
            care("f2", "F2", "2019-01-01", placement="U6", provider="PR4"),  # agency
            care("f3", "F3", "2019-01-01", placement="U1", provider="PR4"),  # relative
            care("f4", "F4", "2019-01-01", placement="U4", provider="PR1"),  # UASC
            care(
                "f5", "F5", "2019-01-01", placement="K2", provider="PR4"
            ),  # not foster
            care("f6", "F6", "2019-01-01", "2020-05-31"),  # left on the month end
        ],
    )
    # Fostered, not UASC, in care at the month end: F1, F2, F3; in-house or
    # relatives: F1, F3: 2/3.
    assert value(figures(con, "SCS19")) == pytest.approx(200 / 3)


def test_days_to_adoptive_family_for_adoptions_in_the_window() -> None:
    def adoption(n: str, entered: str, placed: str, adopted: str) -> dict[str, Any]:
        return {
            "adoption_id": n,
            "child_id": "D",
            "team_id": "CIC-N",
            "entered_care_date": entered,
            "placed_date": placed,
            "adoption_date": adopted,
        }

    con = store(
        children=[child("D")],
        adoptions=[
            adoption("1", "2018-01-01", "2018-12-01", "2019-06-01"),  # 334 days
            adoption("2", "2019-01-01", "2019-03-01", "2020-05-31"),  # 59 days
            adoption("3", "2019-12-01", "2020-03-01", "2020-05-01"),  # 31+31+29 = 91
            adoption("4", "2017-01-01", "2017-02-01", "2019-05-31"),  # before window
        ],
    )
    found = figures(con, "SCS29")

    # (334 + 59 + 91) / 3 = 161.33...
    assert value(found) == pytest.approx(484 / 3)
    assert found[("2020-05", "")].numerator == 484


def test_care_leavers_in_touch_in_the_four_month_window() -> None:
    def record(child_id: str, birthday: str, contact: str | None, activity: str | None,
               status: str = "former_relevant") -> dict[str, Any]:  # fmt: skip
        return {
            "child_id": child_id,
            "team_id": "CL-N",
            "birthday": birthday,
            "leaver_status": status,
            "contact_date": contact,
            "activity": activity,
        }

    con = store(
        children=[
            child("L1", "2002-03-15"),
            child("L2", "2001-01-10"),
            child("L3", "2000-02-01"),
            child("L4", "2002-04-30"),
            child("L5", "1998-05-01"),
            child("L6", "2001-09-09"),
        ],
        care_leaver_contacts=[
            record("L1", "2020-03-15", "2019-12-15", "education"),  # 3 months before
            record("L2", "2020-01-10", "2019-10-09", "employment"),  # a day more: out
            record("L3", "2020-02-01", "2020-03-01", "neet_other"),  # 1 month after
            record("L4", "2020-04-30", "2020-04-30", "training", "eligible"),
            record("L5", "2020-05-01", "2020-05-01", "training"),  # aged 22
            record("L6", "2019-09-09", None, None),  # not in touch
        ],
    )
    # In touch and in the measure: L1 (EET) and L3 (not): 1/2.
    assert value(figures(con, "SCS34")) == 50


def test_audits_graded_good_or_outstanding() -> None:
    def audit(n: str, day: str, grade: str, service: str = "scs") -> dict[str, Any]:
        return {
            "audit_id": n,
            "child_id": "A",
            "team_id": "SW-N",
            "service": service,
            "audit_date": day,
            "grade": grade,
        }

    con = store(
        children=[child("A")],
        audits=[
            audit("1", "2019-06-01", "good"),
            audit("2", "2020-05-31", "outstanding"),
            audit("3", "2020-01-01", "inadequate"),
            audit("4", "2020-01-01", "good", service="eh"),  # early help: not counted
            audit("5", "2019-05-31", "requires_improvement"),  # before the window
        ],
    )
    assert value(figures(con, "SCS37")) == pytest.approx(200 / 3)


def test_posts_held_by_permanent_qualified_workers_by_fte() -> None:
    def post(n: str, snapshot: str, fte: float, held: str, case_holding: bool = True):
        return {
            "snapshot_date": snapshot,
            "post_id": n,
            "team_id": "SW-N",
            "fte": fte,
            "case_holding": case_holding,
            "filled": held != "vacant",
            "qualified": held in ("permanent", "agency"),
            "permanent": held == "permanent",
        }

    con = store(
        posts=[
            post("1", "2020-05-15", 1.0, "permanent"),  # an earlier snapshot: ignored
            post("1", "2020-05-31", 1.0, "permanent"),
            post("2", "2020-05-31", 0.5, "agency"),
            post("3", "2020-05-31", 1.0, "vacant"),
            post("4", "2020-05-31", 1.0, "permanent", case_holding=False),
        ]
    )
    found = figures(con, "SCS40")

    # 1.0 FTE held permanently of 2.5 FTE case-holding: 40%.
    assert value(found) == 40
    assert found[("2020-05", "")].denominator == 2.5


def test_average_caseloads_of_district_teams() -> None:
    def load(worker: str, team: str, cases: int) -> dict[str, Any]:
        return {"snapshot_date": "2020-05-31", "worker_id": worker, "team_id": team,
                "cases": cases}  # fmt: skip

    con = store(
        caseloads=[
            load("a", "CIC-N", 12),
            load("b", "CIC-N", 15),
            load("c", "CIC-LA", 40),  # a county team, not district based
            load("d", "SW-N", 20),
            load("e", "SW-N", 18),
            load("f", "SW-N", 25),
        ]
    )
    assert value(figures(con, "SCS42")) == 13.5  # (12 + 15) / 2
    assert value(figures(con, "SCS43")) == 21  # (20 + 18 + 25) / 3
    assert value(figures(con, "SCS43"), "South") is None  # no workers: no average


def episode(
    n: str, family: str, start: str, end: str | None = None, outcome: str | None = None
) -> dict[str, Any]:
    return {
        "episode_id": n,
        "family_id": family,
        "team_id": "EH-N",
        "start_date": start,
        "end_date": end,
        "outcome": outcome,
    }


def families(*ids: str) -> list[dict[str, Any]]:
    return [{"family_id": family} for family in ids]


def test_open_early_help_families_at_month_end() -> None:
    con = store(
        families=families("f1", "f2", "f3"),
        eh_episodes=[
            episode("1", "f1", "2020-01-01"),
            episode("2", "f1", "2020-03-01"),  # a second open episode: one family
            episode("3", "f2", "2020-01-01", "2020-05-31", "other"),  # closed that day
            episode("4", "f3", "2020-05-31"),
        ],
    )
    found = figures(con, "EH05-F")
    assert value(found) == 2  # f1 and f3
    assert value(found, "South") == 0


def test_early_help_came_back_within_3_months_with_a_3_month_lag() -> None:
    con = store(
        families=families("f1", "f2", "f3", "f4", "f5"),
        children=[child("c2", family_id="f2"), child("c3", family_id="f3")],
        eh_episodes=[
            episode("E1", "f1", "2019-06-01", "2019-11-30", "outcomes_achieved"),
            episode("E2", "f1", "2020-02-29"),  # 3 months after E1: came back
            episode("E3", "f2", "2019-06-01", "2019-10-15", "outcomes_achieved"),
            episode("E4", "f3", "2019-06-01", "2020-01-10", "outcomes_achieved"),
            episode("E5", "f4", "2019-06-01", "2020-03-01", "outcomes_achieved"),
            episode("E6", "f5", "2019-06-01", "2019-12-01", "disengaged"),
        ],
        referrals=[
            referral("R2", "c2", "2020-01-16"),  # 3 months and a day after E3: not
            referral("R3", "c3", "2020-01-10"),  # the day E4 closed: came back
        ],
    )
    found = figures(con, "EH16-F")

    # May 2020 looks at closures from 2019-03-01 to 2020-02-29 with outcomes
    # achieved: E1, E3, E4 (E5 closes in March, E6 is not achieved, E2 is open).
    # Came back: E1 and E4: 2/3.
    assert value(found) == pytest.approx(200 / 3)
    assert (found[("2020-05", "")].numerator, found[("2020-05", "")].denominator) == (
        2,
        3,
    )


def test_working_days_skip_christmas_and_easter_bank_holidays() -> None:
    calendar = working_day_calendar(date(2019, 11, 1), date(2020, 4, 30))
    number = {
        row["day"]: row["working_day"] for row in calendar.to_pyarrow().to_pylist()
    }

    def working_days(start: str, end: str) -> int:
        return int(number[date.fromisoformat(end)] - number[date.fromisoformat(start)])

    # 3 Dec to 14 Jan: 19 days in December (25 and 26 are holidays), 9 in January
    # (the 1st is a holiday): 28.
    assert working_days("2019-12-02", "2020-01-14") == 28
    # 3 Mar to 14 Apr: 21 in March, 8 in April (Good Friday 10, Easter Monday 13).
    assert working_days("2020-03-02", "2020-04-14") == 29
    # From a Saturday: the days after it, as from the Friday before.
    assert working_days("2019-11-30", "2019-12-02") == 1


def test_early_help_assessments_within_30_working_days() -> None:
    def assessment(n: str, allocated: str, completed: str | None) -> dict[str, Any]:
        return {
            "assessment_id": n,
            "family_id": "f1",
            "team_id": "EH-N",
            "allocated_date": allocated,
            "completed_date": completed,
        }

    con = store(
        families=families("f1"),
        eh_assessments=[
            assessment("1", "2019-12-02", "2020-01-14"),  # 28 working days: in time
            assessment("2", "2019-11-25", "2020-01-14"),  # 4 + 1 + 28 = 33: late
            assessment("3", "2020-03-02", "2020-04-14"),  # 29 over Easter: in time
            assessment("4", "2020-03-02", "2020-04-16"),  # 29 + 2 = 31: late
            assessment("5", "2020-03-02", None),  # not completed
        ],
    )
    found = figures(con, "EH52-F", Month(2020, 1), Month(2020, 4))

    assert value(found, month="2020-01") == 50
    assert value(found, month="2020-04") == 50
    assert value(found, month="2020-02") is None  # none completed in February


def test_early_help_referral_rate_counts_children_under_18() -> None:
    con = store(
        families=families("f1"),
        children=[
            child("a", "2010-01-01", family_id="f1"),
            child("b", "2001-08-02", family_id="f1"),  # 17 at the start: counts
            child("c", "2001-08-01", family_id="f1"),  # 18 that day: does not
            child("d", "2019-09-01", family_id="f1"),  # born after the start
        ],
        eh_episodes=[episode("1", "f1", "2019-08-01")],
    )
    # 2 children / (20,000 / 10,000) = 1.0 in North; 2 / 3.0 for the authority.
    found = figures(con, "EH71-C")
    assert value(found, "North") == 1.0
    assert value(found) == pytest.approx(2 / 3)


def test_early_help_re_referrals_compare_previous_end_with_new_start() -> None:
    con = store(
        families=families("f1", "f2", "f3", "f4"),
        eh_episodes=[
            episode("1a", "f1", "2019-01-01", "2019-05-31", "other"),
            episode("1b", "f1", "2020-05-31"),  # 12 months to the day after 1a ended
            episode("2a", "f2", "2019-01-01", "2019-05-30", "other"),
            episode("2b", "f2", "2020-05-31"),  # 12 months and a day: not
            episode("3a", "f3", "2019-01-01"),  # still open ...
            episode("3b", "f3", "2020-01-01"),  # ... so this is not a re-referral
            episode("4a", "f4", "2019-07-01"),  # a first episode
        ],
    )
    # Started in the window: 1b, 2b, 3b, 4a; re-referral: 1b: 25%.
    assert value(figures(con, "EH72-F")) == 25


def test_front_door_counts_by_outcome_for_the_authority_only() -> None:
    def contact(n: str, day: str, outcome: str) -> dict[str, Any]:
        return {
            "contact_id": n,
            "child_id": "A",
            "contact_date": day,
            "outcome": outcome,
        }

    con = store(
        children=[child("A")],
        front_door_contacts=[
            contact("1", "2020-05-01", "Threshold met for CSWS"),
            contact("2", "2020-05-31", "Proceed to Early Help Unit"),
            contact("3", "2020-05-15", "Information, Advice & Guidance"),
            contact("4", "2020-05-15", "No further action"),
            contact("5", "2020-04-30", "Information, Advice & Guidance"),
        ],
    )
    counts = {i: figures(con, i) for i in ("FD01-C", "FD02-C", "FD03-C", "FD14-C")}

    assert {i: value(found) for i, found in counts.items()} == {
        "FD01-C": 4,
        "FD02-C": 1,
        "FD03-C": 1,
        "FD14-C": 1,
    }
    assert set(counts["FD01-C"]) == {("2020-05", "")}  # no district split


def test_every_measure_gives_every_month_and_area_on_empty_records() -> None:
    con = store()
    computed = compute_figures(con, Month(2020, 4), MAY)

    for measure in MEASURES.values():
        mine = [f for f in computed if f.indicator == measure.id]
        areas = 3 if measure.district_split else 1
        assert len(mine) == 2 * areas
        for figure in mine:
            if measure.kind in (Kind.COUNT, Kind.RATE):
                assert figure.value == 0  # a rate's denominator is the population
            else:
                assert figure.value is None and figure.missing is Missing.NOT_AVAILABLE


def test_computed_figures_round_trip_through_the_store() -> None:
    con = store(children=[child("A")], referrals=[referral("R1", "A", "2020-05-01")])
    computed = compute_figures(con, MAY, MAY, ["SCS02", "SCS03"])

    save_figures(con, computed, source="records")
    again = save_figures(con, computed, source="records")  # same values: no change
    assert again.changed == 0
    stored = {f.key: f for f in load_figures(con)}

    assert len(stored) == len(computed) == 6
    assert stored[("SCS03", "2020-05", "North")].value == 0
    assert stored[("SCS03", "2020-05", "South")].missing is Missing.NOT_AVAILABLE
