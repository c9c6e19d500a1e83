"""Disk full or read-only (issue 7, promise 5): a write that fails says why in plain words,
changes nothing, and keeps what the user typed so it can be recorded again.

The full disk is a child process under RLIMIT_FSIZE (SIGXFSZ ignored, so writes fail with
EFBIG). The child sets the limit itself, once the file is open, rather than in a preexec_fn,
which is not safe in a test process that runs Qt's threads. Read-only is a ``mode=ro``
connection, never chmod (the tests may run as root).
"""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QSettings, QStandardPaths, Qt
from pytestqt.qtbot import QtBot

from tests.conftest import read_back
from tests.e2e.faults import FailingWrites
from tests.ui.conftest import DIALOGS
from workshop_app.demo import write_demo_in_progress
from workshop_app.domain.model import AgendaItem, Contribution, Participant, new_id
from workshop_app.errors import KnownError
from workshop_app.store import Document, connection
from workshop_app.store.check import check_document
from workshop_app.store.errors import DiskFull, ReadOnlyDocument
from workshop_app.ui import dialogs
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.run.run_page import RunPage
from workshop_app.ui.session import Session

ROOT = Path(__file__).resolve().parents[2]
# Room for the open document's WAL to grow by this much before the "disk" is full.
HEADROOM = 300_000


def fingerprint(path: Path) -> dict[str, str]:
    """The bytes of a document and of its write-ahead log (the -shm is only an index; a
    reader may create an empty WAL, which holds nothing)."""
    found: dict[str, str] = {}
    for name in (path, Path(f"{path}-wal")):
        data = name.read_bytes() if name.exists() else b""
        found[name.name] = hashlib.sha256(data).hexdigest()
    return found


# -- (a) the disk fills up during the session ---------------------------------------------


