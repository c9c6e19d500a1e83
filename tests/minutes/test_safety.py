"""Safe with any text: whatever was typed goes through every renderer as text.

Hypothesis puts arbitrary Unicode (control characters, markup, Markdown specials, RTL, CJK)
into every text field of a workshop; every renderer must finish, and what it writes must read
back: no element or attribute in HTML comes from the text, no Markdown heading, list or table
cell is opened or closed by it, formula-like CSV cells are neutralised.
"""

from __future__ import annotations

import dataclasses
import io
import re

import docx
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from pypdf import PdfReader
from PySide6.QtCore import QUrl
from PySide6.QtGui import QImage, QTextDocument

from tests.minutes.readback import csv_rows, parse_html
from workshop_app.domain.attribution import Attribution
from workshop_app.domain.model import WorkshopRecord
from workshop_app.minutes import MinutesOptions, build_minutes, render
from workshop_app.minutes.pdf import OfflineTextDocument
from workshop_app.minutes.text import clean, md_escape, neutralise_cell, one_line

NASTY = [
    "<script>alert(1)</script>",
    '"><img src=x onerror=alert(1)>',
    "</td></tr></table><h1>x</h1>",
    "<!-- comment",
    "&amp; &lt; &#x3C;",
    "{{ 7*7 }} {% raw %}",
    "# heading",
    "- item",
    "1. one",
    "| a | b |",
    "> quote",
    "---",
    "[link](http://example.org) ![img](http://example.org/i.png)",
    "`code` *em* _em_ ~~s~~ \\",
    '=HYPERLINK("http://x")',
    "+1-1",
    "@SUM(A1)",
    "\t=1",
    "\r=1",
    "مرحبا بالعالم",
    "שלום עולם",
    "漢字かな交じり文",
    "\u202eevil\u202c",
    "\x00\x01\x0b\x0c\x1f\x7f\x85",
    "\ufffe\uffff",
    "line one\nline two\n\nnew paragraph",
    "   leading spaces",
]
texts = st.one_of(
    st.text(max_size=60),
    st.sampled_from(NASTY),
    st.lists(st.sampled_from(NASTY) | st.text(max_size=8), max_size=4).map("".join),
)
# Text that leaves something to print once cleaned (so a section is not left out).
printable = texts.filter(lambda text: one_line(text) != "")
MODES = st.sampled_from(list(Attribution))
FAST = settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
SLOW = settings(max_examples=8, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def everywhere(record: WorkshopRecord, text: str) -> WorkshopRecord:
    """The record with ``text`` in every text field a reader can see."""
    w = dataclasses.replace(
        record.workshop,
        title=text or "x",
        subtitle=text,
        venue=text,
        organiser=text,
        purpose=text,
        stakeholder_groups=(text, *record.workshop.stakeholder_groups[1:]),
    )
    people = tuple(
        dataclasses.replace(
            p,
            name=text or "x",
            title=text,
            organisation=text,
            stakeholder_group=text,
            job_title=text,
        )
        for p in record.participants
    )
    agenda = tuple(
        dataclasses.replace(
            item,
            title=text or "x",
            description=text,
            summary=text,
            questions=tuple(dataclasses.replace(q, text=text) for q in item.questions),
        )
        for item in record.agenda
    )
    return dataclasses.replace(
        record,
        workshop=w,
        participants=people,
        agenda=agenda,
        contributions=tuple(dataclasses.replace(c, text=text) for c in record.contributions),
        consensus=tuple(
            dataclasses.replace(k, text=text, reservations=text) for k in record.consensus
        ),
        next_steps=tuple(dataclasses.replace(a, text=text, owner=text) for a in record.next_steps),
    )


def squeeze(text: str) -> str:
    return "".join(text.split())


def html_shape(record: WorkshopRecord, mode: Attribution) -> set[tuple[object, ...]]:
    page = render(build_minutes(record, MinutesOptions(attribution=mode)), "html")
    return set(parse_html(page.decode()).tags)


@FAST
@given(text=printable, mode=MODES)
def test_html_no_element_or_attribute_comes_from_the_text(
    demo: WorkshopRecord, text: str, mode: Attribution
) -> None:
    record = everywhere(demo, text)
    page = render(build_minutes(record, MinutesOptions(attribution=mode)), "html").decode()
    parsed = parse_html(page)
    # Every element, with its attributes, is one the template makes for plain text "x".
    assert set(parsed.tags) <= html_shape(everywhere(demo, "x"), mode)
    # And the text itself is there, as text.
    assert squeeze(clean(text)) in squeeze("".join(parsed.data))


UNESCAPED_PIPE = re.compile(r"(?<!\\)\|")


def md_structure(page: str) -> list[str]:
    """The Markdown's skeleton: heading levels, list items, and table rows with their cells."""
    shape = []
    for line in page.splitlines():
        if match := re.match(r"#{1,6} ", line):
            shape.append(match.group())
        elif re.match(r"(- |\d+\. )", line):
            shape.append("list item")
        elif line.startswith("|"):
            shape.append(f"row of {len(UNESCAPED_PIPE.findall(line))}")
    return shape


@FAST
@given(text=printable, mode=MODES)
def test_markdown_text_never_makes_structure(
    demo: WorkshopRecord, text: str, mode: Attribution
) -> None:
    options = MinutesOptions(attribution=mode)
    page = render(build_minutes(everywhere(demo, text), options), "md").decode()
    baseline = render(build_minutes(everywhere(demo, "x"), options), "md").decode()
    assert md_structure(page) == md_structure(baseline)
    assert "<" not in page.replace("\\<", "")  # no raw HTML for a Markdown renderer to run


@FAST
@given(text=texts, mode=MODES)
def test_docx_takes_any_text(demo: WorkshopRecord, text: str, mode: Attribution) -> None:
    data = render(build_minutes(everywhere(demo, text), MinutesOptions(attribution=mode)), "docx")
    document = docx.Document(io.BytesIO(data))
    assert document.paragraphs


@SLOW
@given(text=texts, mode=MODES)
def test_pdf_takes_any_text(demo: WorkshopRecord, text: str, mode: Attribution) -> None:
    data = render(build_minutes(everywhere(demo, text), MinutesOptions(attribution=mode)), "pdf")
    assert len(PdfReader(io.BytesIO(data)).pages) >= 1


@SLOW
@given(text=texts)
def test_agenda_handouts_take_any_text(demo: WorkshopRecord, text: str) -> None:
    minutes = build_minutes(everywhere(demo, text))
    for fmt in ("md", "html", "docx", "pdf"):
        assert render(minutes, fmt, agenda=True)


@FAST
@given(text=texts, mode=MODES)
def test_csv_cells_are_text_and_never_formulas(
    demo: WorkshopRecord, text: str, mode: Attribution
) -> None:
    data = render(build_minutes(everywhere(demo, text), MinutesOptions(attribution=mode)), "csv")
    rows = csv_rows(data)
    assert len(rows) == len(demo.contributions) + 1
    for row in rows[1:]:
        assert len(row) == 6
        for cell in row:
            assert not cell.startswith(("=", "+", "-", "@", "\t", "\r"))
        assert row[5] == neutralise_cell(clean(text))


def test_formula_cells_get_an_apostrophe() -> None:
    assert [neutralise_cell(c) for c in ("=1+1", "+1", "-1", "@A1", "\t=1", "\r=1", "a=1")] == [
        "'=1+1",
        "'+1",
        "'-1",
        "'@A1",
        "'\t=1",
        "'\r=1",
        "a=1",
    ]


def test_markdown_escape_examples() -> None:
    assert md_escape("# not a heading") == "\\# not a heading"
    assert md_escape("- not\n- a list") == "\\- not - a list"  # one line: no list
    assert md_escape("1. first") == "1\\. first"
    assert md_escape("a | b") == "a \\| b"
    assert md_escape("<b>&amp;</b>") == "\\<b\\>\\&amp;\\</b\\>"
    assert md_escape("[x](http://e)") == "\\[x\\](http://e)"
    assert md_escape("Ms. Rusu: 50 % agree") == "Ms. Rusu: 50 % agree"


def test_control_characters_are_removed_and_rtl_cjk_kept() -> None:
    assert clean("a\x00b\x0bc\r\nd\ufffe") == "abc\nd"
    assert clean(" مرحبا 漢字 ") == "مرحبا 漢字"


def test_pdf_text_document_loads_no_resource(tmp_path: object) -> None:
    """An image or stylesheet named in the page is never read from disk or the network."""
    from pathlib import Path

    image = Path(str(tmp_path)) / "secret.png"
    QImage(4, 4, QImage.Format.Format_RGB32).save(str(image))
    url = QUrl.fromLocalFile(str(image))
    plain = QTextDocument()
    assert plain.loadResource(QTextDocument.ResourceType.ImageResource, url) is not None
    offline = OfflineTextDocument()
    assert offline.loadResource(QTextDocument.ResourceType.ImageResource, url) is None
    offline.setHtml(f'<p>x<img src="{url.toString()}"></p>')
    assert offline.resource(QTextDocument.ResourceType.ImageResource, url) is None
