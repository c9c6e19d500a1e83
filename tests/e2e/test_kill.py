"""Killed mid-session, nothing confirmed is lost (issue 7, promise 1).

A child process records contributions as fast as it can through the real store and prints each
id once ``record`` has returned; it is killed with SIGKILL at random moments, round after round
on the same file, so that every round opens a file whose WAL a killed process left behind.
"""

from __future__ import annotations

import random
import signal
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest

from tests.conftest import read_back
from workshop_app.demo import write_demo_in_progress
from workshop_app.store import Document
from workshop_app.store.check import check_document
from workshop_app.store.connection import lock_path
from workshop_app.store.errors import AlreadyOpen

ROOT = Path(__file__).resolve().parents[2]
ROUNDS = 5


class Recorder:
    """The recorder (tests/e2e/recorder.py) in a child process; its output is read as it
    comes, so a full pipe never holds it up."""

    def __init__(self, path: Path, *args: str) -> None:
        self.proc = subprocess.Popen(
            [sys.executable, "-m", "tests.e2e.recorder", str(path), *args],
            cwd=ROOT,
            stdout=subprocess.PIPE,
            stderr=subprocess.PIPE,
            text=True,
        )
        self.confirmed: list[str] = []
        self._ready = threading.Event()
        self._reader = threading.Thread(target=self._read, daemon=True)
        self._reader.start()

    def _read(self) -> None:
        assert self.proc.stdout is not None
        for line in self.proc.stdout:
            if not line.endswith("\n"):
                break  # cut off by the kill: never confirmed
            if line == "ready\n":
                self._ready.set()
            else:
                self.confirmed.append(line.strip())
        self._ready.set()  # at the end of the output too, so a failed start is not a hang

    def wait_ready(self) -> None:
        """Until the workshop is open in the child (its lock taken)."""
        assert self._ready.wait(10), "the recorder did not start within 10 s"
        if self.proc.poll() is not None:
            assert self.proc.stderr is not None
            pytest.fail(f"the recorder could not open the file:\n{self.proc.stderr.read()}")

    def kill(self) -> list[str]:
        """SIGKILL, as a crash or a power cut would; returns the confirmed ids."""
        self.proc.send_signal(signal.SIGKILL)
        self.proc.wait(10)
        self._reader.join(10)
        assert self.proc.stdout is not None and self.proc.stderr is not None
        self.proc.stdout.close()
        self.proc.stderr.close()
        return self.confirmed


def wal_size(path: Path) -> int:
    wal = Path(f"{path}-wal")
    return wal.stat().st_size if wal.exists() else 0


def test_killed_mid_session_nothing_confirmed_is_lost(tmp_path: Path) -> None:
    path = tmp_path / "day.workshop"
    write_demo_in_progress(path)
    before = {row[0] for row in read_back(path, "SELECT id FROM contributions")}
    seed = random.randrange(2**32)
    rng = random.Random(seed)
    confirmed: list[str] = []
    left_behind: list[int] = []
    for round_ in range(ROUNDS):
        recorder = Recorder(path, "--seed", str(seed + round_))
        # Every round after the first opens at once the file a killed process held.
        recorder.wait_ready()
        time.sleep(rng.uniform(0.05, 0.5))  # the moment of the crash
        ids = recorder.kill()
        assert ids, f"round {round_} was killed before it confirmed anything (seed {seed})"
        confirmed += ids
        left_behind.append(wal_size(path))
    # What is on disk, read through a new connection that is not the app's.
    on_disk = {row[0] for row in read_back(path, "SELECT id FROM contributions")}
    lost = [cid for cid in confirmed if cid not in on_disk]
    assert lost == [], f"{len(lost)} of {len(confirmed)} confirmed contributions lost (seed {seed})"
    assert read_back(path, "PRAGMA integrity_check") == [("ok",)]
    # The kills left the last commits in the WAL, for the next opening to recover.
    assert all(size > 0 for size in left_behind), left_behind

    with Document.open(path) as document:
        recorded = {c.id for c in document.contributions.list()}
        assert set(confirmed) <= recorded
        # A round may have committed one contribution it was killed before announcing.
        assert len(recorded - before - set(confirmed)) <= ROUNDS
        last = document.contributions.get(confirmed[-1])
        marker = last.text.split(":")[0]  # "Contribution n", found by the search index
        assert last.id in {hit.contribution_id for hit in document.contributions.search(marker)}
    # Integrity, foreign keys, the search index against the contributions, domain rules.
    assert check_document(path) == []


def test_a_killed_session_leaves_no_lock_behind(tmp_path: Path) -> None:
    path = tmp_path / "day.workshop"
    write_demo_in_progress(path)
    recorder = Recorder(path)
    recorder.wait_ready()
    with pytest.raises(AlreadyOpen):
        Document.open(path)  # the lock is really held while the recorder runs
    confirmed = recorder.kill()
    # Its lock file is still there, but the lock itself went with the process: the file
    # opens at once, with no waiting and no stale-lock clean-up.
    assert lock_path(path).exists()
    with Document.open(path) as document:  # first try: Document.open never waits for a lock
        assert set(confirmed) <= {c.id for c in document.contributions.list()}
