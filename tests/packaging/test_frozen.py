"""The PyInstaller build, run as a chair would: the frozen executable, not the source tree.

Slow (it builds dist/workshop-app/ when that is older than the sources: about 15 s here, then
a few seconds per command). Run by ``make test-package`` and by CI after ``make test``.
"""

from __future__ import annotations

import json
import os
import struct
import subprocess
import sys
import time
import zipfile
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest

from workshop_app import __version__
from workshop_app.cli import AVAILABLE_FORMATS
from workshop_app.store.schema import APPLICATION_ID

pytestmark = pytest.mark.slow

ROOT = Path(__file__).resolve().parents[2]
BUILD = ROOT / "packaging" / "build.py"
BUNDLE = ROOT / "dist" / "workshop-app"
EXE = BUNDLE / ("workshop-app.exe" if sys.platform == "win32" else "workshop-app")
#: A ceiling that catches a dependency or Qt module slipping in (the build is ~118 MiB).
MAX_BUNDLE_MIB = 150


@pytest.fixture(scope="module")
def frozen() -> Path:
    """The frozen executable, built first if dist/ is missing or older than the sources."""
    result = subprocess.run(
        [sys.executable, str(BUILD), "--if-needed"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=1800,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert EXE.is_file()
    return EXE


def run(exe: Path, *args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """Run the frozen executable headless, as a script would."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    return subprocess.run(
        [str(exe), *args], cwd=cwd, env=env, capture_output=True, text=True, timeout=300
    )


@pytest.fixture
def demo(frozen: Path, tmp_path: Path) -> Path:
    """The demo workshop, written by the frozen executable."""
    result = run(frozen, "demo", "demo.workshop", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    return tmp_path / "demo.workshop"


def test_version(frozen: Path, tmp_path: Path) -> None:
    result = run(frozen, "--version", cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"workshop-app {__version__}"


def test_demo_is_a_workshop_file(frozen: Path, demo: Path) -> None:
    header = demo.read_bytes()[:100]
    assert header.startswith(b"SQLite format 3\x00")
    assert struct.unpack(">I", header[68:72])[0] == APPLICATION_ID  # what the MIME magic reads
    result = run(frozen, "check", demo.name, cwd=demo.parent)
    assert result.returncode == 0, result.stdout + result.stderr


def test_json_export_matches_the_source_tree_and_imports_back(frozen: Path, demo: Path) -> None:
    export = ("export", demo.name, "--format", "json", "-o", "frozen.json")
    result = run(frozen, *export, cwd=demo.parent)
    assert result.returncode == 0, result.stderr
    frozen_json = json.loads((demo.parent / "frozen.json").read_text(encoding="utf-8"))
    source = subprocess.run(
        [sys.executable, "-m", "workshop_app", "export", str(demo), "--format", "json", "-o", "-"],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert source.returncode == 0, source.stderr
    assert frozen_json == json.loads(source.stdout)
    assert frozen_json["workshop"]["title"] == "European Conversation"
    # import validates against the bundled schema (jsonschema and its metaschema data files)
    back = run(frozen, "import-json", "frozen.json", "back.workshop", cwd=demo.parent)
    assert back.returncode == 0, back.stderr


def _check_docx(path: Path) -> None:
    with zipfile.ZipFile(path) as docx:
        assert "word/document.xml" in docx.namelist()
        assert b"European Conversation" in docx.read("word/document.xml")


def _check_pdf(path: Path) -> None:
    data = path.read_bytes()
    assert data.startswith(b"%PDF-")
    assert b"%%EOF" in data[-1024:]


def _check_text(path: Path) -> None:
    """Markdown, HTML (both from the bundled Jinja2 templates) and CSV name the workshop."""
    text = path.read_text(encoding="utf-8-sig")
    assert "European Conversation" in text or "Opening and welcome" in text


@pytest.mark.parametrize(
    ("fmt", "check"),
    [
        ("docx", _check_docx),
        ("pdf", _check_pdf),
        ("md", _check_text),
        ("html", _check_text),
        ("csv", _check_text),
    ],
)
def test_minutes_export(frozen: Path, demo: Path, fmt: str, check: Callable[[Path], None]) -> None:
    assert fmt in AVAILABLE_FORMATS  # every minutes format ships in the build
    out = demo.parent / f"minutes.{fmt}"
    result = run(frozen, "export", demo.name, "--format", fmt, "-o", out.name, cwd=demo.parent)
    assert result.returncode == 0, result.stderr
    check(out)


@pytest.fixture
def gui(frozen: Path, demo: Path) -> Iterator[subprocess.Popen[str]]:
    """The desktop application opened on the demo, offscreen; ended after the test."""
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen")
    process = subprocess.Popen(
        [str(frozen), demo.name],
        cwd=demo.parent,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
    )
    yield process
    if process.poll() is None:
        process.terminate()
    process.communicate(timeout=30)


def test_desktop_app_starts_and_keeps_running(gui: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 8  # a missing module or Qt plugin ends it within a second
    while time.monotonic() < deadline and gui.poll() is None:
        time.sleep(0.2)
    if gui.poll() is not None:
        out, err = gui.communicate()
        pytest.fail(f"the frozen app exited with {gui.returncode}:\n{out}\n{err}")
    errors_log = Path(os.environ["WORKSHOP_APP_LOG_DIR"]) / "errors.log"
    assert not errors_log.exists(), errors_log.read_text(encoding="utf-8")


def test_bundle_holds_what_runs_and_nothing_else(frozen: Path) -> None:
    from PyInstaller.archive.readers import CArchiveReader

    modules = set(CArchiveReader(str(frozen)).open_embedded_archive("PYZ.pyz").toc)
    for needed in ("workshop_app.app", "workshop_app.ui.main_window", "qasync", "jinja2", "docx"):
        assert needed in modules
    for left_out in ("pytest", "hypothesis", "mypy", "pypdf", "tkinter", "PyInstaller", "ssl"):
        assert not any(m == left_out or m.startswith(f"{left_out}.") for m in modules), left_out

    files = [p.relative_to(BUNDLE).as_posix() for p in BUNDLE.rglob("*") if p.is_file()]
    resources = "_internal/resources/"
    for resource in (
        "workshop.schema.json",
        "workshop.schema.v2.json",
        "demo/",
        "icons/workshop-app.svg",
    ):
        assert any(f.startswith(resources + resource) for f in files), resource
    for qt_unused in ("Qt6Qml", "Qt6Quick", "Qt6Network", "Qt6Pdf", "QtNetwork.", "libqgtk3"):
        assert not any(qt_unused in f for f in files), qt_unused
    size = sum(p.stat().st_size for p in BUNDLE.rglob("*") if p.is_file() and not p.is_symlink())
    assert size < MAX_BUNDLE_MIB * 2**20, f"{size / 2**20:.0f} MiB"
