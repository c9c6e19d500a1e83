"""The command line says what went wrong in one plain line, never "unexpected error", and
leaves every file as it was (issue 14, "Low": the command line and the interchange file).

A full disk is a child process under RLIMIT_FSIZE (SIGXFSZ ignored, so writes fail with
EFBIG, as a full quota does); a read-only file system is ``os.open`` refusing with EROFS in
that folder (the tests may run as root, for whom chmod refuses nothing).
"""

from __future__ import annotations

import errno
import hashlib
import json
import os
from pathlib import Path
from typing import Any

import pytest

from tests.conftest import read_back
from tests.security.crafted import cli_in_child
from workshop_app.cli import main
from workshop_app.demo import write_demo

HEADROOM = 40_000


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def one_line(stderr: str) -> str:
    line = stderr.strip()
    assert "\n" not in line and line.startswith("workshop-app: "), stderr
    assert "unexpected error" not in line and "Traceback" not in stderr
    return line


@pytest.fixture
def interchange(tmp_path: Path) -> Path:
    """The demo workshop as an interchange file."""
    workshop = tmp_path / "demo.workshop"
    write_demo(workshop)
    path = tmp_path / "demo.json"
    assert main(["export", str(workshop), "--format", "json", "-o", str(path)]) == 0
    workshop.unlink()
    return path


@pytest.fixture
def people(tmp_path: Path) -> Path:
    path = tmp_path / "people.csv"
    with open(path, "w", encoding="utf-8") as out:
        out.write("First name,Last name,Organisation\n")
        for n in range(3000):
            letters = "".join(chr(ord("a") + (n // 26**k) % 26) for k in range(3))
            out.write(f"Anna{letters},Lind{letters},Council of {letters} and neighbours\n")
    return path


def hidden_leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("."))


def read_only_folder(monkeypatch: pytest.MonkeyPatch, folder: Path) -> None:
    """Every file opened for writing in ``folder`` is refused as on a read-only medium."""
    real_open = os.open

    def refusing(path: Any, flags: int, *args: Any, **kwargs: Any) -> int:
        writing = flags & (os.O_WRONLY | os.O_RDWR | os.O_CREAT)
        if writing and Path(path).resolve().parent == folder.resolve():
            raise OSError(errno.EROFS, os.strerror(errno.EROFS), str(path))
        return real_open(path, flags, *args, **kwargs)

    monkeypatch.setattr(os, "open", refusing)


# -- import-json ------------------------------------------------------------------------------


def test_import_json_onto_a_full_disk_says_so_and_leaves_nothing(
    tmp_path: Path, interchange: Path
) -> None:
    out = tmp_path / "new.workshop"
    done = cli_in_child("import-json", str(interchange), str(out), file_size_limit=HEADROOM)
    assert done.returncode == 1
    line = one_line(done.stderr)
    assert line.startswith(
        f"workshop-app: new.workshop could not be written in the folder {tmp_path}"
    )
    assert "the disk did not take it (it may be full, or the file too large for it)" in line
    assert not out.exists()
    assert hidden_leftovers(tmp_path) == []


def test_import_json_onto_a_read_only_disk_says_so(
    tmp_path: Path,
    interchange: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    folder = tmp_path / "usb"
    folder.mkdir()
    read_only_folder(monkeypatch, folder)
    assert main(["import-json", str(interchange), str(folder / "new.workshop")]) == 1
    line = one_line(capsys.readouterr().err)
    assert (
        f"new.workshop could not be written in the folder {folder}: it is on a read-only disk."
        in line
    )
    assert list(folder.iterdir()) == []


@pytest.mark.parametrize("spelling", ["same", "dot", "symlink", "hard link"])
def test_import_json_never_replaces_its_own_input(
    spelling: str,
    tmp_path: Path,
    interchange: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    monkeypatch.chdir(tmp_path)
    out = {"same": "demo.json", "dot": "./sub/../demo.json"}.get(spelling, "other.json")
    (tmp_path / "sub").mkdir()
    if spelling == "symlink":
        (tmp_path / out).symlink_to(interchange)
    elif spelling == "hard link":
        os.link(interchange, tmp_path / out)
    before = digest(interchange)
    assert main(["import-json", "demo.json", out, "--force"]) == 1
    line = one_line(capsys.readouterr().err)
    assert f"{out} is demo.json itself" in line
    assert digest(interchange) == before
    json.loads(interchange.read_text(encoding="utf-8"))  # still the interchange file


def test_deep_nesting_is_refused_naming_the_depth(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    deep = tmp_path / "deep.json"
    deep.write_text("[" * 100_000 + "]" * 100_000, encoding="utf-8")
    assert main(["import-json", str(deep), str(tmp_path / "out.workshop")]) == 1
    line = one_line(capsys.readouterr().err)
    assert (
        "nested too deeply (100,000 lists and objects inside one another; a workshop file "
        "has at most 64" in line
    )
    assert not (tmp_path / "out.workshop").exists()


def test_a_5000_digit_number_is_refused_naming_its_place(
    tmp_path: Path, interchange: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    text = interchange.read_text(encoding="utf-8")
    text = text.replace('"planned_minutes": 30,', '"planned_minutes": ' + "3" * 5000 + ",", 1)
    interchange.write_text(text, encoding="utf-8")
    assert main(["import-json", str(interchange), str(tmp_path / "out.workshop")]) == 1
    line = one_line(capsys.readouterr().err)
    assert line == (
        "workshop-app: agenda[0].planned_minutes: a number of 5,000 digits; a number in a "
        "workshop file has at most 100"
    )


# -- import-participants ----------------------------------------------------------------------


def test_import_participants_onto_a_full_disk_adds_no_one(
    workshop_path: Path, people: Path
) -> None:
    before = read_back(workshop_path, "SELECT * FROM participants")
    limit = workshop_path.stat().st_size + HEADROOM
    done = cli_in_child(
        "import-participants", str(workshop_path), str(people), file_size_limit=limit
    )
    assert done.returncode == 1
    line = one_line(done.stderr)
    assert "the disk did not take it" in line
    assert f"No one was added: {workshop_path} is as it was." in line
    assert "Save a Copy As" not in line  # the app's menu; this is the command line
    assert read_back(workshop_path, "SELECT * FROM participants") == before


def test_import_participants_on_a_read_only_disk_adds_no_one(
    workshop_path: Path,
    people: Path,
    monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    before = digest(workshop_path)
    read_only_folder(monkeypatch, workshop_path.parent)
    assert main(["import-participants", str(workshop_path), str(people)]) == 1
    line = one_line(capsys.readouterr().err)
    assert f"{workshop_path} is read-only: changes cannot be saved to it." in line
    assert f"No one was added: {workshop_path} is as it was." in line
    assert digest(workshop_path) == before


# -- export -----------------------------------------------------------------------------------


@pytest.mark.parametrize("force", [False, True])
def test_export_to_a_folder_says_it_is_a_folder(
    force: bool, demo_path: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    folder = tmp_path / "minutes"
    folder.mkdir()
    args = ["export", str(demo_path), "--format", "md", "-o", str(folder)]
    assert main(args + (["--force"] if force else [])) == 1
    line = one_line(capsys.readouterr().err)
    assert line.startswith(f"workshop-app: {folder} is a folder; give the name of a file")
    assert f"-o {folder / 'demo-minutes-named.md'}" in line
    assert list(folder.iterdir()) == []
