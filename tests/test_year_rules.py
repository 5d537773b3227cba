"""The year's rules: quarters, due dates and the pace light of a task for a quarter."""

from __future__ import annotations

import datetime as dt

import pytest

from bluebook_desktop.domain import ScheduleEntry, Task
from bluebook_desktop.domain.year import (
    AHEAD,
    BEHIND,
    DONE,
    NOT_COMPLETED,
    ON_PACE,
    Light,
    Progress,
    Review,
    count_lights,
    pace_light,
    quarter_end,
    quarter_of,
    report_due,
    steps_in,
)

# Steps in the first quarter and in the second and third; none in the fourth.
TASK = Task(
    task="政治协商",
    schedule=(
        ScheduleEntry((1,), "与区委协商确定年度工作要点。"),
        ScheduleEntry((2, 3), "召开提案办理协调会。"),
    ),
)
YEAR = 2021


def test_quarters_and_their_ends() -> None:
    assert [quarter_of(dt.date(2021, m, 15)) for m in range(1, 13)] == [
        1, 1, 1, 2, 2, 2, 3, 3, 3, 4, 4, 4,
    ]  # fmt: skip
    assert [quarter_end(2021, q) for q in (1, 2, 3, 4)] == [
        dt.date(2021, 3, 31),
        dt.date(2021, 6, 30),
        dt.date(2021, 9, 30),
        dt.date(2021, 12, 31),
    ]
    assert quarter_end(2024, 1) == dt.date(2024, 3, 31)
    assert report_due(2021, 4) == dt.date(2022, 1, 10)


def test_the_plan_of_a_quarter_is_the_steps_that_fall_in_it() -> None:
    assert [steps_in(TASK, q) for q in (1, 2, 3, 4)] == [[0], [1], [1], []]


@pytest.mark.parametrize("status", [DONE, AHEAD, ON_PACE])
def test_a_report_on_pace_is_green_whenever_it_is_looked_at(status: str) -> None:
    report = Progress(quarter=2, status=status)
    for today in (dt.date(2021, 5, 1), dt.date(2021, 7, 5), dt.date(2022, 3, 1)):
        assert pace_light(TASK, 2, YEAR, today, report) is Light.GREEN


def test_a_report_behind_is_red_even_before_the_quarter_ends() -> None:
    report = Progress(quarter=2, status=BEHIND)
    assert pace_light(TASK, 2, YEAR, dt.date(2021, 5, 1), report) is Light.RED


@pytest.mark.parametrize(
    ("today", "light"),
    [
        (dt.date(2021, 3, 31), Light.GREY),  # the quarter has not begun
        (dt.date(2021, 4, 1), Light.YELLOW),  # under way, nothing reported yet
        (dt.date(2021, 6, 30), Light.YELLOW),  # its last day
        (dt.date(2021, 7, 10), Light.YELLOW),  # over, the report still due
        (dt.date(2021, 7, 11), Light.RED),  # over, the report overdue
        (dt.date(2026, 12, 1), Light.RED),  # an old book: every quarter long over
    ],
)
def test_no_report_is_grey_then_yellow_then_red(today: dt.date, light: Light) -> None:
    assert pace_light(TASK, 2, YEAR, today, None) is light


def test_a_quarter_without_steps_is_grey_reported_or_not() -> None:
    assert pace_light(TASK, 4, YEAR, dt.date(2022, 3, 1), None) is Light.GREY
    # a report where nothing was planned still says how it went
    report = Progress(quarter=4, status=BEHIND)
    assert pace_light(TASK, 4, YEAR, dt.date(2022, 3, 1), report) is Light.RED


def test_lights_are_counted_green_yellow_red() -> None:
    lights = [Light.GREEN] * 6 + [Light.YELLOW] * 2 + [Light.RED, Light.GREY]
    counts = count_lights(lights)
    assert list(counts) == [Light.GREEN, Light.YELLOW, Light.RED, Light.GREY]
    assert list(counts.values()) == [6, 2, 1, 1]


def test_reports_hold_only_what_the_format_allows() -> None:
    with pytest.raises(ValueError):
        Progress(quarter=5, status=DONE)
    with pytest.raises(ValueError):
        Progress(quarter=1, status="差不多")
    with pytest.raises(ValueError):
        Review(result="完成了")
    assert Review(result=NOT_COMPLETED, reason="资金未到位").reason == "资金未到位"
