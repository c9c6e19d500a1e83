"""Builders of hostile registration files, as someone crafting one to mail around would.

A workbook is written part by part with zipfile, so that a part can be as large, or as tightly
packed, as a probe needs without the test holding it in memory: large parts are streamed into
the archive from a repeated chunk.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
import zipfile
from collections.abc import Iterable
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
MIB = 1024 * 1024

_MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
_REL = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
_PKG = "http://schemas.openxmlformats.org/package/2006/relationships"
_CT = "application/vnd.openxmlformats-officedocument.spreadsheetml"

CONTENT_TYPES = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">'
    '<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.'
    'relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{_CT}.sheet.main+xml"/>'
    f'<Override PartName="/xl/worksheets/sheet1.xml" ContentType="{_CT}.worksheet+xml"/>'
    f'<Override PartName="/xl/sharedStrings.xml" ContentType="{_CT}.sharedStrings+xml"/>'
    "</Types>"
)
PACKAGE_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG}">'
    '<Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/'
    'relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>'
)
WORKBOOK = (
    f'<?xml version="1.0" encoding="UTF-8"?><workbook xmlns="{_MAIN}" xmlns:r="{_REL}">'
    '<sheets><sheet name="People" sheetId="1" r:id="rId1"/></sheets></workbook>'
)
WORKBOOK_RELS = (
    f'<?xml version="1.0" encoding="UTF-8"?><Relationships xmlns="{_PKG}">'
    f'<Relationship Id="rId1" Type="{_REL}/worksheet" Target="worksheets/sheet1.xml"/>'
    f'<Relationship Id="rId2" Type="{_REL}/sharedStrings" Target="sharedStrings.xml"/>'
    "</Relationships>"
)

#: A part's content: text, or (before, chunk, times, after) streamed as before + chunk * times
#: + after, so that a part of hundreds of megabytes never sits in the test's memory.
Part = str | tuple[str, str, int, str]


def inline(reference: str, text: str) -> str:
    """A cell holding ``text`` as an inline string."""
    return f'<c r="{reference}" t="inlineStr"><is><t>{text}</t></is></c>'


def sheet(rows: str, dimension: str = "A1:B2") -> str:
    return (
        f'<?xml version="1.0" encoding="UTF-8"?><worksheet xmlns="{_MAIN}">'
        f'<dimension ref="{dimension}"/><sheetData>{rows}</sheetData></worksheet>'
    )


def shared_strings(*texts: str) -> str:
    items = "".join(f"<si><t>{text}</t></si>" for text in texts)
    return f'<?xml version="1.0" encoding="UTF-8"?><sst xmlns="{_MAIN}">{items}</sst>'


#: The list every probe starts from: a header and one person, as a plain workbook holds them.
PLAIN_ROWS = (
    f'<row r="1">{inline("A1", "Name")}{inline("B1", "Organisation")}</row>'
    f'<row r="2">{inline("A2", "Anna Lindqvist")}{inline("B2", "Nordic Council")}</row>'
)


def write_xlsx(path: Path, **replaced: Part) -> Path:
    """A workbook of one sheet holding PLAIN_ROWS, with ``replaced`` parts (by name, dots
    as underscores: ``sheet1``, ``sharedStrings``) instead of the plain ones."""
    parts: dict[str, Part] = {
        "[Content_Types].xml": CONTENT_TYPES,
        "_rels/.rels": PACKAGE_RELS,
        "xl/workbook.xml": WORKBOOK,
        "xl/_rels/workbook.xml.rels": WORKBOOK_RELS,
        "xl/worksheets/sheet1.xml": replaced.pop("sheet1", sheet(PLAIN_ROWS)),
        "xl/sharedStrings.xml": replaced.pop("sharedStrings", shared_strings()),
    }
    assert not replaced, replaced
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, part in parts.items():
            with archive.open(name, "w", force_zip64=True) as out:
                for piece in _pieces(part):
                    out.write(piece)
    return path


def _pieces(part: Part) -> Iterable[bytes]:
    if isinstance(part, str):
        yield part.encode("utf-8")
        return
    before, chunk, times, after = part
    yield before.encode("utf-8")
    per_block = max(1, MIB // max(1, len(chunk)))
    block = (chunk * per_block).encode("utf-8")
    written = 0
    while written + per_block <= times:
        yield block
        written += per_block
    yield chunk.encode("utf-8") * (times - written)
    yield after.encode("utf-8")


def cli_in_child(
    *args: str, memory_limit: int | None = None, file_size_limit: int | None = None
) -> subprocess.CompletedProcess[str]:
    """``workshop-app ARGS`` in a process that cannot take more than ``memory_limit`` of
    address space (a file that would exhaust the machine fails there) or write files past
    ``file_size_limit`` (a full disk: SIGXFSZ ignored, so writes fail with EFBIG). The child
    sets its own limits, rather than a preexec_fn, which is unsafe beside Qt's threads."""
    code = ["import resource, signal, sys"]
    if memory_limit is not None:
        code.append(f"resource.setrlimit(resource.RLIMIT_AS, ({memory_limit}, {memory_limit}))")
    if file_size_limit is not None:
        code.append("signal.signal(signal.SIGXFSZ, signal.SIG_IGN)")
        limit = file_size_limit
        code.append(f"resource.setrlimit(resource.RLIMIT_FSIZE, ({limit}, {limit}))")
    code += ["from workshop_app.cli import main", "sys.exit(main(sys.argv[1:]))"]
    assert hasattr(resource, "RLIMIT_AS")
    return subprocess.run(
        [sys.executable, "-c", "\n".join(code), *args],
        cwd=ROOT,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
    )


def import_in_child(
    workshop: Path, people: Path, memory_limit: int = 1024 * MIB
) -> subprocess.CompletedProcess[str]:
    """``workshop-app import-participants`` in a process limited to ``memory_limit``."""
    return cli_in_child(
        "import-participants", str(workshop), str(people), memory_limit=memory_limit
    )
