"""The monthly cycle over the project's store: load, build a draft, publish, compare.

Every command that reads figures goes through :func:`session`: it validates the
project's files, takes the store's lock, loads the project's figure files into the
store (a file loaded before, byte for byte, is skipped; a changed figure becomes a
revision), and hands back the project with the store's current figures, which
also hold computed measures and figures loaded from data owners' workbooks.
"""

from __future__ import annotations

import dataclasses
import getpass
import logging
import os
import signal
from collections import defaultdict
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path

import duckdb

from scorecards.assess.compare import ScorecardDiff, compare
from scorecards.assess.scorecard import assemble
from scorecards.catalogue.project import Project, load_project
from scorecards.errors import InputError, problem
from scorecards.narrate import draft_commentary
from scorecards.periods import Month
from scorecards.publish.build import (
    BuildResult,
    build,
    check_formats,
    check_layout,
    placed,
    staged,
)
from scorecards.publish.json_output import to_data
from scorecards.store import database
from scorecards.store.benchmarks import with_imported
from scorecards.store.database import LoadReport, Revision
from scorecards.store.editions import (
    Edition,
    edition_scorecard,
    latest_issue,
    previous_edition,
    record_edition,
)
from scorecards.store.figures import Figure, FigureSet
from scorecards.store.lock import store_lock

log = logging.getLogger(__name__)

CRASH_VARIABLE = "SCORECARDS_CRASH_AT"
"""Fault injection for the crash-safety tests: when this environment variable names
a step of :func:`publish`, the process kills itself there with SIGKILL."""


@dataclass
class Session:
    project: Project
    con: duckdb.DuckDBPyConnection
    loads: list[LoadReport] = field(default_factory=list)

    @property
    def revisions(self) -> list[Revision]:
        return [r for load in self.loads for r in load.revisions]


def store_path(project: Project) -> Path:
    return project.root / project.config.store.path


@contextmanager
def session(root: Path, wait: float = 60.0) -> Iterator[Session]:
    """The project with its store open, locked, and up to date with its files."""
    project = load_project(root)
    with store_lock(store_path(project), wait):
        con = database.open_store(store_path(project))
        try:
            loads = sync_files(con, project)
            figures = FigureSet(database.load_figures(con))
            current = with_imported(dataclasses.replace(project, figures=figures), con)
            yield Session(current, con, loads)
        finally:
            con.close()


def sync_files(con: duckdb.DuckDBPyConnection, project: Project) -> list[LoadReport]:
    """Load each of the project's figure files into the store, by checksum."""
    by_file: dict[str, list[Figure]] = defaultdict(list)
    for figure in project.figures:
        by_file[figure.source].append(figure)

    reports = []
    for source, figures in sorted(by_file.items()):
        path = Path(source)
        label = path.relative_to(project.root).as_posix()
        stamped = [dataclasses.replace(f, source=label) for f in figures]
        report = database.save_figures(
            con, stamped, label, checksum=database.file_checksum(path)
        )
        if not report.skipped:
            reports.append(report)
    return reports


def build_draft(
    root: Path,
    month: Month,
    out_dir: Path | None = None,
    formats: list[str] | None = None,
    layout: str | None = None,
    wait: float = 60.0,
    area: str = "",
) -> tuple[BuildResult, list[Revision]]:
    """Build a draft from the store; also return the revisions its files made."""
    with session(root, wait) as current:
        result = build(
            current.project, month, out_dir, formats, layout=layout, area=area
        )
        return result, current.revisions


