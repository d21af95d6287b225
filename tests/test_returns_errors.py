"""Files that cannot be read give one clear message naming the file and the
problem, and loading stops only when nothing usable remains."""

from __future__ import annotations

import shutil
from pathlib import Path

import openpyxl
import pytest

from scorecards.errors import InputError
from scorecards.returns.load import load_returns, read_returns
from scorecards.store.database import open_store

DATA = Path(__file__).parent / "data" / "returns"


def _problems(path: Path) -> list[str]:
    _, _, summary = read_returns([path])
    return [str(p) for p in summary.problems]


def test_malformed_xml_names_the_file_line_and_column(tmp_path):
    path = tmp_path / "cin.xml"
    path.write_text("<Message>\n  <Header>\n</Message>\n")

    assert _problems(path) == [
        f"{path}: is not well-formed XML: mismatched tag at line 3, column 3"
    ]


def test_xml_with_a_document_type_is_not_read(tmp_path):
    path = tmp_path / "903.xml"
    path.write_text('<!DOCTYPE x [<!ENTITY e SYSTEM "file:///etc/passwd">]><x>&e;</x>')

    assert _problems(path) == [
        f"{path}: declares a document type (<!DOCTYPE); returns never do, so it is "
        "not read"
    ]


def test_a_csv_missing_a_column_names_the_table_and_the_column(tmp_path):
    path = tmp_path / "episodes.csv"
    path.write_text("CHILD,DECOM,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC\nA,01/01/2019,"
                    "C2,N1,U4,PR1,,\n")  # fmt: skip

    assert _problems(path) == [
        f"{path}: looks like an SSDA903 episodes file but has no column RNE; it "
        "needs CHILD, DECOM, RNE, LS, CIN, PLACE, PLACE_PROVIDER, DEC, REC"
    ]


def test_a_workbook_with_a_renamed_sheet_names_the_sheet_and_the_list(tmp_path):
    path = tmp_path / "annex_a.xlsx"
    shutil.copy(DATA / "liia-tools" / "Annex_A.xlsx", path)
    book = openpyxl.load_workbook(path)
    book["List 3"].title = "Referrals"
    book.save(path)

    assert _problems(path) == [
        f"{path}: sheet 'Referrals' is not an Annex A list; expected sheets named "
        "'List 1' to 'List 11' (it was skipped)",
        f"{path}: has no sheet for List 3; if a sheet was renamed, name it 'List N' "
        "again",
    ]


def test_annex_a_columns_are_matched_loosely(tmp_path):
    path = tmp_path / "annex_a.xlsx"
    book = openpyxl.Workbook()
    sheet = book.active
    sheet.title = "list3 - referrals"
    sheet.append(["Referral source", "CHILD ID", "date of birth", "Gender",
                  "Referral Date", "NFA"])  # fmt: skip
    sheet.append(["6: Police", "X1", "2012-01-01", "b) Female", "2020-09-16", "No"])
    book.save(path)

    rows, _, summary = read_returns([path])

    assert summary.problems == []
    assert rows["referrals"][0]["source"] == "police"
    assert rows["children"][0]["sex"] == "female"


@pytest.mark.parametrize("name", ["episodes.csv", "cin.xml", "annex.xlsx"])
def test_an_empty_file_is_named_as_empty(tmp_path, name):
    path = tmp_path / name
    path.write_bytes(b"")

    assert _problems(path) == [f"{path}: is empty; expected a return with records"]


def test_a_csv_that_is_no_return_says_what_it_lacks(tmp_path):
    path = tmp_path / "figures.csv"
    path.write_text("indicator,period,value\nSCS03,2020-05,28.8\n")

    assert _problems(path) == [
        f"{path}: is not an SSDA903 table: it has no CHILD column (columns: "
        "indicator, period, value)"
    ]


def test_nothing_usable_fails_the_load_and_keeps_the_refusals(tmp_path):
    path = tmp_path / "cin.xml"
    path.write_text("<Message>")
    con = open_store(tmp_path / "store.duckdb")

    with pytest.raises(InputError) as caught:
        load_returns(con, [path])

    assert "nothing usable remains" in str(caught.value)
    assert str(path) in str(caught.value)
    stored = con.execute("SELECT count(*) FROM returns_outcomes").fetchall()[0][0]
    assert stored == 1
