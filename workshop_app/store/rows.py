"""Conversion between domain dataclasses and table rows.

Columns carry the dataclass field names, so one pair of helpers serves every table: enums are
stored as their text value, booleans as 0/1.
"""

from __future__ import annotations

import dataclasses
import functools
import typing
from enum import Enum
from typing import Any, TypeVar

T = TypeVar("T")


@functools.cache
def _converters(cls: type) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    converters: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        hint = hints[f.name]
        if isinstance(hint, type) and issubclass(hint, Enum):
            converters[f.name] = hint
        elif hint is bool:
            converters[f.name] = bool
    return converters


@functools.cache
def _field_names(cls: type) -> frozenset[str]:
    return frozenset(f.name for f in dataclasses.fields(cls))


def from_row(cls: type[T], row: dict[str, Any], **extra: Any) -> T:
    """Build ``cls`` from a row, ignoring columns it has no field for."""
    names = _field_names(typing.cast(type, cls))
    convert = _converters(typing.cast(type, cls))
    values = {}
    for name, value in row.items():
        if name in names:
            values[name] = convert[name](value) if name in convert and value is not None else value
    values.update(extra)
    return cls(**values)


def to_row(obj: Any, *, exclude: tuple[str, ...] = ()) -> dict[str, Any]:
    """The columns of ``obj`` (a dataclass), without nested collections."""
    row: dict[str, Any] = {}
    for f in dataclasses.fields(obj):
        if f.name in exclude:
            continue
        value = getattr(obj, f.name)
        if isinstance(value, Enum):
            value = value.value
        elif isinstance(value, bool):
            value = int(value)
        row[f.name] = value
    return row
