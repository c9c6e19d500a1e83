"""The document a secretariat sends (issue 18): the front page block, "DRAFT" on every page,
the key outcomes first, "What comes next", numbered paragraphs, the attendance list in the
annex, the agenda's "Actual" column only when asked, no nested brackets. Each test exports
from a workshop FILE and reads the written file back."""

from __future__ import annotations

import dataclasses
import datetime as dt
import io
import re
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from tests.minutes.readback import parse_html, text_of
from workshop_app.demo import demo_record
from workshop_app.domain.attribution import Attribution
from workshop_app.domain.model import AgendaItem, Day, Workshop
from workshop_app.minutes import IdentitiesFound, MinutesOptions, export_minutes
from workshop_app.minutes.options import Status
from workshop_app.store import Document

FORMATS = ("md", "html", "docx", "pdf")
FIRST_ITEM = "1. Opening and welcome"
PURPOSE_START = "Since the EU launched the European Agenda on Migration"


def flat(text: str) -> str:
    """Markdown's escapes and emphasis dropped; lines joined (PDF and DOCX wrap them)."""
    text = " ".join(text.replace("\\", "").replace("*", "").split())
    return text.replace(" ,", ",")  # HTML: an element's text ends before the comma after it


def written(path: Path, fmt: str, **options: object) -> bytes:
    out = path.with_name(f"minutes.{fmt}")
    export_minutes(path, MinutesOptions(**options), fmt, out)  # type: ignore[arg-type]
    return out.read_bytes()


def docx_in_order(data: bytes) -> str:
    """A DOCX's paragraphs and table cells in the order the reader meets them."""
    body = docx.Document(io.BytesIO(data)).element.body
    return "\n".join("".join(node.itertext()) for node in body.iterchildren())


def exported(path: Path, fmt: str, **options: object) -> str:
    data = written(path, fmt, **options)
    return flat(docx_in_order(data) if fmt == "docx" else text_of(fmt, data))


def set_front_page(path: Path) -> None:
    with Document.open(path) as doc:
        doc.workshop.update(document_reference="MIEUX/EC/2017/3", prepared_by="MIEUX secretariat")


@pytest.mark.parametrize("fmt", FORMATS)
def test_front_page_block_names_reference_status_issue_date_and_preparer(
    demo_path: Path, fmt: str
) -> None:
    set_front_page(demo_path)
    text = exported(demo_path, fmt, issued="2017-10-06")
    for label, value in (
        ("Document reference", "MIEUX/EC/2017/3"),
        ("Status", "Final"),
        ("Date of issue", "6 October 2017"),
        ("Prepared by", "MIEUX secretariat"),
    ):
        assert re.search(rf"{label}:? {value}", text), (fmt, label)
    # The block opens the document: before the summary and the body.
    assert text.index("MIEUX/EC/2017/3") < text.index("Key outcomes") < text.index(FIRST_ITEM)
    assert "DRAFT" not in text


def test_prepared_by_defaults_to_the_organiser_and_issue_date_to_today(demo_path: Path) -> None:
    text = exported(demo_path, "md")
    assert "Prepared by: MIEUX (Migration EU eXpertise)" in text
    today = dt.date.today()
    assert f"Date of issue: {today.day} {today:%B} {today.year}" in text
    assert "Document reference" not in text  # none set: no empty line for it


def test_a_draft_is_marked_on_every_page_of_every_format(demo_path: Path) -> None:
    pdf = PdfReader(io.BytesIO(written(demo_path, "pdf", status=Status.DRAFT)))
    assert len(pdf.pages) > 2
    assert all("DRAFT" in (page.extract_text() or "") for page in pdf.pages)
    document = docx.Document(io.BytesIO(written(demo_path, "docx", status=Status.DRAFT)))
    assert all(
        "DRAFT" in " ".join(p.text for p in section.header.paragraphs)
        for section in document.sections
    )
    md = written(demo_path, "md", status=Status.DRAFT).decode()
    assert md.startswith("**DRAFT**")
    page = written(demo_path, "html", status=Status.DRAFT).decode()
    body = page[page.index("<body>") :]
    assert re.match(r'<body>\s*<p class="draft-banner"><strong>DRAFT</strong>', body)
    assert "Status: Draft" in flat(text_of("docx", document_bytes(document)))


def document_bytes(document: docx.document.Document) -> bytes:
    out = io.BytesIO()
    document.save(out)
    return out.getvalue()


