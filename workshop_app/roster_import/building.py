"""Turning the rows of a registration list into participants, all rows or none."""

from __future__ import annotations

import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, field

from workshop_app.domain.limits import MAX_HONORIFIC, MAX_LINE, MAX_NAME
from workshop_app.domain.model import Participant, Role, new_id
from workshop_app.roster_import.errors import RosterImportError, quote
from workshop_app.roster_import.mapping import Mapping, Target
from workshop_app.roster_import.reading import RawTable
from workshop_app.roster_import.textfile import garbled, ungarbled
from workshop_app.words import plural

# The record's limits (domain/limits.py, stated again by the interchange schema).
NAME_MAX = MAX_NAME
TITLE_MAX = MAX_HONORIFIC
LINE_MAX = MAX_LINE
_LIMITS: dict[Target, int] = {
    Target.TITLE: TITLE_MAX,
    Target.ORGANISATION: LINE_MAX,
    Target.JOB_TITLE: LINE_MAX,
    Target.EMAIL: LINE_MAX,
    Target.COUNTRY: LINE_MAX,
    Target.STAKEHOLDER_GROUP: LINE_MAX,
}

_ROLES: dict[str, Role] = {
    **{role.value: role for role in Role},
    "organizer": Role.ORGANISER,
    "moderator": Role.FACILITATOR,
    "attendee": Role.PARTICIPANT,
}
_ROLE_LIST = ", ".join(role.value for role in Role)
_YES = frozenset({"yes", "y", "true", "1", "x", "✓", "✔", "present"})
# An empty cell is "no": a registration list says who registered, not who came.
_NO = frozenset({"no", "n", "false", "0", "", "absent"})
_GARBLED_HINT = (
    "The list mixes two text encodings, or was saved from text read in the wrong one. Open "
    "it in a spreadsheet program, correct the names, and save it as CSV UTF-8 or .xlsx."
)
# Invisible characters that registration tools leave behind (a BOM from joined files).
_INVISIBLE = str.maketrans("", "", "\ufeff\u200b")


@dataclass(frozen=True)
class Skipped:
    """A row not imported because the person is already known."""

    row: int
    name: str
    #: Who it matched, in words: "already on the roster as Jane Doe (same email)".
    reason: str
    #: True when the match is on the roster; False when it is an earlier row of the same file.
    on_roster: bool


@dataclass(frozen=True)
class PlannedRow:
    """One row of the file as it will be imported (``skipped`` set when it will not be)."""

    row: int
    participant: Participant
    skipped: Skipped | None = None


@dataclass
class ImportPlan:
    """What an import would do; nothing is written until the caller adds ``to_add``."""

    to_add: list[Participant]
    skipped: list[Skipped]
    #: Stakeholder groups used by people to add that the workshop does not list yet.
    new_groups: list[str]
    rows: list[PlannedRow] = field(default_factory=list)

    def preview(self, n: int) -> list[PlannedRow]:
        """The first ``n`` rows of the file as they will be imported."""
        return self.rows[: max(n, 0)]


def build_participants(
    table: RawTable,
    mapping: Mapping,
    existing: Sequence[Participant],
    *,
    known_groups: Sequence[str] = (),
    default_present: bool = False,
) -> ImportPlan:
    """Plan the import of every row of ``table``; raises RosterImportError if any row is bad."""
    # default_present applies when no column says who came. It is False because a registration
    # list tells who registered; ticking people at the door is what check-in is for.
    mapping.require_usable()
    groups = _GroupNames(known_groups)
    candidates: list[tuple[int, Participant]] = []
    problems: list[RosterImportError] = []
    for row, cells in zip(table.source_rows, table.rows, strict=True):
        try:
            candidates.append((row, _participant(row, cells, mapping, groups, default_present)))
        except RosterImportError as error:
            problems.append(error)
    if problems:
        raise _all_problems(problems)
    return _plan(candidates, existing, known_groups)


def _all_problems(problems: list[RosterImportError]) -> RosterImportError:
    """The first problem as the message; the count of the others in the hint."""
    first = problems[0]
    hints = [first.hint] if first.hint else []
    if len(problems) > 1:
        others = len(problems) - 1
        hints.append(f"{plural(others, 'other row has', 'other rows have')} problems too.")
    hints.append("Nothing was imported.")
    return RosterImportError(
        first.detail,
        row=first.row,
        columns=first.columns,
        hint=" ".join(hints),
        problems=tuple(problem.message for problem in problems),
    )


def clean(cell: str) -> str:
    """A cell as one line: control characters and runs of white space become single spaces."""
    text = cell.translate(_INVISIBLE)
    text = "".join(" " if unicodedata.category(char) == "Cc" else char for char in text)
    return " ".join(text.split())


class _Row:
    """The cells of one row, read through the mapping."""

    def __init__(self, row: int, cells: list[str], mapping: Mapping) -> None:
        self.row = row
        self._cells = cells
        self._mapping = mapping

    def has(self, target: Target) -> bool:
        return self._mapping.column_for(target) is not None

    def value(self, target: Target) -> str:
        column = self._mapping.column_for(target)
        if column is None or column >= len(self._cells):
            return ""
        return clean(self._cells[column])

    def labels(self, *targets: Target) -> tuple[str, ...]:
        return tuple(
            self._mapping.label(column)
            for target in targets
            if (column := self._mapping.column_for(target)) is not None
        )

    def error(self, message: str, *targets: Target, hint: str = "") -> RosterImportError:
        return RosterImportError(message, row=self.row, columns=self.labels(*targets), hint=hint)


