"""Fixtures shared by the whole suite: each test gets its own workshop file."""

from __future__ import annotations

import sqlite3
from collections.abc import Iterator
from pathlib import Path

import pytest

from workshop_app.domain.model import Workshop
from workshop_app.store import Document


@pytest.fixture(autouse=True)
def _isolated_user_dirs(
    tmp_path_factory: pytest.TempPathFactory, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Never write logs or settings into the real user's folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("WORKSHOP_APP_LOG_DIR", str(home / "logs"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))


@pytest.fixture
def workshop_path(tmp_path: Path) -> Path:
    """Path of a fresh, closed workshop file with a title and two groups."""
    path = tmp_path / "test.workshop"
    Document.create(
        path, Workshop(title="Test workshop", stakeholder_groups=("Civil society", "Partners"))
    ).close()
    return path


@pytest.fixture
def document(workshop_path: Path) -> Iterator[Document]:
    """The fresh workshop, open."""
    doc = Document.open(workshop_path)
    yield doc
    doc.close()


@pytest.fixture
def demo_path(tmp_path: Path) -> Path:
    from workshop_app.demo import write_demo

    path = tmp_path / "demo.workshop"
    write_demo(path)
    return path


def read_back(path: Path, sql: str, params: tuple[object, ...] = ()) -> list[tuple[object, ...]]:
    """Rows of ``sql`` read through a new, independent connection (what is really on disk)."""
    conn = sqlite3.connect(f"file:{path}?mode=ro", uri=True)
    try:
        return conn.execute(sql, params).fetchall()
    finally:
        conn.close()
