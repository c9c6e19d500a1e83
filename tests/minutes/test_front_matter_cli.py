"""`workshop-app export` options for the document a secretariat sends: --status, --issued,
--numbered, --actual-times; run as a script would, the written file read back."""

from __future__ import annotations

from pathlib import Path

from pypdf import PdfReader

from tests.minutes.test_cli_export import error_line, run
from workshop_app.store import Document


def test_status_issue_date_numbering_and_actual_times_reach_the_file(demo_path: Path) -> None:
    with Document.open(demo_path) as doc:
        doc.workshop.update(document_reference="MIEUX/EC/2017/3")
    out = demo_path.with_name("minutes.md")
    options = ("--status", "draft", "--issued", "2017-10-06", "--numbered", "--actual-times")
    result = run("export", str(demo_path), "-f", "md", "-o", str(out), *options)
    assert result.returncode == 0, result.stderr
    text = out.read_text(encoding="utf-8")
    assert text.startswith("**DRAFT**\n")
    for line in (
        "- **Document reference:** MIEUX/EC/2017/3",
        "- **Status:** Draft",
        "- **Date of issue:** 6 October 2017",
        "| Planned | Item | Actual |",
        "| 09:30–10:00 | 1. Opening and welcome | 09:32–10:04 |",
    ):
        assert line in text.splitlines(), line
    assert "\n1. Since the EU launched" in text


def test_without_the_options_a_final_document_with_no_actual_column(demo_path: Path) -> None:
    out = demo_path.with_name("minutes.pdf")
    result = run("export", str(demo_path), "-f", "pdf", "-o", str(out), "--speaking-times")
    assert result.returncode == 0, result.stderr
    assert "Actual" in " ".join((p.extract_text() or "") for p in PdfReader(out).pages)
    result = run("export", str(demo_path), "-f", "pdf", "-o", str(out), "--force")
    assert result.returncode == 0, result.stderr
    text = " ".join((p.extract_text() or "") for p in PdfReader(out).pages)
    assert "DRAFT" not in text and "Actual" not in text
    assert "Final" in " ".join(text.split())


def test_a_date_of_issue_that_is_no_date_is_refused_in_words(demo_path: Path) -> None:
    result = run("export", str(demo_path), "-f", "md", "--issued", "6 October 2017")
    assert result.returncode == 2
    assert "'6 October 2017' is not a date written YYYY-MM-DD" in result.stderr.decode()
    assert "Traceback" not in result.stderr.decode()
    assert not demo_path.with_name("demo-minutes-named.md").exists()


def test_minutes_options_do_not_apply_to_the_interchange_file(demo_path: Path) -> None:
    result = run("export", str(demo_path), "-f", "json", "-o", "-", "--numbered")
    assert result.returncode == 2
    assert "do not apply to json" in error_line(result)
