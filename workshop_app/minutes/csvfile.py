"""The contributions as CSV: one row each, safe to open in a spreadsheet.

UTF-8 with a byte order mark (so Excel reads the accents), every cell neutralised against
formula injection (a leading = + - @ tab or CR gets an apostrophe).
"""

from __future__ import annotations

import csv
import io

from workshop_app.minutes.model import Minutes
from workshop_app.minutes.text import neutralise_cell, xml_safe

HEADER = ("time", "agenda item", "guiding question", "kind", "attributed to", "text")


def safe_cell(text: str) -> str:
    """A text as a spreadsheet cell holds it (here and in the XLSX): never run as a formula."""
    # Control characters are dropped as for the other formats: spreadsheets choke on them.
    return neutralise_cell(xml_safe(text))


def render_csv(minutes: Minutes) -> bytes:
    """One row per contribution the minutes print (highlights only when so chosen)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, dialect="excel")
    writer.writerow(HEADER)
    # Times, items, questions, kinds and speakers repeat from row to row: each distinct one is
    # made safe once (for this file only). Every text is its own.
    repeated: dict[str, str] = {}

    def cell(text: str) -> str:
        if text not in repeated:
            repeated[text] = safe_cell(text)
        return repeated[text]

    writer.writerows(
        (
            cell(s.timestamp),
            cell(s.item_title),
            cell(s.question),
            cell(s.kind),
            cell(s.attribution or ""),
            safe_cell(s.text),
        )
        for s in minutes.statements
    )
    return out.getvalue().encode("utf-8-sig")
