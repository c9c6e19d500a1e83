"""Writing a workshop as an interchange file (the newest format version, or an older one)."""

from __future__ import annotations

import dataclasses
import json
from enum import Enum
from typing import Any

from workshop_app.domain.days import with_days
from workshop_app.domain.model import Workshop, WorkshopRecord
from workshop_app.interchange.errors import ExportRefused
from workshop_app.interchange.layout import (
    ADDED_IN,
    DAYS_VERSION,
    FORMAT,
    LAYOUTS,
    LISTS,
    LISTS_ADDED_IN,
    OMITTED_WHEN_DEFAULT,
    VERSION,
    VERSIONS,
    record_attr,
)
from workshop_app.words import plural

# Names of the people or things that a refusal lists; the count says how many in all.
_NAMED_IN_REFUSAL = 3


def record_to_dict(record: WorkshopRecord, version: int = VERSION) -> dict[str, Any]:
    """The interchange document for ``record``: absent values omitted, lists in recorded order.

    Raises ExportRefused when ``version`` cannot hold something the record has.
    """
    if version not in VERSIONS:
        raise ExportRefused(f"There is no interchange format version {version}.")
    record = _one_day_for_older(record, version)
    added = {key for v, keys in LISTS_ADDED_IN.items() if v > version for key in keys}
    document: dict[str, Any] = {
        "format": FORMAT,
        "version": version,
        "workshop": _object(record.workshop),
    }
    for key, _cls in LISTS:
        if key not in added:
            document[key] = [_object(item) for item in getattr(record, record_attr(key))]
    newer = {key for v, keys in ADDED_IN.items() if v > version for key in keys}
    _refuse_what_is_newer(document, newer, version)
    return document


def _one_day_for_older(record: WorkshopRecord, version: int) -> WorkshopRecord:
    """``record`` as a version without days or groups holds it: one day, the workshop's
    date; a workshop with several days or with breakout groups is refused."""
    if version < DAYS_VERSION:
        if record.groups:
            raise ExportRefused(
                f"Format version {version} cannot hold breakout groups, and this workshop has "
                f"{plural(len(record.groups), 'group', 'groups')}.",
                hint=f"Export version {VERSION} (the default), which holds them.",
            )
        if len(record.days) > 1:
            raise ExportRefused(
                f"Format version {version} holds a one-day workshop, and this one has "
                f"{plural(len(record.days), 'day', 'days')}.",
                hint=f"Export version {VERSION} (the default), which holds the days.",
            )
        record = with_days(record)  # the workshop's date is its one day's
        agenda = tuple(dataclasses.replace(item, day_id=None) for item in record.agenda)
        return dataclasses.replace(record, days=(), agenda=agenda)
    return record


def dumps(record: WorkshopRecord, version: int = VERSION) -> str:
    """The interchange file's text for ``record``: indented JSON ending in a newline."""
    return json.dumps(record_to_dict(record, version), ensure_ascii=False, indent=2) + "\n"


def _refuse_what_is_newer(
    document: dict[str, Any], newer: set[tuple[str, str]], version: int
) -> None:
    """Raise ExportRefused, naming who has it, if the document holds a key ``version`` lacks."""
    for definition, key in sorted(newer):
        holders = [obj for obj in _objects(document, definition) if key in obj]
        if not holders:
            continue
        words = key.replace("_", " ")
        names = ", ".join(
            repr(obj.get("name") or obj.get("title") or obj.get("id"))
            for obj in holders[:_NAMED_IN_REFUSAL]
        )
        more = ", …" if len(holders) > _NAMED_IN_REFUSAL else ""
        raise ExportRefused(
            f"Format version {version} cannot hold a {definition}'s {words}, and "
            f"{plural(len(holders), f'{definition} has', f'{definition}s have')} one "
            f"({names}{more}).",
            hint=f"Export version {VERSION} (the default), or clear the {words}s first.",
        )


def _objects(document: dict[str, Any], definition: str) -> list[dict[str, Any]]:
    """The objects of the document that follow the schema's ``definition``."""
    if definition == "workshop":
        return [document["workshop"]]
    if definition == "question":
        return [q for item in document["agenda"] for q in item.get("questions", [])]
    lists = {LAYOUTS[cls][0]: key for key, cls in LISTS}
    return list(document[lists[definition]])


def _object(obj: object) -> dict[str, Any]:
    _definition, fields = LAYOUTS[type(obj)]
    out: dict[str, Any] = {}
    for field in fields:
        value = getattr(obj, field.attr)
        if value is None:
            continue
        if field.key in OMITTED_WHEN_DEFAULT and value == _DEFAULTS[field.attr]:
            continue
        out[field.key] = _value(value)
    return out


_DEFAULTS = {f.name: f.default for f in dataclasses.fields(Workshop)}


def _value(value: Any) -> Any:
    if isinstance(value, Enum):
        return value.value
    if isinstance(value, tuple | list):
        return [_value(v) for v in value]
    if type(value) in LAYOUTS:
        return _object(value)
    return value
