"""Reading the details form's values: plain functions, no widgets."""

from __future__ import annotations

import datetime

import pytest

from workshop_app.ui.prepare.field_values import (
    MAX_LINE,
    FieldError,
    available_timezones,
    check_group_name,
    check_language,
    check_line,
    check_start_time,
    check_text,
    check_timezone,
    check_title,
    language_name,
)
from workshop_app.ui.status_bar import saved_text


@pytest.mark.parametrize(
    ("typed", "stored"),
    [("09:30", "09:30"), ("9:30", "09:30"), ("9.05", "09:05"), ("14h00", "14:00"), ("", None)],
)
def test_start_time(typed: str, stored: str | None) -> None:
    assert check_start_time(typed) == stored


@pytest.mark.parametrize("typed", ["24:00", "9:60", "930", "nine", "9:3"])
def test_bad_start_time(typed: str) -> None:
    with pytest.raises(FieldError, match="09:30"):
        check_start_time(typed)


def test_title() -> None:
    assert check_title("  European Conversation ") == "European Conversation"
    with pytest.raises(FieldError, match="needs a title"):
        check_title("  ")
    with pytest.raises(FieldError, match="at most 500"):
        check_title("x" * (MAX_LINE + 1))


def test_line_and_text() -> None:
    assert check_line("  ") is None
    assert check_line(" Brussels ") == "Brussels"
    assert check_text("  First line\nsecond\n\n") == "  First line\nsecond"
    assert check_text("\n \n") is None
    with pytest.raises(FieldError):
        check_text("x" * 100_001)


def test_timezone_and_language() -> None:
    zones = available_timezones()
    assert list(zones) == sorted(zones)
    assert "Europe/Brussels" in zones
    assert check_timezone("Europe/Brussels") == "Europe/Brussels"
    assert check_timezone("") is None
    with pytest.raises(FieldError):
        check_timezone("Europe/Atlantis")
    assert check_language("pt-BR") == "pt-BR"
    assert check_language(" ") is None
    with pytest.raises(FieldError):
        check_language("français")
    assert language_name("fr") == "French (français)"
    assert language_name("en") == "English"
    assert language_name("??") == ""


def test_group_name() -> None:
    assert check_group_name(" Civil society ", ["Partners"]) == "Civil society"
    with pytest.raises(FieldError, match="already a group"):
        check_group_name("partners", ["Partners"])
    with pytest.raises(FieldError, match="needs a name"):
        check_group_name("", [])


def test_saved_text() -> None:
    assert saved_text(None) == "All changes saved"
    assert saved_text(datetime.datetime(2017, 9, 21, 10, 42, 7)) == "All changes saved · 10:42"
