"""A registration file cannot exhaust the machine (issue 14, point 4), nor garble names.

Each probe is refused in words naming the limit, by the reader and by the command line, and
the refusal comes small: the reader's Python allocations stay far under 200 MB (tracemalloc),
and the command runs in a child process that cannot take more than 1 GB of address space.
The bounds are far above what the refusals need; no timing is asserted.
"""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.conftest import read_back
from tests.security.crafted import (
    MIB,
    PLAIN_ROWS,
    import_in_child,
    inline,
    shared_strings,
    sheet,
    write_xlsx,
)
from workshop_app.roster_import import RosterImportError, import_file, read_table
from workshop_app.roster_import.limits import MAX_ROWS
from workshop_app.store import Document

PEAK_BOUND = 200 * MIB

_TEN_CELLS = "".join(f'<c t="inlineStr"><is><t>Person {i}</t></is></c>' for i in range(10))


def zip_bomb(path: Path) -> Path:
    """A worksheet of 125 MB of identical rows, packed about a thousand to one."""
    rows = ("", f"<row>{_TEN_CELLS}</row>", 125 * MIB // (len(_TEN_CELLS) + 11), "")
    head, tail = sheet("").split("<sheetData>")
    return write_xlsx(path, sheet1=(head + "<sheetData>" + PLAIN_ROWS, rows[1], rows[2], tail))


def huge_shared_string(path: Path) -> Path:
    """One shared string of 100 MB, which openpyxl would hold whole before the first row."""
    head, tail = shared_strings("A").split(">A<")
    rows = f'{PLAIN_ROWS}<row r="3"><c r="A3" t="s"><v>0</v></c></row>'
    strings = (head + ">", "A", 100 * MIB, "<" + tail)
    return write_xlsx(path, sheet1=sheet(rows), sharedStrings=strings)


def wide_by_dimension(path: Path) -> Path:
    """A sheet that says it is 5,000 rows by 16,384 columns (A1:XFD5000)."""
    rows = f'{PLAIN_ROWS}<row r="5000">{inline("XFD5000", "x")}</row>'
    return write_xlsx(path, sheet1=sheet(rows, dimension="A1:XFD5000"))


def wide_row(path: Path) -> Path:
    """A sheet that says it is two columns wide, with a row reaching column XFD."""
    rows = f'{PLAIN_ROWS}<row r="3">{inline("A3", "Bo")}{inline("XFD3", "x")}</row>'
    return write_xlsx(path, sheet1=sheet(rows, dimension="A1:B2"))


def many_rows(path: Path) -> Path:
    """150,000 rows of different people (packed like any workbook), the dimension a lie."""
    rows = "".join(
        f'<row r="{n}">{inline(f"A{n}", f"Person {n:06d}")}</row>' for n in range(3, 150_003)
    )
    return write_xlsx(path, sheet1=sheet(PLAIN_ROWS + rows, dimension="A1:B2"))


def long_cell(path: Path) -> Path:
    rows = f'{PLAIN_ROWS}<row r="3">{inline("A3", "Bo")}{inline("B3", "x" * 20_000)}</row>'
    return write_xlsx(path, sheet1=sheet(rows))


def million_row_csv(path: Path) -> Path:
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("Name,Organisation\n")
        for n in range(1_000_000):
            out.write(f"Person {n:07d},Nordic Council\n")
    return path


def endless_line_csv(path: Path) -> Path:
    path.write_text("Name,Organisation\nAnna," + "x," * 1_500_000 + "\n", encoding="utf-8")
    return path


def long_cell_csv(path: Path) -> Path:
    path.write_text("Name,Organisation\nAnna," + "x" * 20_000 + "\n", encoding="utf-8")
    return path


PROBES: dict[str, tuple[str, Callable[[Path], Path], str]] = {
    "a zip bomb": (
        "people.xlsx",
        zip_bomb,
        "its part xl/worksheets/sheet1.xml is packed",
    ),
    "a shared string of 100 MB": (
        "people.xlsx",
        huge_shared_string,
        "its part xl/sharedStrings.xml would take 100 MB once unpacked; at most 64 MB is read",
    ),
    "a sheet that says it is 5,000 x 16,384": (
        "people.xlsx",
        wide_by_dimension,
        "its first worksheet is 16,384 columns wide (up to column XFD); a list may have at "
        "most 200",
    ),
    "a row reaching column XFD": (
        "people.xlsx",
        wide_row,
        "row 3 has 16,384 columns; a list may have at most 200",
    ),
    "150,000 rows in a workbook": (
        "people.xlsx",
        many_rows,
        "it has more than 100,000 rows, the most a list may have",
    ),
    "a workbook cell of 20,000 characters": (
        "people.xlsx",
        long_cell,
        "row 3, column B: cannot be read: the cell holds 20,000 characters; a cell may hold at "
        "most 10,000",
    ),
    "a CSV of 1,000,000 rows": (
        "people.csv",
        million_row_csv,
        "it has more than 100,000 rows, the most a list may have",
    ),
    "a CSV line of 3,000,000 characters": (
        "people.csv",
        endless_line_csv,
        "line 2 is longer than 2,000,600 characters",
    ),
    "a CSV cell of 20,000 characters": (
        "people.csv",
        long_cell_csv,
        "row 2, column B: cannot be read: the cell holds 20,000 characters",
    ),
}


def roster(path: Path) -> list[tuple[object, ...]]:
    return read_back(path, "SELECT * FROM participants ORDER BY id")


def test_the_crafted_workbook_is_a_real_one(tmp_path: Path, workshop_path: Path) -> None:
    """Without its probe, the workbook the probes are built on imports: what refuses them is
    the limit, not a broken builder."""
    path = write_xlsx(tmp_path / "people.xlsx")
    with Document.open(workshop_path) as doc:
        assert import_file(doc, path).added == 1
    assert [row[0] for row in read_back(workshop_path, "SELECT name FROM participants")] == [
        "Anna Lindqvist"
    ]


@pytest.mark.parametrize("probe", list(PROBES))
def test_the_reader_refuses_naming_the_limit_and_stays_small(probe: str, tmp_path: Path) -> None:
    name, build, expected = PROBES[probe]
    path = build(tmp_path / name)
    tracemalloc.start()
    try:
        with pytest.raises(RosterImportError) as refused:
            read_table(path)
        _size, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert expected in refused.value.message
    assert "Nothing was imported" in refused.value.hint
    assert peak < PEAK_BOUND, f"{peak / MIB:.0f} MB"


@pytest.mark.parametrize("probe", list(PROBES))
def test_the_command_refuses_in_one_line_and_the_roster_is_unchanged(
    probe: str, tmp_path: Path, workshop_path: Path
) -> None:
    name, build, expected = PROBES[probe]
    path = build(tmp_path / name)
    before = roster(workshop_path)
    done = import_in_child(workshop_path, path)
    assert done.returncode == 1, done.stderr
    line = done.stderr.strip()
    assert "\n" not in line and line.startswith("workshop-app: "), line
    assert expected in line
    assert roster(workshop_path) == before


def test_a_list_at_the_row_limit_is_read(tmp_path: Path) -> None:
    path = tmp_path / "people.csv"
    with open(path, "w", encoding="utf-8", newline="") as out:
        out.write("Name,Organisation\n")
        for n in range(MAX_ROWS - 1):
            out.write(f"Person {n:06d},Nordic Council\n")
    table = read_table(path)
    assert len(table.rows) == MAX_ROWS - 1
    assert table.source_rows[-1] == MAX_ROWS


# -- text in two encodings --------------------------------------------------------------------


def mixed_encodings(path: Path) -> Path:
    """A list pasted together from two tools: one row in UTF-8, one in Windows-1252."""
    path.write_bytes(
        b"Name;Organisation\r\n"
        + "José Núñez;Consejo Nacional\r\n".encode()
        + "Jürgen Müller;Bundesrat\r\n".encode("cp1252")
    )
    return path


def read_twice(path: Path) -> Path:
    """A list that was read as Windows-1252 once and saved again as UTF-8."""
    path.write_text("Name;Organisation\nJürgen Müller;Rat\nJosÃ© NÃºÃ±ez;Consejo\n", "utf-8")
    return path


@pytest.mark.parametrize(
    ("build", "row"), [(mixed_encodings, 2), (read_twice, 3)], ids=["mixed", "read twice"]
)
def test_garbled_names_are_refused_naming_the_row(
    build: Callable[[Path], Path], row: int, tmp_path: Path, workshop_path: Path
) -> None:
    path = build(tmp_path / "people.csv")
    before = roster(workshop_path)
    with Document.open(workshop_path) as doc, pytest.raises(RosterImportError) as refused:
        import_file(doc, path)
    assert refused.value.row == row
    assert refused.value.message.startswith(f"row {row}, column 'Name': 'JosÃ© NÃºÃ±ez' looks")
    assert "'Ã©' is how 'é' reads when UTF-8 text is taken for Windows-1252" in (
        refused.value.message
    )
    done = import_in_child(workshop_path, path)
    assert done.returncode == 1, done.stderr
    assert done.stderr.startswith(f"workshop-app: row {row}, column 'Name': 'JosÃ© NÃºÃ±ez'")
    assert done.stderr.count("\n") == 1
    assert roster(workshop_path) == before
    names = [row[0] for row in read_back(workshop_path, "SELECT name FROM participants")]
    assert not any("Ã" in name for name in names)  # type: ignore[operator]
