"""The command line contract of ../shared/spec/README.md: exit codes, one-line errors."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.conftest import read_back
from workshop_app import __version__
from workshop_app.cli import main


def run(*args: str) -> subprocess.CompletedProcess[str]:
    """Run the real command in a fresh process, as a script would."""
    return subprocess.run(
        [sys.executable, "-m", "workshop_app", *args],
        capture_output=True,
        text=True,
        timeout=120,
    )


def one_line_error(result: subprocess.CompletedProcess[str]) -> str:
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert "Traceback" not in result.stderr
    return lines[0]


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"workshop-app {__version__}"


def test_demo_writes_the_seed_event(tmp_path: Path) -> None:
    out = tmp_path / "demo.workshop"
    assert main(["demo", str(out)]) == 0
    assert read_back(out, "SELECT title, date FROM workshop") == [
        ("European Conversation", "2017-09-21")
    ]
    questions = [r[0] for r in read_back(out, "SELECT text FROM guiding_questions")]
    assert "What can be considered a real partnership?" in questions
    assert "What role does capacity development play within a partnership?" in questions
    assert "What does the future hold for capacity development and for partnerships?" in questions


def test_demo_refuses_to_overwrite_without_force(tmp_path: Path) -> None:
    out = tmp_path / "demo.workshop"
    out.write_bytes(b"precious")
    result = run("demo", str(out))
    assert result.returncode == 1
    assert "already exists" in one_line_error(result)
    assert out.read_bytes() == b"precious"
    assert run("demo", str(out), "--force").returncode == 0
    assert read_back(out, "SELECT count(*) FROM workshop") == [(1,)]


def test_round_trip_demo_export_import_export_is_identical(tmp_path: Path) -> None:
    demo = tmp_path / "demo.workshop"
    assert run("demo", str(demo)).returncode == 0
    first = run("export", str(demo), "--format", "json", "-o", "-")
    assert first.returncode == 0, first.stderr
    (tmp_path / "first.json").write_text(first.stdout, encoding="utf-8")
    again = tmp_path / "again.workshop"
    assert run("import-json", str(tmp_path / "first.json"), str(again)).returncode == 0
    second = run("export", str(again), "--format", "json", "-o", "-")
    assert second.returncode == 0
    assert first.stdout == second.stdout
    assert json.loads(first.stdout)["format"] == "workshop-app"


def test_export_without_output_writes_beside_the_file(tmp_path: Path) -> None:
    demo = tmp_path / "demo.workshop"
    main(["demo", str(demo)])
    assert main(["export", str(demo), "--format", "json"]) == 0
    data = json.loads((tmp_path / "demo.json").read_text(encoding="utf-8"))
    assert data["workshop"]["title"] == "European Conversation"
    # A second export does not overwrite the first without --force.
    before = hashlib.sha256((tmp_path / "demo.json").read_bytes()).hexdigest()
    assert main(["export", str(demo), "--format", "json"]) == 1
    assert hashlib.sha256((tmp_path / "demo.json").read_bytes()).hexdigest() == before
    assert main(["export", str(demo), "--format", "json", "--force"]) == 0


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "pdf", "csv"])
def test_every_minutes_format_is_written_beside_the_file(tmp_path: Path, fmt: str) -> None:
    demo = tmp_path / "demo.workshop"
    main(["demo", str(demo)])
    result = run("export", str(demo), "--format", fmt)
    assert result.returncode == 0, result.stderr
    # Beside FILE, with the format's extension, named for its mode (named by default).
    assert (tmp_path / f"demo-minutes-named.{fmt}").stat().st_size > 0
    assert "Traceback" not in result.stderr


def test_unknown_format_is_a_usage_error(tmp_path: Path) -> None:
    result = run("export", str(tmp_path / "x.workshop"), "--format", "odt")
    assert result.returncode == 2


def test_import_refuses_invalid_file_naming_the_path(tmp_path: Path) -> None:
    bad = tmp_path / "bad.json"
    bad.write_text(
        json.dumps(
            {
                "format": "workshop-app",
                "version": 1,
                "workshop": {"title": "W"},
                "agenda": [
                    {"id": "a1", "title": "Item", "questions": [{"id": "q1", "text": "Q?"}]}
                ],
                "contributions": [{"id": "c1", "agenda_item": "a9", "text": "Hello"}],
            }
        ),
        encoding="utf-8",
    )
    out = tmp_path / "out.workshop"
    result = run("import-json", str(bad), str(out))
    assert result.returncode == 1
    assert "contributions[0].agenda_item" in one_line_error(result)
    assert not out.exists()


def test_import_refuses_to_overwrite_without_force(tmp_path: Path, demo_path: Path) -> None:
    source = tmp_path / "demo.json"
    assert main(["export", str(demo_path), "--format", "json", "-o", str(source)]) == 0
    before = hashlib.sha256(demo_path.read_bytes()).hexdigest()
    result = run("import-json", str(source), str(demo_path))
    assert result.returncode == 1
    assert "already exists" in one_line_error(result)
    assert hashlib.sha256(demo_path.read_bytes()).hexdigest() == before


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        (b"not a database at all", "not an SQLite database"),
        (None, "There is no file"),
    ],
)
def test_export_of_unusable_file_is_one_clear_line(
    tmp_path: Path, content: bytes | None, expected: str
) -> None:
    path = tmp_path / "x.workshop"
    if content is not None:
        path.write_bytes(content)
    result = run("export", str(path), "--format", "json", "-o", "-")
    assert result.returncode == 1
    assert expected in one_line_error(result)
    assert result.stdout == ""


def test_check_reports_sound_demo(demo_path: Path) -> None:
    result = run("check", str(demo_path))
    assert result.returncode == 0, result.stdout
    assert "no problems found" in result.stdout


def test_check_names_domain_rule_violations(demo_path: Path) -> None:
    import sqlite3

    conn = sqlite3.connect(demo_path)
    # q4 belongs to item a4; a contribution on a2 about q4 breaks the rule.
    conn.execute("UPDATE contributions SET question_id = 'q4' WHERE id = 'c03'")
    conn.commit()
    conn.close()
    result = run("check", str(demo_path))
    assert result.returncode == 1
    assert "contribution c03 is about question q4" in result.stdout


def test_check_reports_damage(demo_path: Path) -> None:
    data = demo_path.read_bytes()
    demo_path.write_bytes(data[: len(data) // 2])
    result = run("check", str(demo_path))
    assert result.returncode == 1
    assert "damaged" in result.stdout
    assert "Traceback" not in result.stdout + result.stderr


def test_check_works_while_the_file_is_open_in_the_app(demo_path: Path) -> None:
    from workshop_app.store import Document

    with Document.open(demo_path):
        result = run("check", str(demo_path))
    assert result.returncode == 0, result.stdout + result.stderr


def test_bug_is_logged_not_shown(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import workshop_app.cli as cli

    def explode(_args: object) -> int:
        raise RuntimeError("boom")

    monkeypatch.setattr(cli, "_cmd_check", explode)
    assert main(["check", str(tmp_path / "x.workshop")]) == 1
    err = capsys.readouterr().err
    assert "Traceback" not in err
    assert "unexpected error" in err
    log = Path(err.strip().rsplit("details in ", 1)[1])
    assert "RuntimeError: boom" in log.read_text(encoding="utf-8")


def test_import_participants_reports_added_and_skipped(demo_path: Path, tmp_path: Path) -> None:
    people = tmp_path / "registrations.csv"
    people.write_text(
        "Salutation;First name;Surname;Organisation;E-mail;Sector\n"
        "Ms.;Noor;Haddad;Civil society forum;noor@example.org;Civil society\n"
        "Mr.;Amadou;Furtado;Ministry of Internal Administration, Cabo Verde;"
        "a.furtado@example.org;Partner countries\n"
        "Dr.;Wen;Li;Research network;wen@example.org;Academia\n",
        encoding="cp1252",
    )
    result = run("import-participants", str(demo_path), str(people))
    assert result.returncode == 0, result.stderr
    assert "Added 2 participants; skipped 1 already on the roster." in result.stdout
    assert read_back(demo_path, "SELECT count(*) FROM participants") == [(17,)]
    assert read_back(
        demo_path, "SELECT stakeholder_group, present FROM participants WHERE name = 'Wen Li'"
    ) == [("Academia", 0)]
    assert ("Academia",) in read_back(demo_path, "SELECT name FROM stakeholder_groups")


def test_import_participants_bad_row_changes_nothing(demo_path: Path, tmp_path: Path) -> None:
    people = tmp_path / "registrations.csv"
    people.write_text("Name,Email\nA. Person,a@example.org\n,nobody@example.org\n")
    before = read_back(demo_path, "SELECT * FROM participants ORDER BY seq")
    result = run("import-participants", str(demo_path), str(people))
    assert result.returncode == 1
    assert "row 3" in one_line_error(result)
    assert read_back(demo_path, "SELECT * FROM participants ORDER BY seq") == before


def test_import_participants_names_ambiguous_headers(demo_path: Path, tmp_path: Path) -> None:
    people = tmp_path / "registrations.csv"
    people.write_text("Name,Company,Organisation\nA. Person,X,Y\n")
    result = run("import-participants", str(demo_path), str(people))
    assert result.returncode == 1
    line = one_line_error(result)
    assert "Company" in line and "Organisation" in line


def test_check_finds_a_search_index_out_of_step(demo_path: Path) -> None:
    import sqlite3

    conn = sqlite3.connect(demo_path)
    # A write that bypassed the store: the text changed, the index did not.
    conn.execute("UPDATE contributions SET text = 'Rewritten elsewhere' WHERE id = 'c09'")
    conn.commit()
    conn.close()
    before = demo_path.read_bytes()
    result = run("check", str(demo_path))
    assert result.returncode == 1
    assert "search index does not match" in result.stdout
    assert demo_path.read_bytes() == before
