"""The chair's moves on the list of speakers of the running item: next speaker (F8), end of
turn (Shift+F8), and the list's own gestures (add, give the floor, withdraw, remove, reorder,
the speaking-time limit). Nothing happens while no item is running."""

from __future__ import annotations

from collections.abc import Callable

from workshop_app.domain.model import AgendaItem
from workshop_app.ui.edits.run_edits import RunEdits
from workshop_app.ui.run.speakers_panel import SpeakersPanel
from workshop_app.ui.session import Session


class FloorMoves:
    """Turns the speakers panel's requests into edits of the speeches of the running item
    (``running``: as the Run view last read it)."""

    def __init__(
        self,
        running: Callable[[], AgendaItem | None],
        speakers: SpeakersPanel,
        session: Session,
        edits: RunEdits,
    ) -> None:
        self._running = running
        self._session = session
        self._edits = edits
        speakers.add_requested.connect(self.add_speaker)
        speakers.floor_requested.connect(self.give_floor)
        speakers.withdraw_requested.connect(lambda sid: self._on_item(edits.withdraw, sid))
        speakers.remove_requested.connect(lambda sid: self._on_item(edits.remove_request, sid))
        speakers.move_requested.connect(self.move_request)
        speakers.limit_changed.connect(self.set_limit)

    def _on_item(self, edit: Callable[[str, str], bool], speech_id: str) -> None:
        item = self._running()
        if item is not None:
            edit(item.id, speech_id)

    def move_request(self, speech_id: str, index: int) -> None:
        item = self._running()
        if item is not None:
            self._edits.move_request(item.id, speech_id, index)

    def next_speaker(self) -> None:
        item = self._running()
        if item is not None:
            self._edits.next_speaker(item.id)

    def end_speech(self) -> None:
        item = self._running()
        if item is not None:
            self._edits.end_speech(item.id)

    def add_speaker(self, participant_id: str) -> None:
        item = self._running()
        if item is not None:
            self._edits.request(item.id, participant_id)

    def give_floor(self, speech_id: str) -> None:
        item = self._running()
        if item is not None:
            self._edits.give_floor(item.id, speech_id)

    def set_limit(self, seconds: int | None) -> None:
        if seconds != self._session.run.settings().speech_limit_seconds:
            self._edits.set_speech_limit(seconds)
