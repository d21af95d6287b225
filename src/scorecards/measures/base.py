"""The machinery every measure shares: the month spine, areas, rolling windows.

A measure is a function from a :class:`Context` to an Ibis table with one row per
month and area and the columns ``month`` (the first day of the month, a date),
``area`` (``""`` for the whole authority, else a district), ``numerator`` and,
for ratios, ``denominator``. :func:`finish` puts that on a grid of every month
and area, fills the gaps and computes the value, so that a district with no
events shows zero where the measure counts, and no value where a ratio has no
denominator.

The expressions are written to run unchanged on DuckDB, Postgres, Spark and SQL
Server; ``docs/portability.md`` lists the rules they follow. In brief:

- rolling windows are ROWS frames over a gap-free month spine, never RANGE
  frames with intervals;
- months are built with ``ibis.date(y, m, 1)``, never by truncating a date;
- calendar arithmetic is done on whole numbers (month indexes, month and day
  parts) and day differences with ``.delta(unit="day")``;
- rates and averages are cast to float64 before dividing, and every
  denominator is guarded with ``.nullif(0)``;
- a flag becomes a count with :func:`counted`, a CASE expression, never a
  cast of a boolean, and no comparison is selected as a column;
- the spine, the areas and the working-day calendar are small tables built in
  Python and passed in as memtables.
"""

from __future__ import annotations

import calendar
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from datetime import date, timedelta
from enum import StrEnum
from functools import cached_property

import holidays
import ibis
import ibis.expr.types as ir
import pyarrow as pa

from scorecards.periods import Month

WINDOW_MONTHS = 12  # the rolling 12 months of an R12M measure
PER = 10_000  # rates are per 10,000 children aged 0-17
OPEN_END = ibis.date(9999, 12, 31)  # the end of an episode that has not ended


class Kind(StrEnum):
    """What a measure's value is, and so how it is made from its parts."""

    COUNT = "count"  # the numerator itself
    PERCENT = "percent"  # 100 x numerator / denominator
    RATE = "rate per 10,000"  # numerator / (population / 10,000)
    AVERAGE = "average"  # numerator (a total) / denominator (how many)


Build = Callable[["Context"], ir.Table]


@dataclass(frozen=True)
class Measure:
    """An indicator computed from records.

    ``build`` holds the definition: its docstring gives the seed's wording and
    our reading. ``lag`` moves the figure later: with a lag of 3 the May figure
    is what ``build`` gives for February.
    """

    id: str
    title: str
    kind: Kind
    build: Build
    district_split: bool = True
    lag: int = 0

    @property
    def definition(self) -> str:
        return (self.build.__doc__ or "").strip()


REGISTRY: dict[str, Measure] = {}


def measure(
    id: str, title: str, kind: Kind, *, district_split: bool = True, lag: int = 0
) -> Callable[[Build], Build]:
    """Register the decorated function as the measure of indicator ``id``."""

    def register(build: Build) -> Build:
        if id in REGISTRY:
            raise ValueError(f"measure {id} is defined twice")
        REGISTRY[id] = Measure(id, title, kind, build, district_split, lag)
        return build

    return register


@dataclass(frozen=True)
class Context:
    """The record tables and the months a measure is computed for.

    ``first`` to ``last`` are the months reported; the spine reaches back
    ``WINDOW_MONTHS - 1`` months further so that the first reported month has a
    full rolling window.
    """

    tables: Mapping[str, ir.Table]
    first: Month
    last: Month
    district_split: bool = True

    def table(self, name: str) -> ir.Table:
        return self.tables[name]

    @cached_property
    def history(self) -> ir.Table:
        """Every month from ``WINDOW_MONTHS - 1`` before ``first`` to ``last``."""
        return month_spine(self.first.shift(1 - WINDOW_MONTHS), self.last)

    @cached_property
    def months(self) -> ir.Table:
        """The months reported: ``month``, ``month_end`` and ``month_index``."""
        return month_spine(self.first, self.last)

    @cached_property
    def areas(self) -> ir.Table:
        """``""`` for the authority and, when split, every district a team serves."""
        whole = ibis.memtable(pa.table({"area": pa.array([""], pa.string())}))
        if not self.district_split:
            return whole
        teams = self.table("teams")
        districts = teams.filter(teams.district.notnull()).select(area=teams.district)
        return whole.union(districts.distinct())

    def located(self, name: str) -> ir.Table:
        """Table ``name`` with the ``district`` and ``team_kind`` of its team."""
        records = self.table(name)
        teams = self.table("teams").select(
            "team_id", district="district", team_kind="kind"
        )
        return records.left_join(teams, "team_id")

    @cached_property
    def working_days(self) -> ir.Table:
        """``day`` and ``working_day``: working days from the calendar's start to it."""
        return working_day_calendar(
            date(self.first.year - 3, 1, 1), month_end(self.last)
        )


