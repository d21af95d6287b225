"""The monthly cycle: the store keeps every figure and revision, editions are frozen,
and a crash or a second publisher never leaves half an edition."""

import hashlib
import json
import os
import shutil
import signal
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from scorecards.assess.view import ScorecardView
from scorecards.catalogue.project import load_project
from scorecards.cli import app
from scorecards.periods import Month, YearBasis
from scorecards.publish.edition import CRASH_VARIABLE
from scorecards.store import database
from scorecards.store.editions import edition_scorecard, list_editions
from scorecards.store.lock import store_lock

from .conftest import EXAMPLE

runner = CliRunner()
HEADER = "indicator,period,area,value,numerator,denominator\n"


def _run(*args: str) -> str:
    result = runner.invoke(app, list(args))
    assert result.exit_code == 0, result.output
    return result.output


def _split_starter(starter: Path, last: str) -> list[str]:
    """Keep the starter's figures up to ``last`` in figures/; return the rest."""
    path = starter / "figures" / "figures.csv"
    lines = path.read_text().splitlines(keepends=True)
    kept = [line for line in lines[1:] if line.split(",")[1] <= last]
    path.write_text(lines[0] + "".join(kept))
    return [line for line in lines[1:] if line.split(",")[1] > last]


def _rows(scorecard: dict) -> dict:
    return {(r["section"], r["indicator"]): r for r in scorecard["rows"]}


def _store(project: Path) -> duckdb.DuckDBPyConnection:
    return database.open_store(project / "store.duckdb")


def test_loading_the_same_file_twice_changes_nothing(starter: Path) -> None:
    _run("build", str(starter), "--month", "2020-05", "--format", "json")
    _run("build", str(starter), "--month", "2020-05", "--format", "json")

    con = _store(starter)
    loads = con.execute("SELECT source, figures, changed FROM loads").fetchall()
    versions = con.execute("SELECT count(*) FROM figure_versions").fetchall()[0][0]
    assert loads == [("figures/figures.csv", 21, 21)]
    assert versions == 21


def test_a_changed_figure_is_kept_as_a_revision_and_reported(starter: Path) -> None:
    _run("build", str(starter), "--month", "2020-05", "--format", "json")
    path = starter / "figures" / "figures.csv"
    path.write_text(
        path.read_text().replace("KPI02,2020-04,,20.9", "KPI02,2020-04,,21.9")
    )

    result = runner.invoke(
        app, ["build", str(starter), "--month", "2020-05", "--format", "json"]
    )

    assert result.exit_code == 0
    assert "KPI02 2020-04 revised from 20.9 to 21.9 by figures/figures.csv" in (
        result.output
    )
    versions = (
        _store(starter)
        .execute(
            "SELECT value, source FROM figure_versions "
            "WHERE indicator = 'KPI02' AND period = '2020-04' ORDER BY load_id"
        )
        .fetchall()
    )
    assert versions == [(20.9, "figures/figures.csv"), (21.9, "figures/figures.csv")]


def test_revision_after_publishing_leaves_the_edition_and_shows_in_diff(
    starter: Path, tmp_path: Path
) -> None:
    later = _split_starter(starter, "2020-04")
    _run("publish", str(starter), "--month", "2020-04", "--format", "json,html")
    april_json = (starter / "out" / "scorecard-2020-04.json").read_bytes()

    # May's figures arrive with a corrected April figure for KPI01 (89.2 -> 89.5)
    may = tmp_path / "may.csv"
    may.write_text(HEADER + "".join(later) + "KPI01,2020-04,,89.5,1381,1544\n")
    loaded = _run("load", str(starter), str(may))
    _run("publish", str(starter), "--month", "2020-05", "--format", "json,html")
    changes = _run("diff", str(starter), "2020-04", "2020-05")

    assert "3 new, 1 revised, 0 unchanged" in loaded  # May for KPI01-03
    con = _store(starter)
    april, may_edition = list_editions(con)
    assert _rows(edition_scorecard(con, april))[("kpis", "KPI01")]["latest"][
        "value"
    ] == pytest.approx(89.2)
    assert (starter / "out" / "scorecard-2020-04.json").read_bytes() == april_json
    assert (
        dict(april.files)["scorecard-2020-04.json"]
        == hashlib.sha256(april_json).hexdigest()
    )

    kpi01 = _rows(edition_scorecard(con, may_edition))[("kpis", "KPI01")]
    assert kpi01["trend"][-2]["value"] == pytest.approx(89.5)
    assert kpi01["trend"][-2]["revised_from"] == "89.2"
    assert "KPI01 2020-04 revised from 89.2 to 89.5" in changes
    assert "kpis KPI01 2020-04: 89.2 -> 89.5" in changes
    html = (starter / "out" / "scorecard-2020-05.html").read_text()
    assert "DRAFT" not in html


