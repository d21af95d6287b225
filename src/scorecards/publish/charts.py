"""Charts as inline SVG, drawn from the view: nothing to run in a browser, so they
print in the PDF as they show on the screen.

Three charts: :func:`sparkline` for a KPI row's trend, :func:`trend_chart` for an
activity page trend block, and :func:`spc_chart` for an indicator's XmR chart. Each
returns one ``<svg>`` element with ``role="img"``, an ``aria-label``, a ``<title>``
and a ``<desc>`` that says in words what the chart shows. Every text from a project is
escaped here; the renderer may insert the result as it is.

The look works without colour: special-cause points differ by shape as well as by
colour (improvement a filled circle, concern a hollow diamond, neither a hollow
square), and the lines differ by dash pattern (mean solid, process limits dashed,
2-sigma lines dotted and light, target dash-dot). The colours are from the
Okabe-Ito palette, which readers with the common colour-vision deficiencies can
tell apart.
"""

from __future__ import annotations

import base64
import math
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from xml.sax.saxutils import escape, quoteattr

from scorecards.assess.formatting import format_number
from scorecards.assess.view import Cell, SpcPointView, SpcSegmentView, SpcView

IMPROVEMENT = "#0072b2"  # blue
CONCERN = "#d55e00"  # vermilion
NEITHER = "#6a3d9a"  # purple
COMMON = "#7a7a7a"
INK = "#333333"
LIMIT = "#4d4d4d"
SIGMA = "#a6a6a6"
TARGET = "#009e73"  # bluish green
FONT = "DejaVu Sans, sans-serif"

#: The special-cause kinds a point can show, in the order a summary counts them.
KINDS = ("improvement", "concern", "neither")


# --- sparkline ----------------------------------------------------------------


def sparkline(
    cells: Sequence[Cell],
    *,
    labels: Sequence[str] = (),
    title: str = "Trend",
    width: float = 64,
    height: float = 16,
) -> str:
    """A KPI row's trend as a word-sized line, the latest figure marked with a dot.

    A missing period leaves a gap in the line; a figure with no neighbour on either
    side is drawn as a dot. The vertical scale runs from the lowest to the highest
    figure of the row, so the line shows the shape of the trend, not its size.

    Args:
        cells: the row's trend, oldest first.
        labels: the period labels of the cells ("Nov-19"), for the text summary.
        title: what the line shows, for the title and summary.
        width, height: the size in CSS pixels.

    >>> svg = sparkline([Cell(1.0, "1.0"), Cell(None, ""), Cell(3.0, "3.0")])
    >>> svg.count("<polyline"), svg.count('class="single"'), svg.count('class="latest"')
    (0, 1, 1)
    """
    values = [c.value for c in cells]
    known = [v for v in values if v is not None]
    names = list(labels) if len(labels) == len(cells) else [c.period for c in cells]
    pad = 2.5

    if not known:
        summary = f"{title}: no figures to chart."
        body = _text(width / 2, height / 2 + 3, "no figures", "middle", 7, COMMON)
        return _svg(width, height, title, summary, body, "sparkline empty")

    low, high = min(known), max(known)
    span = high - low

    def y(value: float) -> float:
        if span == 0:
            return height / 2
        return pad + (high - value) / span * (height - 2 * pad)

    step = (width - 2 * pad) / max(len(cells) - 1, 1)
    xs = [pad + i * step for i in range(len(cells))]
    parts = []
    for run in _runs(values):
        points = [(xs[i], y(values[i])) for i in run]  # type: ignore[arg-type]
        if len(points) > 1:
            parts.append(
                f'<polyline class="line" points="{_points(points)}" fill="none" '
                f'stroke="{INK}" stroke-width="1" stroke-linejoin="round"/>'
            )
        elif run[0] != len(cells) - 1:
            parts.append(_dot(*points[0], 1.2, INK, "single"))

    last = max(i for i, v in enumerate(values) if v is not None)
    parts.append(_dot(xs[last], y(values[last]), 2, INK, "latest"))  # type: ignore[arg-type]

    latest = cells[last]
    gaps = len(cells) - len(known)
    summary = (
        f"{title} from {names[0]} to {names[-1]}: lowest "
        f"{_cell_text(cells, low)}, highest {_cell_text(cells, high)}, latest "
        f"{latest.text} ({names[last]})"
    )
    if gaps:
        summary += f"; {gaps} period{'s have' if gaps > 1 else ' has'} no figure"
    return _svg(width, height, title, summary + ".", "".join(parts), "sparkline")


