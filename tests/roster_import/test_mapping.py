"""Recognising the header names registration lists use, and reporting what is left over."""

from __future__ import annotations

import pytest

from workshop_app.roster_import import RosterImportError, Target, guess_mapping
from workshop_app.roster_import.mapping import normalise_header, recognise
from workshop_app.roster_import.vocabulary import SYNONYMS

VARIANTS = {
    Target.NAME: ["Name", "NAME", "Full name", "full_name", "Participant", "Participant Name"],
    Target.FIRST_NAME: [
        "First name",
        "first_name",
        "FirstName",
        "Given name",
        "Forename",
        "Prénom",
    ],
    Target.LAST_NAME: ["Last name", "LASTNAME", "Surname", "Family name", "family-name", "Nom"],
    Target.ORGANISATION: [
        "Organisation",
        "Organization",
        "Company",
        "Affiliation",
        "Institution",
        "Org.",
    ],
    Target.EMAIL: ["Email", "E-mail", "e_mail", "Mail", "Email address", "E-Mail (work)"],
    Target.COUNTRY: ["Country", " country "],
    Target.STAKEHOLDER_GROUP: [
        "Stakeholder group",
        "stakeholder_group",
        "Group",
        "Sector",
        "Category",
        "Constituency",
    ],
    Target.ROLE: ["Role", "Function at event", "function-at-event"],
    Target.TITLE: ["Title", "Salutation", "Honorific", "Mr/Ms", "mr./ms."],
    Target.PRESENT: ["Present", "Attended", "Checked in", "checked-in"],
    Target.JOB_TITLE: ["Job title", "Position", "Job Title", "Fonction", "Cargo", "Functie"],
}


@pytest.mark.parametrize(
    ("header", "target"),
    [(header, target) for target, headers in VARIANTS.items() for header in headers],
)
def test_header_variants_are_recognised(header: str, target: Target) -> None:
    assert recognise(header) is target
    assert guess_mapping(["Notes", header]).targets == [None, target]


@pytest.mark.parametrize(
    "header",
    ["Notes", "Phone", "", "Dietary requirements", "Named", "Order #", "Country/Region Name"],
)
def test_other_headers_are_not_recognised(header: str) -> None:
    assert recognise(header) is None


def test_normalising_ignores_case_accents_spacing_punctuation_and_remarks() -> None:
    assert normalise_header(" Prénom ") == "prenom"
    assert normalise_header("E-Mail_Address (work)") == "emailaddress"
    assert normalise_header("Name *") == "name"


def test_unrecognised_columns_are_listed_separately_from_ambiguous_ones() -> None:
    mapping = guess_mapping(["Name", "Email", "Dietary needs", "E-mail", ""])
    assert mapping.targets == [Target.NAME, Target.EMAIL, None, Target.EMAIL, None]
    assert mapping.ambiguous() == {Target.EMAIL: [1, 3]}
    assert mapping.unrecognised() == [2, 4]
    assert mapping.label(2) == "'Dietary needs'"
    assert mapping.label(4) == "E"


def test_ambiguous_mapping_is_refused_naming_the_columns() -> None:
    mapping = guess_mapping(["Name", "Email", "Company", "E-mail", "Organisation"])
    with pytest.raises(RosterImportError) as caught:
        mapping.require_usable()
    message = caught.value.message
    assert "'Email' and 'E-mail' could each be the email" in message
    assert "'Company' and 'Organisation' could each be the organisation" in message


def test_editing_the_mapping_resolves_ambiguity() -> None:
    mapping = guess_mapping(["Name", "Email", "E-mail"])
    mapping.targets[2] = None
    mapping.require_usable()
    assert mapping.column_for(Target.EMAIL) == 1
    assert mapping.unrecognised() == [2]


@pytest.mark.parametrize("headers", [["Name"], ["First name", "Surname"], ["Surname"]])
def test_a_name_or_part_of_one_makes_a_mapping_usable(headers: list[str]) -> None:
    guess_mapping(headers).require_usable()


@pytest.mark.parametrize("headers", [["Email", "Organisation"], ["Notes"], [""]])
def test_a_mapping_without_any_name_column_is_refused(headers: list[str]) -> None:
    with pytest.raises(RosterImportError, match="No column holds the participants' names"):
        guess_mapping(headers).require_usable()


