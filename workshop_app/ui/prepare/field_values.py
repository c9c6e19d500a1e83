"""Reading what the user typed into the details form: plain functions, no widgets.

Each ``check_*`` returns the value to store (``None`` for "not set") or raises FieldError,
whose text is shown next to the field.
"""

from __future__ import annotations

import functools
import re
import zoneinfo
from collections.abc import Callable, Iterable

from PySide6.QtCore import QLocale

# The forms cap their fields with the record's own limits.
from workshop_app.domain.limits import MAX_LINE as MAX_LINE
from workshop_app.domain.limits import MAX_TEXT as MAX_TEXT

#: Offered in the language box; any other BCP 47 tag can be typed.
COMMON_LANGUAGES = (
    "en", "fr", "de", "es", "it", "pt", "nl", "ar", "ru", "uk", "pl", "ro", "el", "sv", "da",
    "fi", "cs", "hu", "bg", "hr", "sl", "sk", "lt", "lv", "et", "tr", "zh", "ja", "ko",
    "hi", "sw", "am", "fa", "he",
)  # fmt: skip

_TIME = re.compile(r"^\s*(\d{1,2})\s*[:.h]\s*(\d{2})\s*$")
_LANGUAGE = re.compile(r"^[A-Za-z]{2,3}(-[A-Za-z0-9]{1,8})*$")


class FieldError(ValueError):
    """What is wrong with a value, in words meant for the user."""


def check_title(text: str) -> str:
    title = text.strip()
    if not title:
        raise FieldError("A workshop needs a title.")
    if len(title) > MAX_LINE:
        raise FieldError(f"A title can be at most {MAX_LINE} characters long.")
    return title


def check_line(text: str) -> str | None:
    """A one-line value: blank means not set."""
    value = text.strip()
    if len(value) > MAX_LINE:
        raise FieldError(f"This can be at most {MAX_LINE} characters long.")
    return value or None


def check_text(text: str) -> str | None:
    """A multi-line value: kept as typed, except trailing blank space; blank means not set."""
    value = text.rstrip()
    if len(value) > MAX_TEXT:
        raise FieldError(f"This can be at most {MAX_TEXT:,} characters long.")
    return value or None


def check_start_time(text: str) -> str | None:
    """``HH:MM`` from e.g. "9:30", "09.30" or "9h30"; blank means not set."""
    if not text.strip():
        return None
    match = _TIME.match(text)
    if match is None or int(match[1]) > 23 or int(match[2]) > 59:
        raise FieldError("Type the start time as hours and minutes, e.g. 09:30.")
    return f"{int(match[1]):02d}:{match[2]}"


def check_timezone(text: str) -> str | None:
    name = text.strip()
    if not name:
        return None
    if name not in _timezone_set():
        raise FieldError(f"{name} is not a time zone name; pick one from the list.")
    return name


def check_language(text: str) -> str | None:
    tag = text.strip()
    if not tag:
        return None
    if not _LANGUAGE.match(tag):
        raise FieldError("Type a language code such as en, fr or pt-BR.")
    return tag


def check_group_name(text: str, others: Iterable[str]) -> str:
    """A stakeholder group's name, different from the ``others``."""
    name = text.strip()
    if not name:
        raise FieldError("A stakeholder group needs a name.")
    if len(name) > MAX_LINE:
        raise FieldError(f"A group's name can be at most {MAX_LINE} characters long.")
    if name.casefold() in {o.casefold() for o in others}:
        raise FieldError(f"There is already a group called {name}.")
    return name


@functools.cache
def available_timezones() -> tuple[str, ...]:
    """IANA time zone names, sorted."""
    return tuple(sorted(zoneinfo.available_timezones()))


def language_name(tag: str) -> str:
    """The language a tag names, in English and in itself, e.g. "French (français)"."""
    if not tag or not _LANGUAGE.match(tag):
        return ""
    locale = QLocale(tag.replace("-", "_"))
    if locale.language() == QLocale.Language.C:
        return ""
    english = QLocale.languageToString(locale.language())
    native = locale.nativeLanguageName()
    if not native or english.casefold() in native.casefold():
        return english
    return f"{english} ({native})"


@functools.cache
def _timezone_set() -> frozenset[str]:
    return frozenset(available_timezones())


#: The check of each field edited as text, by the Workshop field it fills.
CHECKS: dict[str, Callable[[str], str | None]] = {
    "title": check_title,
    "subtitle": check_line,
    "start_time": check_start_time,
    "timezone": check_timezone,
    "venue": check_line,
    "organiser": check_line,
    "document_reference": check_line,
    "prepared_by": check_line,
    "purpose": check_text,
    "language": check_language,
}

#: Each field's name in messages and (later) in Edit > Undo "Change …".
FIELD_LABELS = {
    "title": "Title",
    "subtitle": "Subtitle",
    "date": "Date",
    "start_time": "Start Time",
    "timezone": "Time Zone",
    "venue": "Venue",
    "organiser": "Organiser",
    "document_reference": "Document Reference",
    "prepared_by": "Prepared By",
    "purpose": "Purpose",
    "language": "Language",
}
