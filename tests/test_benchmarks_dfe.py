"""Benchmarks from the Department for Education's published files.

Expected values are either printed in the seed scorecard or worked out here from
the CSV rows with a plain csv reader, never taken from the code under test.
"""

from __future__ import annotations

import csv
import tomllib
from pathlib import Path

import pytest

from scorecards.benchmarks import (
    FILE_KINDS,
    SUPPRESSION_CODES,
    BenchmarkSettings,
    Closeness,
    Comparator,
    FileKind,
    MissingReason,
    NeighbourModel,
    PeriodReading,
    Quartile,
    authority_benchmarks,
    compute_benchmarks,
    neighbour_mean,
    parse_cell,
    quartile_of,
    rank_and_quartile,
    rank_values,
    read_dfe,
    read_neighbours,
    region,
)
from scorecards.catalogue.models import Indicator, Polarity
from scorecards.errors import InputError
from scorecards.periods import Month, Period, Year

DATA = Path(__file__).parent / "data" / "dfe"
C1 = DATA / "c1_children_in_need_referrals_and_rereferrals_2013_to_2025.csv"
D3 = DATA / "d3_cpps_subsequent_plan_2013_to_2025.csv"
SN_2021 = DATA / "New_Statistical_Neighbour_Groupings_April_2021.csv"
SN_2025 = DATA / "sn_model_2025_wide.csv"
KENT = "886"

HEADER = (
    "time_period,time_identifier,geographic_level,country_code,country_name,"
    "region_code,region_name,old_la_code,new_la_code,la_name,category,score"
)


@pytest.fixture(scope="module")
def rereferrals():
    return read_dfe(C1).measure("rereferral_percent")


@pytest.fixture(scope="module")
def groups_2021():
    return read_neighbours(SN_2021)


@pytest.fixture(scope="module")
def groups_2025():
    return read_neighbours(SN_2025)


def _rows(path: Path) -> list[dict[str, str]]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        return list(csv.DictReader(handle))


def _local(path: Path, time_period: str, measure: str) -> dict[str, str]:
    """Each authority's cell for one time_period, by old_la_code, as written."""
    return {
        row["old_la_code"]: row[measure]
        for row in _rows(path)
        if row["time_period"] == time_period
        and row["geographic_level"] == "Local authority"
    }


def _kent_neighbours(path: Path) -> list[str]:
    with path.open(newline="", encoding="utf-8-sig") as handle:
        rows = list(csv.reader(handle))
    kent = next(row for row in rows if row[0] == KENT)
    start = 5 if path == SN_2021 else 4
    return [kent[i] for i in range(start, start + 20, 2)]


def _write(tmp_path: Path, name: str, *rows: str, header: str = HEADER) -> Path:
    path = tmp_path / name
    path.write_text("\n".join((header, *rows)) + "\n", encoding="utf-8")
    return path


def _la(year: str, code: str, score: str, region: str = "E12000008") -> str:
    return (
        f"{year},Reporting year,Local authority,E92000001,England,{region},Region,"
        f"{code},E0{code},Authority {code},Referrals,{score}"
    )


# The seed's printed benchmarks come out of the files


def test_seed_rereferral_benchmarks_for_2018_19_come_out_of_c1(rereferrals) -> None:
    figures = authority_benchmarks(
        rereferrals,
        "Kent",
        "SCS03",
        Polarity.LOW,
        periods=[Year(2018)],
        comparators=[Comparator.ENGLAND, Comparator.REGION],
    )

    assert [(f.comparator, f.value, f.group) for f in figures] == [
        (Comparator.ENGLAND, 22.6, "England"),
        (Comparator.REGION, 25.1, "South East"),
    ]
    assert all(str(f.period) == "2018-19" and f.contributors == 1 for f in figures)


def test_seed_second_plan_benchmark_for_2018_19_comes_out_of_d3() -> None:
    measure = read_dfe(D3).measure("CPP_subsequent_percent")

    (figure,) = authority_benchmarks(
        measure,
        "Kent",
        "SCS13",
        Polarity.LOW,
        periods=[Year(2018)],
        comparators=[Comparator.ENGLAND],
    )

    assert figure.value == 20.8
    assert figure.as_benchmark().comparator == "England"
    assert figure.as_benchmark().period == Year(2018)
    assert "d3_cpps_subsequent_plan" in figure.as_benchmark().basis