def month_end(month: Month) -> date:
    return date(
        month.year, month.month, calendar.monthrange(month.year, month.month)[1]
    )


def month_spine(first: Month, last: Month) -> ir.Table:
    """A memtable with one row per month from ``first`` to ``last``, without gaps."""
    months = [first.shift(k) for k in range(last.index - first.index + 1)]
    return ibis.memtable(
        pa.table(
            {
                "month": pa.array(
                    [date(m.year, m.month, 1) for m in months], pa.date32()
                ),
                "month_end": pa.array([month_end(m) for m in months], pa.date32()),
                "month_index": pa.array([m.index for m in months], pa.int64()),
            }
        )
    )


def working_day_calendar(start: date, end: date) -> ir.Table:
    """Days from ``start`` to ``end`` numbered by the working days up to each.

    A working day is a weekday that is not a bank holiday in England and Wales.
    ``working_day`` counts working days from ``start`` up to and including the
    day, so the working days after day a up to and including day b are
    ``working_day(b) - working_day(a)``, whatever kind of day a is.
    """
    bank_holidays = holidays.country_holidays(
        "GB", subdiv="ENG", years=range(start.year, end.year + 1)
    )
    days, numbers, count = [], [], 0
    day = start
    while day <= end:
        if day.weekday() < 5 and day not in bank_holidays:
            count += 1
        days.append(day)
        numbers.append(count)
        day += timedelta(days=1)
    return ibis.memtable(
        pa.table(
            {
                "day": pa.array(days, pa.date32()),
                "working_day": pa.array(numbers, pa.int64()),
            }
        )
    )


# Calendar arithmetic on whole numbers, the same on every engine.


def month_of(day: ir.DateValue) -> ir.DateValue:
    """The first day of the month of ``day``."""
    return ibis.date(day.year(), day.month(), 1)


def month_index(day: ir.DateValue) -> ir.IntegerValue:
    """Months since year 0, as :attr:`scorecards.periods.Month.index` counts them."""
    return day.year().cast("int64") * 12 + day.month().cast("int64") - 1


def within_months(
    earlier: ir.DateValue, later: ir.DateValue, n: int
) -> ir.BooleanValue:
    """``later`` falls on or before the ``n``-month anniversary of ``earlier``.

    ``later`` must not be before ``earlier``. The anniversary of a day that the
    anniversary's month lacks (the 29th to the 31st) is that month's last day:
    within 12 months of 2020-02-29 runs to 2021-02-28, and of 2019-05-31 to
    2020-05-31.
    """
    gap = month_index(later) - month_index(earlier)
    return (gap < n) | ((gap == n) & (later.day() <= earlier.day()))


def age_on(birth: ir.DateValue, day: ir.DateValue) -> ir.IntegerValue:
    """Age in whole years on ``day``; a 29 February birthday falls on 1 March."""
    years = day.year().cast("int64") - birth.year().cast("int64")
    before_birthday = (day.month() * 100 + day.day()) < (
        birth.month() * 100 + birth.day()
    )
    return years - counted(before_birthday)


def month_turning(birth: ir.DateValue, years: int) -> ir.IntegerValue:
    """The month at whose end a child born on ``birth`` is first ``years`` old,
    numbered as :func:`month_index` does, by the rule of :func:`age_on`.

    That is the birthday's month, except for a 29 February birthday in a year
    that is not a leap year: that birthday falls on 1 March.
    """
    year = birth.year().cast("int64") + years
    leap = (year % 4 == 0) & ((year % 100 != 0) | (year % 400 == 0))
    late = (birth.month() == 2) & (birth.day() == 29) & ~leap
    return month_index(birth) + 12 * years + counted(late)


def counted(flag: ir.BooleanValue) -> ir.IntegerValue:
    """1 where ``flag`` holds, else 0 (null counts as 0), to be summed.

    A CASE expression rather than a cast: Postgres cannot cast a boolean to a
    bigint, and SQL Server has no boolean values to cast.
    """
    return ibis.ifelse(flag, 1, 0).cast("int64")


