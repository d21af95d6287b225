"""Children's social work measures: SCS01 to SCS43.

Each docstring gives the seed's definition, then our reading of it. The
methodology page ``docs/measures.md`` says the same at more length, with the
edges worked through.
"""

from __future__ import annotations

import ibis
import ibis.expr.types as ir

from scorecards.measures.base import (
    Context,
    Kind,
    age_on,
    count_by_month,
    count_spans,
    counted,
    distinct_spans,
    larger,
    measure,
    month_index,
    month_of,
    month_turning,
    open_at,
    open_spans,
    population_per_10000,
    rolling,
    smaller,
    spread,
    within_months,
)
from scorecards.records.schema import (
    FOSTER_OTHER,
    FOSTER_RELATIVE,
    IN_EET,
    PLACED_FOR_ADOPTION,
    AuditGrade,
    LeaverStatus,
    Provider,
    ReasonNew,
    Service,
    TeamKind,
)

# Episodes that start with a new carer; the others keep the placement going.
NEW_CARER = (ReasonNew.STARTED, ReasonNew.PLACEMENT, ReasonNew.BOTH)


def _open_children(ctx: Context, name: str) -> ir.Table:
    """``numerator``: children with a row of ``name`` open at each month end,
    once each in an area however many rows they have open there."""
    records = ctx.located(name).select("district", "child_id", "start_date", "end_date")
    spans = spread(open_spans(ctx, records), ctx.district_split)
    return count_spans(ctx, distinct_spans(spans, "child_id"))


@measure("SCS01", "Number of open Social Work cases", Kind.COUNT)
def open_cases(ctx: Context) -> ir.Table:
    """Children with an open social work case at the end of the month.

    Seed: "The total caseload figures for Children's Social Work Services."

    Reading: the children with a ``cin_episodes`` row open at the end of the
    month (started on or before the month end, with no end date or one after
    it), counted once each. Children on a plan, in care or leaving care hold
    such a case too, so they are included. A child with open cases in two
    districts counts once in each and once for the authority.
    """
    return _open_children(ctx, "cin_episodes")


@measure("SCS01-CP", "Number of Child Protection cases", Kind.COUNT)
def open_plans(ctx: Context) -> ir.Table:
    """Children on a child protection plan at the end of the month.

    Seed: "The number of Children who have a Child Protection Plan as at the end
    of the corresponding reporting month."

    Reading: children with a ``cp_plans`` row open at the month end, once each,
    in the district of the plan's team.
    """
    return _open_children(ctx, "cp_plans")


@measure("SCS01-CIC", "Number of Children in Care", Kind.COUNT)
def children_in_care(ctx: Context) -> ir.Table:
    """Children looked after at the end of the month.

    Seed: "The number of Children in Care as at the end of the corresponding
    reporting month."

    Reading: children with a ``care_episodes`` row open at the month end, in the
    district of that episode's team. An episode that ends on the month's last
    day is not open at its end.
    """
    return _open_children(ctx, "care_episodes")


@measure("SCS01-CL", "Number of Care Leavers", Kind.COUNT)
def care_leavers(ctx: Context) -> ir.Table:
    """Care leavers with an open case at the end of the month.

    Seed: "The number of Care Leavers as at the end of the corresponding
    reporting month."

    Reading: children with an open social work case at the month end who are
    not looked after then and whose care ended, before the month end, on or
    after their 16th birthday. The statutory 13-week qualifying period is not
    checked; the open case stands for the council still supporting them.
    """
    children = ctx.table("children")
    care = ctx.table("care_episodes")
    left_care = care.join(children, "child_id")
    left_care = left_care.filter(
        left_care.end_date.notnull(),
        age_on(left_care.date_of_birth, left_care.end_date) >= 16,
    )
    # Only children who have left care at 16 or over can be care leavers: taking
    # them first keeps the join of month ends to open rows small.
    left_care = left_care.group_by("child_id").agg(left_date=left_care.end_date.min())

    months = ctx.months
    cases = ctx.located("cin_episodes").join(left_care, "child_id")
    cases = months.join(
        cases,
        open_at(cases.start_date, cases.end_date, months.month_end)
        & (cases.left_date <= months.month_end),
    ).select("month", "district", "child_id")
    in_care = care.semi_join(left_care, "child_id")
    in_care = months.join(
        in_care, open_at(in_care.start_date, in_care.end_date, months.month_end)
    ).select(care_month="month", care_child="child_id")
    leavers = cases.anti_join(
        in_care,
        [cases.month == in_care.care_month, cases.child_id == in_care.care_child],
    )
    events = spread(leavers.select("month", "district", "child_id"), ctx.district_split)
    return count_by_month(events, key="child_id")


