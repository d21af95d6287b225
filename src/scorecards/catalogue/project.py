"""Read a project folder into validated objects, reporting every problem found.

Nothing here judges figures; it only checks that the files say what the format
(docs/project-format.md) allows, and names the file, row and key of each problem.
"""

from __future__ import annotations

import logging
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ValidationError

from scorecards.catalogue.benchmark import Benchmark
from scorecards.catalogue.cells import (
    NA_TEXT,
    csv_rows,
    header_of,
    is_utf8,
    parse_number,
    period_cell,
    read_text,
    require_columns,
    unknown_indicator,
)
from scorecards.catalogue.config import ProjectConfig
from scorecards.catalogue.figure_files import load_figure_files
from scorecards.catalogue.layout import KpiTable, Layout
from scorecards.catalogue.models import Indicator, Polarity, Target
from scorecards.errors import InputError, MissingFileError, Problem, problem
from scorecards.periods import Month, parse_period
from scorecards.store.figures import Figure, FigureSet

log = logging.getLogger(__name__)


@dataclass
class Commentary:
    """An edition month's analyst text: block introductions and per-indicator text."""

    intros: dict[str, list[str]] = field(default_factory=dict)
    texts: dict[str, str] = field(default_factory=dict)  # indicator id -> text


@dataclass
class Project:
    root: Path
    config: ProjectConfig
    indicators: dict[str, Indicator]
    targets: list[Target]
    figures: FigureSet
    benchmarks: list[Benchmark]
    layouts: dict[str, Layout]
    commentary: dict[str, Commentary]

    @property
    def layout(self) -> Layout:
        return self.layouts[self.config.scorecard.layout]

    def commentary_for(self, month: Month) -> Commentary:
        return self.commentary.get(str(month), Commentary())


def load_project(
    root: Path | str, extra_figures: list[Figure] | None = None
) -> Project:
    """Load and validate the project in ``root``.

    ``extra_figures`` (for example from the store) join the figures read from
    files; a file's figure for the same indicator, period and area wins.

    Raises InputError listing every problem, or MissingFileError when the
    folder is not a project at all.
    """
    root = Path(root)
    if not (root / "scorecard.toml").is_file():
        raise MissingFileError(root / "scorecard.toml", "project settings")
    problems: list[Problem] = []

    config = _load_config(root, problems)
    indicators, broken = _load_indicators(root, problems)
    # an indicator with a problem of its own is still known by its id, so that
    # its figures and references are not each reported again as unknown
    known = set(indicators) | broken
    targets = _load_targets(root, known, problems)
    figures = FigureSet(extra_figures or [])
    for figure in load_figure_files(root, known, problems):
        figures.add(figure)
    benchmarks = _load_benchmarks(root, known, problems)
    layouts = _load_layouts(root, known, problems)
    _check_targets(root / "targets.csv", targets, indicators, problems)
    if config is not None and config.areas:
        _check_areas(figures, config.area_names(), problems)
    commentary = _load_commentary(root, known, problems)

    chosen = config.scorecard.layout if config is not None else ""
    if config is not None and not (root / "layouts" / f"{chosen}.yaml").is_file():
        problems.append(
            problem(
                root / "scorecard.toml",
                f"layout {config.scorecard.layout!r} has no file "
                f"layouts/{config.scorecard.layout}.yaml; found {sorted(layouts)}",
                key="scorecard.layout",
            )
        )
    if problems or config is None:
        raise InputError(problems)
    log.info(
        "loaded %s: %d indicators, %d figures, %d targets",
        root,
        len(indicators),
        len(figures),
        len(targets),
    )
    return Project(
        root, config, indicators, targets, figures, benchmarks, layouts, commentary
    )


def _check_targets(
    path: Path,
    targets: list[Target],
    indicators: dict[str, Indicator],
    problems: list[Problem],
) -> None:
    """Targets that contradict their indicator's polarity."""
    for t in targets:
        indicator = indicators.get(t.indicator)
        if indicator is None or t.target is None:
            continue
        where = f"{t.indicator} {t.year}"
        if indicator.polarity is Polarity.HIGH and t.floor is not None:
            if t.floor > t.target:
                problems.append(
                    problem(
                        path,
                        f"{where}: polarity H needs the floor ({t.floor:g}) "
                        f"at or below the target ({t.target:g})",
                    )
                )
        elif indicator.polarity is Polarity.LOW and t.floor is not None:
            if t.floor < t.target:
                problems.append(
                    problem(
                        path,
                        f"{where}: polarity L needs the floor ({t.floor:g}) "
                        f"at or above the target ({t.target:g})",
                    )
                )
        elif indicator.polarity is Polarity.TARGET:
            _check_bands(path, where, t, problems)


