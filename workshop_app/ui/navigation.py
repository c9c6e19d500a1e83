"""Going to a place in the workshop: a contribution, an item, a point, a next step, a detail.

Used when the anonymity check names a place to edit, and when a consensus point's supporting
contribution is opened from the Minutes mode. The window's pages stay unaware of each other.
"""

from __future__ import annotations

from typing import Protocol

from PySide6.QtWidgets import QWidget

from workshop_app.errors import KnownError
from workshop_app.ui.minutes.minutes_page import MinutesPage
from workshop_app.ui.prepare.agenda_panel import AgendaPanel
from workshop_app.ui.prepare.prepare_page import PreparePage
from workshop_app.ui.run.run_page import RunPage
from workshop_app.ui.session import Session


class Frame(Protocol):
    """What going somewhere needs of the main window (which imports this module)."""

    session: Session | None

    def show_mode(self, key: str) -> None: ...

    def page(self, key: str) -> QWidget: ...


def go_to(window: Frame, ref: tuple[str, str]) -> None:
    """Show the page where ``ref`` (kind, id) can be read and edited, with it selected."""
    session = window.session
    if session is None:
        return
    kind, ident = ref
    if kind == "contribution":
        try:
            contribution = session.contributions.get(ident)
        except KnownError:
            return
        window.show_mode("run")
        run = window.page("run")
        assert isinstance(run, RunPage)
        run.view_item(contribution.agenda_item_id)
        run.capture.select(ident)
        return
    if kind == "workshop":
        _prepare(window).show_panel("Details")
        return
    if kind == "agenda_item_details":  # an item's title, questions or description
        _show_in_agenda(window, ident)
        return
    window.show_mode("minutes")
    minutes = window.page("minutes")
    assert isinstance(minutes, MinutesPage)
    if kind == "consensus":
        minutes.show_panel("Consensus")
        minutes.consensus.select(ident)
    elif kind == "action":
        minutes.show_panel("Next Steps")
        minutes.next_steps.select(ident)
    elif kind == "agenda_item":
        # An item's summary is written in the Minutes mode; its title and description in
        # Prepare (a break has no summary there).
        try:
            field = minutes.summaries.field(ident)
        except KeyError:
            _show_in_agenda(window, ident)
            return
        minutes.show_panel("Summaries")
        field.setFocus()
        minutes.summaries.ensureWidgetVisible(field)


def _show_in_agenda(window: Frame, item_id: str) -> None:
    prepare = _prepare(window)
    prepare.show_panel("Agenda")
    agenda = prepare.panel("Agenda")
    assert isinstance(agenda, AgendaPanel)
    agenda.select(item_id)


def _prepare(window: Frame) -> PreparePage:
    window.show_mode("prepare")
    page = window.page("prepare")
    assert isinstance(page, PreparePage)
    return page
