"""Conversion between domain dataclasses and table rows.

Columns carry the dataclass field names, so one pair of helpers serves every table: enums are
stored as their text value, booleans as 0/1.
"""

from __future__ import annotations

import dataclasses
import functools
import operator
import sqlite3
import typing
from collections.abc import Callable, Iterator
from enum import Enum
from typing import Any, TypeVar

from workshop_app.errors import KnownError

T = TypeVar("T")


def _enum_converter(enum: type[Enum]) -> Callable[[Any], Enum]:
    """``enum(value)``, with the members looked up in a dict first (what Enum does, sooner)."""
    members = {member.value: member for member in enum}

    def convert(value: Any) -> Enum:
        try:
            return members[value]
        except (KeyError, TypeError):
            pass
        try:
            return enum(value)  # aliases and _missing_
        except ValueError:
            kind = "".join(f" {c.lower()}" if c.isupper() else c for c in enum.__name__)
            raise ValueOutsideFormat(kind.strip(), value) from None

    return convert


class ValueOutsideFormat(KnownError):
    """A row holds a value the format forbids: the file was written with its checks off."""

    def __init__(self, kind: str, value: Any) -> None:
        super().__init__(
            f"The workshop file holds a value this version does not allow (a {kind} of {value!r}): "
            "it was not written by Workshop App with its checks on.",
            hint="Check Document (workshop-app check) lists every such value; recovery copies "
            "what is valid into a new file.",
        )


@functools.cache
def _converters(cls: type) -> dict[str, Any]:
    hints = typing.get_type_hints(cls)
    converters: dict[str, Any] = {}
    for f in dataclasses.fields(cls):
        hint = hints[f.name]
        if isinstance(hint, type) and issubclass(hint, Enum):
            converters[f.name] = _enum_converter(hint)
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


def from_rows(cls: type[T], cursor: sqlite3.Cursor) -> Iterator[T]:
    """``from_row`` for each row of ``cursor`` (plain tuples): the columns are matched to
    fields and converters once per query, not once per row."""
    fields = _field_order(typing.cast(type, cls))
    convert = _converters(typing.cast(type, cls))
    # Later columns of the same name win, as they do in a row dict.
    index = {d[0]: i for i, d in enumerate(cursor.description) if d[0] in fields}
    if len(fields) < 2 or len(index) < len(_field_names(typing.cast(type, cls))):
        # Some fields keep their defaults (or are not the constructor's): row by row.
        columns = [d[0] for d in cursor.description]
        yield from (from_row(cls, dict(zip(columns, row, strict=True))) for row in cursor)
        return
    # Every field has a column: pass them in field order, converting where needed.
    pick = operator.itemgetter(*(index[name] for name in fields))
    converted = [(i, convert[name]) for i, name in enumerate(fields) if name in convert]
    for row in cursor:
        values = list(pick(row))
        for i, to_value in converted:
            if values[i] is not None:
                values[i] = to_value(values[i])
        yield cls(*values)


@functools.cache
def _field_order(cls: type) -> tuple[str, ...]:
    return tuple(f.name for f in dataclasses.fields(cls) if f.init)


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
