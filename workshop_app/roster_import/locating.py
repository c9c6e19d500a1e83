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
    filled = [
        _Filled(number, trimmed, len(cells))
        for number, cells in records
        if (trimmed := trim(cells))
    ]
    if not filled:
        return None
    start = _header_index(filled)
    end = len(filled)
    for index in range(start + 1, len(filled)):
        if _next_section(filled, start, index):
            end = index - 1 if _title(filled, index) else index
            break
    return Located(
        (filled[start].number, filled[start].cells),
        [(record.number, record.cells) for record in filled[start + 1 : end]],
        _title(filled, start) if start else "",
    )


def best_header_score(records: list[list[str]]) -> int:
    """The score of the record that looks most like a header of people."""
    return max((header_score(cells) for cells in records[:SEARCH_RECORDS]), default=0)


@dataclass(frozen=True)
class _Filled:
    number: int
    cells: list[str]
    #: The record's width as written, empty cells at the end included: a CSV writer gives every
    #: record of one table the same width, so a change of width is a change of table.
    width: int


def _header_index(filled: list[_Filled]) -> int:
    """The first record, unless it is a report's title or summary and a list of people follows."""
    first = filled[0]
    best: tuple[bool, int, int] = (True, header_score(first.cells), 0)
    chosen = 0
    for index in range(1, min(len(filled), SEARCH_RECORDS)):
        record = filled[index]
        score = header_score(record.cells)
        if score < 2 or (len(first.cells) > 1 and record.width == first.width):
            continue  # a row of the same table as the first record, not a header of another
        title = normalise_header(_title(filled, index))
        of_people = not any(word in title for word in _ORGANISERS)
        key = (of_people, score, -index)
        if key > best:
            best, chosen = key, index
    return chosen


def _next_section(filled: list[_Filled], start: int, index: int) -> bool:
    """True when record ``index`` is the header of a table after the list (of other width)."""
    record, header = filled[index], filled[start]
    if header_score(record.cells) < 2:
        return False
    title = filled[index - 1] if _title(filled, index) else None
    return record.width != header.width or (title is not None and title.width != header.width)


def _title(filled: list[_Filled], index: int) -> str:
    """The section title just above record ``index``: a record of one cell, or ""."""
    if index == 0:
        return ""
    cells = filled[index - 1].cells
    return cells[0].strip() if len(cells) == 1 else ""