def open_at(
    start: ir.DateValue, end: ir.DateValue, day: ir.DateValue
) -> ir.BooleanValue:
    """The episode is open at the end of ``day``: started by then and not yet ended.

    An open episode's missing end stands for the last day there is, so that the
    test is two plain comparisons: as a join condition, engines that have range
    joins (DuckDB's inequality join) use one instead of comparing every pair.
    """
    return (start <= day) & (ibis.coalesce(end, OPEN_END) > day)


# Building blocks of measures.


def spread(events: ir.Table, split: bool) -> ir.Table:
    """Each row once for the authority and, when split, once for its district.

    ``events`` has a ``district`` column; rows whose team serves the whole
    authority (no district) count towards the authority only.

    The copies come from a join with a two-row table rather than a union of two
    selections: Spark does not keep a subquery used twice, and would work out
    ``events`` once for each half of the union.
    """
    if not split:
        return events.mutate(area=ibis.literal("", "string"))
    copies = ibis.memtable(pa.table({"spread_copy": pa.array([0, 1], pa.int64())}))
    both = events.cross_join(copies)
    both = both.filter((both.spread_copy == 0) | both.district.notnull())
    area = ibis.ifelse(both.spread_copy == 0, ibis.literal("", "string"), both.district)
    return both.mutate(area=area).drop("spread_copy")


def rolling(ctx: Context, events: ir.Table) -> ir.Table:
    """Sums of ``numerator`` and ``denominator`` over each rolling 12 months.

    ``events`` has ``month``, ``area``, ``numerator`` and ``denominator``; the sum
    is over the ``WINDOW_MONTHS`` rows ending at each month of the gap-free spine.
    """
    monthly = events.group_by(["month", "area"]).agg(
        n=events.numerator.sum(), d=events.denominator.sum()
    )
    grid = ctx.history.cross_join(ctx.areas)
    filled = grid.left_join(monthly, ["month", "area"]).select(
        "month",
        "area",
        n=ibis.coalesce(monthly.n, 0),
        d=ibis.coalesce(monthly.d, 0),
    )
    window = ibis.window(
        group_by="area", order_by="month", preceding=WINDOW_MONTHS - 1, following=0
    )
    return filled.select(
        "month",
        "area",
        numerator=filled.n.sum().over(window),
        denominator=filled.d.sum().over(window),
    )


def population_per_10000(ctx: Context, months: ir.Table) -> ir.Table:
    """``month``, ``area`` and ``denominator``: children aged 0-17 / 10,000.

    Each month uses the latest mid-year estimate for a year before the month's
    calendar year (May 2020 uses mid-2019), the estimate an analyst would have
    had. The authority's population is the sum of its districts'.
    """
    population = ctx.table("population")
    by_area = population.select("year", "population", area=population.district).union(
        population.group_by("year")
        .agg(population=population.population.sum(), area=ibis.literal("", "string"))
        .select("year", "population", "area")
    )
    candidates = months.join(by_area, by_area.year <= months.month.year() - 1)
    latest = candidates.group_by(["month", "area"]).agg(year=candidates.year.max())
    chosen = latest.join(by_area, ["area", "year"])
    return chosen.select(
        "month",
        "area",
        denominator=chosen.population.cast("float64") / PER,
    )


# Spans: counting what is open at each month end without a row per month.
#
# Joining every month end to every row open then makes a row per record and
# month (hundreds of millions at England's size) only to count them, and on
# engines without range joins (Spark) it compares every month with every row.
# Instead a record becomes the span of reported months at whose end it counts,
# numbered as :func:`month_index` numbers them, and the count at a month end is
# the running sum of spans begun less spans ended. The work grows with the
# records, not with the months they stay open.


def larger(a: ir.IntegerValue, b: ir.IntegerValue | int) -> ir.IntegerValue:
    """The larger of two whole numbers, null if either is.

    A comparison, not GREATEST, which SQL Server has only since 2022.
    """
    return ibis.ifelse(a < b, b, a)


def smaller(a: ir.IntegerValue, b: ir.IntegerValue | int) -> ir.IntegerValue:
    """The smaller of two whole numbers, null if either is."""
    return ibis.ifelse(a > b, b, a)


def open_spans(ctx: Context, records: ir.Table) -> ir.Table:
    """``records`` with ``lo`` and ``hi``: the reported months at whose end each
    row is open (started on or before that day, and not ended by it).

    A row is open at the end of month m when its start's month is m or earlier
    and its end's month (if any) is after m. Spans are cut to the months
    reported; a row open at none of their ends is left out.
    """
    first, last = ctx.first.index, ctx.last.index
    opened = month_index(records.start_date)
    closed = ibis.coalesce(month_index(records.end_date) - 1, last)
    spans = records.mutate(lo=larger(opened, first), hi=smaller(closed, last))
    return spans.filter(spans.lo <= spans.hi)


