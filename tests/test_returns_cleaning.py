"""Each episode cleaning rule on small hand-made returns, switched on and off."""

from __future__ import annotations

from datetime import date
from pathlib import Path

from scorecards.returns.cleaning import ALL_RULES, Rule, clean
from scorecards.returns.load import read_returns
from scorecards.returns.model import Action, Entry

HEADER = "CHILD,SEX,DOB\n"
COLUMNS = "CHILD,DECOM,RNE,LS,CIN,PLACE,PLACE_PROVIDER,DEC,REC,YEAR\n"


def episode(start: str, end: str | None = None, year: int = 2020, rne: str = "P",
            rec: str = "", child: str = "A", row: int = 2,
            ls: str = "C2") -> Entry:  # fmt: skip
    return Entry(
        "episodes",
        {"child": child, "start": date.fromisoformat(start),
         "end": date.fromisoformat(end) if end else None, "rne": rne, "rec": rec,
         "ls": ls},
        "episodes.csv", row, "", year,
    )  # fmt: skip


def test_duplicate_episodes_in_one_return_keep_the_one_with_an_end():
    open_one = episode("2019-05-01", row=2)
    ended = episode("2019-05-01", "2019-09-01", rec="E8", row=3)

    kept, outcomes = clean([open_one, ended])

    assert kept == [ended]
    assert [(o.action, o.rule, o.row) for o in outcomes] == [
        (Action.DROPPED, Rule.DUPLICATES.value, 2)
    ]


def test_duplicate_episodes_are_refused_when_the_rule_is_off():
    first, second = episode("2019-05-01", row=2), episode("2019-05-01", row=3)

    _, outcomes = clean([first, second], ALL_RULES - {Rule.DUPLICATES})

    assert outcomes == []
    assert second.reasons[0].startswith("duplicate episode: same child and start date")
    assert "several" not in first.reasons  # only the extra one is refused


def test_a_later_return_restates_the_episodes_it_covers():
    stale = episode("2019-03-10", year=2019)  # open in 2018-19, absent from 2019-20
    restated = episode("2019-03-01", "2019-06-01", rec="E13", year=2020, rne="S")

    kept, outcomes = clean([stale, restated])

    assert kept == [restated]
    assert outcomes[0].rule == Rule.RESTATED.value
    assert "is not in the 2019-20 return" in outcomes[0].reason


def test_without_the_restated_rule_the_stale_episode_overlaps_and_is_cut():
    stale = episode("2019-03-10", year=2019)
    restated = episode("2019-03-01", "2019-06-01", rec="E13", year=2020, rne="S")

    kept, _ = clean([stale, restated], ALL_RULES - {Rule.RESTATED})

    assert kept == [restated, stale]
    assert stale.reasons == []
    assert restated.fields["end"] == date(2019, 3, 10)  # cut at the next start


def test_an_open_episode_followed_by_another_ends_when_the_next_starts():
    first = episode("2019-01-01", rne="S")
    second = episode("2019-06-01", rne="P")

    _, outcomes = clean([first, second])

    assert first.fields["end"] == date(2019, 6, 1)
    assert first.fields["rec"] == "X1"
    assert outcomes[0].rule == Rule.OVERLAPS.value
    assert "was open, overlapping the child's next episode starting 2019-06-01" in (
        outcomes[0].reason
    )


def test_an_overlap_into_a_new_period_of_care_ends_with_reason_e8():
    first = episode("2019-01-01", "2019-08-01", rec="E13", rne="S")
    second = episode("2019-06-01", rne="S")

    clean([first, second])

    assert (first.fields["end"], first.fields["rec"]) == (date(2019, 6, 1), "E8")


def test_overlaps_are_refused_when_the_rule_is_off():
    ended_late = episode("2019-01-01", "2019-08-01", rec="X1")
    second = episode("2019-06-01", "2019-09-01", rec="E8")

    clean([ended_late, second], ALL_RULES - {Rule.OVERLAPS})

    assert ended_late.reasons == [
        "episode from 2019-01-01 overlaps the child's next episode starting "
        "2019-06-01 (row 2)"
    ]
    assert second.reasons == []


