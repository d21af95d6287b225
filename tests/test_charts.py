"""Charts are checked by what their SVG says (points, lines, labels), not by pixels."""

from __future__ import annotations

import base64
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pypdf
import pytest
from typer.testing import CliRunner

from scorecards.assess.view import Cell, SpcPointView, SpcSegmentView, SpcView
from scorecards.cli import app
from scorecards.publish.charts import (
    CONCERN,
    IMPROVEMENT,
    NEITHER,
    as_image,
    sparkline,
    spc_chart,
    spc_legend,
    spc_notes,
    spc_summary,
    trend_chart,
)

from .conftest import EXAMPLE

NS = {"svg": "http://www.w3.org/2000/svg"}
MONTHS = ["Nov-19", "Dec-19", "Jan-20", "Feb-20", "Mar-20", "Apr-20", "May-20"]


def _svg(text: str) -> ET.Element:
    return ET.fromstring(text)


def _all(root: ET.Element, tag: str, cls: str | None = None) -> list[ET.Element]:
    found = root.findall(f".//svg:{tag}", NS)
    if cls is None:
        return found
    return [e for e in found if cls in e.get("class", "").split()]


def _vertices(polyline: ET.Element) -> list[tuple[float, float]]:
    pairs = [p.split(",") for p in polyline.get("points", "").split()]
    return [(float(x), float(y)) for x, y in pairs]


def _cells(*values: float | None) -> list[Cell]:
    return [
        Cell(v, "" if v is None else f"{v:.1f}", period=f"p{i}")
        for i, v in enumerate(values)
    ]


def _assert_accessible(root: ET.Element, title: str) -> str:
    assert root.get("role") == "img"
    assert root.findtext("svg:title", namespaces=NS) == title
    desc = root.findtext("svg:desc", namespaces=NS)
    assert desc and root.get("aria-label") == desc
    return desc


# sparkline


def test_sparkline_draws_one_vertex_a_figure_left_to_right() -> None:
    values = (27.5, 27.5, 27.7, 27.8, 28.3, 28.3, 28.8)
    root = _svg(sparkline(_cells(*values), labels=MONTHS, title="SCS03 trend"))

    (line,) = _all(root, "polyline")
    points = _vertices(line)
    assert len(points) == 7
    xs = [x for x, _ in points]
    assert xs == sorted(xs) and len(set(xs)) == 7
    # higher figures sit higher: 28.8 is the top, 27.5 the bottom of the line
    ys = [y for _, y in points]
    assert ys[-1] == min(ys) and ys[0] == max(ys) == ys[1]


def test_sparkline_marks_the_latest_point() -> None:
    root = _svg(sparkline(_cells(1, 2, 3), title="X"))
    (latest,) = _all(root, "circle", "latest")
    last = _vertices(_all(root, "polyline")[0])[-1]
    assert (float(latest.get("cx")), float(latest.get("cy"))) == last


def test_sparkline_with_a_missing_period_leaves_a_gap() -> None:
    root = _svg(sparkline(_cells(1, 2, None, 4, 5), title="X"))

    lines = _all(root, "polyline")
    assert [len(_vertices(line)) for line in lines] == [2, 2]
    before, after = _vertices(lines[0]), _vertices(lines[1])
    step = before[1][0] - before[0][0]
    assert after[0][0] - before[-1][0] == pytest.approx(2 * step, abs=0.2)
    assert "1 period has no figure" in _assert_accessible(root, "X")


def test_sparkline_latest_missing_marks_the_last_figure() -> None:
    root = _svg(sparkline(_cells(1, 2, 3, None), labels=["a", "b", "c", "d"]))
    (latest,) = _all(root, "circle", "latest")
    assert (float(latest.get("cx")), float(latest.get("cy"))) == _vertices(
        _all(root, "polyline")[0]
    )[-1]
    assert "latest 3.0 (c)" in root.findtext("svg:desc", namespaces=NS)


def test_sparkline_of_a_flat_series_is_a_level_line() -> None:
    root = _svg(sparkline(_cells(5, 5, 5)))
    assert len({y for _, y in _vertices(_all(root, "polyline")[0])}) == 1


