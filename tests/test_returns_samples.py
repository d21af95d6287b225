"""Each sample return loads, and its counts match counts made from the files
independently, with a plain CSV reader or XML parser."""

from __future__ import annotations

import csv
import xml.etree.ElementTree as ET
from collections import defaultdict
from datetime import date, datetime
from itertools import pairwise
from pathlib import Path

import pytest

from scorecards.returns.cleaning import ALL_RULES, Rule
from scorecards.returns.load import read_returns
from scorecards.returns.model import Action

DATA = Path(__file__).parent / "data" / "returns"
S903 = DATA / "csc-validator-be-903"
CIN = DATA / "csc-validator-be-cin"
LIIA = DATA / "liia-tools"
CSV_TABLES = ("header", "episodes", "uasc", "reviews", "oc3", "ad1",
              "placed_for_adoption", "missing")  # fmt: skip
YEAR_END = date(2018, 3, 31)  # the 903 CSV sample's episodes run to March 2018


def _rows(name: str) -> list[dict[str, str]]:
    with (S903 / f"{name}.csv").open(newline="") as handle:
        return list(csv.DictReader(handle))


def _day(text: str) -> date | None:
    return datetime.strptime(text, "%d/%m/%Y").date() if text else None


@pytest.fixture(scope="module")
def csv_903():
    return read_returns([S903 / f"{name}.csv" for name in CSV_TABLES])


@pytest.mark.parametrize(
    "paths",
    [
        [S903 / f"{name}.csv" for name in CSV_TABLES],
        [S903 / "fake_903.xml"],
        [CIN / "fake_CIN_data.xml"],
        [CIN / "CIN_Census_2024.xml"],
        [CIN / "CIN_Census_2026.xml"],
        [LIIA / "Annex_A.xlsx"],
        [DATA / "handmade" / "liia-header.csv",
         LIIA / "SSDA903_episodes_for_testing_fixes_INPUT.csv"],
    ],
    ids=["903-csv", "903-xml", "cin-fake", "cin-2024", "cin-2026", "annex-a", "liia"],
)  # fmt: skip
def test_each_sample_loads_with_records_stored_and_no_file_problem(paths):
    rows, _, summary = read_returns(paths)

    assert summary.problems == []
    assert sum(len(r) for t, r in rows.items() if t not in ("children", "teams")) > 0


def test_903_csv_read_counts_equal_the_rows_of_each_file(csv_903):
    _, _, summary = csv_903

    for name in CSV_TABLES:
        assert summary.read[f"SSDA903 {name}"] == len(_rows(name)), name


def test_903_csv_stores_every_child_and_every_episode_not_refused(csv_903):
    rows, _, summary = csv_903
    episodes = _rows("episodes")
    late = [e for e in episodes if e["DEC"] and _day(e["DEC"]) > YEAR_END]

    short = [e for e in episodes if e["LS"] in ("V3", "V4") and e not in late]

    assert len(rows["children"]) == len(_rows("header")) == 2675
    assert len(late) == 12
    assert len(short) == 802  # dropped by the short-breaks rule
    assert len(rows["care_episodes"]) == len(episodes) - len(late) - len(short)
    assert len(rows["care_episodes"]) == 4236
    refused = [o for o in summary.refused if o.kind == "episodes"]
    assert len(refused) == 12
    assert all(
        "after the end of the 2017-18 collection year" in o.reason for o in refused
    )


def _overlapping(episodes: list[dict[str, str]]) -> tuple[int, int]:
    """Episodes overlapping the child's next one, and children with more than
    one open episode, counted from the plain rows (late-ending ones and short
    breaks left out)."""
    by_child = defaultdict(list)
    for e in episodes:
        late = e["DEC"] and _day(e["DEC"]) > YEAR_END
        if not late and e["LS"] not in ("V3", "V4"):
            by_child[e["CHILD"]].append(e)
    overlaps = several_open = 0
    for chain in by_child.values():
        chain.sort(key=lambda e: _day(e["DECOM"]))
        for e, after in pairwise(chain):
            if not e["DEC"] or _day(e["DEC"]) > _day(after["DECOM"]):
                overlaps += 1
        several_open += sum(not e["DEC"] for e in chain) > 1
    return overlaps, several_open


def test_903_episodes_overlapping_the_next_are_cleaned_one_for_one(csv_903):
    _, _, summary = csv_903
    overlaps, _ = _overlapping(_rows("episodes"))

    cleaned = [o for o in summary.of(Action.CLEANED) if o.rule == Rule.OVERLAPS]
    assert len(cleaned) == overlaps == 56
    assert all("overlapping the child's next episode" in o.reason for o in cleaned)