def test_two_open_episodes_are_refused_as_several_open_when_the_rule_is_off():
    first, second = episode("2019-01-01"), episode("2019-06-01")

    clean([first, second], ALL_RULES - {Rule.OVERLAPS})

    assert first.reasons == [
        "child has 2 open episodes (starting 2019-01-01, 2019-06-01); only the "
        "latest can be open"
    ]
    assert second.reasons == []


def test_an_episode_open_in_an_old_return_is_closed_at_that_years_end():
    old = episode("2018-05-01", year=2019, child="A")
    other = episode("2019-07-01", year=2020, child="B")  # the later return exists

    _, outcomes = clean([old, other])

    assert (old.fields["end"], old.fields["rec"]) == (date(2019, 3, 31), "E8")
    assert outcomes[0].rule == Rule.OLD_OPEN.value
    assert other.fields["end"] is None  # the latest return's open episode stays


def test_an_episode_open_in_an_old_return_stays_open_when_the_rule_is_off():
    old = episode("2018-05-01", year=2019, child="A")
    other = episode("2019-07-01", year=2020, child="B")

    _, outcomes = clean([old, other], ALL_RULES - {Rule.OLD_OPEN})

    assert outcomes == []
    assert old.fields["end"] is None and old.reasons == []


def test_a_reason_on_an_open_episode_is_cleared_or_refused():
    on, off = episode("2019-01-01", rec="X1"), episode("2019-01-01", rec="X1")

    _, outcomes = clean([on])
    clean([off], ALL_RULES - {Rule.REASON_OPEN})

    assert on.fields["rec"] == "" and outcomes[0].rule == Rule.REASON_OPEN.value
    assert off.reasons == ["REC 'X1' is given but DEC is empty"]


def test_two_years_of_returns_merge_a_repeated_episode_into_one(tmp_path: Path):
    for year, episodes in (
        (2019, "A,01/06/2018,S,C2,N1,U4,PR1,,,2019\n"),
        (2020, "A,01/06/2018,S,C2,N1,U4,PR1,03/02/2020,E13,2020\n"
               "A,10/03/2020,S,V2,N1,U6,PR4,,,2020\n"),
    ):  # fmt: skip
        (tmp_path / f"header_{year}.csv").write_text(HEADER + "A,1,01/01/2010\n")
        (tmp_path / f"episodes_{year}.csv").write_text(COLUMNS + episodes)

    rows, _, summary = read_returns([tmp_path])

    assert [(r["start_date"], r["end_date"]) for r in rows["care_episodes"]] == [
        (date(2018, 6, 1), date(2020, 2, 3)),
        (date(2020, 3, 10), None),
    ]
    assert summary.merged["SSDA903 episodes"] == 1
    assert summary.merged["SSDA903 header"] == 1
    assert len(rows["children"]) == 1


def test_short_breaks_are_not_periods_of_care_unless_the_rule_is_off():
    looked_after = episode("2019-01-01", "2019-02-01", rne="S", rec="E13", row=2)
    first_break = episode("2019-03-01", "2019-03-03", rne="S", rec="E13", ls="V3",
                          row=3)  # fmt: skip
    second_break = episode("2019-04-01", "2019-04-02", rne="S", rec="E13", ls="V4",
                           row=4)  # fmt: skip

    kept, outcomes = clean([looked_after, first_break, second_break])

    assert kept == [looked_after]
    assert [(o.action, o.rule, o.row) for o in outcomes] == [
        (Action.DROPPED, Rule.SHORT_BREAKS.value, 3),
        (Action.DROPPED, Rule.SHORT_BREAKS.value, 4),
    ]
    assert outcomes[0].reason == (
        "episode from 2019-03-01 is a short break (legal status V3), not a period "
        "of being looked after"
    )

    kept, outcomes = clean(
        [looked_after, first_break, second_break], ALL_RULES - {Rule.SHORT_BREAKS}
    )
    assert kept == [looked_after, first_break, second_break] and outcomes == []
