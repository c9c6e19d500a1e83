"""Reading CSV in the encodings and delimiters organisers meet, and XLSX, into a RawTable."""

from __future__ import annotations

import datetime as dt
import io
import zipfile
from pathlib import Path

import openpyxl  # type: ignore[import-untyped]
import pytest

from tests.roster_import.helpers import write_text, write_xlsx
from workshop_app.roster_import import RosterImportError, read_table
from workshop_app.roster_import.reading import column_letter

PEOPLE = [
    ["Name", "Organisation", "Email"],
    ["Kerstin Håkansson", "DG DEVCO", "kerstin@example.eu"],
    ["José Núñez", "Ministerio del Interior", "jose@example.es"],
    ["Jürgen Weiß", "ICMPD", "juergen@example.org"],
]


def as_csv(rows: list[list[str]], delimiter: str, newline: str = "\r\n") -> str:
    return newline.join(delimiter.join(row) for row in rows) + newline


@pytest.mark.parametrize(
    ("encoding", "label"),
    [
        ("utf-8", "UTF-8"),
        ("utf-8-sig", "UTF-8"),
        ("utf-16-le-bom", "UTF-16"),
        ("utf-16-be-bom", "UTF-16"),
        ("cp1252", "Windows-1252"),
    ],
)
@pytest.mark.parametrize(
    ("delimiter", "delimiter_name"), [(",", "comma"), (";", "semicolon"), ("\t", "tab")]
)
def test_each_encoding_and_delimiter_reads_the_same_table(
    tmp_path: Path, encoding: str, label: str, delimiter: str, delimiter_name: str
) -> None:
    path = write_text(tmp_path / "people.csv", as_csv(PEOPLE, delimiter), encoding)
    table = read_table(path)
    assert table.headers == PEOPLE[0]
    assert table.rows == PEOPLE[1:]
    assert table.source_rows == [2, 3, 4]
    assert table.source_format == f"CSV, {label}, {delimiter_name}-separated"


def test_bom_does_not_stick_to_the_first_header(tmp_path: Path) -> None:
    path = write_text(tmp_path / "p.csv", "Name;Email\nA;a@x\n", "utf-8-sig")
    assert read_table(path).headers == ["Name", "Email"]


def test_windows_1252_is_used_only_when_the_bytes_are_not_utf8(tmp_path: Path) -> None:
    # "Ã©" in Windows-1252 is the UTF-8 encoding of "é": valid UTF-8 wins.
    path = tmp_path / "p.csv"
    path.write_bytes("Name\nRené\n".encode())
    assert read_table(path).rows == [["René"]]
    path.write_bytes("Name\nRené Müller ñ\n".encode("cp1252"))
    assert read_table(path).rows == [["René Müller ñ"]]


def test_utf16_without_bom_is_recognised(tmp_path: Path) -> None:
    path = tmp_path / "p.txt"
    path.write_bytes("Name\tEmail\r\nJürgen\tj@x\r\n".encode("utf-16-le"))
    assert read_table(path).rows == [["Jürgen", "j@x"]]


def test_quoted_fields_keep_delimiters_quotes_and_newlines(tmp_path: Path) -> None:
    text = (
        "Name,Organisation,Email\n"
        '"Håkansson, Kerstin","DG DEVCO\nEuropean Commission",c@x\n'
        '"Rainer ""Ralf"" Gottwald",ICMPD,r@x\n'
        'Ana Pérez,"Ministry; Interior, Cabo Verde",a@x\n'
    )
    table = read_table(write_text(tmp_path / "p.csv", text, "utf-8"))
    assert table.rows == [
        ["Håkansson, Kerstin", "DG DEVCO\nEuropean Commission", "c@x"],
        ['Rainer "Ralf" Gottwald', "ICMPD", "r@x"],
        ["Ana Pérez", "Ministry; Interior, Cabo Verde", "a@x"],
    ]
    # Row numbers count records as a spreadsheet does, not physical lines.
    assert table.source_rows == [2, 3, 4]


def test_semicolon_wins_over_commas_inside_names(tmp_path: Path) -> None:
    text = "Name;Organisation\nHåkansson, Kerstin;EC\nGottwald, Rainer;ICMPD\n"
    table = read_table(write_text(tmp_path / "p.csv", text, "utf-8"))
    assert table.headers == ["Name", "Organisation"]
    assert table.rows == [["Håkansson, Kerstin", "EC"], ["Gottwald, Rainer", "ICMPD"]]


def test_comma_wins_over_semicolons_inside_cells(tmp_path: Path) -> None:
    text = "Name,Organisation,Group\nA,EC; DEVCO,EU\nB,ICMPD; Vienna,Civil society\nC,UN,Partner\n"
    table = read_table(write_text(tmp_path / "p.csv", text, "utf-8"))
    assert table.headers == ["Name", "Organisation", "Group"]
    assert table.rows[0] == ["A", "EC; DEVCO", "EU"]