def test_publishing_a_month_twice_needs_reissue_and_a_reason(starter: Path) -> None:
    _run("publish", str(starter), "--month", "2020-05", "--format", "json")

    again = runner.invoke(
        app, ["publish", str(starter), "--month", "2020-05", "--format", "json"]
    )
    no_reason = runner.invoke(
        app,
        [
            "publish",
            str(starter),
            "--month",
            "2020-05",
            "--format",
            "json",
            "--reissue",
        ],
    )
    _run(
        "publish", str(starter), "--month", "2020-05", "--format", "json",
        "--reissue", "--reason", "KPI02 corrected",
    )  # fmt: skip
    listing = _run("editions", str(starter))

    assert again.exit_code == 2 and "give --reissue --reason" in again.output
    assert no_reason.exit_code == 2 and "a reissue needs a reason" in no_reason.output
    assert [(e.issue, e.reason) for e in list_editions(_store(starter))] == [
        (1, "first issue"),
        (2, "KPI02 corrected"),
    ]
    assert "KPI02 corrected" in listing
    assert sorted(p.name for p in (starter / "out").iterdir()) == [
        "scorecard-2020-05-issue2.json",
        "scorecard-2020-05.json",
    ]


def test_drafts_are_marked_and_named_apart_from_editions(starter: Path) -> None:
    _run("build", str(starter), "--month", "2020-05", "--format", "html,xlsx")
    _run("publish", str(starter), "--month", "2020-05", "--format", "html,xlsx")

    names = sorted(p.name for p in (starter / "out").iterdir())
    assert names == [
        "scorecard-2020-05-draft.html",
        "scorecard-2020-05-draft.xlsx",
        "scorecard-2020-05.html",
        "scorecard-2020-05.xlsx",
    ]
    assert "DRAFT" in (starter / "out" / "scorecard-2020-05-draft.html").read_text()
    assert "DRAFT" not in (starter / "out" / "scorecard-2020-05.html").read_text()


def _publish_process(project: Path, month: str, **env: str) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, "-m", "scorecards", "publish", str(project),
         "--month", month, "--format", "json,html", "--wait", "30"],
        env={**os.environ, **env},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )  # fmt: skip


@pytest.mark.parametrize("step", ["rendered", "placed", "recorded", "committed"])
def test_a_publish_killed_midway_leaves_all_or_nothing(
    starter: Path, step: str
) -> None:
    crashed = _publish_process(starter, "2020-05", **{CRASH_VARIABLE: step})
    crashed.communicate(timeout=60)
    assert crashed.returncode == -signal.SIGKILL

    con = _store(starter)
    found = list_editions(con)
    files = con.execute("SELECT count(*) FROM edition_files").fetchall()[0][0]
    con.close()
    out = starter / "out"
    if step == "committed":
        # the whole edition: recorded with both files, and both files in place
        assert [(e.month, e.issue) for e in found] == [("2020-05", 1)]
        assert files == 2
        assert (
            dict(found[0].files)["scorecard-2020-05.json"]
            == hashlib.sha256((out / "scorecard-2020-05.json").read_bytes()).hexdigest()
        )
        again = ["--reissue", "--reason", "checking a reissue after a crash"]
    else:
        # none of it: publishing again is a first issue
        assert found == [] and files == 0
        again = []
    assert not list(out.glob(".building-*/*.previous"))

    _run("publish", str(starter), "--month", "2020-05", "--format", "json", *again)
    issues = [e.issue for e in list_editions(_store(starter))]
    assert issues == ([1, 2] if again else [1])
    assert not list(out.glob(".building-*"))


def test_a_failed_move_leaves_no_edition_and_no_new_files(starter: Path) -> None:
    (starter / "out" / "scorecard-2020-05.pdf").mkdir(parents=True)

    result = runner.invoke(
        app, ["publish", str(starter), "--month", "2020-05", "--format", "html,pdf"]
    )

    assert result.exit_code == 2
    assert "is a folder, so the output of that name cannot be written" in result.output
    assert list_editions(_store(starter)) == []
    assert [p.name for p in (starter / "out").iterdir()] == ["scorecard-2020-05.pdf"]


