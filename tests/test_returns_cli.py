"""``scorecards returns load`` and ``refused`` on a project of our own."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
import typer
from typer.testing import CliRunner

from scorecards.cli.returns import register
from scorecards.measures import compute_figures
from scorecards.periods import Month
from scorecards.store.database import open_store

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT / "tests" / "data" / "returns"
S903 = DATA / "csc-validator-be-903"
LIIA = DATA / "liia-tools"


@pytest.fixture
def app() -> typer.Typer:
    made = typer.Typer()
    made.command("noop")(lambda: None)  # keeps "returns" a sub-command
    register(made)
    return made


@pytest.fixture
def project(tmp_path: Path) -> Path:
    target = tmp_path / "project"
    target.mkdir()
    shutil.copy(ROOT / "examples" / "returns" / "scorecard.toml", target)
    return target


def _run(app: typer.Typer, *args: object):
    return CliRunner().invoke(app, [str(a) for a in args])


def test_load_prints_counts_and_refused_lists_them_from_the_store(app, project):
    loaded = _run(app, "returns", "load", project, S903 / "header.csv",
                  S903 / "episodes.csv", S903 / "placed_for_adoption.csv")  # fmt: skip
    listed = _run(app, "returns", "refused", project)

    assert loaded.exit_code == 0, loaded.output
    assert "  SSDA903 episodes: 5050 read, 12 refused" in loaded.output
    # 5,050 episodes less 12 refused and 802 short breaks (V3, V4) dropped.
    assert "  care_episodes: 4236" in loaded.output
    assert "dropped by short-breaks: 802" in loaded.output
    assert "cleaned by overlapping-episodes: 56" in loaded.output
    assert listed.exit_code == 0
    assert listed.output.splitlines()[-1] == "89 records in run 1"
    assert "REASON_PLACED_CEASED 'XXX'" in listed.output
    assert not any(p.name.startswith("refused") for p in S903.iterdir())


def test_strict_stores_nothing_when_anything_is_refused(app, project):
    result = _run(app, "returns", "load", project, "--strict", S903 / "header.csv",
                  S903 / "episodes.csv")  # fmt: skip

    assert result.exit_code == 2
    # 12 episodes ending after the year, and 48 adoptions without a date placed.
    assert "--strict: 60 records or files refused" in result.output
    con = open_store(project / "store.duckdb")
    assert con.execute("SELECT count(*) FROM care_episodes").fetchall()[0][0] == 0


def test_council_option_loads_one_council_of_a_pooled_file(app, project):
    result = _run(app, "returns", "load", project, "--council", "newham",
                  DATA / "handmade" / "liia-header.csv",
                  LIIA / "SSDA903_episodes_for_testing_fixes_INPUT.csv")  # fmt: skip

    assert result.exit_code == 0, result.output
    assert "not loaded: 28 records of council Barking and Dagenham" in result.output
    con = open_store(project / "store.duckdb")
    ids = con.execute("SELECT episode_id FROM care_episodes ORDER BY 1").fetchall()
    assert ids == [("NORULE_NEW/2022-02-01",), ("NORULE_NEW/2022-10-23",)]


def test_an_unknown_rule_name_lists_the_rules(app, project):
    result = _run(app, "returns", "load", project, "--no-rule", "tidy",
                  S903 / "header.csv")  # fmt: skip

    assert result.exit_code == 2
    assert "no cleaning rule 'tidy'; rules: duplicate-episodes" in result.output


def test_a_later_cin_load_keeps_the_children_of_the_903_load(app, project):
    _run(app, "returns", "load", project, S903 / "header.csv", S903 / "episodes.csv")
    _run(app, "returns", "load", project, DATA / "csc-validator-be-cin" /
         "CIN_Census_2024.xml")  # fmt: skip

    con = open_store(project / "store.duckdb")
    children = con.execute("SELECT count(*) FROM children").fetchall()[0][0]
    assert children == 2675 + 2


def test_the_example_computes_children_in_care_from_the_return(app, project):
    _run(app, "returns", "load", project, S903 / "header.csv", S903 / "episodes.csv")

    con = open_store(project / "store.duckdb")
    figures = compute_figures(con, Month(2018, 3), Month(2018, 3), ["SCS01-CIC"])
    in_care = con.execute(
        "SELECT count(DISTINCT child_id) FROM care_episodes WHERE start_date <= "
        "DATE '2018-03-31' AND (end_date IS NULL OR end_date > DATE '2018-03-31')"
    ).fetchall()[0][0]
    assert [(f.area, f.value) for f in figures] == [("", in_care)]
    assert in_care > 1000