def test_minutes_are_a_draft_while_items_are_still_to_be_held(demo_path: Path) -> None:
    with Document.open(demo_path) as doc:
        doc.agenda.add_item(AgendaItem("later", "Follow-up session"))
    md = exported(demo_path, "md", status=Status.FINAL)
    assert md.startswith("DRAFT (items of the agenda are still to be held)")
    assert "Status: Draft" in md
    pdf = PdfReader(io.BytesIO(written(demo_path, "pdf")))
    assert all("DRAFT" in (page.extract_text() or "") for page in pdf.pages)
    # The handout of the agenda is no draft of anything.
    out = demo_path.with_name("agenda.md")
    export_minutes(demo_path, MinutesOptions(), "md", out, agenda=True)
    assert "DRAFT" not in out.read_text()


@pytest.mark.parametrize("fmt", FORMATS)
def test_key_outcomes_come_first_and_what_comes_next_closes_the_body(
    demo_path: Path, fmt: str
) -> None:
    text = exported(demo_path, fmt)
    top = text.index("Key outcomes")
    assert top < text.index("Why the event was convened") < text.index(FIRST_ITEM)
    summary = text[top : text.index("Why the event was convened")]
    assert "A partnership rests on the principle of sharing goals" in summary
    assert (
        "Propose partner-country co-hosts for each regional event. — "
        "Mr. Tomas Reinholt (MIEUX Programme), by 15 December 2017" in summary
    )
    # The summary lists what is still to be done, soonest due first; a done step is not in it.
    assert "Circulate the minutes" not in summary
    steps = ("Propose partner-country", "Collect short descriptions", "Hold regional events")
    assert [summary.index(step) for step in steps] == sorted(summary.index(s) for s in steps)
    closing = text[text.index("What comes next") :]
    assert text.index("Points agreed") < text.index("What comes next")
    # Steps still to take, soonest due first; then those already done.
    order = [
        closing.index(step)
        for step in (
            "Propose partner-country co-hosts",  # 15 December 2017
            "Collect short descriptions",  # 31 January 2018
            "Hold regional events throughout 2018",  # 31 December 2018
            "Done",
            "Circulate the minutes",
        )
    ]
    assert order == sorted(order), fmt


def test_no_key_outcomes_heading_when_nothing_was_agreed_or_planned(demo_path: Path) -> None:
    with Document.open(demo_path) as doc:
        for point in doc.consensus.list():
            doc.consensus.delete(point.id)
        for step in doc.next_steps.list():
            doc.next_steps.delete(step.id)
    text = exported(demo_path, "md")
    assert "Key outcomes" not in text
    assert "What comes next No next steps were recorded." in text


@pytest.mark.parametrize("fmt", FORMATS)
def test_numbered_paragraphs_run_through_the_body_when_asked(demo_path: Path, fmt: str) -> None:
    plain = exported(demo_path, fmt)
    assert f"1. {PURPOSE_START}" not in plain
    text = exported(demo_path, fmt, numbered=True)
    assert f"1. {PURPOSE_START}" in text
    assert "2. The chair opened the event" in text  # item 1's summary
    assert "3. Ms. Ingrid Solberg" in text  # then each statement, numbered on
    numbers = [int(n) for n in re.findall(r"(?<![\d.:–])(\d+)\. (?=[A-Z])", text)]
    assert max(numbers) > 15


@pytest.mark.parametrize("fmt", FORMATS)
def test_attendance_list_is_in_the_annex_after_the_substance(demo_path: Path, fmt: str) -> None:
    text = exported(demo_path, fmt)
    counts = text.index("Who took part")
    assert counts < text.index(FIRST_ITEM)  # the short counts stay early
    annex = text.index("Annex", text.index("What comes next"))
    listed = text.index("Attendance list")
    assert text.index("What comes next") < annex < listed < text.index("Participation balance")
    assert "Mr. Rafael Ortega (observer)" in text[listed:]  # he never spoke: only the list
    assert "Rafael Ortega" not in text[:annex]


@pytest.mark.parametrize("fmt", FORMATS)
def test_agenda_has_no_actual_column_unless_asked(demo_path: Path, fmt: str) -> None:
    text = exported(demo_path, fmt)
    agenda = text[text.index("Agenda") : text.index(FIRST_ITEM, text.index("Agenda") + 30)]
    assert "Actual" not in agenda and "09:32–10:04" not in agenda
    asked = exported(demo_path, fmt, actual_times=True)
    agenda = asked[asked.index("Agenda") :]
    assert "Actual" in agenda and "09:32–10:04" in agenda


@pytest.mark.parametrize("fmt", FORMATS)
def test_an_organisation_with_its_own_brackets_gets_no_second_pair(
    demo_path: Path, fmt: str
) -> None:
    with Document.open(demo_path) as doc:
        chair = next(p for p in doc.participants.list() if p.name == "Ingrid Solberg")
        doc.participants.update(
            chair.id,
            organisation="Subsidiary Body for Scientific and Technological Advice (SBSTA)",
        )
    text = exported(demo_path, fmt)
    assert "))" not in text
    assert (
        "Ms. Ingrid Solberg, Subsidiary Body for Scientific and Technological Advice (SBSTA)"
        in text
    )
    assert "Ms. Marta Kowalczyk, Migrant rights network (Europe)" in text
    assert "Mr. Pieter van Dam (European External Action Service)" in text  # unchanged