def test_sparkline_all_missing_says_so() -> None:
    root = _svg(sparkline(_cells(None, None), title="EH43 trend"))
    assert not _all(root, "polyline") and not _all(root, "circle")
    assert _assert_accessible(root, "EH43 trend") == "EH43 trend: no figures to chart."
    assert [t.text for t in _all(root, "text")] == ["no figures"]


def test_sparkline_summary_names_the_span_and_extremes() -> None:
    root = _svg(sparkline(_cells(27.5, 28.8, 28.3), labels=MONTHS[:3], title="T"))
    assert _assert_accessible(root, "T") == (
        "T from Nov-19 to Jan-20: lowest 27.5, highest 28.8, latest 28.3 (Jan-20)."
    )


# activity trend chart


def _points(*values: float | None) -> list[tuple[str, Cell]]:
    labels = ["Jan 2020", "Feb 2020", "Mar 2020", "Apr 2020", "May 2020"]
    return [
        (label, Cell(v, "N/A" if v is None else f"{v:,.0f}"))
        for label, v in zip(labels, values, strict=False)
    ]


def test_trend_chart_columns_are_in_proportion_from_zero() -> None:
    root = _svg(trend_chart(_points(100, 200, 50), "First time entrants"))

    columns = _all(root, "rect", "column")
    heights = [float(c.get("height")) for c in columns]
    assert heights[1] == pytest.approx(2 * heights[0], abs=0.2)
    assert heights[2] == pytest.approx(heights[0] / 2, abs=0.2)
    bottoms = {round(float(c.get("y")) + float(c.get("height")), 1) for c in columns}
    assert len(bottoms) == 1  # one baseline
    xs = [float(c.get("x")) for c in columns]
    assert xs == sorted(xs)


def test_trend_chart_labels_periods_and_figures() -> None:
    root = _svg(trend_chart(_points(1131, 1128), "Pupils"))
    assert [t.text for t in _all(root, "text", "x-label")] == ["Jan 2020", "Feb 2020"]
    assert [t.text for t in _all(root, "text", "value")] == ["1,131", "1,128"]
    desc = _assert_accessible(root, "Pupils")
    assert desc == "Pupils: Jan 2020 1,131, Feb 2020 1,128."


def test_trend_chart_missing_period_has_no_column_and_says_why() -> None:
    root = _svg(trend_chart(_points(5, None, 7), "X"))
    assert len(_all(root, "rect", "column")) == 2
    assert [t.text for t in _all(root, "text", "missing")] == ["N/A"]
    assert "Feb 2020 N/A" in root.findtext("svg:desc", namespaces=NS)


def test_trend_chart_all_missing_says_so() -> None:
    root = _svg(trend_chart(_points(None, None), "Requests"))
    assert not _all(root, "rect")
    assert _assert_accessible(root, "Requests") == "Requests: no figures to chart."


# SPC chart


def _spc(
    values: list[float | None],
    variations: list[str] | None = None,
    *,
    segments: list[SpcSegmentView] | None = None,
    target: float | None = 25.0,
) -> SpcView:
    labels = ["Jun-19", "Jul-19", "Aug-19", "Sep-19", "Oct-19", *MONTHS]
    labels = labels[-len(values) :]
    variations = variations or ["" if v is None else "common cause" for v in values]
    points = [
        SpcPointView(f"p{i}", label, value, [], variation)
        for i, (label, value, variation) in enumerate(
            zip(labels, values, variations, strict=True)
        )
    ]
    segment = SpcSegmentView(0, len(values), 20.0, 14.0, 26.0, 16.0, 24.0)
    return SpcView(
        indicator="SCS03",
        points=points,
        segments=segments or [segment],
        target=target,
        variation="concern high",
        variation_text="Special cause variation: concern (high)",
        assurance="hit and miss",
        assurance_text="Assurance: the target is hit and miss",
        warnings=[],
    )


def _scale(root: ET.Element) -> tuple[float, float]:
    """(a, b) with y = a + b * value, from the first two figures, 18 and 22."""
    (_, y18), (_, y22) = _vertices(_all(root, "polyline", "data")[0])[:2]
    b = (y22 - y18) / 4
    return y18 - 18 * b, b


