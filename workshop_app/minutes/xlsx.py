"""The minutes as a spreadsheet workbook (XLSX), for organisers who follow up in Excel: the
contributions, the consensus points, the next steps and the attendance, each on its own sheet.

Rendered from the Minutes value, so attribution is already applied. Every text cell is text,
never a formula: neutralised as the CSV's cells are (``csvfile.safe_cell``) and typed as a
string, so that "#N/A" typed into a contribution stays words, not an error value. Written with
openpyxl's write-only mode, which streams each sheet's rows to a temporary file.
"""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from openpyxl import Workbook  # type: ignore[import-untyped]
from openpyxl.cell import Cell, WriteOnlyCell  # type: ignore[import-untyped]
from openpyxl.packaging.core import DocumentProperties  # type: ignore[import-untyped]
from openpyxl.packaging.extended import ExtendedProperties  # type: ignore[import-untyped]
from openpyxl.styles import Alignment, Font  # type: ignore[import-untyped]
from openpyxl.utils import get_column_letter  # type: ignore[import-untyped]
from openpyxl.writer.excel import ExcelWriter  # type: ignore[import-untyped]
from openpyxl.xml.constants import ARC_APP  # type: ignore[import-untyped]
from openpyxl.xml.functions import tostring  # type: ignore[import-untyped]

from workshop_app.domain.attribution import Attribution
from workshop_app.minutes.csvfile import safe_cell
from workshop_app.minutes.model import ConsensusEntry, Minutes
from workshop_app.minutes.text import xml_safe

if TYPE_CHECKING:
    from _typeshed import SizedBuffer

#: What the workbook's properties say made it (openpyxl would say "Microsoft Excel Compatible").
APPLICATION = "Workshop App"
SHEETS = ("Contributions", "Consensus points", "Next steps", "Attendance")
DATE_TIME = "yyyy-mm-dd hh:mm"
DATE = "yyyy-mm-dd"
#: The most characters a spreadsheet cell holds (Excel's limit; openpyxl cuts off the rest).
CELL_LIMIT = 32_767
_TOP = Alignment(vertical="top")
_WRAP = Alignment(vertical="top", wrap_text=True)
_BOLD = Font(bold=True)

Value = str | int | dt.date | dt.datetime | None


@dataclass(frozen=True)
class Column:
    """A column of a sheet: its heading, width (in characters) and how its cells look."""

    heading: str
    width: float
    wrap: bool = False  # long text: wrapped within the column's width
    number_format: str | None = None  # for dates and times


def render_xlsx(minutes: Minutes) -> bytes:
    """The workbook: one sheet each for contributions, consensus points, next steps and
    attendance (what the minutes list in their mode), with the workshop's title as its title."""
    workbook = Workbook(write_only=True)
    for title, (columns, rows) in zip(SHEETS, _sheets(minutes), strict=True):
        _write_sheet(workbook, title, columns, rows)
    now = dt.datetime.now(dt.UTC).replace(microsecond=0, tzinfo=None)
    workbook.properties = DocumentProperties(
        creator=APPLICATION,
        title=xml_safe(minutes.title) or None,
        subject=xml_safe(minutes.subtitle) or None,
        language=minutes.language or None,
        created=now,
        modified=now,
    )
    buffer = io.BytesIO()
    ExcelWriter(workbook, _Archive(buffer)).save()
    return buffer.getvalue()


class _Archive(zipfile.ZipFile):
    """The zip openpyxl writes into, with the program's own extended properties (app.xml)."""

    def __init__(self, buffer: io.BytesIO) -> None:
        # The fastest deflate level: a quarter of the default's time, the file a quarter larger.
        super().__init__(buffer, "w", zipfile.ZIP_DEFLATED, allowZip64=True, compresslevel=1)

    def writestr(
        self,
        zinfo_or_arcname: str | zipfile.ZipInfo,
        data: SizedBuffer | str,
        compress_type: int | None = None,
        compresslevel: int | None = None,
    ) -> None:
        if zinfo_or_arcname == ARC_APP:
            properties = ExtendedProperties()
            properties.Application, properties.AppVersion = APPLICATION, None
            data = tostring(properties.to_tree())
        super().writestr(zinfo_or_arcname, data, compress_type, compresslevel)


