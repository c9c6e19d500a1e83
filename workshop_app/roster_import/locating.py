"""Finding the list of people in a file, when a report puts other tables before it.

Meeting tools write a report title, a summary table, the host and the panelists, and only
then the attendees or registrants, each section under its own title and header. The header
that names most participant fields is the list's, a host's or panelist's section is passed
over when another one is there, and the list ends where the next section begins.
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop_app.roster_import.mapping import header_score, normalise_header

Record = tuple[int, list[str]]

# Records searched for the header: a report's preamble is a few dozen lines at most.
SEARCH_RECORDS = 200
# Sections that hold the organisers of an online event, not the people who registered.
_ORGANISERS = ("host", "panelist", "panellist")


@dataclass(frozen=True)
class Located:
    """The header and rows of the list, and where they were found."""

    header: Record
    rows: list[Record]
    #: The title of the section the list is under ("Attendee Details"), or "".
    section: str = ""


def trim(cells: list[str]) -> list[str]:
    """``cells`` without the empty ones at the end (padding written by spreadsheets)."""
    end = len(cells)
    while end and not cells[end - 1].strip():
        end -= 1
    return cells[:end]


def locate(records: list[Record]) -> Located | None:
    """The list in ``records`` (non-empty ones, trimmed); None when there is no record."""
    filled = [(number, trimmed) for number, cells in records if (trimmed := trim(cells))]
    if not filled:
        return None
    start = _header_index(filled)
    if start is None:
        # Nothing looks like a header of people: the first record is, as the user may map it.
        return Located(filled[0], filled[1:])
    end = len(filled)
    for index in range(start + 1, len(filled)):
        if header_score(filled[index][1]) >= 2:
            end = index - 1 if _title(filled, index) else index
            break
    return Located(filled[start], filled[start + 1 : end], _title(filled, start))


def best_header_score(records: list[list[str]]) -> int:
    """The score of the record that looks most like a header of people."""
    return max((header_score(cells) for cells in records[:SEARCH_RECORDS]), default=0)


def _header_index(filled: list[Record]) -> int | None:
    best: tuple[bool, int, int] | None = None
    chosen = None
    for index, (_number, cells) in enumerate(filled[:SEARCH_RECORDS]):
        score = header_score(cells)
        if not score:
            continue
        title = normalise_header(_title(filled, index))
        of_people = not any(word in title for word in _ORGANISERS)
        key = (of_people, score, -index)  # the first of equals: a plain list's own header
        if best is None or key > best:
            best, chosen = key, index
    return chosen


def _title(filled: list[Record], index: int) -> str:
    """The section title just above record ``index``: a record of one cell, or ""."""
    if index == 0:
        return ""
    cells = filled[index - 1][1]
    return cells[0].strip() if len(cells) == 1 else ""
