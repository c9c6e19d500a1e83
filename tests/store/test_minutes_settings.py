"""What the minutes need from the organiser (schema 8): the front page's reference and author,
the anonymity threshold and the public names, each edit on disk when it returns."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.conftest import read_back
from workshop_app.domain.limits import MAX_LINE, Refusal
from workshop_app.domain.model import Workshop, WorkshopRecord
from workshop_app.interchange import dumps, loads
from workshop_app.interchange.errors import ExportRefused, InterchangeError
from workshop_app.interchange.exporter import record_to_dict
from workshop_app.store import Document


def test_a_new_workshop_has_the_defaults(document: Document) -> None:
    workshop = document.workshop.get()
    assert (workshop.anonymity_k, workshop.public_names, workshop.public_names_confirmed) == (
        3,
        (),
        False,
    )
    assert read_back(document.path, "SELECT anonymity_k, public_names_confirmed FROM workshop") == [
        (3, 0)
    ]


def test_front_page_fields_are_on_disk(document: Document) -> None:
    document.workshop.update(document_reference="WS/2026/3", prepared_by="The secretariat")
    assert read_back(document.path, "SELECT document_reference, prepared_by FROM workshop") == [
        ("WS/2026/3", "The secretariat")
    ]
    with pytest.raises(Refusal, match="document reference"):
        document.workshop.update(document_reference="x" * (MAX_LINE + 1))
    assert read_back(document.path, "SELECT document_reference FROM workshop") == [("WS/2026/3",)]


def test_public_names_are_cleaned_confirmed_and_on_disk(document: Document) -> None:
    document.workshop.set_public_names(
        [
            "  Subsidiary Body for Scientific and Technological Advice ",
            "",
            "EU4Climate",
            "EU4Climate",
        ]
    )
    assert read_back(document.path, "SELECT name FROM public_names ORDER BY position") == [
        ("Subsidiary Body for Scientific and Technological Advice",),
        ("EU4Climate",),
    ]
    assert read_back(document.path, "SELECT public_names_confirmed FROM workshop") == [(1,)]
    # An empty list is a confirmed answer too: "nothing here is public".
    document.workshop.set_public_names([])
    assert read_back(document.path, "SELECT count(*) FROM public_names") == [(0,)]
    assert document.workshop.get().public_names_confirmed


@pytest.mark.parametrize("bad", [1, 21, 0, -3])
def test_an_anonymity_threshold_outside_the_range_is_refused(document: Document, bad: int) -> None:
    document.workshop.set_anonymity_k(5)
    with pytest.raises(Refusal, match="between 2 and 20"):
        document.workshop.set_anonymity_k(bad)
    assert read_back(document.path, "SELECT anonymity_k FROM workshop") == [(5,)]


SETTINGS = Workshop(
    title="Adaptation workshop",
    document_reference="EU4C/WS/2026/3",
    prepared_by="Programme secretariat",
    anonymity_k=4,
    public_names=("EU4Climate", "SBSTA"),
    public_names_confirmed=True,
)


def test_the_settings_travel_in_version_4_and_back(tmp_path: Path) -> None:
    text = dumps(WorkshopRecord(workshop=SETTINGS))
    document = json.loads(text)
    assert document["version"] == 4
    assert document["workshop"]["anonymity_k"] == 4
    path = tmp_path / "w.workshop"
    Document.create_from_record(path, loads(text)).close()
    assert read_back(
        path,
        "SELECT document_reference, prepared_by, anonymity_k, public_names_confirmed FROM workshop",
    ) == [("EU4C/WS/2026/3", "Programme secretariat", 4, 1)]
    assert read_back(path, "SELECT name FROM public_names ORDER BY position") == [
        ("EU4Climate",),
        ("SBSTA",),
    ]


def test_defaults_are_not_written_so_older_versions_still_export() -> None:
    plain = record_to_dict(WorkshopRecord(workshop=Workshop(title="Plain")), 3)
    assert plain["workshop"] == {"title": "Plain", "stakeholder_groups": []}
    with pytest.raises(ExportRefused, match="Format version 3 cannot hold a workshop's"):
        record_to_dict(WorkshopRecord(workshop=SETTINGS), 3)


def test_a_threshold_outside_the_range_in_a_file_is_refused_by_import() -> None:
    document = json.loads(dumps(WorkshopRecord(workshop=SETTINGS)))
    document["workshop"]["anonymity_k"] = 1
    with pytest.raises(InterchangeError, match="anonymity_k: 1 is too small"):
        loads(json.dumps(document))
