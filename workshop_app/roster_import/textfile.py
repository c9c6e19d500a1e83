"""Reading a CSV file as a stream: its encoding, its delimiter and its records, within the limits.

Nothing holds the whole text: the encoding is found by one pass over the bytes, line by line,
and the records are read from a decoding stream that stops at the first limit passed.
"""

from __future__ import annotations

import codecs
import contextlib
import csv
import io
import re
from collections.abc import Callable, Generator, Iterator
from dataclasses import dataclass
from typing import BinaryIO

from workshop_app.roster_import.columns import column_letter
from workshop_app.roster_import.errors import RosterImportError, quote
from workshop_app.roster_import.limits import (
    MAX_CELL,
    MAX_COLUMNS,
    MAX_LINE,
    MAX_ROWS,
    cell_too_long,
    too_large,
    too_many_columns,
    too_many_rows,
)
from workshop_app.roster_import.locating import SEARCH_RECORDS, best_header_score, trim

Record = tuple[int, list[str]]
Lines = Generator[str, None, None]

# Candidates, the first winning a tie: a tab almost never occurs inside a name, a comma often does.
_DELIMITERS = ("\t", ";", ",")
_DELIMITER_NAMES = {"\t": "tab", ";": "semicolon", ",": "comma"}
_SEP_HINT = re.compile(r"sep=([^\r\n\"])[ \t]*(?:\r\n|\r|\n)", re.IGNORECASE)
# Records looked at to choose the delimiter; a registration list shows its shape early.
_SNIFF_RECORDS = 50
# Bytes looked at for UTF-16 written without its byte-order mark.
_PROBE = 64 * 1024
# Bytes handed to the UTF-8 decoder at a time.
_CHUNK = 1024 * 1024


@dataclass(frozen=True)
class Encoding:
    codec: str
    #: How the preview names it: "UTF-8", "UTF-16", "Windows-1252".
    label: str
    #: Bytes of the byte-order mark to pass over.
    skip: int = 0
    #: Whether the file says so itself (a byte-order mark), for the message when it lies.
    marked: bool = False


def read_csv(fh: BinaryIO, file_name: str) -> tuple[list[Record], str]:
    """The records of a CSV file (numbered from 1) and how it was read ("CSV, UTF-8, ...")."""
    encoding = detect_encoding(fh, file_name)

    def lines() -> contextlib.closing[Lines]:
        # Closed as soon as a pass is done, while the file is still open.
        return contextlib.closing(text_lines(fh, encoding, file_name))

    with lines() as head:
        hint = _SEP_HINT.match(next(head, ""))
    # Excel's own "sep=;" first line names the delimiter, and Excel hides that line.
    delimiter = hint.group(1) if hint else _choose_delimiter(lines)
    with lines() as source:
        if hint:
            next(source, "")
        records = _records(source, delimiter, file_name)
    name = _DELIMITER_NAMES.get(delimiter, quote(delimiter))
    return records, f"CSV, {encoding.label}, {name}-separated"


# -- the encoding ---------------------------------------------------------------------------


def detect_encoding(fh: BinaryIO, file_name: str) -> Encoding:
    """The encoding of the text in ``fh``: its byte-order mark, or UTF-16 by its NUL bytes,
    or UTF-8 when all of it is UTF-8, else Windows-1252."""
    fh.seek(0)
    head = fh.read(_PROBE)
    for bom, codec, label in (
        (codecs.BOM_UTF8, "utf-8", "UTF-8"),
        (codecs.BOM_UTF16_LE, "utf-16-le", "UTF-16"),
        (codecs.BOM_UTF16_BE, "utf-16-be", "UTF-16"),
    ):
        if head.startswith(bom):
            return Encoding(codec, label, len(bom), marked=True)
    if b"\x00" in head and _looks_like_utf16_le(head):
        # Some tools write UTF-16 without the byte-order mark; plain text never holds NUL bytes.
        return Encoding("utf-16-le", "UTF-16")
    return _utf8_or_windows_1252(fh)


def _looks_like_utf16_le(data: bytes) -> bool:
    """True when NUL bytes sit in the high byte of most characters, as in UTF-16 LE text."""
    if len(data) % 2:
        return False
    high_zeros = data[1::2].count(0)
    return high_zeros * 2 >= len(data) // 2 and data[0::2].count(0) == 0


def _utf8_or_windows_1252(fh: BinaryIO) -> Encoding:
    """UTF-8 when every byte is; else Windows-1252 (which decodes almost any bytes, so it is
    taken only once UTF-8 has failed). A file mixing the two reads as Windows-1252: its UTF-8
    names come out garbled ("JosÃ©"), which :func:`garbled` finds and the import refuses."""
    fh.seek(0)
    decoder = codecs.getincrementaldecoder("utf-8")()
    try:
        while chunk := fh.read(_CHUNK):
            decoder.decode(chunk)
        decoder.decode(b"", final=True)
    except UnicodeDecodeError:
        return Encoding("cp1252", "Windows-1252")
    return Encoding("utf-8", "UTF-8")


