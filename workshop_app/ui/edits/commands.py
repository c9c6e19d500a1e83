"""Undoable edits: each one a QUndoCommand whose redo and undo call the store.

An edit is done first and pushed only when the store has committed it, so a failed edit
leaves the stack (and its redo history) as it was. When an undo or a redo fails, the steps
around it no longer match the file: the command is dropped, the history is cleared at the
next turn of the event loop, and until then no other step runs. Every failure is handed to
``report`` to be shown in words.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QTimer
from PySide6.QtGui import QUndoCommand, QUndoStack

from workshop_app.errors import KnownError

Reporter = Callable[[Exception], None]

_UNSET = object()


class HistoryCleared(KnownError):
    def __init__(self) -> None:
        super().__init__(
            "The undo history was cleared, because a step could not be undone or redone.",
            hint="What is in the file is what you see; you can go on editing.",
        )


class StoreCommand(QUndoCommand):
    """``do()`` on redo; ``undo_with(result_of_do)`` on undo."""

    def __init__(
        self,
        text: str,
        do: Callable[[], Any],
        undo_with: Callable[[Any], object],
        editor: Editor,
        result: Any = _UNSET,
    ) -> None:
        super().__init__(text)
        self._do = do
        self._undo_with = undo_with
        self._editor = editor
        # Pushed after the edit was done: the stack's first redo() must not do it again.
        self._skip_redo = result is not _UNSET
        self._result: Any = None if result is _UNSET else result

    def redo(self) -> None:
        if self._skip_redo:
            self._skip_redo = False
            return
        if self._editor.refuse(self):
            return
        try:
            self._result = self._do()
        except Exception as error:
            self._editor.failed(self, error)

    def undo(self) -> None:
        if self._editor.refuse(self):
            return
        try:
            self._undo_with(self._result)
        except Exception as error:
            self._editor.failed(self, error)


class Editor:
    """Pushes edits onto a document's undo stack; the one way panels change the document."""

    def __init__(self, stack: QUndoStack, report: Reporter) -> None:
        self.stack = stack
        self._report = report
        self._broken = False  # an undo or redo failed: the history no longer fits the file

    def run(self, text: str, do: Callable[[], Any], undo_with: Callable[[Any], object]) -> bool:
        """Do an edit as one undoable step; False (and the error reported) if it failed."""
        try:
            result = do()
        except Exception as error:
            self._report(error)
            return False
        self.stack.push(StoreCommand(text, do, undo_with, self, result))
        return True

    def refuse(self, command: StoreCommand) -> bool:
        """True (the command dropped) while a failed step's history waits to be cleared."""
        if not self._broken:
            return False
        command.setObsolete(True)
        self._report(HistoryCleared())
        return True

    def failed(self, command: StoreCommand, error: Exception) -> None:
        command.setObsolete(True)
        self._report(error)
        if not self._broken:
            self._broken = True
            QTimer.singleShot(0, self._clear)

    def _clear(self) -> None:
        self.stack.clear()
        self._broken = False

    def run_captured(
        self,
        text: str,
        act: Callable[[], object],
        capture: Callable[[], Any],
        put_back: Callable[[Any], object],
    ) -> bool:
        """An edit stamped by the clock: the first redo acts; undo and later redos put back
        the rows as they were before and after, so recorded times never change on redo."""
        states: dict[str, Any] = {}

        def do() -> None:
            if "after" in states:
                put_back(states["after"])
                return
            states["before"] = capture()
            act()
            states["after"] = capture()

        return self.run(text, do, lambda _result: put_back(states["before"]))