# Statistical neighbour means, checked against the neighbours' CSV rows


@pytest.mark.parametrize(
    ("grouping", "time_period", "missing"),
    [
        # West Northamptonshire (941) was created in 2021: no row for 2018-19.
        (SN_2021, "2019", {"941"}),
        (SN_2021, "2025", set()),
        # Norfolk (926) is 'x' (not available) for 2013-14.
        (SN_2025, "2014", {"926"}),
        (SN_2025, "2019", set()),
    ],
)
def test_kent_neighbour_mean_matches_the_neighbours_rows(
    rereferrals, grouping: Path, time_period: str, missing: set[str]
) -> None:
    neighbours = _kent_neighbours(grouping)
    cells = _local(C1, time_period, "rereferral_percent")
    values = [float(cells[c]) for c in neighbours if c in cells and c not in missing]
    assert {c for c in neighbours if c not in cells or cells[c] == "x"} == missing

    kent = rereferrals.find_authority("Kent")
    period = Year(int(time_period) - 1)
    figure = neighbour_mean(
        rereferrals, kent, period, read_neighbours(grouping), "SCS03"
    )

    assert figure.contributors == 10 - len(missing) == len(values)
    assert figure.value == pytest.approx(sum(values) / len(values), abs=1e-9)
    assert figure.reason is None
    assert f"{figure.contributors} neighbours with a figure" in figure.basis


def test_neighbour_mean_with_no_neighbour_figures_says_why(tmp_path: Path) -> None:
    path = _write(
        tmp_path, "c1_small.csv", _la("2019", "886", "20"), _la("2019", "881", "c")
    )
    grouping = read_neighbours(SN_2025)
    measure = read_dfe(path).measure("score")

    figure = neighbour_mean(
        measure, measure.find_authority("886"), Year(2018), grouping, "X"
    )

    assert (figure.value, figure.contributors) == (None, 0)
    assert figure.reason is MissingReason.NO_CONTRIBUTORS


# Grouping files


def test_both_grouping_layouts_give_kents_neighbours_in_order(
    groups_2021, groups_2025
) -> None:
    assert groups_2021.model is NeighbourModel.MODEL_2021
    assert groups_2025.model is NeighbourModel.MODEL_2025
    assert list(groups_2021.of(KENT).codes) == _kent_neighbours(SN_2021)
    assert list(groups_2025.of(KENT).codes) == _kent_neighbours(SN_2025)
    assert groups_2021.of(KENT).neighbours[0].closeness is Closeness.EXTREMELY_CLOSE
    assert groups_2025.of(KENT).neighbours[0].closeness is Closeness.VERY_CLOSE


def test_2021_grouping_keeps_former_authorities_apart(groups_2021) -> None:
    northamptonshire = groups_2021.of("928")

    assert northamptonshire.former
    assert northamptonshire.name == "Northamptonshire"
    assert not groups_2021.of(KENT).former
    assert len(groups_2021.groups) == 156


def test_authority_missing_from_a_grouping_is_an_error(groups_2025) -> None:
    with pytest.raises(InputError, match="'928' has no statistical neighbours"):
        groups_2025.of("928")


def test_bad_closeness_names_row_and_column(tmp_path: Path) -> None:
    text = SN_2025.read_text(encoding="utf-8-sig").splitlines()
    text[2] = text[2].replace("Close ", "Near", 1)
    path = tmp_path / "sn.csv"
    path.write_text("\n".join(text), encoding="utf-8")

    with pytest.raises(InputError) as caught:
        read_neighbours(path)

    (found,) = caught.value.problems
    assert (found.file, found.row, found.key) == (str(path), 3, "SN_1P")
    assert "found 'Near'" in found.message


# Rank and quartile


def test_ties_share_the_best_rank_and_suppressed_are_not_ranked() -> None:
    values = {
        "a": 10.0,
        "b": 12.0,
        "c": 12.0,
        "d": MissingReason.CONFIDENTIAL,
        "e": 15.0,
        "f": MissingReason.NOT_AVAILABLE,
    }

    assert rank_values(values, Polarity.HIGH) == {"e": 1, "b": 2, "c": 2, "a": 4}
    assert rank_values(values, Polarity.LOW) == {"a": 1, "b": 2, "c": 2, "e": 4}


