"""Time as the record keeps it: RFC 3339 text in, aware datetimes out, and back."""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable

#: What "now" is; tests pass a fixed clock.
Clock = Callable[[], dt.datetime]


def system_now() -> dt.datetime:
    """The current moment, aware, in the machine's local zone."""
    return dt.datetime.now().astimezone()


def parse_timestamp(text: str) -> dt.datetime:
    """An RFC 3339 timestamp (``T``/``Z`` in either case) as an aware datetime."""
    value = dt.datetime.fromisoformat(text.upper().replace("Z", "+00:00"))
    if value.tzinfo is None:
        raise ValueError(f"timestamp without an offset: {text!r}")
    return value


def format_timestamp(moment: dt.datetime) -> str:
    """``2017-09-21T10:31:05+02:00``: seconds precision, with the offset."""
    if moment.tzinfo is None:
        raise ValueError("a timestamp needs a time zone")
    return moment.replace(microsecond=0).isoformat()


def seconds_between(start: str | None, end: str | dt.datetime | None) -> float:
    """Seconds from ``start`` to ``end`` (0 when either is missing or end is before start)."""
    if start is None or end is None:
        return 0.0
    finish = end if isinstance(end, dt.datetime) else parse_timestamp(end)
    return max(0.0, (finish - parse_timestamp(start)).total_seconds())


def format_seconds(seconds: float) -> str:
    """``75`` → ``1:15``; ``3725`` → ``1:02:05`` (a clock face, not words)."""
    total = round(seconds)
    hours, rest = divmod(total, 3600)
    minutes, secs = divmod(rest, 60)
    return f"{hours}:{minutes:02d}:{secs:02d}" if hours else f"{minutes}:{secs:02d}"


def clock_time(timestamp: str | None, missing: str = "") -> str:
    """``HH:MM`` as it was on the clock where the moment was recorded (``missing`` if unknown)."""
    if not timestamp:
        return missing
    try:
        return parse_timestamp(timestamp).strftime("%H:%M")
    except ValueError:
        return missing
