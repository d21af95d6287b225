"""RAG and direction-of-travel rules, checked against cases kept as data."""

from pathlib import Path

import pytest
import yaml

from scorecards.assess.rules import Direction, Rag, at_precision, direction, rag
from scorecards.catalogue.models import Polarity

RULES = Path(__file__).parent / "rules"


def _cases(name: str) -> list:
    cases = yaml.safe_load((RULES / name).read_text(encoding="utf-8"))
    return [pytest.param(case, id=case["name"]) for case in cases]


@pytest.mark.parametrize("case", _cases("rag_cases.yaml"))
def test_rag(case: dict) -> None:
    band = tuple(case["band"]) if case.get("band") else None
    floor_band = tuple(case["floor_band"]) if case.get("floor_band") else None

    result = rag(
        case["value"],
        Polarity(case["polarity"]),
        case["precision"],
        case["target"],
        floor=case.get("floor"),
        band=band,
        floor_band=floor_band,
    )

    expected = Rag(case["expected"]) if case["expected"] else None
    assert result is expected


@pytest.mark.parametrize("case", _cases("direction_cases.yaml"))
def test_direction(case: dict) -> None:
    polarity = Polarity(case["polarity"]) if case["polarity"] else None

    result = direction(
        case["latest"],
        case["previous"],
        polarity,
        case["precision"],
        case.get("target"),
    )

    expected = Direction(case["expected"]) if case["expected"] else None
    assert result is expected


def test_display_rounding_is_half_away_from_zero_on_the_decimal_text() -> None:
    # 2.675 is stored as 2.67499999... in binary; a spreadsheet shows 2.68
    assert str(at_precision(2.675, 2)) == "2.68"
    assert str(at_precision(-2.5, 0)) == "-3"


def test_arrows_are_the_seeds_glyphs() -> None:
    assert [d.arrow for d in Direction] == ["↑", "↓", "↔"]
