"""Undoable edits: each one a QUndoCommand whose redo and undo call the store.

An edit is done first and pushed only when the store has committed it, so a failed edit
leaves the stack (and its redo history) as it was. When an undo or a redo fails, the steps
around it no longer match the file: the command is dropped, the history is cleared at the
next turn of the event loop, and until then no other step runs. Every failure is handed to
``report`` to be shown in words.
"""

from __future__ import annotations

import contextlib
from collections.abc import Callable, Iterator
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


class MacroCommand(QUndoCommand):
    """Several edits already done, as one step: redo in order, undo in reverse. A step that
    fails makes the whole one obsolete (the history is cleared by then)."""

    def __init__(self, text: str, steps: list[StoreCommand]) -> None:
        super().__init__(text)
        self._steps = steps

    def redo(self) -> None:
        for step in self._steps:
            step.redo()
            if step.isObsolete():
                self.setObsolete(True)
                return

    def undo(self) -> None:
        for step in reversed(self._steps):
            step.undo()
            if step.isObsolete():
                self.setObsolete(True)
                return


class Editor:
    """Pushes edits onto a document's undo stack; the one way panels change the document."""

    def __init__(self, stack: QUndoStack, report: Reporter) -> None:
        self.stack = stack
        self._report = report
        self._broken = False  # an undo or redo failed: the history no longer fits the file
        self._gathered: list[StoreCommand] | None = None  # the steps of an open macro

    def run(self, text: str, do: Callable[[], Any], undo_with: Callable[[Any], object]) -> bool:
        """Do an edit as one undoable step; False (and the error reported) if it failed.
        Inside :meth:`macro`, the step joins the macro's."""
        try:
            result = do()
        except Exception as error:
            self._report(error)
            return False
        command = StoreCommand(text, do, undo_with, self, result)
        if self._gathered is not None:
            self._gathered.append(command)
        else:
            self.stack.push(command)
        return True

    @contextlib.contextmanager
    def macro(self, text: str) -> Iterator[None]:
        """The edits made in the block (each done when it runs) become one undo step named
        ``text``; one edit alone keeps its own name, and none leaves the stack as it was.
        A macro inside another joins it. The one door for multi-step entries: never
        ``QUndoStack.beginMacro``, which leaves an empty step when nothing changed."""
        if self._gathered is not None:
            yield
            return
        steps: list[StoreCommand] = []
        self._gathered = steps
        try:
            yield
        finally:
            self._gathered = None
            if len(steps) == 1:
                self.stack.push(steps[0])
            elif steps:
                self.stack.push(MacroCommand(text, steps))

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
