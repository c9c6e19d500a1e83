"""The first page of the minutes as a reader sees it: the PDF, and the DOCX as LibreOffice
lays it out (when LibreOffice is installed), named and anonymous.

A PDF page is drawn by Qt's PDF module when the Qt add-ons are installed, else by
Ghostscript; with neither, or without LibreOffice for the DOCX, the view is skipped with a
line saying why.
"""

from __future__ import annotations

import shutil
import subprocess
import tempfile
from collections.abc import Callable
from pathlib import Path

from PySide6.QtCore import QSize
from PySide6.QtGui import QColor, QImage, QPainter, QPixmap
from PySide6.QtWidgets import QLabel, QWidget

from workshop_app.domain.attribution import Attribution
from workshop_app.formats import Format
from workshop_app.minutes import MinutesOptions, build_minutes, render
from workshop_app.minutes.export import read_record
from workshop_app.ui.screenshots.scene import Scene, SceneSkipped

try:
    from PySide6.QtPdf import QPdfDocument  # type: ignore[import-not-found,unused-ignore]
except ImportError:  # PySide6's add-ons are not installed: Ghostscript draws the page
    QPdfDocument = None  # type: ignore[assignment,misc,unused-ignore]

PAGE_WIDTH = 1024  # pixels: the page's text legible at a glance
PAGE_HEIGHT = round(PAGE_WIDTH * 297 / 210)  # A4, the minutes' default paper
TIMEOUT_S = 180
PDF_FILTER = "pdf:writer_pdf_Export"  # LibreOffice's: its Writer's PDF export


def _minutes(scene: Scene, fmt: Format, mode: Attribution) -> bytes:
    """The demo's minutes in ``fmt``; anonymous ones as ``--force`` would write them (the
    demo's texts name its organisers, which the export would otherwise refuse)."""
    minutes = build_minutes(read_record(scene.demo()), MinutesOptions(attribution=mode))
    return render(minutes, fmt)


def _with_qt_pdf(pdf: Path) -> QImage | None:
    if QPdfDocument is None:
        return None
    document = QPdfDocument()
    document.load(str(pdf))
    image: QImage = document.render(0, QSize(PAGE_WIDTH, PAGE_HEIGHT))
    return image


def _with_ghostscript(pdf: Path) -> QImage | None:
    gs = shutil.which("gs")
    if gs is None:
        return None
    out = pdf.with_suffix(".png")
    subprocess.run(
        [
            *(gs, "-q", "-dSAFER", "-dBATCH", "-dNOPAUSE", "-sDEVICE=png16m"),
            *(f"-g{PAGE_WIDTH}x{PAGE_HEIGHT}", "-dPDFFitPage"),
            *("-dTextAlphaBits=4", "-dGraphicsAlphaBits=4", "-dFirstPage=1", "-dLastPage=1"),
            *(f"-sOutputFile={out}", str(pdf)),
        ],
        check=True,
        timeout=TIMEOUT_S,
        capture_output=True,
    )
    return QImage(str(out))


def first_page(pdf: Path) -> QWidget:
    """The first page of ``pdf`` as a picture on a label, or SceneSkipped."""
    image = _with_qt_pdf(pdf) or _with_ghostscript(pdf)
    if image is None or image.isNull():
        raise SceneSkipped("neither Qt's PDF module nor Ghostscript (gs) is installed")
    page = QImage(image.size(), QImage.Format.Format_RGB32)
    page.fill(QColor("white"))  # a transparent page shows as white paper
    painter = QPainter(page)
    painter.drawImage(0, 0, image)
    painter.end()
    label = QLabel()
    label.setPixmap(QPixmap.fromImage(page))
    label.resize(page.size())
    return label


def docx_as_pdf(docx: Path) -> Path:
    """``docx`` converted by LibreOffice (a profile of its own, so a running LibreOffice is
    neither used nor disturbed), or SceneSkipped when it is not installed."""
    soffice = shutil.which("soffice") or shutil.which("libreoffice")
    if soffice is None:
        raise SceneSkipped("LibreOffice (soffice) is not installed")
    profile = (docx.parent / "libreoffice-profile").as_uri()
    subprocess.run(
        [
            *(soffice, f"-env:UserInstallation={profile}", "--headless"),
            *("--convert-to", PDF_FILTER, "--outdir", str(docx.parent), str(docx)),
        ],
        check=True,
        timeout=TIMEOUT_S,
        capture_output=True,
    )
    pdf = docx.with_suffix(".pdf")
    if not pdf.exists():
        raise SceneSkipped(f"LibreOffice did not convert {docx.name}")
    return pdf


def _pdf_view(mode: Attribution) -> Callable[[Scene], QWidget]:
    def show(scene: Scene) -> QWidget:
        folder = Path(tempfile.mkdtemp(dir=scene.folder))
        pdf = folder / "minutes.pdf"
        pdf.write_bytes(_minutes(scene, Format.PDF, mode))
        return first_page(pdf)

    return show


def _docx_view(mode: Attribution) -> Callable[[Scene], QWidget]:
    def show(scene: Scene) -> QWidget:
        folder = Path(tempfile.mkdtemp(dir=scene.folder))
        docx = folder / "minutes.docx"
        docx.write_bytes(_minutes(scene, Format.DOCX, mode))
        return first_page(docx_as_pdf(docx))

    return show


#: The first pages, one line each (runner.py adds them to its VIEWS).
PAPER_VIEWS: list[tuple[str, Callable[[Scene], QWidget | None]]] = [
    ("minutes-pdf-named.png", _pdf_view(Attribution.NAMED)),
    ("minutes-pdf-anonymous.png", _pdf_view(Attribution.ANONYMOUS)),
    ("minutes-docx-named.png", _docx_view(Attribution.NAMED)),
    ("minutes-docx-anonymous.png", _docx_view(Attribution.ANONYMOUS)),
]
