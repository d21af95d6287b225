"""The code lists: every code maps onto the record schema, and a code outside
its list is refused, naming the column, the code and the list."""

from __future__ import annotations

from pathlib import Path

import pytest

from scorecards.records.schema import TABLES
from scorecards.returns import codes
from scorecards.returns.load import read_returns

HEADER = "CHILD,SEX,DOB\nA,1,01/01/2010\n"
EPISODE = {
    "CHILD": "A", "DECOM": "01/06/2019", "RNE": "S", "LS": "C2", "CIN": "N1",
    "PLACE": "U4", "PLACE_PROVIDER": "PR1", "DEC": "01/09/2019", "REC": "E13",
}  # fmt: skip


def _schema_values(table: str, column: str) -> tuple[str, ...]:
    return TABLES[table].column(column).values


@pytest.mark.parametrize(
    ("mapping", "table", "column"),
    [
        (codes.LEGAL_STATUS, "care_episodes", "legal_status"),
        (codes.PLACEMENT, "care_episodes", "placement_type"),
        (codes.PROVIDER, "care_episodes", "provider"),
        (codes.REASON_CEASED, "care_episodes", "reason_ceased"),
        (codes.REFERRAL_SOURCE, "referrals", "source"),
        (codes.ACTIVITY, "care_leaver_contacts", "activity"),
        (codes.SEX_CIN, "children", "sex"),
    ],
)
def test_every_code_maps_onto_a_value_of_the_record_schema(mapping, table, column):
    assert {str(v) for v in mapping.values()} <= set(_schema_values(table, column))


def test_the_code_lists_hold_the_departments_counts_of_codes():
    assert len(codes.PLACEMENT) == 27
    assert len(codes.LEGAL_STATUS) == 13
    assert len(codes.REASON_CEASED) == 21  # and X1, care continues
    assert len(codes.REFERRAL_SOURCE) == 22


def _load_episode(tmp_path: Path, **changes: str):
    row = {**EPISODE, **changes}
    (tmp_path / "header.csv").write_text(HEADER)
    (tmp_path / "episodes.csv").write_text(
        ",".join(row) + "\n" + ",".join(row.values()) + "\n"
    )
    return read_returns([tmp_path / "header.csv", tmp_path / "episodes.csv"])


@pytest.mark.parametrize(
    ("column", "code", "what"),
    [
        ("RNE", "Q", "reason for new episode"),
        ("LS", "C9", "legal status"),
        ("PLACE", "F1", "placement type"),
        ("PLACE_PROVIDER", "PR9", "provider"),
        ("REC", "E99", "reason episode ceased"),
        ("CIN", "N9", "category of need"),
    ],
)
def test_an_unknown_episode_code_is_refused(tmp_path, column, code, what):
    rows, _, summary = _load_episode(tmp_path, **{column: code})

    assert rows["care_episodes"] == []
    assert summary.refused[0].row == 2
    assert summary.refused[0].reason.startswith(f"unknown {what} {column} {code!r}")


@pytest.mark.parametrize(
    ("column", "code", "stored_as"),
    [
        ("LS", "J1", ("legal_status", "L1")),
        ("LS", "V2", ("legal_status", "V2")),
        ("PLACE", "H5", ("placement_type", "P2")),
        ("PLACE", "R1", ("placement_type", "Z1")),
        ("REC", "E17", ("reason_ceased", "E8")),
        ("REC", "E4A", ("reason_ceased", "E13")),
        ("REC", "E12", ("reason_ceased", "E11")),
        ("REC", "X1", ("reason_ceased", None)),
    ],
)
def test_a_known_code_is_stored_as_its_schema_value(tmp_path, column, code, stored_as):
    rows, _, summary = _load_episode(tmp_path, **{column: code})

    assert summary.refused == [] or all(o.kind == "adoptions" for o in summary.refused)
    assert rows["care_episodes"][0][stored_as[0]] == stored_as[1]


def test_dates_may_be_iso_or_day_month_year(tmp_path):
    rows, _, _ = _load_episode(tmp_path, DECOM="2019-06-01", DEC="01/09/2019")

    assert str(rows["care_episodes"][0]["start_date"]) == "2019-06-01"


def test_an_episode_that_ends_before_it_starts_is_refused(tmp_path):
    _, _, summary = _load_episode(tmp_path, DEC="01/05/2019")

    assert summary.refused[0].reason == (
        "episode ends before it starts (2019-05-01 is before 2019-06-01)"
    )


def test_an_unknown_cin_referral_source_is_refused(tmp_path):
    (tmp_path / "cin.xml").write_text(
        "<Message><Header><CollectionDetails><Collection>CIN</Collection>"
        "<ReferenceDate>2020-03-31</ReferenceDate></CollectionDetails></Header>"
        "<Children><Child><ChildIdentifiers><LAchildID>A</LAchildID>"
        "<PersonBirthDate>2010-01-01</PersonBirthDate><GenderCurrent>2</GenderCurrent>"
        "</ChildIdentifiers><CINdetails><CINreferralDate>2019-05-01</CINreferralDate>"
        "<ReferralSource>11</ReferralSource><ReferralNFA>false</ReferralNFA>"
        "</CINdetails></Child></Children></Message>"
    )

    rows, _, summary = read_returns([tmp_path / "cin.xml"])

    assert rows["referrals"] == []
    assert summary.refused[0].reason.startswith(
        "unknown referral source ReferralSource '11'"
    )
