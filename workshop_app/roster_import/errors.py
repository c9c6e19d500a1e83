"""The one error a roster import raises, naming the row and column at fault."""

from __future__ import annotations

from workshop_app.errors import KnownError

# Values quoted in messages are cut to this many characters, so a message stays one short line.
_QUOTE_LIMIT = 40


class RosterImportError(KnownError):
    """A registration list that cannot be imported; nothing has been written."""

    def __init__(
        self,
        message: str,
        *,
        row: int | None = None,
        columns: tuple[str, ...] = (),
        hint: str = "",
        problems: tuple[str, ...] = (),
    ) -> None:
        where = []
        if row is not None:
            where.append(f"row {row}")
        if columns:
            word = "column" if len(columns) == 1 else "columns"
            where.append(f"{word} {' and '.join(columns)}")
        super().__init__(f"{', '.join(where)}: {message}" if where else message, hint=hint)
        #: The 1-based row in the file, when one row is at fault.
        self.row = row
        #: Labels of the columns at fault, as in the message: ``'E-mail'``, or ``C`` if unnamed.
        self.columns = columns
        self.detail = message
        #: Every problem found, first one included, so a preview can list them all.
        self.problems = problems or (self.message,)

    @classmethod
    def unreadable(cls, file_name: str, reason: str) -> RosterImportError:
        """The error for a file that cannot be read as a table at all."""
        return cls(
            f"Cannot read {file_name}: {reason}.",
            hint="Save the list as CSV (UTF-8) or as an Excel workbook (.xlsx) and try again.",
        )


def quote(value: str) -> str:
    """``value`` in quotes, shortened so that a message stays readable."""
    if len(value) > _QUOTE_LIMIT:
        value = value[: _QUOTE_LIMIT - 1] + "…"
    return f"'{value}'"
