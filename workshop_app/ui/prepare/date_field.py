"""The date box of the details form and of a day's form: a calendar that can also say
"No date yet" (its minimum date), read and shown as the store's YYYY-MM-DD or nothing."""

from __future__ import annotations

from PySide6.QtCore import QDate
from PySide6.QtWidgets import QDateEdit

NO_DATE = QDate(1900, 1, 1)  # the box's minimum, shown as "No date yet"
DATE_FORMAT = "yyyy-MM-dd"


def optional_date_edit() -> QDateEdit:
    edit = QDateEdit()
    edit.setCalendarPopup(True)
    edit.setDisplayFormat("ddd d MMM yyyy")
    edit.setMinimumDate(NO_DATE)
    edit.setSpecialValueText("No date yet")
    edit.setKeyboardTracking(False)
    return edit