def _check_bands(path: Path, where: str, t: Target, problems: list[Problem]) -> None:
    assert t.target is not None
    if t.band_low is not None and t.band_high is not None:
        if not t.band_low <= t.target <= t.band_high:
            problems.append(
                problem(
                    path,
                    f"{where}: the target {t.target:g} is outside its band "
                    f"{t.band_low:g} to {t.band_high:g}",
                )
            )
        if t.floor_low is not None and t.floor_high is not None:
            if not (t.floor_low <= t.band_low and t.band_high <= t.floor_high):
                problems.append(
                    problem(
                        path,
                        f"{where}: the floor band {t.floor_low:g} to "
                        f"{t.floor_high:g} must contain the on-target band "
                        f"{t.band_low:g} to {t.band_high:g}",
                    )
                )


def _check_areas(figures: FigureSet, names: list[str], problems: list[Problem]) -> None:
    """Figures from files for areas the hierarchy does not declare."""
    known = set(names)
    for figure in figures:
        if figure.area and figure.area not in known and figure.row is not None:
            problems.append(
                problem(
                    figure.source,
                    f"unknown area {figure.area!r}; declare it in "
                    "scorecard.toml's areas or fix the name",
                    row=figure.row,
                    key="area",
                )
            )


def read_config(root: Path) -> ProjectConfig:
    """Only scorecard.toml, for commands that need the settings and not the rest
    (where the store is, for instance). Raises as :func:`load_project` does."""
    if not (root / "scorecard.toml").is_file():
        raise MissingFileError(root / "scorecard.toml", "project settings")
    problems: list[Problem] = []
    config = _load_config(root, problems)
    if config is None or problems:
        raise InputError(problems)
    return config


def _load_config(root: Path, problems: list[Problem]) -> ProjectConfig | None:
    path = root / "scorecard.toml"
    text = read_text(path, problems)
    if text is None:
        return None
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        problems.append(problem(path, f"is not valid TOML: {exc}"))
        return None
    return _validate(ProjectConfig, data, path, problems)


def _validate(
    model: type[BaseModel],
    data: Any,
    path: Path,
    problems: list[Problem],
    row: int | None = None,
    prefix: str = "",
) -> Any:
    try:
        return model.model_validate(data)
    except ValidationError as exc:
        for error in exc.errors():
            # positions counted from 1, as an analyst counts entries in a file
            key = ".".join(
                str(part + 1) if isinstance(part, int) else str(part)
                for part in error["loc"]
                if part != "function-after"
            )
            found = error.get("input")
            shown = "" if isinstance(found, dict | list) else f"; found {found!r}"
            message = error["msg"].removeprefix("Value error, ")
            problems.append(
                problem(path, f"{message}{shown}", row=row, key=f"{prefix}{key}")
            )
        return None


# libyaml's safe loader where PyYAML was built with it: the same documents and
# errors, read several times faster than by the pure-Python one.
_YAML_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _read_yaml(path: Path, problems: list[Problem]) -> Any:
    text = read_text(path, problems)
    if text is None:
        return None
    try:
        return yaml.load(text, Loader=_YAML_LOADER)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f" at line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        reason = getattr(exc, "problem", None) or str(exc)
        problems.append(problem(path, f"is not valid YAML{where}: {reason}"))
        return None


def _load_indicators(
    root: Path, problems: list[Problem]
) -> tuple[dict[str, Indicator], set[str]]:
    """The valid indicators, and the ids of entries that have problems."""
    folder = root / "indicators"
    broken: set[str] = set()
    files = sorted(folder.glob("*.yaml")) + sorted(folder.glob("*.yml"))
    if not files:
        problems.append(problem(folder, "no indicator files (*.yaml) found"))
    indicators: dict[str, Indicator] = {}
    for path in files:
        before = len(problems)
        data = _read_yaml(path, problems)
        if data is None and len(problems) == before:
            problems.append(problem(path, "is empty; expected a list of indicators"))
        if data is None:
            continue
        if not isinstance(data, list):
            problems.append(problem(path, "expected a list of indicators"))
            continue
        for number, entry in enumerate(data, start=1):
            label = entry.get("id", "?") if isinstance(entry, dict) else "?"
            indicator = _validate(
                Indicator, entry, path, problems, prefix=f"entry {number} ({label}): "
            )
            if indicator is None:
                broken.add(str(label))
                continue
            if indicator.id in indicators:
                problems.append(
                    problem(
                        path,
                        f"indicator id {indicator.id!r} is defined twice",
                        key=f"entry {number}",
                    )
                )
            indicators[indicator.id] = indicator
    return indicators, broken


