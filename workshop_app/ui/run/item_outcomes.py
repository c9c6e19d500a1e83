"""The next steps and the closing summary of the item the feed shows, under its consensus
points: what the rapporteur recorded is seen in the Run view at once."""

from __future__ import annotations

import datetime
import html
from collections.abc import Sequence

from PySide6.QtWidgets import QTextBrowser, QWidget

from workshop_app.domain.model import NextStep, NextStepStatus
from workshop_app.domain.outcomes import NEXT_STEP_LABELS

#: What the box says while the item has neither.
EMPTY = (
    "No next steps or summary for this item yet: Ctrl+Shift+A records a next step, "
    "Ctrl+Shift+M writes the summary."
)


def _escape(text: str) -> str:
    return html.escape(text, quote=False).replace("\n", "<br>")


def _day(iso: str) -> str:
    try:
        day = datetime.date.fromisoformat(iso)
    except ValueError:
        return iso
    return f"{day.day} {day:%b %Y}"


def next_step_line(step: NextStep) -> str:
    """One next step as the box shows it (user text escaped): what, who, by when, and its
    status when it is no longer open."""
    parts = [_escape(step.text)]
    if step.owner:
        parts.append(f"— {_escape(step.owner)}")
    if step.due:
        parts.append(f"· due {_escape(_day(step.due))}")
    if step.status != NextStepStatus.OPEN:
        parts.append(f"({NEXT_STEP_LABELS[step.status].lower()})")
    return " ".join(parts)


def outcomes_html(next_steps: Sequence[NextStep], summary: str | None) -> str:
    """The box's text: the next steps as a list, then the summary; or how to record them."""
    blocks = []
    if next_steps:
        rows = "".join(f"<p style='margin:0'>→ {next_step_line(s)}</p>" for s in next_steps)
        blocks.append(f"<p style='margin:0'><b>Next steps</b> ({len(next_steps)})</p>{rows}")
    if summary:
        blocks.append(
            f"<p style='margin-top:6px; margin-bottom:0'><b>Summary</b></p>"
            f"<p style='margin:0'>{_escape(summary)}</p>"
        )
    return "".join(blocks) or f"<p><i>{_escape(EMPTY)}</i></p>"


class ItemOutcomesView(QTextBrowser):
    """Read-only: the next steps and the summary are edited with their own dialogs."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("itemOutcomes")
        self.setAccessibleName("Next steps and summary of this item")
        self.setOpenLinks(False)
        self.next_steps: list[NextStep] = []
        self.summary: str | None = None
        self.setHtml(outcomes_html([], None))

    def show_outcomes(self, next_steps: Sequence[NextStep], summary: str | None) -> None:
        if list(next_steps) == self.next_steps and summary == self.summary:
            return
        self.next_steps, self.summary = list(next_steps), summary
        self.setHtml(outcomes_html(next_steps, summary))
