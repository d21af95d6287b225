"""Drafted commentary: every rated row gets a paragraph in the seed's house style, and
an analyst's text always wins over the draft."""

from __future__ import annotations

import dataclasses
import re

import pytest

from scorecards.assess.rules import Direction, Rag
from scorecards.assess.scorecard import assemble
from scorecards.assess.view import (
    Cell,
    CommentaryView,
    KpiRowView,
    KpiTableView,
    ScorecardView,
)
from scorecards.catalogue.project import Project, load_project
from scorecards.narrate import draft_commentary, draft_text
from scorecards.periods import Month
from scorecards.publish.html import render_html

from .conftest import EXAMPLE

MAY_2020 = Month(2020, 5)

# Typed from the seed's tables (pages "Directorate Scorecard - Kent KPIs"): the latest
# figure, the April 2020 figure, the target, the DOT and the RAG of ten indicators.
SEED = {
    "SCS03": ("28.8%", "up from 28.3% in April 2020", "above the target of 25.0%",
              "Performance has worsened", Rag.AMBER),
    "SCS13": ("23.2%", "unchanged since April 2020",
              "above the target range of 17.5% - 22.5%", "Performance is unchanged",
              Rag.AMBER),
    "SCS19": ("79.7%", "up from 79.3% in April 2020", "below the target of 85.0%",
              "Performance has improved", Rag.AMBER),
    "EH52-F": ("56.5%", "up from 56.1% in April 2020", "below the target of 70.0%",
               "Performance has improved", Rag.RED),
    "SCS40": ("91.5%", "up from 88.2% in April 2020", "above the target of 85.0%",
              "Performance has improved", Rag.GREEN),
    "SCS43": ("18.3 cases", "down from 18.4 cases in April 2020",
              "above the target of 18.0 cases", "Performance has improved", Rag.AMBER),
    "SEND11": ("28.9%", "down from 36.7% in April 2020", "below the target of 40.0%",
               "Performance has worsened", Rag.RED),
    "CYPE1": ("1,131", "up from 1,128 in April 2020", "above the target of 950",
              "Performance has worsened", Rag.RED),
    "EH44": ("11", "down from 15 in April 2020", "below the target of 30",
             "Performance has improved", Rag.GREEN),
    "CYPE6": ("91.9%", "up from 91.1% in April 2020", "above the target of 90.0%",
              "Performance has improved", Rag.GREEN),
}  # fmt: skip
MET = {Rag.GREEN: "the target is met", Rag.AMBER: "not", Rag.RED: "not"}


@pytest.fixture(scope="module")
def project() -> Project:
    return load_project(EXAMPLE)


@pytest.fixture(scope="module")
def assembled(project: Project) -> ScorecardView:
    return assemble(project, MAY_2020, layout="directorate-spc")


@pytest.fixture(scope="module")
def drafted(assembled: ScorecardView) -> ScorecardView:
    return draft_commentary(assembled)


def _tables(view: ScorecardView) -> dict[str, KpiTableView]:
    return {s.id: s for s in view.sections if isinstance(s, KpiTableView)}


def _commentaries(view: ScorecardView) -> list[CommentaryView]:
    return [s for s in view.sections if isinstance(s, CommentaryView)]


def _row(view: ScorecardView, indicator: str) -> tuple[KpiRowView, str]:
    for table in _tables(view).values():
        for row in table.rows:
            if row.indicator == indicator:
                return row, table.direction_method
    raise AssertionError(f"no row {indicator}")


def _paragraphs(section: CommentaryView) -> dict[str, tuple[str, object]]:
    return {p.indicator: (group, p) for group, ps in section.groups for p in ps}


# coverage and precedence


def test_print_all_gives_every_rated_row_of_the_covered_tables_a_paragraph(
    drafted: ScorecardView,
) -> None:
    tables = _tables(drafted)
    for section in _commentaries(drafted):
        assert section.print_mode == "all"
        rated = {
            row.indicator
            for table_id in section.covers
            for row in tables[table_id].rows
            if row.rag is not None
        }
        assert rated <= set(_paragraphs(section))
    ics, education = _commentaries(drafted)
    assert len(_paragraphs(ics)) == 17  # 16 monthly rows and CYPE8
    assert len(_paragraphs(education)) == 22  # 6 monthly and 16 annual rows


