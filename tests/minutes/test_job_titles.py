"""Job titles in the attendance list: beside each name (named mode), under each organisation
(organisation mode), and nowhere when the minutes name nobody (group, anonymous)."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.minutes.readback import text_of
from workshop_app.domain.attribution import Attribution
from workshop_app.minutes import Format, MinutesOptions, produce
from workshop_app.minutes.export import read_record
from workshop_app.store import Document

JOB_TITLES = {
    "p02": "Senior Liaison Cartographer",  # Mr. Tomas Reinholt, MIEUX Programme
    "p03": "Junior Ornithology Expert",  # Ms. Léa Marchand, MIEUX Programme
    "p08": "Head of Border Data Unit",  # Mr. Amadou Furtado
    "p11": "Director of Imaginary Affairs",  # Ms. Grace Achieng, registered but absent
}


@pytest.fixture
def titled(demo_path: Path) -> Path:
    """The demo workshop file, with job titles given to four people on the roster."""
    with Document.open(demo_path) as doc:
        for participant_id, job_title in JOB_TITLES.items():
            doc.participants.update(participant_id, job_title=job_title)
    return demo_path


def minutes_text(path: Path, mode: Attribution, fmt: str) -> str:
    """The minutes of the workshop file at ``path``, as a reader of the exported file sees them."""
    # The demo's own summary of item 1 names an organisation; that check is not what is tested.
    options = MinutesOptions(attribution=mode)
    return text_of(fmt, produce(read_record(path), options, fmt, allow_identities=True))


def test_named_attendance_list_has_a_job_title_column(titled: Path) -> None:
    text = minutes_text(titled, Attribution.NAMED, "md")
    assert "| Name | Job title | Organisation | Stakeholder group |" in text
    assert (
        "| Mr. Tomas Reinholt (facilitator) | Senior Liaison Cartographer | MIEUX Programme |"
        in text
    )
    # Someone without a job title keeps an empty cell; someone absent is not listed at all.
    assert "| Ms. Ingrid Solberg (chair) |  | European Commission," in text
    assert "Director of Imaginary Affairs" not in text


@pytest.mark.parametrize("fmt", ["html", "docx", "pdf"])
def test_named_attendance_shows_job_titles_in_every_format(titled: Path, fmt: str) -> None:
    text = " ".join(minutes_text(titled, Attribution.NAMED, fmt).split())
    assert "Job title" in text
    for participant_id in ("p02", "p03", "p08"):
        assert JOB_TITLES[participant_id] in text
    assert "Director of Imaginary Affairs" not in text


@pytest.mark.parametrize("fmt", ["md", "html", "docx"])
def test_organisation_mode_lists_the_job_titles_of_each_organisation(
    titled: Path, fmt: str
) -> None:
    text = minutes_text(titled, Attribution.ORGANISATION, fmt)
    assert "Job titles" in text
    assert "Senior Liaison Cartographer; Junior Ornithology Expert" in text
    assert "Head of Border Data Unit" in text
    assert "Tomas Reinholt" not in text and "Amadou Furtado" not in text
    if fmt == "md":
        assert (
            "| MIEUX Programme | Senior Liaison Cartographer; Junior Ornithology Expert "
            "| EU development agencies |"
        ) in text


@pytest.mark.parametrize("mode", [Attribution.GROUP, Attribution.ANONYMOUS])
@pytest.mark.parametrize("fmt", list(Format))
def test_no_job_title_where_the_minutes_name_nobody(
    titled: Path, mode: Attribution, fmt: str
) -> None:
    text = " ".join(minutes_text(titled, mode, fmt).split())
    assert "Job title" not in text
    assert not [title for title in JOB_TITLES.values() if title in text]


def test_without_job_titles_the_attendance_list_keeps_its_three_columns(
    demo_path: Path,
) -> None:
    text = minutes_text(demo_path, Attribution.NAMED, "md")
    assert "| Name | Organisation | Stakeholder group |" in text
    assert "Job title" not in text
