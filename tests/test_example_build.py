"""The bundled example builds end to end through the command line, as a user runs it."""

import json
import re
import shutil
from pathlib import Path

import pypdf
import pytest
from typer.testing import CliRunner

from scorecards.cli import app

from .conftest import EXAMPLE

SECTION_TITLES = [
    "Guidance Notes",
    "Directorate Scorecard - Kent Activity/Volume",
    "Integrated Children's Services Monthly Indicators",
    "Integrated Children's Services Quarterly Indicators",
    "Education Monthly Indicators",
    "Education Annual Indicators",
    "Commentary on Integrated Children's Services Indicators",
    "Commentary on Education Indicators",
    "Annual Indicators - Primary",
    "Annual Indicators - Secondary",
    "Data Sources for Current Report",
    "Indicator Definitions",
]


@pytest.fixture(scope="module")
def outputs(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    project = tmp_path_factory.mktemp("example") / "project"
    shutil.copytree(EXAMPLE, project)
    out = tmp_path_factory.mktemp("out")
    result = CliRunner().invoke(
        app,
        [
            "build",
            str(project),
            "--month",
            "2020-05",
            "--out",
            str(out),
            "--format",
            "html,pdf,json",
        ],
    )
    assert result.exit_code == 0, result.output
    return {path.suffix[1:]: path for path in out.iterdir()}


@pytest.fixture(scope="module")
def pdf_text(outputs: dict[str, Path]) -> str:
    reader = pypdf.PdfReader(outputs["pdf"])
    return "\n".join(page.extract_text() for page in reader.pages)


def test_build_writes_exactly_the_three_formats(outputs: dict[str, Path]) -> None:
    assert sorted(outputs) == ["html", "json", "pdf"]
    assert outputs["pdf"].name == "directorate-2020-05-draft.pdf"


def test_pdf_is_a4_landscape(outputs: dict[str, Path]) -> None:
    page = pypdf.PdfReader(outputs["pdf"]).pages[0]
    width, height = float(page.mediabox.width), float(page.mediabox.height)
    assert (round(width), round(height)) == (842, 595)


def test_pdf_has_the_seeds_sections_in_order(pdf_text: str) -> None:
    flat = " ".join(pdf_text.split())
    position = 0
    for title in SECTION_TITLES:
        found = flat.find(title, position)
        assert found >= 0, f"{title!r} is missing or out of order"
        position = found + len(title)


def test_pdf_scs03_row_reads_trend_latest_arrow_target_and_rag(pdf_text: str) -> None:
    flat = " ".join(pdf_text.split())
    row = re.search(r"SCS03 Percentage re-referrals.*?\(R12M\) (.*?) SCS08", flat)
    assert row is not None
    assert row.group(1).startswith(
        "L R12M 27.5 27.5 27.7 27.8 28.3 28.3 28.8 ↓ 25.0 AMBER"
    )


def test_pdf_commentary_leads_each_paragraph_with_its_rag(pdf_text: str) -> None:
    flat = " ".join(pdf_text.split())
    assert "RED: There has been a slight improvement in the timeliness" in flat
    assert "AMBER: The percentage re-referrals to Children's Social Work" in flat


def test_json_holds_every_assessed_row(outputs: dict[str, Path]) -> None:
    data = json.loads(outputs["json"].read_text(encoding="utf-8"))
    rows = data["rows"]

    assert len(rows) == 74
    scs03 = next(r for r in rows if r["indicator"] == "SCS03")
    assert scs03["section"] == "ics-monthly"
    assert scs03["code"] == "SCS03" and scs03["polarity"] == "L"
    assert [c["period"] for c in scs03["trend"]][-1] == "2020-05"
    assert scs03["latest"]["value"] == 28.8
    assert (scs03["direction"], scs03["direction_arrow"]) == ("worsened", "↓")
    assert (scs03["target"], scs03["rag"]) == (25.0, "AMBER")
    assert scs03["previous"]["outturn"]["value"] == 28.3
    assert scs03["previous"]["rag"] == "AMBER"
    assert [b["value"] for b in scs03["benchmarks"]] == [22.3, 22.6]


def test_json_shows_no_code_for_rows_the_seed_prints_without_one(
    outputs: dict[str, Path],
) -> None:
    rows = json.loads(outputs["json"].read_text(encoding="utf-8"))["rows"]
    audit = next(r for r in rows if r["indicator"] == "EHU-AUDIT")
    assert audit["code"] is None
    # the seed prints no code for 2 EH unit rows, 21 primary and 8 secondary rows
    assert sum(1 for r in rows if r["code"] is None) == 2 + 21 + 8


def test_html_is_one_self_contained_page(outputs: dict[str, Path]) -> None:
    html = outputs["html"].read_text(encoding="utf-8")
    assert "<style" in html and "<link" not in html
    assert "Children&#39;s Social Work Services" in html


def test_only_latest_values_from_an_earlier_reporting_year_are_italic(
    outputs: dict[str, Path],
) -> None:
    rows = json.loads(outputs["json"].read_text(encoding="utf-8"))["rows"]
    by_key = {(r["section"], r["indicator"]): r for r in rows}

    # an annual table's 2018-19 figure in the May 2020 edition (academic 2019-20)
    assert by_key[("education-annual", "EY14")]["latest"]["italic"] is True
    # May 2020 belongs to the edition's own year; its trend is never italic
    scs03 = by_key[("ics-monthly", "SCS03")]
    assert scs03["latest"]["italic"] is False
    assert [c["italic"] for c in scs03["trend"]] == [False] * 7
    # the quarterly table's Q3 2019-20 is in the previous financial year
    assert by_key[("ics-quarterly", "CYPE8")]["latest"]["italic"] is True