def _runs(values: Sequence[float | None]) -> list[list[int]]:
    """Indexes of consecutive figures, split where one is missing."""
    runs: list[list[int]] = []
    current: list[int] = []
    for i, value in enumerate(values):
        if value is None:
            if current:
                runs.append(current)
            current = []
        else:
            current.append(i)
    if current:
        runs.append(current)
    return runs


def _cell_text(cells: Sequence[Cell], value: float) -> str:
    return next(c.text for c in cells if c.value == value)


# --- activity trend -----------------------------------------------------------


def trend_chart(
    points: Sequence[tuple[str, Cell]],
    title: str,
    *,
    width: float = 300,
    height: float = 96,
) -> str:
    """An activity trend block as a column chart: one column a period, each labelled
    with its period below and its figure above. Columns start at zero (or at the
    lowest figure, where one is negative), so their heights compare truly.

    >>> svg = trend_chart([("Apr 2020", Cell(5.0, "5")), ("May 2020", Cell(7.0, "7"))],
    ...                   "Referrals")
    >>> svg.count('class="column"')
    2
    """
    values = [cell.value for _, cell in points]
    known = [v for v in values if v is not None]
    if not known:
        summary = f"{title}: no figures to chart."
        body = _text(width / 2, height / 2, "No figures to chart", "middle", 9, COMMON)
        return _svg(width, height, title, summary, body, "trend-chart empty")

    top, bottom, side = 14.0, 18.0, 4.0
    base = min(0.0, *known)
    high = max(known)
    scale = (height - top - bottom) / (high - base) if high > base else 0.0
    floor_y = height - bottom
    slot = (width - 2 * side) / len(points)
    bar = min(slot * 0.6, 36)

    parts = [
        f'<line class="axis" x1="{_n(side)}" y1="{_n(floor_y)}" '
        f'x2="{_n(width - side)}" y2="{_n(floor_y)}" stroke="{LIMIT}" '
        'stroke-width="0.75"/>'
    ]
    for i, (label, cell) in enumerate(points):
        middle = side + slot * (i + 0.5)
        parts.append(_text(middle, height - 5, label, "middle", 8, INK, "x-label"))
        if cell.value is None:
            parts.append(
                _text(middle, floor_y - 4, cell.text or "no figure", "middle", 7,
                      COMMON, "missing")
            )  # fmt: skip
            continue
        tall = (cell.value - base) * scale
        parts.append(
            f'<rect class="column" x="{_n(middle - bar / 2)}" '
            f'y="{_n(floor_y - tall)}" width="{_n(bar)}" height="{_n(tall)}" '
            f'fill="{IMPROVEMENT if i == len(points) - 1 else SIGMA}"/>'
        )
        parts.append(
            _text(middle, floor_y - tall - 3, cell.text, "middle", 8, INK, "value")
        )

    listed = ", ".join(f"{label} {cell.text or 'no figure'}" for label, cell in points)
    return _svg(
        width, height, title, f"{title}: {listed}.", "".join(parts), "trend-chart"
    )


# --- SPC chart ----------------------------------------------------------------


def spc_chart(
    spc: SpcView,
    title: str,
    *,
    name: str = "",
    unit: str = "",
    precision: int = 1,
    two_sigma: bool = True,
    width: float = 250,
    height: float = 100,
) -> str:
    """An XmR chart: the figures with their centre line, process limits, 2-sigma lines
    (``two_sigma``), the target where there is one, and each point marked by the
    variation it shows. A rebase starts new lines after a thin vertical rule.

    The chart starts at the first period with a figure: the periods before it would
    be an empty stretch. Missing periods after it leave a gap in the line.

    Args:
        spc: the row's SPC view from the assembly.
        title: the chart's title, for example "SCS03 Percentage re-referrals ...".
        name: how the summary names the indicator (default: the SPC series).
        unit: the indicator's unit; percent figures are labelled with "%".
        precision: decimal places of the figures, for labels and the summary.
        two_sigma: whether to draw the 2-sigma lines.
        width, height: the size of the drawing, in CSS pixels.
    """
    summary = spc_summary(spc, name=name or spc.indicator, precision=precision)
    first = next((i for i, p in enumerate(spc.points) if p.value is not None), None)
    if first is None:
        body = _text(width / 2, height / 2, "No figures to chart", "middle", 9, COMMON)
        return _svg(width, height, title, summary, body, "spc-chart empty")
    if spc.variation_text:
        summary += f" Latest point: {spc.variation_text.lower()}."
    if spc.target is not None and spc.assurance_text:
        summary += f" {spc.assurance_text}."

    points = spc.points[first:]
    segments = [_shifted(s, first) for s in spc.segments if s.stop > first]
    plot = _Plot(width, height, points, segments, spc.target, two_sigma)
    suffix = "%" if unit == "percent" else ""

    parts = plot.axes(precision, suffix)
    if unit in ("days", "percentage points", "rate per 10,000"):
        parts.append(_text(2, 7, unit, "start", 7, LIMIT, "unit"))
    for index, segment in enumerate(segments):
        parts += plot.segment_lines(segment, precision, two_sigma, rebase=index > 0)
    if spc.target is not None:
        parts.append(plot.hline(spc.target, 0, len(points), "target", precision))
    parts += plot.data_line(segments)
    parts += plot.markers()
    parts.append(plot.latest_label(precision, suffix))
    return _svg(width, height, title, summary, "".join(parts), "spc-chart")