def test_analyst_text_wins_over_the_draft(drafted: ScorecardView) -> None:
    ics = _commentaries(drafted)[0]
    group, paragraph = _paragraphs(ics)["SCS03"]
    assert group == "AMBER" and not paragraph.drafted
    assert paragraph.text.startswith(
        "The percentage re-referrals to Children's Social Work Services within 12 "
        "months of a previous referral has increased slightly"
    )
    written = [p for _, ps in ics.groups for p in ps if not p.drafted]
    assert len(written) == 15  # every paragraph of the example's commentary


def test_only_rows_without_analyst_text_are_drafted(drafted: ScorecardView) -> None:
    ics, education = _commentaries(drafted)
    assert sorted(i for i, (_, p) in _paragraphs(ics).items() if p.drafted) == [
        "CYPE8",
        "EHU-CASELOAD",
    ]
    drafted_education = [i for i, (_, p) in _paragraphs(education).items() if p.drafted]
    assert len(drafted_education) == 16
    assert "SEND11" not in drafted_education


def test_written_paragraphs_come_first_then_drafts_in_table_order(
    drafted: ScorecardView,
) -> None:
    education = _commentaries(drafted)[1]
    groups = dict(education.groups)
    assert [key for key, _ in education.groups] == ["RED", "AMBER", "GREEN"]
    red = [(p.indicator, p.drafted) for p in groups["RED"]]
    assert red == [
        ("SEND11", False),
        ("CYPE1", False),
        ("EH43", False),
        ("CYPE22", False),
        ("SISE19", True),
        ("EH47", True),
    ]
    green = [p.indicator for p in groups["GREEN"]]
    assert green == ["EH44", "CYPE6", "EY2", "SISE4", "CYPE3"]


def test_drafted_paragraphs_sit_in_their_rows_rag_group(drafted: ScorecardView) -> None:
    for section in _commentaries(drafted):
        for group, paragraphs in section.groups:
            for paragraph in paragraphs:
                assert paragraph.rag is not None and paragraph.rag.value == group


def test_print_written_leaves_the_view_as_assembled(project: Project) -> None:
    view = assemble(project, MAY_2020)
    assert draft_commentary(view) == view


def test_drafting_does_not_change_the_view_it_is_given(
    assembled: ScorecardView, drafted: ScorecardView
) -> None:
    before = [len(ps) for s in _commentaries(assembled) for _, ps in s.groups]
    assert drafted is not assembled
    assert [len(ps) for s in _commentaries(assembled) for _, ps in s.groups] == before
    assert not any(
        p.drafted for s in _commentaries(assembled) for _, ps in s.groups for p in ps
    )


def test_print_new_drafts_only_rows_with_new_figures(assembled: ScorecardView) -> None:
    stale = {"EY2", "EY14", "SISE4"}

    def edit(section: object) -> object:
        if isinstance(section, CommentaryView):
            return dataclasses.replace(section, print_mode="new")
        if isinstance(section, KpiTableView):
            rows = [
                dataclasses.replace(r, new_data=r.indicator not in stale)
                for r in section.rows
            ]
            return dataclasses.replace(section, rows=rows)
        return section

    view = dataclasses.replace(
        assembled, sections=[edit(s) for s in assembled.sections]
    )
    education = _paragraphs(_commentaries(draft_commentary(view))[1])
    assert not stale & set(education)
    assert education["EH47"][1].drafted
    assert not education["SEND11"][1].drafted  # written text stays, new or not
    assert len(education) == 22 - len(stale)


# the house style, against the seed


@pytest.mark.parametrize("indicator", list(SEED))
def test_drafted_sentence_states_figure_movement_target_and_rag(
    assembled: ScorecardView, indicator: str
) -> None:
    figure, movement, target, judgement, rating = SEED[indicator]
    row, method = _row(assembled, indicator)

    text = draft_text(row, method=method)

    first = text.split(". ")[0]
    assert f" is {figure}, {movement} and {target}" in first
    assert judgement in text
    assert MET[rating] in text.split(judgement)[1].split(".")[0]
    assert row.rag is rating
    assert not text.startswith(rating.value)  # the renderer prints the RAG word


