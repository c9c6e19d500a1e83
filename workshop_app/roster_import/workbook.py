"""Reading the first worksheet of an XLSX workbook, within the limits.

The archive's directory is checked before openpyxl reads any part of it: how large each part
would be once inflated, and how tightly it is packed (a zip bomb's parts inflate a
thousandfold). Then the sheet's stated size, then each row as it streams by.
"""

from __future__ import annotations

import datetime as dt
import re
import zipfile
from typing import Any, BinaryIO

import openpyxl  # type: ignore[import-untyped]

from workshop_app.roster_import.columns import column_letter
from workshop_app.roster_import.errors import RosterImportError
from workshop_app.roster_import.limits import (
    LAST_SHEET_ROW,
    MAX_ARCHIVE_BYTES,
    MAX_CELL,
    MAX_COLUMNS,
    MAX_PART_BYTES,
    MAX_PARTS,
    MAX_RATIO,
    MAX_ROWS,
    MAX_SHEET_BYTES,
    MAX_STRINGS_BYTES,
    RATIO_FROM_BYTES,
    cell_too_long,
    size_words,
    too_large,
    too_many_columns,
    too_many_rows,
)

Record = tuple[int, list[str]]

# Worksheets are read as a stream; every other part is parsed whole, so it is held tighter.
_SHEET_PART = re.compile(r"xl/worksheets/[^/]+\.xml", re.IGNORECASE)
_STRINGS_PART = re.compile(r"xl/sharedStrings\.xml", re.IGNORECASE)


def read_xlsx(fh: BinaryIO, file_name: str) -> list[Record]:
    """The rows of the first worksheet, numbered as the spreadsheet numbers them."""
    check_archive(fh, file_name)
    fh.seek(0)
    # openpyxl meets damaged archives and XML with many kinds of exception; all mean the same.
    try:
        workbook = openpyxl.load_workbook(fh, read_only=True, data_only=True)
    except Exception as error:
        raise RosterImportError.unreadable(
            file_name, "it is not a readable Excel workbook"
        ) from error
    try:
        if not workbook.worksheets:
            raise RosterImportError.unreadable(file_name, "the workbook has no worksheet")
        sheet = workbook.worksheets[0]
        _check_stated_size(sheet, file_name)
        # Read-only mode trusts the stored sheet size, which some tools write wrongly.
        sheet.reset_dimensions()
        return _rows(sheet, file_name)
    except RosterImportError:
        raise
    except Exception as error:
        raise RosterImportError.unreadable(file_name, "its first worksheet is damaged") from error
    finally:
        workbook.close()


def check_archive(fh: BinaryIO, file_name: str) -> None:
    """Refuse a workbook whose parts would inflate past the limits, before any is read."""
    fh.seek(0)
    try:
        with zipfile.ZipFile(fh) as archive:
            parts = archive.infolist()
    except (zipfile.BadZipFile, zipfile.LargeZipFile, EOFError, ValueError) as error:
        raise RosterImportError.unreadable(
            file_name, "it is not a readable Excel workbook"
        ) from error
    if len(parts) > MAX_PARTS:
        reason = f"it is an archive of {len(parts):,} parts; a workbook may have {MAX_PARTS:,}"
        raise too_large(file_name, reason, archive=True)
    total = 0
    for part in parts:
        limit = _part_limit(part.filename)
        if part.file_size > limit:
            reason = (
                f"its part {part.filename} would take {size_words(part.file_size)} once "
                f"unpacked; at most {size_words(limit)} is read"
            )
            raise too_large(file_name, reason, archive=True)
        stored = max(part.compress_size, 1)
        if part.file_size >= RATIO_FROM_BYTES and part.file_size > MAX_RATIO * stored:
            reason = (
                f"its part {part.filename} is packed {part.file_size // stored:,} to 1 "
                f"({size_words(stored)} that unpack to {size_words(part.file_size)}); a "
                f"workbook's parts are packed at most {MAX_RATIO} to 1"
            )
            raise too_large(file_name, reason, archive=True)
        total += part.file_size
    if total > MAX_ARCHIVE_BYTES:
        reason = (
            f"it would take {size_words(total)} once unpacked; at most "
            f"{size_words(MAX_ARCHIVE_BYTES)} is read"
        )
        raise too_large(file_name, reason, archive=True)


def _part_limit(name: str) -> int:
    if _SHEET_PART.fullmatch(name):
        return MAX_SHEET_BYTES
    if _STRINGS_PART.fullmatch(name):
        return MAX_STRINGS_BYTES
    return MAX_PART_BYTES


def _check_stated_size(sheet: Any, file_name: str) -> None:
    """Refuse a sheet whose stated size (its "dimension") is past the limits."""
    rows = sheet.max_row or 0
    columns = sheet.max_column or 0
    if columns > MAX_COLUMNS:
        reason = (
            f"its first worksheet is {columns:,} columns wide (up to column "
            f"{column_letter(columns - 1)}); a list may have at most {MAX_COLUMNS}"
        )
        raise too_large(file_name, reason)
    if rows > MAX_ROWS:
        reason = f"its first worksheet has {rows:,} rows; a list may have at most {MAX_ROWS:,}"
        raise too_large(file_name, reason)


def _rows(sheet: Any, file_name: str) -> list[Record]:
    records: list[Record] = []
    for number, row in enumerate(sheet.iter_rows(values_only=True), 1):
        if number > LAST_SHEET_ROW:
            raise RosterImportError.unreadable(file_name, "its first worksheet is damaged")
        width = len(row)
        while width and _is_empty(row[width - 1]):
            width -= 1
        if not width:
            continue
        if number > MAX_ROWS:
            raise too_many_rows(file_name)
        if width > MAX_COLUMNS:
            raise too_many_columns(file_name, number, width)
        # Padding past the limit is dropped: the list's width is all that is kept.
        cells = [_cell_text(value) for value in row[:MAX_COLUMNS]]
        for index, cell in enumerate(cells[:width]):
            if len(cell) > MAX_CELL:
                raise cell_too_long(number, column_letter(index), len(cell))
        records.append((number, cells))
    return records


def _is_empty(value: object) -> bool:
    return value is None or (isinstance(value, str) and not value.strip())


def _cell_text(value: object) -> str:
    """A cell's value as the text a person would read in the spreadsheet."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "TRUE" if value else "FALSE"
    if isinstance(value, float):
        # 3.2470123456E10 is a phone number typed into a number cell, not a fraction.
        if value.is_integer() and abs(value) < 1e15:
            return str(int(value))
        return f"{value:.15g}"
    if isinstance(value, dt.datetime):
        if value.time() == dt.time():
            return value.date().isoformat()
        return value.isoformat(sep=" ", timespec="minutes" if not value.second else "seconds")
    if isinstance(value, dt.time):
        return value.isoformat(timespec="minutes" if not value.second else "seconds")
    return str(value).strip()