def spc_summary(spc: SpcView, *, name: str, precision: int = 1) -> str:
    """The SPC chart in a sentence: its span, the latest figure, the latest
    segment's mean and limits, the special-cause points and the target. (The
    chart's description adds what the variation and assurance icons say.)

    >>> from scorecards.assess.view import SpcPointView, SpcSegmentView, SpcView
    >>> spc = SpcView("X", [SpcPointView("2020-04", "Apr-20", 2.0, [], "common cause"),
    ...     SpcPointView("2020-05", "May-20", 4.0, [], "common cause")],
    ...     [SpcSegmentView(0, 2, 3.0, None, None, None, None)], None, "", "", "none",
    ...     "", [])
    >>> print(spc_summary(spc, name="X"))
    X from Apr-20 to May-20: latest 4.0, mean 3.0; no point shows special cause \
variation.
    """
    shown = [p for p in spc.points if p.value is not None]
    if not shown:
        return f"{name}: no figures to chart."

    first = spc.points.index(shown[0])
    text = (
        f"{name} from {shown[0].label} to {spc.points[-1].label}: latest "
        f"{_fmt(shown[-1].value, precision)}"
    )
    if spc.points[-1].value is None:
        text += f" ({shown[-1].label})"
    segment = spc.segments[-1] if spc.segments else None
    if segment is not None and segment.mean is not None:
        if len([s for s in spc.segments if s.stop > first]) > 1:
            text += f", since {spc.points[segment.start].label} (rebased)"
        text += f", mean {_fmt(segment.mean, precision)}"
        if segment.lower is not None and segment.upper is not None:
            text += (
                f", limits {_fmt(segment.lower, precision)} to "
                f"{_fmt(segment.upper, precision)}"
            )

    counts = {kind: sum(p.variation.startswith(kind) for p in shown) for kind in KINDS}
    flagged = [
        f"{count} point{'s show' if count > 1 else ' shows'} special cause {kind}"
        for kind, count in counts.items()
        if count
    ]
    text += "; " + (
        ", ".join(flagged) if flagged else "no point shows special cause variation"
    )
    if spc.target is not None:
        text += f"; target {_fmt(spc.target, precision)}"
    return text + "."


def spc_notes(rows: Sequence[object]) -> list[tuple[str, list[str]]]:
    """The caveats of a table's SPC charts, each once, with the names of the charts
    it applies to, in the order first met: [(warning, ["SCS03", ...]), ...].

    ``rows`` are KPI rows (anything with ``spc``, ``code`` and ``title``); rows
    without an SPC view are skipped.
    """
    notes: dict[str, list[str]] = {}
    for row in rows:
        spc: SpcView | None = getattr(row, "spc", None)
        if spc is None:
            continue
        name = str(getattr(row, "code", None) or getattr(row, "title", ""))
        for warning in spc.warnings:
            notes.setdefault(warning, []).append(name)
    return list(notes.items())


def _shifted(segment: SpcSegmentView, by: int) -> SpcSegmentView:
    """The segment with its indexes counted from point ``by``."""
    return SpcSegmentView(
        start=max(segment.start - by, 0),
        stop=segment.stop - by,
        mean=segment.mean,
        lower=segment.lower,
        upper=segment.upper,
        lower_two_sigma=segment.lower_two_sigma,
        upper_two_sigma=segment.upper_two_sigma,
    )


