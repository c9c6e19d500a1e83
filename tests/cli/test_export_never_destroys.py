"""The command line's exports: a default name per mode, and a refused write said in words."""

from __future__ import annotations

import errno
import os
from pathlib import Path

import pytest

from workshop_app.cli import main


def test_default_names_say_the_mode_and_never_collide(
    demo_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["export", str(demo_path), "-f", "md"]) == 0
    assert main(["export", str(demo_path), "-f", "md", "-a", "anonymous", "--force"]) == 0
    named = demo_path.with_name("demo-minutes-named.md").read_text(encoding="utf-8")
    anonymous = demo_path.with_name("demo-minutes-anonymous.md").read_text(encoding="utf-8")
    assert "Ingrid Solberg" in named
    assert "Ingrid Solberg" not in anonymous
    # Without --force an existing export is refused, as the spec says, and left as it was.
    before = demo_path.with_name("demo-minutes-named.md").read_bytes()
    capsys.readouterr()
    assert main(["export", str(demo_path), "-f", "md"]) == 1
    assert "already exists" in capsys.readouterr().err
    assert demo_path.with_name("demo-minutes-named.md").read_bytes() == before


def test_a_read_only_folder_is_named_in_one_line(
    demo_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    def refuse(src: object, _dst: object) -> None:
        raise OSError(errno.EROFS, "Read-only file system", str(src))

    monkeypatch.setattr(os, "replace", refuse)  # tests run as root: chmod would not refuse
    assert main(["export", str(demo_path), "-f", "html"]) == 1
    lines = capsys.readouterr().err.strip().splitlines()
    assert len(lines) == 1
    folder = demo_path.parent.resolve()
    assert lines[0].startswith(
        f"workshop-app: demo-minutes-named.html could not be written in the folder {folder}: "
        "it is on a read-only disk."
    )
    assert ".tmp" not in lines[0] and "Errno" not in lines[0]
    assert [p.name for p in demo_path.parent.iterdir() if "workshop" not in p.name] == []
