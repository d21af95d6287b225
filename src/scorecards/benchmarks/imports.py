"""One import of published statistics for a project: every mapped measure's
England, region, statistical neighbour mean, rank, quartile and the authority's own
figure, with what was read and what was found suppressed.

:func:`import_benchmarks` does the work for ``scorecards benchmarks import``;
:func:`authority_figures` turns the authority's own published values into figures
of the project's indicators. The store keeps both (:mod:`scorecards.store.benchmarks`).
"""

from __future__ import annotations

import dataclasses
import logging
from collections import Counter
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from scorecards.benchmarks.compute import (
    BenchmarkFigure,
    Comparator,
    authority_benchmarks,
)
from scorecards.benchmarks.dfe import Area, DfeTable, Measure, MissingReason, read_dfe
from scorecards.benchmarks.kinds import FileKind
from scorecards.benchmarks.mapping import (
    BenchmarkMapping,
    BenchmarkSettings,
    existing_file,
    read_groups,
)
from scorecards.catalogue.models import Indicator
from scorecards.errors import InputError, problem
from scorecards.periods import Month, Period, YearBasis
from scorecards.store.figures import Figure, Missing

logger = logging.getLogger(__name__)


@dataclass(frozen=True)
class FileRead:
    """One of the department's files as read for an import."""

    name: str
    kind: FileKind
    rows: int


@dataclass
class BenchmarkImport:
    """What one import read and computed.

    ``figures`` holds every comparator of every mapped indicator and period, the
    authority's own published figure (:attr:`Comparator.AUTHORITY`) included.
    ``suppressed`` counts, per file and measure, the cells (of every area and
    period) that carry a suppression code instead of a number; ``absent`` names
    the measures with no row at all for the authority.
    """

    authority: Area
    neighbours: str
    files: list[FileRead] = field(default_factory=list)
    figures: list[BenchmarkFigure] = field(default_factory=list)
    suppressed: dict[str, Counter[MissingReason]] = field(default_factory=dict)
    absent: list[str] = field(default_factory=list)

    @property
    def rows_read(self) -> int:
        return sum(f.rows for f in self.files)

    @property
    def own(self) -> list[BenchmarkFigure]:
        """The authority's own published figures."""
        return [f for f in self.figures if f.comparator is Comparator.AUTHORITY]

    @property
    def computed(self) -> list[BenchmarkFigure]:
        """England, region, neighbour mean, rank and quartile figures."""
        return [f for f in self.figures if f.comparator is not Comparator.AUTHORITY]

    @property
    def missing(self) -> Counter[MissingReason]:
        """Computed figures without a value, by reason."""
        return Counter(f.reason for f in self.computed if f.reason is not None)


def import_benchmarks(
    settings: BenchmarkSettings,
    root: Path,
    indicators: Mapping[str, Indicator],
    *,
    authority: str | None = None,
    files: Sequence[Path] = (),
    config_file: str = "scorecard.toml",
) -> BenchmarkImport:
    """Read the files the ``[benchmarks]`` settings name and compute every mapped
    indicator's benchmarks for ``authority`` (default: the settings').

    With ``files``, only the mappings of those files are imported, read from the
    paths given rather than the data folder. Each file is read once. Raises
    InputError naming the mapping of an unknown indicator, a given file that no
    mapping names, or an authority the files do not hold; MissingFileError for a
    file that is not there.
    """
    folder = root / settings.data
    wanted = authority or settings.authority
    chosen = _chosen(settings, folder, files, config_file)
    catalogue = _indicators(chosen, indicators, config_file)
    groups = read_groups(folder, settings.neighbours)
    tables: dict[tuple[Path, FileKind | None], DfeTable] = {}
    measures = [(n, m, _measure(tables, m, path)) for n, m, path in chosen]
    if not measures:
        raise InputError(
            problem(
                config_file,
                "no benchmarks.import entries: nothing to import",
                key="benchmarks.import",
            )
        )
    area = _find(wanted, [measure for _, _, measure in measures])
    result = BenchmarkImport(area, groups.label if groups else "")
    result.files = [FileRead(t.path.name, t.kind, len(t.rows)) for t in tables.values()]

    for number, mapping, measure in measures:
        indicator = catalogue[mapping.indicator]
        result.suppressed[measure.source] = measure.missing_counts()
        if not any(measure.authorities(p).get(area.code) for p in measure.periods):
            result.absent.append(measure.source)

        comparators = tuple(
            c
            for c in mapping.comparators
            if groups is not None or c is not Comparator.NEIGHBOURS
        )
        figures = authority_benchmarks(
            measure, area, indicator.id, indicator.polarity, groups, None, comparators
        )
        result.figures += _as_years(figures, mapping, number, config_file)
        logger.info("benchmarks computed for %s from %s", indicator.id, measure.source)
    return result


