"""Reading each export format back as plain text, the way a reader (or a leak) would see it."""

from __future__ import annotations

import csv
import io
import zipfile
from html.parser import HTMLParser

import docx
import openpyxl
from pypdf import PdfReader


class PageParser(HTMLParser):
    """Collects a page's text and every start tag with its attributes."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.data: list[str] = []
        self.tags: list[tuple[str, tuple[tuple[str, str], ...]]] = []

    def handle_data(self, data: str) -> None:
        self.data.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, tuple(sorted((k, v or "") for k, v in attrs))))

    handle_startendtag = handle_starttag


def parse_html(text: str) -> PageParser:
    parser = PageParser()
    parser.feed(text)
    parser.close()
    return parser


def html_text(data: bytes) -> str:
    return " ".join(parse_html(data.decode("utf-8")).data)


def docx_text(data: bytes) -> str:
    document = docx.Document(io.BytesIO(data))
    parts = [p.text for p in document.paragraphs]
    for table in document.tables:
        for row in table.rows:
            parts.extend(cell.text for cell in row.cells)
    return "\n".join(parts)


def docx_parts(data: bytes) -> dict[str, bytes]:
    """Every part inside the DOCX zip, unpacked."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        return {name: archive.read(name) for name in archive.namelist()}


def pdf_text(data: bytes) -> str:
    reader = PdfReader(io.BytesIO(data))
    return "\n".join(page.extract_text() or "" for page in reader.pages)


def pdf_metadata(data: bytes) -> str:
    """The document information and the XMP packet, as text."""
    reader = PdfReader(io.BytesIO(data))
    info = " ".join(f"{k}={v}" for k, v in (reader.metadata or {}).items())
    xmp = reader.xmp_metadata
    packet = xmp.stream.get_data().decode("utf-8", "replace") if xmp is not None else ""
    return f"{info}\n{packet}"


def csv_rows(data: bytes) -> list[list[str]]:
    assert data.startswith(b"\xef\xbb\xbf"), "CSV starts with a UTF-8 byte order mark"
    return list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))


def xlsx_sheets(data: bytes) -> dict[str, list[tuple[object, ...]]]:
    """Each sheet of a workbook by its name, as rows of cell values (the header row first)."""
    workbook = openpyxl.load_workbook(io.BytesIO(data))
    return {
        sheet.title: [tuple(row) for row in sheet.iter_rows(values_only=True)]
        for sheet in workbook.worksheets
    }


def text_of(fmt: str, data: bytes) -> str:
    """What a reader of the file sees, as one string."""
    if fmt == "md":
        return data.decode("utf-8")
    if fmt == "html":
        return html_text(data)
    if fmt == "docx":
        return docx_text(data)
    if fmt == "pdf":
        return pdf_text(data)
    if fmt == "csv":
        return "\n".join(" | ".join(row) for row in csv_rows(data))
    if fmt == "xlsx":
        return "\n".join(
            " | ".join("" if value is None else str(value) for value in row)
            for rows in xlsx_sheets(data).values()
            for row in rows
        )
    raise ValueError(fmt)
