"""Exporting minutes from a workshop file: read, check anonymity, render, write atomically.

``export_minutes`` opens its own read-only connection, so the GUI can run it in a worker
thread while its own connection stays with the UI thread.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html.parser import HTMLParser
from pathlib import Path

from workshop_app.domain.attribution import Attribution
from workshop_app.domain.model import WorkshopRecord
from workshop_app.errors import KnownError
from workshop_app.fileio import write_atomically
from workshop_app.formats import AGENDA_FORMATS, JSON, Format
from workshop_app.minutes.beacons import refuse_reaching_out
from workshop_app.minutes.build import build_minutes
from workshop_app.minutes.identities import IdentityMatch, scan_minutes, scan_texts
from workshop_app.minutes.model import Minutes
from workshop_app.minutes.options import MinutesOptions

MAX_PLACES_LISTED = 5
_MD_ESCAPE = re.compile(r"\\([!-/:-@\[-`{-~])")


class IdentitiesFound(KnownError):
    """An anonymous export would name participants; ``findings`` says where."""

    def __init__(self, findings: Sequence[IdentityMatch]) -> None:
        self.findings = tuple(findings)
        places = [f.describe() for f in self.findings[:MAX_PLACES_LISTED]]
        more = len(self.findings) - len(places)
        if more:
            places.append(f"and {more} more")
        super().__init__(f"anonymous export would name participants: {'; '.join(places)}")


def read_record(path: Path) -> WorkshopRecord:
    """The whole workshop, read through a connection of its own (safe in a worker thread)."""
    from workshop_app.store import Document

    with Document.open(path, readonly=True) as doc:
        return doc.record()


def render(
    minutes: Minutes,
    fmt: Format | str,
    *,
    agenda: bool = False,
    template: Path | None = None,
    reference_docx: Path | None = None,
) -> bytes:
    """The minutes (or, with ``agenda``, the agenda handout) in ``fmt``, as bytes to write."""
    fmt = Format(fmt)
    if agenda and fmt not in AGENDA_FORMATS:
        raise ValueError(f"no agenda handout as {fmt}")
    if fmt is Format.MD:
        from workshop_app.minutes.markdown import render_agenda_markdown, render_markdown

        md = render_agenda_markdown if agenda else render_markdown
        return md(minutes, template).encode("utf-8")
    if fmt is Format.HTML:
        from workshop_app.minutes.html import render_agenda_html, render_html

        html = render_agenda_html if agenda else render_html
        return html(minutes, template).encode("utf-8")
    if fmt is Format.DOCX:
        from workshop_app.minutes.word import render_docx
        from workshop_app.minutes.word_agenda import render_agenda_docx

        return (render_agenda_docx if agenda else render_docx)(minutes, reference_docx)
    if fmt is Format.PDF:
        from workshop_app.minutes.pdf import render_agenda_pdf, render_pdf

        return (render_agenda_pdf if agenda else render_pdf)(minutes)
    if fmt is Format.XLSX:
        from workshop_app.minutes.xlsx import render_xlsx

        return render_xlsx(minutes)
    from workshop_app.minutes.csvfile import render_csv

    return render_csv(minutes)


class _VisibleText(HTMLParser):
    """The text and attribute values of a page: what a template could have added."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.parts: list[str] = []

    def handle_data(self, data: str) -> None:
        self.parts.append(data)

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.parts.extend(value for _name, value in attrs if value)


def _template_text(fmt: Format, data: bytes) -> str:
    text = data.decode("utf-8")
    if fmt is Format.HTML:
        parser = _VisibleText()
        parser.feed(text)
        parser.close()
        return "\n".join(parser.parts)
    return _MD_ESCAPE.sub(r"\1", text)


def produce(
    record: WorkshopRecord,
    options: MinutesOptions,
    fmt: Format | str,
    *,
    agenda: bool = False,
    template: Path | None = None,
    reference_docx: Path | None = None,
    allow_identities: bool = False,
) -> bytes:
    """Build, check and render; raises IdentitiesFound when anonymous output would name someone.

    The check runs on the minutes' own text and on what the output holds besides: the words
    of a user's template, the properties, headers and footers of a Word file.
    """
    fmt = Format(fmt)
    minutes = build_minutes(record, options)
    check = options.attribution is Attribution.ANONYMOUS and not allow_identities
    if check:
        findings = scan_minutes(minutes, record.participants, handout=agenda)
        if findings:
            raise IdentitiesFound(findings)
    data = render(minutes, fmt, agenda=agenda, template=template, reference_docx=reference_docx)
    if template is not None and options.attribution is Attribution.ANONYMOUS:
        # Even when told to write names anyway: a beacon sends the words, not only names.
        refuse_reaching_out(template, data.decode("utf-8"), markdown=fmt is Format.MD)
    if check:
        findings = scan_texts(minutes, record.participants, _added_text(fmt, data, template))
        if findings:
            raise IdentitiesFound(findings)
    return data


def _added_text(fmt: Format, data: bytes, template: Path | None) -> list[tuple[str, str]]:
    """What the output holds besides the minutes' text: a template's words, a file's parts."""
    if template is not None:
        return [(_template_text(fmt, data), "the template's own text")]
    if fmt is Format.DOCX:
        from workshop_app.minutes.ooxml import side_texts

        return list(side_texts(data))
    if fmt is Format.XLSX:
        from workshop_app.minutes.ooxml import side_texts

        return list(side_texts(data, "workbook"))
    return []


def export_minutes(
    path: Path,
    options: MinutesOptions,
    fmt: Format | str,
    out: Path,
    *,
    agenda: bool = False,
    template: Path | None = None,
    reference_docx: Path | None = None,
    allow_identities: bool = False,
) -> None:
    """Write the minutes of the workshop at ``path`` to ``out`` (replacing it atomically).

    Opens its own read-only connection: call it from a worker thread while the GUI keeps the
    file open. A PDF needs a QGuiApplication; the GUI has one (the CLI makes one).
    """
    data = produce(
        read_record(path),
        options,
        fmt,
        agenda=agenda,
        template=template,
        reference_docx=reference_docx,
        allow_identities=allow_identities,
    )
    write_atomically(out, data)


def default_output(
    source: Path,
    fmt: Format | str,
    *,
    agenda: bool = False,
    attribution: Attribution | str = Attribution.NAMED,
) -> Path:
    """Beside the workshop, with the format's extension, named for what it holds, so that
    no two kinds of output share a name: ``demo.workshop`` → ``demo-minutes-named.pdf``,
    ``demo-minutes-anonymous.pdf``; the agenda handout (which names nobody but its
    organiser) → ``demo-agenda.pdf``, ``demo-agenda-anonymous.pdf``; the interchange file
    (which has no attribution) → ``demo.json``."""
    extension = str(fmt.value if isinstance(fmt, Format) else fmt)
    if extension == JSON:
        return source.with_suffix(".json")
    mode = Attribution(attribution)
    if agenda:
        suffix = "" if mode is Attribution.NAMED else f"-{mode.value}"
        return source.with_name(f"{source.stem}-agenda{suffix}.{extension}")
    return source.with_name(f"{source.stem}-minutes-{mode.value}.{extension}")