@measure("SCS02", "Rate of referrals to CSWS per 10,000 aged 0-17 (R12M)", Kind.RATE)
def referral_rate(ctx: Context) -> ir.Table:
    """Referrals in the rolling 12 months per 10,000 children aged 0-17.

    Seed: "Numerator: Number of referrals (rolling 12 month period). Denominator:
    child population figure divided by 10,000 (Population figures are updated
    upon receipt of the latest ONS Mid Year Estimates)."

    Reading: referrals received in the 12 months ending with the month (every
    referral, not every child), in the district of the referral's team, over the
    latest mid-year estimate for a year before the month's year.
    """
    referrals = ctx.located("referrals")
    events = referrals.select(
        "district",
        month=month_of(referrals.referral_date),
        numerator=ibis.literal(1),
        denominator=ibis.literal(0),
    )
    counts = rolling(ctx, spread(events, ctx.district_split))
    population = population_per_10000(ctx, ctx.months)
    return counts.select("month", "area", "numerator").left_join(
        population, ["month", "area"]
    )


@measure(
    "SCS03", "Percentage re-referrals to CSWS within 12 months (R12M)", Kind.PERCENT
)
def re_referrals(ctx: Context) -> ir.Table:
    """Referrals in the rolling 12 months that came within 12 months of the last.

    Seed: "The percentage of referrals to SCS in the last 12 months where the
    previous referral date (if any) is within 12 months of the new referral date."

    Reading: the denominator is the referrals received in the 12 months ending
    with the month; the numerator those whose child's previous referral (the
    latest earlier one, of any team, however long ago; on the same day, the one
    with the lower id) fell within 12 months before. Within 12 months is by the
    calendar and inclusive: after a referral on 2019-05-31 a new one on
    2020-05-31 counts, after one on 2019-05-30 it does not; the anniversary of
    29 February is 28 February.
    """
    referrals = ctx.located("referrals")
    order = ibis.window(
        group_by="child_id", order_by=[referrals.referral_date, referrals.referral_id]
    )
    referrals = referrals.mutate(previous=referrals.referral_date.lag().over(order))
    again = referrals.previous.notnull() & within_months(
        referrals.previous, referrals.referral_date, 12
    )
    events = referrals.select(
        "district",
        month=month_of(referrals.referral_date),
        numerator=counted(again),
        denominator=ibis.literal(1),
    )
    return rolling(ctx, spread(events, ctx.district_split))


@measure("SCS08", "Percentage of Returner Interviews completed (R12M)", Kind.PERCENT)
def return_interviews(ctx: Context) -> ir.Table:
    """Returns from missing in the rolling 12 months that had a return interview.

    Seed: "The percentage of returner interviews completed in the last 12 months
    where the case was open to SCS at the point the child went missing and the
    child was aged under 18 at the point of going missing."

    Reading: the denominator is the missing episodes whose return (end date)
    falls in the 12 months ending with the month, where the child was under 18
    on the day they went missing and had a social work case open at the end of
    that day; the numerator those with a return interview date. The district is
    that of the team holding the open case. An interview recorded after the
    month end still counts: a recomputed month uses what the records say now.
    """
    missing = ctx.table("missing_episodes").join(ctx.table("children"), "child_id")
    missing = missing.filter(
        missing.end_date.notnull(),
        age_on(missing.date_of_birth, missing.start_date) < 18,
    )
    cases = ctx.located("cin_episodes").select(
        "district", case_child="child_id", case_start="start_date", case_end="end_date"
    )
    held = missing.join(
        cases,
        [
            missing.child_id == cases.case_child,
            open_at(cases.case_start, cases.case_end, missing.start_date),
        ],
    )
    events = held.select(
        "missing_id",
        "district",
        month=month_of(held.end_date),
        numerator=counted(held.interview_date.notnull()),
        denominator=ibis.literal(1),
    )
    # A child with cases open in two teams of one district counts once there.
    events = spread(events, ctx.district_split).drop("district").distinct()
    return rolling(ctx, events)


