"""Every format in every attribution mode, read back: headings, questions, agreed points, steps."""

from __future__ import annotations

import io

import docx
import pytest
from pypdf import PdfReader

from tests.minutes.readback import csv_rows, docx_parts, parse_html, pdf_metadata, text_of
from workshop_app.domain.attribution import Attribution
from workshop_app.domain.model import WorkshopRecord
from workshop_app.minutes import (
    Format,
    MinutesOptions,
    Paper,
    RecordMode,
    build_minutes,
    render,
)

QUESTIONS = (
    "What can be considered a real partnership?",
    "What role does capacity development play within a partnership?",
    "What does the future hold for capacity development and for partnerships?",
)
AGREED = (
    "A partnership rests on the principle of sharing goals, approaches and responsibility.",
    "Capacity development within a partnership is demand-driven",
)
NEXT_STEPS = (
    "Circulate the minutes of this conversation to all participants.",
    "Propose partner-country co-hosts for each regional event.",
)
HEADINGS = (
    "European Conversation",
    "Why the event was convened",
    "Who took part",
    "Agenda",
    "Partnerships and capacity development in migration management",
    "Examples named",
    "Points agreed",
    "Next steps",
    "Participation balance",
)
MINUTES_FORMATS = ("md", "html", "docx", "pdf")


def flat(text: str) -> str:
    """Whitespace-insensitive form: PDF and DOCX wrap lines where they please."""
    return " ".join(text.split())


@pytest.mark.parametrize("mode", list(Attribution))
@pytest.mark.parametrize("fmt", MINUTES_FORMATS)
def test_minutes_have_everything_in_every_mode(
    demo: WorkshopRecord, fmt: str, mode: Attribution
) -> None:
    data = render(build_minutes(demo, MinutesOptions(attribution=mode)), fmt)
    text = flat(text_of(fmt, data).replace("\\", ""))  # Markdown escapes
    for expected in (*HEADINGS, *QUESTIONS, *AGREED, *NEXT_STEPS):
        assert flat(expected) in text, (fmt, mode, expected)
    named = "Natalia Rusu" in text
    assert named == (mode is Attribution.NAMED)
    if mode is Attribution.GROUP:
        assert "a participant from partner countries" in text.replace(
            "A participant", "a participant"
        )
    if mode is Attribution.ANONYMOUS:
        assert "Bureau for Migration and Asylum" not in text
        assert "Attendance list" not in text and "Speakers' log" not in text


@pytest.mark.parametrize("mode", list(Attribution))
def test_csv_lists_every_contribution_attributed_per_mode(
    demo: WorkshopRecord, mode: Attribution
) -> None:
    rows = csv_rows(render(build_minutes(demo, MinutesOptions(attribution=mode)), "csv"))
    header, body = rows[0], rows[1:]
    assert header == ["time", "agenda item", "guiding question", "kind", "attributed to", "text"]
    assert len(body) == len(demo.contributions)
    assert {row[2] for row in body} >= set(QUESTIONS)
    assert body[0][0] == "2017-09-21 09:40"
    by_text = {row[5]: row for row in body}
    moldova = by_text[
        "The EU Mobility Partnership with Moldova shows how peer-to-peer exchanges between "
        "administrations build trust over the years."
    ]
    assert moldova[3] == "example"
    assert (
        moldova[4]
        == {
            Attribution.NAMED: "Ms. Natalia Rusu (Bureau for Migration and Asylum, Moldova)",
            Attribution.ORGANISATION: "Bureau for Migration and Asylum, Moldova",
            Attribution.GROUP: "a participant from partner countries",
            Attribution.ANONYMOUS: "",
        }[mode]
    )
    floor = by_text["Partnership means that both sides can say no, and are heard when they do."]
    assert floor[4] == ("" if mode is Attribution.ANONYMOUS else "from the floor")


def test_html_is_standalone_with_print_css_and_an_svg_chart(demo: WorkshopRecord) -> None:
    page = render(build_minutes(demo, MinutesOptions(paper=Paper.LETTER)), "html").decode()
    parsed = parse_html(page)
    tags = {tag for tag, _ in parsed.tags}
    assert {"style", "svg", "rect", "table"} <= tags
    assert not tags & {"script", "link", "img", "iframe", "object"}
    assert "@page { size: letter;" in page
    assert "http" not in page.replace("http-equiv", "")
    rects = [dict(attrs) for tag, attrs in parsed.tags if tag == "rect"]
    assert sorted(float(r["width"]) for r in rects) == [48.2, 66.1, 69.6, 100.0]


