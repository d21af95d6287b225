"""Loading record files: good files are stored, bad rows are named, bad loads store
nothing."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow as pa
import pyarrow.parquet as pq
import pytest
from typer.testing import CliRunner

from scorecards.errors import InputError
from scorecards.records.load import load_files
from scorecards.records.schema import TABLES, describe, load_order
from scorecards.store.database import open_store

TEAMS = "team_id,name,kind,district,area\nSW-N,North CSWT,cswt,North,East\n"
CHILDREN = (
    "child_id,date_of_birth,sex,uasc\n"
    "C1,2010-01-01,female,false\n"
    "C2,2012-02-29,male,true\n"
)
REFERRALS = (
    "referral_id,child_id,referral_date,source,outcome,team_id\n"
    "R1,C1,2020-05-01,police,assessment,SW-N\n"
)


def write(folder: Path, name: str, text: str) -> Path:
    path = folder / name
    path.write_text(text, encoding="utf-8")
    return path


def count(con: duckdb.DuckDBPyConnection, table: str) -> int:
    row = con.execute(f'SELECT count(*) FROM "{table}"').fetchone()
    assert row is not None
    return int(row[0])


@pytest.fixture
def con(tmp_path: Path) -> duckdb.DuckDBPyConnection:
    return open_store(tmp_path / "store.duckdb")


def test_a_folder_of_good_files_loads_in_dependency_order(tmp_path, con) -> None:
    # Written so that name order would put referrals before children and teams.
    write(tmp_path, "referrals.csv", REFERRALS)
    write(tmp_path, "children.csv", CHILDREN)
    write(tmp_path, "teams.csv", TEAMS)

    counts = load_files(con, [tmp_path])

    assert counts == {"teams": 1, "children": 2, "referrals": 1}
    born, uasc = con.execute(
        "SELECT date_of_birth, uasc FROM children WHERE child_id = 'C2'"
    ).fetchone()
    assert (str(born), uasc) == ("2012-02-29", True)


def test_loading_a_table_again_replaces_it(tmp_path, con) -> None:
    load_files(con, [write(tmp_path, "teams.csv", TEAMS)])
    load_files(con, [write(tmp_path, "teams.csv", TEAMS)])
    assert count(con, "teams") == 1


def test_a_table_may_come_in_several_files(tmp_path, con) -> None:
    write(tmp_path, "children-1.csv", CHILDREN)
    write(
        tmp_path,
        "children-2.csv",
        "child_id,date_of_birth,sex,uasc\nC3,2015-06-01,other,0\n",
    )
    assert load_files(con, [tmp_path]) == {"children": 3}


def test_wrong_type_names_file_row_column_and_value(tmp_path, con) -> None:
    path = write(
        tmp_path,
        "children.csv",
        "child_id,date_of_birth,sex,uasc\nC1,31/05/2010,female,false\nC2,2010-01-01,male,maybe\n",
    )
    with pytest.raises(InputError) as caught:
        load_files(con, [path])

    first, second = caught.value.problems
    assert (first.file, first.row, first.key) == (str(path), 2, "date_of_birth")
    assert "'31/05/2010' is not a date; expected YYYY-MM-DD" in first.message
    assert (second.row, second.key) == (3, "uasc")
    assert "'maybe' is not true or false" in second.message


def test_end_before_start_is_an_error(tmp_path, con) -> None:
    write(tmp_path, "children.csv", CHILDREN)
    write(tmp_path, "teams.csv", TEAMS)
    path = write(
        tmp_path,
        "cp_plans.csv",
        "plan_id,child_id,team_id,start_date,end_date\n"
        "P1,C1,SW-N,2020-05-01,2020-04-30\n"
        "P2,C1,SW-N,2020-05-01,2020-05-01\n",  # ends the day it starts: allowed
    )
    with pytest.raises(InputError) as caught:
        load_files(con, [tmp_path])

    (found,) = caught.value.problems
    assert (found.file, found.row, found.key) == (str(path), 2, "end_date")
    assert "end_date 2020-04-30 is before start_date 2020-05-01" in found.message


def test_unknown_child_is_an_error_and_nothing_is_stored(tmp_path, con) -> None:
    write(tmp_path, "children.csv", CHILDREN)
    write(tmp_path, "teams.csv", TEAMS)
    path = write(
        tmp_path,
        "referrals.csv",
        REFERRALS + "R2,C9,2020-05-02,schools,assessment,SW-N\n",
    )
    with pytest.raises(InputError) as caught:
        load_files(con, [tmp_path])

    (found,) = caught.value.problems
    assert (found.file, found.row, found.key) == (str(path), 3, "child_id")
    assert "unknown child 'C9'" in found.message
    # The good children and teams files of the same load are not stored either.
    assert count(con, "children") == count(con, "teams") == count(con, "referrals") == 0


def test_children_already_in_the_store_are_known(tmp_path, con) -> None:
    load_files(con, [write(tmp_path, "children.csv", CHILDREN)])
    load_files(con, [write(tmp_path, "teams.csv", TEAMS)])
    assert load_files(con, [write(tmp_path, "referrals.csv", REFERRALS)]) == {
        "referrals": 1
    }


def test_duplicate_id_names_both_rows(tmp_path, con) -> None:
    path = write(tmp_path, "children.csv", CHILDREN + "C1,2011-01-01,male,false\n")
    with pytest.raises(InputError) as caught:
        load_files(con, [path])

    (found,) = caught.value.problems
    assert (found.row, found.key) == (4, "child_id")
    assert f"duplicate child_id 'C1'; it is also in {path}, row 2" == found.message


def test_a_failing_file_leaves_the_stored_table_as_it_was(tmp_path, con) -> None:
    load_files(con, [write(tmp_path, "children.csv", CHILDREN)])
    folder = tmp_path / "next"
    folder.mkdir()
    bad = write(folder, "children.csv", CHILDREN + "C3,not a date,male,false\n")

    with pytest.raises(InputError):
        load_files(con, [bad])
    assert count(con, "children") == 2


def test_vocabulary_missing_and_unknown_columns(tmp_path, con) -> None:
    path = write(
        tmp_path, "teams.csv", "team_id,name,kind,colour\nT1,North,social,red\n"
    )
    with pytest.raises(InputError) as caught:
        load_files(con, [path])
    (unknown,) = caught.value.problems
    assert unknown.key == "colour" and "unknown column" in unknown.message

    path = write(
        tmp_path, "teams.csv", "team_id,name,kind\nT1,North,social\n,South,cic\n"
    )
    with pytest.raises(InputError) as caught:
        load_files(con, [path])
    kind, blank = caught.value.problems
    assert (kind.row, kind.key) == (2, "kind")
    assert "'social' is not one of 'front_door', 'cswt'" in kind.message
    assert (blank.row, blank.key, blank.message) == (
        3,
        "team_id",
        "missing value; this column is required",
    )

    path = write(tmp_path, "teams.csv", "team_id,name\nT1,North\n")
    with pytest.raises(InputError) as caught:
        load_files(con, [path])
    assert [(p.key, p.message) for p in caught.value.problems] == [
        ("kind", "required column is missing")
    ]


def test_a_file_named_after_no_table_is_an_error(tmp_path, con) -> None:
    with pytest.raises(InputError, match="no record table is named 'kids'"):
        load_files(con, [write(tmp_path, "kids.csv", CHILDREN)])


def test_parquet_loads_and_its_rows_are_numbered_from_one(tmp_path, con) -> None:
    good = pa.table(
        {
            "child_id": ["C1", "C2"],
            "date_of_birth": pa.array([None, None], pa.date32()),
            "sex": ["female", "male"],
            "uasc": [False, True],
        }
    )
    path = tmp_path / "children.parquet"
    pq.write_table(good, path)
    with pytest.raises(InputError) as caught:
        load_files(con, [path])
    assert [(p.row, p.key) for p in caught.value.problems] == [
        (1, "date_of_birth"),
        (2, "date_of_birth"),
    ]

    table = good.set_column(
        1, "date_of_birth", pa.array([pa.scalar(0, pa.date32())] * 2).cast(pa.date32())
    )
    pq.write_table(table, path)
    assert load_files(con, [path]) == {"children": 2}


def test_the_schema_documents_every_column() -> None:
    text = describe()
    for table in TABLES.values():
        assert f"### {table.name}" in text
        for column in table.columns:
            assert column.doc and f"| {column.name} |" in text
    order = load_order()
    assert order.index("children") < order.index("referrals")
    assert order.index("families") < order.index("children")


def test_load_records_command_prints_one_line_per_problem_and_exits_2(tmp_path) -> None:
    from scorecards.cli import app

    project = tmp_path / "project"
    project.mkdir()
    (project / "scorecard.toml").write_text(
        '[scorecard]\nname = "Test"\nlayout = "main"\n'
        '[store]\npath = "data/store.duckdb"\n',
        encoding="utf-8",
    )
    write(
        tmp_path,
        "children.csv",
        CHILDREN + "C1,2011-01-01,male,false\nC4,x,male,false\n",
    )

    result = CliRunner().invoke(
        app, ["load-records", str(project), str(tmp_path / "children.csv")]
    )

    assert result.exit_code == 2
    lines = [line for line in result.stderr.splitlines() if line.startswith("error:")]
    assert len(lines) == 2
    assert "children.csv, row 4, child_id: duplicate child_id 'C1'" in lines[0]

    write(tmp_path, "children.csv", CHILDREN)
    result = CliRunner().invoke(
        app, ["load-records", str(project), str(tmp_path / "children.csv")]
    )
    assert result.exit_code == 0, result.output
    assert "children: 2 rows" in result.stdout
    assert (project / "data" / "store.duckdb").exists()
