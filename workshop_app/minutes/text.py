"""Making any typed text safe to print: XML-legal, one line where a line is needed, escaped."""

from __future__ import annotations

import re

# XML 1.0 forbids C0 controls except tab and newline, lone surrogates and U+FFFE/U+FFFF;
# python-docx refuses them and Qt's PDF writer would print boxes. Carriage returns become
# newlines before this runs.
_XML_ILLEGAL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")
_BLANK_LINE = re.compile(r"\n[^\S\n]*\n\s*")
# Characters that make Markdown markup anywhere in a line (CommonMark + GFM tables, strike).
# The backslash comes first, so the backslashes added for the others are not escaped again.
_MD_INLINE = "\\`*_[]<>#|~&!"
# What makes a list, a quote or a thematic break at the start of a line.
_MD_LINE_START = re.compile(r"^([-+=])")
_MD_ORDERED = re.compile(r"^(\d+)([.)])")
# Spreadsheets run a cell that starts with these as a formula (OWASP "CSV injection").
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def clean(text: str | None) -> str:
    """The text without XML-illegal characters, with ``\\n`` line ends, stripped."""
    if not text:
        return ""
    if text.isprintable():
        # No control character, surrogate or non-character (none of them is printable), so
        # nothing to drop: one quick scan instead of a regular expression's.
        return text.strip()
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return _XML_ILLEGAL.sub("", text).strip()


def xml_safe(text: str | None) -> str:
    """The text with XML-illegal characters removed (and nothing else changed)."""
    if not text or text.isprintable():  # printable text has nothing illegal, and no \r
        return text or ""
    return _XML_ILLEGAL.sub("", text.replace("\r\n", "\n").replace("\r", "\n"))


def one_line(text: str | None) -> str:
    """All whitespace runs (newlines included) as one space: for headings, cells, list items."""
    if text and text.isprintable():
        # The only printable whitespace is the space itself, and clean() has nothing to drop:
        # stripped and without two spaces in a row, the text is already one line.
        line = text.strip()
        if "  " not in line:
            return line
    else:
        line = clean(text)
    # str.split() and re's \s agree on what whitespace is (both ask Py_UNICODE_ISSPACE);
    # splitting is several times quicker than substituting every single space with itself.
    return " ".join(line.split())


def paragraphs(text: str | None) -> list[str]:
    """Paragraphs (split at blank lines), each on one line; none for empty text."""
    parts = (one_line(part) for part in _BLANK_LINE.split(clean(text)))
    return [part for part in parts if part]


def md_escape(text: object) -> str:
    """Text as literal Markdown on one line: no heading, list, link, HTML or table cell ends."""
    if text is None:
        return ""
    line = one_line(str(text))
    for special in _MD_INLINE:
        if special in line:  # most text has none: a scan each, quicker than one regex pass
            line = line.replace(special, f"\\{special}")
    # Both patterns are anchored at the start: match there instead of searching the line.
    if _MD_LINE_START.match(line):
        line = f"\\{line}"
    ordered = _MD_ORDERED.match(line)
    return f"{ordered[1]}\\{line[ordered.end(1) :]}" if ordered else line


def neutralise_cell(text: str) -> str:
    """A CSV cell a spreadsheet shows as text, never runs: formula starts get an apostrophe."""
    return f"'{text}" if text.startswith(_FORMULA_START) else text