F, L, N = Target.FIRST_NAME, Target.LAST_NAME, Target.NAME
ORG, JOB, COUNTRY, EMAIL = Target.ORGANISATION, Target.JOB_TITLE, Target.COUNTRY, Target.EMAIL
LANGUAGES = {
    "French": (
        ["Nom", "Prénom", "Organisme", "Pays", "Courriel", "Fonction"],
        [L, F, ORG, COUNTRY, EMAIL, JOB],
    ),
    "Spanish": (
        ["Apellidos", "Nombre", "Organización", "País", "Correo electrónico", "Cargo"],
        [L, F, ORG, COUNTRY, EMAIL, JOB],
    ),
    "Portuguese": (
        ["Nome", "Sobrenome", "Instituição", "País", "E-mail", "Cargo"],
        [F, L, ORG, COUNTRY, EMAIL, JOB],
    ),
    "German": (
        ["Nachname", "Vorname", "Firma", "Land", "E-Mail", "Funktion"],
        [L, F, ORG, COUNTRY, EMAIL, JOB],
    ),
    "Italian": (
        ["Cognome", "Nome", "Ente", "Paese", "Email", "Qualifica"],
        [L, F, ORG, COUNTRY, EMAIL, JOB],
    ),
    "Dutch": (
        ["Voornaam", "Tussenvoegsel", "Achternaam", "Organisatie", "Land", "E-mail", "Functie"],
        [F, Target.MIDDLE_NAME, L, ORG, COUNTRY, EMAIL, JOB],
    ),
    "German, other words": (
        ["Name", "Vorname", "Organisation", "Land", "E-Mail", "Position"],
        [L, F, ORG, COUNTRY, EMAIL, JOB],
    ),
    "Italian, other words": (
        ["Nome", "Cognome", "Organizzazione", "Nazione", "Indirizzo email", "Ruolo"],
        [F, L, ORG, COUNTRY, EMAIL, JOB],
    ),
    "Portuguese, other words": (
        ["Nome", "Apelido", "Organização", "País", "Endereço de e-mail", "Função"],
        [F, L, ORG, COUNTRY, EMAIL, JOB],
    ),
}


@pytest.mark.parametrize("language", list(LANGUAGES))
def test_headers_in_the_languages_of_the_people_who_register(language: str) -> None:
    headers, targets = LANGUAGES[language]
    assert guess_mapping(headers).targets == targets


@pytest.mark.parametrize(
    "header",
    ["PAÍS", "pais", "País:", "Correo-Electrónico", "CORREO ELECTRONICO", "Organizacion", "e_mail"],
)
def test_headers_match_whatever_their_case_accents_and_punctuation(header: str) -> None:
    assert recognise(header) is not None


@pytest.mark.parametrize(
    ("headers", "targets"),
    [
        # A name alone is the whole name; beside one part of a name, it is the other part.
        (["Nome", "Ente"], [N, ORG]),
        (["Nombre", "Organización"], [N, ORG]),
        (["Naam", "Organisatie"], [N, ORG]),
        (["Nom", "Prénom"], [L, F]),
        (["Prénom", "Nom", "Nom complet"], [F, L, N]),
        (["Nome completo", "Organização"], [N, ORG]),
        (["Name", "Surname"], [F, L]),
        (["Name", "First name", "Last name"], [N, F, L]),
    ],
)
def test_a_name_header_takes_the_part_the_other_columns_leave(
    headers: list[str], targets: list[Target | None]
) -> None:
    assert guess_mapping(headers).targets == targets


def test_a_first_and_last_name_pair_is_preferred_to_a_display_name() -> None:
    zoom = ["Attended", "User Name (Original Name)", "First Name", "Last Name", "Email"]
    assert guess_mapping(zoom).targets == [Target.PRESENT, None, F, L, EMAIL]
    # Without the pair, the name shown in the meeting is all there is.
    assert guess_mapping(["User Name (Original Name)", "Email"]).targets == [N, EMAIL]


def test_a_numbered_column_is_never_a_name() -> None:
    headers = ["Order #", "Attendee #", "Email"]
    assert guess_mapping(headers).targets == [None, None, EMAIL]
    assert guess_mapping(["Participant #"]).targets == [None]


@pytest.mark.parametrize(
    "cells",
    [
        ["5001", "5002", "5003"],
        ["2026-11-12", "2026-11-13", "12/11/2026"],
        ["A7F3-19C2", "B0E4-77D1", ""],
        ["P-001", "P-002", "Ádám Kovács"],
    ],
)
def test_a_column_of_numbers_ids_or_dates_is_never_a_name(cells: list[str]) -> None:
    rows = [[cell, "x@example.org"] for cell in cells]
    assert guess_mapping(["Attendee", "Email"], rows).targets == [None, EMAIL]
    with pytest.raises(RosterImportError) as caught:
        guess_mapping(["Attendee", "Email"], rows).require_usable()
    assert caught.value.message == (
        "No column holds the participants' names ('Attendee': numbers, ids or dates, not names)."
    )


def test_a_column_of_names_stays_a_name_column_despite_a_few_odd_cells() -> None:
    rows = [["Ádám Kovács"], ["Seán O'Brien"], ["Nguyễn Thị Mai"], ["5001"]]
    assert guess_mapping(["Participant"], rows).targets == [N]


def test_no_header_word_stands_for_two_fields() -> None:
    owners: dict[str, set[str]] = {}
    for target, words in SYNONYMS.items():
        for word in words:
            owners.setdefault(normalise_header(word), set()).add(target)
    assert {word: found for word, found in owners.items() if len(found) > 1} == {}
    assert {Target(target) for target in SYNONYMS} == set(Target)