def _refuse_garbled(line: _Row) -> None:
    """Refuse a row whose text is UTF-8 read as Windows-1252: "JosÃ©" would join the roster."""
    for target in Target:
        fragment = garbled(line.value(target))
        if fragment is not None:
            raise line.error(
                f"{quote(line.value(target))} looks garbled: {quote(fragment)} is how "
                f"{quote(ungarbled(fragment))} reads when UTF-8 text is taken for Windows-1252",
                target,
                hint=_GARBLED_HINT,
            )


def _participant(
    row: int, cells: list[str], mapping: Mapping, groups: _GroupNames, default_present: bool
) -> Participant:
    line = _Row(row, cells, mapping)
    _refuse_garbled(line)
    name = _name(line)
    fields: dict[Target, str] = {}
    for target, limit in _LIMITS.items():
        value = line.value(target)
        if len(value) > limit:
            hint = ""
            if target is Target.TITLE:
                hint = "Title is the honorific (Ms., Dr.); import a job title as the job title."
            raise line.error(f"longer than {limit} characters", target, hint=hint)
        fields[target] = value
    group = fields[Target.STAKEHOLDER_GROUP]
    return Participant(
        id=new_id(),
        name=name,
        title=fields[Target.TITLE] or None,
        organisation=fields[Target.ORGANISATION] or None,
        job_title=fields[Target.JOB_TITLE] or None,
        stakeholder_group=groups.canonical(group) if group else None,
        country=fields[Target.COUNTRY] or None,
        email=fields[Target.EMAIL] or None,
        role=_role(line),
        present=_present(line, default_present),
    )


def _name(line: _Row) -> str:
    """The full name column if filled in, else first, middle and last name joined."""
    name = line.value(Target.NAME)
    targets: tuple[Target, ...] = (Target.NAME,)
    if not name:
        targets = (Target.FIRST_NAME, Target.MIDDLE_NAME, Target.LAST_NAME)
        first, middle, last = (line.value(target) for target in targets)
        # A middle name or particle alone ("van") is not a name.
        name = " ".join(part for part in (first, middle, last) if part) if first or last else ""
    if not name:
        raise line.error("no name", Target.NAME, Target.FIRST_NAME, Target.LAST_NAME)
    if len(name) > NAME_MAX:
        raise line.error(f"the name is longer than {NAME_MAX} characters", *targets)
    return name


def _role(line: _Row) -> Role:
    value = line.value(Target.ROLE)
    if not value:
        return Role.PARTICIPANT
    role = _ROLES.get(value.casefold())
    if role is None:
        raise line.error(f"{quote(value)} is not a role (one of {_ROLE_LIST})", Target.ROLE)
    return role


def _present(line: _Row, default: bool) -> bool:
    if not line.has(Target.PRESENT):
        return default
    value = line.value(Target.PRESENT).casefold()
    if value in _YES:
        return True
    if value in _NO:
        return False
    raise line.error(f"{quote(value)} is neither yes nor no", Target.PRESENT)


class _GroupNames:
    """Group names as the workshop spells them; a new group as the file first spells it."""

    def __init__(self, known: Sequence[str]) -> None:
        self._spelling = {_key(group): group for group in known}

    def canonical(self, group: str) -> str:
        return self._spelling.setdefault(_key(group), group)


def _key(text: str | None) -> str:
    """``text`` for comparing people: no case, no spacing."""
    return "".join((text or "").split()).casefold()


def _plan(
    candidates: list[tuple[int, Participant]],
    existing: Sequence[Participant],
    known_groups: Sequence[str],
) -> ImportPlan:
    """Set aside the people already on the roster or earlier in the file."""
    roster_by_email = {_key(p.email): p for p in existing if p.email}
    roster_by_person = {(_key(p.name), _key(p.organisation)): p for p in existing}
    file_by_email: dict[str, int] = {}
    file_by_person: dict[tuple[str, str], int] = {}
    plan = ImportPlan(to_add=[], skipped=[], new_groups=[])
    known = {_key(group) for group in known_groups}
    for row, person in candidates:
        email = _key(person.email)
        identity = (_key(person.name), _key(person.organisation))
        reason, on_roster = "", False
        if email and email in roster_by_email:
            reason, on_roster = (
                f"already on the roster as {roster_by_email[email].name} (same email)",
                True,
            )
        elif identity in roster_by_person:
            match = roster_by_person[identity].name
            reason, on_roster = (
                f"already on the roster as {match} (same name and organisation)",
                True,
            )
        elif email and email in file_by_email:
            reason = f"the same person as row {file_by_email[email]} (same email)"
        elif identity in file_by_person:
            reason = (
                f"the same person as row {file_by_person[identity]} (same name and organisation)"
            )
        if reason:
            skipped = Skipped(row, person.name, reason, on_roster)
            plan.skipped.append(skipped)
            plan.rows.append(PlannedRow(row, person, skipped))
            continue
        if email:
            file_by_email[email] = row
        file_by_person[identity] = row
        plan.to_add.append(person)
        plan.rows.append(PlannedRow(row, person))
        group = person.stakeholder_group
        if group and _key(group) not in known:
            known.add(_key(group))
            plan.new_groups.append(group)
    return plan
