"""The room's screen, at a projector's 1920x1080 and an old one's 1024x768."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtWidgets import QWidget

from workshop_app.domain.model import ConsensusStatus
from workshop_app.domain.projector import ProjectorMode
from workshop_app.ui.screenshots.run_views import show_run
from workshop_app.ui.screenshots.scene import ARABIC_SUBTITLE, LONG_TITLE, Scene

# -- the projector: the room's screen, at a projector's 1920x1080 and an old one's 1024x768 ----

PROJECTOR_SIZES = {"": (1920, 1080), "-1024x768": (1024, 768)}
LONG_QUESTION = (
    "Looking back at the partnerships we have each been part of, what made the difference "
    "between a partnership in name and a real one, shared from the design of the activities "
    "to their evaluation, and what would we do differently next time?"
)
ARABIC_QUESTION = "ما الدور الذي تؤديه تنمية القدرات داخل شراكة حقيقية بين الطرفين؟"


def in_progress_long(scene: Scene) -> None:
    """The day in progress with a long item title, a long question and a long queue."""
    show_run(scene, "Long.workshop")
    session = scene.window.session
    assert session is not None
    if session.agenda.get("a2").title != LONG_TITLE:
        session.agenda.update_item("a2", title=LONG_TITLE)
        session.agenda.update_question("q2", LONG_QUESTION)
        for who in ("p03", "p05", "p06", "p07"):
            session.speeches.request("a2", who, session.clock())
        session.consensus.update("k-shot-2", status=ConsensusStatus.AGREED_WITH_RESERVATIONS)


def in_progress_rtl(scene: Scene) -> None:
    """The day in progress with an Arabic item title and question."""
    show_run(scene, "Arabic.workshop")
    session = scene.window.session
    assert session is not None
    session.agenda.update_item("a2", title=ARABIC_SUBTITLE)
    session.agenda.update_question("q2", ARABIC_QUESTION)


def show_projector(
    mode: ProjectorMode,
    size: tuple[int, int],
    day: Callable[[Scene], None] = show_run,
    *,
    dark: bool = True,
) -> Callable[[Scene], QWidget]:
    """The projector window in ``mode`` at ``size``, on the day ``day`` sets up."""

    def show(scene: Scene) -> QWidget:
        day(scene)
        projector = scene.window.projector
        projector.update(dark=dark, show_clock=True, show_queue=True, show_reservations=False)
        projector.set_mode(mode, "Coffee until 11:15")
        projector.open()
        assert projector.window is not None
        projector.window.resize(*size)
        return projector.window

    return show


PROJECTOR_VIEWS: list[tuple[str, Callable[[Scene], QWidget | None]]] = [
    (f"projector-{name}{suffix}.png", show_projector(mode, size, day, dark=dark))
    for name, mode, day, dark in [
        ("question", ProjectorMode.QUESTION, show_run, True),
        ("agenda", ProjectorMode.AGENDA, show_run, True),
        ("consensus", ProjectorMode.CONSENSUS, show_run, True),
        ("message", ProjectorMode.MESSAGE, show_run, True),
        ("blank", ProjectorMode.BLANK, show_run, True),
        ("question-light", ProjectorMode.QUESTION, show_run, False),
        ("question-long", ProjectorMode.QUESTION, in_progress_long, True),
        ("question-rtl", ProjectorMode.QUESTION, in_progress_rtl, True),
    ]
    for suffix, size in PROJECTOR_SIZES.items()
]