def test_target_polarity_cannot_be_ranked() -> None:
    with pytest.raises(InputError, match=r"only H .* and L"):
        rank_values({"a": 1.0}, Polarity.TARGET)


@pytest.mark.parametrize(
    ("count", "bands"),
    [
        (4, "ABCD"),
        (8, "AABBCCDD"),
        # 10 / 4 = 2.5: a rank is in A while it is at most 2.5, in B at most 5 ...
        (10, "AABBBCCDDD"),
        (5, "ABCDD"),
    ],
)
def test_quartile_bands_by_rank(count: int, bands: str) -> None:
    found = "".join(quartile_of(r, count).name for r in range(1, count + 1))
    assert found == bands


def test_quartile_of_152_authorities_puts_38_in_each_band() -> None:
    bands = [quartile_of(r, 152) for r in range(1, 153)]
    assert [bands.count(q) for q in Quartile] == [38, 38, 38, 38]
    assert (bands[37], bands[38]) == (Quartile.A, Quartile.B)


def test_a_tie_across_a_quartile_boundary_falls_in_the_better_band(
    tmp_path: Path,
) -> None:
    # Eight authorities, lower is better, so A holds ranks 1 and 2. The 2nd and 3rd
    # places tie across the A/B boundary; a suppressed ninth is not counted.
    scores = ["1", "3", "3", "5", "6", "6", "8", "9", "c"]
    rows = [_la("2019", f"{800 + i}", s) for i, s in enumerate(scores)]
    measure = read_dfe(_write(tmp_path, "c1_small.csv", *rows)).measure("score")

    def result(code: str) -> tuple[str, str, int]:
        area = measure.find_authority(code)
        rank, band = rank_and_quartile(measure, area, Year(2018), Polarity.LOW, "X")
        return rank.label, band.label, band.contributors

    assert [result(f"{800 + i}") for i in range(8)] == [
        ("1 of 8", "A", 8),
        ("2 of 8", "A", 8),
        ("2 of 8", "A", 8),
        ("4 of 8", "B", 8),
        ("5 of 8", "C", 8),
        ("5 of 8", "C", 8),
        ("7 of 8", "D", 8),
        ("8 of 8", "D", 8),
    ]


def test_a_suppressed_authority_has_no_rank_and_says_why(tmp_path: Path) -> None:
    rows = [_la("2019", "801", "4"), _la("2019", "802", "c"), _la("2019", "803", "9")]
    measure = read_dfe(_write(tmp_path, "c1_small.csv", *rows)).measure("score")
    area = measure.find_authority("802")

    rank, band = rank_and_quartile(measure, area, Year(2018), Polarity.HIGH, "X")

    assert (rank.value, rank.reason, rank.contributors) == (
        None,
        MissingReason.CONFIDENTIAL,
        2,
    )
    assert (band.value, band.reason, band.label) == (
        None,
        MissingReason.CONFIDENTIAL,
        "-",
    )


