"""Search across the workshop: as you type, in step with every edit, undo included."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import Qt, QTimer
from pytestqt.modeltest import ModelTester
from pytestqt.qtbot import QtBot

from workshop_app.domain.attribution import FROM_THE_FLOOR_LABEL
from workshop_app.ui.edits.run_edits import RunEdits
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.run.search_dialog import (
    ResultsModel,
    SearchDialog,
    SearchResult,
    snippet_html,
    snippet_text,
)
from workshop_app.ui.session import Session

MOLDOVA = "c07"  # "An EU Mobility Partnership in the Eastern Neighbourhood …", Natalia Rusu, 10:45


def test_snippet_html_escapes_the_speakers_text_and_bolds_the_matches() -> None:
    snippet = "<b>Not bold</b> & the [sic] talks with [Moldova] </table>…"
    assert snippet_html(snippet, "moldova") == (
        "&lt;b&gt;Not bold&lt;/b&gt; &amp; the [sic] talks with <b>Moldova</b> &lt;/table&gt;…"
    )
    assert snippet_text(snippet, "moldova") == (
        "<b>Not bold</b> & the [sic] talks with Moldova </table>…"
    )


def test_snippet_matches_follow_the_index_folding() -> None:
    # the last word is a prefix; case and accents are folded as FTS5's tokenizer does
    assert snippet_html("[Léa] met [Partners]", "lea partner") == "<b>Léa</b> met <b>Partners</b>"
    # a speaker's own brackets around a match stay, the match is bold inside them
    assert snippet_html("as quoted: [[Rabat]]", "rabat") == "as quoted: [<b>Rabat</b>]"
    assert snippet_html("a [ b ] c\nd", "x") == "a [ b ] c d"


def test_the_results_model_passes_the_model_tester(qtmodeltester: ModelTester) -> None:
    model = ResultsModel()
    result = SearchResult("c1", "Opening", "09:40", "A. Example", "the [Rabat] Process")
    model.set_results([result, result], "rabat")
    qtmodeltester.check(model)
    index = model.index(0)
    assert index.data(ResultsModel.ResultRole) == result
    assert index.data() == "09:40 · A. Example — Opening: the Rabat Process"
    assert index.data(ResultsModel.HtmlRole) == "the <b>Rabat</b> Process"


@pytest.fixture
def session(window: MainWindow, demo_path: Path) -> Session:
    assert window.open_path(demo_path)
    assert window.session is not None
    return window.session


@pytest.fixture
def dialog(qtbot: QtBot, window: MainWindow, session: Session) -> Iterator[SearchDialog]:
    widget = SearchDialog(session, window)
    qtbot.addWidget(widget)
    widget.show()
    qtbot.waitExposed(widget)
    yield widget
    widget.close()


def ids(dialog: SearchDialog) -> list[str]:
    return [r.contribution_id for r in dialog.model.results()]


def test_searches_as_you_type(qtbot: QtBot, dialog: SearchDialog) -> None:
    assert dialog.model.rowCount() == 0
    assert "Type words" in dialog.status.text()
    qtbot.keyClicks(dialog.query, "Neighbour")  # the last word is a prefix
    assert dialog.model.rowCount() == 0  # not on every key: after a pause
    qtbot.waitUntil(lambda: ids(dialog) == [MOLDOVA])
    result = dialog.model.results()[0]
    assert (result.time, result.speaker) == ("10:45", "Natalia Rusu")
    assert result.item_title == "Partnerships and capacity development in migration management"
    assert "<b>Neighbourhood</b>" in dialog.model.index(0).data(ResultsModel.HtmlRole)
    assert dialog.status.text() == "1 contribution found."


def test_several_words_and_the_floor(qtbot: QtBot, dialog: SearchDialog) -> None:
    dialog.set_query("both sides say no")
    assert ids(dialog) == ["c15"]
    assert dialog.model.results()[0].speaker == FROM_THE_FLOOR_LABEL
    dialog.set_query("Rabat Process")
    assert ids(dialog) == ["c09"]
    dialog.set_query("xyzzy")
    assert dialog.model.rowCount() == 0
    assert dialog.status.text() == "No contribution contains “xyzzy”."
    dialog.set_query('"); DROP TABLE contributions; --')  # plain words, never SQL or FTS syntax
    assert dialog.model.rowCount() == 0


def test_finds_text_after_edit_not_after_delete_again_after_undo(
    qtbot: QtBot, dialog: SearchDialog, session: Session
) -> None:
    edits = RunEdits(session)
    dialog.set_query("Chisinau")
    assert ids(dialog) == []
    assert edits.update(MOLDOVA, text="Peer exchanges between Chisinau and Brussels helped.")
    qtbot.waitUntil(lambda: ids(dialog) == [MOLDOVA])
    dialog.set_query("Neighbourhood")
    assert ids(dialog) == []  # the old text is out of the index
    dialog.set_query("Chisinau")
    assert edits.delete(MOLDOVA)
    qtbot.waitUntil(lambda: ids(dialog) == [])
    session.undo_stack.undo()
    qtbot.waitUntil(lambda: ids(dialog) == [MOLDOVA])
    session.undo_stack.undo()  # the edit: the old text is found again, the new one not
    qtbot.waitUntil(lambda: ids(dialog) == [])
    dialog.set_query("Neighbourhood")
    assert ids(dialog) == [MOLDOVA]


def test_results_follow_renamed_speakers_and_items(
    qtbot: QtBot, dialog: SearchDialog, session: Session
) -> None:
    dialog.set_query("Neighbourhood")
    session.participants.update("p09", name="N. Rusu")
    qtbot.waitUntil(lambda: dialog.model.results()[0].speaker == "N. Rusu")


def test_enter_jumps_to_the_chosen_result_and_closes(qtbot: QtBot, dialog: SearchDialog) -> None:
    qtbot.keyClicks(dialog.query, "partnership")
    qtbot.waitUntil(lambda: dialog.model.rowCount() > 2)
    first, second = ids(dialog)[:2]
    assert dialog.current_result() is not None
    assert dialog.current_result().contribution_id == first  # type: ignore[union-attr]
    qtbot.keyClick(dialog.query, Qt.Key.Key_Down)  # moves in the results, focus stays
    assert dialog.query.hasFocus()
    with qtbot.waitSignal(dialog.jump_requested) as jumped:
        qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    assert jumped.args == [second]
    assert not dialog.isVisible()
    assert dialog.result() == SearchDialog.DialogCode.Accepted


def test_enter_right_after_typing_waits_for_no_timer(qtbot: QtBot, dialog: SearchDialog) -> None:
    qtbot.keyClicks(dialog.query, "ministry")
    with qtbot.waitSignal(dialog.jump_requested) as jumped:
        qtbot.keyClick(dialog.query, Qt.Key.Key_Return)
    assert jumped.args == ["c04"]


def test_double_click_jumps(qtbot: QtBot, dialog: SearchDialog) -> None:
    dialog.set_query("Neighbourhood")
    centre = dialog.results.visualRect(dialog.model.index(0)).center()
    viewport = dialog.results.viewport()
    with qtbot.waitSignal(dialog.jump_requested) as jumped:
        # a view takes a double-click on the item the first click pressed
        qtbot.mouseClick(viewport, Qt.MouseButton.LeftButton, pos=centre)
        qtbot.mouseDClick(viewport, Qt.MouseButton.LeftButton, pos=centre)
    assert jumped.args == [MOLDOVA]


def test_escape_closes_without_jumping(qtbot: QtBot, dialog: SearchDialog) -> None:
    dialog.set_query("Neighbourhood")
    jumps: list[str] = []
    dialog.jump_requested.connect(jumps.append)
    qtbot.keyClick(dialog.query, Qt.Key.Key_Escape)
    assert not dialog.isVisible()
    assert dialog.result() == SearchDialog.DialogCode.Rejected
    assert jumps == []


def test_closing_the_workshop_closes_the_dialog(
    qtbot: QtBot, window: MainWindow, dialog: SearchDialog
) -> None:
    window.close_workshop()
    assert not dialog.isVisible()


def test_the_query_box_and_results_are_labelled(dialog: SearchDialog) -> None:
    from PySide6.QtWidgets import QLabel

    assert any(label.buddy() is dialog.query for label in dialog.findChildren(QLabel))
    assert dialog.results.accessibleName() == "Contributions found"
    dialog.set_query("Neighbourhood")
    assert dialog.results.accessibleDescription() == "1 contribution found."
    assert not dialog.grab().isNull()


def test_a_hidden_dialog_catches_up_when_shown_again(
    qtbot: QtBot, dialog: SearchDialog, session: Session
) -> None:
    dialog.set_query("Chisinau")
    dialog.hide()
    assert RunEdits(session).update(MOLDOVA, text="Chisinau and Brussels.")
    timer = dialog.findChild(QTimer)
    assert timer is not None and not timer.isActive()  # no work while hidden
    assert ids(dialog) == []
    dialog.show()
    assert ids(dialog) == [MOLDOVA]
