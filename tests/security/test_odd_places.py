"""Odd places: a folder where a file was expected is said as such, and nothing is written."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.security.helpers import run_cli
from workshop_app.demo import write_demo
from workshop_app.store import Document
from workshop_app.store.errors import IsAFolder


def test_a_folder_named_like_a_workshop_is_a_folder(tmp_path: Path) -> None:
    folder = tmp_path / "x.workshop"
    folder.mkdir()
    with pytest.raises(IsAFolder):
        Document.open(folder)
    with pytest.raises(IsAFolder):
        write_demo(folder)
    for args in (
        ("check", "x.workshop"),
        ("export", "x.workshop", "--format", "md"),
        ("demo", "x.workshop"),
    ):
        result = run_cli(*args, cwd=tmp_path)
        assert result.returncode == 1, args
        line = result.stderr.strip()
        assert line.startswith("workshop-app: ") and "\n" not in line, line
        assert line.endswith("x.workshop is a folder, not a workshop file."), line
    assert list(folder.iterdir()) == []
