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


def render_csv(minutes: Minutes) -> bytes:
    """One row per contribution the minutes print (highlights only when so chosen)."""
    out = io.StringIO(newline="")
    writer = csv.writer(out, dialect="excel")
    writer.writerow(HEADER)
    for s in minutes.statements:
        row = (s.timestamp, s.item_title, s.question, s.kind, s.attribution or "", s.text)
        # Control characters are dropped as for the other formats: spreadsheets choke on them.
        writer.writerow([neutralise_cell(xml_safe(cell)) for cell in row])
    return out.getvalue().encode("utf-8-sig")
