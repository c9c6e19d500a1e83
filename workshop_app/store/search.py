"""Full-text search over contributions (SQLite FTS5), kept in step by the store itself.

Every write that adds, changes or removes contributions calls ``index``/``unindex`` in the
same transaction; triggers cannot do it because ``trusted_schema=OFF`` bars virtual tables
from them.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from typing import Any

from sqlite_utils import Database

_WORD = re.compile(r"\w+", re.UNICODE)


def index(db: Database, where: str, params: Sequence[Any] = ()) -> None:
    """Add the contributions matching ``where`` (a fixed SQL condition) to the index."""
    sql = "INSERT INTO contributions_fts(rowid, text) SELECT seq, text FROM contributions WHERE "
    db.execute(sql + where, list(params))


def unindex(db: Database, where: str, params: Sequence[Any] = ()) -> None:
    """Take the contributions matching ``where`` out of the index (before they change)."""
    sql = (
        "INSERT INTO contributions_fts(contributions_fts, rowid, text)"
        " SELECT 'delete', seq, text FROM contributions WHERE "
    )
    db.execute(sql + where, list(params))


def rebuild(db: Database) -> None:
    db.execute("INSERT INTO contributions_fts(contributions_fts) VALUES ('rebuild')")


def match_expression(query: str) -> str | None:
    """What the user typed as an FTS5 query: every word must appear, the last as a prefix.

    Words are quoted, so FTS5 operators and punctuation in the query are plain text.
    """
    words = _WORD.findall(query)
    if not words:
        return None
    quoted = [f'"{word}"' for word in words]
    quoted[-1] += "*"
    return " ".join(quoted)


@dataclass(frozen=True)
class Hit:
    contribution_id: str
    agenda_item_id: str
    snippet: str


def search(db: Database, query: str, limit: int = 200) -> list[Hit]:
    """Contributions matching ``query``, newest first, with a snippet (matches in [brackets]).

    Newest first, not by relevance: during the day the rapporteur looks for what was just
    said, and ranking every match of a common word (40,000 in the large benchmark workshop)
    took 40-75 ms a query, against 3-10 ms for the newest 200.
    """
    expression = match_expression(query)
    if expression is None:
        return []
    rows = db.query(
        "SELECT c.id, c.agenda_item_id, "
        "snippet(contributions_fts, 0, '[', ']', '…', 12) AS snippet "
        "FROM contributions_fts JOIN contributions c ON c.seq = contributions_fts.rowid "
        "WHERE contributions_fts MATCH ? ORDER BY contributions_fts.rowid DESC LIMIT ?",
        [expression, limit],
    )
    return [Hit(r["id"], r["agenda_item_id"], r["snippet"]) for r in rows]