def garbled(text: str) -> str | None:
    """The part of ``text`` that is UTF-8 read as Windows-1252 ("Ã©" for "é"), or None."""
    if text.isascii():
        return None
    found = _GARBLED.search(text)
    return found.group() if found else None


def ungarbled(fragment: str) -> str:
    """What a :func:`garbled` fragment was meant to say."""
    return fragment.encode("cp1252").decode("utf-8", "replace")


def _garbled_pattern() -> re.Pattern[str]:
    """The characters a UTF-8 sequence turns into when its bytes are read as Windows-1252."""
    continuation = "".join(
        ch for byte in range(0x80, 0xC0) if (ch := bytes([byte]).decode("cp1252", "ignore"))
    )
    tail = f"[{re.escape(continuation)}]"
    return re.compile(
        f"[\u00c2-\u00df]{tail}|[\u00e0-\u00ef]{tail}{{2}}|[\u00f0-\u00f4]{tail}{{3}}"
    )


_GARBLED = _garbled_pattern()


# -- the text -------------------------------------------------------------------------------


def text_lines(fh: BinaryIO, encoding: Encoding, file_name: str) -> Lines:
    """The lines of the text, line ends kept (as the csv module wants them), each checked."""
    fh.seek(encoding.skip)
    stream = io.TextIOWrapper(fh, encoding=encoding.codec, errors="strict", newline="")
    seen_text = False
    number = 0
    try:
        while True:
            try:
                line = stream.readline(MAX_LINE + 1)
            except UnicodeDecodeError as error:
                raise RosterImportError.unreadable(file_name, _undecodable(encoding)) from error
            if not line:
                break
            number += 1
            if len(line) > MAX_LINE:
                reason = f"line {number:,} is longer than {MAX_LINE:,} characters"
                raise too_large(file_name, reason)
            if "\x00" in line:
                raise RosterImportError.unreadable(file_name, "it holds binary data, not text")
            seen_text = seen_text or bool(line.strip())
            yield line
        if not seen_text:
            raise RosterImportError.unreadable(file_name, "it is empty")
    finally:
        stream.detach()  # the file stays open for the next pass


def _undecodable(encoding: Encoding) -> str:
    if encoding.marked:
        return f"it is marked as {encoding.label} but is not valid {encoding.label}"
    return "its text is in none of UTF-8, UTF-16 and Windows-1252"


def _csv_records(lines: Iterator[str], delimiter: str) -> Iterator[list[str]]:
    return csv.reader(lines, delimiter=delimiter, quotechar='"')


def _choose_delimiter(lines: Callable[[], contextlib.closing[Lines]]) -> str:
    """The delimiter that splits some record into header names of people (a report may have
    lines above its header), then the header into most columns and the rows most like it."""
    best: tuple[int, bool, float, int, int] | None = None
    chosen = ","
    for priority, delimiter in enumerate(reversed(_DELIMITERS)):  # higher priority wins ties
        with lines() as source:
            records = _sniffed_records(source, delimiter)
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


def _sniffed_records(lines: Iterator[str], delimiter: str) -> list[list[str]]:
    """The first non-empty records (trailing empty cells dropped) as ``delimiter`` splits them."""
    records: list[list[str]] = []
    try:
        for record in _csv_records(lines, delimiter):
            trimmed = trim(record)
            if trimmed:
                records.append(trimmed[: MAX_COLUMNS + 1])
            if len(records) >= SEARCH_RECORDS:
                break
    except csv.Error:
        return []
    return records


def _records(lines: Iterator[str], delimiter: str, file_name: str) -> list[Record]:
    """Every record, numbered, refused at the first one past a limit."""
    records: list[Record] = []
    number = 0
    try:
        for number, record in enumerate(_csv_records(lines, delimiter), 1):
            if number > MAX_ROWS:
                raise too_many_rows(file_name)
            cells = [cell.strip() for cell in record]
            width = len(trim(cells))
            if width > MAX_COLUMNS:
                raise too_many_columns(file_name, number, width)
            for index, cell in enumerate(cells[:width]):
                if len(cell) > MAX_CELL:
                    raise cell_too_long(number, column_letter(index), len(cell))
            # Padding past the limit is dropped: the list's width is all that is kept.
            records.append((number, cells[: max(width, MAX_COLUMNS)] if width else []))
    except csv.Error as error:
        if "field larger than field limit" in str(error):
            raise cell_too_long(number + 1) from error
        raise RosterImportError(f"cannot be read ({error})", row=number + 1) from error
    return records
