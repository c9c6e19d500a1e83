"""Before-and-after pictures of a few rows, so that chair actions undo and redo exactly.

Starting an item or giving the floor stamps times from the clock; redoing it later must put
back the same times, not new ones. So such an edit captures the rows it touches before and
after, and undo and redo put one picture or the other back.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database


@dataclass(frozen=True)
class RowState:
    """The rows of ``table`` matching a fixed SQL condition, as they were."""

    table: str
    where: str
    params: tuple[Any, ...]
    rows: tuple[dict[str, Any], ...]


def capture(db: Database, table: str, where: str, params: Sequence[Any] = ()) -> RowState:
    rows = db.query(f"SELECT * FROM {table} WHERE {where} ORDER BY seq", list(params))  # noqa: S608
    return RowState(table, where, tuple(params), tuple(rows))


def put_back(db: Database, state: RowState) -> None:
    """Make the matching rows exactly ``state.rows`` again (inside the caller's transaction)."""
    keep = [row["seq"] for row in state.rows]
    marks = ",".join("?" * len(keep)) or "NULL"
    db.execute(
        f"DELETE FROM {state.table} WHERE ({state.where}) AND seq NOT IN ({marks})",  # noqa: S608
        [*state.params, *keep],
    )
    if state.rows:
        db.table(state.table).upsert_all(state.rows, pk="seq")