def publish(
    root: Path,
    month: Month,
    out_dir: Path | None = None,
    formats: list[str] | None = None,
    layout: str | None = None,
    *,
    reissue: bool = False,
    reason: str = "",
    user: str | None = None,
    wait: float = 60.0,
) -> Edition:
    """Build ``month`` without the draft mark and freeze it as an edition.

    The store holds the whole edition or none of it: the outputs are rendered and
    moved into ``out_dir`` first, then the edition and its files are recorded in
    one transaction; should that fail, the files are taken back out.
    """
    if reissue and not reason.strip():
        raise InputError(problem("--reason", "a reissue needs a reason; give --reason"))
    with session(root, wait) as current:
        project, con = current.project, current.con
        existing = latest_issue(con, str(month))
        if existing is not None and not reissue:
            raise InputError(
                problem(
                    "--month",
                    f"{month} was published on {existing.published_at:%Y-%m-%d %H:%M} "
                    f"by {existing.published_by} (issue {existing.issue}); to publish "
                    "it again give --reissue --reason '...'",
                )
            )
        formats = check_formats(formats or project.config.output.formats)
        name = check_layout(project, layout)
        out_dir = out_dir or project.root / project.config.output.dir

        before = previous_edition(con, str(month))
        shown_before, new_keys = _history(con, before)
        view = assemble(
            project,
            month,
            draft=False,
            layout=name,
            previous=shown_before,
            new_since_previous=new_keys,
        )
        view = draft_commentary(view)
        issue = existing.issue + 1 if existing else 1
        if issue > 1:
            view = dataclasses.replace(
                view, edition_note=f"Issue {issue}, reissued: {reason.strip()}"
            )
        stem = f"{project.layouts[name].id}-{month}" + (
            f"-issue{issue}" if issue > 1 else ""
        )

        with staged(view, out_dir, stem, formats) as files:
            _crash_point("rendered")
            with placed(files, out_dir) as paths:
                _crash_point("placed")
                con.begin()
                try:
                    edition = record_edition(
                        con,
                        month=str(month),
                        scorecard=to_data(view),
                        targets=[t.model_dump() for t in project.targets],
                        commentary=dataclasses.asdict(project.commentary_for(month)),
                        files=paths,
                        published_by=user or _user(),
                        reason=reason or "first issue",
                        last_load=database.latest_load(con),
                    )
                    _crash_point("recorded")
                except BaseException:
                    con.rollback()
                    raise
                con.commit()
                _crash_point("committed")
    log.info("published %s issue %d", month, edition.issue)
    return edition


def _history(
    con: duckdb.DuckDBPyConnection, before: Edition | None
) -> tuple[FigureSet | None, set[tuple[str, str, str]] | None]:
    """The figures the previous edition showed, and the keys of figures new since."""
    if before is None:
        return None, None
    shown = FigureSet(database.load_figures(con, as_of=before.last_load))
    current = database.load_figures(con)
    new = {f.key for f in current if shown.get(f.indicator, f.period, f.area) != f}
    return shown, new


def _user() -> str:
    try:
        return getpass.getuser()
    except (KeyError, OSError):
        return "unknown"


def _crash_point(step: str) -> None:
    if os.environ.get(CRASH_VARIABLE) == step:
        os.kill(os.getpid(), signal.SIGKILL)


@dataclass(frozen=True)
class EditionDiff:
    earlier: Edition
    later: Edition
    changes: ScorecardDiff
    revisions: list[Revision]  # loaded between the editions, to earlier periods


def diff(root: Path, earlier: Month, later: Month, wait: float = 60.0) -> EditionDiff:
    """What changed from ``earlier``'s edition to ``later``'s (latest issues)."""
    with session(root, wait) as current:
        con = current.con
        first, second = latest_issue(con, str(earlier)), latest_issue(con, str(later))
        missing = [str(m) for m, e in ((earlier, first), (later, second)) if e is None]
        if missing or first is None or second is None:
            raise InputError(
                problem(
                    "diff",
                    f"no published edition for {', '.join(missing)}; "
                    "see `scorecards editions`",
                )
            )
        changes = compare(edition_scorecard(con, first), edition_scorecard(con, second))
        return EditionDiff(first, second, changes, _revised_between(con, first, second))


def _revised_between(
    con: duckdb.DuckDBPyConnection, first: Edition, second: Edition
) -> list[Revision]:
    """Figures held when ``first`` was published whose value differs by ``second``."""
    then = FigureSet(database.load_figures(con, as_of=first.last_load))
    now = database.load_figures(con, as_of=second.last_load)
    revised = []
    for figure in now:
        old = then.get(figure.indicator, figure.period, figure.area)
        if old is not None and (old.value, old.missing) != (
            figure.value,
            figure.missing,
        ):
            revised.append(
                Revision(
                    figure.indicator,
                    str(figure.period),
                    figure.area,
                    old.value,
                    figure.value,
                    old.source,
                    figure.source,
                    second.last_load,
                )
            )
    return revised
