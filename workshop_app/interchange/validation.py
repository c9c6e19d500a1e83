"""Checking a JSON value against the interchange schema, reporting the first problem in words."""

from __future__ import annotations

import difflib
import functools
import json
import re
import sys
from collections.abc import Iterable
from datetime import date, datetime
from typing import Any

from jsonschema import Draft202012Validator, FormatChecker

from workshop_app.assets import asset
from workshop_app.interchange.errors import InterchangeError, quote
from workshop_app.interchange.layout import FORMAT, SCHEMAS, VERSION, VERSIONS

_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_TIMESTAMP = re.compile(
    r"[0-9]{4}-[0-9]{2}-[0-9]{2}[Tt][0-9]{2}:[0-9]{2}:[0-9]{2}(?:\.[0-9]+)?"
    r"(?P<offset>[Zz]|[+-][0-9]{2}:[0-9]{2})?"
)
_EXAMPLE_TIMESTAMP = "2017-09-21T09:30:00+02:00"

_TYPE_WORDS = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list",
    "object": "an object",
    "null": "null",
}

# Which of several errors at the same place is reported: the most basic first.
_RANK = {"type": 0, "const": 1, "enum": 2, "required": 3, "additionalProperties": 4}


def check_date(instance: object) -> bool:
    """True for a real calendar date written YYYY-MM-DD; raises ValueError saying why not."""
    if not isinstance(instance, str):
        return True
    if not _DATE.fullmatch(instance):
        raise ValueError(f"{quote(instance)} is not a date written YYYY-MM-DD")
    try:
        date.fromisoformat(instance)
    except ValueError:
        raise ValueError(f"{quote(instance)} is not a real date") from None
    return True


def check_timestamp(instance: object) -> bool:
    """True for an RFC 3339 date and time with an offset; raises ValueError saying why not."""
    if not isinstance(instance, str):
        return True
    match = _TIMESTAMP.fullmatch(instance)
    if match is None:
        raise ValueError(
            f"{quote(instance)} is not an RFC 3339 timestamp (e.g. {_EXAMPLE_TIMESTAMP})"
        )
    if match.group("offset") is None:
        raise ValueError(
            f"{quote(instance)} has no UTC offset: add Z or ±hh:mm (e.g. {_EXAMPLE_TIMESTAMP})"
        )
    try:
        # RFC 3339 allows lower-case t and z; Python reads only upper case.
        datetime.fromisoformat(instance.upper())
    except ValueError:
        raise ValueError(f"{quote(instance)} is not a real date and time") from None
    return True


@functools.cache
def _validator(version: int) -> Any:
    schema = json.loads(asset(SCHEMAS[version]).read_text(encoding="utf-8"))
    # Draft 2020-12 treats "format" as a note unless asked; we check the two the schema uses.
    checker = FormatChecker(formats=())
    checker.checks("date", raises=ValueError)(check_date)
    checker.checks("date-time", raises=ValueError)(check_timestamp)
    return Draft202012Validator(schema, format_checker=checker)


def document_position(document: Any, path: Iterable[str | int]) -> tuple[int, ...]:
    """Where ``path`` lies in the text: sorting by this puts problems in reading order."""
    position: list[int] = []
    node = document
    for part in path:
        if isinstance(node, dict) and part in node:
            position.append(list(node).index(part))
        elif isinstance(node, list) and isinstance(part, int) and 0 <= part < len(node):
            position.append(part)
        else:
            position.append(sys.maxsize)
            break
        node = node[part]
    return tuple(position)


def envelope_problem(document: Any) -> InterchangeError | None:
    """Whether this is a workshop-app file of a version we read, before looking further."""
    if not isinstance(document, dict):
        return InterchangeError(
            f"the file must hold a JSON object, not {_actual(document)}: "
            "this is not a Workshop App interchange file"
        )
    if "format" in document and document["format"] != FORMAT:
        return InterchangeError.at(
            ("format",),
            f"{quote(document['format'])} is not {FORMAT!r}: "
            "this is not a Workshop App interchange file",
        )
    version = document.get("version", VERSION)
    if isinstance(version, bool) or version not in VERSIONS:
        newer = isinstance(version, int) and not isinstance(version, bool) and version > VERSION
        return InterchangeError(
            f"version {quote(version)} is not supported: "
            f"this version of Workshop App reads versions {_versions()}",
            "version",
            hint="It may come from a newer Workshop App, which can read it." if newer else "",
        )
    return None