def test_docx_uses_real_word_styles_and_a_chart_picture(demo: WorkshopRecord) -> None:
    data = render(build_minutes(demo), "docx")
    document = docx.Document(io.BytesIO(data))
    styles = {p.style.name for p in document.paragraphs if p.style is not None}
    assert {"Title", "Subtitle", "Heading 1", "Heading 2", "Heading 3", "List Bullet"} <= styles
    assert {"List Number"} <= styles
    table_styles = {t.style.name for t in document.tables if t.style is not None}
    assert "Light List Accent 1" in table_styles
    assert document.core_properties.title == "European Conversation"
    assert document.core_properties.author == "MIEUX (Migration EU eXpertise)"
    assert document.core_properties.comments == ""  # not "generated by python-docx"
    assert len(document.inline_shapes) == 1  # the participation chart
    assert docx_parts(data)["word/media/image1.png"].startswith(b"\x89PNG")


@pytest.mark.parametrize(("paper", "size"), [(Paper.A4, (595, 842)), (Paper.LETTER, (612, 792))])
def test_pdf_paper_size_page_numbers_and_metadata(
    demo: WorkshopRecord, paper: Paper, size: tuple[int, int]
) -> None:
    data = render(build_minutes(demo, MinutesOptions(paper=paper)), "pdf")
    reader = PdfReader(io.BytesIO(data))
    box = reader.pages[0].mediabox
    assert (round(float(box.width)), round(float(box.height))) == size
    pages = len(reader.pages)
    assert pages > 2
    assert f"Page 1 of {pages}" in flat(reader.pages[0].extract_text() or "")
    assert f"Page {pages} of {pages}" in flat(reader.pages[-1].extract_text() or "")
    assert "Ministry in charge of Migration Affairs" in flat(text_of("pdf", data))  # no ligature
    assert reader.metadata is not None
    assert reader.metadata.title == "European Conversation"
    assert reader.metadata.creator is not None and "Workshop App" in reader.metadata.creator
    assert "MIEUX (Migration EU eXpertise)" in pdf_metadata(data)


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "pdf"])
def test_agenda_handout_has_times_items_and_questions(demo: WorkshopRecord, fmt: str) -> None:
    data = render(build_minutes(demo), Format(fmt), agenda=True)
    text = flat(text_of(fmt, data).replace("\\", ""))
    for expected in ("09:30–10:00", "10:00–12:00", "Lunch", "4. Closing remarks", *QUESTIONS):
        assert expected in text, (fmt, expected)
    assert "Moderated discussion around three guiding questions." in text
    for absent in ("Points agreed", "Next steps", AGREED[0]):
        assert absent not in text


def test_highlights_only_leaves_out_the_rest_and_says_so(demo: WorkshopRecord) -> None:
    full = render(build_minutes(demo), "md").decode()
    highlights = render(
        build_minutes(demo, MinutesOptions(record=RecordMode.HIGHLIGHTS)), "md"
    ).decode()
    dropped = "Partnerships must not be reduced to return and readmission"
    assert dropped in full and dropped not in highlights
    assert "A real partnership rests on sharing goals" in highlights
    assert "further contributions are in the full record" in highlights
    # Examples are always listed.
    assert "The Rabat Process, supported by ICMPD" in highlights


def test_annex_can_be_left_out(demo: WorkshopRecord) -> None:
    for fmt in ("md", "html", "docx"):
        text = text_of(fmt, render(build_minutes(demo, MinutesOptions(annex=False)), fmt))
        assert "Participation balance" not in text
        assert "Annex" not in text


@pytest.mark.parametrize("paper", list(Paper))
def test_pdf_loses_nothing_across_page_breaks(demo: WorkshopRecord, paper: Paper) -> None:
    """Every contribution and every speakers' log line survives pagination."""
    minutes = build_minutes(demo, MinutesOptions(paper=paper))
    data = render(minutes, "pdf")
    text = flat(text_of("pdf", data))
    for contribution in demo.contributions:
        assert flat(contribution.text) in text
    assert minutes.annex is not None
    log = minutes.annex.speakers_log
    assert len(log) == 18
    # Each row's time and speaker (the item is printed once per run of its turns).
    for entry in log:
        assert f"{entry.time} " in text and flat(entry.speaker) in text
    title = "Partnerships and capacity development in migration management"
    runs = sum(1 for entry in log if entry.item_title == title)
    assert runs >= 1 and text.count(title) >= runs + 1  # the log's runs and the body heading
