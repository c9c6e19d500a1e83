"""Re-planning a late day: the rows shown before accepting, and the choice returned."""

from __future__ import annotations

import datetime as dt

import pytest
from PySide6.QtCore import QPoint, Qt
from PySide6.QtWidgets import QDialogButtonBox, QTableWidgetItem
from pytestqt.qtbot import QtBot

from workshop_app.domain.clock import parse_timestamp
from workshop_app.domain.model import AgendaItem, ItemKind, ItemStatus
from workshop_app.domain.runclock import Projection, project_day, shorten_remaining
from workshop_app.ui.run.replan_dialog import (
    COL_MINUTES,
    COL_NEW_MINUTES,
    COL_NEW_TIMES,
    COL_TIMES,
    COL_TITLE,
    ReplanDialog,
    lateness_text,
    replan_rows,
    with_minutes,
)

DATE, START, ZONE = "2017-09-21", "09:30", "Europe/Brussels"


def at(hhmm: str) -> str:
    return f"2017-09-21T{hhmm}:00+02:00"


#: Planned to end at 15:30 (the skipped panel included); the morning ran 50 minutes over,
#: so the day is 20 minutes behind, and lunch is about to start.
ITEMS = [
    AgendaItem("a1", "Opening", planned_minutes=30, status=ItemStatus.DONE,
               started_at=at("09:30"), ended_at=at("10:05")),
    AgendaItem("a2", "Partnerships", planned_minutes=120, status=ItemStatus.DONE,
               started_at=at("10:05"), ended_at=at("12:50")),
    AgendaItem("a3", "Lunch", kind=ItemKind.BREAK, planned_minutes=60),
    AgendaItem("a4", "The way forward", planned_minutes=60),
    AgendaItem("a5", "Dropped panel", planned_minutes=30, status=ItemStatus.SKIPPED),
    AgendaItem("a6", "Working groups", planned_minutes=45),
    AgendaItem("a7", "Closing remarks", planned_minutes=15),
]  # fmt: skip
NOW = parse_timestamp(at("12:50"))


def projection(items: list[AgendaItem] = ITEMS, now: dt.datetime = NOW) -> Projection:
    return project_day(DATE, START, items, now, ZONE)


def test_lateness_in_words() -> None:
    assert lateness_text(projection()) == (
        "20 min behind; the day would end at 15:50 instead of 15:30."
    )
    early = projection(now=parse_timestamp(at("08:00")))
    assert lateness_text(early).startswith("20 min behind")  # the morning is recorded
    planned = [AgendaItem(i.id, i.title, i.kind, planned_minutes=i.planned_minutes) for i in ITEMS]
    on_time = projection(planned, parse_timestamp(at("08:00")))
    assert lateness_text(on_time) == "On time; the day would end at 15:30 as planned."


def test_rows_show_the_remaining_items_now_and_after() -> None:
    minutes = shorten_remaining(ITEMS, projection())
    assert minutes == {"a4": 50, "a6": 37, "a7": 12}  # the break keeps its hour
    rows = replan_rows(ITEMS, projection(), minutes)
    assert [r.item_id for r in rows] == ["a3", "a4", "a6", "a7"]
    lunch, forward, groups, closing = rows
    assert lunch.is_break and not lunch.changed
    assert (forward.start.time(), forward.minutes) == (dt.time(13, 50), 60)
    assert (forward.new_start.time(), forward.new_end.time()) == (dt.time(13, 50), dt.time(14, 40))
    assert (groups.new_start.time(), groups.new_minutes) == (dt.time(14, 40), 37)
    assert closing.new_end.time() == dt.time(15, 29)
    assert closing.end.time() == dt.time(15, 50)


def test_without_new_minutes_nothing_changes() -> None:
    rows = replan_rows(ITEMS, projection(), {})
    assert rows and not any(r.changed for r in rows)
    assert rows[-1].new_end == projection().projected_end


