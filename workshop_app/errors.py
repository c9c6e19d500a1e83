"""The two kinds of error: known ones the user reads in words, and bugs.

A ``KnownError`` is environmental or caused by input (a locked file, a full disk, a bad
import); its message is one plain sentence meant for the user. Anything else that escapes is
a bug: it is logged with its traceback and the user is told where the log is.
"""

from __future__ import annotations


class KnownError(Exception):
    """An error the user can meet and understand; ``str()`` is the message shown."""

    #: What the user can do next, when there is something to say.
    hint: str = ""

    def __init__(self, message: str, *, hint: str = "") -> None:
        super().__init__(message)
        if hint:
            self.hint = hint

    @property
    def message(self) -> str:
        return str(self.args[0])
