"""Reading a registration list, CSV or XLSX, into a plain table of text cells."""

from __future__ import annotations

import codecs
import csv
import datetime as dt
import io
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

import openpyxl  # type: ignore[import-untyped]

from workshop_app.roster_import.columns import column_label
from workshop_app.roster_import.columns import column_letter as column_letter
from workshop_app.roster_import.errors import RosterImportError, quote
from workshop_app.roster_import.locating import SEARCH_RECORDS, best_header_score, locate, trim

_ZIP_MAGIC = b"PK\x03\x04"
_OLE_MAGIC = b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"  # the old binary .xls (and .doc) container
_EXCEL_SUFFIXES = (".xlsx", ".xlsm", ".xltx", ".xltm")

# Candidates, the first winning a tie: a tab almost never occurs inside a name, a comma often does.
_DELIMITERS = ("\t", ";", ",")
_DELIMITER_NAMES = {"\t": "tab", ";": "semicolon", ",": "comma"}
_SEP_HINT = re.compile(r"sep=([^\r\n\"])[ \t]*(?:\r\n|\r|\n)", re.IGNORECASE)
# Records looked at to choose the delimiter; a registration list shows its shape early.
_SNIFF_RECORDS = 50


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
        data = path.read_bytes()
    except OSError as error:
        raise RosterImportError.unreadable(path.name, error.strerror or str(error)) from error
    return parse_bytes(data, path.name)


def parse_bytes(data: bytes, file_name: str) -> RawTable:
    """Read ``data``, the contents of a file called ``file_name`` (the name messages use)."""
    # The content decides first: an .xlsx saved with a .csv name is still a workbook.
    if data.startswith(_ZIP_MAGIC):
        records = _read_xlsx(data, file_name)
        source_format = "XLSX"
    elif data.startswith(_OLE_MAGIC):
        raise RosterImportError.unreadable(
            file_name, "it is an old Excel .xls workbook; save it as .xlsx or CSV"
        )
    elif file_name.lower().endswith(_EXCEL_SUFFIXES):
        raise RosterImportError.unreadable(file_name, "it is not a valid Excel workbook")
    else:
        text, encoding = _decode(data, file_name)
        hint = _SEP_HINT.match(text)
        if hint:
            # Excel's own "sep=;" first line names the delimiter, and Excel hides that line.
            text, delimiter = text[hint.end() :], hint.group(1)
        else:
            delimiter = _choose_delimiter(text)
        records = _read_csv(text, delimiter)
        name = _DELIMITER_NAMES.get(delimiter, quote(delimiter))
        source_format = f"CSV, {encoding}, {name}-separated"
    return _to_table(records, file_name, source_format)


# -- CSV ------------------------------------------------------------------------------------


