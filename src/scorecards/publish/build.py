"""Render a scorecard's outputs, all or nothing.

Outputs are rendered into a staging folder beside the destination and moved into
place only when every format has rendered, so a failure leaves no output file
behind, complete or partial. Publishing (:mod:`scorecards.publish.edition`)
records the staged files in the store before moving them.
"""

from __future__ import annotations

import logging
import os
import shutil
import tempfile
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

from scorecards.assess.scorecard import assemble
from scorecards.assess.view import ScorecardView
from scorecards.catalogue.project import Project
from scorecards.errors import InputError, problem
from scorecards.files import new_file_mode
from scorecards.narrate import draft_commentary
from scorecards.periods import Month

log = logging.getLogger(__name__)

FORMATS = ("html", "pdf", "json", "xlsx")


@dataclass(frozen=True)
class BuildResult:
    view: ScorecardView
    paths: list[Path]


def check_formats(formats: list[str]) -> list[str]:
    """The formats asked for, each once, or an error naming the unknown ones."""
    formats = list(dict.fromkeys(formats))
    unknown = [f for f in formats if f not in FORMATS]
    if unknown:
        raise InputError(
            problem(
                "--format",
                f"unknown format(s) {unknown}; expected some of {list(FORMATS)}",
            )
        )
    return formats


def check_layout(project: Project, layout: str | None) -> str:
    """The layout's name, the project's default when none is given."""
    if layout is not None and layout not in project.layouts:
        raise InputError(
            problem(
                "--layout",
                f"no layout {layout!r}; expected one of {sorted(project.layouts)}",
            )
        )
    return layout or project.config.scorecard.layout


def check_area(project: Project, area: str) -> None:
    """Refuse an area that is not in the project's hierarchy."""
    if not area:
        return
    try:
        project.config.level_of(area)
    except ValueError:
        known = project.config.area_names()
        expected = f"expected one of {known}" if known else "it declares no [[areas]]"
        settings = project.root / "scorecard.toml"
        raise InputError(
            problem("--area", f"{area!r} is not an area of {settings}; {expected}")
        ) from None


def slug(name: str) -> str:
    """A name as it can stand in a file name: "Tunbridge Wells" -> "tunbridge-wells"."""
    return "-".join("".join(c if c.isalnum() else " " for c in name.lower()).split())


def build(
    project: Project,
    month: Month,
    out_dir: Path | None = None,
    formats: list[str] | None = None,
    *,
    draft: bool = True,
    layout: str | None = None,
    area: str = "",
) -> BuildResult:
    """Assess and render ``project`` for ``month`` into ``out_dir``.

    A draft's files are named ``LAYOUT[-AREA]-MONTH-draft.FORMAT`` so that a draft
    never takes the place of a published edition's files. ``area`` builds the
    scorecard of an area or district.
    """
    formats = check_formats(formats or project.config.output.formats)
    out_dir = out_dir or project.root / project.config.output.dir
    name = check_layout(project, layout)
    check_area(project, area)
    view = draft_commentary(
        assemble(project, month, draft=draft, layout=name, area=area)
    )
    place = f"-{slug(area)}" if area else ""
    stem = f"{project.layouts[name].id}{place}-{month}" + ("-draft" if draft else "")

    with staged(view, out_dir, stem, formats) as files:
        paths = move_into(files, out_dir)
    return BuildResult(view, paths)


@contextmanager
def staged(
    view: ScorecardView, out_dir: Path, stem: str, formats: list[str]
) -> Iterator[list[Path]]:
    """Render every format into a staging folder inside ``out_dir``; the folder
    and anything left in it are removed when the block ends."""
    out_dir.mkdir(parents=True, exist_ok=True)
    for leftover in out_dir.glob(".building-*"):
        if not _building_now(leftover):  # left by a build that was killed
            shutil.rmtree(leftover, ignore_errors=True)
    staging = Path(tempfile.mkdtemp(prefix=f".building-{os.getpid()}-", dir=out_dir))
    try:
        yield [_render(fmt, view, staging / f"{stem}.{fmt}") for fmt in formats]
    finally:
        shutil.rmtree(staging, ignore_errors=True)


def _building_now(folder: Path) -> bool:
    """Whether the staging ``folder`` belongs to a build still running: its name
    holds the process id of its build, as ``.building-PID-...``. Another
    project's build may write into the same folder at the same time."""
    pid = folder.name.split("-")[1]
    if not pid.isdigit():
        return False
    try:
        os.kill(int(pid), 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True  # another user's process
    return True


def move_into(files: list[Path], out_dir: Path) -> list[Path]:
    """Move staged files into ``out_dir``: all of them, or none (see :func:`placed`)."""
    with placed(files, out_dir) as paths:
        return paths


@contextmanager
def placed(files: list[Path], out_dir: Path) -> Iterator[list[Path]]:
    """Move staged files into ``out_dir`` for the block; undo it if the block fails.

    Files of the same names already there are set aside and put back should a
    move or the block fail, so a failure leaves ``out_dir`` as it was. Moved files
    get the permissions a new file would (staged files are private to their owner).
    """
    finals = [out_dir / path.name for path in files]
    for final in finals:
        if final.is_dir():
            raise InputError(
                problem(
                    final, "is a folder, so the output of that name cannot be written"
                )
            )
    mode = new_file_mode()
    moved: list[Path] = []
    set_aside: list[tuple[Path, Path]] = []
    try:
        for path, final in zip(files, finals, strict=True):
            if final.exists():
                aside = path.with_name(path.name + ".previous")
                os.replace(final, aside)
                set_aside.append((aside, final))
            os.replace(path, final)
            moved.append(final)
            os.chmod(final, mode)
        yield finals
    except BaseException:
        for final in moved:
            final.unlink(missing_ok=True)
        for aside, final in set_aside:
            os.replace(aside, final)
        raise


def _render(fmt: str, view: ScorecardView, path: Path) -> Path:
    started = time.perf_counter()
    _writer(fmt)(view, path)
    log.info("wrote %s in %.2f s", path.name, time.perf_counter() - started)
    return path


def _writer(fmt: str) -> Callable[[ScorecardView, Path], None]:
    """The writer of one format, imported only when that format is asked for."""
    if fmt == "pdf":
        from scorecards.publish.pdf import write_pdf

        return write_pdf
    if fmt == "xlsx":
        from scorecards.publish.xlsx import write_xlsx

        return write_xlsx
    from scorecards.publish.html import render_html
    from scorecards.publish.json_output import render_json

    render: Callable[[ScorecardView], str] = (
        render_html if fmt == "html" else render_json
    )

    def write(view: ScorecardView, path: Path) -> None:
        path.write_text(render(view), encoding="utf-8")

    return write