Sheet = tuple[Sequence[Column], Iterable[Sequence[Value]]]


def _sheets(minutes: Minutes) -> tuple[Sheet, Sheet, Sheet, Sheet]:
    return (
        _contributions(minutes),
        _consensus(minutes),
        _next_steps(minutes),
        _attendance(minutes),
    )


def _has_groups(minutes: Minutes) -> bool:
    return any(item.groups for item in minutes.items)


def _contributions(minutes: Minutes) -> Sheet:
    """One row per contribution the minutes print, in recorded order (the CSV's rows)."""
    labels = minutes.labels
    groups = _has_groups(minutes)
    named = minutes.options.attribution is not Attribution.ANONYMOUS
    columns = [
        Column(labels.time, 17, number_format=DATE_TIME),
        Column("Agenda item", 30, wrap=True),
        Column("Guiding question", 40, wrap=True),
        *([Column("Breakout group", 20, wrap=True)] if groups else []),
        Column("Kind", 11),
        *([Column("Attributed to", 32, wrap=True)] if named else []),
        Column("Contribution", 80, wrap=True),
        Column("Highlight", 10),
    ]
    rows = (
        (
            _moment(s.timestamp),
            s.item_title,
            s.question,
            *((s.group,) if groups else ()),
            s.kind_label,
            *((s.attribution or "",) if named else ()),
            s.text,
            "yes" if s.highlight else "",
        )
        for s in minutes.statements
    )
    return columns, rows


def _consensus(minutes: Minutes) -> Sheet:
    """Every consensus point, agreed or not, with its status and reservations."""
    labels = minutes.labels
    groups = _has_groups(minutes)
    columns = [
        Column(labels.item, 7),
        Column("Agenda item", 30, wrap=True),
        Column("Guiding question", 36, wrap=True),
        *([Column("Breakout group", 20, wrap=True)] if groups else []),
        *([Column("Taken up from", 20, wrap=True)] if groups else []),
        Column("Consensus point", 60, wrap=True),
        Column(labels.status, 24, wrap=True),
        Column(labels.reservations, 40, wrap=True),
    ]

    def row(entry: ConsensusEntry, group: str) -> tuple[Value, ...]:
        return (
            entry.item_number,
            entry.item_title,
            entry.question,
            *((group, entry.group) if groups else ()),
            entry.text,
            entry.status_label,
            entry.reservations,
        )

    return columns, (row(entry, group) for entry, group in _points(minutes))


def _points(minutes: Minutes) -> Iterator[tuple[ConsensusEntry, str]]:
    """Each item's points: plenary's, then each breakout group's (with the group's name)."""
    for item in minutes.items:
        for section in item.sections:
            for entry in section.consensus:
                yield entry, ""
        for group in item.groups:
            for section in group.sections:
                for entry in section.consensus:
                    yield entry, group.name


def _next_steps(minutes: Minutes) -> Sheet:
    labels = minutes.labels
    columns = [
        Column(labels.action, 60, wrap=True),
        Column(labels.owner, 32, wrap=True),
        Column(labels.due, 12, number_format=DATE),
        Column(labels.status, 14),
        Column("Agenda item", 30, wrap=True),
    ]
    rows = (
        (step.text, step.owner, _day(step.due_iso), step.status_label, step.item_title)
        for step in minutes.next_steps
    )
    return columns, rows