class _Plot:
    """Where things go on an SPC chart: the scales and the pieces drawn on them."""

    left, right, top, bottom = 30.0, 26.0, 9.0, 15.0

    def __init__(
        self,
        width: float,
        height: float,
        points: list[SpcPointView],
        segments: list[SpcSegmentView],
        target: float | None,
        two_sigma: bool,
    ) -> None:
        self.width, self.height = width, height
        self.points = points
        lines: list[float | None] = [target]
        for s in segments:
            lines += [s.mean, s.lower, s.upper]
            if two_sigma:
                lines += [s.lower_two_sigma, s.upper_two_sigma]
        values = [p.value for p in points if p.value is not None]
        values += [v for v in lines if v is not None]
        self.low, self.high = _padded(min(values), max(values))
        self.step = (width - self.left - self.right) / len(points)

    def x(self, index: float) -> float:
        return self.left + (index + 0.5) * self.step

    def y(self, value: float) -> float:
        plot = self.height - self.top - self.bottom
        return self.top + (self.high - value) / (self.high - self.low) * plot

    def axes(self, precision: int, suffix: str) -> list[str]:
        """The axes, the y ticks, and the first and last periods under the x axis."""
        # One path draws both axes and the ticks: every element costs drawing time.
        bottom = self.height - self.bottom
        right = self.width - self.right
        d = f"M{_n(self.left)} {_n(self.top)}V{_n(bottom)}H{_n(right)}"
        parts = []
        for tick in _ticks(self.low, self.high):
            y = self.y(tick)
            d += f"M{_n(self.left - 2)} {_n(y)}h2"
            label = format_number(tick, _tick_precision(self.low, self.high))
            parts.append(
                _text(
                    self.left - 3, y + 2.5, label + suffix, "end", 7, LIMIT, "y-label"
                )
            )
        axis = (
            f'<path class="axis" d="{d}" fill="none" stroke="{LIMIT}" '
            'stroke-width="0.5"/>'
        )
        last = len(self.points) - 1
        for index in sorted({0, last}):
            parts.append(
                _text(self.x(index), bottom + 10, self.points[index].label, "middle", 7,
                      LIMIT, "x-label")
            )  # fmt: skip
        return [axis, *parts]

    def hline(
        self, value: float, start: int, stop: int, kind: str, precision: int
    ) -> str:
        """A horizontal line across points ``start`` to ``stop`` (exclusive)."""
        limit = f'stroke="{LIMIT}" stroke-width="0.9" stroke-dasharray="4 2"'
        style = {
            "mean": f'stroke="{INK}" stroke-width="1"',
            "upper limit": limit,
            "lower limit": limit,
            "target": f'stroke="{TARGET}" stroke-width="1.3" '
            'stroke-dasharray="6 2 1.5 2"',
        }[kind]
        y = _n(self.y(value))
        return (
            f'<line class="{kind}" data-value="{_fmt(value, precision + 2)}" '
            f'x1="{_n(self.x(start - 0.5))}" y1="{y}" x2="{_n(self.x(stop - 0.5))}" '
            f'y2="{y}" {style}/>'
        )

    def segment_lines(
        self, segment: SpcSegmentView, precision: int, two_sigma: bool, rebase: bool
    ) -> list[str]:
        parts = []
        if rebase:
            x = _n(self.x(segment.start - 0.5))
            parts.append(
                f'<line class="rebase" x1="{x}" y1="{_n(self.top)}" x2="{x}" '
                f'y2="{_n(self.height - self.bottom)}" stroke="{LIMIT}" '
                'stroke-width="0.5" stroke-dasharray="2 2"/>'
            )
        lines = [
            ("mean", segment.mean),
            ("upper limit", segment.upper),
            ("lower limit", segment.lower),
        ]
        for kind, value in lines:
            if value is not None:
                parts.append(
                    self.hline(value, segment.start, segment.stop, kind, precision)
                )
        sigmas = [segment.lower_two_sigma, segment.upper_two_sigma]
        if two_sigma and None not in sigmas:
            # both 2-sigma lines in one path, lower first
            x1, x2 = _n(self.x(segment.start - 0.5)), _n(self.x(segment.stop - 0.5))
            d = "".join(f"M{x1} {_n(self.y(v))}H{x2}" for v in sigmas)  # type: ignore[arg-type]
            values = " ".join(_fmt(v, precision + 2) for v in sigmas)
            parts.append(
                f'<path class="sigma" data-value="{values}" d="{d}" stroke="{SIGMA}" '
                'stroke-width="0.6" stroke-dasharray="1 2" fill="none"/>'
            )
        return parts

    def data_line(self, segments: list[SpcSegmentView]) -> list[str]:
        """The line through the figures, broken at gaps and at rebases."""
        parts = []
        spans = [(s.start, s.stop) for s in segments] or [(0, len(self.points))]
        for start, stop in spans:
            values = [p.value for p in self.points[start:stop]]
            for run in _runs(values):
                if len(run) < 2:
                    continue
                coords = [
                    (self.x(start + i), self.y(values[i]))  # type: ignore[arg-type]
                    for i in run
                ]
                parts.append(
                    f'<polyline class="data" points="{_points(coords)}" fill="none" '
                    f'stroke="{COMMON}" stroke-width="1" stroke-linejoin="round"/>'
                )
        return parts

    def markers(self) -> list[str]:
        """A mark a figure: special-cause points each their own, common-cause points
        all in one path of small dots (every element costs drawing time)."""
        parts = []
        dots, periods = "", []
        for index, point in enumerate(self.points):
            if point.value is None:
                continue
            x, y = self.x(index), self.y(point.value)
            if point.variation.split(" ")[0] in KINDS:
                parts.append(_marker(x, y, point.variation, point.period))
            else:
                dots += f"M{_n(x - 0.1)} {_n(y)}h0.2"
                periods.append(point.period)
        if dots:
            # a very short stroke with round caps is a dot, and cheap to draw
            listed = escape(" ".join(periods))
            parts.insert(
                0,
                f'<path class="points common" data-periods="{listed}" d="{dots}" '
                f'stroke="{COMMON}" stroke-width="3" stroke-linecap="round"/>',
            )
        return parts

    def latest_label(self, precision: int, suffix: str) -> str:
        index = max(i for i, p in enumerate(self.points) if p.value is not None)
        value = self.points[index].value
        assert value is not None
        return _text(
            self.x(index) + 5,
            self.y(value) + 2.5,
            _fmt(value, precision) + suffix,
            "start",
            7.5,
            INK,
            "latest",
        )


