"""The application icon's files: every size there and the .ico/.icns containers well formed."""

from __future__ import annotations

import configparser
import struct
import xml.etree.ElementTree as ET
from pathlib import Path

from workshop_app.store.schema import APPLICATION_ID

ROOT = Path(__file__).resolve().parents[2]
ICONS = ROOT / "resources" / "icons"
LINUX = ROOT / "packaging" / "linux"
PNG_SIZES = (16, 24, 32, 48, 64, 128, 256, 512)
PNG_MAGIC = b"\x89PNG\r\n\x1a\n"


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's IHDR chunk."""
    assert data.startswith(PNG_MAGIC)
    width, height = struct.unpack(">II", data[16:24])
    return width, height


def test_every_png_size_is_there() -> None:
    assert (ICONS / "workshop-app.svg").is_file()
    for size in PNG_SIZES:
        assert png_size((ICONS / f"workshop-app-{size}.png").read_bytes()) == (size, size)


def test_ico_holds_png_images_up_to_256() -> None:
    data = (ICONS / "workshop-app.ico").read_bytes()
    reserved, kind, count = struct.unpack("<HHH", data[:6])
    assert (reserved, kind) == (0, 1)
    sizes = []
    for index in range(count):
        width, height, _colours, _reserved, _planes, bits, length, offset = struct.unpack(
            "<BBBBHHII", data[6 + 16 * index : 22 + 16 * index]
        )
        side = width or 256
        assert (width, bits) == (height, 32)
        assert png_size(data[offset : offset + length]) == (side, side)
        sizes.append(side)
    assert sizes == [16, 24, 32, 48, 64, 128, 256]


def test_icns_entries_are_pngs_of_their_declared_sizes() -> None:
    data = (ICONS / "workshop-app.icns").read_bytes()
    assert data[:4] == b"icns"
    assert struct.unpack(">I", data[4:8])[0] == len(data)
    expected = {b"icp4": 16, b"icp5": 32, b"ic11": 32, b"icp6": 64, b"ic12": 64, b"ic07": 128}
    expected |= {b"ic08": 256, b"ic13": 256, b"ic09": 512, b"ic14": 512}
    found, offset = {}, 8
    while offset < len(data):
        kind = data[offset : offset + 4]
        (length,) = struct.unpack(">I", data[offset + 4 : offset + 8])
        found[kind] = png_size(data[offset + 8 : offset + length])[0]
        offset += length
    assert found == expected


def test_desktop_entry_opens_workshop_files() -> None:
    entry = configparser.ConfigParser(interpolation=None)
    entry.optionxform = str  # type: ignore[assignment,method-assign]  # keep keys as written
    entry.read(LINUX / "workshop-app.desktop", encoding="utf-8")
    section = entry["Desktop Entry"]
    assert section["Exec"] == "workshop-app %f"
    assert section["Icon"] == "workshop-app"
    assert section["MimeType"] == "application/x-workshop;"
    assert section["StartupWMClass"] == "workshop-app"  # what configure_application sets


def test_mime_type_matches_the_glob_and_the_application_id() -> None:
    ns = {"m": "http://www.freedesktop.org/standards/shared-mime-info"}
    mime = ET.parse(LINUX / "workshop-app.xml").getroot().find("m:mime-type", ns)
    assert mime is not None and mime.get("type") == "application/x-workshop"
    globs = [g.get("pattern") for g in mime.findall("m:glob", ns)]
    assert globs == ["*.workshop"]
    inner = mime.find("m:magic/m:match/m:match", ns)
    assert inner is not None
    assert (inner.get("offset"), int(inner.get("value") or "", 16)) == ("68", APPLICATION_ID)
