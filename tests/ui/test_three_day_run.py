"""The three-day demo run through the GUI during its first breakout round: the rapporteur
follows group A then group B (record, propose, summarise), plenary moves to the report-back,
takes the groups' points up and agrees; the minutes, exported from the command line, say so
in every format (read from the file, as the organiser would send them)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from pytestqt.qtbot import QtBot

from tests.minutes.readback import text_of
from tests.ui.test_run_view import type_and_record
from workshop_app.demo import as_at, three_days_record
from workshop_app.domain.clock import parse_timestamp
from workshop_app.domain.model import ConsensusPoint, ConsensusStatus, new_id
from workshop_app.store import Document
from workshop_app.ui import dialogs
from workshop_app.ui.main_window import MainWindow
from workshop_app.ui.run.run_page import RunPage

ROUND_STARTED = "2009-03-10T11:30:00+00:00"  # round 1 (a04) began at 11:25
SAID_IN_A = "Ten border posts carry most of the Sahel's crossings."
SAID_IN_B = "Our survey tables could be out within six months."
POINT_A = "Count crossings monthly at the ten busiest posts."
POINT_B = "Publish the survey tables on migration within six months."


def flat(text: str) -> str:
    return " ".join(text.replace("\\", "").replace("*", "").replace(" )", ")").split())


@pytest.fixture
def day_one(tmp_path: Path) -> Path:
    path = tmp_path / "dakar.workshop"
    Document.create_from_record(path, as_at(three_days_record(), ROUND_STARTED)).close()
    return path


def run(window: MainWindow, at: str) -> RunPage:
    session = window.session
    assert session is not None
    moment = parse_timestamp(at)
    session.clock = lambda: moment
    window.show_mode("run")
    page = window.page("run")
    assert isinstance(page, RunPage)
    page.refresh()
    return page


def test_a_breakout_round_and_its_report_back_end_up_in_the_minutes(
    qtbot: QtBot,
    window: MainWindow,
    day_one: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    assert window.open_path(day_one)
    page = run(window, ROUND_STARTED)
    assert page.item is not None and page.item.id == "a04"
    names = [page.group_floor.choice.itemText(i) for i in range(4)]
    assert names == ["Plenary", "Group A: Sahel", "Group B: Coastal West Africa",
                     "Group C: Central Africa"]  # fmt: skip
    proposals = iter([POINT_A, POINT_B])
    monkeypatch.setattr(
        dialogs,
        "edit_consensus_point",
        lambda _parent, item, *_rest: ConsensusPoint(new_id(), item.id, next(proposals)),
    )
    summaries = iter(["Group A wants monthly counts.", "Group B will publish first."])
    monkeypatch.setattr(dialogs, "edit_text", lambda *_args: next(summaries))

    for said in (SAID_IN_A, SAID_IN_B):  # group A, then group B (Ctrl+G each time)
        page.group_floor.next_action.trigger()
        type_and_record(qtbot, page, said)
        page.point_action.trigger()
        page.summary_action.trigger()
    session = window.session
    assert session is not None
    groups = {g.name: g for g in session.groups.list("a04")}
    assert groups["Group A: Sahel"].summary == "Group A wants monthly counts."
    recorded = {c.text: c.group_id for c in session.contributions.list("a04")}
    assert recorded[SAID_IN_A] == groups["Group A: Sahel"].id
    assert recorded[SAID_IN_B] == groups["Group B: Coastal West Africa"].id

    # Back to plenary: lunch, then the report-back (a06 reports on a04).
    page.group_floor.choice.setCurrentIndex(0)
    page.next_item_action.trigger()
    page.next_item_action.trigger()
    page.refresh()
    assert page.item is not None and page.item.id == "a06"
    monkeypatch.setattr(
        dialogs, "choose_points_to_take_up", lambda _p, offered, _t: [p.id for _n, p in offered]
    )
    page.outcome_view.take_up_action.trigger()
    taken = session.consensus.list("a06")
    assert [p.text for p in taken] == [POINT_A, POINT_B]
    session.consensus.update(taken[0].id, status=ConsensusStatus.AGREED)
    window.close_workshop()

    for fmt in ("md", "html", "docx", "pdf"):
        out = tmp_path / f"minutes.{fmt}"
        result = subprocess.run(
            [
                sys.executable,
                "-m",
                "workshop_app",
                "export",
                str(day_one),
                "-f",
                fmt,
                "-o",
                str(out),
            ],
            capture_output=True,
            text=True,
            timeout=120,
        )
        assert result.returncode == 0, result.stderr
        text = flat(text_of(fmt, out.read_bytes()))
        assert "10–12 March 2009" in text and "Day 1 · 10 March 2009" in text, fmt
        a, b = text.index("Group A: Sahel"), text.index("Group B: Coastal West Africa")
        assert a < text.index(SAID_IN_A) and b < text.index(SAID_IN_B), fmt
        assert "Group A wants monthly counts." in text, fmt
        assert "Reports from the groups" in text, fmt
        assert f"Agreed: {POINT_A} (from Group A: Sahel)" in text, fmt
        assert f"Proposed: {POINT_B} (from Group B: Coastal West Africa)" in text, fmt