def _attendance(minutes: Minutes) -> Sheet:
    """The attendance list as the minutes print it (people, or organisations); where the mode
    prints none, who took part: how many from each stakeholder group."""
    labels = minutes.labels
    titles = minutes.attendance_has_job_titles
    if minutes.attendance_shown and minutes.attendance_has_names:
        columns = [
            Column(labels.name, 32, wrap=True),
            Column(labels.organisation, 36, wrap=True),
            *([Column(labels.job_title, 30, wrap=True)] if titles else []),
            Column(labels.stakeholder_group, 28, wrap=True),
            Column("Role", 14),
        ]
        people = (
            (a.name, a.organisation, *((a.job_title,) if titles else ()), a.group, a.role)
            for a in minutes.attendance
        )
        return columns, people
    if minutes.attendance_shown:
        columns = [
            Column(labels.organisation, 36, wrap=True),
            Column(labels.stakeholder_group, 28, wrap=True),
            *([Column(labels.job_titles, 40, wrap=True)] if titles else []),
        ]
        organisations = (
            (a.organisation, a.group, *((a.job_title,) if titles else ()))
            for a in minutes.attendance
        )
        return columns, organisations
    columns = [Column(labels.stakeholder_group, 36, wrap=True), Column(labels.present, 10)]
    counts: list[Sequence[Value]] = [(p.group, p.present) for p in minutes.presence]
    counts.append((labels.total, minutes.total_present))
    return columns, counts


def _write_sheet(
    workbook: Any, title: str, columns: Sequence[Column], rows: Iterable[Sequence[Value]]
) -> None:
    """A sheet with a bold header row that stays in view, and each column's width and look."""
    sheet = workbook.create_sheet(title)
    for number, column in enumerate(columns, start=1):
        sheet.column_dimensions[get_column_letter(number)].width = column.width
    sheet.freeze_panes = "A2"
    header = []
    for column in columns:
        cell = WriteOnlyCell(sheet, safe_cell(column.heading))
        cell.font = _BOLD
        header.append(cell)
    sheet.append(header)
    # Each column's look (alignment, number format) is registered with the workbook once: a
    # cell made with its style array skips openpyxl's per-cell look-up of every attribute.
    looks = [_look(sheet, column) for column in columns]
    count = 0
    for row in rows:
        values = [safe_cell(value) if isinstance(value, str) else value for value in row]
        for part in _parts(values):
            cells = []
            for value, look in zip(part, looks, strict=True):
                cell = Cell(sheet, 1, 1, value=None if value == "" else value, style_array=look)
                if isinstance(value, str) and value:
                    cell.data_type = "s"  # text, whatever it looks like ("#N/A")
                cells.append(cell)
            sheet.append(cells)
            count += 1
    sheet.auto_filter.ref = f"A1:{get_column_letter(len(columns))}{count + 1}"


def _parts(values: list[Value]) -> Iterator[list[Value]]:
    """The row, or, when a text is longer than a cell holds, the row again for each further
    part of it (the other cells repeated, so that it sorts and filters with its row): a
    contribution may be 100,000 characters long, a cell 32,767, and none of it is dropped."""
    if not any(isinstance(v, str) and len(v) > CELL_LIMIT for v in values):
        yield values
        return
    step = CELL_LIMIT - 2  # room for the "…" that says a part goes on, or went before
    longest = max(len(v) for v in values if isinstance(v, str))
    for start in range(0, longest, step):
        part: list[Value] = []
        for value in values:
            if not isinstance(value, str) or len(value) <= CELL_LIMIT:
                part.append(value)
                continue
            piece = value[start : start + step]
            before = "…" if start and piece else ""
            after = "…" if start + step < len(value) else ""
            part.append(f"{before}{piece}{after}")
        yield part


def _look(sheet: Any, column: Column) -> Any:
    """The style array of the column's cells: aligned to the top (wrapped if long), dated."""
    cell = WriteOnlyCell(sheet)
    cell.alignment = _WRAP if column.wrap else _TOP
    if column.number_format:
        cell.number_format = column.number_format
    return cell._style


def _moment(timestamp: str) -> dt.datetime | str:
    """``2017-09-21 10:45`` as a date and time a spreadsheet can sort and compute with."""
    if not timestamp:
        return ""
    try:
        return dt.datetime.fromisoformat(timestamp)
    except ValueError:
        return timestamp


def _day(iso: str) -> dt.date | str:
    """A due date as a date cell; text that is not a date (as typed) stays text."""
    if not iso:
        return ""
    try:
        return dt.date.fromisoformat(iso)
    except ValueError:
        return iso
