"""Format versions: 4 (the minutes' settings) is written by default, 3 (days), 2 (a
participant's job title) and 1 on request, refused when the workshop holds what they cannot;
version 1 files always import."""

from __future__ import annotations

import dataclasses
import json
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from tests.interchange.helpers import fixture_document, refusal
from workshop_app.cli import JSON_VERSIONS
from workshop_app.demo import demo_record
from workshop_app.interchange import ExportRefused, dumps, loads, record_to_dict
from workshop_app.interchange.layout import VERSION, VERSIONS
from workshop_app.store import Document

JOB_TITLES = {"p1": "Chef de bureau, Direction des migrations", "p3": "Head of Unit"}


def with_job_titles(version: int = 2) -> dict[str, Any]:
    """The rich fixture as a version-2 file in which two participants have a job title."""
    document = fixture_document("rich.json")
    document["version"] = version
    for participant in document["participants"]:
        if participant["id"] in JOB_TITLES:
            participant["job_title"] = JOB_TITLES[participant["id"]]
    return document


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "workshop_app", *args], capture_output=True, text=True, timeout=120
    )


def test_the_command_line_offers_the_versions_import_reads() -> None:
    assert JSON_VERSIONS == VERSIONS and VERSION == 4


def test_the_newest_version_keeps_job_titles_through_a_workshop_file(tmp_path: Path) -> None:
    path = tmp_path / "titled.workshop"
    Document.create_from_record(path, loads(json.dumps(with_job_titles()))).close()
    with Document.open(path, readonly=True) as doc:
        people = {p.id: p.job_title for p in doc.participants.list()}
        exported = json.loads(dumps(doc.record()))
    assert {k: v for k, v in people.items() if v} == JOB_TITLES
    assert exported["version"] == VERSION
    titled = {p["id"]: p["job_title"] for p in exported["participants"] if "job_title" in p}
    assert titled == JOB_TITLES
    # The job title sits after the honorific, in the schema's order.
    first = list(exported["participants"][0])
    assert first.index("job_title") == first.index("name") + 1 + ("title" in first)


def test_version_2_round_trip_on_the_command_line(tmp_path: Path) -> None:
    source = tmp_path / "in.json"
    source.write_text(json.dumps(with_job_titles()), encoding="utf-8")
    workshop = tmp_path / "w.workshop"
    assert cli("import-json", str(source), str(workshop)).returncode == 0
    first = cli("export", str(workshop), "--format", "json", "-o", "-")
    assert first.returncode == 0, first.stderr
    again = tmp_path / "again.workshop"
    (tmp_path / "first.json").write_text(first.stdout, encoding="utf-8")
    assert cli("import-json", str(tmp_path / "first.json"), str(again)).returncode == 0
    second = cli("export", str(again), "--format", "json", "-o", "-")
    assert second.stdout == first.stdout
    assert json.loads(first.stdout)["participants"][0]["job_title"] == JOB_TITLES["p1"]
    older = cli("export", str(again), "--format", "json", "--json-version", "2", "-o", "-")
    assert older.returncode == 0, older.stderr
    as_2 = json.loads(older.stdout)
    assert as_2["version"] == 2 and "days" not in as_2
    assert as_2["participants"][0]["job_title"] == JOB_TITLES["p1"]


def test_version_1_on_request_round_trips_on_the_command_line(
    tmp_path: Path, demo_path: Path
) -> None:
    # The demo lists public names (issue 18), which version 1 cannot hold: it is refused as
    # such, and round-trips once they are cleared.
    refused = cli("export", str(demo_path), "--format", "json", "--json-version", "1", "-o", "-")
    assert refused.returncode == 1
    assert "Format version 1 cannot hold the workshop's public names." in refused.stderr
    demo = demo_record()
    workshop = dataclasses.replace(demo.workshop, public_names=(), public_names_confirmed=False)
    demo_path = tmp_path / "without-public-names.workshop"
    Document.create_from_record(demo_path, dataclasses.replace(demo, workshop=workshop)).close()
    first = cli("export", str(demo_path), "--format", "json", "--json-version", "1", "-o", "-")
    assert first.returncode == 0, first.stderr
    assert json.loads(first.stdout)["version"] == 1
    (tmp_path / "v1.json").write_text(first.stdout, encoding="utf-8")
    again = tmp_path / "again.workshop"
    assert cli("import-json", str(tmp_path / "v1.json"), str(again)).returncode == 0
    second = cli("export", str(again), "--format", "json", "--json-version", "1", "-o", "-")
    assert second.stdout == first.stdout
    as_2 = cli("export", str(again), "--format", "json", "--json-version", "2", "-o", "-")
    assert json.loads(as_2.stdout) == {**json.loads(first.stdout), "version": 2}
    newest = json.loads(cli("export", str(again), "--format", "json", "-o", "-").stdout)
    assert newest["days"] == [{"id": "day-1", "date": "2017-09-21", "start_time": "09:30"}]
    assert {item["day"] for item in newest["agenda"]} == {"day-1"}


def test_version_1_is_refused_when_someone_has_a_job_title(tmp_path: Path) -> None:
    record = loads(json.dumps(with_job_titles()))
    with pytest.raises(ExportRefused) as caught:
        record_to_dict(record, 1)
    assert "Format version 1 cannot hold a participant's job title" in caught.value.message
    workshop = tmp_path / "titled.workshop"
    Document.create_from_record(workshop, record).close()
    out = tmp_path / "v1.json"
    result = cli("export", str(workshop), "--format", "json", "--json-version", "1", "-o", str(out))
    assert result.returncode == 1
    (line,) = result.stderr.strip().splitlines()
    assert line.startswith("workshop-app: Format version 1 cannot hold a participant's job title")
    assert "2 participants have one" in line and "Export version 4" in line
    assert not out.exists()


@pytest.mark.parametrize("name", ["minimal.json", "rich.json"])
def test_version_1_files_always_import(name: str) -> None:
    document = fixture_document(name)
    assert document["version"] == 1
    record = loads(json.dumps(document))
    assert record_to_dict(record, 1)["version"] == 1


def test_a_version_1_file_cannot_carry_a_job_title() -> None:
    error = refusal(with_job_titles(version=1))
    assert error.json_path == "participants[0]"
    assert "unknown field 'job_title'" in error.detail


def test_json_version_applies_to_json_only(demo_path: Path) -> None:
    result = cli("export", str(demo_path), "--format", "md", "--json-version", "1", "-o", "-")
    assert result.returncode == 2
    assert "--json-version applies to --format json only" in result.stderr
    assert cli("export", str(demo_path), "-f", "json", "--json-version", "5").returncode == 2


def test_version_3_still_holds_days_and_groups() -> None:
    """Version 4 added only the minutes' settings: a three-day workshop with breakout groups
    exports as version 3 with its days and groups, as before."""
    from workshop_app.demo import three_days_record

    as_3 = record_to_dict(three_days_record(), 3)
    assert as_3["version"] == 3
    assert [day["id"] for day in as_3["days"]] == ["d1", "d2", "d3"]
    assert as_3["groups"] and {item["day"] for item in as_3["agenda"]} == {"d1", "d2", "d3"}