def _dots(root: ET.Element) -> list[tuple[float, float]]:
    """Where the common-cause dots are: one path, a short stroke a dot."""
    paths = _all(root, "path", "common")
    if not paths:
        return []
    (path,) = paths
    starts = re.findall(r"M(-?[\d.]+) (-?[\d.]+)h0\.2", path.get("d"))
    return [(float(x) + 0.1, float(y)) for x, y in starts]


def _line_y(root: ET.Element, cls: str) -> list[float]:
    lines = [e for e in _all(root, "line") if e.get("class") == cls]
    for line in lines:
        assert line.get("y1") == line.get("y2")
    return [float(line.get("y1")) for line in lines]


def test_spc_chart_draws_limits_mean_and_target_at_their_values() -> None:
    root = _svg(spc_chart(_spc([18, 22, 21, 19, 20]), "SCS03 Re-referrals"))
    a, b = _scale(root)

    for cls, value in [
        ("mean", 20.0),
        ("upper limit", 26.0),
        ("lower limit", 14.0),
        ("target", 25.0),
    ]:
        (y,) = _line_y(root, cls)
        assert y == pytest.approx(a + b * value, abs=0.15), cls
    (sigma,) = _all(root, "path", "sigma")
    assert sigma.get("data-value") == "16.000 24.000"
    ys = [float(y) for y in re.findall(r"M[\d.]+ ([\d.]+)H", sigma.get("d"))]
    assert ys == pytest.approx([a + b * 16, a + b * 24], abs=0.15)
    (upper,) = _line_y(root, "upper limit")
    (mean,) = _line_y(root, "mean")
    (lower,) = _line_y(root, "lower limit")
    assert upper < mean < lower


def test_spc_chart_lines_carry_their_values() -> None:
    root = _svg(spc_chart(_spc([18, 22, 21]), "T", precision=1))
    values = {e.get("class"): e.get("data-value") for e in _all(root, "line")}
    assert values["upper limit"] == "26.000"
    assert values["target"] == "25.000"


def test_spc_chart_two_sigma_lines_are_optional() -> None:
    root = _svg(spc_chart(_spc([18, 22, 21]), "T", two_sigma=False))
    assert not _all(root, "path", "sigma")
    assert _line_y(root, "upper limit")


def test_spc_chart_without_target_draws_no_target_line() -> None:
    root = _svg(spc_chart(_spc([18, 22, 21], target=None), "T"))
    assert not _line_y(root, "target")
    assert "target" not in root.findtext("svg:desc", namespaces=NS)


def test_spc_chart_marks_each_variation_by_shape_and_colour() -> None:
    variations = [
        "common cause",
        "common cause",
        "improvement low",
        "concern high",
        "neither high",
    ]
    root = _svg(spc_chart(_spc([18, 22, 15, 27, 24], variations), "T"))

    (improvement,) = _all(root, "circle", "improvement")
    assert improvement.get("fill") == IMPROVEMENT
    assert improvement.get("class") == "point improvement low"
    (concern,) = _all(root, "path", "concern")
    assert concern.get("stroke") == CONCERN and concern.get("fill") == "#ffffff"
    assert concern.get("d").count("l") == 3  # a diamond: four sides
    (neither,) = _all(root, "rect", "neither")
    assert neither.get("stroke") == NEITHER
    (common,) = _all(root, "path", "common")
    assert common.get("data-periods") == "p0 p1"
    assert common.get("stroke-linecap") == "round"
    assert not _all(root, "circle", "concern") and not _all(root, "path", "improvement")


def test_spc_chart_points_run_left_to_right_in_order() -> None:
    variations = ["common cause", "improvement low", *["common cause"] * 3]
    root = _svg(spc_chart(_spc([18, 12, 21, 19, 20], variations), "T"))
    (line,) = _all(root, "polyline", "data")
    vertices = _vertices(line)
    xs = [x for x, _ in vertices]
    assert xs == sorted(xs) and len(xs) == 5
    (special,) = _all(root, "circle", "improvement")
    assert (float(special.get("cx")), float(special.get("cy"))) == vertices[1]
    dots = _dots(root)
    expected = [vertices[0], *vertices[2:]]
    assert [x for x, _ in dots] == pytest.approx([x for x, _ in expected], abs=0.06)
    assert [y for _, y in dots] == [y for _, y in expected]
    common = _all(root, "path", "common")[0]
    assert common.get("data-periods") == "p0 p2 p3 p4"