@measure(
    "SCS13",
    "Percentage of children subject to a CP plan for the second or subsequent time",
    Kind.PERCENT,
)
def repeat_plans(ctx: Context) -> ir.Table:
    """Plans started in the rolling 12 months for children who had one before.

    Seed: "The percentage of children who become subject to a Child Protection
    Plan during the last 12 months who have been subject to a previous plan."

    Reading: every plan that started in the 12 months ending with the month
    counts once in the denominator (a child starting two plans counts twice); it
    is in the numerator when the child has an earlier plan, however long ago.
    A plan that starts on the day the previous one ends is a second plan.
    """
    plans = ctx.located("cp_plans")
    order = ibis.window(group_by="child_id", order_by=[plans.start_date, plans.plan_id])
    plans = plans.mutate(previous=plans.start_date.lag().over(order))
    events = plans.select(
        "district",
        month=month_of(plans.start_date),
        numerator=counted(plans.previous.notnull()),
        denominator=ibis.literal(1),
    )
    return rolling(ctx, spread(events, ctx.district_split))


@measure(
    "SCS18",
    "Children in Care in same placement for the last two years (in care 2.5+ years)",
    Kind.PERCENT,
)
def placement_stability(ctx: Context) -> ir.Table:
    """Long-term placement stability at the month end.

    Seed: "The percentage of Children in Care aged under 16 at the snapshot date
    who had been looked after continuously for at least 2.5 years who were living
    in the same placement for at least 2 years, or are placed for adoption and
    their adoptive placement together with their previous placement together
    last for at least 2 years."

    Reading: the denominator is the children in care at the month end, aged
    under 16 then, whose current period of care (from the latest episode with
    reason ``S`` starting no later than the episode open then) began at least 30
    whole months before; the numerator those whose current placement (from the
    latest such episode that brought a new carer: reason ``S``, ``P`` or ``B``;
    changes of legal status, or of placement with the same carer, do not end
    it) began at least 24 whole months before, or who
    are placed for adoption (``A3`` to ``A6``) and whose placement before the
    adoptive one began at least 24 whole months before. At a month end the whole
    months since a date are the difference of month numbers, so a child who came
    into care on 2017-11-30 has 2.5 years on 2020-05-31 and one who came on
    2017-12-01 does not. Each care episode open at the month end is read on its
    own: a child with two episodes open at once, or one inside another (which
    the SSDA903 cleaning rules do not let through), counts once for each, from
    the episodes that started by its own start.
    """
    care = ctx.located("care_episodes").select(
        "episode_id", "child_id", "district", "start_date", "end_date", "placement_type"
    )
    care = care.join(
        ctx.table("children").select("child_id", "date_of_birth"), "child_id"
    )
    care = open_spans(ctx, care.join(_placement_starts(ctx), "episode_id"))

    # In the measure from the month that completes 30 months in care to the
    # last before the 16th birthday's, while the episode is open.
    first = larger(care.lo, month_index(care.care_start) + 30)
    last = smaller(care.hi, month_turning(care.date_of_birth, 16) - 1)
    adoptive = care.placement_type.isin([str(p) for p in PLACED_FOR_ADOPTION])
    placed = ibis.ifelse(
        adoptive,
        ibis.coalesce(care.previous_start, care.placement_start),
        care.placement_start,
    )
    # Stable from the month that completes 24 months in the placement.
    stable = larger(first, month_index(placed) + 24)

    spans = care.select("district", lo=first, hi=last, stable=stable)
    spans = spread(spans, ctx.district_split)
    columns = {"numerator": ("stable", "hi"), "denominator": ("lo", "hi")}
    return count_spans(ctx, spans, columns)


def _placement_starts(ctx: Context) -> ir.Table:
    """Each care episode's ``episode_id`` with the start of its period of care and
    of its placement as :func:`placement_stability` reads them.

    ``care_start`` is the latest start of an episode with reason ``S`` on or
    before the episode's own start; ``placement_start`` the latest start of an
    episode that brought a new carer since then; ``previous_start`` the one
    before that, if any. These depend on the episode only, not on the month, so
    they are worked out once per episode rather than once per month it is open.
    """
    episodes = ctx.table("care_episodes")
    own = episodes.select("episode_id", "child_id", own_start="start_date")
    earlier = episodes.select(
        ep_child="child_id", ep_start="start_date", ep_reason="reason_new"
    )
    history = own.join(
        earlier,
        [own.child_id == earlier.ep_child, earlier.ep_start <= own.own_start],
    )
    care_start = history.filter(history.ep_reason == str(ReasonNew.STARTED))
    care_start = care_start.group_by("episode_id").agg(
        care_start=care_start.ep_start.max()
    )

    carers = history.join(care_start, "episode_id")
    carers = carers.filter(
        carers.ep_reason.isin([str(r) for r in NEW_CARER]),
        carers.ep_start >= carers.care_start,
    )
    rank = ibis.window(group_by="episode_id", order_by=ibis.desc("ep_start"))
    carers = carers.mutate(rank=ibis.row_number().over(rank))
    return carers.group_by("episode_id").agg(
        care_start=carers.care_start.max(),
        placement_start=carers.ep_start.max(),
        # row_number counts from 0: rank 1 is the placement before the latest.
        previous_start=carers.ep_start.max(where=carers.rank == 1),
    )


