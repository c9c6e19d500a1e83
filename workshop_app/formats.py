"""The formats Workshop App writes, defined once for the export code, the command line and
the export dialog. Light on purpose: the command line reads it at every start, before it
knows whether the window will open, so it imports nothing of ``minutes`` (whose renderers
are heavy) and nothing of ``interchange``."""

from __future__ import annotations

from enum import StrEnum


class Format(StrEnum):
    """A format the minutes (``minutes/export.py``) are rendered in."""

    MD = "md"
    HTML = "html"
    DOCX = "docx"
    PDF = "pdf"
    CSV = "csv"
    XLSX = "xlsx"


#: The formats of the agenda handout.
AGENDA_FORMATS = (Format.MD, Format.HTML, Format.DOCX, Format.PDF)
#: The formats a Jinja2 template can shape.
TEMPLATE_FORMATS = (Format.MD, Format.HTML)
#: The formats that are text, which the command line can write to standard output.
TEXT_FORMATS = (Format.MD, Format.HTML, Format.CSV)
#: Each format as the export dialog names it, in the order it offers them.
FORMAT_LABELS = {
    Format.PDF: "PDF",
    Format.DOCX: "Word (DOCX)",
    Format.HTML: "Web page (HTML)",
    Format.MD: "Markdown",
    Format.CSV: "Contributions as a spreadsheet (CSV)",
    Format.XLSX: "Spreadsheet workbook (XLSX)",
}

#: The interchange file (``interchange/``), which ``export --format json`` writes.
JSON = "json"
#: What ``workshop-app export --format`` accepts: the interchange file and each minutes format.
EXPORT_FORMATS = (JSON, *Format)
