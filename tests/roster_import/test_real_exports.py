"""Registration exports as the tools write them, one file per layout (fixtures/), imported
into a workshop file and read back from it."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.conftest import read_back
from workshop_app.cli import main
from workshop_app.roster_import import import_file, read_table
from workshop_app.store import Document

FIXTURES = Path(__file__).parent / "fixtures"

Person = tuple[object, ...]


def roster_on_disk(path: Path) -> list[Person]:
    """Name, title, organisation, job title, country, email and presence, in roster order."""
    return read_back(
        path,
        "SELECT name, title, organisation, job_title, country, email, present"
        " FROM participants ORDER BY seq",
    )


def test_eventbrite_attendee_summary_takes_names_not_order_or_attendee_numbers(
    workshop_path: Path,
) -> None:
    with Document.open(workshop_path) as doc:
        report = import_file(doc, FIXTURES / "eventbrite-attendee-summary.csv")
    assert report.added == 5
    assert {"'Order #'", "'Attendee #'", "'Order Date'", "'Quantity'"} <= set(
        report.ignored_columns
    )
    assert roster_on_disk(workshop_path) == [
        (
            "Ádám Kovács",
            "Dr.",
            "Ministry of Interior",
            "Head of Unit",
            "Hungary",
            "adam.kovacs@example.hu",
            0,
        ),
        (
            "Ömer Yılmaz",
            None,
            "Directorate General of Migration Management",
            "Policy Officer",
            "Türkiye",
            "omer.yilmaz@example.com.tr",
            0,
        ),
        (
            "María José Fernández Ortega",
            "Ms.",
            "Universidad de Salamanca",
            "Researcher, Migration Unit",
            "Spain",
            "mariajose.fernandez@example.es",
            0,
        ),
        (
            "Nguyễn Thị Mai",
            None,
            "Vietnam Women's Union",
            "Programme Manager",
            "Viet Nam",
            "mai.nguyen@example.vn",
            0,
        ),
        (
            "Seán O'Brien",
            "Mr.",
            "Department of Foreign Affairs",
            "Second Secretary",
            "Ireland",
            "sean.obrien@example.ie",
            0,
        ),
    ]


def test_zoom_webinar_report_imports_the_attendees_not_the_host_or_panelists(
    workshop_path: Path,
) -> None:
    path = FIXTURES / "zoom-webinar-attendee-report.csv"
    table = read_table(path)
    assert (table.section, table.header_row) == ("Attendee Details", 12)
    with Document.open(workshop_path) as doc:
        report = import_file(doc, path)
    # Ádám joined twice: one person, the second line skipped.
    assert report.summary == "Added 4 participants; skipped 1 listed twice in the file."
    assert [(s.row, s.name) for s in report.skipped] == [(14, "Ádám Kovács")]
    assert roster_on_disk(workshop_path) == [
        (
            "Ádám Kovács",
            None,
            "Ministry of Interior",
            "Head of Unit",
            "Hungary",
            "adam.kovacs@example.hu",
            1,
        ),
        (
            "Nguyễn Thị Mai",
            None,
            "Vietnam Women's Union",
            "Programme Manager",
            "Vietnam",
            "mai.nguyen@example.vn",
            1,
        ),
        (
            "Ömer Yılmaz",
            None,
            "Directorate General of Migration Management",
            "Policy Officer",
            "Türkiye",
            "omer.yilmaz@example.com.tr",
            0,  # registered, did not attend
        ),
        (
            "Seán O'Brien",
            None,
            "Department of Foreign Affairs",
            "Second Secretary",
            "Ireland",
            "sean.obrien@example.ie",
            1,
        ),
    ]


def test_zoom_meeting_participants_report_skips_the_meeting_summary(
    workshop_path: Path,
) -> None:
    with Document.open(workshop_path) as doc:
        report = import_file(doc, FIXTURES / "zoom-meeting-participants.csv")
    assert report.summary == "Added 4 participants; skipped 1 listed twice in the file."
    assert read_back(workshop_path, "SELECT name, email FROM participants ORDER BY seq") == [
        ("Nguyễn Thị Mai", "mai.nguyen@example.vn"),
        ("María José Fernández", "mariajose.fernandez@example.es"),
        ("Seán O'Brien", None),
        ("Ömer Yılmaz", "omer.yilmaz@example.com.tr"),
    ]


def test_french_list_keeps_country_and_fonction(workshop_path: Path) -> None:
    with Document.open(workshop_path) as doc:
        report = import_file(doc, FIXTURES / "inscriptions-fr.csv")
    assert report.ignored_columns == ["'Téléphone'", "'Régime alimentaire'"]
    assert roster_on_disk(workshop_path) == [
        (
            "Ádám Kovács",
            "M.",
            "Ministère de l'Intérieur",
            "Chef de bureau",
            "Hongrie",
            "adam.kovacs@example.hu",
            0,
        ),
        (
            "Thị Mai Nguyễn",
            "Mme",
            "Union des femmes du Viêt Nam",
            "Responsable de programme",
            "Viêt Nam",
            "mai.nguyen@example.vn",
            0,
        ),
        (
            "Ömer Yılmaz",
            "M.",
            "Direction générale de la gestion des migrations",
            "Chargé de mission",
            "Turquie",
            "omer.yilmaz@example.com.tr",
            0,
        ),
        (
            "Aoife D'Arcy",
            "Mme",
            "Ambassade d'Irlande",
            "Première secrétaire",
            "Irlande",
            "aoife.darcy@example.ie",
            0,
        ),
    ]


def test_spanish_google_forms_answers(workshop_path: Path) -> None:
    with Document.open(workshop_path) as doc:
        report = import_file(doc, FIXTURES / "inscripciones-es.csv")
    assert report.ignored_columns == ["'Marca temporal'", "'¿Necesita interpretación?'"]
    assert roster_on_disk(workshop_path) == [
        (
            "María José Fernández Ortega",
            None,
            "Universidad de Salamanca",
            "Investigadora",
            "España",
            "mariajose.fernandez@example.es",
            0,
        ),
        (
            "Ömer Yılmaz",
            None,
            "Dirección General de Gestión de la Migración, Ankara",
            "Oficial de políticas",
            "Turquía",
            "omer.yilmaz@example.com.tr",
            0,
        ),
        (
            "Seán O'Brien",
            None,
            "Departamento de Asuntos Exteriores",
            "Segundo secretario",
            "Irlanda",
            "sean.obrien@example.ie",
            0,
        ),
    ]


def test_portuguese_nome_beside_sobrenome_is_the_first_name(workshop_path: Path) -> None:
    with Document.open(workshop_path) as doc:
        import_file(doc, FIXTURES / "inscricoes-pt.csv")
    assert roster_on_disk(workshop_path) == [
        (
            "Bruna Conceição Araújo",
            None,
            "Ministério da Justiça e Segurança Pública",
            "Coordenadora-Geral",
            "Brasil",
            "bruna.araujo@example.gov.br",
            0,
        ),
        (
            "Ádám Kovács",
            None,
            "Ministério do Interior da Hungria",
            "Chefe de unidade",
            "Hungria",
            "adam.kovacs@example.hu",
            0,
        ),
        (
            "Seán O'Brien",
            None,
            "Departamento de Relações Exteriores",
            "Segundo-secretário",
            "Irlanda",
            "sean.obrien@example.ie",
            0,
        ),
    ]


def test_german_workbook_with_a_title_row_above_the_table(workshop_path: Path) -> None:
    path = FIXTURES / "anmeldungen-de.xlsx"
    assert read_table(path).header_row == 3
    with Document.open(workshop_path) as doc:
        report = import_file(doc, path)
    assert report.ignored_columns == ["'Nr.'", "'Anrede'", "'Angemeldet am'"]
    assert roster_on_disk(workshop_path) == [
        (
            "Lena Brandt",
            "Dr.",
            "Bundesamt für Migration und Flüchtlinge",
            "Referatsleiterin",
            "Deutschland",
            "lena.brandt@example.de",
            0,
        ),
        (
            "Ömer Yılmaz",
            None,
            "Generaldirektion Migrationsmanagement",
            "Referent",
            "Türkei",
            "omer.yilmaz@example.com.tr",
            0,
        ),
        (
            "Jürgen Weiß",
            "Prof. Dr.",
            "Universität Osnabrück",
            "Lehrstuhlinhaber",
            "Deutschland",
            "juergen.weiss@example.de",
            0,
        ),
        (
            "Aoife D'Arcy",
            None,
            "Botschaft von Irland",
            "Erste Sekretärin",
            "Irland",
            "aoife.darcy@example.ie",
            0,
        ),
    ]


def test_the_command_line_imports_a_zoom_report(
    workshop_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    people = FIXTURES / "zoom-webinar-attendee-report.csv"
    assert main(["import-participants", str(workshop_path), str(people)]) == 0
    out = capsys.readouterr().out
    assert out.startswith("Added 4 participants; skipped 1 listed twice in the file.\n")
    assert "row 14: Ádám Kovács: the same person as row 13 (same email)" in out
    assert "'Country/Region Name'" in out  # where they connected from is not their country
    with Document.open(workshop_path, readonly=True) as doc:
        people_on_file = doc.participants.list()
    assert [(p.name, p.job_title, p.country, p.present) for p in people_on_file] == [
        ("Ádám Kovács", "Head of Unit", "Hungary", True),
        ("Nguyễn Thị Mai", "Programme Manager", "Vietnam", True),
        ("Ömer Yılmaz", "Policy Officer", "Türkiye", False),
        ("Seán O'Brien", "Second Secretary", "Ireland", True),
    ]
    assert "Workshop Secretariat" not in {p.name for p in people_on_file}
