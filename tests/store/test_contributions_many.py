"""Several contributions changed or deleted at once: one transaction, all or none."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import read_back
from workshop_app.store import Document
from workshop_app.store.errors import NotFound

CHOSEN = "SELECT id, highlight FROM contributions WHERE id IN ('c03', 'c04', 'c05') ORDER BY id"


def test_delete_many_is_one_commit_and_restores_with_links_and_search(demo_path: Path) -> None:
    with Document.open(demo_path) as doc:
        commits: list[object] = []
        doc.subscribe(commits.append)
        links = read_back(demo_path, "SELECT count(*) FROM consensus_support")
        snapshot = doc.contributions.delete_many(["c03", "c04", "c05"])
        assert len(commits) == 1
        assert read_back(demo_path, CHOSEN) == []
        doc.contributions.restore(snapshot)
        assert len(commits) == 2
        assert [r[0] for r in read_back(demo_path, CHOSEN)] == ["c03", "c04", "c05"]
        assert read_back(demo_path, "SELECT count(*) FROM consensus_support") == links
        text = doc.contributions.get("c04").text
        assert "c04" in {hit.contribution_id for hit in doc.contributions.search(text.split()[0])}


def test_many_changes_are_all_or_none(demo_path: Path) -> None:
    before = read_back(demo_path, CHOSEN)
    with Document.open(demo_path) as doc:
        with pytest.raises(NotFound):
            doc.contributions.delete_many(["c03", "gone"])
        with pytest.raises(NotFound):
            doc.contributions.update_many({"c04": {"highlight": True}, "gone": {"highlight": True}})
        assert read_back(demo_path, CHOSEN) == before
        old = doc.contributions.update_many({c: {"highlight": True} for c in ("c03", "c04", "c05")})
        assert read_back(demo_path, CHOSEN) == [("c03", 1), ("c04", 1), ("c05", 1)]
        doc.contributions.update_many(old)
        assert read_back(demo_path, CHOSEN) == before
