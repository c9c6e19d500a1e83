"""How much a registration list may hold, defined once, and the refusal of one that holds more.

Generous for real lists (the largest ticketing exports have a few thousand rows and a few dozen
columns), small enough that a crafted file cannot exhaust the machine: every bound is checked
before or while reading, never after the whole file is in memory.
"""

from __future__ import annotations

from workshop_app.roster_import.errors import RosterImportError

_MIB = 1024 * 1024

#: Rows that hold something (a report's preamble and the header included).
MAX_ROWS = 100_000
#: Columns up to the last one that holds something.
MAX_COLUMNS = 200
#: Characters in one cell.
MAX_CELL = 10_000
#: The file as stored: CSV text, or the XLSX archive (compressed).
MAX_FILE_BYTES = 64 * _MIB
#: One line of CSV text, in characters: every column of a row at its longest.
MAX_LINE = MAX_COLUMNS * (MAX_CELL + 3)

# XLSX parts, uncompressed, as the archive's directory declares them (Python's zipfile never
# inflates a part past its declared size).
#: A worksheet: read as a stream, a row at a time.
MAX_SHEET_BYTES = 128 * _MIB
#: The shared strings: read whole into memory before the first row.
MAX_STRINGS_BYTES = 64 * _MIB
#: Every other part (workbook, styles, relations): each parsed whole.
MAX_PART_BYTES = 16 * _MIB
#: All parts together.
MAX_ARCHIVE_BYTES = 512 * _MIB
#: Parts in the archive.
MAX_PARTS = 10_000
#: How many times larger than stored a part may be; a zip bomb's parts inflate a thousandfold.
MAX_RATIO = 100
#: Parts smaller than this are not held to the ratio (tiny parts compress unevenly).
RATIO_FROM_BYTES = 1 * _MIB

_HINT = (
    f"Nothing was imported. A registration list may have at most {MAX_ROWS:,} rows, "
    f"{MAX_COLUMNS} columns and {MAX_CELL:,} characters in a cell; remove what is not part "
    "of the list, or split it, and try again."
)


#: Excel's last row: a row numbered past it is not a worksheet Excel could have written.
LAST_SHEET_ROW = 1_048_576

_ARCHIVE_HINT = (
    "Nothing was imported. Open the workbook in a spreadsheet program and save the list "
    "alone, in a new workbook or as CSV UTF-8, then try again."
)


def too_large(file_name: str, reason: str, *, archive: bool = False) -> RosterImportError:
    """The refusal of a file past one of the limits; ``reason`` names the limit."""
    return RosterImportError(
        f"Cannot read {file_name}: {reason}.", hint=_ARCHIVE_HINT if archive else _HINT
    )


def size_words(count: int) -> str:
    """A number of bytes as a person reads it: "64 MB", "1.4 GB", "512 bytes"."""
    for unit, size in (("GB", _MIB * 1024), ("MB", _MIB), ("KB", 1024)):
        if count >= size:
            value = count / size
            return f"{value:.1f} {unit}".replace(".0 ", " ")
    return f"{count} bytes"


def too_many_rows(file_name: str) -> RosterImportError:
    return too_large(file_name, f"it has more than {MAX_ROWS:,} rows, the most a list may have")


def too_many_columns(file_name: str, row: int, columns: int) -> RosterImportError:
    return too_large(
        file_name,
        f"row {row} has {columns:,} columns; a list may have at most {MAX_COLUMNS}",
    )


def cell_too_long(row: int, column: str = "", length: int | None = None) -> RosterImportError:
    """A cell past MAX_CELL, named by its row (and column and length, when known)."""
    if length is None:
        message = f"a cell is longer than {MAX_CELL:,} characters, the most a cell may hold"
    else:
        message = f"the cell holds {length:,} characters; a cell may hold at most {MAX_CELL:,}"
    return RosterImportError(
        f"cannot be read: {message}",
        row=row,
        columns=(column,) if column else (),
        hint=_HINT,
    )
