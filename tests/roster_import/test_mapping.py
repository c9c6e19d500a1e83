"""Recognising the header names registration lists use, and reporting what is left over."""

from __future__ import annotations

import pytest

from workshop_app.roster_import import RosterImportError, Target, guess_mapping
from workshop_app.roster_import.mapping import normalise_header, recognise

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
}


@pytest.mark.parametrize(
    ("header", "target"),
    [(header, target) for target, headers in VARIANTS.items() for header in headers],
)
def test_header_variants_are_recognised(header: str, target: Target) -> None:
    assert recognise(header) is target
    assert guess_mapping(["Notes", header]).targets == [None, target]


@pytest.mark.parametrize(
    "header", ["Notes", "Job title", "Position", "Phone", "", "Dietary requirements", "Named"]
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
