"""Background work, in one way: a plain ``async def`` started with ``start`` on the
application's asyncio loop (qasync), which hands anything that blocks (reading or writing a
file, a backup, a check) to a worker thread with ``await in_thread(...)``.

Started in one place so that no failure goes unseen: a known error is shown in words, a bug is
logged with its traceback and the user is told where the log is. The loop itself would only
mention an exception of a forgotten task when the task is garbage-collected, if ever. The
worker gets plain values, never a widget or the UI's database connection (a sqlite-utils
``Database`` belongs to its thread); whatever it returns is used back on the UI thread.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable, Coroutine
from typing import Any, ParamSpec, TypeVar

from PySide6.QtWidgets import QApplication, QWidget

from workshop_app.bug_log import log_bug
from workshop_app.errors import KnownError
from workshop_app.ui import dialogs

#: The tasks started and not yet finished (the loop keeps only weak references to them).
_running: set[asyncio.Task[Any]] = set()

P = ParamSpec("P")
T = TypeVar("T")


def start(work: Coroutine[Any, Any, Any], parent: QWidget | None = None) -> None:
    """Run ``work`` on the running loop and report its failure, if any, over ``parent``.

    Without a running loop (a script, the screenshots) the work is done now, to the end,
    and reported the same way.
    """
    try:
        loop = asyncio.get_running_loop()
    except RuntimeError:
        loop = None
    if loop is None:
        try:
            asyncio.run(work)
        except Exception as error:
            report(error, parent)
        return
    task = loop.create_task(work)
    _running.add(task)
    task.add_done_callback(lambda done: _finished(done, parent))


async def in_thread(work: Callable[P, T], /, *args: P.args, **kwargs: P.kwargs) -> T:
    """``work(*args, **kwargs)`` on a worker thread, while the loop (and the window) goes on."""
    return await asyncio.to_thread(work, *args, **kwargs)


def running() -> set[asyncio.Task[Any]]:
    """The background tasks not finished yet (tests await them). A task whose loop has been
    closed (the application quit while it ran) will never finish, and is forgotten."""
    _running.difference_update({task for task in _running if task.get_loop().is_closed()})
    return set(_running)


def _finished(task: asyncio.Task[Any], parent: QWidget | None) -> None:
    _running.discard(task)
    if task.cancelled():
        return
    error = task.exception()
    if isinstance(error, Exception):
        report(error, parent)


def report(error: Exception, parent: QWidget | None = None) -> None:
    """Tell the user about a failed background task: in words, or as a logged bug."""
    window = parent if _shown(parent) else QApplication.activeWindow()
    if isinstance(error, KnownError):
        dialogs.show_error(window, error)
        return
    dialogs.show_bug(window, log_bug(error))


def _shown(widget: QWidget | None) -> bool:
    try:
        return widget is not None and widget.isVisible()
    except RuntimeError:  # closed and deleted while the work ran
        return False
