"""export_minutes: its own read connection, atomic writes, user templates, reference styles."""

from __future__ import annotations

import io
import threading
from pathlib import Path

import docx
import pytest
from docx.shared import RGBColor

from tests.minutes.readback import docx_parts, parse_html
from workshop_app.domain.attribution import Attribution
from workshop_app.domain.model import WorkshopRecord
from workshop_app.minutes import (
    Format,
    IdentitiesFound,
    MinutesOptions,
    TemplateProblem,
    build_minutes,
    default_output,
    export_minutes,
    render,
)
from workshop_app.store import Document


def test_exports_in_a_worker_thread_while_the_app_holds_the_file(
    demo_path: Path, tmp_path: Path
) -> None:
    out = tmp_path / "minutes.pdf"
    errors: list[BaseException] = []

    def work() -> None:
        try:
            export_minutes(demo_path, MinutesOptions(), Format.PDF, out)
        except BaseException as error:  # reported to the test below
            errors.append(error)

    with Document.open(demo_path):  # the GUI's connection and lock
        worker = threading.Thread(target=work)
        worker.start()
        worker.join(timeout=60)
    assert errors == []
    assert out.read_bytes().startswith(b"%PDF-")
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".")) == []


def test_anonymous_export_refuses_and_writes_nothing(demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "minutes.md"
    options = MinutesOptions(attribution=Attribution.ANONYMOUS)
    with Document.open(demo_path) as doc:  # one delegate came from Cabo Verde
        doc.agenda.update_item("a1", summary="Cabo Verde opened the discussion.")
    with pytest.raises(IdentitiesFound) as refused:
        export_minutes(demo_path, options, "md", out)
    assert refused.value.findings[0].ref == ("agenda_item", "a1")
    assert not out.exists()
    export_minutes(demo_path, options, "md", out, allow_identities=True)
    assert "Chatham House" in out.read_text(encoding="utf-8")


def test_replaces_an_existing_file_atomically(demo_path: Path, tmp_path: Path) -> None:
    out = tmp_path / "minutes.csv"
    out.write_bytes(b"old")
    export_minutes(demo_path, MinutesOptions(), "csv", out)
    assert out.read_bytes().startswith(b"\xef\xbb\xbftime,")
    others = [p.name for p in tmp_path.iterdir() if not p.name.startswith("demo.workshop")]
    assert others == ["minutes.csv"]  # no temporary file left behind


def test_default_output_beside_the_file() -> None:
    source = Path("/w/demo.workshop")
    assert default_output(source, Format.PDF) == Path("/w/demo-minutes-named.pdf")
    assert default_output(source, "md", agenda=True) == Path("/w/demo-agenda.md")
    # Each mode has a name of its own: one export never replaces another by default.
    anonymous = default_output(source, Format.PDF, attribution=Attribution.ANONYMOUS)
    assert anonymous == Path("/w/demo-minutes-anonymous.pdf")
    assert default_output(source, "csv", attribution="group") == Path("/w/demo-minutes-group.csv")
    assert default_output(source, "html", agenda=True, attribution="anonymous") == Path(
        "/w/demo-agenda-anonymous.html"
    )
    assert default_output(source, "json") == Path("/w/demo.json")


def test_user_markdown_template_escapes_like_the_default(
    demo: WorkshopRecord, tmp_path: Path
) -> None:
    template = tmp_path / "mine.md.j2"
    template.write_text(
        "# Report: {{ minutes.title }}\n\n"
        "{% for point in minutes.agreed %}- {{ point.text }}\n{% endfor %}",
        encoding="utf-8",
    )
    minutes = build_minutes(demo)
    text = render(minutes, "md", template=template).decode()
    assert text.startswith("# Report: European Conversation\n")
    assert "- A partnership rests on the principle" in text


def test_user_html_template_is_autoescaped(demo: WorkshopRecord, tmp_path: Path) -> None:
    import dataclasses

    template = tmp_path / "mine.html"
    template.write_text("<h1>{{ minutes.title }}</h1><p>{{ minutes.venue }}</p>", encoding="utf-8")
    record = dataclasses.replace(
        demo, workshop=dataclasses.replace(demo.workshop, venue="<script>x()</script>")
    )
    page = render(build_minutes(record), "html", template=template).decode()
    assert [tag for tag, _ in parse_html(page).tags] == ["h1", "p"]
    assert "&lt;script&gt;" in page


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ("{% for x in %}", "has an error on line 1"),
        ("{{ minutes.no_such_thing }}", "cannot be used"),
        ("{{ minutes.__class__.__init__.__globals__ }}", "cannot be used"),  # the sandbox
    ],
)
def test_broken_template_is_a_known_error(
    demo: WorkshopRecord, tmp_path: Path, source: str, message: str
) -> None:
    template = tmp_path / "broken.j2"
    template.write_text(source, encoding="utf-8")
    with pytest.raises(TemplateProblem) as problem:
        render(build_minutes(demo), "html", template=template)
    assert message in problem.value.message
    with pytest.raises(TemplateProblem, match="cannot be read"):
        render(build_minutes(demo), "md", template=tmp_path / "missing.j2")


def test_anonymous_check_covers_what_a_user_template_adds(demo_path: Path, tmp_path: Path) -> None:
    template = tmp_path / "mine.md.j2"
    template.write_text("Prepared by Ms. Marchand. {{ minutes.title }}", encoding="utf-8")
    import dataclasses

    from workshop_app.minutes import produce, read_record

    record = read_record(demo_path)
    record = dataclasses.replace(
        record, agenda=tuple(dataclasses.replace(i, summary=None, description=None)
                             for i in record.agenda)
    )  # fmt: skip
    options = MinutesOptions(attribution=Attribution.ANONYMOUS)
    with pytest.raises(IdentitiesFound) as refused:
        produce(record, options, "md", template=template)
    [finding] = refused.value.findings
    assert (finding.found, finding.where) == ("Ms. Marchand", "the template's own text")


def reference_docx(path: Path) -> Path:
    """A reference document with its own heading colour, an author and a comment."""
    document = docx.Document()
    heading = document.styles["Heading 1"]
    heading.font.color.rgb = RGBColor(0xAA, 0x11, 0x22)
    document.core_properties.author = "Reference Author Qwyx"
    document.core_properties.comments = "secret note"
    document.add_paragraph("Text of the reference that must not be carried over.")
    document.save(str(path))
    return path


def test_reference_docx_styles_are_used_and_its_metadata_dropped(
    demo: WorkshopRecord, tmp_path: Path
) -> None:
    reference = reference_docx(tmp_path / "ref.docx")
    data = render(build_minutes(demo), "docx", reference_docx=reference)
    document = docx.Document(io.BytesIO(data))
    assert document.styles["Heading 1"].font.color.rgb == RGBColor(0xAA, 0x11, 0x22)
    assert document.paragraphs[0].text == "European Conversation"
    assert document.core_properties.author == "MIEUX (Migration EU eXpertise)"
    everything = b"".join(docx_parts(data).values())
    assert b"Reference Author Qwyx" not in everything
    assert b"must not be carried over" not in everything
    assert b"secret note" not in everything


def test_missing_reference_docx_is_a_known_error(demo: WorkshopRecord, tmp_path: Path) -> None:
    from workshop_app.errors import KnownError

    bad = tmp_path / "not.docx"
    bad.write_bytes(b"not a zip")
    with pytest.raises(KnownError, match="not a Word document"):
        render(build_minutes(demo), "docx", reference_docx=bad)
