"""Minutes: one Minutes value built from the record, rendered as md, html, docx, pdf or csv.

The public API (for the CLI and the export dialog):

- ``build_minutes(record, options) -> Minutes``: the plain value every renderer receives;
- ``render_markdown``, ``render_html``, ``render_docx``, ``render_pdf``, ``render_csv`` and the
  agenda handout's ``render_agenda_markdown``, ``render_agenda_html``, ``render_agenda_docx``,
  ``render_agenda_pdf`` (imported from their modules: docx and pdf pull in heavier libraries);
- ``find_identities`` / ``scan_minutes``: the anonymity check;
- ``export_minutes(path, options, fmt, out)``: the whole export on its own read connection.
"""

from workshop_app.domain.attribution import Attribution
from workshop_app.formats import AGENDA_FORMATS, TEMPLATE_FORMATS, Format
from workshop_app.minutes.build import build_minutes
from workshop_app.minutes.export import (
    IdentitiesFound,
    default_output,
    export_minutes,
    produce,
    read_record,
    render,
)
from workshop_app.minutes.identities import IdentityMatch, find_identities, scan_minutes
from workshop_app.minutes.model import Minutes
from workshop_app.minutes.options import MinutesOptions, Paper, RecordMode
from workshop_app.minutes.templates import TemplateProblem

__all__ = [
    "AGENDA_FORMATS",
    "TEMPLATE_FORMATS",
    "Attribution",
    "Format",
    "IdentitiesFound",
    "IdentityMatch",
    "Minutes",
    "MinutesOptions",
    "Paper",
    "RecordMode",
    "TemplateProblem",
    "build_minutes",
    "default_output",
    "export_minutes",
    "find_identities",
    "produce",
    "read_record",
    "render",
    "scan_minutes",
]
