"""Assembling a scorecard: which figures each column shows and how rows are rated."""

from pathlib import Path

from scorecards.assess.rules import Direction, Rag
from scorecards.assess.scorecard import assemble
from scorecards.assess.view import KpiTableView
from scorecards.catalogue.project import load_project
from scorecards.periods import Month

MAY_2020 = Month(2020, 5)


def _rows(project: Path, month: Month = MAY_2020) -> tuple:
    view = assemble(load_project(project), month)
    tables = [s for s in view.sections if isinstance(s, KpiTableView)]
    return {row.indicator: row for table in tables for row in table.rows}, view


def test_starter_rows_are_rated_against_the_year_containing_the_month(
    starter: Path,
) -> None:
    rows, view = _rows(starter)

    kpi01, kpi02 = rows["KPI01"], rows["KPI02"]
    assert kpi01.target_year == "2020-21"
    assert (kpi01.latest.text, kpi01.rag, kpi01.direction) == (
        "90.4",
        Rag.GREEN,
        Direction.IMPROVED,
    )
    # KPI02 (L): 20.1 misses the target of 18 but meets the floor of 22
    assert (kpi02.latest.text, kpi02.rag, kpi02.direction) == (
        "20.1",
        Rag.AMBER,
        Direction.IMPROVED,
    )
    assert [c.text for c in kpi02.trend][:2] == ["19.2", "19.8"]
    assert view.warnings == []


def test_missing_figure_is_shown_empty_and_never_rated(starter: Path) -> None:
    rows, _ = _rows(starter)

    kpi03 = rows["KPI03"]
    assert kpi03.latest.value is None
    assert kpi03.latest.text == ""  # to be supplied
    assert kpi03.rag is None and kpi03.direction is None


def test_not_available_figure_reads_n_a(starter: Path) -> None:
    path = starter / "figures" / "figures.csv"
    path.write_text(
        path.read_text().replace("KPI03,2020-05,,,,", "KPI03,2020-05,,N/A,,")
    )

    rows, _ = _rows(starter)

    assert rows["KPI03"].latest.text == "N/A"
    assert rows["KPI03"].rag is None


def test_missing_target_for_the_year_warns_with_indicator_and_year(
    starter: Path,
) -> None:
    path = starter / "targets.csv"
    path.write_text(path.read_text().replace("KPI01,2020-21", "KPI01,2019-20"))

    rows, view = _rows(starter)

    assert rows["KPI01"].rag is None
    assert view.warnings == ["no target for 2020-21: KPI01 is not rated"]


def test_direction_skips_back_over_an_empty_period(starter: Path) -> None:
    # April is removed: May (90.4) is compared with March (88.6)
    path = starter / "figures" / "figures.csv"
    path.write_text(path.read_text().replace("KPI01,2020-04,,89.2,1377,1544\n", ""))

    rows, _ = _rows(starter)

    assert rows["KPI01"].compared_with == "2020-03"
    assert rows["KPI01"].direction is Direction.IMPROVED
    assert rows["KPI01"].trend[-2].text == ""


def test_month_with_no_earlier_figure_has_no_direction(starter: Path) -> None:
    rows, _ = _rows(starter, Month(2019, 11))

    assert rows["KPI01"].latest.text == "86.1"
    assert rows["KPI01"].direction is None and rows["KPI01"].compared_with == ""


def test_figures_after_the_edition_month_are_not_shown(starter: Path) -> None:
    rows, _ = _rows(starter, Month(2020, 3))

    assert rows["KPI01"].latest.text == "88.6"
    assert [c.period for c in rows["KPI01"].trend][-1] == "2020-03"
    assert rows["KPI01"].target_year == "2019-20"


def test_a_month_with_no_figures_at_all_is_warned_about(starter: Path) -> None:
    _, view = _rows(starter, Month(2030, 1))
    assert any("no KPI table has a figure" in w for w in view.warnings)
