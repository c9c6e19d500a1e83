"""`workshop-app export` for minutes, run as a script would: formats, modes, refusal, options."""

from __future__ import annotations

import io
import subprocess
import sys
from pathlib import Path

import docx
import pytest
from pypdf import PdfReader

from tests.minutes.readback import csv_rows, parse_html
from workshop_app.store import Document


def run(*args: str, cwd: Path | None = None) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run(
        [sys.executable, "-m", "workshop_app", *args],
        capture_output=True,
        timeout=120,
        cwd=cwd,
    )


def error_line(result: subprocess.CompletedProcess[bytes]) -> str:
    lines = result.stderr.decode().strip().splitlines()
    assert len(lines) == 1, result.stderr
    return lines[0]


@pytest.mark.parametrize(
    ("mode", "fmt"),
    [("named", "docx"), ("organisation", "pdf"), ("group", "html"), ("group", "csv")],
)
def test_modes_and_formats_write_files(demo_path: Path, mode: str, fmt: str) -> None:
    out = demo_path.with_name(f"out.{fmt}")
    result = run("export", str(demo_path), "-f", fmt, "-a", mode, "-o", str(out))
    assert result.returncode == 0, result.stderr
    data = out.read_bytes()
    if fmt == "docx":
        assert docx.Document(io.BytesIO(data)).paragraphs[0].text == "European Conversation"
    elif fmt == "pdf":
        assert len(PdfReader(io.BytesIO(data)).pages) > 2
    elif fmt == "html":
        text = " ".join(parse_html(data.decode()).data)
        assert "A participant from civil society raised a concern:" in text
    else:
        assert csv_rows(data)[0][4] == "attributed to"


@pytest.mark.parametrize("fmt", ["md", "html", "csv"])
def test_text_formats_go_to_stdout(demo_path: Path, fmt: str) -> None:
    result = run("export", str(demo_path), "-f", fmt, "-a", "group", "-o", "-")
    assert result.returncode == 0, result.stderr
    assert b"What can be considered a real partnership?" in result.stdout
    assert sorted(p.name for p in demo_path.parent.iterdir() if "workshop" not in p.name) == []


def test_binary_formats_refuse_stdout(demo_path: Path) -> None:
    result = run("export", str(demo_path), "-f", "pdf", "-o", "-")
    assert result.returncode == 2
    assert "give -o FILE" in error_line(result)


def test_anonymous_refuses_naming_the_places_then_force_writes(demo_path: Path) -> None:
    out = demo_path.with_name("demo-minutes-anonymous.pdf")
    with Document.open(demo_path) as doc:  # one delegate came from Cabo Verde
        doc.agenda.update_item("a1", summary="Cabo Verde opened the discussion.")
    result = run("export", str(demo_path), "-f", "pdf", "-a", "anonymous")
    assert result.returncode == 1
    line = error_line(result)
    assert line.startswith("workshop-app: anonymous export would name participants: ")
    assert "'Cabo Verde' in item 1, summary" in line
    assert "— one participant from Cabo Verde was present" in line
    assert line.endswith("use --force to write anyway")
    assert not out.exists()
    forced = run("export", str(demo_path), "-f", "pdf", "-a", "anonymous", "--force")
    assert forced.returncode == 0, forced.stderr
    warning = forced.stderr.decode()
    assert "written with --force; it names participants in 1 place:" in warning
    assert "'Cabo Verde' in item 1, summary" in warning
    assert out.read_bytes().startswith(b"%PDF-")


def test_options_reach_the_minutes(demo_path: Path) -> None:
    args = ("export", str(demo_path), "-f", "md", "-o", "-")
    highlights = run(*args, "--highlights", "--no-annex").stdout.decode()
    assert "further contributions are in the full record" in highlights
    assert "Participation balance" not in highlights
    full = run(*args, "--full").stdout.decode()
    assert "Partnerships must not be reduced" in full and "Participation balance" in full
    assert run(*args, "--full", "--highlights").returncode == 2


def test_letter_paper_and_the_agenda_handout(demo_path: Path) -> None:
    result = run("export", str(demo_path), "-f", "pdf", "--agenda", "--paper", "letter")
    assert result.returncode == 0, result.stderr
    reader = PdfReader(demo_path.with_name("demo-agenda.pdf"))
    assert round(float(reader.pages[0].mediabox.width)) == 612
    text = " ".join((reader.pages[0].extract_text() or "").split())
    assert "What can be considered a real partnership?" in text
    assert "Points agreed" not in text


def test_user_template(demo_path: Path, tmp_path: Path) -> None:
    template = tmp_path / "short.md.j2"
    template.write_text("{{ minutes.title }} — {{ minutes.agreed|length }} points", "utf-8")
    result = run("export", str(demo_path), "-f", "md", "--template", str(template), "-o", "-")
    assert result.returncode == 0, result.stderr
    assert result.stdout.decode().strip() == "European Conversation — 4 points"
    broken = tmp_path / "broken.html"
    broken.write_text("{% if %}", "utf-8")
    bad = run("export", str(demo_path), "-f", "html", "--template", str(broken), "-o", "-")
    assert bad.returncode == 1
    assert "has an error on line 1" in error_line(bad)


@pytest.mark.parametrize(
    "args",
    [
        ("-f", "json", "-a", "anonymous"),
        ("-f", "csv", "--agenda"),
        ("-f", "pdf", "--template", "x.j2"),
        ("-f", "md", "--reference-docx", "x.docx"),
    ],
)
def test_options_that_do_not_apply_are_usage_errors(demo_path: Path, args: tuple[str, ...]) -> None:
    result = run("export", str(demo_path), *args)
    assert result.returncode == 2
    error_line(result)


def test_never_overwrites_the_workshop_itself(demo_path: Path) -> None:
    before = demo_path.read_bytes()
    result = run("export", str(demo_path), "-f", "md", "-o", str(demo_path), "--force")
    assert result.returncode == 1
    assert "is the workshop itself" in error_line(result)
    assert demo_path.read_bytes() == before


def test_a_finding_outside_the_guiding_questions_says_so(demo_path: Path) -> None:
    """The place read "item 1, other, contribution at …": other what? It names what it is."""
    with Document.open(demo_path) as doc:  # one delegate came from Cabo Verde
        doc.contributions.update("c02", text="As Cabo Verde said, we start today.")
    result = run("export", str(demo_path), "-f", "md", "-a", "anonymous", "-o", "-")
    assert result.returncode == 1
    line = error_line(result)
    assert "'Cabo Verde' in item 1, no guiding question, contribution at " in line
    assert ", other," not in line
