"""Minutes and agenda handout as standalone HTML, from the Jinja2 templates (autoescaped)."""

from __future__ import annotations

from pathlib import Path

from workshop_app.minutes.model import Minutes
from workshop_app.minutes.options import Paper
from workshop_app.minutes.templates import render_template

CSS_PAPER = {Paper.A4: "A4", Paper.LETTER: "letter"}


def _context(minutes: Minutes, *, qt: bool, handout: bool) -> dict[str, object]:
    return {
        "minutes": minutes,
        "labels": minutes.labels,
        "paper": CSS_PAPER[minutes.options.paper],
        "qt": qt,
        "handout": handout,
    }


def render_html(minutes: Minutes, template: Path | None = None) -> str:
    """The minutes as one HTML page with its own print CSS (default or the user's template)."""
    return render_template(
        "html", "minutes.html.j2", template, **_context(minutes, qt=False, handout=False)
    )


def render_agenda_html(minutes: Minutes, template: Path | None = None) -> str:
    """The agenda handout as one HTML page."""
    return render_template(
        "html", "agenda.html.j2", template, **_context(minutes, qt=False, handout=True)
    )


def render_qt_html(minutes: Minutes, *, handout: bool = False) -> str:
    """The same page in the HTML subset Qt's rich text lays out (for the PDF)."""
    name = "agenda.html.j2" if handout else "minutes.html.j2"
    return render_template("html", name, None, **_context(minutes, qt=True, handout=handout))
