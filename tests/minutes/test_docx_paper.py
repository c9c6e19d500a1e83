"""The DOCX as a secretariat sends it: named styles an organisation can restyle, a real chart,
tables that keep their rows whole, and properties that name this program (issue 18)."""

from __future__ import annotations

import io
import re
from pathlib import Path

import docx
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.oxml.ns import qn
from PySide6.QtGui import QImage

from tests.minutes.readback import docx_parts
from workshop_app.domain.model import WorkshopRecord
from workshop_app.minutes import build_minutes, render
from workshop_app.minutes.export import export_minutes
from workshop_app.minutes.options import MinutesOptions
from workshop_app.store import Document

W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"


def exported_docx(demo: WorkshopRecord, tmp_path: Path, reference: Path | None = None) -> bytes:
    """The minutes exported from a workshop file, read back from the written .docx."""
    path = tmp_path / "demo.workshop"
    if not path.exists():
        Document.create_from_record(path, demo).close()
    out = tmp_path / "minutes.docx"
    export_minutes(path, MinutesOptions(), "docx", out, reference_docx=reference)
    return out.read_bytes()


def run_style_names(document: docx.document.Document) -> set[str]:
    return {
        run.style.name
        for paragraph in document.paragraphs
        for run in paragraph.runs
        if run.style is not None and run.style.name != "Default Paragraph Font"
    }


def test_emphasis_is_named_character_styles_not_direct_formatting(
    demo: WorkshopRecord, tmp_path: Path
) -> None:
    data = exported_docx(demo, tmp_path)
    body = docx_parts(data)["word/document.xml"].decode()
    for direct in ("<w:b/>", "<w:i/>", "<w:color ", "<w:sz "):
        assert direct not in body, direct
    document = docx.Document(io.BytesIO(data))
    assert {"Strong", "Speaker", "Quiet", "Emphasis"} <= run_style_names(document)
    speaker = document.styles["Speaker"]
    quiet = document.styles["Quiet"]
    assert speaker.type == WD_STYLE_TYPE.CHARACTER and speaker.font.bold
    assert quiet.type == WD_STYLE_TYPE.CHARACTER and quiet.font.italic
    said = next(p for p in document.paragraphs if p.text.startswith("Ms. Natalia Rusu"))
    assert said.style.name == "List Bullet"
    assert said.runs[0].style.name == "Speaker"
    annex = next(p for p in document.paragraphs if p.text == "Annex")
    assert annex.style.name == "Annex Heading"
    assert annex.style.base_style.name == "Heading 1"
    assert annex.style.paragraph_format.page_break_before
    assert "<w:pageBreakBefore/>" not in body  # only in the style
    footer = document.sections[0].footer.paragraphs[0]
    assert footer.style.name == "Footer"
    assert footer.style.paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert footer.alignment is None  # from the style, not set by hand


def test_a_reference_restyles_the_quiet_notes(demo: WorkshopRecord, tmp_path: Path) -> None:
    reference = docx.Document()
    quiet = reference.styles.add_style("Quiet", WD_STYLE_TYPE.CHARACTER)
    quiet.font.small_caps = True
    reference.save(str(tmp_path / "ref.docx"))
    document = docx.Document(io.BytesIO(exported_docx(demo, tmp_path, tmp_path / "ref.docx")))
    assert document.styles["Quiet"].font.small_caps
    assert not document.styles["Quiet"].font.italic  # the reference's, not ours
    assert "Quiet" in run_style_names(document)


def test_participation_chart_is_a_picture_with_alt_text(
    demo: WorkshopRecord, tmp_path: Path
) -> None:
    data = exported_docx(demo, tmp_path)
    parts = docx_parts(data)
    body = parts["word/document.xml"].decode()
    assert "<w:shd " not in body  # no table of shaded cells
    document = docx.Document(io.BytesIO(data))
    assert all(len(table.columns) <= 5 for table in document.tables)
    [picture] = document.inline_shapes
    described = picture._inline.docPr.get("descr")
    for group, share in (
        ("EU development agencies", 35),
        ("European institutions", 23),
        ("Partner countries", 25),
        ("Civil society", 17),
    ):
        assert f"{group} {share} %" in described
    assert picture.width == document.sections[0].page_width - 2 * document.sections[0].left_margin
    [png] = [data for name, data in parts.items() if name.startswith("word/media/")]
    image = QImage.fromData(png, "PNG")
    assert not image.isNull() and image.width() > 1000
    # The longest bar is drawn in the chart's blue.
    blues = sum(
        1
        for x in range(image.width())
        if image.pixelColor(x, image.height() * 3 // 20).name() == "#3b6ea5"
    )
    assert blues > image.width() // 3


def test_tables_keep_rows_whole_repeat_headers_and_set_totals_and_figures(
    demo: WorkshopRecord, tmp_path: Path
) -> None:
    data = exported_docx(demo, tmp_path)
    document = docx.Document(io.BytesIO(data))
    assert document.tables
    for table in document.tables:
        rows = table._tbl.tr_lst
        for tr in rows:
            assert tr.trPr is not None and tr.trPr.find(qn("w:cantSplit")) is not None
        assert rows[0].trPr.find(qn("w:tblHeader")) is not None
    who = next(t for t in document.tables if t.rows[0].cells[0].text == "Stakeholder group")
    total = who.rows[-1]
    assert total.cells[0].text == "Total"
    assert all(
        run.style.name == "Strong" for cell in total.cells for run in cell.paragraphs[0].runs
    )
    assert document.styles["Strong"].font.bold
    figures = [row.cells[1].paragraphs[0] for row in who.rows]
    assert {p.style.name for p in figures} == {"Table Number"}
    assert document.styles["Table Number"].paragraph_format.alignment == WD_ALIGN_PARAGRAPH.RIGHT
    assert who.rows[1].cells[0].paragraphs[0].style.name != "Table Number"
    body = docx_parts(data)["word/document.xml"].decode()
    assert '<w:jc w:val="right"/>' not in body  # aligned by the style only


def app_properties(data: bytes) -> dict[str, str]:
    xml = docx_parts(data)["docProps/app.xml"].decode()
    return dict(re.findall(r"<(\w+)>([^<]*)</\1>", xml))


def test_app_properties_name_workshop_app_even_with_a_reference(
    demo: WorkshopRecord, tmp_path: Path
) -> None:
    assert app_properties(exported_docx(demo, tmp_path))["Application"] == "Workshop App"
    reference = docx.Document()
    reference.add_paragraph("Forty words of someone else's document.")
    reference.save(str(tmp_path / "ref.docx"))
    data = exported_docx(demo, tmp_path, tmp_path / "ref.docx")
    properties = app_properties(data)
    assert properties["Application"] == "Workshop App"
    assert "Template" not in properties and "Words" not in properties
    assert b"Microsoft" not in docx_parts(data)["docProps/app.xml"]


def test_the_agenda_handout_uses_the_styles_too(demo: WorkshopRecord) -> None:
    data = render(build_minutes(demo), "docx", agenda=True)
    body = docx_parts(data)["word/document.xml"].decode()
    assert "<w:i/>" not in body
    assert app_properties(data)["Application"] == "Workshop App"
