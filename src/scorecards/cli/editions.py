"""Commands of the monthly cycle: ``publish``, ``editions``, ``diff``, ``load``
and ``template``."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.table import Table

from scorecards.cli import (
    FormatOption,
    LayoutOption,
    MonthOption,
    OutOption,
    ProjectArg,
    WaitOption,
    err,
    fail,
    out,
    parse_month,
    split_formats,
    warn,
)
from scorecards.errors import InputError, ScorecardError, problem


def register(app: typer.Typer) -> None:
    """Add the monthly-cycle commands to ``app``."""
    app.command()(publish)
    app.command()(editions)
    app.command()(diff)
    app.command()(load)
    app.command()(template)


def publish(
    project: ProjectArg,
    month: MonthOption,
    out_dir: OutOption = None,
    formats: FormatOption = None,
    layout: LayoutOption = None,
    reissue: Annotated[
        bool, typer.Option(help="Publish a month that already has an edition.")
    ] = False,
    reason: Annotated[str, typer.Option(help="Why a reissue is needed.")] = "",
    wait: WaitOption = 60.0,
) -> None:
    """Publish PROJECT's scorecard for one month and freeze it as an edition.

    The outputs carry no draft mark; the edition keeps the figures, targets,
    assessment, commentary and output files with their checksums. A month is
    published once; --reissue --reason publishes it again, keeping both.
    """
    from scorecards.publish.edition import publish as run_publish

    try:
        edition = run_publish(
            project,
            parse_month(month),
            out_dir,
            split_formats(formats),
            layout,
            reissue=reissue,
            reason=reason,
            wait=wait,
        )
    except (ScorecardError, OSError) as exc:
        fail(exc)
    out.print(
        f"published {edition.month} issue {edition.issue} by {edition.published_by}",
        highlight=False,
    )
    for name, digest in edition.files:
        out.print(f"  {name}  sha256 {digest}", highlight=False)


def editions(project: ProjectArg, wait: WaitOption = 60.0) -> None:
    """List the published editions of PROJECT."""
    from scorecards.publish.edition import session
    from scorecards.store.editions import list_editions

    try:
        with session(project, wait) as current:
            found = list_editions(current.con)
    except (ScorecardError, OSError) as exc:
        fail(exc)
    if not found:
        out.print("no editions published yet")
        return
    table = Table("month", "issue", "published", "by", "reason", "files")
    for e in found:
        table.add_row(
            e.month,
            str(e.issue),
            f"{e.published_at:%Y-%m-%d %H:%M}",
            e.published_by,
            e.reason,
            ", ".join(name for name, _ in e.files),
        )
    out.print(table)


def diff(
    project: ProjectArg,
    earlier: Annotated[str, typer.Argument(help="The earlier edition's month.")],
    later: Annotated[str, typer.Argument(help="The later edition's month.")],
    wait: WaitOption = 60.0,
) -> None:
    """Show what changed between two published editions of PROJECT."""
    from scorecards.publish.edition import diff as run_diff

    try:
        found = run_diff(
            project, parse_month(earlier, "EARLIER"), parse_month(later, "LATER"), wait
        )
    except (ScorecardError, OSError) as exc:
        fail(exc)
    changes = found.changes
    out.print(
        f"{found.earlier.month} (issue {found.earlier.issue}) to "
        f"{found.later.month} (issue {found.later.issue})",
        highlight=False,
    )
    _print_list(
        "Figures changed",
        [
            f"{c.section} {c.indicator} {c.period}: {c.before} -> {c.after}"
            for c in changes.figures
        ],
    )
    _print_list(
        "RAG moves",
        [f"{m.section} {m.indicator}: {m.before} -> {m.after}" for m in changes.rag],
    )
    _print_list(
        "Direction of travel",
        [f"{m.section} {m.indicator}: {m.before} -> {m.after}" for m in changes.arrows],
    )
    _print_list(
        "Revisions to figures already published", [str(r) for r in found.revisions]
    )


def _print_list(heading: str, lines: list[str]) -> None:
    out.print(f"\n{heading}: {len(lines) or 'none'}", highlight=False)
    for line in lines:
        out.print(f"  {line}", highlight=False)


def load(
    project: ProjectArg,
    files: Annotated[list[Path], typer.Argument(help="Figure files (CSV or XLSX).")],
    month: Annotated[
        str | None,
        typer.Option(help="The month of a data owner's workbook (from `template`)."),
    ] = None,
    owner: Annotated[
        str | None, typer.Option(help="Accept a workbook only from this owner.")
    ] = None,
    wait: WaitOption = 60.0,
) -> None:
    """Load figure files or filled data-owner workbooks into PROJECT's store.

    A file is read whole before anything is stored; one with a problem stores
    nothing. Loading the same figures again changes nothing; a different value
    for a figure already held is kept as a revision and reported.
    """
    from scorecards.assess.checks import JumpRule, find_jumps
    from scorecards.catalogue.figure_files import read_figure_file
    from scorecards.publish.edition import session
    from scorecards.store import database
    from scorecards.store.excel_in import is_template, read_template
    from scorecards.store.figures import FigureSet

    try:
        with session(project, wait) as current:
            known = set(current.project.indicators)
            batches = []
            for path in files:
                if path.suffix.lower() == ".xlsx" and is_template(path):
                    if month is None:
                        raise InputError(
                            problem(path, "is a data owner's workbook; give --month")
                        )
                    figures = read_template(
                        current.project, parse_month(month), path, owner
                    )
                else:
                    figures = read_figure_file(path, known)
                batches.append((path, figures))
            reports = [
                database.save_figures(
                    current.con, figures, str(path), database.file_checksum(path)
                )
                for path, figures in batches
            ]
            held = FigureSet(database.load_figures(current.con))
            settings = current.project.config.checks
            rule = JumpRule(settings.jump_factor, settings.jump_history)
            jumps = find_jumps(held, [f for _, fs in batches for f in fs], rule)
    except (ScorecardError, OSError) as exc:
        fail(exc)
    for report in reports:
        if report.skipped:
            out.print(
                f"{report.source}: loaded before; nothing changed", highlight=False
            )
            continue
        out.print(
            f"{report.source}: {report.added} new, {len(report.revisions)} revised, "
            f"{report.unchanged} unchanged",
            highlight=False,
        )
        for revision in report.revisions:
            warn(f"revision: {revision}")
    for jump in jumps:
        warn(str(jump))


def template(
    project: ProjectArg,
    month: MonthOption,
    owner: Annotated[str, typer.Option(help="The data owner, as in the catalogue.")],
    out_file: Annotated[
        Path | None, typer.Option("--out", help="The workbook to write.")
    ] = None,
    wait: WaitOption = 60.0,
) -> None:
    """Write a workbook for a data owner to fill in their figures for a month."""
    from scorecards.publish.edition import session
    from scorecards.store.excel_in import write_template

    edition = parse_month(month)
    slug = "-".join(owner.lower().split())
    path = out_file or Path(f"{slug}-{edition}.xlsx")
    try:
        with session(project, wait) as current:
            write_template(current.project, edition, owner, path)
    except (ScorecardError, OSError) as exc:
        fail(exc)
    out.print(str(path), highlight=False)
    err.print(f"send {path} to {owner}; load it back with `scorecards load`")
