"""The Run mode: the chair's clock, the rapporteur's capture and the list of speakers,
visible together. Every chair action has a shortcut that works while typing in the box."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import Qt, QTimer, Signal, SignalInstance
from PySide6.QtGui import QAction, QHideEvent, QKeySequence, QShowEvent
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from workshop_app.domain.balance import participation_balance
from workshop_app.domain.model import (
    AgendaItem,
    ItemStatus,
    Participant,
    Speech,
    Workshop,
)
from workshop_app.store import Change, Entity
from workshop_app.ui import dialogs
from workshop_app.ui.common.lazy import RefreshWhenShown
from workshop_app.ui.common.outcome_tables import bind
from workshop_app.ui.edits.outcome_edits import OutcomeEdits
from workshop_app.ui.edits.run_edits import RunEdits
from workshop_app.ui.run.capture_panel import CapturePanel
from workshop_app.ui.run.clock_panel import ClockPanel
from workshop_app.ui.run.consensus_panel import ItemConsensusPanel, support_marks
from workshop_app.ui.run.floor_moves import FloorMoves
from workshop_app.ui.run.group_floor import GroupFloor
from workshop_app.ui.run.run_items import ItemMoves
from workshop_app.ui.run.run_outcomes import RunOutcomes, RunSight
from workshop_app.ui.run.run_today import RunToday
from workshop_app.ui.run.speakers_panel import SpeakersPanel
from workshop_app.ui.session import Session

WATCHED = set(Entity) - {Entity.DRAFT}  # drafts are not shown here


class RunPage(QWidget):
    """The chair's clock, the feed and the speakers of the item on the floor; its parts are
    given what they read and say what they did."""

    #: What an action did, for the window's status bar.
    status_message = Signal(str)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("runPage")
        self._session = session
        self.edits = RunEdits(session)
        self.clock_panel = ClockPanel()
        self.capture = CapturePanel(self.edits, lambda: session.drafts, lambda: self.items)
        self.speakers = SpeakersPanel()
        self.outcomes = OutcomeEdits(session)
        self.consensus = ItemConsensusPanel()
        self.group_floor = GroupFloor()
        self.group_floor.changed.connect(lambda _group: self.refresh())
        sight = RunSight(
            shown_item=self.shown_item,
            items=lambda: self.items,
            feed=self.capture.model.contributions,
            selected=self.capture.selected,
            speaker=self.capture.model.speaker,
            current_point=self.consensus.current,
            group=self.group_floor.group_id,
        )
        self.outcome_view = RunOutcomes(self, sight, session, self.outcomes)
        #: The day the view runs, its plan and what F9 does, as last read.
        self.today = RunToday(session)
        self.moves = ItemMoves(
            lambda: self.items, session, self.edits, self, lambda: self.today.move
        )
        self.floor = FloorMoves(lambda: self.item, self.speakers, session, self.edits)
        right = QSplitter(Qt.Orientation.Vertical)
        right.addWidget(self.speakers)
        right.addWidget(self.consensus)
        right.setChildrenCollapsible(False)
        right.setSizes([380, 320])
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.clock_panel)
        splitter.addWidget(self.capture)
        splitter.addWidget(right)
        splitter.setChildrenCollapsible(False)
        splitter.setSizes([270, 680, 320])
        splitter.setStretchFactor(1, 1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.group_floor)
        layout.addWidget(splitter)
        #: The running item, if any, and the whole agenda, as last read.
        self.item: AgendaItem | None = None
        self.items: list[AgendaItem] = []
        #: An item shown in the feed instead of the running one (after a search), or None.
        self.viewed_item_id: str | None = None
        self._build_actions()
        self._connect()
        self._timer = QTimer(self)
        self._timer.setInterval(1000)
        self._timer.timeout.connect(self.tick)
        session.changed.connect(self._on_changed)
        session.about_to_close.connect(self.capture.keep_draft)
        self._enable_actions(False)  # until the page is shown
        self._people: list[Participant] | None = None  # read again when the roster changes
        self._workshop: Workshop | None = None
        self._refresher = RefreshWhenShown(self, self.refresh)

    # -- actions --------------------------------------------------------------------------

    def _action(self, text: str, keys: str, slot: Callable[[], object]) -> QAction:
        action = QAction(text, self)
        action.setShortcut(QKeySequence(keys))
        # Window-wide (they work while typing in the entry box); off while the page is hidden.
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.triggered.connect(lambda _checked=False: slot())
        self.addAction(action)
        return action

    def _build_actions(self) -> None:
        self.next_item_action = self._action("Start/&Next Item", "F9", self.moves.next_item)
        self.finish_item_action = self._action("&Finish Item", "Shift+F9", self.moves.finish_item)
        self.skip_item_action = self._action("S&kip Item", "Ctrl+F9", self.moves.skip_item)
        self.next_speaker_action = self._action("Next &Speaker", "F8", self.floor.next_speaker)
        self.end_speech_action = self._action("&End Turn", "Shift+F8", self.floor.end_speech)
        self.add_speaker_action = self._action(
            "&Add Speaker…", "Ctrl+L", self.speakers.add_box.setFocus
        )
        self.next_focus_action = self._action(
            "Focus Next &Question", "F6", lambda: self.cycle_focus(1)
        )
        self.previous_focus_action = self._action(
            "Focus &Previous Question", "Shift+F6", lambda: self.cycle_focus(-1)
        )
        self.replan_action = self._action("&Re-plan the Day…", "Ctrl+Shift+R", self.replan)
        self.search_action = self._action("Searc&h the Workshop…", "Ctrl+Shift+F", self.search)
        self.capture_action = self._action("Back to the &Entry Box", "Esc", self.back_to_entry)
        view = self.outcome_view
        self.point_action = self._action(
            "Record &Consensus Point…", "Ctrl+Shift+C", view.propose_point
        )
        self.next_step_action = self._action(
            "Record Next S&tep…", "Ctrl+Shift+A", view.add_next_step
        )
        self.summary_action = self._action("Item Su&mmary…", "Ctrl+Shift+M", view.edit_summary)
        self.projector_keys: list[QAction] = []  # the projector's Ctrl+P (show_projector)

    def actions_for_menu(self) -> list[QAction]:
        return [
            self.next_item_action,
            self.finish_item_action,
            self.skip_item_action,
            self.next_speaker_action,
            self.end_speech_action,
            self.add_speaker_action,
            self.next_focus_action,
            self.previous_focus_action,
            self.replan_action,
            self.search_action,
            self.capture_action,
            self.point_action,
            self.next_step_action,
            self.summary_action,
            self.outcome_view.take_up_action,
            self.group_floor.next_action,
        ]

    def menus(self) -> list[tuple[str, list[QAction]]]:
        speakers = self.speakers
        queue = [speakers.queue_up, speakers.queue_down, speakers.queue_withdraw]
        return [
            ("&Run", [*self.actions_for_menu(), *queue, speakers.queue_remove]),
            ("&Capture", self.capture.actions_for_menu()),
            *([("&Projector", self.projector_keys)] if self.projector_keys else []),
        ]

    def show_projector(self, keys: list[QAction], closed: SignalInstance, view: QWidget) -> None:
        """The projector's own keys (in this view's menu, working while it is shown; after
        their dialog ``closed``, the entry box has the keyboard) and its thumbnail ``view``."""
        self.projector_keys = list(keys)
        for action in keys:
            self.addAction(action)
            action.setEnabled(self.isVisible())
        closed.connect(self.capture.text.setFocus)
        self.clock_panel.show_projector(view)

    def _connect(self) -> None:
        clock, speakers = self.clock_panel, self.speakers
        self.capture.message.connect(self.status_message)
        self.moves.status_message.connect(self.status_message)
        self.moves.moved.connect(self.back_to_entry)  # the feed follows the item started
        # The chair's buttons take no focus and carry no mnemonic (Alt+letter while typing
        # must not end a turn): their keys are the actions' shortcuts, named in the tooltip.
        for button, action in (
            (clock.next_button, self.next_item_action),
            (clock.finish_button, self.finish_item_action),
            (clock.skip_button, self.skip_item_action),
            (clock.replan_button, self.replan_action),
            (speakers.next_button, self.next_speaker_action),
            (speakers.end_button, self.end_speech_action),
            (self.consensus.propose_button, self.point_action),
            (self.consensus.next_step_button, self.next_step_action),
            (self.capture.record_button, self.capture.record_action),
        ):
            bind(button, action)
        clock.item_activated.connect(self._item_activated)
        clock.question_activated.connect(self.edits.set_focus)
        speakers.scope_changed.connect(self._show_balance)
        consensus, view = self.consensus, self.outcome_view
        consensus.edit_requested.connect(view.edit_point)
        consensus.selection_changed.connect(self.capture.select_support_of)
        consensus.add_status_actions(view.status_actions())
        view.dialog_closed.connect(self.capture.text.setFocus)

    # -- following the session ------------------------------------------------------------

    def _on_changed(self, changes: tuple[Change, ...]) -> None:
        entities = {change.entity for change in changes}
        if Entity.PARTICIPANT in entities:
            self._people = None
        if not entities & WATCHED:
            return
        if entities == {Entity.CONTRIBUTION} and self.isVisible():
            # Recording is what happens all day: only the feed follows (rows are inserted).
            self._refresh_feed()
            return
        self._refresher.request()

    def shown_item(self) -> AgendaItem | None:
        """The item the feed shows (the running one, or one looked back at)."""
        return next((i for i in self.items if i.id == self.viewed_item_id), None) or self.item

    def _people_list(self) -> list[Participant]:
        if self._people is None:
            self._people = self._session.participants.list()
        return self._people

    def _refresh_feed(self) -> None:
        shown = self.shown_item()
        if shown is None or not self._session.is_open:
            return
        said = self._session.contributions.list(shown.id)
        self.capture.show_contributions(self.group_floor.of_floor(said))
        if shown is self.item:
            self.group_floor.show_counts(said)

    def refresh(self) -> None:
        """Read the running state once and show it in the three columns."""
        session = self._session
        if not session.is_open:
            return
        self.items = session.agenda.items()
        self.item = next((i for i in self.items if i.status == ItemStatus.RUNNING), None)
        settings = session.run.settings()
        self._workshop = session.workshop.get()
        self.capture.model.set_timezone(self._workshop.timezone)
        people = self._people_list()
        item_id = self.item.id if self.item else None
        floor = self.group_floor  # a breakout group's, or plenary
        said = session.contributions.list(item_id) if item_id else []
        floor.show_groups(item_id, session.groups.list(item_id) if item_id else [], said)
        self.edits.group_id = floor.group_id()
        speeches = floor.of_floor(session.speeches.list(item_id) if item_id else [])
        speaking = next((s for s in speeches if s.status == "speaking"), None)
        queue = session.speeches.queue(item_id, speeches, floor.group_id()) if item_id else []
        viewed = next((i for i in self.items if i.id == self.viewed_item_id), None)
        if viewed is None or viewed.id == item_id:
            self.viewed_item_id, viewed = None, self.item
        shown_id = viewed.id if viewed else None
        contributions = floor.of_floor(session.contributions.list(shown_id) if shown_id else [])
        points = floor.of_floor(session.consensus.list(shown_id) if shown_id else [])
        self.consensus.show_points(points, *self.outcome_view.outcomes_of(viewed))
        self.capture.model.set_support(support_marks(points))
        today = self.today
        today.read(self.items, self._workshop.timezone)
        self.clock_panel.show_agenda(
            self.items, settings.focus_question_id, today.day, today.days, today.move
        )
        self.capture.show_state(
            floor.asked_here(viewed),
            contributions,
            people,
            speaking if shown_id == item_id else None,
            settings.focus_question_id if shown_id == item_id else None,
            running=shown_id == item_id,
        )
        self.speakers.show_floor(
            speaking, queue, people, settings.speech_limit_seconds, self.item is not None
        )
        self._show_balance(speeches)
        self.tick()

    def _show_balance(self, speeches_read: list[Speech] | None = None) -> None:
        session = self._session  # the roster, groups and item's speeches as refresh read them
        if not session.is_open:
            return
        item_id = self.item.id if self.item and self.speakers.balance_scope_is_item() else None
        if item_id is None or speeches_read is None:
            speeches_read = session.speeches.list(item_id)
            if item_id is not None:
                speeches_read = self.group_floor.of_floor(speeches_read)
        groups = (self._workshop or session.workshop.get()).stakeholder_groups
        balance = participation_balance(
            speeches_read,
            self._people_list(),
            groups,
            agenda_item_id=item_id,
            now=session.clock(),
        )
        self.speakers.show_balance(balance)

    def tick(self) -> None:
        """Every second while shown: clocks from recorded times and the session's clock."""
        if not self._session.is_open:
            return
        now = self._session.clock()
        if self._workshop is None:
            self._workshop = self._session.workshop.get()
        if self.today.follow(now):  # past midnight, on the next day: show that day
            self.refresh()
            return
        self.clock_panel.tick(now, self.today.projection, self._workshop.timezone)
        self.speakers.tick(now)

    def _enable_actions(self, enabled: bool) -> None:
        for action in self.actions() + self.capture.actions_for_menu():
            action.setEnabled(enabled)

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        self._enable_actions(True)
        self._timer.start()
        self.tick()
        self.capture.text.setFocus()

    def hideEvent(self, event: QHideEvent) -> None:
        super().hideEvent(event)
        self._timer.stop()
        self._enable_actions(False)

    # -- the chair's actions --------------------------------------------------------------

    def _item_activated(self, item_id: str) -> None:
        """A planned item starts; a finished one is shown in the feed (to read or add to)."""
        item = next((i for i in self.items if i.id == item_id), None)
        if item is None or item.status == ItemStatus.RUNNING:
            self.back_to_entry()
        elif item.status == ItemStatus.PLANNED:
            self.moves.start_item(item_id)
        else:
            self.view_item(item_id)

    def view_item(self, item_id: str | None) -> None:
        self.viewed_item_id = item_id
        self.refresh()

    def back_to_entry(self) -> None:
        """Esc: the feed shows the running item again and the entry box has the keyboard."""
        if self.viewed_item_id is not None:
            self.view_item(None)
        self.capture.text.setFocus()

    def cycle_focus(self, step: int) -> None:
        if self.item is None or not self.item.questions:
            return
        ids = [q.id for q in self.item.questions]
        current = self._session.run.settings().focus_question_id
        index = ids.index(current) + step if current in ids else 0
        self.edits.set_focus(ids[index % len(ids)])

    def replan(self) -> None:
        """Re-plan the rest of today (see ``RunToday.replan``)."""
        self.today.replan(self, self.edits)
        self.capture.text.setFocus()  # the dialog closed: back to typing

    def search(self) -> None:
        contribution_id = dialogs.search_workshop(self, self._session)
        if contribution_id is None:
            self.capture.text.setFocus()  # the dialog closed: back to typing
            return
        contribution = self._session.contributions.get(contribution_id)
        self.view_item(contribution.agenda_item_id)
        self.capture.select(contribution_id)
