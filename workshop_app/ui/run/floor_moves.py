"""The chair's moves on the list of speakers of the running item: next speaker (F8), end of
turn (Shift+F8), and the list's own gestures (add, give the floor, withdraw, remove, reorder,
the speaking-time limit). Nothing happens while no item is running."""

from __future__ import annotations

from collections.abc import Callable

from workshop_app.ui.edits.run_edits import RunEdits
from workshop_app.ui.run.run_view import RunView
from workshop_app.ui.run.speakers_panel import SpeakersPanel
from workshop_app.ui.session import Session


class FloorMoves:
    """Turns the speakers panel's requests into edits of the running item's speeches."""

    def __init__(
        self, page: RunView, speakers: SpeakersPanel, session: Session, edits: RunEdits
    ) -> None:
        self._page = page
        self._session = session
        self._edits = edits
        speakers.add_requested.connect(self.add_speaker)
        speakers.floor_requested.connect(self.give_floor)
        speakers.withdraw_requested.connect(lambda sid: self._on_item(edits.withdraw, sid))
        speakers.remove_requested.connect(lambda sid: self._on_item(edits.remove_request, sid))
        speakers.move_requested.connect(
            lambda sid, index: page.item and edits.move_request(page.item.id, sid, index)
        )
        speakers.limit_changed.connect(self.set_limit)

    def _on_item(self, edit: Callable[[str, str], bool], speech_id: str) -> None:
        if self._page.item is not None:
            edit(self._page.item.id, speech_id)

    def next_speaker(self) -> None:
        if self._page.item is not None:
            self._edits.next_speaker(self._page.item.id)

    def end_speech(self) -> None:
        if self._page.item is not None:
            self._edits.end_speech(self._page.item.id)

    def add_speaker(self, participant_id: str) -> None:
        if self._page.item is not None:
            self._edits.request(self._page.item.id, participant_id)

    def give_floor(self, speech_id: str) -> None:
        if self._page.item is not None:
            self._edits.give_floor(self._page.item.id, speech_id)

    def set_limit(self, seconds: int | None) -> None:
        if seconds != self._session.run.settings().speech_limit_seconds:
            self._edits.set_speech_limit(seconds)