def _versions() -> str:
    """``1 and 2``, ``1, 2 and 3``: the versions read, in words."""
    words = [str(v) for v in VERSIONS]
    return words[0] if len(words) == 1 else f"{', '.join(words[:-1])} and {words[-1]}"


def first_schema_problem(document: Any) -> InterchangeError | None:
    """The schema violation that comes first in the document, or None if there is none.

    The document is checked against the schema of its own version (which the envelope
    check has accepted; a missing version is a schema problem of the newest).
    """
    version = document.get("version") if isinstance(document, dict) else None
    errors = list(_validator(version if version in VERSIONS else VERSION).iter_errors(document))
    if not errors:
        return None
    first = min(errors, key=lambda e: _order(document, e))
    return InterchangeError.at(first.absolute_path, describe(first))


def _order(document: Any, error: Any) -> tuple[tuple[int, ...], int, str]:
    rank = _RANK.get(error.validator, len(_RANK))
    return document_position(document, error.absolute_path), rank, str(error.message)


def describe(error: Any) -> str:
    """A jsonschema error in plain words, on one line."""
    keyword, expected, instance = error.validator, error.validator_value, error.instance
    if keyword == "required":
        return f"missing required field {_missing_field(error)!r}"
    if keyword == "additionalProperties":
        return _unknown_fields(instance, error.schema.get("properties", {}))
    if keyword == "type":
        return f"must be {_type_words(expected)}, not {_actual(instance)}"
    if keyword in ("const", "enum"):
        allowed = [expected] if keyword == "const" else list(expected)
        if len(allowed) == 1:
            return f"must be {quote(allowed[0])}, not {quote(instance)}"
        choices = ", ".join(str(a) for a in allowed)
        return f"{quote(instance)} is not allowed here; use one of: {choices}"
    if keyword == "minLength":
        return (
            "must not be empty"
            if expected == 1
            else f"is too short: at least {expected} characters"
        )
    if keyword == "maxLength":
        return f"is too long: {len(instance)} characters, at most {expected}"
    if keyword == "minimum":
        return f"{instance} is too small: the least allowed is {expected}"
    if keyword == "maximum":
        return f"{instance} is too large: the most allowed is {expected}"
    if keyword == "pattern":  # the schema's only pattern is workshop.start_time
        return f"{quote(instance)} is not a time of day written HH:MM (e.g. 09:30)"
    if keyword == "format" and error.cause is not None:
        return str(error.cause)
    if keyword == "anyOf":
        return _describe_any_of(error)
    return " ".join(str(error.message).split())[:200]


def _missing_field(error: Any) -> str:
    missing = [name for name in error.validator_value if name not in error.instance]
    for name in missing:
        if error.message == f"{name!r} is a required property":
            return str(name)
    return str(missing[0])


def _unknown_fields(instance: dict[str, Any], known: dict[str, Any]) -> str:
    unknown = [key for key in instance if key not in known]
    if len(unknown) > 1:
        return "unknown fields " + ", ".join(quote(key) for key in unknown)
    key = unknown[0]
    close = difflib.get_close_matches(key, list(known), n=1)
    suggestion = f" (did you mean {close[0]!r}?)" if close else ""
    return f"unknown field {quote(key)}{suggestion}"


def _describe_any_of(error: Any) -> str:
    # Each anyOf in the schema is "an id, or null"; for text, say what is wrong with the id.
    if isinstance(error.instance, str):
        for sub in sorted(error.context, key=lambda e: _RANK.get(e.validator, len(_RANK))):
            if sub.validator != "type":
                return describe(sub)
    return f"must be an id (text) or null, not {_actual(error.instance)}"


def _type_words(expected: str | list[str]) -> str:
    names = [expected] if isinstance(expected, str) else expected
    return " or ".join(_TYPE_WORDS.get(name, name) for name in names)


def _actual(value: Any) -> str:
    """What a JSON value is, in words, for 'must be X, not Y'."""
    if isinstance(value, str):
        return f"text {quote(value)}"
    if isinstance(value, bool) or value is None:
        return quote(value)
    if isinstance(value, int | float):
        return f"the number {value!r}"
    return quote(value)