def _decode(data: bytes, file_name: str) -> tuple[str, str]:
    """The text of a CSV file and the name of its encoding."""
    if not data.strip():
        raise RosterImportError.unreadable(file_name, "it is empty")
    for bom, codec, label in (
        (codecs.BOM_UTF8, "utf-8", "UTF-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
    ):
        if data.startswith(bom):
            try:
                return _checked_text(data[len(bom) :].decode(codec), file_name), label
            except UnicodeDecodeError as error:
                reason = f"it is marked as {label} but is not valid {label}"
                raise RosterImportError.unreadable(file_name, reason) from error
    if b"\x00" in data and _looks_like_utf16_le(data):
        # Some tools write UTF-16 without the byte-order mark; plain text never holds NUL bytes.
        try:
            return _checked_text(data.decode("utf-16-le"), file_name), "UTF-16"
        except UnicodeDecodeError:
            pass
    try:
        return _checked_text(data.decode("utf-8"), file_name), "UTF-8"
    except UnicodeDecodeError:
        pass
    # Windows-1252 decodes almost any bytes, so it is tried only once UTF-8 has failed.
    try:
        return _checked_text(data.decode("cp1252"), file_name), "Windows-1252"
    except UnicodeDecodeError as error:
        reason = "its text is in none of UTF-8, UTF-16 and Windows-1252"
        raise RosterImportError.unreadable(file_name, reason) from error


def _looks_like_utf16_le(data: bytes) -> bool:
    """True when NUL bytes sit in the high byte of most characters, as in UTF-16 LE text."""
    if len(data) % 2:
        return False
    high_zeros = data[1::2].count(0)
    return high_zeros * 2 >= len(data) // 2 and data[0::2].count(0) == 0


def _checked_text(text: str, file_name: str) -> str:
    if "\x00" in text:
        raise RosterImportError.unreadable(file_name, "it holds binary data, not text")
    if not text.strip():
        raise RosterImportError.unreadable(file_name, "it is empty")
    return text


def _csv_records(text: str, delimiter: str) -> Iterator[list[str]]:
    # newline="" hands line ends to the csv module, which keeps those inside quotes.
    return csv.reader(io.StringIO(text, newline=""), delimiter=delimiter, quotechar='"')


def _choose_delimiter(text: str) -> str:
    """The delimiter that splits some record into header names of people (a report may have
    lines above its header), then the header into most columns and the rows most like it."""
    best: tuple[int, bool, float, int, int] | None = None
    chosen = ","
    for priority, delimiter in enumerate(reversed(_DELIMITERS)):  # higher priority wins ties
        records = _sniffed_records(text, delimiter)
        if not records:
            continue
        counts = [len(record) for record in records[:_SNIFF_RECORDS]]
        header_count = counts[0]
        consistency = sum(1 for count in counts if count == header_count) / len(counts)
        header = best_header_score(records)
        score = (header, header_count > 1, consistency, header_count, priority)
        if best is None or score > best:
            best, chosen = score, delimiter
    return chosen


def _sniffed_records(text: str, delimiter: str) -> list[list[str]]:
    """The first non-empty records (trailing empty cells dropped) as ``delimiter`` splits them."""
    records: list[list[str]] = []
    try:
        for record in _csv_records(text, delimiter):
            trimmed = trim(record)
            if trimmed:
                records.append(trimmed)
            if len(records) >= SEARCH_RECORDS:
                break
    except csv.Error:
        return []
    return records


def _read_csv(text: str, delimiter: str) -> list[tuple[int, list[str]]]:
    records: list[tuple[int, list[str]]] = []
    number = 0
    reader = _csv_records(text, delimiter)
    try:
        for number, record in enumerate(reader, 1):
            records.append((number, [cell.strip() for cell in record]))
    except csv.Error as error:
        raise RosterImportError(f"cannot be read ({error})", row=number + 1) from error
    return records


# -- XLSX -----------------------------------------------------------------------------------


def _read_xlsx(data: bytes, file_name: str) -> list[tuple[int, list[str]]]:
    """The rows of the first worksheet, numbered as the spreadsheet numbers them."""
    # openpyxl meets damaged archives and XML with many kinds of exception; all mean the same.
    try:
        workbook = openpyxl.load_workbook(io.BytesIO(data), read_only=True, data_only=True)
    except Exception as error:
        raise RosterImportError.unreadable(
            file_name, "it is not a readable Excel workbook"
        ) from error
    try:
        if not workbook.worksheets:
            raise RosterImportError.unreadable(file_name, "the workbook has no worksheet")
        sheet = workbook.worksheets[0]
        # Read-only mode trusts the stored sheet size, which some tools write wrongly.
        sheet.reset_dimensions()
        return [
            (number, [_cell_text(value) for value in row])
            for number, row in enumerate(sheet.iter_rows(values_only=True), 1)
        ]
    except RosterImportError:
        raise
    except Exception as error:
        raise RosterImportError.unreadable(file_name, "its first worksheet is damaged") from error
    finally:
        workbook.close()


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