def test_single_column_list_is_read(tmp_path: Path) -> None:
    table = read_table(write_text(tmp_path / "p.csv", "Name\nA. Example\nB. Sample\n", "utf-8"))
    assert table.headers == ["Name"]
    assert table.rows == [["A. Example"], ["B. Sample"]]


def test_cells_are_stripped_blank_rows_skipped_and_rows_numbered(tmp_path: Path) -> None:
    text = "\n  \nName , Email\n\n  A  ,  a@x \n,\nB,b@x,,\n"
    table = read_table(write_text(tmp_path / "p.csv", text, "utf-8"))
    assert table.headers == ["Name", "Email"]
    assert table.rows == [["A", "a@x"], ["B", "b@x"]]
    assert table.source_rows == [5, 7]


def test_short_rows_are_padded_and_extra_cells_get_an_unnamed_column(tmp_path: Path) -> None:
    text = "Name,Email\nA\nB,b@x,note\n"
    table = read_table(write_text(tmp_path / "p.csv", text, "utf-8"))
    assert table.headers == ["Name", "Email", ""]
    assert table.rows == [["A", "", ""], ["B", "b@x", "note"]]
    assert table.column_label(2) == "C"
    assert table.column_label(1) == "'Email'"


@pytest.mark.parametrize(("index", "letters"), [(0, "A"), (25, "Z"), (26, "AA"), (701, "ZZ")])
def test_column_letters(index: int, letters: str) -> None:
    assert column_letter(index) == letters


def test_xlsx_first_sheet_with_numbers_dates_and_gaps(tmp_path: Path) -> None:
    path = tmp_path / "people.xlsx"
    write_xlsx(
        path,
        [
            [None, None],
            ["Name", "Phone", "Registered", "Present", "Share"],
            [" Kerstin Håkansson ", 32470123456.0, dt.datetime(2017, 9, 21), True, 0.1 + 0.2],
            [None, None, None],
            ["Rainer Gottwald", 42, dt.datetime(2017, 9, 21, 9, 30), False, 1.5],
        ],
    )
    table = read_table(path)
    assert table.headers == ["Name", "Phone", "Registered", "Present", "Share"]
    assert table.rows == [
        ["Kerstin Håkansson", "32470123456", "2017-09-21", "TRUE", "0.3"],
        ["Rainer Gottwald", "42", "2017-09-21 09:30", "FALSE", "1.5"],
    ]
    assert table.source_rows == [3, 5]
    assert table.source_format == "XLSX"


def test_xlsx_reads_the_first_sheet_not_the_active_one(tmp_path: Path) -> None:
    path = tmp_path / "people.xlsx"
    workbook = openpyxl.Workbook()
    workbook.active.append(["Name"])
    workbook.active.append(["From the first sheet"])
    other = workbook.create_sheet("Other")
    other.append(["Name"])
    other.append(["From the second sheet"])
    workbook.active = 1
    workbook.save(path)
    assert read_table(path).rows == [["From the first sheet"]]


def test_xlsx_content_wins_over_a_csv_name(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "people.xlsx", [["Name"], ["A"]])
    renamed = path.rename(tmp_path / "people.csv")
    assert read_table(renamed).rows == [["A"]]


def _broken_zip() -> bytes:
    buffer = io.BytesIO()
    with zipfile.ZipFile(buffer, "w") as archive:
        archive.writestr("hello.txt", "not a workbook")
    return buffer.getvalue()


