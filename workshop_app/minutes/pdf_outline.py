"""Bookmarks (the outline) and the document language for the PDF that QPdfWriter wrote.

QPdfWriter has no API for either. Both go into the catalog, so they are added as a PDF
incremental update (ISO 32000-1, 7.5.6): the new catalog, the outline's objects, a short
cross-reference section and a trailer pointing back to Qt's are appended to Qt's bytes,
which are left untouched. That costs a few milliseconds however long the document is,
where reading and rewriting the whole file (as pypdf would) grows with its pages.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

_TRAILER = re.compile(rb"trailer\s*<<(.*?)>>\s*startxref\s*(\d+)\s*%%EOF\s*$", re.DOTALL)
_REFERENCE = re.compile(rb"(\d+)\s+0\s+R")
_LANGUAGE = re.compile(r"[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*")
_CONTROL = re.compile(r"[\x00-\x1f\x7f\u2028\u2029\ufffc]+")


class PdfStructureUnexpected(ValueError):
    """Qt's PDF is not laid out as this module expects (a bug to report, not the user's)."""


@dataclass
class Bookmark:
    """A heading: its level (1 for h1), its text, and where it starts (page from 0, and
    the distance from the top of the page, in points)."""

    level: int
    title: str
    page: int
    top: float
    children: list[Bookmark] = field(default_factory=list)


def _nest(flat: list[Bookmark]) -> list[Bookmark]:
    """Each heading under the last one of a higher level before it."""
    roots: list[Bookmark] = []
    stack: list[Bookmark] = []
    for mark in flat:
        while stack and stack[-1].level >= mark.level:
            stack.pop()
        (stack[-1].children if stack else roots).append(mark)
        stack.append(mark)
    return roots


def _text(value: str) -> bytes:
    """A PDF text string: UTF-16BE with its byte order mark, written in hex."""
    return b"<FEFF" + value.encode("utf-16-be").hex().upper().encode("ascii") + b">"


def _object(data: bytes, offsets: dict[int, int], number: int) -> bytes:
    start = offsets[number]
    end = data.find(b"endobj", start)
    if end < 0:
        raise PdfStructureUnexpected(f"object {number} has no end")
    body = data[start:end]
    return body[body.find(b"obj") + 3 :].strip()


def _offsets(data: bytes, xref: int) -> dict[int, int]:
    """Object number → byte offset, from Qt's cross-reference table."""
    if data[xref : xref + 4] != b"xref":
        raise PdfStructureUnexpected("no cross-reference table where startxref says")
    lines = data[xref : data.find(b"trailer", xref)].split(b"\n")[1:]
    offsets: dict[int, int] = {}
    number = 0
    for line in lines:
        parts = line.split()
        if len(parts) == 2:
            number = int(parts[0])
        elif len(parts) == 3:
            if parts[2] == b"n":
                offsets[number] = int(parts[0])
            number += 1
    return offsets