@measure(
    "SCS19",
    "Percentage of CIC Foster Care in KCC Foster Care/Rel & Friends (exc UASC)",
    Kind.PERCENT,
)
def in_house_fostering(ctx: Context) -> ir.Table:
    """Fostered children placed with the council's own or family and friends carers.

    Seed: "The percentage of Kent Children in Care at the snapshot date who are
    in Foster Care and are placed with KCC Foster Carers or with Relatives and
    Friends. UASC are excluded"

    Reading: the denominator is the children in care at the month end, not
    unaccompanied asylum seekers, whose current placement is foster care
    (``U1`` to ``U6``); the numerator those placed with relatives or friends
    (``U1`` to ``U3``, whoever provides it) or with the council's own carers
    (provider ``PR1``). Episodes are counted: a child with two open at once
    (which the SSDA903 cleaning rules do not let through) counts twice.
    """
    care = ctx.located("care_episodes")
    care = care.join(ctx.table("children").select("child_id", "uasc"), "child_id")
    fostered = care.filter(
        ~care.uasc,
        care.placement_type.isin([str(p) for p in FOSTER_RELATIVE + FOSTER_OTHER]),
    )
    in_house = fostered.placement_type.isin([str(p) for p in FOSTER_RELATIVE]) | (
        fostered.provider == str(Provider.OWN_PROVISION)
    )
    fostered = fostered.select(
        "district", "start_date", "end_date", in_house=counted(in_house)
    )
    spans = open_spans(ctx, fostered)
    # Placed in house: counted in the numerator over the same months.
    spans = spans.mutate(
        last_in_house=ibis.ifelse(spans.in_house == 1, spans.hi, ibis.null("int64"))
    )
    spans = spread(spans, ctx.district_split)
    columns = {"numerator": ("lo", "last_in_house"), "denominator": ("lo", "hi")}
    return count_spans(ctx, spans, columns)


@measure(
    "SCS29",
    "Average days between entering care and moving in with an adoptive family",
    Kind.AVERAGE,
)
def days_to_adoptive_family(ctx: Context) -> ir.Table:
    """Average days from entering care to moving in with the adopters (R12M).

    Seed: "The average number of days between becoming a Looked After Child and
    moving in with Adoptive Family (for children who have been Adopted in the last
    12 months)"

    Reading: children whose adoption order is dated in the 12 months ending with
    the month; the numerator is the total of days from ``entered_care_date`` to
    ``placed_date``, the denominator the number of children.
    """
    adoptions = ctx.located("adoptions")
    events = adoptions.select(
        "district",
        month=month_of(adoptions.adoption_date),
        numerator=adoptions.placed_date.delta(adoptions.entered_care_date, unit="day"),
        denominator=ibis.literal(1),
    )
    return rolling(ctx, spread(events, ctx.district_split))


@measure(
    "SCS34",
    "Percentage of care leavers in education, employment or training (in touch)",
    Kind.PERCENT,
)
def care_leavers_in_eet(ctx: Context) -> ir.Table:
    """Care leavers in touch around a birthday who were in EET (R12M).

    Seed: "The percentage of relevant and former relevant care leavers who we
    were in contact with in a 4 month window around their birthday who were aged
    17, 18, 19, 20 or 21 and were in education, employment or training."

    Reading: records of birthdays in the 12 months ending with the month, of
    relevant or former relevant care leavers turning 17 to 21 then. A care leaver
    is in touch when the contact date falls from 3 months before the birthday to
    1 month after it (both ends inclusive: the contact is at most 3 months before,
    counted from the contact, and at most 1 month after, counted from the
    birthday). The denominator is those in touch, the numerator those whose
    activity is education, training or employment.
    """
    records = ctx.located("care_leaver_contacts").join(
        ctx.table("children"), "child_id"
    )
    age = age_on(records.date_of_birth, records.birthday)
    records = records.filter(
        records.leaver_status.isin(
            [str(LeaverStatus.RELEVANT), str(LeaverStatus.FORMER_RELEVANT)]
        ),
        age.between(17, 21),
        records.contact_date.notnull(),
    )
    contact, birthday = records.contact_date, records.birthday
    in_touch = ((contact <= birthday) & within_months(contact, birthday, 3)) | (
        (contact >= birthday) & within_months(birthday, contact, 1)
    )
    records = records.filter(in_touch)
    events = records.select(
        "district",
        month=month_of(records.birthday),
        numerator=counted(records.activity.isin([str(a) for a in IN_EET])),
        denominator=ibis.literal(1),
    )
    return rolling(ctx, spread(events, ctx.district_split))