def _truncated_xlsx(tmp_path: Path) -> bytes:
    data = write_xlsx(tmp_path / "whole.xlsx", [["Name"], ["A"]]).read_bytes()
    return data[: len(data) // 2]


@pytest.mark.parametrize(
    ("name", "content", "reason"),
    [
        ("p.csv", b"", "it is empty"),
        ("p.csv", b" \r\n\t\n", "it is empty"),
        ("p.csv", b"\xef\xbb\xbf\n\n", "it is empty"),
        ("p.csv", b"\xef\xbb\xbfName\n\xff\n", "marked as UTF-8 but is not valid UTF-8"),
        ("p.csv", b"\xff\xfeN\x00a", "marked as UTF-16 but is not valid UTF-16"),
        ("p.csv", b"Name\n\x81\x8d\x8f\x90\x9d\n", "none of UTF-8, UTF-16 and Windows-1252"),
        ("p.csv", b"Name\nA\x00B\n", "binary data"),
        ("p.xlsx", b"Name\nA\n", "not a valid Excel workbook"),
        ("p.xls", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + bytes(100), "old Excel .xls"),
        ("p.xlsx", _broken_zip(), "not a readable Excel workbook"),
    ],
)
def test_unreadable_files_say_so(tmp_path: Path, name: str, content: bytes, reason: str) -> None:
    path = tmp_path / name
    path.write_bytes(content)
    with pytest.raises(RosterImportError) as caught:
        read_table(path)
    assert caught.value.message.startswith(f"Cannot read {name}: ")
    assert reason in caught.value.message
    assert caught.value.row is None
    assert caught.value.hint


def test_truncated_xlsx_is_unreadable(tmp_path: Path) -> None:
    path = tmp_path / "cut.xlsx"
    path.write_bytes(_truncated_xlsx(tmp_path))
    with pytest.raises(RosterImportError, match=r"^Cannot read cut\.xlsx: "):
        read_table(path)


def test_empty_workbook_has_no_header_row(tmp_path: Path) -> None:
    path = write_xlsx(tmp_path / "empty.xlsx", [])
    with pytest.raises(RosterImportError, match="it has no header row"):
        read_table(path)


def test_missing_file_is_a_known_error(tmp_path: Path) -> None:
    with pytest.raises(RosterImportError, match=r"^Cannot read nowhere\.csv: "):
        read_table(tmp_path / "nowhere.csv")


def test_header_without_rows_is_an_empty_table(tmp_path: Path) -> None:
    table = read_table(write_text(tmp_path / "p.csv", "Name;Email\n", "utf-8"))
    assert (table.headers, table.rows, table.source_rows) == (["Name", "Email"], [], [])


def test_excels_sep_line_chooses_the_delimiter_and_is_not_a_row(tmp_path: Path) -> None:
    # Without the hint, the commas would look like the delimiter.
    text = "sep=;\r\nName;Organisation\r\nDoe, Jane, Dr;EC, DEVCO, B2\r\n"
    table = read_table(write_text(tmp_path / "p.csv", text, "utf-8"))
    assert table.headers == ["Name", "Organisation"]
    assert table.rows == [["Doe, Jane, Dr", "EC, DEVCO, B2"]]
    assert table.source_rows == [2]
    assert table.source_format == "CSV, UTF-8, semicolon-separated"


def test_a_cell_too_large_for_the_csv_reader_names_its_row(tmp_path: Path) -> None:
    text = "Name\nA\nB\n" + "x" * 200_000 + "\n"
    with pytest.raises(RosterImportError, match=r"^row 4: cannot be read") as caught:
        read_table(write_text(tmp_path / "p.csv", text, "utf-8"))
    assert caught.value.row == 4


def test_a_report_list_ends_where_the_next_section_begins(tmp_path: Path) -> None:
    text = (
        "Registration Report\n"
        "Topic,Webinar ID,# Registered\n"
        "Data in practice,812 3456 7890,2\n"
        "Registrant Details\n"
        "First Name,Last Name,Email,Organization\n"
        "Ádám,Kovács,adam@example.hu,Ministry of Interior\n"
        "Seán,O'Brien,sean@example.ie,Department of Foreign Affairs\n"
        "Panelist Details\n"
        "User Name (Original Name),Email\n"
        "Lena Brandt,lena@example.de\n"
    )
    table = read_table(write_text(tmp_path / "report.csv", text, "utf-8"))
    assert table.headers == ["First Name", "Last Name", "Email", "Organization"]
    assert [row[:2] for row in table.rows] == [["Ádám", "Kovács"], ["Seán", "O'Brien"]]
    assert (table.header_row, table.source_rows, table.section) == (5, [6, 7], "Registrant Details")
    assert table.source_format == "CSV, UTF-8, comma-separated"


def test_the_host_section_is_passed_over_for_the_attendees_with_the_same_header(
    tmp_path: Path,
) -> None:
    header = "Attended,User Name (Original Name),Email,Join Time"
    text = (
        f"Attendee Report\nHost Details\n{header}\nYes,Secretariat,sec@example.org,09:58\n"
        f"Attendee Details\n{header}\nYes,Ömer Yılmaz,omer@example.tr,10:02\n"
    )
    table = read_table(write_text(tmp_path / "report.csv", text, "utf-8"))
    assert table.rows == [["Yes", "Ömer Yılmaz", "omer@example.tr", "10:02"]]
    assert table.section == "Attendee Details"


def test_a_plain_list_keeps_every_row_and_reports_no_section(tmp_path: Path) -> None:
    path = write_text(tmp_path / "p.csv", as_csv(PEOPLE, ","), "utf-8")
    table = read_table(path)
    assert (table.header_row, table.section, len(table.rows)) == (1, "", 3)