def test_kent_rank_in_2018_19_counts_only_authorities_with_a_figure(
    rereferrals,
) -> None:
    cells = _local(C1, "2019", "rereferral_percent")
    numbers = {
        code: float(v) for code, v in cells.items() if v.replace(".", "").isdigit()
    }
    better = sum(1 for v in numbers.values() if v < numbers[KENT])

    kent = rereferrals.find_authority("Kent")
    rank, band = rank_and_quartile(rereferrals, kent, Year(2018), Polarity.LOW, "SCS03")

    assert rank.value == better + 1
    assert rank.contributors == len(numbers) == len(cells) - 1  # Isles of Scilly: c
    assert band.value == -(-4 * (better + 1) // len(numbers))


# Authorities that no longer exist


def test_northamptonshire_is_kept_for_its_years_and_ranked_only_within_them(
    rereferrals,
) -> None:
    northants = rereferrals.find_authority("Northamptonshire")
    north = rereferrals.find_authority("North Northamptonshire")
    years = [p for p in rereferrals.periods if "928" in rereferrals.authorities(p)]

    assert [str(p) for p in (years[0], years[-1])] == ["2012-13", "2020-21"]
    assert "940" not in rereferrals.authorities(Year(2020))

    for period, area, present in [
        (Year(2020), northants, True),
        (Year(2021), northants, False),
        (Year(2020), north, False),
        (Year(2021), north, True),
    ]:
        rank, _ = rank_and_quartile(rereferrals, area, period, Polarity.LOW, "SCS03")
        cells = _local(C1, str(period.start + 1), "rereferral_percent")
        ranked = [v for v in cells.values() if v.replace(".", "").isdigit()]
        assert rank.contributors == len(ranked)
        assert (rank.value is not None) is present
        if not present:
            assert rank.reason is MissingReason.NO_ROW


def test_region_of_a_london_borough_is_london(rereferrals) -> None:
    barnet = rereferrals.find_authority("Barnet")

    figure = region(rereferrals, barnet, Year(2018), "SCS03")

    assert barnet.region_name == "Outer London"
    assert figure.group == "London"
    london = next(
        r
        for r in _rows(C1)
        if r["time_period"] == "2019" and r["region_code"] == "E12000007"
    )
    assert figure.value == float(london["rereferral_percent"])


# Reading cells and periods


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("c", MissingReason.CONFIDENTIAL),
        ("x", MissingReason.NOT_AVAILABLE),
        (":", MissingReason.NOT_AVAILABLE),
        ("..", MissingReason.NOT_AVAILABLE),
        ("z", MissingReason.NOT_APPLICABLE),
        ("k", MissingReason.ROUNDS_TO_ZERO),
        ("low", MissingReason.ROUNDS_TO_ZERO),
        ("~", MissingReason.ROUNDS_TO_ZERO),
        ("u", MissingReason.LOW_RELIABILITY),
        ("[c]", MissingReason.CONFIDENTIAL),
        ("LOW", MissingReason.ROUNDS_TO_ZERO),
        ("", MissingReason.BLANK),
    ],
)
def test_suppression_codes_give_their_reason(text: str, reason: MissingReason) -> None:
    assert parse_cell(text) is reason


def test_every_code_in_the_table_is_tested() -> None:
    assert set(SUPPRESSION_CODES) == {"c", "x", ":", "..", "z", "k", "low", "~", "u"}


@pytest.mark.parametrize("text", ["n/a", "*", "nan", "inf", "1,234", "-"])
def test_unknown_tokens_are_refused(text: str) -> None:
    with pytest.raises(ValueError, match="expected a number"):
        parse_cell(text)


def test_numbers_and_durations_are_read() -> None:
    assert parse_cell("22.6") == 22.6
    assert parse_cell("-0.13") == -0.13
    assert parse_cell("01:07", duration=True) == 19.0
    with pytest.raises(ValueError):
        parse_cell("01:07")


@pytest.mark.parametrize(
    ("name", "kind", "period"),
    [
        ("b1_children_in_need_2013_to_2025.csv", FileKind.CHILDREN_IN_NEED, Year(2024)),
        ("cla_number_and_rate_per_10k_children.csv", FileKind.LOOKED_AFTER, Year(2024)),
        ("la_cla_placement_stability.csv", FileKind.PLACEMENT_STABILITY, Year(2024)),
        ("la_care_leavers_activity.csv", FileKind.CARE_LEAVERS, Year(2024)),
        (
            "national_cla_adopted_average_time_between_adoption_process_stages.csv",
            FileKind.ADOPTION,
            Year(2024),
        ),
        ("csww_indicators_2017_to_2025.csv", FileKind.WORKFORCE, Month(2025, 9)),
        ("ks2_la.csv", FileKind.KS2, Year(2024)),
        ("ks4_la.csv", FileKind.KS4, Year(2024)),
        ("absence_la.csv", FileKind.ABSENCE, Year(2024)),
        (
            "ons_mid-year_population_estimates_2012_to_2024.csv",
            FileKind.POPULATION,
            Month(2024, 6),
        ),
    ],
)
def test_each_kind_of_file_reads_its_time_period_by_its_meaning(
    name: str, kind: FileKind, period: Period
) -> None:
    table = read_dfe(DATA / "samples" / name)

    assert table.kind is kind
    assert table.periods == [period]
    assert len(table.rows) == (2 if kind is FileKind.ADOPTION else 3)


