"""The minutes as one plain value: what every renderer (and every template) receives.

Built once from a WorkshopRecord and the export options; attribution is already applied, so a
renderer cannot name a participant the chosen mode hides. No Qt, no file format.
"""

from __future__ import annotations

from dataclasses import dataclass

from workshop_app.domain.model import NextStepStatus
from workshop_app.minutes.labels import Labels
from workshop_app.minutes.options import MinutesOptions


@dataclass(frozen=True)
class Statement:
    """One contribution as the minutes print it."""

    id: str
    text: str
    attribution: str | None  # None: printed without attribution (anonymous mode)
    kind: str  # a ContributionKind value
    kind_label: str
    time: str  # "10:45" local, "" when not recorded
    timestamp: str  # "2017-09-21 10:45" local, "" when not recorded
    item_title: str
    question: str  # "" when about no guiding question
    highlight: bool
    group: str = ""  # the breakout group it was said in; "" in plenary
    #: The words printed before the text, as reported speech in the chosen mode ("One
    #: participant raised a concern", "Ms. A. Rusu (Moldova)"); minutes/speech.py decides them.
    lead: str = ""


@dataclass(frozen=True)
class ConsensusEntry:
    """A consensus point with its status and recorded reservations."""

    id: str
    text: str
    status: str  # a ConsensusStatus value
    status_label: str
    reservations: str
    item_number: int | None
    item_title: str
    question: str
    #: In plenary, the breakout group whose point it took up (the link to its discussion).
    group: str = ""


@dataclass(frozen=True)
class Section:
    """What was said on one guiding question (or, with ``question`` None, on none)."""

    question: str | None
    number: int | None
    said: tuple[Statement, ...]
    examples: tuple[Statement, ...]
    consensus: tuple[ConsensusEntry, ...]
    not_shown: int  # contributions left out because only highlights are printed

    @property
    def empty(self) -> bool:
        return not (self.said or self.examples or self.consensus or self.not_shown)

    @property
    def only_outcomes(self) -> bool:
        """Consensus points and nothing said: headed as outcomes, not as "contributions"."""
        return bool(self.consensus) and not (self.said or self.examples or self.not_shown)

    def heading(self, labels: Labels) -> str:
        """The heading of a section about no guiding question (in an item that has some)."""
        return labels.beyond_questions if self.only_outcomes else labels.other_contributions


@dataclass(frozen=True)
class GroupMinutes:
    """A breakout group's part of its item: who ran it, its summary and its discussion."""

    name: str
    room: str
    facilitator: str  # attributed per mode; "" when none or anonymous
    rapporteur: str
    members: int
    summary: tuple[str, ...]  # paragraphs
    sections: tuple[Section, ...]

    @property
    def empty(self) -> bool:
        return not self.summary and all(s.empty for s in self.sections)


@dataclass(frozen=True)
class GroupReport:
    """In a report-back: one group's report (its rapporteur's summary and proposed points)."""

    name: str
    rapporteur: str
    summary: tuple[str, ...]
    points: tuple[ConsensusEntry, ...]


@dataclass(frozen=True)
class ItemMinutes:
    """One agenda item: its line in the agenda, and its part of the record."""

    id: str
    number: int | None  # sessions are numbered, breaks are not
    title: str
    is_break: bool
    skipped: bool
    description: tuple[str, ...]
    planned_start: str  # "09:30"
    planned_end: str
    duration: str  # "1h30", "" when no planned length
    actual_start: str  # "" when not recorded
    actual_end: str
    summary: tuple[str, ...]  # paragraphs
    questions: tuple[str, ...]
    sections: tuple[Section, ...]  # the guiding questions in order, then "other" if any
    #: The item's day, "Day 2 · 11 March 2009", when there are several days; else "". A
    #: heading goes where it changes from one item to the next.
    day: str = ""
    #: The parallel breakout groups the item ran as, each with its own discussion.
    groups: tuple[GroupMinutes, ...] = ()
    #: For a report-back: the groups' reports (then ``sections`` hold what plenary agreed).
    reports: tuple[GroupReport, ...] = ()
    #: False for an item not begun yet: with nothing recorded, it has no part of its own
    #: (no heading over "Nothing was recorded" lines in minutes of a day still running).
    held: bool = True

    @property
    def has_body(self) -> bool:
        """Whether the item gets its own part in the minutes (not just a line in the agenda)."""
        if self.summary or any(not s.empty for s in self.sections):
            return True
        if self.reports or any(not g.empty for g in self.groups):
            return True
        return not self.is_break and not self.skipped and self.held


@dataclass(frozen=True)
class GroupPresence:
    group: str
    present: int


@dataclass(frozen=True)
class Attendee:
    """A line of the attendance list; ``name`` is empty when only organisations are listed."""

    name: str
    organisation: str
    group: str
    role: str
    #: The person's job title; for an organisation, those of its people, joined by "; ".
    job_title: str = ""


