"""The whole import into a real workshop file: added on disk, all or nothing, one-line summary."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import read_back
from tests.roster_import.helpers import person, write_text, write_xlsx
from workshop_app.roster_import import ImportReport, RosterDocument, RosterImportError, import_file
from workshop_app.roster_import.building import Skipped
from workshop_app.store import Document

REGISTRATIONS = (
    "Titre;Prénom;Nom;Organisation;E-mail;Stakeholder group;Role;Dietary needs\r\n"
    "Ms.;Kerstin;Håkansson;DG DEVCO;kerstin@ec.eu;EU institutions;chair;\r\n"
    "Mr.;Rainer;Gottwald;ICMPD;rainer@icmpd.org;Civil society;;vegetarian\r\n"
    "Ms.;Ana;Pérez;Ministry of Interior, Cabo Verde;ana@mai.cv;Partner countries;;\r\n"
    ";Rainer;Gottwald;ICMPD;RAINER@icmpd.org;Civil society;;\r\n"
)


def roster_on_disk(path: Path) -> list[tuple[object, ...]]:
    return read_back(
        path,
        "SELECT name, organisation, stakeholder_group, role, present"
        " FROM participants ORDER BY seq",
    )


def test_a_store_document_is_what_the_import_needs(document: Document) -> None:
    target: RosterDocument = document
    assert target.participants.list() == []


def test_import_adds_everyone_once_and_reports(document: Document, tmp_path: Path) -> None:
    csv = write_text(tmp_path / "people.csv", REGISTRATIONS, "cp1252")
    report = import_file(document, csv)
    assert report.added == 3
    assert report.summary == "Added 3 participants; skipped 1 listed twice in the file."
    assert report.new_groups == ["EU institutions", "Partner countries"]
    assert report.ignored_columns == ["'Titre'", "'Dietary needs'"]
    assert roster_on_disk(document.path) == [
        ("Kerstin Håkansson", "DG DEVCO", "EU institutions", "chair", 0),
        ("Rainer Gottwald", "ICMPD", "Civil society", "participant", 0),
        ("Ana Pérez", "Ministry of Interior, Cabo Verde", "Partner countries", "participant", 0),
    ]
    # Groups the list brings join the workshop's list, in the same transaction.
    assert document.workshop.get().stakeholder_groups == (
        "Civil society",
        "Partners",
        "EU institutions",
        "Partner countries",
    )


def test_importing_the_same_list_again_adds_nobody(document: Document, tmp_path: Path) -> None:
    csv = write_text(tmp_path / "people.csv", REGISTRATIONS, "utf-8-sig")
    import_file(document, csv)
    again = import_file(document, csv)
    assert again.added == 0
    assert again.summary == ("Added 0 participants; skipped 4 already on the roster.")
    assert len(roster_on_disk(document.path)) == 3


def test_xlsx_import(document: Document, tmp_path: Path) -> None:
    path = write_xlsx(
        tmp_path / "people.xlsx",
        [
            ["Full name", "Company", "Checked in"],
            ["José Núñez", "UNHCR", True],
            ["Li Wei", 42, None],
        ],
    )
    assert import_file(document, path).summary == "Added 2 participants."
    assert roster_on_disk(document.path) == [
        ("José Núñez", "UNHCR", None, "participant", 1),
        ("Li Wei", "42", None, "participant", 0),
    ]


def test_a_bad_row_leaves_the_roster_as_it_was(document: Document, tmp_path: Path) -> None:
    document.participants.add(person("Already Here"))
    text = "Name,Email\nA,a@x\nB," + "b" * 501 + "\nC,c@x\n"
    with pytest.raises(RosterImportError) as caught:
        import_file(document, write_text(tmp_path / "p.csv", text, "utf-8"))
    assert caught.value.message == "row 3, column 'Email': longer than 500 characters"
    assert "Nothing was imported." in caught.value.hint
    assert roster_on_disk(document.path) == [("Already Here", None, None, "participant", 1)]


def test_ambiguous_headers_are_an_error_naming_them(document: Document, tmp_path: Path) -> None:
    text = "Name\tEmail\tE-mail address\nA\ta@x\ta@y\n"
    path = write_text(tmp_path / "p.txt", text, "utf-16-le-bom")
    with pytest.raises(RosterImportError) as caught:
        import_file(document, path)
    assert "'Email' and 'E-mail address' could each be the email" in caught.value.message
    assert "Rename or delete one of them" in caught.value.hint
    assert roster_on_disk(document.path) == []


def test_an_unreadable_file_leaves_the_roster_as_it_was(document: Document, tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_bytes(b"Name\n\x81\x8d\n")
    with pytest.raises(RosterImportError, match=r"^Cannot read p\.csv: "):
        import_file(document, path)
    assert roster_on_disk(document.path) == []


@pytest.mark.parametrize(
    ("added", "skips", "summary"),
    [
        (1, [], "Added 1 participant."),
        (12, [True, True], "Added 12 participants; skipped 2 already on the roster."),
        (0, [False], "Added 0 participants; skipped 1 listed twice in the file."),
        (
            5,
            [True, False, False],
            "Added 5 participants; skipped 1 already on the roster and 2 listed twice in the file.",
        ),
    ],
)
def test_summary_wording(added: int, skips: list[bool], summary: str) -> None:
    skipped = [Skipped(row, "X", "reason", on_roster) for row, on_roster in enumerate(skips, 2)]
    assert ImportReport(added=added, skipped=skipped).summary == summary
