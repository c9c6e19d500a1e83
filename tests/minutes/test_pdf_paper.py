"""The PDF as a secretariat sends it: bookmarks from the headings, the document's language,
and a footer that never cuts a long title short (issue 18)."""

from __future__ import annotations

import io
import logging
from pathlib import Path
from typing import Any

import pytest
from pypdf import PdfReader

from workshop_app.domain.attribution import Attribution
from workshop_app.domain.model import WorkshopRecord
from workshop_app.minutes.export import export_minutes
from workshop_app.minutes.options import MinutesOptions
from workshop_app.store import Document

LONG_TITLE = (
    "European Conversation on Partnerships and Capacity Development in Migration Management: "
    "Experiences, Lessons Learnt and the Road Ahead for Practitioners and Partner Countries"
)


def flat(text: str) -> str:
    return " ".join(text.split())


def exported_pdf(
    demo: WorkshopRecord,
    tmp_path: Path,
    options: MinutesOptions | None = None,
    *,
    agenda: bool = False,
    **workshop: str,
) -> PdfReader:
    """The demo's minutes written from a workshop file (changed by ``workshop``), read back
    strictly: a damaged cross-reference or outline would raise."""
    tmp_path.mkdir(exist_ok=True)
    path = tmp_path / "demo.workshop"
    with Document.create_from_record(path, demo) as doc:
        if workshop:
            doc.workshop.update(**workshop)
    out = tmp_path / "minutes.pdf"
    # The demo's texts name its organisers, which an anonymous export refuses; the layout is
    # what is tested here, so those are let through.
    export_minutes(
        path, options or MinutesOptions(), "pdf", out, agenda=agenda, allow_identities=True
    )
    return PdfReader(io.BytesIO(out.read_bytes()), strict=True)


def outline(reader: PdfReader) -> list[tuple[int, str, int]]:
    """(depth, title, page number from 1) for each bookmark, in order."""
    found: list[tuple[int, str, int]] = []

    def walk(entries: list[Any], depth: int) -> None:
        for entry in entries:
            if isinstance(entry, list):
                walk(entry, depth + 1)
            else:
                found.append((depth, entry.title, reader.get_destination_page_number(entry) + 1))

    walk(reader.outline, 0)
    return found


@pytest.mark.parametrize("mode", [Attribution.NAMED, Attribution.ANONYMOUS])
def test_bookmarks_follow_the_headings_to_their_pages(
    demo: WorkshopRecord, tmp_path: Path, mode: Attribution, caplog: pytest.LogCaptureFixture
) -> None:
    with caplog.at_level(logging.WARNING, logger="pypdf"):
        reader = exported_pdf(demo, tmp_path, MinutesOptions(attribution=mode))
        marks = outline(reader)
    assert caplog.records == []  # a strict reader finds nothing to correct
    assert marks[0] == (0, "European Conversation", 1)
    assert all(depth in (1, 2) for depth, _, _ in marks[1:])  # everything under the title
    titles = [title for _, title, _ in marks]
    for heading in (
        "Why the event was convened",
        "Agenda",
        "2. Partnerships and capacity development in migration management",
        "What can be considered a real partnership?",
        "Points agreed",
        "Next steps",
        "Annex",
    ):
        assert heading in titles, heading
    depth = {title: d for d, title, _ in marks}
    assert depth["2. Partnerships and capacity development in migration management"] == 1
    assert depth["What can be considered a real partnership?"] == 2
    for _, title, page in marks:  # each bookmark opens the page where its heading is
        assert flat(title) in flat(reader.pages[page - 1].extract_text()), (title, page)
    assert marks[-1][2] > marks[1][2]  # the annex comes pages after the purpose
    root = reader.trailer["/Root"]
    assert root["/PageMode"] == "/UseOutlines"  # the reader opens its sidebar on them


def test_language_is_the_workshops_or_the_exports(demo: WorkshopRecord, tmp_path: Path) -> None:
    reader = exported_pdf(demo, tmp_path)
    assert reader.trailer["/Root"]["/Lang"] == "en"
    reader = exported_pdf(demo, tmp_path / "fr", language="fr")
    assert reader.trailer["/Root"]["/Lang"] == "fr"
    reader = exported_pdf(demo, tmp_path / "de", MinutesOptions(language="de-AT"), language="fr")
    assert reader.trailer["/Root"]["/Lang"] == "de-AT"


def test_the_agenda_handout_has_bookmarks_and_a_language(
    demo: WorkshopRecord, tmp_path: Path
) -> None:
    reader = exported_pdf(demo, tmp_path, agenda=True)
    assert reader.trailer["/Root"]["/Lang"] == "en"
    assert (1, "Agenda", 1) in outline(reader)


def footers(reader: PdfReader) -> list[str]:
    """Each page's last lines of text (the footer), whitespace-insensitive."""
    return [flat(" ".join((page.extract_text() or "").splitlines()[-4:])) for page in reader.pages]


def test_a_long_title_wraps_in_the_footer_whole(demo: WorkshopRecord, tmp_path: Path) -> None:
    reader = exported_pdf(demo, tmp_path, title=LONG_TITLE)
    pages = len(reader.pages)
    for number, footer in enumerate(footers(reader), start=1):
        assert flat(LONG_TITLE) in footer, number
        assert f"Page {number} of {pages}" in footer
        assert "…" not in footer


def test_an_endless_title_is_shortened_at_a_word_and_the_page_number_stays_whole(
    demo: WorkshopRecord, tmp_path: Path
) -> None:
    title = " ".join([LONG_TITLE] * 2)  # more than three lines; at most 500 characters
    reader = exported_pdf(demo, tmp_path, title=title)
    pages = len(reader.pages)
    for number, footer in enumerate(footers(reader), start=1):
        assert f"Page {number} of {pages}" in footer
        shown = footer.replace(f"Page {number} of {pages}", "").strip()
        shortened = shown[: shown.index("…")].strip()
        assert len(shortened) > 200  # three lines of it
        assert flat(title).startswith(shortened)
        assert flat(title)[len(shortened)] in " ,:;"  # cut where a word ends
