"""Issue 14, High 1 and Low: names in the places beside the text are found too.

The organiser field with an invisible character inside a participant's name put that name into
the Word file's creator and the PDF's Author; a reference .docx carried its header, footer and
custom XML (with the names they hold) into anonymous minutes.
"""

from __future__ import annotations

import io
import unicodedata
from pathlib import Path

import docx
import pytest
from PySide6.QtCore import QBuffer, QByteArray, QIODevice
from PySide6.QtGui import QImage

from tests.minutes.readback import docx_parts, pdf_metadata
from tests.security.helpers import (
    base_record,
    export,
    refused,
    with_workshop,
    write,
)

HIDDEN_ORGANISER = "Dr. Ma\u200bría Ló\u00adpez"


def plain(text: str) -> str:
    """The text as read: no invisible character, no accent, one case."""
    kept = (c for c in unicodedata.normalize("NFKD", text) if unicodedata.category(c) != "Cf")
    return "".join(c for c in kept if not unicodedata.combining(c)).casefold()


@pytest.mark.parametrize("fmt", ["docx", "pdf", "md"])
def test_an_organiser_hiding_a_participant_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, fmt: str
) -> None:
    path = write(with_workshop(base_record(), organiser=HIDDEN_ORGANISER), tmp_path)
    code, err, out = export(capsys, path, fmt)
    assert refused(code, err, out), err
    assert "the title block" in err


def test_forced_anyway_the_file_properties_name_nobody(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """--force writes the text as typed, but the author in the properties stays empty."""
    path = write(with_workshop(base_record(), organiser=HIDDEN_ORGANISER), tmp_path)
    code, err, out = export(capsys, path, "docx", "--force")
    assert code == 0, err
    properties = docx.Document(io.BytesIO(out.read_bytes())).core_properties
    assert (properties.author, properties.last_modified_by) == ("", "")
    code, err, out = export(capsys, path, "pdf", "--force")
    assert code == 0, err
    assert "lopez" not in plain(pdf_metadata(out.read_bytes()))


def reference(path: Path, header: str, footer: str, custom_xml: str | None = None) -> Path:
    """A reference document with a page header, footer and (optionally) custom XML data."""
    document = docx.Document()
    section = document.sections[0]
    section.header.paragraphs[0].text = header
    section.footer.paragraphs[0].text = footer
    if custom_xml is not None:
        for part in document.part.package.iter_parts():
            if str(part.partname) == "/customXml/item1.xml":
                part._blob = custom_xml.encode()  # python-docx's template has one
    document.save(str(path))
    return path


SOURCES = (
    '<?xml version="1.0" encoding="UTF-8"?><b:Sources '
    'xmlns:b="http://schemas.openxmlformats.org/officeDocument/2006/bibliography">'
    "<b:Source><b:Author>María López</b:Author><b:Title>Trust</b:Title></b:Source></b:Sources>"
)


@pytest.mark.parametrize(
    ("header", "footer", "place"),
    [
        ("Prepared by María López", "Internal", "page header"),
        ("Internal", "Instituto Nacional de Estadística", "page footer"),
    ],
)
def test_a_reference_whose_header_or_footer_names_a_participant_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, header: str, footer: str, place: str
) -> None:
    ref = reference(tmp_path / "ref.docx", header, footer)
    path = write(base_record(), tmp_path)
    code, err, out = export(capsys, path, "docx", "--reference-docx", str(ref))
    assert refused(code, err, out), err
    assert f"in the Word file's {place}" in err


def test_a_reference_header_picture_described_with_a_name_is_refused(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    """A logo's alt text ("Photo: María López") is read out by screen readers."""
    image = QImage(4, 4, QImage.Format.Format_RGB32)
    image.fill(0x3B6EA5)
    png = QByteArray()
    buffer = QBuffer(png)
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    document = docx.Document()
    run = document.sections[0].header.paragraphs[0].add_run()
    run.add_picture(io.BytesIO(bytes(png.data())))
    [described] = run._r.xpath(".//wp:docPr")
    described.set("descr", "Photo: María López at the lectern")
    ref = tmp_path / "ref.docx"
    document.save(str(ref))
    code, err, out = export(
        capsys, write(base_record(), tmp_path), "docx", "--reference-docx", str(ref)
    )
    assert refused(code, err, out), err
    assert "in the Word file's page header" in err


def test_a_reference_header_without_names_is_kept(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    ref = reference(tmp_path / "ref.docx", "Workshop minutes: internal", "Page")
    path = write(base_record(), tmp_path)
    code, err, out = export(capsys, path, "docx", "--reference-docx", str(ref))
    assert code == 0, err
    header = docx.Document(io.BytesIO(out.read_bytes())).sections[0].header
    assert header.paragraphs[0].text == "Workshop minutes: internal"


@pytest.mark.parametrize("mode", ["anonymous", "named"])
def test_a_reference_custom_xml_is_not_carried_over(
    capsys: pytest.CaptureFixture[str], tmp_path: Path, mode: str
) -> None:
    ref = reference(tmp_path / "ref.docx", "", "", custom_xml=SOURCES)
    assert any("María López" in part.decode() for part in docx_parts(ref.read_bytes()).values())
    path = write(base_record(), tmp_path)
    code, err, out = export(capsys, path, "docx", "--reference-docx", str(ref), mode=mode)
    assert code == 0, err
    parts = docx_parts(out.read_bytes())
    assert [name for name in parts if name.startswith("customXml/")] == []
    if mode == "anonymous":
        assert [name for name, part in parts.items() if "López".encode() in part] == []
