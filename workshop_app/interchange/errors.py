"""The one error an interchange import raises, naming where in the JSON the problem is."""

from __future__ import annotations

from collections.abc import Iterable

from workshop_app.errors import KnownError

#: A location inside a JSON document: object keys and list indexes, from the root down.
JsonPath = tuple[str | int, ...]

# Values quoted in messages are cut to this many characters, so a message stays one short line.
_QUOTE_LIMIT = 60


class InterchangeError(KnownError):
    """An interchange file that cannot be imported; ``str()`` is ``"<json_path>: <message>"``."""

    def __init__(self, message: str, json_path: str = "", *, hint: str = "") -> None:
        line = f"{json_path}: {message}" if json_path else message
        super().__init__(line, hint=hint)
        self.json_path = json_path
        self.detail = message

    @classmethod
    def at(cls, path: Iterable[str | int], message: str) -> InterchangeError:
        """The error for ``message`` at ``path`` (keys and indexes)."""
        return cls(message, format_path(path))


class ExportRefused(KnownError):
    """A workshop that the asked-for format version cannot hold; nothing has been written."""


def format_path(path: Iterable[str | int]) -> str:
    """``("agenda", 2, "questions", 0, "text")`` as ``agenda[2].questions[0].text``."""
    text = ""
    for part in path:
        if isinstance(part, int):
            text += f"[{part}]"
        else:
            text += f".{part}" if text else part
    return text


def quote(value: object) -> str:
    """A value as it appears in a message: quoted, escaped onto one line, cut if long."""
    if isinstance(value, str):
        shown = value if len(value) <= _QUOTE_LIMIT else value[: _QUOTE_LIMIT - 1] + "…"
        return repr(shown)
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return repr(value)
    if isinstance(value, list):
        return "a list"
    if isinstance(value, dict):
        return "an object"
    return repr(value)[:_QUOTE_LIMIT]
