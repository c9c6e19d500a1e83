"""How messages name the columns of a registration list."""

from __future__ import annotations

from collections.abc import Sequence

from workshop_app.roster_import.errors import quote


def column_label(headers: Sequence[str], index: int) -> str:
    """Column ``index`` as messages name it: its header in quotes, or its letter if unnamed."""
    header = headers[index] if index < len(headers) else ""
    return quote(header) if header else column_letter(index)


def column_letter(index: int) -> str:
    """The spreadsheet letter of 0-based column ``index``: A, B, ..., Z, AA, ..."""
    letters = ""
    index += 1
    while index:
        index, remainder = divmod(index - 1, 26)
        letters = chr(ord("A") + remainder) + letters
    return letters
