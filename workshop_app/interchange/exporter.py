"""Writing a workshop as an interchange file (format version 1)."""

from __future__ import annotations

import json
from enum import Enum
from typing import Any

from workshop_app.domain.model import WorkshopRecord
from workshop_app.interchange.layout import FORMAT, LAYOUTS, LISTS, VERSION


def record_to_dict(record: WorkshopRecord) -> dict[str, Any]:
    """The interchange document for ``record``: absent values omitted, lists in recorded order."""
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": VERSION,
        "workshop": _object(record.workshop),
    }
    for key, _cls in LISTS:
        document[key] = [_object(item) for item in getattr(record, key)]
    return document


def dumps(record: WorkshopRecord) -> str:
    """The interchange file's text for ``record``: indented JSON ending in a newline."""
    return json.dumps(record_to_dict(record), ensure_ascii=False, indent=2) + "\n"


def _object(obj: object) -> dict[str, Any]:
    _definition, fields = LAYOUTS[type(obj)]
    out: dict[str, Any] = {}
    for field in fields:
        value = getattr(obj, field.attr)
        if value is not None:
            out[field.key] = _value(value)
    return out


def _value(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [_value(v) for v in value]
    if type(value) in LAYOUTS:
        return _object(value)
    return value
