"""The balance chart: its rows as a plain function, and what the widget shows and says."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtGui import QColor, QImage, QPalette
from pytestqt.qtbot import QtBot

from workshop_app.domain.balance import Balance, Share, participation_balance
from workshop_app.store import Document
from workshop_app.ui.run.balance_chart import (
    MARGIN,
    NOT_HEARD,
    BalanceChart,
    BarRow,
    bar_rows,
    describe,
)

BALANCE = Balance(
    groups=(
        Share("EU institutions", 1, 45.0),
        Share("Partner countries", 0, 0.0),
        Share("Civil society", 3, 250.0),
    ),
    people=(Share("A. Example", 2, 150.0), Share("B. Sample", 1, 45.0), Share("C. Demo", 1, 100.0)),
)


def test_rows_scale_to_the_largest_group_and_say_who_was_not_heard() -> None:
    assert bar_rows(BALANCE) == [
        BarRow("EU institutions", 45 / 250, "0:45 · 1 turn", True),
        BarRow("Partner countries", 0.0, NOT_HEARD, False),
        BarRow("Civil society", 1.0, "4:10 · 3 turns", True),
    ]


def test_turns_mode_measures_turns_and_says_them_first() -> None:
    rows = bar_rows(BALANCE, "turns")
    assert [(r.fraction, r.text) for r in rows] == [
        (1 / 3, "1 turn · 0:45"),
        (0.0, NOT_HEARD),
        (1.0, "3 turns · 4:10"),
    ]


def test_people_are_on_the_groups_scale() -> None:
    rows = bar_rows(BALANCE, people=True)
    assert [(r.label, r.fraction, r.text) for r in rows] == [
        ("A. Example", 150 / 250, "2:30 · 2 turns"),
        ("B. Sample", 45 / 250, "0:45 · 1 turn"),
        ("C. Demo", 100 / 250, "1:40 · 1 turn"),
    ]


def test_nobody_heard_yet_gives_empty_bars_without_dividing_by_zero() -> None:
    silent = Balance((Share("EU institutions", 0, 0.0), Share("Civil society", 0, 0.0)), ())
    assert [(r.fraction, r.text, r.heard) for r in bar_rows(silent)] == [
        (0.0, NOT_HEARD, False),
        (0.0, NOT_HEARD, False),
    ]
    assert bar_rows(Balance((), ())) == []


def test_a_turn_just_begun_counts_as_heard() -> None:
    started = Balance((Share("EU institutions", 1, 0.0), Share("Civil society", 0, 0.0)), ())
    assert [r.heard for r in bar_rows(started)] == [True, False]
    assert bar_rows(started)[0].text == "0:00 · 1 turn"


def test_the_demo_days_balance(demo_path: Path) -> None:
    document = Document.open(demo_path)
    try:
        groups = document.workshop.get().stakeholder_groups
        balance = participation_balance(
            document.speeches.list(), document.participants.list(), groups, agenda_item_id="a1"
        )
    finally:
        document.close()
    rows = bar_rows(balance)
    assert [r.label for r in rows] == list(groups)
    assert [r.heard for r in rows] == [True, True, False, False]
    assert rows[0].text == "17:00 · 1 turn"


def chart(qtbot: QtBot, balance: Balance = BALANCE, width: int = 300) -> BalanceChart:
    widget = BalanceChart()
    qtbot.addWidget(widget)
    widget.set_balance(balance)
    widget.resize(width, widget.sizeHint().height())
    return widget


def test_the_chart_says_its_numbers_to_screen_readers(qtbot: QtBot) -> None:
    widget = chart(qtbot)
    assert widget.accessibleName() == "Participation balance"
    description = widget.accessibleDescription()
    assert "1 of 3 groups not heard yet" in description
    assert describe(bar_rows(BALANCE)) in description
    assert "Partner countries: not heard yet." in description
    widget.set_balance(BALANCE, "turns")
    assert "Civil society: 3 turns · 4:10." in widget.accessibleDescription()


def test_compact_size_one_short_row_per_group(qtbot: QtBot) -> None:
    widget = chart(qtbot)
    hint = widget.sizeHint()
    assert hint.width() == 300
    assert hint.height() == 3 * widget.row_height() + 2 * MARGIN
    assert widget.row_height() <= 26
    assert widget.minimumSizeHint().width() < hint.width()


def test_people_on_demand(qtbot: QtBot) -> None:
    widget = chart(qtbot)
    groups_height = widget.sizeHint().height()
    assert not widget.people_shown()
    widget.people_action.trigger()  # the toggle the page may put on a button
    assert widget.people_shown()
    assert [r.label for r in widget.rows()][3:] == ["A. Example", "B. Sample", "C. Demo"]
    assert widget.sizeHint().height() == groups_height + 4 * widget.row_height()
    assert "By person: A. Example: 2:30 · 2 turns." in widget.accessibleDescription()
    widget.show_people(False)
    assert not widget.people_action.isChecked()
    assert widget.sizeHint().height() == groups_height


def _band(image: QImage, row: int, height: int, dpr: float) -> list[tuple[int, QColor]]:
    """The (x, colour) of the pixels on the middle line of a row."""
    y = round((MARGIN + row * height + height // 2) * dpr)
    return [(x, image.pixelColor(x, y)) for x in range(image.width())]


def _is(color: QColor, expected: QColor) -> bool:
    pairs = (
        (color.red(), expected.red()),
        (color.green(), expected.green()),
        (color.blue(), expected.blue()),
    )
    return all(abs(a - b) <= 8 for a, b in pairs)


def test_heard_groups_get_a_filled_bar_and_silent_ones_an_outline(qtbot: QtBot) -> None:
    widget = chart(qtbot)
    image = widget.grab().toImage()
    dpr = image.devicePixelRatio()
    highlight = widget.palette().color(QPalette.ColorRole.Highlight)
    filled = [
        sum(_is(c, highlight) for _x, c in _band(image, row, widget.row_height(), dpr))
        for row in range(3)
    ]
    assert filled[1] == 0  # not heard: no fill at all
    assert filled[2] > 3 * filled[0] > 0  # 250 s against 45 s
    muted = widget.palette().color(QPalette.ColorRole.PlaceholderText)
    outline_top = round((MARGIN + widget.row_height() * 1.5) * dpr)
    column = [image.pixelColor(x, outline_top) for x in range(image.width())]
    assert sum(_is(c, muted) for c in column) > 0  # dashed outline or "not heard yet"


def test_right_to_left_bars_grow_from_the_right(qtbot: QtBot) -> None:
    widget = chart(qtbot)
    widget.setLayoutDirection(Qt.LayoutDirection.RightToLeft)
    image = widget.grab().toImage()
    dpr = image.devicePixelRatio()
    highlight = widget.palette().color(QPalette.ColorRole.Highlight)
    xs = [x for x, c in _band(image, 0, widget.row_height(), dpr) if _is(c, highlight)]
    assert xs and min(xs) > image.width() / 2  # a short bar, at the right-hand end


def test_long_names_are_elided_not_overlapping(qtbot: QtBot) -> None:
    long = "Organisations internationales et agences des Nations unies (observateurs)"
    widget = chart(qtbot, Balance((Share(long, 2, 95.0), Share("المجتمع المدني", 0, 0.0)), ()))
    label, value, bar = widget._columns()
    assert label + value + bar <= widget.width()
    assert bar >= 48
    assert value >= widget.fontMetrics().horizontalAdvance("1:35 · 2 turns")
    assert not widget.grab().isNull()


def test_empty_balance_still_paints(qtbot: QtBot) -> None:
    widget = chart(qtbot, Balance((), ()))
    assert widget.rows() == []
    assert widget.sizeHint().height() == widget.row_height() + 2 * MARGIN
    assert not widget.grab().isNull()


def test_a_name_too_long_for_its_column_gets_a_line_of_its_own(qtbot: QtBot) -> None:
    """At 1366x768 the side column is ~320 px: "National water authority of Kenya" was cut
    to "National water autho…". Then each name goes on its own line, above its bar."""
    names = ("National water authority of Kenya", "Civil society", "Partner countries")
    widget = chart(qtbot, Balance(tuple(Share(n, 1, 60.0) for n in names), ()))
    widest = max(widget.fontMetrics().horizontalAdvance(n) for n in names)
    assert widget.label_room(320) >= widest
    assert widget.heightForWidth(320) == 6 * widget.row_height() + 2 * MARGIN
    # With room to spare, one line per group, as before.
    assert widget.label_room(900) >= widest
    assert widget.heightForWidth(900) == 3 * widget.row_height() + 2 * MARGIN
    widget.resize(320, widget.heightForWidth(320))
    assert not widget.grab().isNull()