def distinct_spans(spans: ir.Table, key: str) -> ir.Table:
    """``area``, ``lo`` and ``hi`` of ``spans`` cut so that each ``key`` (a child,
    a family) is open at most once in an area at any month end.

    Each span keeps only the months that the key's spans in the area starting
    before it (in order of ``lo``, then ``hi``) do not reach: from the month
    after the furthest they reach, or its own ``lo`` if later, to its ``hi``.
    The earlier span that reaches furthest covers every month from this span's
    ``lo`` to that reach, so what is kept is exactly what is new, and the spans
    kept never overlap.
    """
    earlier = ibis.window(
        group_by=["area", key], order_by=["lo", "hi"], rows=(None, -1)
    )
    spans = spans.mutate(reach=spans.hi.max().over(earlier))
    new = spans.reach.isnull() | (spans.lo > spans.reach)
    spans = spans.select("area", "hi", lo=ibis.ifelse(new, spans.lo, spans.reach + 1))
    return spans.filter(spans.lo <= spans.hi)


def count_spans(
    ctx: Context,
    spans: ir.Table,
    columns: Mapping[str, tuple[str, str]] | None = None,
) -> ir.Table:
    """``month``, ``area`` and, for each of ``columns``, the spans open at the
    month's end, for every reported month and area.

    ``spans`` has ``area`` and, for each name of ``columns``, the two columns
    given there: the first and last month (``lo`` and ``hi`` by default) in
    which the row counts towards that name. A name whose last month is before
    its first, or null, is not counted for that row.

    Each row makes a begin and an end event per name through a join with a
    small table of them, not a union, so that Spark reads ``spans`` once.
    """
    columns = columns or {"numerator": ("lo", "hi")}
    names = list(columns)
    edges = ibis.memtable(
        pa.table(
            {
                "span_column": pa.array(
                    [n for n in names for _ in (0, 1)], pa.string()
                ),
                "span_end": pa.array([0, 1] * len(names), pa.int64()),
            }
        )
    )
    events = spans.cross_join(edges)

    def bound(which: int) -> ir.IntegerValue:
        pairs = [(events.span_column == n, events[columns[n][which]]) for n in names]
        return pairs[0][1] if len(names) == 1 else ibis.cases(*pairs)

    lo, hi = bound(0), bound(1)
    ending = events.span_end == 1
    events = events.filter(lo <= hi).select(
        "area",
        "span_column",
        month_index=ibis.ifelse(ending, hi + 1, lo),
        change=ibis.ifelse(ending, -1, 1),
    )
    changes = events.group_by(["area", "month_index"]).agg(
        **{name: events.change.sum(where=events.span_column == name) for name in names}
    )
    grid = ctx.months.select("month", "month_index").cross_join(ctx.areas)
    filled = grid.left_join(changes, ["area", "month_index"])
    running = ibis.window(group_by="area", order_by="month_index", rows=(None, 0))
    return filled.select(
        "month",
        "area",
        **{name: ibis.coalesce(filled[name], 0).sum().over(running) for name in names},
    )


def count_by_month(events: ir.Table, key: str | None = None) -> ir.Table:
    """``numerator``: rows (or distinct ``key`` values) per ``month`` and ``area``."""
    if key is not None:
        # Distinct rows, then a count: faster than COUNT(DISTINCT) on DuckDB.
        events = events.select("month", "area", key).distinct()
    return events.group_by(["month", "area"]).agg(numerator=events.count())


def finish(ctx: Context, measure: Measure, built: ir.Table) -> ir.Table:
    """The built table on the full grid of reported months and areas, with values."""
    grid = ctx.months.select("month").cross_join(ctx.areas)
    joined = grid.left_join(built, ["month", "area"])
    numerator = ibis.coalesce(joined.numerator.cast("float64"), 0.0)

    if measure.kind is Kind.COUNT:
        denominator = ibis.null("float64")
        value = numerator
    elif measure.kind is Kind.RATE:
        denominator = joined.denominator.cast("float64")
        value = numerator / denominator.nullif(0)
    else:
        denominator = ibis.coalesce(joined.denominator.cast("float64"), 0.0)
        value = numerator / denominator.nullif(0)
        if measure.kind is Kind.PERCENT:
            value = value * 100.0

    return joined.select(
        "month",
        "area",
        value=value,
        numerator=numerator,
        denominator=denominator,
    ).order_by(["month", "area"])
