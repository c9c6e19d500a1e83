"""Time as the record keeps it: RFC 3339 text in, aware datetimes out, and back; and time as
the workshop shows it: every clock time on the venue's wall clock, whatever the laptop's zone."""

from __future__ import annotations

import datetime as dt
import functools
import zoneinfo
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


# -- the venue's wall clock: the one clock every view, dialog, the projector and the minutes show


@functools.cache
def venue_zone(timezone: str | None) -> zoneinfo.ZoneInfo | None:
    """The workshop's time zone (an IANA name), or None when it is not set or not known."""
    if not timezone:
        return None
    try:
        return zoneinfo.ZoneInfo(timezone)
    except (zoneinfo.ZoneInfoNotFoundError, ValueError):
        return None


def venue_time(moment: dt.datetime, timezone: str | None) -> dt.datetime:
    """``moment`` on the venue's clock (aware); on the laptop's when the workshop has no zone.

    A naive ``moment`` is already a venue time (plans are) and comes back as it is.
    """
    if moment.tzinfo is None:
        return moment
    zone = venue_zone(timezone)
    return moment.astimezone(zone) if zone else moment.astimezone()


def venue_hhmm(moment: dt.datetime | str | None, timezone: str | None, missing: str = "") -> str:
    """``HH:MM`` on the venue's clock of a moment or a recorded timestamp (``missing`` if none)."""
    if moment is None or moment == "":
        return missing
    if isinstance(moment, str):
        try:
            moment = parse_timestamp(moment)
        except ValueError:
            return missing
    return venue_time(moment, timezone).strftime("%H:%M")


def clock_time(timestamp: str | None, timezone: str | None, missing: str = "") -> str:
    """``HH:MM`` of a recorded timestamp on the venue's clock (``missing`` if unknown)."""
    return venue_hhmm(timestamp, timezone, missing)


def zone_label(timezone: str | None, now: dt.datetime) -> str:
    """ "Brussels time" when the venue's clock differs from the laptop's at ``now``; else "".

    Said once beside a view's times, so that a chair whose laptop keeps home time knows
    which clock the times are on.
    """
    zone = venue_zone(timezone)
    if zone is None or timezone is None:
        return ""
    aware = now if now.tzinfo else now.astimezone()
    if aware.astimezone(zone).utcoffset() == aware.astimezone().utcoffset():
        return ""
    place = timezone.rsplit("/", 1)[-1].replace("_", " ")
    return f"{place} time"
