"""What the Run page offers the parts it is made of (the chair's item moves, the outcome
actions): its signals, the agenda it shows and its capture and consensus panels. The parts
name this class, not ``RunPage``, which imports them."""

from __future__ import annotations

from PySide6.QtCore import Signal
from PySide6.QtWidgets import QWidget

from workshop_app.domain.model import AgendaItem
from workshop_app.ui.run.capture_panel import CapturePanel
from workshop_app.ui.run.consensus_panel import ConsensusPanel


class RunView(QWidget):
    """The Run page as its parts see it (``RunPage`` is the one subclass)."""

    #: What an action did, for the window's status bar.
    status_message = Signal(str)

    capture: CapturePanel
    consensus: ConsensusPanel
    #: The running item, if any, and the whole agenda, as last read.
    item: AgendaItem | None
    items: list[AgendaItem]
    #: An item shown in the feed instead of the running one (after a search), or None.
    viewed_item_id: str | None

    def shown_item(self) -> AgendaItem | None:
        """The item the feed shows (the running one, or one looked back at)."""
        return next((i for i in self.items if i.id == self.viewed_item_id), None) or self.item