def _marker(x: float, y: float, variation: str, period: str) -> str:
    """A point's mark: its shape and colour say which variation it shows."""
    kind = variation.split()[0] if variation else "common"
    side = variation.split()[1] if " " in variation and kind in KINDS else ""
    cls = f"point {kind}" + (f" {side}" if side else "")
    data = f'data-period="{escape(period)}"'
    if kind == "improvement":
        return (
            f'<circle class="{cls}" {data} cx="{_n(x)}" cy="{_n(y)}" r="3.2" '
            f'fill="{IMPROVEMENT}"/>'
        )
    if kind == "concern":
        d = f"M{_n(x)} {_n(y - 4)}l4 4l-4 4l-4 -4z"
        return (
            f'<path class="{cls}" {data} d="{d}" fill="#ffffff" stroke="{CONCERN}" '
            'stroke-width="1.6"/>'
        )
    if kind == "neither":
        return (
            f'<rect class="{cls}" {data} x="{_n(x - 3)}" y="{_n(y - 3)}" width="6" '
            f'height="6" fill="#ffffff" stroke="{NEITHER}" stroke-width="1.4"/>'
        )
    return (
        f'<circle class="point common" {data} cx="{_n(x)}" cy="{_n(y)}" r="1.6" '
        f'fill="{COMMON}"/>'
    )