def test_903_children_with_several_open_episodes_are_refused_without_cleaning():
    episodes = _rows("episodes")
    _, several = _overlapping(episodes)

    _, _, summary = read_returns(
        [S903 / "header.csv", S903 / "episodes.csv"], rules=ALL_RULES - {Rule.OVERLAPS}
    )
    children = {o.child for o in summary.refused if "open episodes" in o.reason}
    assert len(children) == several == 5
    overlapping = [
        o for o in summary.refused if "overlaps the child's next" in o.reason
    ]
    assert overlapping


def test_903_unknown_codes_in_the_sample_are_refused_with_the_code(csv_903):
    _, _, summary = csv_903
    placed = [o for o in summary.refused if o.kind == "placed_for_adoption"]
    unknown_activity = [
        o for o in summary.refused if "unknown activity ACTIV" in o.reason
    ]
    listed = {"F1", "P1", "F2", "P2", "F4", "P4", "F5", "P5", "G4", "G5", "G6", "0"}
    bad = sum(r["ACTIV"] not in listed for r in _rows("oc3"))

    assert len(placed) == len(_rows("placed_for_adoption")) == 29
    assert all("REASON_PLACED_CEASED 'XXX'" in o.reason for o in placed)
    assert len(unknown_activity) == bad == 12  # F3 and P3 are not codes


def test_903_xml_reads_each_child_and_episode():
    root = ET.parse(S903 / "fake_903.xml").getroot()
    _, _, summary = read_returns([S903 / "fake_903.xml"])

    assert summary.read["SSDA903 header"] == len(root.findall("CHILD")) == 253
    assert summary.read["SSDA903 episodes"] == len(root.findall("CHILD/EPISODE")) == 459
    assert summary.read["SSDA903 uasc"] == 12


def test_cin_referrals_after_the_reference_date_are_refused_one_for_one():
    root = ET.parse(CIN / "fake_CIN_data.xml").getroot()
    reference = date.fromisoformat(
        root.findtext("Header/CollectionDetails/ReferenceDate")
    )
    late = [
        d
        for d in root.iter("CINreferralDate")
        if date.fromisoformat(d.text) > reference
    ]

    _, _, summary = read_returns([CIN / "fake_CIN_data.xml"])
    refused = [o for o in summary.refused if "referral date" in o.reason]
    assert summary.read["CIN referrals"] == len(
        root.findall("Children/Child/CINdetails")
    )
    assert len(refused) == len(late) == 8
    assert any("years after it" in o.reason for o in refused)


def test_cin_census_with_a_child_born_in_1965_is_refused_as_not_a_child():
    _, _, summary = read_returns([CIN / "CIN_Census_2021.xml"])

    child = [o for o in summary.refused if o.kind == "children"]
    assert len(child) == 1
    assert "born 1965-03-27, over 25" in child[0].reason


def test_annex_a_lists_map_onto_the_record_tables_row_for_row():
    rows, _, summary = read_returns([LIIA / "Annex_A.xlsx"])

    assert summary.read["Annex A List 3"] == 6
    assert len(rows["referrals"]) == 6
    assert len(rows["cp_plans"]) == 7
    assert len(rows["care_episodes"]) == 5
    assert {r["placement_type"] for r in rows["care_episodes"]} == {
        "U1",
        "U4",
        "U6",
        "P2",
    }
    # a child is stored once, with the date of birth of the first list holding it
    born = {r["child_id"]: r["date_of_birth"] for r in rows["children"]}
    assert born["4939073"] == date(2000, 3, 27)  # List 10 says 2018
    assert len(rows["adoptions"]) == 5
    assert summary.of(Action.REFUSED) == []


def test_liia_episodes_alone_are_refused_as_children_missing_from_the_header():
    _, _, summary = read_returns(
        [LIIA / "SSDA903_episodes_for_testing_fixes_INPUT.csv"]
    )

    episodes = [o for o in summary.refused if o.kind == "episodes"]
    assert len(episodes) == 20  # 23 read, 3 dropped by the restated rule
    assert all("is in the episodes but not in the header" in o.reason for o in episodes)


def test_liia_episodes_with_a_header_are_cleaned_into_one_chain_per_child():
    rows, _, summary = read_returns(
        [DATA / "handmade" / "liia-header.csv",
         LIIA / "SSDA903_episodes_for_testing_fixes_INPUT.csv"]
    )  # fmt: skip
    ends = {
        r["episode_id"].split("/", 1)[1]: r["end_date"] for r in rows["care_episodes"]
    }

    assert summary.councils == ["Barking and Dagenham", "Newham", "Sutton"]
    assert ends["RULE1_BAD/2016-01-13"] == date(2017, 8, 20)
    assert ends["RULE2_BAD/2019-05-10"] == date(2020, 3, 31)
    assert "RULE3_BAD/2016-09-27" not in ends
    assert "RULE3A_BAD/2018-03-22" not in ends
    assert ends["RULE4_BAD/2018-11-23"] == date(2018, 12, 20)
    assert ends["NORULE_SUT/2017-12-15"] is None
    assert summary.refused == []