def test_full_disk_says_so_and_keeps_every_confirmed_contribution(tmp_path: Path) -> None:
    """A write past the limit fails with EFBIG, which SQLite reports as SQLITE_IOERR_WRITE
    ("disk I/O error"), as it does a full quota (EDQUOT); only ENOSPC becomes SQLITE_FULL.
    Whatever the code, the user must read that the change was not saved for lack of room,
    not that a sound file is damaged."""
    path = tmp_path / "day.workshop"
    write_demo_in_progress(path)
    limit = path.stat().st_size + HEADROOM
    done = subprocess.run(
        [sys.executable, "-m", "tests.e2e.recorder", str(path), "--fsize-limit", str(limit)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    assert "Traceback" not in done.stderr
    lines = done.stdout.splitlines()
    assert lines[0] == "ready"
    confirmed = [line for line in lines[1:] if not line.startswith("{")]
    steps = {entry["step"]: entry for entry in map(json.loads, lines[1 + len(confirmed) :])}
    assert len(confirmed) > 5, "the limit left no room to record anything"
    failed = steps["failed"]

    # The user is told, in words, what happened and why: not a bug report, not "damaged".
    assert failed["known"], failed
    words = failed["message"].replace(str(path), "FILE").lower()
    assert "damaged" not in words, failed  # the file is sound (checked below)
    assert any(why in words for why in ("full", "space", "room")), failed  # why
    assert "not saved" in words or "could not be saved" in words, failed  # what it means
    assert failed["hint"], failed  # and what to do next

    # The open document can still be read, and records again once there is room.
    assert set(confirmed) <= set(steps["read"]["ids"]), steps["read"]
    assert "id" in steps["again"], steps["again"]

    # On disk: sound, every confirmed contribution there, the failed one not at all.
    assert read_back(path, "PRAGMA integrity_check") == [("ok",)]
    on_disk = {row[0] for row in read_back(path, "SELECT id FROM contributions")}
    assert set(confirmed) | {steps["again"]["id"]} <= on_disk
    assert failed["id"] not in on_disk
    assert check_document(path) == []


# -- (b) a read-only file -------------------------------------------------------------------


def test_read_only_document_refuses_every_write_in_words(tmp_path: Path) -> None:
    path = tmp_path / "day.workshop"
    write_demo_in_progress(path)
    Document.open(path).close()  # a file that has been used: in WAL mode
    before = fingerprint(path)
    writes: dict[str, Callable[[Document], object]] = {
        "record a contribution": lambda d: d.contributions.record(
            Contribution(id=new_id(), agenda_item_id="a2", text="Said while read-only.")
        ),
        "edit a contribution": lambda d: d.contributions.update("c01", text="Changed."),
        "add a participant": lambda d: d.participants.add(Participant(id=new_id(), name="New")),
        "add an agenda item": lambda d: d.agenda.add_item(AgendaItem(id=new_id(), title="New")),
        "move an agenda item": lambda d: d.agenda.move_item("a1", 3),
    }
    with Document.open(path, readonly=True) as document:
        count = len(document.contributions.list())
        for what, write in writes.items():
            with pytest.raises(ReadOnlyDocument) as caught:
                write(document)
            assert "read-only" in caught.value.message, what
            assert caught.value.hint, what
        assert len(document.contributions.list()) == count  # it still reads
    assert fingerprint(path) == before


def test_a_connection_that_cannot_write_is_reported_as_read_only(tmp_path: Path) -> None:
    """The file turns read-only under an open document (a read-only remount, a share): the
    document does not know, SQLite refuses the write, and the user reads why."""
    path = tmp_path / "day.workshop"
    write_demo_in_progress(path)
    before = fingerprint(path)
    document = Document(path, connection.connect(path, readonly=True), lock=None)
    try:
        with pytest.raises(ReadOnlyDocument) as caught:
            document.contributions.record(
                Contribution(id=new_id(), agenda_item_id="a2", text="Said on a read-only disk.")
            )
        assert "read-only" in caught.value.message
        assert not document.db.conn.in_transaction  # nothing left half done
        assert len(document.contributions.list()) == 7
    finally:
        document.close()
    assert fingerprint(path) == before


# -- the same in the Run view: the error is shown, the typed text stays ----------------------


@pytest.fixture
def errors(monkeypatch: pytest.MonkeyPatch, tmp_path_factory: pytest.TempPathFactory) -> list[Any]:
    """Errors shown to the user, in order; any other dialog fails the test; Qt's settings and
    standard paths in a temporary home."""
    monkeypatch.setenv("HOME", str(tmp_path_factory.mktemp("qt-home")))
    QStandardPaths.setTestModeEnabled(True)
    for name in DIALOGS:
        monkeypatch.setattr(dialogs, name, _unexpected(name))
    shown: list[KnownError] = []
    monkeypatch.setattr(dialogs, "show_error", lambda _parent, error: shown.append(error))
    return shown


def _unexpected(name: str) -> Callable[..., Any]:
    def fail(*args: object, **kwargs: object) -> Any:
        raise AssertionError(f"unexpected dialog: {name}{args[1:]!r}")

    return fail


@pytest.fixture
def window(qtbot: QtBot, tmp_path: Path, errors: list[KnownError]) -> Iterator[MainWindow]:
    win = MainWindow(QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat))
    qtbot.addWidget(win)
    win.show()
    qtbot.waitExposed(win)
    yield win
    win.close()


def opening_with(monkeypatch: pytest.MonkeyPatch, build: Callable[[Path], Document]) -> None:
    """The window opens workshops with ``build`` (read-only, or with writes that fail)."""

    def open_session(cls: type[Session], path: Path, parent: Any = None) -> Session:
        return cls(build(path), parent)

    monkeypatch.setattr(Session, "open", classmethod(open_session))


def run_view(window: MainWindow, path: Path) -> tuple[Session, RunPage]:
    """``path`` (the demo on the day: item a2 running) open in the Run view."""
    assert window.open_path(path)
    session = window.session
    assert session is not None and session.undo_stack.count() == 0
    window.show_mode("run")
    page = window.page("run")
    assert isinstance(page, RunPage)
    window.activateWindow()
    return session, page


def type_and_record(qtbot: QtBot, page: RunPage, text: str) -> None:
    box = page.capture.text
    box.setFocus()
    if box.toPlainText() != text:
        qtbot.keyClicks(box, text)
    qtbot.keyClick(box, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)


SAID = "Mobility partnerships need trust on both sides."


def test_run_view_on_a_read_only_file_keeps_what_was_typed(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    window: MainWindow,
    errors: list[KnownError],
) -> None:
    path = tmp_path / "day.workshop"
    write_demo_in_progress(path)
    before = fingerprint(path)
    opening_with(monkeypatch, lambda p: Document.open(p, readonly=True))
    session, page = run_view(window, path)
    shown = page.capture.model.rowCount()

    type_and_record(qtbot, page, SAID)

    assert [type(error) for error in errors] == [ReadOnlyDocument]
    assert "read-only" in errors[0].message and errors[0].hint
    assert page.capture.text.toPlainText() == SAID  # still there, to be recorded elsewhere
    assert session.undo_stack.count() == 0  # no step that did nothing
    assert not window.undo_action.isEnabled()
    assert page.capture.model.rowCount() == shown  # the feed shows no phantom entry
    window.close_workshop()
    assert fingerprint(path) == before


def test_run_view_on_a_full_disk_keeps_what_was_typed_to_record_it_again(
    qtbot: QtBot,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
    window: MainWindow,
    errors: list[KnownError],
) -> None:
    path = tmp_path / "day.workshop"
    write_demo_in_progress(path)
    faults: list[FailingWrites] = []

    def open_on_a_filling_disk(p: Path) -> Document:
        document = Document.open(p)
        faults.append(FailingWrites(document))
        return document

    opening_with(monkeypatch, open_on_a_filling_disk)
    session, page = run_view(window, path)
    shown = page.capture.model.rowCount()

    faults[0].arm(1)  # the disk is full
    type_and_record(qtbot, page, SAID)
    assert faults[0].disarm()
    assert [type(error) for error in errors] == [DiskFull]
    assert "full" in errors[0].message.replace(str(path), "FILE") and errors[0].hint
    assert page.capture.text.toPlainText() == SAID
    assert session.undo_stack.count() == 0
    assert page.capture.model.rowCount() == shown
    assert read_back(path, "SELECT count(*) FROM contributions WHERE text = ?", (SAID,)) == [(0,)]

    type_and_record(qtbot, page, SAID)  # there is room again: Ctrl+Enter once more
    assert len(errors) == 1
    assert page.capture.text.toPlainText() == ""
    assert session.undo_stack.count() == 1
    assert page.capture.model.rowCount() == shown + 1
    assert read_back(path, "SELECT count(*) FROM contributions WHERE text = ?", (SAID,)) == [(1,)]