def test_a_second_publisher_waits_or_says_another_is_running(starter: Path) -> None:
    with store_lock(starter / "store.duckdb"):
        blocked = runner.invoke(
            app,
            ["publish", str(starter), "--month", "2020-05", "--format", "json",
             "--wait", "0.3"],
        )  # fmt: skip
    assert blocked.exit_code == 2
    assert "another scorecards command" in blocked.output
    assert "Try again when it has finished" in blocked.output

    first = _publish_process(starter, "2020-04")
    second = _publish_process(starter, "2020-05")
    outputs = [p.communicate(timeout=90)[0] for p in (first, second)]

    assert [p.returncode for p in (first, second)] == [0, 0], outputs
    months = sorted(e.month for e in list_editions(_store(starter)))
    assert months == ["2020-04", "2020-05"]


def test_the_example_loaded_month_by_month_publishes_the_same_may_rows(
    tmp_path: Path,
) -> None:
    direct = tmp_path / "direct"
    shutil.copytree(EXAMPLE, direct)
    _run("build", str(direct), "--month", "2020-05", "--format", "json")
    expected = json.loads(
        (direct / "out" / "directorate-2020-05-draft.json").read_text()
    )

    monthly = tmp_path / "monthly"
    shutil.copytree(EXAMPLE, monthly)
    figures = load_project(monthly).figures
    shutil.rmtree(monthly / "figures")
    (monthly / "figures").mkdir()
    batches: dict[Month, list[str]] = {}
    for f in figures:
        arrives = max(_end_month(f.period), Month(2019, 11))
        if arrives <= Month(2020, 5):
            value = "N/A" if f.value is None else repr(f.value)
            batches.setdefault(arrives, []).append(
                f"{f.indicator},{f.period},{f.area},{value},,,{f.status.value}\n"
            )
    for month in sorted(batches):
        batch = tmp_path / f"{month}.csv"
        batch.write_text(
            "indicator,period,area,value,numerator,denominator,status\n"
            + "".join(batches[month])
        )
        _run("load", str(monthly), str(batch))
        _run("publish", str(monthly), "--month", str(month), "--format", "json")
    published = json.loads((monthly / "out" / "directorate-2020-05.json").read_text())

    def comparable(scorecard: dict) -> list[dict]:
        return [
            {k: v for k, v in r.items() if k != "new_data"} for r in scorecard["rows"]
        ]

    assert len(batches) == 7
    assert comparable(published) == comparable(expected)


def _end_month(period) -> Month:
    if isinstance(period, Month):
        return period
    if period.kind == "quarter":
        return period.last_month
    return period.last_month(YearBasis.FINANCIAL)


def test_a_build_clears_staging_left_by_dead_builds_only(tmp_path: Path) -> None:
    from scorecards.publish.build import staged

    out = tmp_path / "out"
    dead = subprocess.run([sys.executable, "-c", "import os; print(os.getpid())"],
                          capture_output=True, text=True, check=True)  # fmt: skip
    left = out / f".building-{dead.stdout.strip()}-abc"  # its build was killed
    running = out / f".building-{os.getppid()}-def"  # another project's, running
    unnamed = out / ".building-xyz"  # from a version that named no process
    for folder in (left, running, unnamed):
        (folder / "part").mkdir(parents=True)

    view = ScorecardView(
        title="T", organisation="", department="", produced_by="", authority="",
        month="2020-05", month_label="May 2020", publication_date="", draft=True,
        sections=[], warnings=[],
    )  # fmt: skip
    with staged(view, out, "scorecard", ["json"]) as files:
        assert [f.name for f in files] == ["scorecard.json"]
        assert files[0].parent.name.startswith(f".building-{os.getpid()}-")
    assert sorted(p.name for p in out.iterdir()) == [running.name]


def test_files_written_whole_get_a_new_files_mode(tmp_path: Path) -> None:
    from scorecards.files import written_whole

    umask = os.umask(0o022)
    try:
        with written_whole(tmp_path / "a.txt") as temporary:
            Path(temporary).write_text("whole", encoding="utf-8")
    finally:
        os.umask(umask)
    assert (tmp_path / "a.txt").stat().st_mode & 0o777 == 0o644