@pytest.mark.parametrize("now", ["12:50", "13:10", "14:30"])
@pytest.mark.parametrize(
    "statuses",
    [
        {},
        {"a3": ItemStatus.RUNNING},
        {"a3": ItemStatus.DONE, "a4": ItemStatus.SKIPPED},
        {"a6": ItemStatus.DONE},  # run out of order: later items follow its recorded end
    ],
)
def test_rows_agree_with_the_projection_of_the_new_plan(
    now: str, statuses: dict[str, ItemStatus]
) -> None:
    times = {"a3": (at("12:50"), at("13:55")), "a6": (at("12:50"), at("13:30"))}
    items = []
    for item in ITEMS:
        status = statuses.get(item.id)
        if status is None:
            items.append(item)
            continue
        start, end = times.get(item.id, (at("12:50"), at("13:20")))
        items.append(
            AgendaItem(
                item.id,
                item.title,
                item.kind,
                planned_minutes=item.planned_minutes,
                status=status,
                started_at=start if status != ItemStatus.SKIPPED else None,
                ended_at=end if status == ItemStatus.DONE else None,
            )
        )
    moment = parse_timestamp(at(now))
    before = projection(items, moment)
    shortened = shorten_remaining(items, before)
    minutes = shortened or {i.id: 10 for i in items if i.status == ItemStatus.PLANNED}
    after = projection(with_minutes(items, minutes), moment)
    for row in replan_rows(items, before, minutes):
        assert (row.new_start, row.new_end) == (after.starts[row.item_id], after.ends[row.item_id])


def dialog(qtbot: QtBot, items: list[AgendaItem] = ITEMS, now: dt.datetime = NOW) -> ReplanDialog:
    widget = ReplanDialog(items, projection(items, now), DATE, START, ZONE, now)
    qtbot.addWidget(widget)
    return widget


def cell(widget: ReplanDialog, row: int, column: int) -> QTableWidgetItem:
    item = widget.table.item(row, column)
    assert item is not None
    return item


def cells(widget: ReplanDialog, column: int) -> list[str]:
    return [cell(widget, row, column).text() for row in range(widget.table.rowCount())]


def test_the_dialog_shows_how_late_and_the_shortened_plan_first(qtbot: QtBot) -> None:
    widget = dialog(qtbot)
    assert widget.heading.text() == "20 min behind; the day would end at 15:50 instead of 15:30."
    assert widget.shorten.isChecked() and widget.shorten.isEnabled()
    assert widget.result_minutes() == {"a4": 50, "a6": 37, "a7": 12}
    assert cells(widget, COL_TITLE) == [
        "Lunch (break)",
        "The way forward",
        "Working groups",
        "Closing remarks",
    ]
    assert cells(widget, COL_MINUTES) == ["60", "60", "45", "15"]
    assert cells(widget, COL_NEW_MINUTES) == ["60", "50", "37", "12"]
    assert [t.lstrip("\u200e") for t in cells(widget, COL_NEW_TIMES)] == [
        "12:50–13:50",
        "13:50–14:40",
        "14:40–15:17",
        "15:17–15:29",
    ]
    assert cell(widget, 1, COL_NEW_MINUTES).font().bold()
    assert not cell(widget, 0, COL_NEW_MINUTES).font().bold()
    assert "ends at 15:29 (planned: 15:30)" in widget.outcome.text()


def test_keeping_the_lengths_returns_no_minutes_and_shows_the_later_end(qtbot: QtBot) -> None:
    widget = dialog(qtbot)
    widget.show()
    qtbot.waitExposed(widget)
    indicator = QPoint(6, widget.keep.height() // 2)
    qtbot.mouseClick(widget.keep, Qt.MouseButton.LeftButton, pos=indicator)
    assert widget.keep.isChecked()
    assert widget.result_minutes() == {}
    assert cells(widget, COL_NEW_TIMES) == cells(widget, COL_TIMES)
    assert widget.outcome.text() == (
        "Every item keeps its length; the day ends at 15:50, 20 min after 15:30."
    )
    assert widget.apply_button.text().replace("&", "") == "Keep Lengths"


def test_accepting_returns_the_choice(qtbot: QtBot) -> None:
    widget = dialog(qtbot)
    widget.show()
    with qtbot.waitSignal(widget.accepted):
        widget.buttons.button(QDialogButtonBox.StandardButton.Ok).click()
    assert widget.result() == ReplanDialog.DialogCode.Accepted
    assert widget.result_minutes() == {"a4": 50, "a6": 37, "a7": 12}


def test_nothing_to_shorten_when_on_time(qtbot: QtBot) -> None:
    planned = [AgendaItem(i.id, i.title, i.kind, planned_minutes=i.planned_minutes) for i in ITEMS]
    widget = dialog(qtbot, planned, parse_timestamp(at("08:00")))
    assert not widget.shorten.isEnabled()
    assert widget.keep.isChecked()
    assert widget.result_minutes() == {}
    assert widget.heading.text().startswith("On time")


def test_inputs_are_labelled(qtbot: QtBot) -> None:
    widget = dialog(qtbot)
    assert widget.table.accessibleName()
    assert any(label.buddy() is widget.table for label in widget.findChildren(type(widget.heading)))
    assert widget.shorten.text() and widget.keep.text()
