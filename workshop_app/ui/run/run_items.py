"""The chair's moves through the agenda (start, next, finish, skip). Each gives the keyboard
back to the entry box and says in the status bar what it did: an item ended by a key pressed
by mistake must be noticed, and taken back with Undo."""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence

from PySide6.QtCore import QObject, Signal
from PySide6.QtGui import QKeySequence

from workshop_app.domain.model import AgendaItem, ItemStatus
from workshop_app.domain.runday import MoveKind, NextMove
from workshop_app.ui.edits.run_edits import RunEdits
from workshop_app.ui.session import Session
from workshop_app.words import plural

_ENDED = {ItemStatus.DONE: "finished", ItemStatus.SKIPPED: "skipped"}


def _contributions(count: int) -> str:
    return plural(count, "contribution", "contributions")


def item_changes(
    before: Sequence[AgendaItem], after: Sequence[AgendaItem], counts: Mapping[str, int]
) -> str:
    """ "Finished “Opening” (3 contributions); started “Partnerships”. Ctrl+Z undoes this."
    for the items whose status changed between ``before`` and ``after`` ("" if none did)."""
    was = {item.id: item.status for item in before}
    said: list[str] = []
    for item in after:
        if was.get(item.id, item.status) == item.status:
            continue
        if item.status in _ENDED:
            count = counts.get(item.id, 0)
            kept = f" ({_contributions(count)})" if count else ""
            said.append(f"{_ENDED[item.status]} “{item.title}”{kept}")
        elif item.status == ItemStatus.RUNNING:
            said.append(f"started “{item.title}”")
    if not said:
        return ""
    text = "; ".join(said)
    undo = QKeySequence(QKeySequence.StandardKey.Undo).toString(
        QKeySequence.SequenceFormat.NativeText
    )
    return f"{text[0].upper()}{text[1:]}. {undo} undoes this."


#: What F9 says when every item is done or skipped.
ALL_DONE = "Every item of the agenda is done: add one in Prepare > Agenda to go on."


class ItemMoves(QObject):
    """F9 (start or next), Shift+F9 (finish), Ctrl+F9 (skip) and starting a chosen item, on
    the agenda as the Run view last read it (``items``); F9 and Ctrl+F9 within today, as
    ``today`` says (what F9 does on the day the Run view runs; None: the whole agenda)."""

    #: What a move did, for the status bar.
    status_message = Signal(str)
    #: A move was made (or tried): the entry box takes the keyboard back.
    moved = Signal()

    def __init__(
        self,
        items: Callable[[], list[AgendaItem]],
        session: Session,
        edits: RunEdits,
        parent: QObject | None = None,
        today: Callable[[], NextMove | None] = lambda: None,
    ) -> None:
        super().__init__(parent)
        self._items = items
        self._session = session
        self._edits = edits
        self._today = today

    def _running(self) -> AgendaItem | None:
        return next((i for i in self._items() if i.status == ItemStatus.RUNNING), None)

    def _change(self, edit: Callable[[], bool]) -> None:
        before = list(self._items())
        if edit() and self._session.is_open:
            counts = self._session.contributions.counts_by_item()
            message = item_changes(
                before, self._session.agenda.items(), {k: n for k, (n, _h) in counts.items()}
            )
            if message:
                self.status_message.emit(message)
        self.moved.emit()

    def next_item(self) -> None:
        """The next item of today; at the end of today, the running item ends and the chair
        is told when the next day starts (never a jump into it unnoticed)."""
        if not any(i.status in (ItemStatus.PLANNED, ItemStatus.RUNNING) for i in self._items()):
            # Said, not silent (the walkthrough found F9 doing nothing at all here).
            self.status_message.emit(ALL_DONE)
            return
        move = self._today()
        if move is None:
            self._change(self._edits.next_item)
            return
        day_id = move.day_id
        if move.kind == MoveKind.DAY_DONE:
            if move.note:
                self.status_message.emit(move.note)
            self.moved.emit()
        elif move.starts is None and move.finishes is not None:
            finishes = move.finishes
            self._change(lambda: self._edits.finish_item(finishes))
        else:
            self._change(lambda: self._edits.next_item(day_id))

    def finish_item(self) -> None:
        item = self._running()
        if item is not None:
            self._change(lambda: self._edits.finish_item(item.id))

    def skip_item(self) -> None:
        """The running item, else the one F9 would start (today's next)."""
        move = self._today()
        if move is None:
            following = next((i for i in self._items() if i.status == ItemStatus.PLANNED), None)
        else:
            following = next((i for i in self._items() if i.id == move.starts), None)
        target = self._running() or following
        if target is not None:
            self._change(lambda: self._edits.skip_item(target.id))

    def start_item(self, item_id: str) -> None:
        self._change(lambda: self._edits.start_item(item_id))
