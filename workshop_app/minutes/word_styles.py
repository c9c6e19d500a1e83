"""The named styles the DOCX minutes use besides Word's headings and lists, and the file's
application properties.

Every emphasis in the text is a character style and every specially set paragraph a
paragraph style, never direct formatting: an organisation restyles "Quiet" or "Table Number"
once in Word (or in its reference .docx, whose own definitions win) and every place follows.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from docx.document import Document as DocxDocument
from docx.enum.style import WD_STYLE_TYPE
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.shared import Pt, RGBColor


@dataclass(frozen=True)
class CharacterStyle:
    bold: bool = False
    italic: bool = False
    colour: RGBColor | None = None


STRONG = "Strong"  # labels ("Date:", "Agreed:") and totals
EMPHASIS = "Emphasis"  # a label set off in the text ("Reservations:")
SPEAKER = "Speaker"  # who said it, before what was said
QUIET = "Quiet"  # notes about the record ("Nothing was recorded…"), kinds, sources
CHARACTER_STYLES = {
    STRONG: CharacterStyle(bold=True),
    EMPHASIS: CharacterStyle(italic=True),
    SPEAKER: CharacterStyle(bold=True),
    QUIET: CharacterStyle(italic=True, colour=RGBColor(0x55, 0x55, 0x55)),
}
#: The writer's short "looks" (b, i, im, m) and the character style each stands for.
LOOKS = {"b": STRONG, "i": EMPHASIS, "im": QUIET, "m": QUIET}

TABLE_NUMBER = "Table Number"  # a figure in a table cell, right-aligned
FIGURE = "Figure"  # the paragraph holding a chart
ANNEX_HEADING = "Annex Heading"  # "Heading 1" on a page of its own
FOOTER = "Footer"  # Word's own; here right-aligned in small print

APPLICATION = "Workshop App"
_APP_XML = (
    "<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
    '<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"'
    ' xmlns:vt="http://schemas.openxmlformats.org/officeDocument/2006/docPropsVTypes">'
    f"<Application>{APPLICATION}</Application><DocSecurity>0</DocSecurity>"
    "</Properties>"
)


def character_style(look: str) -> str | None:
    """The character style of a run given as a look ("b") or a style name ("Speaker")."""
    if not look:
        return None
    return LOOKS.get(look, look)


def add_styles(doc: DocxDocument) -> None:
    """Define the styles the minutes use that the document (or the reference) lacks."""
    styles = doc.styles
    for name, look in CHARACTER_STYLES.items():
        if name in styles:
            continue
        style: Any = styles.add_style(name, WD_STYLE_TYPE.CHARACTER)
        style.font.bold = look.bold or None
        style.font.italic = look.italic or None
        if look.colour is not None:
            style.font.color.rgb = look.colour
    if TABLE_NUMBER not in styles:
        number: Any = styles.add_style(TABLE_NUMBER, WD_STYLE_TYPE.PARAGRAPH)
        number.base_style = styles["Normal"]
        number.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    if ANNEX_HEADING not in styles and "Heading 1" in styles:
        annex: Any = styles.add_style(ANNEX_HEADING, WD_STYLE_TYPE.PARAGRAPH)
        annex.base_style = styles["Heading 1"]  # its look and outline level, a reference's too
        annex.next_paragraph_style = styles["Normal"]
        annex.paragraph_format.page_break_before = True
    if FIGURE not in styles:
        figure: Any = styles.add_style(FIGURE, WD_STYLE_TYPE.PARAGRAPH)
        figure.base_style = styles["Normal"]
        figure.paragraph_format.space_after = Pt(12)


def footer_style(doc: DocxDocument, *, own: bool) -> None:
    """The page footer in small print on the right, in Word's "Footer" style: set so when
    the document is this writer's own (``own``) or a reference lacks the style; a
    reference's "Footer" stays as the reference has it."""
    styles = doc.styles
    if FOOTER in styles:
        if not own:
            return
        footer: Any = styles[FOOTER]
    else:
        footer = styles.add_style(FOOTER, WD_STYLE_TYPE.PARAGRAPH)
        footer.base_style = styles["Normal"]
    footer.paragraph_format.alignment = WD_ALIGN_PARAGRAPH.RIGHT
    footer.font.size = Pt(8)


def set_application(doc: DocxDocument) -> None:
    """docProps/app.xml names this program only (not the template's "Microsoft Macintosh
    Word", nor a reference's page and word counts, which would be wrong for the minutes)."""
    package = doc.part.package
    blob = _APP_XML.encode("utf-8")
    for part in package.iter_parts():
        if str(part.partname) == "/docProps/app.xml":
            part._blob = blob
            return
    part = Part(PackURI("/docProps/app.xml"), CT.OFC_EXTENDED_PROPERTIES, blob, package)
    package.relate_to(part, RT.EXTENDED_PROPERTIES)