def test_spc_chart_starts_at_the_first_figure() -> None:
    root = _svg(spc_chart(_spc([None, None, 18, 22, 21]), "T"))
    labels = [t.text for t in _all(root, "text", "x-label")]
    assert "Jan-20" not in labels and "Mar-20" in labels
    assert len(_dots(root)) == 3
    assert "from Mar-20 to May-20" in root.findtext("svg:desc", namespaces=NS)


def test_spc_chart_gap_breaks_the_line() -> None:
    root = _svg(spc_chart(_spc([18, 22, None, 19, 20]), "T"))
    lines = _all(root, "polyline", "data")
    assert [len(_vertices(line)) for line in lines] == [2, 2]
    assert len(_dots(root)) == 4


def test_spc_chart_rebase_starts_new_lines() -> None:
    segments = [
        SpcSegmentView(0, 3, 20.0, 14.0, 26.0, 16.0, 24.0),
        SpcSegmentView(3, 6, 30.0, 27.0, 33.0, 28.0, 32.0),
    ]
    spc = _spc([18, 22, 20, 29, 31, 30], segments=segments)
    root = _svg(spc_chart(spc, "T"))

    assert len(_all(root, "line", "rebase")) == 1
    means = [e for e in _all(root, "line") if e.get("class") == "mean"]
    assert [m.get("data-value") for m in means] == ["20.000", "30.000"]
    assert float(means[0].get("x2")) <= float(means[1].get("x1"))
    assert [len(_vertices(p)) for p in _all(root, "polyline", "data")] == [3, 3]
    assert "since Mar-20 (rebased), mean 30.0, limits 27.0 to 33.0" in root.findtext(
        "svg:desc", namespaces=NS
    )


def test_spc_chart_summary_states_span_latest_limits_and_signals() -> None:
    variations = ["common cause"] * 5 + ["concern high", "concern high"]
    values = [27.5, 27.5, 27.7, 27.8, 28.3, 28.3, 28.8]
    spc = _spc(values, variations)
    spc = SpcView(
        **{
            **spc.__dict__,
            "segments": [SpcSegmentView(0, 7, 27.94, 26.14, 29.74, 26.74, 29.14)],
        }
    )
    root = _svg(spc_chart(spc, "SCS03 Re-referrals", name="SCS03"))

    assert _assert_accessible(root, "SCS03 Re-referrals") == (
        "SCS03 from Nov-19 to May-20: latest 28.8, mean 27.9, limits 26.1 to 29.7; "
        "2 points show special cause concern; target 25.0. Latest point: special "
        "cause variation: concern (high). Assurance: the target is hit and miss."
    )
    assert spc_summary(spc, name="SCS03").endswith("concern; target 25.0.")


def test_spc_chart_labels_the_latest_figure_with_its_unit() -> None:
    root = _svg(spc_chart(_spc([18, 22, 21.25]), "T", unit="percent", precision=1))
    assert [t.text for t in _all(root, "text", "latest")] == ["21.3%"]
    assert all(t.text.endswith("%") for t in _all(root, "text", "y-label"))


def test_spc_chart_all_missing_says_so() -> None:
    root = _svg(spc_chart(_spc([None, None, None]), "EH43 Exclusions", name="EH43"))
    assert not _all(root, "path") and not _all(root, "polyline")
    assert _assert_accessible(root, "EH43 Exclusions") == "EH43: no figures to chart."
    assert [t.text for t in _all(root, "text")] == ["No figures to chart"]


def test_chart_titles_are_escaped() -> None:
    title = 'A <b>bold</b> & "quoted" title'
    for svg in (
        spc_chart(_spc([18, 22]), title, name=title),
        sparkline(_cells(1, 2), title=title),
        trend_chart(_points(1, 2), title),
    ):
        assert "<b>" not in svg
        root = _svg(svg)  # well-formed despite the title
        assert root.findtext("svg:title", namespaces=NS) == title
        assert root.findtext("svg:desc", namespaces=NS).startswith(title)
        assert root.get("aria-label").startswith(title)