@dataclass(frozen=True)
class NextStepEntry:
    id: str
    text: str
    owner: str  # attributed per mode; "" when none or hidden
    due: str  # "31 December 2018"
    due_iso: str
    status: str  # a NextStepStatus value
    status_label: str
    item_title: str


@dataclass(frozen=True)
class NextStepGroup:
    """A part of "What comes next": the next steps of one status, under its label."""

    status: str  # a NextStepStatus value
    heading: str
    steps: tuple[NextStepEntry, ...]


@dataclass(frozen=True)
class BalanceRow:
    """One stakeholder group's turns and speaking time; ``bar`` is 0–100 of the longest."""

    group: str
    turns: int
    seconds: float
    time: str
    percent: int
    bar: float


@dataclass(frozen=True)
class LogEntry:
    time: str
    item_title: str
    speaker: str
    duration: str
    #: "11 March 2009" on the first turn of each date when the log spans several; else "".
    day_heading: str = ""


@dataclass(frozen=True)
class DayMinutes:
    """A day of the event as the minutes and the handout name it."""

    number: int
    heading: str  # "Day 2 · 11 March 2009" (without the date when it has none)
    date: str  # "11 March 2009"
    date_iso: str
    start: str  # "09:00"
    end: str


@dataclass(frozen=True)
class GroupBalance:
    """The balance of voices within one breakout group."""

    name: str  # the group's name
    balance: tuple[BalanceRow, ...]
    total_turns: int
    total_time: str


@dataclass(frozen=True)
class Annex:
    balance: tuple[BalanceRow, ...]  # overall: plenary and every group
    total_turns: int
    total_time: str
    speakers_log: tuple[LogEntry, ...]
    log_shown: bool  # False in anonymous mode
    #: Per breakout group (those whose turns were recorded), after the overall balance.
    group_balances: tuple[GroupBalance, ...] = ()


@dataclass(frozen=True)
class Minutes:
    """Everything the minutes say, in the order they say it."""

    options: MinutesOptions
    labels: Labels
    language: str
    generator: str  # "Workshop App 0.1.0": the creator in file metadata
    author: str  # the organiser for file metadata; "" when it would name a participant
    title: str
    subtitle: str
    date: str  # "21 September 2017", or "10–12 March 2009" for several days
    date_iso: str  # the first day's
    venue: str
    organiser: str
    chairs: tuple[str, ...]  # attributed per mode; empty in anonymous mode
    purpose: tuple[str, ...]  # paragraphs
    attribution_note: str
    presence: tuple[GroupPresence, ...]
    total_present: int
    attendance_shown: bool  # named and organisation modes only
    attendance_has_names: bool  # named mode: people; organisation mode: organisations
    attendance: tuple[Attendee, ...]
    attendance_has_job_titles: bool  # a job title column, when someone listed has one
    day_start: str  # the first day's planned start and end ("09:30")
    day_end: str
    days: tuple[DayMinutes, ...]
    items: tuple[ItemMinutes, ...]
    agreed: tuple[ConsensusEntry, ...]
    next_steps: tuple[NextStepEntry, ...]
    annex: Annex | None  # None when the annex is switched off
    #: Never reported by the anonymity check: the organiser's and the workshop's public names.
    public_names: tuple[str, ...] = ()
    #: A word fewer than this many present participants share names them (the check's k).
    anonymity_k: int = 3
    # The front page block: reference, status, date of issue, who prepared the document.
    reference: str = ""
    status: str = "final"  # a Status value (options.py)
    status_label: str = "Final"
    draft: bool = False  # marked "DRAFT" on every page
    #: Draft although "final" was chosen: items of the agenda are still to be held.
    draft_automatic: bool = False
    issued: str = ""  # "5 December 2026"
    issued_iso: str = ""
    prepared_by: str = ""  # the workshop's "prepared by", else the organiser
    #: "What comes next": the next steps grouped by status, open ones first (soonest due
    #: first), each group headed by its status label.
    next_step_groups: tuple[NextStepGroup, ...] = ()

    @property
    def key_steps(self) -> tuple[NextStepEntry, ...]:
        """The next steps the short summary at the top lists: what is still to be done,
        soonest due first (as "What comes next" lists them), those without a date last."""
        still_open = [s for s in self.next_steps if s.status == NextStepStatus.OPEN]
        return tuple(sorted(still_open, key=lambda step: (not step.due_iso, step.due_iso)))

    @property
    def has_key_outcomes(self) -> bool:
        return bool(self.agreed or self.key_steps)

    @property
    def statements(self) -> tuple[Statement, ...]:
        """Every contribution printed, in recorded order (what the CSV lists)."""
        found = [
            statement
            for item in self.items
            for section in (*item.sections, *(s for g in item.groups for s in g.sections))
            for statement in (*section.said, *section.examples)
        ]
        return tuple(sorted(found, key=lambda s: (s.timestamp == "", s.timestamp)))

    @property
    def body_items(self) -> tuple[ItemMinutes, ...]:
        return tuple(item for item in self.items if item.has_body)
