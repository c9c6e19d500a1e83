"""Temporary files of a killed import are cleaned at the next start (issue 14, "Low").

A workshop is built under a hidden temporary name beside its target and moved into place at
the end; a process killed half-way leaves that file behind. The next import or open of the
same target removes it, but never one that a live process is still writing: each temporary
file is held (an OS lock on it) by the process writing it. One only just made may not be held
yet, so files younger than ``STALE_AFTER`` are left too; the tests age the leftovers.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.conftest import read_back
from tests.security.crafted import ROOT
from workshop_app.cli import main
from workshop_app.fileio import STALE_AFTER
from workshop_app.store import Document

# A process that builds a new workshop at argv[1] and stops half-way, until told to go on.
HALF_WAY_IMPORT = """
import sys
from pathlib import Path
from workshop_app.store import connection
with connection.new_file(Path(sys.argv[1])) as db:
    db.execute("CREATE TABLE half_way (x)")
    db.execute("INSERT INTO half_way VALUES (zeroblob(100000))")
    print("ready", flush=True)
    sys.stdin.readline()
"""
# A process writing a temporary file beside argv[1] without the target's lock, as Save a Copy
# As does when it replaces a file.
WRITING_A_COPY = """
import sys
from pathlib import Path
from workshop_app.fileio import temp_beside
tmp = temp_beside(Path(sys.argv[1]))
tmp.write_bytes(b"half a copy")
print(tmp, flush=True)
sys.stdin.readline()
"""


@pytest.fixture
def child() -> Iterator[list[subprocess.Popen[str]]]:
    started: list[subprocess.Popen[str]] = []
    yield started
    for process in started:
        if process.poll() is None:
            process.kill()
        process.wait(timeout=30)


def start(started: list[subprocess.Popen[str]], code: str, target: Path) -> str:
    process = subprocess.Popen(
        [sys.executable, "-c", code, str(target)],
        cwd=ROOT,
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    started.append(process)
    assert process.stdout is not None
    return process.stdout.readline().strip()


def kill(process: subprocess.Popen[str]) -> None:
    process.kill()
    process.wait(timeout=30)


def temporaries(target: Path) -> list[Path]:
    return sorted(target.parent.glob(f".{target.name}.*.tmp*"))


def age(paths: list[Path]) -> None:
    """Make ``paths`` look as old as a leftover of an earlier day."""
    old = time.time() - 10 * STALE_AFTER
    for path in paths:
        os.utime(path, (old, old))


def test_a_killed_import_leaves_a_temporary_file_the_next_import_removes(
    tmp_path: Path, child: list[subprocess.Popen[str]]
) -> None:
    target = tmp_path / "new.workshop"
    assert start(child, HALF_WAY_IMPORT, target) == "ready"
    kill(child[0])
    left = temporaries(target)
    assert left, "the killed import left no temporary file"
    assert not target.exists()
    age(left)
    source = tmp_path / "demo.json"
    assert main(["demo", str(tmp_path / "demo.workshop")]) == 0
    assert main(["export", str(tmp_path / "demo.workshop"), "-f", "json", "-o", str(source)]) == 0
    assert main(["import-json", str(source), str(target)]) == 0
    assert temporaries(target) == []
    assert read_back(target, "SELECT count(*) FROM participants")[0][0]
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_a_temporary_file_a_live_process_writes_is_kept_until_it_dies(
    demo_path: Path, child: list[subprocess.Popen[str]]
) -> None:
    tmp = Path(start(child, WRITING_A_COPY, demo_path))
    assert temporaries(demo_path) == [tmp]
    age([tmp])  # old enough: only the lock the writer holds protects it
    Document.open(demo_path).close()
    assert tmp.read_bytes() == b"half a copy"
    kill(child[0])
    Document.open(demo_path).close()  # the next start
    assert temporaries(demo_path) == []


def test_only_old_temporaries_of_this_target_are_removed(demo_path: Path) -> None:
    young = demo_path.with_name(f".{demo_path.name}.0123abcd.tmp")
    young.write_bytes(b"just made")
    other = demo_path.with_name(".other.workshop.0123abcd.tmp")
    other.write_bytes(b"another file's")
    unrelated = demo_path.with_name(f".{demo_path.name}.notes.tmp")
    unrelated.write_bytes(b"not ours")
    age([other, unrelated])
    Document.open(demo_path).close()
    assert young.exists() and other.exists() and unrelated.exists()
    age([young])
    Document.open(demo_path).close()
    assert not young.exists()
    assert other.exists() and unrelated.exists()
