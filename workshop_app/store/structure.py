"""What a workshop file of each schema version holds, and how a given file differs from it.

A workshop file is data, never code. SQLite runs whatever triggers and views a file carries,
so a file crafted with a trigger that rewrites what was said, or a view in place of a table,
would act on every edit. Before anything else reads or writes a file, its schema (tables,
columns, types, indexes, triggers, views) is compared with the one this application's
migrations build for the file's ``user_version``; anything extra, missing or changed means
it is not a file this version wrote.
"""

from __future__ import annotations

import functools
import re
import sqlite3
from dataclasses import dataclass

from sqlite_utils import Database

from workshop_app.store.schema import migrations

#: SQLite's own bookkeeping that may appear in a healthy file (ANALYZE's statistics).
_INTERNAL = re.compile(r"^sqlite_(stat\d|sequence)$")


@dataclass(frozen=True, order=True)
class SchemaObject:
    """One row of ``sqlite_schema``, its SQL with whitespace made uniform."""

    type: str
    name: str
    table: str
    sql: str | None


def _normal_sql(sql: str | None) -> str | None:
    return None if sql is None else " ".join(sql.split())


def read_schema(conn: sqlite3.Connection) -> dict[str, SchemaObject]:
    """The objects of the database ``conn`` is open on, by name."""
    rows = conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_schema").fetchall()
    return {
        name: SchemaObject(kind, name, table, _normal_sql(sql))
        for kind, name, table, sql in rows
        if not _INTERNAL.match(name)
    }


def blank(version: int) -> sqlite3.Connection:
    """An in-memory database holding the schema of ``version`` and no rows of its own."""
    conn = sqlite3.connect(":memory:")
    if version > 0:
        steps = [m.name for m in migrations._migrations]
        stop = steps[version] if version < len(steps) else None
        migrations.apply(Database(conn, execute_plugins=False), stop_before=stop)
    return conn


@functools.cache
def expected_schema(version: int) -> dict[str, SchemaObject]:
    """The objects a file of schema ``version`` holds when this application wrote it."""
    conn = blank(version)
    try:
        return read_schema(conn)
    finally:
        conn.close()


def _kind(obj: SchemaObject) -> str:
    return "a search-index table" if obj.table == "contributions_fts" else f"a {obj.type}"


def schema_differences(conn: sqlite3.Connection, version: int) -> list[str]:
    """Every way the file's schema differs from ``version``'s, in words (empty when it is ours)."""
    expected = expected_schema(version)
    actual = read_schema(conn)
    found: list[str] = []
    for name in sorted(actual.keys() - expected.keys()):
        obj = actual[name]
        found.append(f"{_kind(obj)} '{name}' that Workshop App never makes")
    for name in sorted(expected.keys() - actual.keys()):
        found.append(f"{_kind(expected[name])} '{name}' is missing")
    for name in sorted(actual.keys() & expected.keys()):
        mine, theirs = expected[name], actual[name]
        if mine.type != theirs.type:
            found.append(f"'{name}' is {_kind(theirs)} where Workshop App makes {_kind(mine)}")
        elif mine != theirs:
            found.append(f"{_kind(theirs)} '{name}' has been altered")
    return found


def _data_tables(version: int) -> list[str]:
    """The tables that hold the workshop's rows, in the order migrations made them."""
    schema = expected_schema(version)
    virtual = [o.name for o in schema.values() if (o.sql or "").startswith("CREATE VIRTUAL")]
    return [
        o.name
        for o in schema.values()
        if o.type == "table"
        and o.name not in virtual
        and not any(o.name.startswith(f"{v}_") for v in virtual)
        and o.name != migrations.migrations_table
    ]


def constraint_violations(conn: sqlite3.Connection, version: int, limit: int = 100) -> list[str]:
    """Rows whose values the schema's own rules refuse (CHECK, NOT NULL, types, UNIQUE).

    SQLite's integrity check does not look at CHECK constraints, and a file can be written
    with them turned off (``PRAGMA ignore_check_constraints``). Every row is offered to a
    blank database of the same version, which enforces them; what it refuses is listed.
    Call only on a file whose schema matched (:func:`schema_differences`).
    """
    found: list[str] = []
    blank_db = blank(version)
    try:
        for table in _data_tables(version):
            blank_db.execute(f'DELETE FROM "{table}"')  # noqa: S608 (our own table names)
            columns = [r[1] for r in blank_db.execute(f'PRAGMA table_info("{table}")')]
            names = ", ".join(f'"{c}"' for c in columns)
            marks = ", ".join("?" * len(columns))
            insert = f'INSERT INTO "{table}" ({names}) VALUES ({marks})'  # noqa: S608
            rows = conn.execute(f'SELECT rowid, {names} FROM "{table}"')  # noqa: S608
            for rowid, *values in rows:
                try:
                    blank_db.execute(insert, values)
                except sqlite3.IntegrityError as error:
                    detail = " ".join(str(error).split())
                    found.append(f"{table.replace('_', ' ')}, row {rowid}: {detail}")
                    if len(found) >= limit:
                        return found
    finally:
        blank_db.close()
    return found
