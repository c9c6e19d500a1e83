"""The Run view on the day: the clock, the list of speakers and capture, with a fixed clock."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from tests.conftest import read_back
from workshop_app.demo import write_demo_in_progress
from workshop_app.domain.clock import parse_timestamp
from workshop_app.domain.model import AgendaItem, GuidingQuestion, Participant
from workshop_app.store.participants import ParticipantStore
from workshop_app.store.speeches import SpeechStore
from workshop_app.store.workshop import WorkshopStore
from workshop_app.ui import dialogs
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.run.run_items import ALL_DONE
from workshop_app.ui.run.run_page import RunPage
from workshop_app.ui.session import Session


class Clock:
    """A wall clock the test moves by hand."""

    def __init__(self, start: str) -> None:
        self.now = parse_timestamp(f"2017-09-21T{start}+02:00")

    def __call__(self) -> dt.datetime:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += dt.timedelta(seconds=seconds)


def run_page(window: MainWindow, clock: Clock) -> RunPage:
    session = window.session
    assert session is not None
    session.clock = clock
    window.show_mode("run")
    page = window.page("run")
    assert isinstance(page, RunPage)
    return page


def prepare(session: Session) -> None:
    session.workshop.update(date="2017-09-21", start_time="10:00", timezone="Europe/Brussels")
    session.participants.add_many(
        [
            Participant(id="a", name="A. Example", stakeholder_group="Civil society"),
            Participant(id="b", name="B. Sample", stakeholder_group="EU institutions"),
            Participant(id="c", name="C. Demo", stakeholder_group="Partner countries"),
        ]
    )
    session.agenda.add_item(
        AgendaItem(
            id="s",
            title="Partnerships in migration",
            planned_minutes=30,
            questions=(
                GuidingQuestion(id="q1", agenda_item_id="s", text="What is a real partnership?"),
                GuidingQuestion(id="q2", agenda_item_id="s", text="What role for capacity?"),
            ),
        )
    )
    session.agenda.add_item(AgendaItem(id="t", title="Wrap-up", planned_minutes=15))


def type_and_record(qtbot: QtBot, page: RunPage, text: str) -> None:
    box = page.capture.text
    box.setFocus()
    qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


def test_run_an_item_with_three_speakers_and_two_questions(
    qtbot: QtBot, opened: MainWindow, workshop_path: Path
) -> None:
    assert opened.session is not None
    prepare(opened.session)
    clock = Clock("10:00:00")
    page = run_page(opened, clock)
    opened.activateWindow()

    page.next_item_action.trigger()  # F9: start the first item
    assert page.item is not None and page.item.id == "s"
    for who in ("a", "b", "c"):
        page.floor.add_speaker(who)
    assert page.speakers.queue.count() == 3

    page.next_speaker_action.trigger()  # A. Example has the floor
    assert page.capture.speaker.currentData() == "a"  # the entry follows the floor
    assert page.capture.question.currentData() == "q1"  # and the chair's focus
    clock.advance(90)
    type_and_record(qtbot, page, "Partnership means shared responsibility.")
    assert page.capture.text.toPlainText() == ""  # ready for the next one
    assert page.capture.model.rowCount() == 1

    page.next_speaker_action.trigger()  # B. Sample
    page.cycle_focus(1)  # the chair moves to Q2
    page.capture.text.setFocus()
    qtbot.keyClick(page.capture.text, Qt.Key.Key_4, Qt.KeyboardModifier.AltModifier)  # Example
    clock.advance(45)
    type_and_record(qtbot, page, "The Rabat Process is an example.")

    page.next_speaker_action.trigger()  # C. Demo
    clock.advance(30)
    page.capture.from_the_floor()
    type_and_record(qtbot, page, "From the floor: both sides must be able to say no.")
    page.next_item_action.trigger()  # the item ends, the next one starts

    rows = read_back(
        workshop_path,
        "SELECT question_id, participant_id, kind, text FROM contributions ORDER BY seq",
    )
    assert rows == [
        ("q1", "a", "statement", "Partnership means shared responsibility."),
        ("q2", "b", "example", "The Rabat Process is an example."),
        ("q2", None, "statement", "From the floor: both sides must be able to say no."),
    ]
    speeches = read_back(
        workshop_path,
        "SELECT participant_id, status, started_at, ended_at FROM speeches ORDER BY started_at",
    )
    assert speeches == [
        ("a", "done", "2017-09-21T10:00:00+02:00", "2017-09-21T10:01:30+02:00"),
        ("b", "done", "2017-09-21T10:01:30+02:00", "2017-09-21T10:02:15+02:00"),
        ("c", "done", "2017-09-21T10:02:15+02:00", "2017-09-21T10:02:45+02:00"),
    ]
    assert read_back(workshop_path, "SELECT id, status, ended_at FROM agenda_items") == [
        ("s", "done", "2017-09-21T10:02:45+02:00"),
        ("t", "running", None),
    ]
    # Each of it is on the undo stack: undo the item change, then the last contribution.
    opened.undo_action.trigger()
    assert read_back(workshop_path, "SELECT status FROM agenda_items ORDER BY position") == [
        ("running",),
        ("planned",),
    ]


def test_reopen_mid_item_and_mid_speech_shows_the_same_elapsed_time(
    tmp_path: Path, window: MainWindow
) -> None:
    path = tmp_path / "day.workshop"
    write_demo_in_progress(path)  # item a2 running since 10:04, Natalia Rusu speaking since 10:40
    clock = Clock("10:47:20")
    assert window.open_path(path)
    page = run_page(window, clock)
    page.tick()
    assert page.clock_panel.elapsed.text().startswith("43:20 / 2:00:00")
    assert page.speakers.timer_label.text() == "7:20"
    window.close_workshop()
    assert window.open_path(path)
    page = run_page(window, clock)
    page.tick()
    assert page.clock_panel.elapsed.text().startswith("43:20 / 2:00:00")
    assert page.speakers.timer_label.text() == "7:20"
    assert "Natalia Rusu" in page.speakers.speaking_label.text()


def test_clock_warns_at_80_and_100_percent(tmp_path: Path, window: MainWindow) -> None:
    path = tmp_path / "day.workshop"
    write_demo_in_progress(path)
    clock = Clock("11:40:00")  # 96 of 120 minutes
    assert window.open_path(path)
    page = run_page(window, clock)
    page.tick()
    assert page.clock_panel.elapsed.accessibleDescription() == "warning"
    clock.advance(25 * 60)
    page.tick()
    assert page.clock_panel.elapsed.accessibleDescription() == "over"
    assert "+1:00 over" in page.clock_panel.elapsed.text()


def test_replan_when_late_shortens_the_rest(
    tmp_path: Path, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "day.workshop"
    write_demo_in_progress(path)
    clock = Clock("12:24:00")  # a2 planned 10:00-12:00, running since 10:04: 24 minutes late
    assert window.open_path(path)
    page = run_page(window, clock)
    page.tick()
    assert "24 min behind" in page.clock_panel.day.text()
    shown: list[dict[str, int]] = []

    def accept_shortening(
        _parent: object, items: list[AgendaItem], projection: object, *_a: object
    ) -> dict[str, int]:
        from workshop_app.domain.runclock import shorten_remaining

        minutes = shorten_remaining(items, projection)  # type: ignore[arg-type]
        shown.append(minutes)
        return minutes

    monkeypatch.setattr(dialogs, "ask_replan", accept_shortening)
    page.replan_action.trigger()
    # Lunch (a break) keeps its hour; the two sessions after it share the lost time.
    assert shown == [{"a4": 40, "a5": 10}]
    assert read_back(path, "SELECT id, planned_minutes FROM agenda_items ORDER BY position") == [
        ("a1", 30), ("a2", 120), ("a3", 60), ("a4", 40), ("a5", 10),
    ]  # fmt: skip
    page.tick()
    assert page.clock_panel.day.text() == "Day: 1 min ahead · ends ~14:14"
    window.undo_action.trigger()
    assert read_back(path, "SELECT planned_minutes FROM agenda_items WHERE id='a4'") == [(60,)]
    page.tick()
    assert "24 min behind" in page.clock_panel.day.text()


def test_replan_by_moving_the_end_of_the_day(
    tmp_path: Path, window: MainWindow, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "day.workshop"
    write_demo_in_progress(path)
    assert window.open_path(path)
    page = run_page(window, Clock("12:24:00"))
    page.tick()
    monkeypatch.setattr(dialogs, "ask_replan", lambda *_args: {})  # keep the lengths
    page.replan_action.trigger()
    assert read_back(path, "SELECT end_time FROM days") == [("14:39",)]
    assert read_back(path, "SELECT planned_minutes FROM agenda_items WHERE id='a4'") == [(60,)]
    page.tick()
    assert page.clock_panel.day.text() == "Day: on schedule · ends ~14:39"


def test_feed_model_passes_modeltester(
    qtmodeltester: ModelTester, tmp_path: Path, window: MainWindow
) -> None:
    path = tmp_path / "day.workshop"
    write_demo_in_progress(path)
    assert window.open_path(path)
    page = run_page(window, Clock("10:47:20"))
    qtmodeltester.check(page.capture.model, force_py=True)
    qtmodeltester.check(page.capture.filter, force_py=True)


def test_search_finds_edits_not_deletes_and_again_after_undo(
    tmp_path: Path, window: MainWindow
) -> None:
    path = tmp_path / "day.workshop"
    write_demo_in_progress(path)
    assert window.open_path(path)
    session = window.session
    assert session is not None
    page = run_page(window, Clock("10:47:20"))
    found = lambda q: [h.contribution_id for h in session.contributions.search(q)]  # noqa: E731
    assert found("Neighbourhood") == ["c07"]
    page.edits.update("c07", text="Peer exchanges with Chisinau build trust.")
    assert found("Neighbourhood") == [] and found("chisinau") == ["c07"]
    page.edits.delete("c07")
    assert found("chisinau") == []
    window.undo_action.trigger()
    assert found("chisinau") == ["c07"]
    window.undo_action.trigger()
    assert found("Neighbourhood") == ["c07"]


def test_the_day_is_measured_only_on_the_workshops_day(
    tmp_path: Path, window: MainWindow, demo_path: Path
) -> None:
    """Opened after the event (the demo is from 2017) nothing is "9 years behind"."""
    assert window.open_path(demo_path)
    after = Clock("10:00:00")
    after.now += dt.timedelta(days=400)
    page = run_page(window, after)
    page.tick()
    assert page.clock_panel.day.text() == ""
    assert not page.clock_panel.replan_button.isEnabled()
    on_the_day = Clock("18:30:00")  # the demo's day, after its planned end
    page = run_page(window, on_the_day)
    page.tick()
    assert "min behind" in page.clock_panel.day.text()
    assert page.clock_panel.replan_button.isEnabled()


def test_refresh_reads_the_workshop_roster_and_speeches_once(
    opened: MainWindow, workshop_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert opened.session is not None
    prepare(opened.session)
    page = run_page(opened, Clock("10:00:00"))
    page.next_item_action.trigger()
    page.floor.add_speaker("a")
    page.next_speaker_action.trigger()  # A. Example has the floor
    page.speakers.scope_item.setChecked(True)  # the balance of this item
    reads: list[str] = []
    for store, name in ((WorkshopStore, "get"), (ParticipantStore, "list"), (SpeechStore, "list")):
        original = getattr(store, name)
        monkeypatch.setattr(
            store,
            name,
            lambda self, *a, _o=original, _n=store.__name__, **k: (
                reads.append(_n) or _o(self, *a, **k)
            ),
        )
    page._people = None  # as after a change to the roster
    page.refresh()
    assert sorted(reads) == ["ParticipantStore", "SpeechStore", "WorkshopStore"]
    balance = page.speakers.chart._balance  # the chart still counts the turn on the floor
    assert balance is not None and balance.total_turns == 1
    assert read_back(workshop_path, "SELECT participant_id FROM speeches") == [("a",)]


def test_f9_says_so_when_every_item_is_done(window: MainWindow, demo_path: Path) -> None:
    """The demo's day is over: F9 did nothing and said nothing (walkthrough)."""
    assert window.open_path(demo_path)
    page = run_page(window, Clock("16:00:00"))
    page.refresh()
    said: list[str] = []
    page.status_message.connect(said.append)
    page.next_item_action.trigger()
    assert said == [ALL_DONE]
    assert "Every item of the agenda is done" in ALL_DONE
    assert read_back(demo_path, "SELECT count(*) FROM agenda_items WHERE status = 'running'") == [
        (0,)
    ]
