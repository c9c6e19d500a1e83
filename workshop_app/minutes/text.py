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
# Directional controls: embeddings and overrides (closed by PDF), isolates (closed by PDI). One
# left open runs on past the text it was typed in and reorders whatever is printed after it.
_BIDI_CONTROL = re.compile("[\u202a-\u202e\u2066-\u2069]")
_BIDI_OR_LINE_END = re.compile("[\u202a-\u202e\u2066-\u2069\n]")
_BIDI_EMBEDDINGS = "\u202a\u202b\u202d\u202e"
_BIDI_ISOLATES = "\u2066\u2067\u2068"
_BIDI_POP, _BIDI_POP_ISOLATE = "\u202c", "\u2069"
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
    return paired_bidi(_XML_ILLEGAL.sub("", text)).strip()


def xml_safe(text: str | None) -> str:
    """The text with XML-illegal characters and unpaired directional controls removed."""
    if not text or text.isprintable():  # printable text has nothing illegal, and no \r
        return text or ""
    return paired_bidi(_XML_ILLEGAL.sub("", text.replace("\r\n", "\n").replace("\r", "\n")))


def paired_bidi(text: str) -> str:
    """The text without the directional controls that are not closed within it (or its line).

    A name typed with a right-to-left override and no pop would otherwise turn round the
    words printed after it, in every format; a pair that closes keeps its effect to itself.
    """
    if not _BIDI_CONTROL.search(text):
        return text
    unpaired: set[int] = set()
    open_: list[tuple[int, str]] = []  # (position, the control) still open
    for match in _BIDI_OR_LINE_END.finditer(text):
        at, control = match.start(), match.group()
        if control == "\n":  # a paragraph's end closes everything: what was open leaked
            unpaired.update(position for position, _ in open_)
            open_.clear()
        elif control in _BIDI_EMBEDDINGS or control in _BIDI_ISOLATES:
            open_.append((at, control))
        elif control == _BIDI_POP and open_ and open_[-1][1] in _BIDI_EMBEDDINGS:
            open_.pop()
        elif control == _BIDI_POP_ISOLATE and any(c in _BIDI_ISOLATES for _, c in open_):
            while open_.pop()[1] not in _BIDI_ISOLATES:  # it closes embeddings inside it too
                pass
        else:
            unpaired.add(at)  # a pop with nothing to close
    unpaired.update(position for position, _ in open_)
    return "".join(char for at, char in enumerate(text) if at not in unpaired)


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
