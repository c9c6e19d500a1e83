"""A small workshop with one participant to hide, written to a file, and the CLI run on it."""

from __future__ import annotations

import dataclasses
import subprocess
import sys
from pathlib import Path

import pytest

from workshop_app.cli import main
from workshop_app.demo import demo_record
from workshop_app.domain.model import Contribution, Participant, Workshop, WorkshopRecord
from workshop_app.store import Document

MARIA = Participant(
    id="s1",
    name="María López",
    title="Dr.",
    organisation="Instituto Nacional de Estadística",
    stakeholder_group="Civil society",
    email="maria.lopez@example.org",
)
ANA = Participant(id="s2", name="Ana", stakeholder_group="Civil society")
NEUTRAL = "Trust takes years to build and a day to lose."


def base_record() -> WorkshopRecord:
    """The demo workshop without its own texts that name an organisation, plus MARIA and ANA."""
    demo = demo_record()
    agenda = tuple(
        dataclasses.replace(item, summary=None, description=None) for item in demo.agenda
    )
    return dataclasses.replace(demo, agenda=agenda, participants=(*demo.participants, MARIA, ANA))


def said(record: WorkshopRecord, text: str, participant_id: str | None = None) -> WorkshopRecord:
    """The record with one more contribution to item 2 (the first session with questions)."""
    contribution = Contribution("sc1", "a2", text, "q1", participant_id)
    return dataclasses.replace(record, contributions=(*record.contributions, contribution))


def with_workshop(record: WorkshopRecord, **changes: object) -> WorkshopRecord:
    workshop: Workshop = dataclasses.replace(record.workshop, **changes)  # type: ignore[arg-type]
    return dataclasses.replace(record, workshop=workshop)


def write(record: WorkshopRecord, folder: Path) -> Path:
    path = folder / "probe.workshop"
    Document.create_from_record(path, record).close()
    return path


def export(
    capsys: pytest.CaptureFixture[str],
    path: Path,
    fmt: str,
    *options: str,
    mode: str = "anonymous",
) -> tuple[int, str, Path]:
    """``workshop-app export PATH -f FMT -a MODE OPTIONS -o OUT``: status, stderr, OUT."""
    out = path.with_name(f"out.{fmt}")
    code = main(["export", str(path), "-f", fmt, "-a", mode, *options, "-o", str(out)])
    return code, capsys.readouterr().err.strip(), out


def refused(code: int, err: str, out: Path) -> bool:
    """Exit 1, one line of plain words, nothing written."""
    lines = err.splitlines()
    return code == 1 and len(lines) == 1 and "Traceback" not in err and not out.exists()


def run_cli(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``workshop-app ARGS`` in a child process, as a script would run it."""
    return subprocess.run(
        [sys.executable, "-m", "workshop_app", *args],
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )
