"""Recovering what can still be read from a damaged workshop into a new file.

The damaged file is never touched: it is copied (with its -wal) into a temporary folder and
read from there, row by row where whole-table reads fail.
"""

from __future__ import annotations

import contextlib
import shutil
import sqlite3
import tempfile
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from sqlite_utils import Database

from workshop_app.store import connection, search
from workshop_app.store.errors import DamagedDocument
from workshop_app.words import plural

# Parents before children, so that what survives can keep its links.
TABLES = (
    "workshop",
    "stakeholder_groups",
    "public_names",
    "participants",
    "days",
    "agenda_items",
    "breakout_groups",
    "group_members",
    "guiding_questions",
    "speeches",
    "contributions",
    "consensus_points",
    "consensus_support",
    "actions",
    "run_state",
    "drafts",
)
GIVE_UP_AFTER = 2000  # consecutive unreadable row ids before a table is left as read


@dataclass
class RecoveryReport:
    recovered: dict[str, int] = field(default_factory=dict)
    #: Rows read but refused (garbled) or dropped because what they belonged to was lost.
    lost: dict[str, int] = field(default_factory=dict)
    #: Tables that could not be read to the end: some of their rows are gone, uncounted.
    damaged: list[str] = field(default_factory=list)

    def summary(self) -> str:
        kept = sum(self.recovered.values())
        parts = [f"{plural(kept, 'record', 'records')} recovered"]
        gone = {t: n for t, n in self.lost.items() if n}
        if gone:
            detail = ", ".join(f"{n} {t.replace('_', ' ')}" for t, n in gone.items())
            parts.append(f"dropped as unusable: {detail}")
        if self.damaged:
            names = ", ".join(t.replace("_", " ") for t in self.damaged)
            parts.append(f"some {names} could not be read at all")
        return "; ".join(parts) + "."


def _rows(conn: sqlite3.Connection, table: str, report: RecoveryReport) -> Iterator[dict[str, Any]]:
    """Every readable row of ``table``: all at once if possible, else one row id at a time."""
    conn.row_factory = sqlite3.Row
    last = 0
    try:
        for row in conn.execute(f"SELECT rowid AS _rowid_, * FROM {table} ORDER BY rowid"):  # noqa: S608
            last = row["_rowid_"]
            yield dict(row)
        return
    except sqlite3.DatabaseError:
        report.damaged.append(table)
    misses, rowid = 0, last + 1
    while misses < GIVE_UP_AFTER:
        try:
            row = conn.execute(
                f"SELECT rowid AS _rowid_, * FROM {table} WHERE rowid = ?",  # noqa: S608
                [rowid],
            ).fetchone()
        except sqlite3.DatabaseError:
            row = None
        if row is None:
            misses += 1
        else:
            misses = 0
            yield dict(row)
        rowid += 1


def _columns(db: Database, table: str) -> list[str]:
    return [r["name"] for r in db.query(f"PRAGMA table_info({table})")]


def recover(damaged: Path, target: Path) -> RecoveryReport:
    """Copy what can be read from ``damaged`` into a new workshop file at ``target``."""
    report = RecoveryReport()
    with tempfile.TemporaryDirectory(prefix="workshop-recover-") as tmp:
        copy = Path(tmp) / "damaged.workshop"
        shutil.copyfile(damaged, copy)
        wal = Path(f"{damaged}-wal")
        if wal.exists():
            shutil.copyfile(wal, Path(f"{copy}-wal"))
        try:
            source = sqlite3.connect(copy)
            source.execute("PRAGMA trusted_schema = OFF")
            source.execute("SELECT name FROM sqlite_master").fetchall()
        except sqlite3.DatabaseError as error:
            raise DamagedDocument(damaged, f"nothing can be read: {error}") from None
        try:
            with connection.new_file(target) as db:
                db.execute("PRAGMA foreign_keys = OFF")
                db.execute("DELETE FROM run_state")
                with db.atomic():
                    for table in TABLES:
                        _copy_table(source, db, table, report)
                    _drop_dangling(db, report)
                    if not db.execute("SELECT count(*) FROM workshop").fetchone()[0]:
                        db.table("workshop").insert(
                            {"singleton": 1, "title": f"Recovered from {damaged.name}"}
                        )
                    if not db.execute("SELECT count(*) FROM run_state").fetchone()[0]:
                        db.table("run_state").insert({"singleton": 1})
                    search.rebuild(db)
                db.execute("PRAGMA foreign_keys = ON")
        finally:
            with contextlib.suppress(sqlite3.Error):
                source.close()
    return report


def _copy_table(
    source: sqlite3.Connection, db: Database, table: str, report: RecoveryReport
) -> None:
    columns = _columns(db, table)
    kind = _kind_of(source, table)
    if kind not in ("table", None):
        # A view under a table's name: what it shows is not the file's data.
        report.recovered[table] = report.lost[table] = 0
        report.damaged.append(table)
        return
    marks = ", ".join("?" * len(columns))
    sql = f"INSERT OR IGNORE INTO {table} ({', '.join(columns)}) VALUES ({marks})"  # noqa: S608
    kept = lost = 0
    try:
        rows = list(_rows(source, table, report))
    except sqlite3.DatabaseError:
        rows = []  # the table itself is gone (or the file predates it)
    for row in rows:
        try:
            cursor = db.execute(sql, [row.get(c) for c in columns])
        except sqlite3.DatabaseError:  # a value the schema refuses: garbled beyond use
            lost += 1
            continue
        if cursor.rowcount:
            kept += 1
        else:
            lost += 1
    report.recovered[table] = kept
    report.lost[table] = lost


def _kind_of(source: sqlite3.Connection, name: str) -> str | None:
    """'table', 'view', ... for ``name`` in the file's catalogue; None when it is not there
    (an older file) or the catalogue cannot be read (then the rows are tried anyway)."""
    try:
        row = source.execute("SELECT type FROM sqlite_master WHERE name = ?", [name]).fetchone()
    except sqlite3.DatabaseError:
        return None
    return None if row is None else str(row[0])


def _drop_dangling(db: Database, report: RecoveryReport) -> None:
    """Mend references to rows that were lost: an optional link is cleared (a contribution
    keeps its text without its lost question), a required one takes the row with it."""
    while True:
        problems = db.execute("PRAGMA foreign_key_check").fetchall()
        if not problems:
            return
        for table, rowid, _parent, fk_id in problems:
            link = next(
                r for r in db.query(f"PRAGMA foreign_key_list({table})") if r["id"] == fk_id
            )
            column = link["from"]
            required = any(
                r["name"] == column and r["notnull"]
                for r in db.query(f"PRAGMA table_info({table})")
            )
            if required:
                db.execute(f"DELETE FROM {table} WHERE rowid = ?", [rowid])  # noqa: S608
                report.recovered[table] = report.recovered.get(table, 0) - 1
                report.lost[table] = report.lost.get(table, 0) + 1
            else:
                db.execute(f"UPDATE {table} SET {column} = NULL WHERE rowid = ?", [rowid])  # noqa: S608
