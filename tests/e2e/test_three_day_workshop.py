"""A real event, end to end from the command line: a three-day technical workshop with two rounds
of breakout groups and their report-backs (resources/demo, made by tests/fixtures/workshops;
people invented), imported,
checked, and exported as minutes and handout in every format. The days, the groups and the
report-back must read right in each."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.fixtures.workshops.make_three_day import build
from tests.minutes.readback import csv_rows, text_of
from workshop_app.assets import asset
from workshop_app.domain.days import with_days
from workshop_app.interchange import load_path, loads

FIXTURE = asset("demo", "three-day-technical-workshop.json")
DAYS = ("Day 1 · 10 March 2009", "Day 2 · 11 March 2009", "Day 3 · 12 March 2009")
ROUND_1 = ("Group A: Sahel", "Group B: Coastal West Africa", "Group C: Central Africa")
ROUND_2 = ("Group D: Statistics offices", "Group E: Ministries and border agencies")


def cli(*args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "workshop_app", *args], capture_output=True, text=True, timeout=120
    )


@pytest.fixture(scope="module")
def workshop(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("three-day") / "dakar.workshop"
    result = cli("import-json", str(FIXTURE), str(path))
    assert result.returncode == 0, result.stderr
    return path


def flat(text: str) -> str:
    return " ".join(text.replace("\\", "").replace(" )", ")").split())


def test_the_fixture_is_what_its_generator_writes() -> None:
    assert json.loads(FIXTURE.read_text(encoding="utf-8")) == build()


def test_it_imports_clean_and_round_trips(workshop: Path) -> None:
    check = cli("check", str(workshop))
    assert check.returncode == 0, check.stdout + check.stderr
    exported = cli("export", str(workshop), "--format", "json", "-o", "-")
    assert exported.returncode == 0, exported.stderr
    document = json.loads(exported.stdout)
    assert [d["date"] for d in document["days"]] == ["2009-03-10", "2009-03-11", "2009-03-12"]
    assert [g["name"] for g in document["groups"]] == [*ROUND_1, *ROUND_2]
    assert loads(exported.stdout) == with_days(load_path(FIXTURE))
    older = cli("export", str(workshop), "--format", "json", "--json-version", "2", "-o", "-")
    assert older.returncode == 1
    assert "cannot hold breakout groups, and this workshop has 5 groups" in older.stderr


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "pdf"])
def test_the_minutes_read_day_by_day_with_each_group_and_the_report_back(
    workshop: Path, tmp_path: Path, fmt: str
) -> None:
    out = tmp_path / f"minutes.{fmt}"
    result = cli("export", str(workshop), "--format", fmt, "-o", str(out))
    assert result.returncode == 0, result.stderr
    text = flat(text_of(fmt, out.read_bytes()))
    assert "10–12 March 2009" in text
    # The minutes' body, after the agenda table (the DOCX reader gives its tables last) and
    # after the key outcomes at the top (which repeat the points agreed).
    body = text[text.index(DAYS[0]) :] if fmt == "docx" else text[text.rindex(DAYS[0]) :]
    positions = [body.index(day) for day in DAYS]
    assert positions == sorted(positions), "the days in order"
    for group in (*ROUND_1, *ROUND_2):
        assert group in body, (fmt, group)
    # Each group's discussion under its item, in the groups' order, before the report-back.
    order = [body.index(g) for g in ROUND_1]
    assert order == sorted(order) and order[-1] < body.index("Reports from the groups")
    assert "At the Mauritanian border posts" in body[order[0] : order[1]]
    # The report-back: the groups' reports first, then what plenary agreed on them.
    reports = body.index("Reports from the groups")
    assert reports < body.index("Countries start regular counts at their busiest border posts")
    assert "(from Group A: Sahel)" in body
    assert "(from Group E: Ministries and border agencies)" in body
    # Day 2 starts at 09:00 again: no "end of day" break carrying the clock over the night.
    assert "09:00–10:30" in text and "16:00–09:00" not in text
    log = text[text.index("Speakers' log") :]
    assert "11 March 2009" in log and "12 March 2009" in log


@pytest.mark.parametrize("fmt", ["md", "html", "docx", "pdf"])
def test_the_handout_has_each_days_times(workshop: Path, tmp_path: Path, fmt: str) -> None:
    out = tmp_path / f"handout.{fmt}"
    assert cli("export", str(workshop), "--format", fmt, "--agenda", "-o", str(out)).returncode == 0
    text = flat(text_of(fmt, out.read_bytes()))
    for day in DAYS:
        assert day in text, (fmt, day)
    assert text.index("Day 3 · 12 March 2009") < text.index("09:00–11:00")


def test_the_spreadsheet_lists_what_was_said_in_the_groups(workshop: Path, tmp_path: Path) -> None:
    out = tmp_path / "contributions.csv"
    assert cli("export", str(workshop), "--format", "csv", "-o", str(out)).returncode == 0
    texts = [" | ".join(row) for row in csv_rows(out.read_bytes())]
    assert any("At the Mauritanian border posts" in row for row in texts)
    assert any("Immigration services hold the data" in row for row in texts)