def add_outline(data: bytes, bookmarks: list[Bookmark], language: str, page_height: float) -> bytes:
    """``data`` (a PDF from QPdfWriter) with ``bookmarks`` as its outline, opened in the
    reader's sidebar, and ``language`` (a BCP 47 tag) as the document's language."""
    trailer = _TRAILER.search(data[-2048:])
    if trailer is None:
        raise PdfStructureUnexpected("no trailer at the end")
    entries = trailer.group(1)
    size_match = re.search(rb"/Size\s+(\d+)", entries)
    root_match = re.search(rb"/Root\s+(\d+)\s+0\s+R", entries)
    if size_match is None or root_match is None:
        raise PdfStructureUnexpected("the trailer lacks /Size or /Root")
    size, root, xref = int(size_match.group(1)), int(root_match.group(1)), int(trailer.group(2))
    offsets = _offsets(data, xref)
    catalog = _object(data, offsets, root)
    if not (catalog.startswith(b"<<") and catalog.endswith(b">>")):
        raise PdfStructureUnexpected("the catalog is not a dictionary")
    pages_match = re.search(rb"/Pages\s+(\d+)\s+0\s+R", catalog)
    if pages_match is None:
        raise PdfStructureUnexpected("the catalog names no page tree")
    tree = _object(data, offsets, int(pages_match.group(1)))
    kids = re.search(rb"/Kids\s*\[(.*?)\]", tree, re.DOTALL)
    if kids is None:
        raise PdfStructureUnexpected("the page tree lists no pages")
    pages = [int(n) for n in _REFERENCE.findall(kids.group(1))]

    objects: dict[int, bytes] = {}
    extra = b""
    roots = _nest([b for b in bookmarks if b.title and 0 <= b.page < len(pages)])
    if roots:
        outline = size
        numbers: dict[int, int] = {}
        # (bookmark, its parent's object number, its siblings, its place among them)
        order: list[tuple[Bookmark, int, list[Bookmark], int]] = []

        def number_all(marks: list[Bookmark], parent: int) -> None:
            for index, mark in enumerate(marks):
                numbers[id(mark)] = size + 1 + len(order)
                order.append((mark, parent, marks, index))
                number_all(mark.children, numbers[id(mark)])

        number_all(roots, outline)
        for mark, parent, row, index in order:
            own = numbers[id(mark)]
            title = _CONTROL.sub(" ", mark.title).strip()
            y = max(0.0, page_height - mark.top)
            entry = [b"<< /Title ", _text(title), b" /Parent %d 0 R" % parent]
            if index > 0:
                entry.append(b" /Prev %d 0 R" % numbers[id(row[index - 1])])
            if index + 1 < len(row):
                entry.append(b" /Next %d 0 R" % numbers[id(row[index + 1])])
            if mark.children:
                first, last = numbers[id(mark.children[0])], numbers[id(mark.children[-1])]
                # Open at the top level (a document's items listed), folded below it.
                count = len(mark.children) if parent == outline else -len(mark.children)
                entry.append(b" /First %d 0 R /Last %d 0 R /Count %d" % (first, last, count))
            entry.append(b" /Dest [%d 0 R /XYZ null %.2f null] >>" % (pages[mark.page], y))
            objects[own] = b"".join(entry)
        shown = sum(1 + len(m.children) for m in roots)
        objects[outline] = b"<< /Type /Outlines /First %d 0 R /Last %d 0 R /Count %d >>" % (
            numbers[id(roots[0])],
            numbers[id(roots[-1])],
            shown,
        )
        extra += b"\n/Outlines %d 0 R\n/PageMode /UseOutlines" % outline
    if _LANGUAGE.fullmatch(language):
        extra += b"\n/Lang (" + language.encode("ascii") + b")"
    if not extra:
        return data
    objects[root] = catalog[:-2].rstrip() + extra + b"\n>>"

    out = bytearray(data)
    if not out.endswith(b"\n"):
        out += b"\n"
    written: dict[int, int] = {}
    for number in sorted(objects):
        written[number] = len(out)
        out += b"%d 0 obj\n" % number + objects[number] + b"\nendobj\n"
    start = len(out)
    out += b"xref\n0 1\n0000000000 65535 f \n"  # the free list's head, as readers expect first
    numbers_sorted = sorted(written)
    run: list[int] = []
    for number in [*numbers_sorted, -1]:  # consecutive numbers make one subsection
        if run and number != run[-1] + 1:
            out += b"%d %d\n" % (run[0], len(run))
            for n in run:
                out += b"%010d 00000 n \n" % written[n]
            run = []
        run.append(number)
    new_size = max(size, max(written) + 1)
    rest = re.sub(rb"/(Size|Prev)\s+\d+\s*", b"", entries).strip()
    out += b"trailer\n<<\n/Size %d\n/Prev %d\n" % (new_size, xref) + rest + b"\n>>\n"
    out += b"startxref\n%d\n%%%%EOF\n" % start
    return bytes(out)
