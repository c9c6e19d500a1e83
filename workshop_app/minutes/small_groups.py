"""Counts per stakeholder group in anonymous minutes: a group fewer than k present share is
a name ("Business and industry: 1"), so its rows go into one row, "Other groups".

The other row keeps the totals true (who took part still adds up to those present, the
balance to all turns and time) without saying which small group a person came from. A group
nobody present belongs to names nobody and keeps its row (with its zero).
"""

from __future__ import annotations

from collections.abc import Sequence

from workshop_app.minutes.labels import duration_words
from workshop_app.minutes.model import BalanceRow, GroupPresence


def small_groups(presence: Sequence[GroupPresence], k: int) -> frozenset[str]:
    """The groups that one to k-1 present participants belong to."""
    return frozenset(row.group for row in presence if 0 < row.present < k)


def merged_presence(
    presence: Sequence[GroupPresence], small: frozenset[str], other: str
) -> tuple[GroupPresence, ...]:
    """``presence`` with the ``small`` groups' rows as one row named ``other``, last."""
    kept = tuple(row for row in presence if row.group not in small)
    merged = sum(row.present for row in presence if row.group in small)
    return (*kept, GroupPresence(other, merged)) if merged else kept


def merged_balance(
    rows: Sequence[BalanceRow], small: frozenset[str], other: str
) -> tuple[BalanceRow, ...]:
    """Balance ``rows`` with the ``small`` groups' turns and time as one row named ``other``."""
    mine = [row for row in rows if row.group in small]
    if not mine:
        return tuple(rows)
    seconds = sum(row.seconds for row in mine)
    turns = sum(row.turns for row in mine)
    merged = [
        *(row for row in rows if row.group not in small),
        BalanceRow(other, turns, seconds, "", 0, 0.0),
    ]
    total = sum(row.seconds for row in merged)
    longest = max(row.seconds for row in merged)
    return tuple(
        BalanceRow(
            group=row.group,
            turns=row.turns,
            seconds=row.seconds,
            time=duration_words(row.seconds),
            percent=round(100 * row.seconds / total) if total else 0,
            bar=round(100 * row.seconds / longest, 1) if longest else 0.0,
        )
        for row in merged
    )