def spc_legend(*, width: float = 720, height: float = 22) -> str:
    """A key to the SPC charts' marks and lines, drawn as they are on the charts."""
    entries = [
        ("improvement", "Special cause improvement"),
        ("concern", "Special cause concern"),
        ("neither", "Special cause, neither"),
        ("common", "Common cause"),
        ("mean", "Mean"),
        ("limit", "Process limits"),
        ("sigma", "2-sigma lines"),
        ("target", "Target"),
    ]
    styles = {
        "mean": f'stroke="{INK}" stroke-width="1"',
        "limit": f'stroke="{LIMIT}" stroke-width="0.9" stroke-dasharray="4 2"',
        "sigma": f'stroke="{SIGMA}" stroke-width="0.8" stroke-dasharray="1 2"',
        "target": f'stroke="{TARGET}" stroke-width="1.3" stroke-dasharray="6 2 1.5 2"',
    }
    parts = []
    x = 4.0
    middle = height / 2
    for kind, label in entries:
        if kind in styles:
            parts.append(
                f'<line class="{kind}" x1="{_n(x)}" y1="{_n(middle)}" '
                f'x2="{_n(x + 18)}" y2="{_n(middle)}" {styles[kind]}/>'
            )
            x += 22
        else:
            parts.append(_marker(x + 4, middle, f"{kind} high", ""))
            x += 11
        parts.append(_text(x, middle + 3, label, "start", 8, INK))
        x += 6.2 * len(label) * 0.85 + 12
    summary = "Key: " + "; ".join(label for _, label in entries) + "."
    return _svg(x, height, "Key to the SPC charts", summary, "".join(parts), "legend")


def as_image(svg: str) -> str:
    """The chart as an ``<img>`` whose source is the SVG itself, its text summary as
    the ``alt`` text.

    The PDF embeds charts this way: WeasyPrint works out CSS for every element of
    an inline ``<svg>`` as though it were HTML, which for a chart per indicator
    costs seconds; an image's SVG is drawn alike without that. The drawing is the
    same SVG either way.
    """
    root = ET.fromstring(svg)
    desc = root.findtext("{http://www.w3.org/2000/svg}desc") or ""
    encoded = base64.b64encode(svg.encode("utf-8")).decode("ascii")
    return (
        f"<img class={quoteattr(root.get('class', 'chart'))} "
        f'src="data:image/svg+xml;base64,{encoded}" alt={quoteattr(desc)} '
        f'width="{root.get("width")}" height="{root.get("height")}">'
    )


# --- shared -------------------------------------------------------------------


def _svg(
    width: float, height: float, title: str, desc: str, body: str, cls: str
) -> str:
    """The ``<svg>`` element around ``body``, with its title and text summary."""
    return (
        f'<svg xmlns="http://www.w3.org/2000/svg" class="chart {cls}" role="img" '
        f'width="{_n(width)}" height="{_n(height)}" '
        f'viewBox="0 0 {_n(width)} {_n(height)}" aria-label={quoteattr(desc)} '
        f'font-family="{FONT}"><title>{escape(title)}</title>'
        f"<desc>{escape(desc)}</desc>{body}</svg>"
    )


def _text(
    x: float,
    y: float,
    text: str,
    anchor: str,
    size: float,
    fill: str,
    cls: str = "label",
) -> str:
    return (
        f'<text class="{cls}" x="{_n(x)}" y="{_n(y)}" text-anchor="{anchor}" '
        f'font-size="{_n(size)}" fill="{fill}">{escape(text)}</text>'
    )


def _dot(x: float, y: float, r: float, fill: str, cls: str) -> str:
    return (
        f'<circle class="{cls}" cx="{_n(x)}" cy="{_n(y)}" r="{_n(r)}" fill="{fill}"/>'
    )


def _points(coords: Sequence[tuple[float, float]]) -> str:
    return " ".join(f"{_n(x)},{_n(y)}" for x, y in coords)


def _n(value: float) -> str:
    """A coordinate rounded to one decimal place, without a needless ".0"."""
    text = f"{value:.1f}"
    return text[:-2] if text.endswith(".0") else text


def _fmt(value: float | None, precision: int) -> str:
    return format_number(value, precision, thousands=True)


def _padded(low: float, high: float) -> tuple[float, float]:
    """The value range of the plot: the data's with a margin, never empty."""
    if high == low:
        margin = abs(high) * 0.1 or 1.0
        return low - margin, high + margin
    margin = (high - low) * 0.08
    return low - margin, high + margin


def _ticks(low: float, high: float, wanted: int = 3) -> list[float]:
    """Round numbers between ``low`` and ``high``, about ``wanted`` of them."""
    raw = (high - low) / wanted
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    first = math.ceil(low / step) * step
    count = int((high - first) / step + 1e-9) + 1
    return [round(first + i * step, 10) for i in range(count)]


def _tick_precision(low: float, high: float) -> int:
    """Decimal places enough to write the ticks exactly."""
    ticks = _ticks(low, high)
    step = ticks[1] - ticks[0] if len(ticks) > 1 else 1.0
    needed = max(0, -math.floor(math.log10(step) + 1e-9))
    if round(step * 10**needed, 9) % 1:
        needed += 1
    return needed
