"""Making any typed text safe to print: XML-legal, one line where a line is needed, escaped."""

from __future__ import annotations

import re

# XML 1.0 forbids C0 controls except tab and newline, lone surrogates and U+FFFE/U+FFFF;
# python-docx refuses them and Qt's PDF writer would print boxes. Carriage returns become
# newlines before this runs.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
_WHITESPACE = re.compile(r"\s+")
# Characters that make Markdown markup anywhere in a line (CommonMark + GFM tables, strike).
_MD_INLINE = re.compile(r"([\\`*_\[\]<>#|~&!])")
# What makes a list, a quote or a thematic break at the start of a line.
_MD_LINE_START = re.compile(r"^([-+=])")
_MD_ORDERED = re.compile(r"^(\d+)([.)])")
# Spreadsheets run a cell that starts with these as a formula (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def clean(text: str | None) -> str:
    """The text without XML-illegal characters, with ``\\n`` line ends, stripped."""
    if not text:
        return ""
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _XML_ILLEGAL.sub("", text).strip()


def xml_safe(text: str | None) -> str:
    """The text with XML-illegal characters removed (and nothing else changed)."""
    return _XML_ILLEGAL.sub("", text.replace("\r\n", "\n").replace("\r", "\n")) if text else ""


def one_line(text: str | None) -> str:
    """All whitespace runs (newlines included) as one space: for headings, cells, list items."""
    return _WHITESPACE.sub(" ", clean(text)).strip()


def paragraphs(text: str | None) -> list[str]:
    """Paragraphs (split at blank lines), each on one line; none for empty text."""
    parts = (one_line(part) for part in _BLANK_LINE.split(clean(text)))
    return [part for part in parts if part]


def md_escape(text: object) -> str:
    """Text as literal Markdown on one line: no heading, list, link, HTML or table cell ends."""
    if text is None:
        return ""
    line = _MD_INLINE.sub(r"\\\1", one_line(str(text)))
    line = _MD_LINE_START.sub(r"\\\1", line)
    return _MD_ORDERED.sub(r"\1\\\2", line)


def neutralise_cell(text: str) -> str:
    """A CSV cell a spreadsheet shows as text, never runs: formula starts get an apostrophe."""
    return f"'{text}" if text.startswith(_FORMULA_START) else text
