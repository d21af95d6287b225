"""The bundled example rebuilt by our code agrees with the published scorecard.

Expected values come from tests/fixtures/seed_expectations.yaml, transcribed by hand
from the seed text and never produced by our code. Rows are matched by section and
printed code, or by printed title where the seed prints no code.
"""

from pathlib import Path

import pytest
import yaml

from scorecards.assess.scorecard import assemble
from scorecards.assess.view import KpiRowView, KpiTableView
from scorecards.catalogue.project import load_project
from scorecards.periods import Month

from .conftest import EXAMPLE

FIXTURE = Path(__file__).parent / "fixtures" / "seed_expectations.yaml"
EXPECTED = yaml.safe_load(FIXTURE.read_text(encoding="utf-8"))
ARROW_WORDS = {"improved", "worsened", "same"}


def _key(section: str, code: str | None, title: str) -> tuple[str, str]:
    return (section, code if code else title)


def _expected_rows() -> list[tuple[str, dict]]:
    return [(key, row) for key, rows in EXPECTED["sections"].items() for row in rows]


def _excused() -> dict[tuple[str, str], str]:
    return {
        _key(e["section"], e["code"], e["title"]): e["reason"]
        for e in EXPECTED["excused_dot"]
    }


@pytest.fixture(scope="module")
def built() -> dict[tuple[str, str], KpiRowView]:
    view = assemble(load_project(EXAMPLE), Month(2020, 5))
    rows = {}
    for section in view.sections:
        if isinstance(section, KpiTableView):
            for row in section.rows:
                rows[_key(section.id, row.code, row.title)] = row
    return rows


def _row(built: dict, section: str, expected: dict) -> KpiRowView:
    key = _key(section, expected["code"], expected["title"])
    assert key in built, f"{key} is not a row of our {section} table"
    return built[key]


def _ids(rows: list[tuple[str, dict]]) -> list[str]:
    return [f"{s}:{r['code'] or r['title'][:40]}" for s, r in rows]


ROWS = _expected_rows()


def test_fixture_holds_the_seeds_74_ratings_and_23_previous_year_ratings() -> None:
    assert sum(1 for _, row in ROWS if row.get("rag")) == 74
    assert sum(1 for _, row in ROWS if row.get("prev_rag")) == 23


def test_every_table_row_of_the_seed_is_built_and_no_other(built: dict) -> None:
    expected = {_key(s, r["code"], r["title"]) for s, r in ROWS}
    assert set(built) == expected


@pytest.mark.parametrize(("section", "expected"), ROWS, ids=_ids(ROWS))
def test_rag_matches_the_seed(built: dict, section: str, expected: dict) -> None:
    row = _row(built, section, expected)
    assert row.latest.value == pytest.approx(expected["latest"])
    assert row.rag is not None and row.rag.value == expected["rag"]


PREVIOUS = [(s, r) for s, r in ROWS if r.get("prev_rag")]


@pytest.mark.parametrize(("section", "expected"), PREVIOUS, ids=_ids(PREVIOUS))
def test_previous_year_outturn_and_rag_match_the_seed(
    built: dict, section: str, expected: dict
) -> None:
    row = _row(built, section, expected)
    assert row.previous is not None
    assert row.previous.outturn.value == pytest.approx(expected["prev_outturn"])
    assert row.previous.target == pytest.approx(expected["prev_target"])
    assert (
        row.previous.rag is not None and row.previous.rag.value == expected["prev_rag"]
    )


CHECKED = [(s, r) for s, r in ROWS if _key(s, r["code"], r["title"]) not in _excused()]


@pytest.mark.parametrize(("section", "expected"), CHECKED, ids=_ids(CHECKED))
def test_direction_of_travel_matches_the_seed(
    built: dict, section: str, expected: dict
) -> None:
    assert expected["dot"] in ARROW_WORDS
    row = _row(built, section, expected)
    assert row.direction is not None and row.direction.value == expected["dot"]


def test_only_the_illegible_arrows_and_two_contradictions_are_excused() -> None:
    excused = EXPECTED["excused_dot"]
    illegible = [e for e in excused if e["section"] == "vulnerable-primary"]
    contradictions = [e for e in excused if e["section"] == "vulnerable-secondary"]

    assert len(illegible) + len(contradictions) == len(excused)
    primary = EXPECTED["sections"]["vulnerable-primary"]
    assert len(illegible) == sum(1 for r in primary if r["dot"] == "illegible")
    assert sorted(e["title"] for e in contradictions) == [
        "Average score at KS4 in Progress 8 - FSM",
        "Average score at KS4 in Progress 8 - Kent CIC",
    ]


@pytest.mark.parametrize(("section", "expected"), ROWS, ids=_ids(ROWS))
def test_trend_and_targets_match_the_seed(
    built: dict, section: str, expected: dict
) -> None:
    row = _row(built, section, expected)
    assert [c.value for c in row.trend] == pytest.approx(expected["trend"])
    assert row.target == pytest.approx(expected["target"])
    if "next_target" in expected:
        assert row.next_target == pytest.approx(expected["next_target"])
