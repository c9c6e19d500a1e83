"""Issue 14, Low: a right-to-left override left open in a name turns round nothing after it.

A participant registered as "Eve‮ Mallory" (an unpaired U+202E, as pasted from elsewhere):
before, every format carried the control, and the words printed after the name (her own
contribution, the next column) were shown reversed. Now unpaired controls are dropped where
text is made safe to print; a pair that closes within the text keeps its effect to itself.
"""

from __future__ import annotations

import dataclasses
import io
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from tests.minutes.readback import csv_rows, docx_parts, text_of
from tests.security.helpers import NEUTRAL, base_record, export, said, write
from workshop_app.domain.model import Participant
from workshop_app.minutes.text import paired_bidi

RLO, PDF = "\u202e", "\u202c"
EVE = Participant(id="e1", name=f"Eve{RLO} Mallory", stakeholder_group="Civil society")


@pytest.fixture
def workshop(tmp_path: Path) -> Path:
    record = base_record()
    record = dataclasses.replace(record, participants=(*record.participants, EVE))
    return write(said(record, NEUTRAL, EVE.id), tmp_path)


@pytest.mark.parametrize("fmt", ["md", "html", "csv", "docx", "pdf"])
def test_an_open_override_in_a_name_does_not_reorder_what_follows(
    capsys: pytest.CaptureFixture[str], workshop: Path, fmt: str
) -> None:
    code, err, out = export(capsys, workshop, fmt, mode="named")
    assert code == 0, err
    data = out.read_bytes()
    shown = " ".join(text_of(fmt, data).split())
    assert "Eve Mallory" in shown
    assert NEUTRAL in shown  # in reading order: the PDF's text is drawn as it is shown
    if fmt == "docx":
        assert all(RLO not in part.decode("utf-8", "replace") for part in docx_parts(data).values())
        assert docx.Document(io.BytesIO(data)).core_properties.title == "European Conversation"
    elif fmt == "csv":
        [row] = [row for row in csv_rows(data) if row[-1] == NEUTRAL]
        assert row[4] == "Eve Mallory"
    elif fmt == "pdf":
        # The PDF's text comes in runs, each in reading order; their places show the order a
        # reader sees: reversed, her name's end was drawn to the right of her words.
        [(name_x, words_x)] = places_on_the_line(data, "Mallory:", "Trust takes years")
        assert name_x < words_x
    else:
        assert RLO not in data.decode("utf-8")


def places_on_the_line(data: bytes, first: str, second: str) -> list[tuple[float, float]]:
    """The x of each run holding ``first`` and of the run holding ``second`` on its line."""
    runs: list[tuple[int, float, float, str]] = []
    for number, page in enumerate(PdfReader(io.BytesIO(data)).pages):

        def visit(text: str, cm: list[float], tm: list[float], *_: object, n: int = number) -> None:
            runs.append((n, round(cm[5] + tm[5], 1), cm[4] + tm[4], " ".join(text.split())))

        page.extract_text(visitor_text=visit)
    return [
        (x1, x2)
        for page, y, x2, text in runs
        if second in text
        for page1, y1, x1, text1 in runs
        if (page1, y1) == (page, y) and first in text1
    ]


def test_a_pair_that_closes_is_kept_and_stray_controls_go() -> None:
    assert paired_bidi(f"a{RLO}bc{PDF} d") == f"a{RLO}bc{PDF} d"
    assert paired_bidi(f"Eve{RLO} Mallory") == "Eve Mallory"
    assert paired_bidi(f"x{PDF}y\u2069") == "xy"
    assert paired_bidi(f"\u2067{RLO}ab\u2069 c") == f"\u2067{RLO}ab\u2069 c"  # PDI closes both
    assert paired_bidi(f"{RLO}ab\ncd{PDF}") == "ab\ncd"  # a line's end closes it first
