"""The export dialog's preview: the minutes as HTML, built from the file with the choices
made, and where anonymous minutes would still name someone; shown in a browser that never
fetches what the text names."""

from __future__ import annotations

import html
from pathlib import Path
from typing import Any

from PySide6.QtCore import QUrl
from PySide6.QtWidgets import QTextBrowser

from workshop_app.domain.attribution import Attribution
from workshop_app.errors import KnownError
from workshop_app.minutes import MinutesOptions, build_minutes
from workshop_app.minutes.export import read_record
from workshop_app.minutes.html import render_qt_html
from workshop_app.minutes.identities import IdentityMatch, scan_minutes


class OfflineBrowser(QTextBrowser):
    """The preview: it shows text and never fetches an image, file or URL named in it."""

    def loadResource(self, type: int, name: QUrl | str) -> Any:
        return None


def preview_html(
    path: Path, options: MinutesOptions, agenda: bool
) -> tuple[str, list[IdentityMatch]]:
    """What the preview shows, and where an anonymous export would name someone. The page is
    laid out by Qt here, so it is written in the HTML Qt understands (as for the PDF): the
    browser's version would lose its spacing (labels running into their values)."""
    record = read_record(path)
    minutes = build_minutes(record, options)
    html = render_qt_html(minutes, handout=agenda)
    findings: list[IdentityMatch] = []
    if options.attribution is Attribution.ANONYMOUS:
        findings = scan_minutes(minutes, record.participants, handout=agenda)
    return html, findings


def preview_or_error(
    path: Path, options: MinutesOptions, agenda: bool
) -> tuple[str, list[IdentityMatch]]:
    """The preview, or the reason there is none, in words."""
    try:
        return preview_html(path, options, agenda)
    except KnownError as error:
        return f"<p>{_escape(error.message)}</p>", []


def _escape(text: str) -> str:
    return html.escape(text, quote=False)
