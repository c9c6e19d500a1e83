"""Reading a registration list, CSV or XLSX, into a plain table of text cells, within the
limits of ``limits.py`` (CSV text in ``textfile.py``, workbooks in ``workbook.py``)."""

from __future__ import annotations

import io
import os
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from workshop_app.roster_import.columns import column_label
from workshop_app.roster_import.columns import column_letter as column_letter
from workshop_app.roster_import.errors import RosterImportError
from workshop_app.roster_import.limits import MAX_FILE_BYTES, size_words, too_large
from workshop_app.roster_import.locating import locate
from workshop_app.roster_import.textfile import read_csv
from workshop_app.roster_import.workbook import read_xlsx

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old binary .xls (and .doc) container
_EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm")


@dataclass
class RawTable:
    """A table as read from the file: header cells, data rows, and where each row came from."""

    headers: list[str]
    rows: list[list[str]]
    #: 1-based row number in the file (as a spreadsheet shows it) of each data row.
    source_rows: list[int]
    #: How the file was read, for the preview: "XLSX" or e.g. "CSV, UTF-8, semicolon-separated".
    source_format: str = ""
    #: 1-based row of the header: past the first row when a report has other tables above.
    header_row: int = 1
    #: The title of the report's section the list was found under ("Attendee Details"), or "".
    section: str = ""

    def column_label(self, index: int) -> str:
        """How messages name column ``index``: its header in quotes, or its letter if unnamed."""
        return column_label(self.headers, index)


def read_table(path: Path) -> RawTable:
    """Read the first sheet of an XLSX file or a CSV file; raises RosterImportError if unusable."""
    path = Path(path)
    try:
        with open(path, "rb") as fh:
            return _parse(fh, os.fstat(fh.fileno()).st_size, path.name)
    except OSError as error:
        raise RosterImportError.unreadable(path.name, error.strerror or str(error)) from error


def parse_bytes(data: bytes, file_name: str) -> RawTable:
    """Read ``data``, the contents of a file called ``file_name`` (the name messages use)."""
    return _parse(io.BytesIO(data), len(data), file_name)


def _parse(fh: BinaryIO, size: int, file_name: str) -> RawTable:
    if size > MAX_FILE_BYTES:
        reason = (
            f"it is {size_words(size)} large; a registration list may be at most "
            f"{size_words(MAX_FILE_BYTES)}"
        )
        raise too_large(file_name, reason)
    magic = fh.read(len(_OLE_MAGIC))
    # The content decides first: an .xlsx saved with a .csv name is still a workbook.
    if magic.startswith(_ZIP_MAGIC):
        records = read_xlsx(fh, file_name)
        source_format = "XLSX"
    elif magic.startswith(_OLE_MAGIC):
        raise RosterImportError.unreadable(
            file_name, "it is an old Excel .xls workbook; save it as .xlsx or CSV"
        )
    elif file_name.lower().endswith(_EXCEL_SUFFIXES):
        raise RosterImportError.unreadable(file_name, "it is not a valid Excel workbook")
    elif size == 0:
        raise RosterImportError.unreadable(file_name, "it is empty")
    else:
        records, source_format = read_csv(fh, file_name)
    return _to_table(records, file_name, source_format)


# -- both -----------------------------------------------------------------------------------


def _to_table(records: list[tuple[int, list[str]]], file_name: str, source_format: str) -> RawTable:
    """The list of people in ``records``: its header and the non-empty rows after it."""
    located = locate(records)
    if located is None:
        raise RosterImportError.unreadable(file_name, "it has no header row")
    header = located.header[1]
    rows = [cells for _number, cells in located.rows]
    # Every row as wide as the widest, so that a column without a header can still be mapped.
    width = max([len(header), *(len(row) for row in rows)])
    headers = header + [""] * (width - len(header))
    padded = [row + [""] * (width - len(row)) for row in rows]
    return RawTable(
        headers,
        padded,
        [number for number, _cells in located.rows],
        source_format,
        header_row=located.header[0],
        section=located.section,
    )
