"""Word (OOXML) details python-docx has no API for: shading, fields, table looks, scrubbing."""

from __future__ import annotations

import copy
import io
import re
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any, cast
from xml.etree import ElementTree

import docx
from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.exceptions import PackageNotFoundError
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.oxml.text.paragraph import CT_P
from docx.oxml.text.run import CT_R
from docx.table import Table, _Cell
from docx.text.paragraph import Paragraph
from docx.text.run import Run

from workshop_app.errors import KnownError

# Parts a reference document may bring that say who made it: never carried over.
DROPPED_RELATIONSHIPS = (
    RT.CUSTOM_PROPERTIES,
    RT.THUMBNAIL,
    RT.COMMENTS,
    RT.CUSTOM_XML,  # data stores (bibliography sources, cover page and SharePoint fields)
    "http://schemas.microsoft.com/office/2011/relationships/people",
    "http://schemas.microsoft.com/office/2011/relationships/commentsExtended",
    "http://schemas.microsoft.com/office/2016/09/relationships/commentsIds",
    "http://schemas.microsoft.com/office/2018/08/relationships/commentsExtensible",
)
_APP_IDENTITY = re.compile(rb"<(Company|Manager)>[^<]*</\1>")


class ReferenceProblem(KnownError):
    """The reference .docx cannot be used for its styles."""


def open_document(reference: Path | None) -> DocxDocument:
    """python-docx's default document, or the user's reference (refused in words if unusable)."""
    if reference is None:
        return docx.Document()
    try:
        return docx.Document(str(reference))
    except (OSError, ValueError, KeyError, zipfile.BadZipFile, PackageNotFoundError) as error:
        raise ReferenceProblem(
            f"{reference} is not a Word document whose styles can be used ({error})."
        ) from error


def clear_body(doc: DocxDocument) -> None:
    """Remove the reference's own text, keeping its page setup (the last sectPr)."""
    body = doc.element.body
    for child in list(body):
        if child.tag != qn("w:sectPr"):
            body.remove(child)


def scrub(doc: DocxDocument) -> None:
    """Drop what a reference document says about its makers (unreferenced parts are not saved)."""
    for rels in (doc.part.package.rels, doc.part.rels):
        for rid, rel in list(rels.items()):
            if rel.reltype in DROPPED_RELATIONSHIPS:
                del rels[rid]
    settings = doc.settings.element
    for template in settings.findall(qn("w:attachedTemplate")):
        settings.remove(template)
    for part in doc.part.package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            blob: Any = part.blob
            part._blob = _APP_IDENTITY.sub(rb"<\1></\1>", blob)


# The parts of a Word file besides its body that a reader or the file's properties show, with
# the words that say where. The body is the minutes' own text, checked before it was written.
_SIDE_PARTS = (
    (re.compile(r"docProps/(core|app|custom)\.xml"), "document properties"),
    (re.compile(r"word/header\d*\.xml"), "page header"),
    (re.compile(r"word/footer\d*\.xml"), "page footer"),
    (re.compile(r"word/(footnotes|endnotes)\.xml"), "notes"),
    (re.compile(r"word/comments\w*\.xml"), "comments"),
    (re.compile(r"word/glossary/document\.xml"), "building blocks"),
    (re.compile(r"customXml/item\d+\.xml"), "custom XML data"),
)
# What every file says about the program that made it, not about a person.
_PROGRAM_FIELDS = frozenset(("Application", "AppVersion", "Template", "DocSecurity"))
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def side_texts(data: bytes, kind: str = "Word file") -> Iterator[tuple[str, str]]:
    """(text, where) for each part of a saved Word file (or another OOXML ``kind`` of file:
    its properties) besides the body that holds text."""
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        for name in archive.namelist():
            label = next((label for part, label in _SIDE_PARTS if part.fullmatch(name)), None)
            if label is None:
                continue
            root = ElementTree.fromstring(archive.read(name))
            if root.tag.startswith(_W):  # words split into runs: each paragraph joined up
                lines = (
                    "".join(t.text or "" for t in p.iter(f"{_W}t")) for p in root.iter(f"{_W}p")
                )
            else:
                lines = (
                    element.text
                    for element in root.iter()
                    if element.text and element.tag.rpartition("}")[2] not in _PROGRAM_FIELDS
                )
            # Pictures' descriptions (alt text): "Photo of ..." is shown by screen readers.
            described = (
                element.get(attribute)
                for element in root.iter()
                if element.tag.rpartition("}")[2] in ("docPr", "cNvPr")
                for attribute in ("descr", "title")
            )
            text = "\n".join(line.strip() for line in (*lines, *described) if line and line.strip())
            if text:
                yield text, f"the {kind}'s {label} ({name})"