def test_c1_and_d3_read_2019_as_the_year_2018_19() -> None:
    for path, kind in [(C1, FileKind.REFERRALS), (D3, FileKind.CHILD_PROTECTION)]:
        table = read_dfe(path)
        assert table.kind is kind
        assert (str(table.periods[0]), str(table.periods[-1])) == ("2012-13", "2024-25")


@pytest.mark.parametrize(
    ("reading", "text", "period"),
    [
        (PeriodReading.YEAR_TO_31_MARCH, "2019", Year(2018)),
        (PeriodReading.ACADEMIC_YEAR, "201819", Year(2018)),
        (PeriodReading.ACADEMIC_YEAR, "199900", Year(1999)),
        (PeriodReading.AT_30_SEPTEMBER, "2019", Month(2019, 9)),
        (PeriodReading.MID_YEAR, "2019", Month(2019, 6)),
    ],
)
def test_period_readings(reading: PeriodReading, text: str, period: Period) -> None:
    assert reading.read(text) == period


@pytest.mark.parametrize(
    ("reading", "text"),
    [
        (PeriodReading.ACADEMIC_YEAR, "2019"),
        (PeriodReading.ACADEMIC_YEAR, "201820"),
        (PeriodReading.YEAR_TO_31_MARCH, "201819"),
        (PeriodReading.AT_30_SEPTEMBER, "2019-20"),
    ],
)
def test_period_in_the_wrong_form_is_refused(reading: PeriodReading, text: str) -> None:
    with pytest.raises(ValueError, match="expected"):
        reading.read(text)


def test_duration_measures_are_read_as_months() -> None:
    name = "national_cla_adopted_average_time_between_adoption_process_stages.csv"
    table = read_dfe(DATA / "samples" / name)

    values = [row.values[table.measures.index("number")] for row in table.rows]

    assert values == [10.0, 9.0]  # 00:10 and 00:09


def test_kind_is_detected_from_the_header_and_can_be_overridden(tmp_path: Path) -> None:
    renamed = tmp_path / "downloaded.csv"
    renamed.write_bytes(C1.read_bytes())
    assert read_dfe(renamed).kind is FileKind.REFERRALS

    unknown = _write(tmp_path, "mystery.csv", _la("2019", "801", "4"))
    with pytest.raises(InputError, match="cannot tell which"):
        read_dfe(unknown)
    assert read_dfe(unknown, FileKind.CHILD_PROTECTION).periods == [Year(2018)]


def test_every_kind_has_a_spec() -> None:
    assert set(FILE_KINDS) == set(FileKind)


# Errors name the file, row and column


def test_missing_required_column_names_file_row_and_column(tmp_path: Path) -> None:
    header = HEADER.replace("la_name,", "")
    row = _la("2019", "801", "4").replace("Authority 801,", "")
    path = _write(tmp_path, "c1_bad.csv", row, header=header)

    with pytest.raises(InputError) as caught:
        read_dfe(path)

    (found,) = caught.value.problems
    assert (found.file, found.row, found.key) == (str(path), 1, "la_name")
    assert str(found).startswith(f"{path}, row 1, la_name: missing required column")


def test_unknown_suppression_like_token_names_file_row_and_column(
    tmp_path: Path,
) -> None:
    path = _write(
        tmp_path, "c1_bad.csv", _la("2019", "801", "4"), _la("2019", "802", "s")
    )

    with pytest.raises(InputError) as caught:
        read_dfe(path)

    (found,) = caught.value.problems
    assert (found.file, found.row, found.key) == (str(path), 3, "score")
    assert "found 's'" in found.message and "c, x" in found.message


def test_wrong_time_identifier_is_refused(tmp_path: Path) -> None:
    row = _la("201819", "801", "4").replace("Reporting year", "Academic year")
    path = _write(tmp_path, "c1_bad.csv", row)

    with pytest.raises(InputError) as caught:
        read_dfe(path)

    assert caught.value.problems[0].key == "time_identifier"
    assert caught.value.problems[0].row == 2


def test_unknown_geographic_level_is_refused(tmp_path: Path) -> None:
    row = _la("2019", "801", "4").replace("Local authority", "Ward")
    with pytest.raises(InputError, match=r"row 2, geographic_level: .*'Ward'"):
        read_dfe(_write(tmp_path, "c1_bad.csv", row))


