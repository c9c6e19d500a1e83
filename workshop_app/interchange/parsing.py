"""From text to a JSON value, refusing what JSON or a workshop document cannot hold."""

from __future__ import annotations

import json
import re
from collections.abc import Iterator
from typing import Any

from workshop_app.interchange.errors import InterchangeError, JsonPath

_SURROGATE = re.compile("[\ud800-\udfff]")
#: Lists and objects inside one another: a workshop needs five levels; Python's json parser
#: runs out of stack past about a thousand, so deeper text is refused before it is parsed.
MAX_DEPTH = 64
#: Digits of a whole number: no count, duration or position in a workshop needs more.
MAX_DIGITS = 100
# A JSON string (passed over whole, brackets inside it included) or a bracket.
_TOKEN = re.compile(r'"[^"\\]*(?:\\.[^"\\]*)*"|[\[\]{}]')


class _DuplicateKeys(dict[str, Any]):
    """An object in which some key appeared more than once (the last value won)."""

    def __init__(self, pairs: list[tuple[str, Any]], duplicates: list[str]) -> None:
        super().__init__(pairs)
        self.duplicates = duplicates


class _LongNumber:
    """Where the text had a whole number longer than MAX_DIGITS (Python would refuse it
    without saying where, past 4,300 digits)."""

    def __init__(self, digits: int) -> None:
        self.digits = digits


def _integer(token: str) -> int | _LongNumber:
    digits = len(token.lstrip("-"))
    return _LongNumber(digits) if digits > MAX_DIGITS else int(token)


class _NonStandard:
    """Where the text had NaN or Infinity, which Python's json reads but JSON does not allow."""

    def __init__(self, token: str) -> None:
        self.token = token


def _object(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    seen: set[str] = set()
    duplicates = []
    for key, _value in pairs:
        if key in seen:
            duplicates.append(key)
        seen.add(key)
    return _DuplicateKeys(pairs, duplicates) if duplicates else dict(pairs)


def parse(text: str) -> Any:
    """The JSON value in ``text``; raises InterchangeError naming line and column, or path."""
    # RFC 8259 lets a parser ignore a byte order mark, and Windows editors like to write one.
    text = text.removeprefix("\ufeff")
    _refuse_deep_nesting(text)
    try:
        value = json.loads(
            text, object_pairs_hook=_object, parse_constant=_NonStandard, parse_int=_integer
        )
    except json.JSONDecodeError as error:
        raise InterchangeError(
            f"not valid JSON: {error.msg} at line {error.lineno}, column {error.colno}"
        ) from error
    except RecursionError:
        raise InterchangeError("not valid JSON: it is nested too deeply to read") from None
    except ValueError as error:  # e.g. an integer with more digits than Python will convert
        raise InterchangeError(f"not valid JSON: {error}") from error
    problem = _first_unreadable(value)
    if problem is not None:
        raise problem
    return value


def _refuse_deep_nesting(text: str) -> None:
    """Refuse text whose lists and objects nest deeper than MAX_DEPTH, saying how deep."""
    depth = deepest = 0
    passed_at = 0
    for token in _TOKEN.finditer(text):
        char = text[token.start()]
        if char in "[{":
            depth += 1
            if depth > deepest:
                deepest = depth
                if depth == MAX_DEPTH + 1:
                    passed_at = token.start()
        elif char in "]}":
            depth -= 1
    if deepest > MAX_DEPTH:
        line = text.count("\n", 0, passed_at) + 1
        column = passed_at - (text.rfind("\n", 0, passed_at) + 1) + 1
        raise InterchangeError(
            f"not valid JSON for a workshop: it is nested too deeply ({deepest:,} lists and "
            f"objects inside one another; a workshop file has at most {MAX_DEPTH}, passed at "
            f"line {line}, column {column})"
        )


def _first_unreadable(value: Any) -> InterchangeError | None:
    """The first place, in document order, holding something a workshop cannot take."""
    for path, node in _walk(value):
        if isinstance(node, _DuplicateKeys):
            return InterchangeError.at(
                path, f"the key {node.duplicates[0]!r} appears more than once in this object"
            )
        if isinstance(node, _NonStandard):
            return InterchangeError.at(path, f"{node.token} is not a JSON number")
        if isinstance(node, _LongNumber):
            return InterchangeError.at(
                path,
                f"a number of {node.digits:,} digits; a number in a workshop file has at most "
                f"{MAX_DIGITS}",
            )
        if isinstance(node, str):
            surrogate = _SURROGATE.search(node)
            if surrogate is not None:
                code = f"U+{ord(surrogate.group()):04X}"
                return InterchangeError.at(
                    path, f"contains an unpaired surrogate ({code}), which is not Unicode text"
                )
    return None


def _walk(value: Any) -> Iterator[tuple[JsonPath, Any]]:
    """Every value with its path, parents before children, in the order the text has them."""
    # Iterative, so that nesting json itself accepted cannot overflow the stack here.
    stack: list[tuple[JsonPath, Any]] = [((), value)]
    while stack:
        path, node = stack.pop()
        yield path, node
        if isinstance(node, dict):
            children = [((*path, key), child) for key, child in node.items()]
        elif isinstance(node, list):
            children = [((*path, i), child) for i, child in enumerate(node)]
        else:
            continue
        stack.extend(reversed(children))