def headings_over_nothing_md(md: str) -> list[str]:
    """Headings followed by a heading of the same or a higher level, or by nothing."""
    lines = [line for line in md.splitlines() if line.strip()]
    found = []
    for n, line in enumerate(lines):
        level = len(line) - len(line.lstrip("#"))
        if not level or not line[level:].startswith(" "):
            continue
        after = lines[n + 1] if n + 1 < len(lines) else ""
        after_level = len(after) - len(after.lstrip("#"))
        if not line[level:].strip() or not after or (after_level and after_level <= level):
            found.append(line)
    return found


def test_no_heading_stands_over_nothing(demo_path: Path, tmp_path: Path) -> None:
    assert headings_over_nothing_md(exported_raw(demo_path, "md")) == []
    # A workshop not begun: nobody checked in, no turn timed, items still to hold.
    empty = tmp_path / "empty.workshop"
    with Document.create(empty, Workshop(title="Partnerships, second round")) as doc:
        doc.agenda.add_item(AgendaItem("a1", "Opening"))
    md = exported_raw(empty, "md")
    assert headings_over_nothing_md(md) == [], md
    for absent in ("Who took part", "Participation balance", "## Annex"):
        assert absent not in md
    html = exported_raw(empty, "html")
    assert "Partnerships, second round" in parse_html(html).data
    assert not re.search(r"<h(\d)[^>]*>\s*</h\1>", html)
    document = docx.Document(io.BytesIO(written(empty, "docx")))
    headings = [
        p.text
        for p in document.paragraphs
        if p.style is not None and p.style.name.startswith(("Heading", "Title"))
    ]
    assert all(text.strip() for text in headings)
    assert "Who took part" not in headings and "Annex" not in headings


def test_items_under_a_days_heading_go_a_level_down(tmp_path: Path) -> None:
    record = demo_record()
    days = (
        Day(id="d1", date="2017-09-21", start_time="09:30"),
        Day(id="d2", date="2017-09-22", start_time="09:00"),
    )
    agenda = tuple(
        dataclasses.replace(item, day_id="d1" if n < 3 else "d2")
        for n, item in enumerate(record.agenda)
    )
    path = tmp_path / "two-days.workshop"
    two_days = dataclasses.replace(record, days=days, agenda=agenda)
    Document.create_from_record(path, two_days).close()
    md = exported_raw(path, "md")
    assert "## Day 1 · 21 September 2017" in md
    assert "### 1. Opening and welcome" in md
    assert "#### What can be considered a real partnership?" in md
    assert headings_over_nothing_md(md) == []


def exported_raw(path: Path, fmt: str, **options: object) -> str:
    return written(path, fmt, **options).decode("utf-8")


def test_anonymous_minutes_check_the_front_page_too(demo_path: Path) -> None:
    with Document.open(demo_path) as doc:
        doc.workshop.update(prepared_by="Léa Marchand", document_reference="Natalia Rusu/2017")
    out = demo_path.with_name("anon.md")
    with pytest.raises(IdentitiesFound) as found:
        export_minutes(demo_path, MinutesOptions(attribution=Attribution.ANONYMOUS), "md", out)
    refs = {finding.ref for finding in found.value.findings}
    assert {("workshop", "prepared_by"), ("workshop", "document_reference")} <= refs
    assert not out.exists()


@pytest.mark.parametrize("fmt", FORMATS)
def test_points_beyond_the_guiding_questions_are_not_headed_as_contributions(
    tmp_path: Path, fmt: str
) -> None:
    """An item with questions whose only words outside them are a consensus point: its
    heading says so, not "Other contributions" over no contribution at all."""
    from workshop_app.domain.model import ConsensusPoint, ConsensusStatus

    demo = demo_record()
    contributions = tuple(
        c for c in demo.contributions if not (c.agenda_item_id == "a2" and not c.question_id)
    )
    point = ConsensusPoint(
        "k-beyond", "a2", "Partners meet again in spring.", status=ConsensusStatus.AGREED
    )
    record = dataclasses.replace(
        demo, contributions=contributions, consensus=(*demo.consensus, point)
    )
    path = tmp_path / "beyond.workshop"
    Document.create_from_record(path, record).close()
    text = exported(path, fmt)
    heading = text.index("Beyond the guiding questions")
    between = text[heading : text.index("Partners meet again in spring.", heading)]
    assert "Other contributions" not in between and len(between) < 200, between