def test_drafted_sentence_in_full_for_scs03(assembled: ScorecardView) -> None:
    row, method = _row(assembled, "SCS03")
    assert draft_text(row, method=method) == (
        "The percentage re-referrals to Children's Social Work Services within 12 "
        "months of a previous referral (R12M) is 28.8%, up from 28.3% in April 2020 "
        "and above the target of 25.0%. Performance has worsened and the target is "
        "not met. This compares with 22.3% for statistical neighbours and 22.6% for "
        "England (2018-19)."
    )


def test_drafted_sentence_names_benchmarks_of_other_periods(
    assembled: ScorecardView,
) -> None:
    row, method = _row(assembled, "CYPE8")
    text = draft_text(row, method=method)
    assert text.startswith("The rate of proven re-offending by CYP is 34.2%")
    assert text.endswith(
        "This compares with 40.5% for statistical neighbours and 40.9% for "
        "England & Wales (January 2019)."
    )


def test_drafted_sentence_of_a_regression_table_names_the_trend(
    assembled: ScorecardView,
) -> None:
    row, method = _row(assembled, "CYPE24")
    assert method == "regression"
    text = draft_text(row, method=method)
    assert "is 27.69, down from 32.74 in 2017-18 and below the target of 29.00." in text
    assert (
        "The trend over the periods shown is worsening and the target is not met."
        in text
    )


def _custom_row(**changes: object) -> KpiRowView:
    cells = [Cell(10.0, "10.0", "2020-03"), Cell(None, "", "2020-04")]
    cells.append(Cell(12.0, "12.0", "2020-05"))
    row = KpiRowView(
        section="t", indicator="X", code="X", title="Children seen", polarity="H",
        data_period="MS", unit="count", precision=0, qpr=False, business_plan=False,
        trend=cells, latest=cells[-1], direction=Direction.IMPROVED,
        compared_with="2020-03", target_year="2020-21", target=12.0,
        target_text="12", band_text="", rag=Rag.GREEN, previous=None,
        next_target=None, next_target_text="", benchmarks=[],
    )  # fmt: skip
    return dataclasses.replace(row, **changes)  # type: ignore[arg-type]


def test_drafted_sentence_keeps_a_title_that_names_no_quantity() -> None:
    text = draft_text(_custom_row())
    assert text == (
        "Children seen is 12, up from 10 in March 2020 and meeting the target of 12. "
        "Performance has improved and the target is met."
    )


def test_drafted_sentence_without_target_or_earlier_figure() -> None:
    cells = [Cell(None, "", "2020-04"), Cell(3.25, "3.3", "2020-05")]
    row = _custom_row(
        trend=cells, latest=cells[-1], target=None, direction=None, rag=None,
        unit="days", precision=1, title="Average wait",
    )  # fmt: skip
    assert draft_text(row) == "The average wait is 3.3 days."


def test_drafted_sentence_for_polarity_t_inside_its_band() -> None:
    row = _custom_row(polarity="T", band_text="11 - 13", unit="percent")
    assert (
        "12%, up from 10% in March 2020 and within the target range of 11% - 13%"
        in (draft_text(row))
    )


# rendering


def test_rendered_html_marks_drafted_and_written_paragraphs(
    drafted: ScorecardView,
) -> None:
    html = render_html(drafted)
    count = sum(
        p.drafted for s in _commentaries(drafted) for _, ps in s.groups for p in ps
    )
    assert html.count('<p class="para drafted"') == count == 18
    assert html.count('class="draft-label"') == count
    assert '<p class="para" data-code="SCS03">' in html
    scs = re.search(r'<p class="para drafted" data-code="CYPE8">(.*?)</p>', html, re.S)
    assert scs and "GREEN:</strong> The rate of proven re-offending" in scs.group(1)