# Filters pick the total row


def _breakdown_file(tmp_path: Path) -> Path:
    header = HEADER.replace("category", "phase")
    rows = [
        _la("2019", "801", "4").replace("Referrals", "Total"),
        _la("2019", "801", "3").replace("Referrals", "Primary"),
        _la("2019", "802", "6").replace("Referrals", "Total"),
        _la("2019", "802", "5").replace("Referrals", "Primary"),
    ]
    return _write(tmp_path, "absence_small.csv", *rows, header=header)


def test_filter_on_a_column_that_is_not_a_breakdown_is_refused() -> None:
    with pytest.raises(InputError, match=r"cannot filter on 'phase'.* are category"):
        read_dfe(C1).measure("rereferral_percent", {"phase": "Total"})


def test_filters_keep_the_total_row(tmp_path: Path) -> None:
    text = _breakdown_file(tmp_path).read_text().replace(",phase,", ",category,")
    path = tmp_path / "c1_breakdown.csv"
    path.write_text(text)
    table = read_dfe(path)

    with pytest.raises(InputError) as caught:
        table.measure("score")
    assert "add a filter on category ('Total' or 'Primary')" in str(caught.value)
    assert caught.value.problems[0].row == 3

    measure = table.measure("score", {"category": "Total"})
    assert measure.authorities(Year(2018))["802"][1] == 6.0
    with pytest.raises(InputError, match=r"takes the values \['Primary', 'Total'\]"):
        table.measure("score", {"category": "All"})


def test_unknown_measure_lists_the_files_measures() -> None:
    with pytest.raises(
        InputError, match=r"no measure 'rereferral_pc'.*rereferral_percent"
    ):
        read_dfe(C1).measure("rereferral_pc")


# Configuration


def test_mapping_section_reads_from_toml_and_computes(tmp_path: Path) -> None:
    text = f"""
[benchmarks]
data = "{DATA}"
authority = "Kent"
neighbours = "sn_model_2025_wide.csv"

[[benchmarks.import]]
indicator = "SCS03"
file = "{C1.name}"
measure = "rereferral_percent"

[[benchmarks.import]]
indicator = "SCS13"
file = "{D3.name}"
measure = "CPP_subsequent_percent"
filters.category = "Child Protection Plans which are a second or subsequent plan"
comparators = ["England", "Rank"]
"""
    settings = BenchmarkSettings.model_validate(tomllib.loads(text)["benchmarks"])
    indicators = {
        "SCS03": Indicator(id="SCS03", title="Re-referrals", polarity=Polarity.LOW),
        "SCS13": Indicator(id="SCS13", title="Second plans", polarity=Polarity.TARGET),
    }

    figures = compute_benchmarks(settings, tmp_path, indicators)

    def one(indicator: str, comparator: Comparator) -> list[float | None]:
        return [
            f.value
            for f in figures
            if (f.indicator, f.comparator, f.period)
            == (indicator, comparator, Year(2018))
        ]

    assert one("SCS03", Comparator.ENGLAND) == [22.6]
    assert one("SCS03", Comparator.REGION) == [25.1]
    assert len(one("SCS03", Comparator.NEIGHBOURS)) == 1
    assert len(one("SCS03", Comparator.QUARTILE)) == 1
    assert one("SCS13", Comparator.ENGLAND) == [20.8]
    assert one("SCS13", Comparator.RANK) == []  # polarity T is not ranked
    assert one("SCS13", Comparator.REGION) == []  # not asked for


def test_mapping_refuses_unknown_fields_and_indicators(tmp_path: Path) -> None:
    with pytest.raises(ValueError, match="measures"):
        BenchmarkSettings.model_validate(
            {
                "data": ".",
                "authority": "Kent",
                "import": [{"indicator": "A", "file": "f", "measures": "m"}],
            }
        )

    settings = BenchmarkSettings.model_validate(
        {
            "data": str(DATA),
            "authority": "Kent",
            "import": [
                {"indicator": "NOPE", "file": C1.name, "measure": "referral_count"}
            ],
        }
    )
    with pytest.raises(InputError, match="unknown indicator 'NOPE'"):
        compute_benchmarks(settings, tmp_path, {})
