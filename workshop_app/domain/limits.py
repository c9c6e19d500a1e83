"""How much the record holds, defined once, and the refusal of a value that does not fit.

The store checks every value against these limits, the forms cap their fields with them, and
``resources/workshop.schema.json`` states the same numbers (a test holds them equal).
"""

from __future__ import annotations

from workshop_app.errors import KnownError

#: An id in the interchange file.
MAX_ID = 64
#: One line: a title, a subtitle, a venue, an organisation, an owner, a group's name.
MAX_LINE = 500
#: A long text: a contribution, a summary, the purpose, reservations, a description.
MAX_TEXT = 100_000
#: The text of a consensus point or a next step.
MAX_OUTCOME = 20_000
#: A guiding question.
MAX_QUESTION = 2_000
#: A participant's name.
MAX_NAME = 200
#: A participant's honorific ("Ms.", "Dr.").
MAX_HONORIFIC = 50

#: Where the interchange schema states each limit: a ``$defs`` entry, or entry.property.
SCHEMA_LIMITS: dict[str, int] = {
    "id": MAX_ID,
    "text": MAX_TEXT,
    "line": MAX_LINE,
    "workshop.title": MAX_LINE,
    "participant.name": MAX_NAME,
    "participant.title": MAX_HONORIFIC,
    "question.text": MAX_QUESTION,
    "agenda_item.title": MAX_LINE,
    "contribution.text": MAX_TEXT,
    "consensus_point.text": MAX_OUTCOME,
    "action.text": MAX_OUTCOME,
}


class Refusal(KnownError, ValueError):
    """A value the record does not take (empty, too long, not a date), said in plain words.

    ``field`` names what was refused ("text", "title", "due", ...), so that a form can show
    the message next to that field. A ValueError too, for callers that caught one before.
    """

    def __init__(self, field: str, message: str, *, hint: str = "") -> None:
        super().__init__(message, hint=hint)
        self.field = field


def too_long(field: str, what: str, text: str, limit: int) -> Refusal:
    """The refusal of ``text`` longer than ``limit``: "A contribution can be at most …"."""
    return Refusal(
        field,
        f"{what} can be at most {limit:,} characters long; this one has {len(text):,}.",
        hint="Nothing was changed. Shorten the text, or split it in two.",
    )


def required(field: str, what: str, text: str | None, limit: int, empty: str = "") -> str:
    """``text`` without surrounding blanks; refused when empty (saying ``empty``, by default
    "… needs some text.") or longer than ``limit``."""
    value = (text or "").strip()
    if not value:
        raise Refusal(field, empty or f"{what} needs some text.")
    if len(value) > limit:
        raise too_long(field, what, value, limit)
    return value


def contribution_text(text: str | None) -> str:
    """What a contribution records (the store checks it; the capture box asks first, so that
    the refusal shows beside the text)."""
    return required("text", "A contribution", text, MAX_TEXT)


def optional(field: str, what: str, text: str | None, limit: int) -> str | None:
    """``text`` without surrounding blanks (None when blank); refused when too long."""
    value = (text or "").strip()
    if len(value) > limit:
        raise too_long(field, what, value, limit)
    return value or None