def _load_targets(root: Path, known: set[str], problems: list[Problem]) -> list[Target]:
    path = root / "targets.csv"
    if not path.is_file():
        return []
    need = {"indicator", "year", "target"}
    if not is_utf8(path, problems) or not require_columns(
        path, header_of(path), need, problems
    ):
        return []
    targets: list[Target] = []
    seen: set[tuple[str, str, str]] = set()
    for number, row in csv_rows(path, problems):
        if unknown_indicator(row.get("indicator", ""), known, path, number, problems):
            continue
        data: dict[str, Any] = {k: v for k, v in row.items() if v != ""}
        for key in (
            "target",
            "floor",
            "band_low",
            "band_high",
            "floor_low",
            "floor_high",
        ):
            if key in data:
                data[key] = parse_number(data[key], path, number, key, problems)
        if "floor_assumed" in data:
            data["floor_assumed"] = data["floor_assumed"].lower() in {
                "true",
                "yes",
                "1",
            }
        year = period_cell(row.get("year", ""), path, number, "year", problems)
        if year is not None and year.kind != "year":
            problems.append(
                problem(
                    path,
                    f"expected a year like 2020-21, found {row['year']!r}",
                    row=number,
                    key="year",
                )
            )
        if year is not None:
            data["year"] = str(year)  # 2020/21 and 2020-2021 mean 2020-21
        target = _validate(Target, data, path, problems, row=number)
        if target is None:
            continue
        once = (target.indicator, target.year, target.basis)
        if once in seen:
            problems.append(
                problem(path, f"a second target for {once[0]} in {once[1]}", row=number)
            )
        seen.add(once)
        targets.append(target)
    return targets


def _load_benchmarks(
    root: Path, known: set[str], problems: list[Problem]
) -> list[Benchmark]:
    path = root / "benchmarks.csv"
    if not path.is_file():
        return []
    need = {"indicator", "comparator", "period", "value"}
    if not is_utf8(path, problems) or not require_columns(
        path, header_of(path), need, problems
    ):
        return []
    benchmarks: list[Benchmark] = []
    for number, row in csv_rows(path, problems):
        if unknown_indicator(row.get("indicator", ""), known, path, number, problems):
            continue
        period = period_cell(row.get("period", ""), path, number, "period", problems)
        text = row.get("value", "")
        value = (
            None
            if text.lower() in NA_TEXT
            else parse_number(text, path, number, "value", problems)
        )
        if period is None:
            continue
        benchmarks.append(
            Benchmark(
                row["indicator"], row["comparator"], period, value, row.get("basis", "")
            )
        )
    return benchmarks


def _load_layouts(
    root: Path, known: set[str], problems: list[Problem]
) -> dict[str, Layout]:
    layouts: dict[str, Layout] = {}
    for path in sorted((root / "layouts").glob("*.yaml")):
        data = _read_yaml(path, problems)
        if data is None:
            continue
        layout = _validate(Layout, data, path, problems)
        if layout is None:
            continue
        for section in layout.sections:
            for number, ref in enumerate(_indicator_refs(section), start=1):
                if ref not in known:
                    problems.append(
                        problem(
                            path,
                            f"unknown indicator {ref!r}",
                            key=f"sections.{section.id} reference {number}",
                        )
                    )
        layouts[path.stem] = layout
    return layouts


def _indicator_refs(section: Any) -> list[str]:
    if isinstance(section, KpiTable):
        return [row.indicator for row in section.rows]
    refs: list[str] = list(getattr(section, "indicators", []))
    for block in getattr(section, "blocks", []):
        refs += [item.indicator for item in block.items]
        refs += [block.indicator] if block.indicator else []
        for line in block.lines:
            refs += re.findall(r"\{([^}]+)\}", line)
    return refs


_HEADING = re.compile(r"^(#{1,2})\s+(\S.*?)\s*$")


def _load_commentary(
    root: Path, known: set[str], problems: list[Problem]
) -> dict[str, Commentary]:
    found: dict[str, Commentary] = {}
    for path in sorted((root / "commentary").glob("*.md")):
        try:
            month = parse_period(path.stem)
        except ValueError:
            month = None
        if not isinstance(month, Month):
            problems.append(
                problem(path, "commentary files are named by month, e.g. 2020-05.md")
            )
            continue
        found[str(month)] = _parse_commentary(path, known, problems)
    return found


def _parse_commentary(
    path: Path, known: set[str], problems: list[Problem]
) -> Commentary:
    commentary = Commentary()
    block, indicator = "", ""
    paragraphs: list[str] = []
    current: list[str] = []

    def close_paragraph() -> None:
        if current:
            paragraphs.append(" ".join(current))
            current.clear()

    def close_heading() -> None:
        close_paragraph()
        if indicator:
            commentary.texts[indicator] = "\n\n".join(paragraphs)
        elif paragraphs:
            commentary.intros.setdefault(block, []).extend(paragraphs)
        paragraphs.clear()

    for number, line in enumerate(
        (read_text(path, problems) or "").splitlines(), start=1
    ):
        heading = _HEADING.match(line)
        if heading is None:
            if line.strip():
                current.append(line.strip())
            else:
                close_paragraph()
            continue
        close_heading()
        level, name = len(heading[1]), heading[2]
        if level == 1:
            block, indicator = name, ""
        elif name not in known:
            problems.append(problem(path, f"unknown indicator {name!r}", row=number))
            indicator = ""
        elif name in commentary.texts:
            problems.append(problem(path, f"a second text for {name}", row=number))
            indicator = ""
        else:
            indicator = name
    close_heading()
    return commentary
