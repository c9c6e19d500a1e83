"""Reading an interchange file into a WorkshopRecord, refusing the whole file at its first problem.

The importer only returns a value: writing it into a workshop document is the caller's step,
so a refused file leaves nothing behind.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any, TypeVar

from workshop_app.domain.model import AgendaItem, GuidingQuestion, Workshop, WorkshopRecord
from workshop_app.interchange.errors import InterchangeError
from workshop_app.interchange.layout import LAYOUTS, LISTS, record_attr
from workshop_app.interchange.parsing import parse
from workshop_app.interchange.rules import first_rule_problem
from workshop_app.interchange.validation import envelope_problem, first_schema_problem

T = TypeVar("T")


def loads(text: str) -> WorkshopRecord:
    """The workshop in an interchange file's text; raises InterchangeError if it is not valid."""
    document = parse(text)
    for check in (envelope_problem, first_schema_problem, first_rule_problem):
        problem = check(document)
        if problem is not None:
            raise problem
    return _record(document)


def load_path(path: Path | str) -> WorkshopRecord:
    """The workshop in the interchange file at ``path``; raises InterchangeError if unusable."""
    path = Path(path)
    try:
        data = path.read_bytes()
    except FileNotFoundError:
        raise InterchangeError(f"There is no file at {path}.") from None
    except IsADirectoryError:
        raise InterchangeError(f"{path} is a folder, not an interchange file.") from None
    except OSError as error:
        raise InterchangeError(f"{path} cannot be read: {error.strerror or error}.") from error
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as error:
        line, column = _line_and_column(data, error.start)
        raise InterchangeError(
            f"{path} is not UTF-8 text: the byte 0x{data[error.start]:02X} "
            f"at line {line}, column {column} is not valid UTF-8",
            hint="Save the file with the UTF-8 encoding and import it again.",
        ) from None
    return loads(text)


def _line_and_column(data: bytes, offset: int) -> tuple[int, int]:
    """Line and column (in characters, from 1) of byte ``offset``, all of whose prefix decodes."""
    line_start = data.rfind(b"\n", 0, offset) + 1
    column = len(data[line_start:offset].decode("utf-8")) + 1
    return data.count(b"\n", 0, offset) + 1, column


def _record(document: dict[str, Any]) -> WorkshopRecord:
    lists: dict[str, tuple[Any, ...]] = {}
    for key, cls in LISTS:
        build = _agenda_item if cls is AgendaItem else lambda data, cls=cls: _build(cls, data)
        lists[record_attr(key)] = tuple(build(data) for data in document.get(key, []))
    return WorkshopRecord(workshop=_build(Workshop, document["workshop"]), **lists)


def _agenda_item(data: dict[str, Any]) -> AgendaItem:
    questions = tuple(
        _build(GuidingQuestion, q, agenda_item_id=data["id"]) for q in data.get("questions", [])
    )
    return _build(AgendaItem, data, questions=questions)


def _build(cls: type[T], data: dict[str, Any], **extra: Any) -> T:
    """``cls`` from a JSON object through its layout: absent or null keys take the default."""
    _definition, fields = LAYOUTS[cls]
    values: dict[str, Any] = {}
    for field in fields:
        value = data.get(field.key)
        if value is not None:
            values[field.attr] = field.load(value) if field.load is not None else value
    values.update(extra)
    return cls(**values)
