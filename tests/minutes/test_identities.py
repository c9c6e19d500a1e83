"""The anonymity check: names, titles with surnames, emails and organisations, and no more."""

from __future__ import annotations

import dataclasses

import pytest

from workshop_app.domain.attribution import Attribution
from workshop_app.domain.model import Participant, WorkshopRecord
from workshop_app.minutes import (
    IdentitiesFound,
    MinutesOptions,
    build_minutes,
    find_identities,
    produce,
    scan_minutes,
)

PEOPLE = (
    Participant(
        id="p1",
        name="Natalia Rusu",
        title="Ms.",
        email="n.rusu@example.org",
        organisation="Bureau for Migration and Asylum, Moldova",
    ),
    Participant(
        id="p2", name="Pieter van Dam", title="Mr.", organisation="European External Action Service"
    ),
    Participant(id="p3", name="Sofia Kalniņa", title="Dr.", organisation="MIEUX Programme"),
    Participant(id="p4", name="Youssef El Amrani", title="Mr."),
    Participant(id="p5", name="Rafael Ortega", organisation="Observer, partner organisation"),
    Participant(id="p6", name="Li", title="Prof."),
    Participant(id="p7", name="王小明", organisation="中华人民共和国外交部"),
)


def found(text: str, organiser: str | None = None) -> list[str]:
    return [f.found for f in find_identities(text, PEOPLE, organiser=organiser)]


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("As Ms. Rusu said, trust takes years.", ["Ms. Rusu"]),
        ("as ms rusu said", ["ms rusu"]),
        ("NATALIA RUSU agreed", ["NATALIA RUSU"]),
        ("Natalia\nRusu agreed", ["Natalia\nRusu"]),
        ("N. Rusu agreed", ["N. Rusu"]),
        ("write to n.rusu@example.org.", ["n.rusu@example.org"]),
        ("Dr Kalnina (no accent typed) and Dr. Kalniņa", ["Dr Kalnina", "Dr. Kalniņa"]),
        ("Mr van Dam and Mr. Dam", ["Mr van Dam", "Mr. Dam"]),
        ("Mr. El Amrani, then Mr. Amrani", ["Mr. El Amrani", "Mr. Amrani"]),
        ("The MIEUX programme director", ["MIEUX programme"]),
        ("the European External Action Service noted", ["European External Action Service"]),
        ("the Bureau for Migration and Asylum noted", ["Bureau for Migration and Asylum"]),
        ("Prof. Li and Prof Li", ["Prof. Li", "Prof Li"]),
        ("王小明说：伙伴关系", ["王小明"]),  # no spaces around words in Chinese
        ("据中华人民共和国外交部称", ["中华人民共和国外交部"]),
        ("Natalia said she agreed.", ["Natalia"]),  # a first name borne by one participant
        ("Rusu's point stood", ["Rusu"]),  # a family name alone, possessive
    ],
)
def test_finds_names_emails_and_organisations(text: str, expected: list[str]) -> None:
    assert found(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "The observer took notes.",  # "Observer, partner organisation": only the whole name
        "a European service",
        "Lithuania and Liechtenstein",  # "Li" only as a word, and only with a title
        "the MIEUX Programmes",  # not the same word
        "",
    ],
)
def test_does_not_report_ordinary_words(text: str) -> None:
    assert found(text) == []


def test_a_longer_address_is_not_the_email_but_still_the_initial_and_surname() -> None:
    [finding] = find_identities("email n.rusu@example.org.uk", PEOPLE)
    assert (finding.found, finding.what) == ("n.rusu", "name")


def test_organisation_named_in_the_organiser_is_public() -> None:
    assert found("The MIEUX Programme hosted", organiser="MIEUX Programme (EU)") == []
    assert found("Ms. Rusu hosted", organiser="MIEUX Programme (EU)") == ["Ms. Rusu"]


def test_finding_says_where_with_context() -> None:
    [finding] = find_identities("x" * 50 + " as Ms. Rusu said, trust takes years", PEOPLE)
    assert finding.participant_id == "p1"
    assert finding.what == "name"
    assert finding.context == "…" + "x" * 26 + " as Ms. Rusu said, trust takes years"
    assert finding.why == "Ms. Rusu: a participant's name"
    assert finding.describe() == f"'Ms. Rusu' (\"{finding.context}\") — a participant's name"


def test_scan_names_the_place_in_the_minutes(demo: WorkshopRecord) -> None:
    items = list(demo.agenda)
    items[1] = dataclasses.replace(items[1], summary="As Ms. Rusu put it: trust first.")
    contributions = list(demo.contributions)
    contributions[6] = dataclasses.replace(contributions[6], text="I agree with Mr. Furtado.")
    record = dataclasses.replace(demo, agenda=tuple(items), contributions=tuple(contributions))
    minutes = build_minutes(record, MinutesOptions(attribution=Attribution.ANONYMOUS))
    places = {(f.found, f.where, f.ref) for f in scan_minutes(minutes, record.participants)}
    assert ("Ms. Rusu", "item 2, summary", ("agenda_item", "a2")) in places
    assert (
        "Mr. Furtado",
        "item 2, question 2, contribution at 10:45",
        ("contribution", "c07"),
    ) in places
    # "The MIEUX Programme Director" in item 1: the convening programme, a public name
    assert "MIEUX Programme" not in {found for found, _where, _ref in places}


def test_anonymous_produce_refuses_then_writes_when_allowed(demo: WorkshopRecord) -> None:
    options = MinutesOptions(attribution=Attribution.ANONYMOUS)
    produce(demo, options, "md")  # the demo names nobody
    items = list(demo.agenda)
    items[0] = dataclasses.replace(items[0], summary="Cabo Verde opened the discussion.")
    record = dataclasses.replace(demo, agenda=tuple(items))
    with pytest.raises(IdentitiesFound) as refused:
        produce(record, options, "md")
    assert [f.found for f in refused.value.findings] == ["Cabo Verde"]
    assert (
        "'Cabo Verde' in item 1, summary (\"Cabo Verde opened the discussion.\") — one "
        "participant from Cabo Verde was present"
    ) in refused.value.message
    data = produce(record, options, "md", allow_identities=True)
    assert b"Cabo Verde opened the discussion." in data
    # Other modes are not checked: naming people is what they are for.
    produce(demo, MinutesOptions(attribution=Attribution.GROUP), "md")


def test_anonymous_metadata_author_is_empty_when_the_organiser_is_a_participant(
    demo: WorkshopRecord,
) -> None:
    record = dataclasses.replace(
        demo, workshop=dataclasses.replace(demo.workshop, organiser="Léa Marchand")
    )
    anonymous = build_minutes(record, MinutesOptions(attribution=Attribution.ANONYMOUS))
    assert anonymous.author == ""
    assert build_minutes(record, MinutesOptions()).author == "Léa Marchand"
    assert build_minutes(demo, MinutesOptions(attribution=Attribution.ANONYMOUS)).author == (
        "MIEUX (Migration EU eXpertise)"
    )
