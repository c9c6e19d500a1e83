"""Minutes and agenda handout as Markdown, from the Jinja2 templates in resources/templates."""

from __future__ import annotations

from pathlib import Path

from workshop_app.minutes.model import Minutes
from workshop_app.minutes.templates import render_template


def render_markdown(minutes: Minutes, template: Path | None = None) -> str:
    """The minutes as Markdown (default template, or the user's ``template`` file)."""
    return render_template("md", "minutes.md.j2", template, minutes=minutes, labels=minutes.labels)


def render_agenda_markdown(minutes: Minutes, template: Path | None = None) -> str:
    """The agenda handout (times, items, guiding questions) as Markdown."""
    return render_template("md", "agenda.md.j2", template, minutes=minutes, labels=minutes.labels)