def keep_rows_whole(table: Table) -> None:
    """Never split a row across two pages (Word's "Allow row to break across pages" off)."""
    for tr in table._tbl.tr_lst:
        properties = tr.get_or_add_trPr()
        properties.insert(0, OxmlElement("w:cantSplit"))  # first: the schema's order


def repeat_header(table: Table) -> None:
    """Repeat the first row at the top of each page the table runs onto."""
    properties = table.rows[0]._tr.get_or_add_trPr()
    header = OxmlElement("w:tblHeader")
    header.set(qn("w:val"), "true")
    properties.append(header)


def emphasise_header_only(table: Table) -> None:
    """Apply the table style's header row and banding, not its bold first column."""
    properties = table._tbl.tblPr
    for old in properties.findall(qn("w:tblLook")):
        properties.remove(old)
    look = OxmlElement("w:tblLook")
    for name, value in (
        ("w:val", "0420"),
        ("w:firstRow", "1"),
        ("w:lastRow", "0"),
        ("w:firstColumn", "0"),
        ("w:lastColumn", "0"),
        ("w:noHBand", "0"),
        ("w:noVBand", "1"),
    ):
        look.set(qn(name), value)
    properties.append(look)


def add_field(paragraph: Paragraph, code: str) -> None:
    """A Word field (PAGE, NUMPAGES) that Word fills in when it lays out the pages."""
    field = OxmlElement("w:fldSimple")
    field.set(qn("w:instr"), code)
    run = OxmlElement("w:r")  # in the paragraph's style, like the words around it
    text = OxmlElement("w:t")
    text.text = "1"
    run.append(text)
    field.append(run)
    paragraph._p.append(field)


class BodyAppender:
    """``doc.add_paragraph(style=...)`` and ``paragraph.add_run()`` at a constant cost each.

    For every paragraph, python-docx looks its style up by name among all the styles and
    scans the body for the section properties it goes before; setting a run's bold, italic
    or colour walks its schema each time. Here each is done once, for this document only: the
    style's paragraph properties and each look of a run are made by python-docx on a blank
    element, and every later paragraph or run is a copy of that element.
    """

    def __init__(self, doc: DocxDocument) -> None:
        self._doc = doc
        self._container = doc._body  # the parent python-docx gives the paragraphs it adds
        self._element = doc.element.body
        self._end = self._element.find(qn("w:sectPr"))  # what a new paragraph goes before
        self._paragraphs: dict[str | None, CT_P] = {}
        self._runs: dict[str, CT_R] = {}

    def paragraph(self, style: str | None) -> Paragraph:
        """A new, empty paragraph at the end of the body, in the paragraph style ``style``."""
        if style not in self._paragraphs:
            blank = cast(CT_P, OxmlElement("w:p"))
            if style is not None:  # what ``paragraph.style = style`` does, by name lookup
                part: Any = self._doc.part
                blank.style = part.get_style_id(style, WD_STYLE_TYPE.PARAGRAPH)
            self._paragraphs[style] = blank
        p = copy.deepcopy(self._paragraphs[style])
        if self._end is not None:
            self._end.addprevious(p)
        else:
            self._element.append(p)
        return Paragraph(p, self._container)

    def run(self, paragraph: Paragraph, look: str, make: Callable[[Run], None]) -> CT_R:
        """A new run at the end of ``paragraph``, formatted as ``make`` formats a run (which
        it is asked to do once for each ``look``)."""
        if look not in self._runs:
            blank = Run(cast(CT_R, OxmlElement("w:r")), paragraph)
            make(blank)
            self._runs[look] = blank._r
        r = copy.deepcopy(self._runs[look])
        paragraph._p.append(r)
        return r


_BREAKS = ("\t", "\n", "\r")


def put_text(r: CT_R, text: str) -> None:
    """``run.text = text`` for a new run, without python-docx's character-by-character walk
    when the text has no tab or line break (the only characters that walk treats apart)."""
    if any(mark in text for mark in _BREAKS):
        r.text = text
    elif text:
        r.add_t(text)


def set_cell_text(
    cell: _Cell, text: str, paragraph_style: str | None = None, run_style: str | None = None
) -> None:
    """``cell.text = text``: the cell's content replaced by one paragraph with one run, in
    the paragraph and character styles of those ids, if given."""
    tc: Any = cell._tc
    tc.clear_content()
    p = tc.add_p()
    if paragraph_style is not None:
        p.style = paragraph_style
    r = p.add_r()
    if run_style is not None:
        r.style = run_style
    put_text(r, text)
