"""Early help and front door measures: EH05-F to EH72-F and FD01-C to FD14-C.

"-F" measures count families, "-C" measures count children, as the seed's codes
do. The front door counts have no district split.
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
    measure,
    month_of,
    open_spans,
    population_per_10000,
    rolling,
    spread,
    within_months,
)
from scorecards.records.schema import ContactOutcome, EhOutcome

WORKING_DAYS = 30  # the seed's "6 weeks" is 30 working days


@measure("EH05-F", "Number of cases open to Early Help Units", Kind.COUNT)
def open_units(ctx: Context) -> ir.Table:
    """Families with an early help unit episode open at the end of the month.

    Seed: "The number of open cases as at the end of the corresponding reporting
    month. The data includes all cases sent to units at Early Help Record stage
    prior to the end of the month. This is a family level indicator."

    Reading: families with an ``eh_episodes`` row open at the month end, once
    each, in the district of the unit.
    """
    episodes = ctx.located("eh_episodes").select(
        "district", "family_id", "start_date", "end_date"
    )
    spans = spread(open_spans(ctx, episodes), ctx.district_split)
    return count_spans(ctx, distinct_spans(spans, "family_id"))


@measure(
    "EH16-F",
    "Percentage of EH cases closed with outcomes achieved that come back in 3 mths",
    Kind.PERCENT,
    lag=3,
)
def came_back(ctx: Context) -> ir.Table:
    """Early help closures with outcomes achieved followed within 3 months by more work.

    Seed: "The percentage of EH cases that have been closed with an outcome of
    "outcomes achieved" and then came back into either EH or CSWS in the next 3
    months. Please note that there is a 3 month time lag on this data so the
    result shown for May 2020 is actually looking at all EH Closures in the 12
    months up to February 2020."

    Reading: the denominator is the unit episodes closed with outcome
    ``outcomes_achieved`` in the 12 months ending three months before the month
    (the measure's lag); the numerator those after which, on or after the
    closing day and within 3 months of it, the family started another unit
    episode or one of its children was referred to social work.
    """
    episodes = ctx.located("eh_episodes")
    closed = episodes.filter(
        episodes.outcome == str(EhOutcome.OUTCOMES_ACHIEVED),
        episodes.end_date.notnull(),
    ).select("episode_id", "family_id", "district", "end_date")

    later = ctx.table("eh_episodes").select(
        later_id="episode_id", later_family="family_id", later_start="start_date"
    )
    back_to_units = closed.join(
        later,
        [
            later.later_family == closed.family_id,
            later.later_id != closed.episode_id,
            later.later_start >= closed.end_date,
            within_months(closed.end_date, later.later_start, 3),
        ],
    ).select("episode_id")

    children = ctx.table("children").select("child_id", child_family="family_id")
    referrals = ctx.table("referrals").join(children, "child_id")
    referrals = referrals.select("child_family", "referral_date")
    back_to_social_work = closed.join(
        referrals,
        [
            referrals.child_family == closed.family_id,
            referrals.referral_date >= closed.end_date,
            within_months(closed.end_date, referrals.referral_date, 3),
        ],
    ).select("episode_id")

    returned = back_to_units.union(back_to_social_work).distinct()
    events = closed.select(
        "district",
        month=month_of(closed.end_date),
        numerator=counted(closed.episode_id.isin(returned.episode_id)),
        denominator=ibis.literal(1),
    )
    return rolling(ctx, spread(events, ctx.district_split))


@measure(
    "EH52-F",
    "Percentage of EH Assessments completed within 30 working days of allocation",
    Kind.PERCENT,
)
def timely_assessments(ctx: Context) -> ir.Table:
    """Early help assessments completed in the month, and within 30 working days.

    Seed: "The percentage of assessments completed in the reporting month, where
    the assessment was completed within 30 working days of allocation."

    Reading: the denominator is the assessments completed in the month; the
    numerator those with at most 30 working days after the allocation day up to
    and including the completion day. Working days are weekdays other than
    bank holidays in England and Wales (from the ``holidays`` package).
    """
    assessments = ctx.located("eh_assessments")
    assessments = assessments.filter(assessments.completed_date.notnull())
    calendar = ctx.working_days
    done = calendar.select(completed_date="day", done_day="working_day")
    given = calendar.select(allocated_date="day", given_day="working_day")
    timed = assessments.left_join(done, "completed_date").left_join(
        given, "allocated_date"
    )
    # A day outside the calendar gives null, which counted() takes as not in time.
    in_time = timed.done_day - timed.given_day <= WORKING_DAYS
    events = timed.select(
        "district",
        month=month_of(timed.completed_date),
        numerator=counted(in_time),
        denominator=ibis.literal(1),
    )
    events = spread(events, ctx.district_split)
    return events.group_by(["month", "area"]).agg(
        numerator=events.numerator.sum(), denominator=events.denominator.sum()
    )


@measure(
    "EH71-C",
    "Rate of notifications into Early Help per 10,000 aged 0-17 (R12M)",
    Kind.RATE,
)
def unit_referral_rate(ctx: Context) -> ir.Table:
    """Children in referrals to an early help unit, rolling 12 months, per 10,000.

    Seed: "The total number of referrals to an Early Help Unit completed during
    the corresponding reporting month per 10,000 (Population figures are updated
    upon receipt of the latest ONS Mid Year population estimates). This is a
    child level indicator."

    Reading: the title and data period say rolling 12 months, so: for each unit
    episode that started in the 12 months ending with the month, each child of
    the family (``children.family_id``) born by the start date and under 18 on
    it counts once; over the population as in SCS02.
    """
    episodes = ctx.located("eh_episodes")
    children = ctx.table("children").select(
        "child_id", "date_of_birth", child_family="family_id"
    )
    members = episodes.join(children, episodes.family_id == children.child_family)
    members = members.filter(
        members.date_of_birth <= members.start_date,
        age_on(members.date_of_birth, members.start_date) < 18,
    )
    events = members.select(
        "district",
        month=month_of(members.start_date),
        numerator=ibis.literal(1),
        denominator=ibis.literal(0),
    )
    counts = rolling(ctx, spread(events, ctx.district_split))
    population = population_per_10000(ctx, ctx.months)
    return counts.select("month", "area", "numerator").left_join(
        population, ["month", "area"]
    )


@measure(
    "EH72-F",
    "Percentage of re-referrals to an Early Help Unit within 12 months (R12M)",
    Kind.PERCENT,
)
def unit_re_referrals(ctx: Context) -> ir.Table:
    """Unit episodes in the rolling 12 months whose family had one end in the 12 before.

    Seed: "The percentage of referrals into an EH Unit (R12M) that previously had
    an episode open to an Early Help Unit in the preceding 12 months. The data
    only looks at referrals allocated to a Unit. It is calculated using a
    comparison between the episode end date of the previous episode and the
    episode start date of the subsequent referral."

    Reading: the denominator is the unit episodes that started in the 12 months
    ending with the month; the numerator those whose family has another episode
    that ended on or before the new start and within 12 months of it (by the
    calendar, inclusive, as in SCS03). An episode still open at the new start
    did not end, so it does not count.
    """
    episodes = ctx.located("eh_episodes")
    ended = ctx.table("eh_episodes")
    ended = ended.filter(ended.end_date.notnull()).select(
        prev_id="episode_id", prev_family="family_id", prev_end="end_date"
    )
    repeats = episodes.join(
        ended,
        [
            ended.prev_family == episodes.family_id,
            ended.prev_id != episodes.episode_id,
            ended.prev_end <= episodes.start_date,
            within_months(ended.prev_end, episodes.start_date, 12),
        ],
    ).select("episode_id")
    events = episodes.select(
        "district",
        month=month_of(episodes.start_date),
        numerator=counted(episodes.episode_id.isin(repeats.episode_id)),
        denominator=ibis.literal(1),
    )
    return rolling(ctx, spread(events, ctx.district_split))


def _contacts(ctx: Context, outcome: ContactOutcome | None) -> ir.Table:
    contacts = ctx.table("front_door_contacts")
    if outcome is not None:
        contacts = contacts.filter(contacts.outcome == str(outcome))
    events = contacts.select(
        month=month_of(contacts.contact_date), area=ibis.literal("", "string")
    )
    return count_by_month(events)


@measure(
    "FD01-C",
    "Number of contacts processed in the Front Door",
    Kind.COUNT,
    district_split=False,
)
def contacts(ctx: Context) -> ir.Table:
    """Contacts processed by the front door in the month.

    Seed: "The total number of notifications received during the corresponding
    reporting month that were processed by the Front Door. District and Area
    splits are not available for this indicator."

    Reading: contacts dated in the month, whatever their outcome, for the
    authority only.
    """
    return _contacts(ctx, None)


@measure(
    "FD02-C",
    "Number of contacts processed in the Front Door which met the threshold for CSWS",
    Kind.COUNT,
    district_split=False,
)
def contacts_to_social_work(ctx: Context) -> ir.Table:
    """Front door contacts in the month with outcome "Threshold met for CSWS".

    Seed: "The total number of notifications with a contact outcome of "Threshold
    met for CSWS" received during the corresponding reporting month that were
    processed by the Front Door."

    Reading: contacts dated in the month with that outcome, authority only.
    """
    return _contacts(ctx, ContactOutcome.THRESHOLD_MET)


@measure(
    "FD03-C",
    "Number of contacts processed in the Front Door which proceeded to Early Help",
    Kind.COUNT,
    district_split=False,
)
def contacts_to_early_help(ctx: Context) -> ir.Table:
    """Front door contacts in the month with outcome "Proceed to Early Help Unit".

    Seed: "The total number of notifications with a contact outcome of "Proceed to
    Early Help Unit" received during the corresponding reporting month that were
    processed by the Front Door."

    Reading: contacts dated in the month with that outcome, authority only.
    """
    return _contacts(ctx, ContactOutcome.EARLY_HELP_UNIT)


@measure(
    "FD14-C",
    "Number of Information, Advice and Guidance contacts processed in the Front Door",
    Kind.COUNT,
    district_split=False,
)
def advice_contacts(ctx: Context) -> ir.Table:
    """Front door contacts in the month with outcome "Information, Advice & Guidance".

    Seed: "The total number of notifications with a contact outcome of
    "Information, Advice & Guidance" received during the corresponding reporting
    month that were processed by the Front Door."

    Reading: contacts dated in the month with that outcome, authority only.
    """
    return _contacts(ctx, ContactOutcome.ADVICE)
