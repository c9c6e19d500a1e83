"""The agenda handout as DOCX: times, items, descriptions and guiding questions, by day."""

from __future__ import annotations

from pathlib import Path

from workshop_app.minutes.model import Minutes
from workshop_app.minutes.word_writer import Writer, title_block


def render_agenda_docx(minutes: Minutes, reference: Path | None = None) -> bytes:
    """The agenda handout (times, items, descriptions, guiding questions) as DOCX."""
    w = Writer(minutes, reference)
    labels = minutes.labels
    title_block(w, handout=True)
    w.heading(labels.agenda, 1)
    day = ""
    for item in minutes.items:
        if item.day != day:
            w.heading(item.day, 1)
            day = item.day
        times = f"{item.planned_start}–{item.planned_end}"
        title = item.title if item.is_break else f"{item.number}. {item.title}"
        w.heading(f"{times}  {title}", 2)
        for paragraph in item.description:
            w.para(paragraph)
        if item.questions:
            w.runs("Normal", (f"{labels.guiding_questions}:", "i"))
            for question in item.questions:
                w.para(question, "List Bullet")
    return w.finish()
