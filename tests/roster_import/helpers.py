"""Builders of registration-list files for the import tests."""

from __future__ import annotations

import codecs
from pathlib import Path
from typing import Any

import openpyxl  # type: ignore[import-untyped]

from workshop_app.domain.model import Participant


def write_text(path: Path, text: str, encoding: str) -> Path:
    """Write ``text`` as the given encoding; "utf-16-le-bom" is Excel's "Unicode text"."""
    if encoding == "utf-16-le-bom":
        data = codecs.BOM_UTF16_LE + text.encode("utf-16-le")
    elif encoding == "utf-16-be-bom":
        data = codecs.BOM_UTF16_BE + text.encode("utf-16-be")
    else:
        data = text.encode(encoding)
    path.write_bytes(data)
    return path


def write_xlsx(path: Path, rows: list[list[Any]], *, first_sheet_name: str = "People") -> Path:
    """A workbook whose first sheet holds ``rows`` (None is an empty cell)."""
    workbook = openpyxl.Workbook()
    sheet = workbook.active
    sheet.title = first_sheet_name
    for row in rows:
        sheet.append(row)
    workbook.save(path)
    return path


def person(name: str, **fields: Any) -> Participant:
    """A roster entry with a fixed id derived from the name."""
    return Participant(id=f"id-{name}", name=name, **fields)
