"""Places where a live database is at risk: network file systems and synchronised folders.

SQLite's locking is unreliable over NFS and SMB, and sync clients copy files mid-write, so a
workshop in use belongs on a local disk; these checks let the app say so when it opens one.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

NETWORK_FILE_SYSTEMS = {
    "nfs": "a network drive (NFS)",
    "nfs4": "a network drive (NFS)",
    "cifs": "a network drive (SMB)",
    "smb3": "a network drive (SMB)",
    "smbfs": "a network drive (SMB)",
    "fuse.sshfs": "a network drive (SSHFS)",
    "9p": "a shared folder",
    "afs": "a network drive (AFS)",
    "davfs": "a network drive (WebDAV)",
    "fuse.rclone": "a cloud drive (rclone)",
    "fuse.gvfsd-fuse": "a network location",
}
SYNC_FOLDERS = {
    "dropbox": "Dropbox",
    "onedrive": "OneDrive",
    "google drive": "Google Drive",
    "googledrive": "Google Drive",
    "my drive": "Google Drive",
    "icloud drive": "iCloud Drive",
    "mobile documents": "iCloud Drive",
    "nextcloud": "Nextcloud",
    "owncloud": "ownCloud",
    "box": "Box",
    "box sync": "Box",
    "pcloud drive": "pCloud",
    "mega": "MEGA",
    "seafile": "Seafile",
    "synologydrive": "Synology Drive",
    "tresorit": "Tresorit",
}


def _mounts(mounts_file: Path) -> list[tuple[str, str]]:
    """(mount point, file system type) pairs from a /proc/mounts style file."""
    try:
        lines = mounts_file.read_text(encoding="utf-8", errors="replace").splitlines()
    except OSError:
        return []
    pairs = []
    for line in lines:
        parts = line.split()
        if len(parts) >= 3:
            # Spaces in mount points are written as \\040.
            pairs.append((parts[1].replace("\\040", " "), parts[2]))
    return pairs


def risky_location(path: Path, *, mounts_file: Path = Path("/proc/mounts")) -> str | None:
    """Why ``path`` is a risky place for a workshop in use, in words, or None when it is not."""
    resolved = Path(os.path.abspath(path))
    text = str(resolved)
    if sys.platform == "win32" and text.startswith("\\\\"):
        return "a network drive"
    for part in resolved.parts[:-1]:
        name = SYNC_FOLDERS.get(part.casefold().strip())
        if name is None and part.casefold().startswith(("onedrive - ", "dropbox (")):
            name = "OneDrive" if part.casefold().startswith("onedrive") else "Dropbox"
        if name is not None:
            return f"a folder synchronised by {name}"
    best = ("", "")
    for mount_point, fs_type in _mounts(mounts_file):
        inside = text == mount_point or text.startswith(mount_point.rstrip("/") + "/")
        if inside and len(mount_point) > len(best[0]):
            best = (mount_point, fs_type)
    return NETWORK_FILE_SYSTEMS.get(best[1])
