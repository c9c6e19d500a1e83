"""Undoable edits: each one a QUndoCommand whose redo and undo call the store.

A store call that raises marks the command obsolete, so Qt drops it instead of leaving a
command on the stack that does nothing; the error is handed to ``report`` to show in words.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtGui import QUndoCommand, QUndoStack

Reporter = Callable[[Exception], None]


class StoreCommand(QUndoCommand):
    """``do()`` on redo; ``undo_with(result_of_do)`` on undo."""

    def __init__(
        self,
        text: str,
        do: Callable[[], Any],
        undo_with: Callable[[Any], object],
        report: Reporter,
    ) -> None:
        super().__init__(text)
        self._do = do
        self._undo_with = undo_with
        self._report = report
        self._result: Any = None
        self.error: Exception | None = None

    def redo(self) -> None:
        try:
            self._result = self._do()
        except Exception as error:
            self._fail(error)

    def undo(self) -> None:
        try:
            self._undo_with(self._result)
        except Exception as error:
            self._fail(error)

    def _fail(self, error: Exception) -> None:
        self.error = error
        self.setObsolete(True)
        self._report(error)


class Editor:
    """Pushes edits onto a document's undo stack; the one way panels change the document."""

    def __init__(self, stack: QUndoStack, report: Reporter) -> None:
        self.stack = stack
        self._report = report

    def run(self, text: str, do: Callable[[], Any], undo_with: Callable[[Any], object]) -> bool:
        """Do an edit as one undoable step; False (and the error reported) if it failed."""
        command = StoreCommand(text, do, undo_with, self._report)
        self.stack.push(command)
        return command.error is None

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