def authority_figures(imported: BenchmarkImport) -> list[Figure]:
    """The authority's own published values as figures of the mapped indicators.

    A suppressed cell becomes a figure that is not available (N/A); its reason is
    kept with the import's benchmark figures.
    """
    return [
        Figure(
            indicator=f.indicator,
            period=f.period,
            value=f.value,
            missing=Missing.NOT_AVAILABLE if f.value is None else None,
            source=f"{f.source} ({imported.authority.name})",
        )
        for f in imported.own
    ]


def _chosen(
    settings: BenchmarkSettings,
    folder: Path,
    files: Sequence[Path],
    config_file: str,
) -> list[tuple[int, BenchmarkMapping, Path]]:
    """The mappings to import, each with its number and the path of its file."""
    numbered = list(enumerate(settings.imports, start=1))
    if not files:
        return [(n, m, folder / m.file) for n, m in numbered]

    given = {path.name: path for path in files}
    named = {m.file for m in settings.imports}
    unused = [path for name, path in given.items() if name not in named]
    if unused:
        raise InputError(
            [
                problem(
                    path,
                    f"no benchmarks.import entry in {config_file} names this "
                    f"file; the entries name {', '.join(sorted(named))}",
                )
                for path in unused
            ]
        )
    return [(n, m, given[m.file]) for n, m in numbered if m.file in given]


def _find(wanted: str, measures: list[Measure]) -> Area:
    """The authority named or coded ``wanted`` in the first file that has it, so
    that a file without it (the workforce file reports some authorities jointly)
    leaves its figures not published rather than stopping the import."""
    first: InputError | None = None
    for measure in measures:
        try:
            return measure.find_authority(wanted)
        except InputError as exc:
            first = first or exc
    assert first is not None
    raise first


def _indicators(
    chosen: list[tuple[int, BenchmarkMapping, Path]],
    indicators: Mapping[str, Indicator],
    config_file: str,
) -> dict[str, Indicator]:
    """The indicator of every mapping; InputError listing every unknown or twice
    mapped one."""
    problems = []
    first: dict[str, int] = {}
    for number, mapping, _ in chosen:
        key = f"benchmarks.import {number}: indicator"
        if mapping.indicator not in indicators:
            problems.append(
                problem(
                    config_file,
                    f"unknown indicator {mapping.indicator!r}; add it to "
                    "indicators/ or fix the id",
                    key=key,
                )
            )
        elif mapping.indicator in first:
            problems.append(
                problem(
                    config_file,
                    f"{mapping.indicator} is mapped already by entry "
                    f"{first[mapping.indicator]}; an indicator takes one measure",
                    key=key,
                )
            )
        first.setdefault(mapping.indicator, number)
    if problems:
        raise InputError(problems)
    return {m.indicator: indicators[m.indicator] for _, m, _ in chosen}


def _measure(
    tables: dict[tuple[Path, FileKind | None], DfeTable],
    mapping: BenchmarkMapping,
    path: Path,
) -> Measure:
    """The mapping's measure, made a rate per 10,000 where it asks."""
    measure = _table(tables, path, mapping.kind).measure(
        mapping.measure, mapping.filters
    )
    people = mapping.per_10000
    if people is None:
        return measure
    population = _table(tables, path.parent / people.file, None)
    return measure.per_10000(population.measure(people.measure, people.filters))


def _table(
    tables: dict[tuple[Path, FileKind | None], DfeTable],
    path: Path,
    kind: FileKind | None,
) -> DfeTable:
    """The file at ``path``, read once however many mappings use it."""
    if (path, kind) not in tables:
        tables[path, kind] = read_dfe(existing_file(path), kind)
    return tables[path, kind]


def _as_years(
    figures: list[BenchmarkFigure],
    mapping: BenchmarkMapping,
    number: int,
    config_file: str,
) -> list[BenchmarkFigure]:
    """Snapshot months given the reporting year that holds them, when the mapping
    asks; InputError when two fall in one year."""
    basis = mapping.year_basis
    if basis is None:
        return figures
    moved = [dataclasses.replace(f, period=_year(f.period, basis)) for f in figures]

    seen: dict[tuple[Comparator, Period], Period] = {}
    for before, after in zip(figures, moved, strict=True):
        earlier = seen.setdefault((after.comparator, after.period), before.period)
        if earlier != before.period:
            raise InputError(
                problem(
                    config_file,
                    f"{earlier} and {before.period} are both in the {basis.value} "
                    f"year {after.period}; remove year_basis to keep them as months",
                    key=f"benchmarks.import {number}: year_basis",
                )
            )
    return moved


def _year(period: Period, basis: YearBasis) -> Period:
    return period.year_of(basis) if isinstance(period, Month) else period