def test_coordinates_are_rounded_to_one_decimal() -> None:
    svg = spc_chart(_spc([18.123456, 22.987654, 21.5]), "T")
    numbers = re.findall(r'(?:x|y|x1|y1|x2|y2|cx|cy)="(-?[\d.]+)"', svg)
    assert numbers and all(len(n.partition(".")[2]) <= 1 for n in numbers)


# embedding, key and notes


def test_as_image_embeds_the_same_svg_with_its_summary_as_alt() -> None:
    svg = sparkline(_cells(1, 2), title="A & B")
    image = as_image(svg)
    src = re.search(r'src="data:image/svg\+xml;base64,([^"]+)"', image)
    assert src and base64.b64decode(src.group(1)).decode() == svg
    assert 'alt="A &amp; B from p0 to p1' in image


def test_legend_shows_every_mark_and_line() -> None:
    root = _svg(spc_legend())
    texts = [t.text for t in _all(root, "text")]
    assert texts == [
        "Special cause improvement",
        "Special cause concern",
        "Special cause, neither",
        "Common cause",
        "Mean",
        "Process limits",
        "2-sigma lines",
        "Target",
    ]
    assert _all(root, "path", "concern") and _all(root, "line", "target")


def test_spc_notes_list_each_warning_once_with_its_charts() -> None:
    class Row:
        def __init__(self, code: str | None, title: str, warnings: list[str]) -> None:
            self.code, self.title = code, title
            self.spc = SpcView("x", [], [], None, "", "", "none", "", warnings)

    rows = [
        Row("A1", "a", ["overlap", "provisional"]),
        Row(None, "Unnamed row", ["provisional"]),
    ]
    assert spc_notes(rows) == [
        ("overlap", ["A1"]),
        ("provisional", ["A1", "Unnamed row"]),
    ]


# the example, end to end


CHARTED = (
    "ics-monthly",
    "ics-quarterly",
    "education-monthly",
    "education-annual",
    "vulnerable-primary",
    "vulnerable-secondary",
)


@pytest.fixture(scope="module")
def spc_pdf(tmp_path_factory: pytest.TempPathFactory) -> tuple[str, Path]:
    out = tmp_path_factory.mktemp("spc")
    result = CliRunner().invoke(
        app,
        [
            "build",
            str(EXAMPLE),
            "--month",
            "2020-05",
            "--layout",
            "directorate-spc",
            "--format",
            "pdf,json",
            "--out",
            str(out),
        ],
    )
    assert result.exit_code == 0, result.output
    (pdf,) = out.glob("directorate-spc-2020-05*.pdf")
    (data,) = out.glob("directorate-spc-2020-05*.json")
    text = " ".join(page.extract_text() for page in pypdf.PdfReader(pdf).pages)
    return " ".join(text.split()), data


def test_spc_layout_pdf_has_a_chart_summary_per_indicator(
    spc_pdf: tuple[str, Path],
) -> None:
    import json

    text, json_path = spc_pdf
    rows = [
        r for r in json.loads(json_path.read_text())["rows"] if r["section"] in CHARTED
    ]
    assert len(rows) == 74
    appendix = text[text.index("SPC charts May 2020") :]
    for row in rows:
        name = row["code"] or row["title"]
        assert f"{name} from " in appendix, name


def test_spc_layout_pdf_names_each_direction_of_travel_method(
    spc_pdf: tuple[str, Path],
) -> None:
    text, _ = spc_pdf
    guidance = text[: text.index("POLARITY")]
    assert "Direction of travel" in guidance
    assert (
        "Education Annual Indicators: Direction of travel is the slope of a "
        "least-squares line over the 3 periods shown" in guidance
    )
    assert "Direction of travel compares the latest figure with the latest" in guidance


def test_spc_layout_pdf_shows_icons_beside_rag_as_words(
    spc_pdf: tuple[str, Path],
) -> None:
    text, _ = spc_pdf
    assert "AMBER ◇ Concern ↑ ✗ Fails target" in text  # SCS03
    assert "SPC VARIATION AND ASSURANCE" in text