@measure(
    "SCS37", "Percentage of Case File Audits graded good or outstanding", Kind.PERCENT
)
def good_audits(ctx: Context) -> ir.Table:
    """Social work case file audits graded good or outstanding (R12M).

    Seed: "The percentage of all completed case audits in the last 12 months where
    the overall grading was good or outstanding"

    Reading: audits of the social work service (``service`` ``scs``) completed in
    the 12 months ending with the month, in the district of the audited team.
    """
    audits = ctx.located("audits")
    audits = audits.filter(audits.service == str(Service.SOCIAL_WORK))
    good = audits.grade.isin([str(AuditGrade.GOOD), str(AuditGrade.OUTSTANDING)])
    events = audits.select(
        "district",
        month=month_of(audits.audit_date),
        numerator=counted(good),
        denominator=ibis.literal(1),
    )
    return rolling(ctx, spread(events, ctx.district_split))


def latest_snapshot(ctx: Context, name: str) -> ir.Table:
    """Rows of the latest snapshot dated in each month, with ``month`` and district."""
    rows = ctx.located(name)
    rows = rows.mutate(month=month_of(rows.snapshot_date))
    latest = rows.group_by("month").agg(latest=rows.snapshot_date.max())
    return rows.join(
        latest, [rows.month == latest.month, rows.snapshot_date == latest.latest]
    )


@measure(
    "SCS40",
    "Percentage of case holding posts filled by permanent qualified social workers",
    Kind.PERCENT,
)
def permanent_qualified_posts(ctx: Context) -> ir.Table:
    """Case-holding posts held by permanent qualified social workers, by FTE.

    Seed: "The percentage of case holding posts (FTE) at the snapshot date which
    are held by qualified social workers employed by Kent County Council."

    Reading: the latest ``posts`` snapshot dated in the month; the denominator is
    the FTE of case-holding posts, vacant ones included, the numerator the FTE of
    those filled by a qualified social worker who is a permanent employee.
    """
    posts = latest_snapshot(ctx, "posts")
    posts = posts.filter(posts.case_holding)
    held = posts.filled & posts.qualified & posts.permanent
    events = spread(
        posts.select(
            "month",
            "district",
            numerator=ibis.ifelse(held, posts.fte, 0.0),
            denominator=posts.fte,
        ),
        ctx.district_split,
    )
    return events.group_by(["month", "area"]).agg(
        numerator=events.numerator.sum(), denominator=events.denominator.sum()
    )


def _average_caseload(ctx: Context, kind: TeamKind) -> ir.Table:
    caseloads = latest_snapshot(ctx, "caseloads")
    caseloads = caseloads.filter(
        caseloads.team_kind == str(kind), caseloads.district.notnull()
    )
    events = spread(
        caseloads.select(
            "month", "district", numerator="cases", denominator=ibis.literal(1)
        ),
        ctx.district_split,
    )
    return events.group_by(["month", "area"]).agg(
        numerator=events.numerator.sum(), denominator=events.denominator.sum()
    )


@measure("SCS42", "Average caseloads in the CIC Teams", Kind.AVERAGE)
def cic_caseloads(ctx: Context) -> ir.Table:
    """Average caseload of social workers in district Children in Care teams.

    Seed: "The average caseload of social workers within district based CIC Teams
    at the snapshot date."

    Reading: the latest ``caseloads`` snapshot dated in the month, workers of
    teams of kind ``cic`` that serve a district; the numerator is their cases,
    the denominator the number of workers (each counts once, whatever the FTE).
    """
    return _average_caseload(ctx, TeamKind.CIC)


@measure("SCS43", "Average caseloads in the CSWT Teams", Kind.AVERAGE)
def cswt_caseloads(ctx: Context) -> ir.Table:
    """Average caseload of social workers in district Children's Social Work Teams.

    Seed: "The average caseload of social workers within the district based
    Children's Social Work Teams (CSWTs) at the snapshot date."

    Reading: as SCS42, for teams of kind ``cswt``.
    """
    return _average_caseload(ctx, TeamKind.CSWT)
