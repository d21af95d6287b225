"""The command line as a user meets it: init, check, build, and failures midway."""

from pathlib import Path

import pytest
from typer.testing import CliRunner

from scorecards.catalogue.project import load_project
from scorecards.cli import app
from scorecards.periods import Month
from scorecards.publish import build as build_module

runner = CliRunner()


def test_init_writes_a_project_that_checks_and_builds(tmp_path: Path) -> None:
    project = tmp_path / "new"

    assert runner.invoke(app, ["init", str(project)]).exit_code == 0
    checked = runner.invoke(app, ["check", str(project)])
    built = runner.invoke(
        app, ["build", str(project), "--month", "2020-05", "--format", "html,json"]
    )

    assert checked.exit_code == 0, checked.output
    assert "valid (3 indicators, 21 figures, 3 targets)" in checked.output
    assert built.exit_code == 0, built.output
    names = sorted(p.name for p in (project / "out").iterdir())
    assert names == ["scorecard-2020-05-draft.html", "scorecard-2020-05-draft.json"]


def test_init_refuses_a_folder_that_is_not_empty(tmp_path: Path) -> None:
    (tmp_path / "keep.txt").write_text("mine")
    result = runner.invoke(app, ["init", str(tmp_path)])
    assert result.exit_code == 2
    assert "exists and is not an empty folder" in result.output
    assert [p.name for p in tmp_path.iterdir()] == ["keep.txt"]


def test_a_renderer_failing_midway_leaves_no_output(
    starter: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    real = build_module._writer

    def failing(fmt: str):
        if fmt == "json":
            raise OSError("disk full")
        return real(fmt)

    monkeypatch.setattr(build_module, "_writer", failing)
    out = starter / "out"

    with pytest.raises(OSError, match="disk full"):
        build_module.build(load_project(starter), Month(2020, 5), out, ["html", "json"])

    assert list(out.iterdir()) == []


def test_build_prints_warnings_for_unrated_rows(starter: Path) -> None:
    (starter / "targets.csv").write_text("indicator,year,target\n")
    result = runner.invoke(
        app, ["build", str(starter), "--month", "2020-05", "--format", "json"]
    )
    assert result.exit_code == 0
    assert "no target for 2020-21: KPI01 is not rated" in result.output


def test_init_over_a_file_is_one_clear_error(tmp_path: Path) -> None:
    (tmp_path / "afile").write_text("x")
    result = runner.invoke(app, ["init", str(tmp_path / "afile")])
    assert result.exit_code == 2
    assert "exists and is not an empty folder" in result.output


def test_help_prints_toml_tables_as_written() -> None:
    result = runner.invoke(app, ["synth-districts", "--help"])
    assert "[[areas]]" in result.output


def test_a_store_that_is_not_duckdb_is_one_clear_error(starter: Path) -> None:
    (starter / "store.duckdb").write_text("not a database")
    result = runner.invoke(
        app, ["build", str(starter), "--month", "2020-05", "--format", "json"]
    )
    assert result.exit_code == 2
    assert "cannot be opened as the project's store" in result.output
    assert "Traceback" not in result.output
