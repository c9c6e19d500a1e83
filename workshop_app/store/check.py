"""Check Document: integrity, foreign keys and the domain rules, reported in words."""

from __future__ import annotations

import sqlite3
from dataclasses import dataclass
from pathlib import Path

from workshop_app.store import connection
from workshop_app.store.errors import DamagedDocument, ForeignSchema
from workshop_app.store.schema import SCHEMA_VERSION
from workshop_app.store.structure import constraint_violations

# Each rule: a query returning one row per violation, and how to say it.
_DOMAIN_RULES: tuple[tuple[str, str], ...] = (
    (
        """SELECT c.id AS a, c.question_id AS b, c.agenda_item_id AS c FROM contributions c
           JOIN guiding_questions q ON q.id = c.question_id
           WHERE q.agenda_item_id != c.agenda_item_id""",
        "contribution {a} is about question {b}, which is not a question of its item {c}",
    ),
    (
        """SELECT p.id AS a, p.question_id AS b, p.agenda_item_id AS c FROM consensus_points p
           JOIN guiding_questions q ON q.id = p.question_id
           WHERE q.agenda_item_id != p.agenda_item_id""",
        "consensus point {a} is about question {b}, which is not a question of its item {c}",
    ),
    (
        """SELECT c.id AS a, c.speech_id AS b, c.agenda_item_id AS c FROM contributions c
           JOIN speeches s ON s.id = c.speech_id
           WHERE s.agenda_item_id != c.agenda_item_id""",
        "contribution {a} belongs to speech {b}, which was not given on its item {c}",
    ),
    (
        """SELECT s1.id AS a, s2.id AS b, s1.agenda_item_id AS c FROM speeches s1
           JOIN speeches s2 ON s1.agenda_item_id = s2.agenda_item_id AND s1.seq < s2.seq
           WHERE s1.started_at IS NOT NULL AND s2.started_at IS NOT NULL
             AND s1.ended_at IS NOT NULL AND s2.ended_at IS NOT NULL
             AND julianday(s1.started_at) < julianday(s2.ended_at)
             AND julianday(s2.started_at) < julianday(s1.ended_at)""",
        "speeches {a} and {b} on item {c} overlap in time",
    ),
    (
        """SELECT agenda_item_id AS a, count(*) AS b, '' AS c FROM speeches
           WHERE status = 'speaking' GROUP BY agenda_item_id HAVING count(*) > 1""",
        "item {a} has {b} speeches marked as speaking at once",
    ),
    (
        "SELECT count(*) AS a, '' AS b, '' AS c FROM workshop HAVING count(*) != 1",
        "the document holds {a} workshop rows instead of one",
    ),
    (
        "SELECT id AS a, '' AS b, '' AS c FROM agenda_items WHERE day_id IS NULL",
        "agenda item {a} is on no day",
    ),
    (
        """SELECT id AS a, before AS b, day_id AS c FROM (
             SELECT i.id, i.day_id, d.position AS day,
                    lag(d.position) OVER (ORDER BY i.position, i.seq) AS day_before,
                    lag(i.id) OVER (ORDER BY i.position, i.seq) AS before
             FROM agenda_items i JOIN days d ON d.id = i.day_id)
           WHERE day < day_before""",
        "agenda item {a} is on day {c}, which comes before the day of the item before it ({b})",
    ),
    (
        """SELECT w.date AS a, d.date AS b, d.id AS c FROM workshop w,
             (SELECT * FROM days ORDER BY position, seq LIMIT 1) d
           WHERE w.date IS NOT d.date OR w.start_time IS NOT d.start_time""",
        "the workshop's date ({a}) and start differ from those of its first day {c} ({b})",
    ),
    *(
        (
            f"""SELECT x.id AS a, x.group_id AS b, x.agenda_item_id AS c FROM {table} x
               JOIN breakout_groups g ON g.id = x.group_id
               WHERE g.agenda_item_id != x.agenda_item_id""",  # noqa: S608 (names above)
            f"{noun} {{a}} is in breakout group {{b}}, which is not a group of its item {{c}}",
        )
        for table, noun in (
            ("contributions", "contribution"),
            ("speeches", "speech"),
            ("consensus_points", "consensus point"),
            ("guiding_questions", "guiding question"),
            ("actions", "next step"),
        )
    ),
    (
        "SELECT id AS a, '' AS b, '' AS c FROM agenda_items WHERE reports_on = id",
        "agenda item {a} reports on itself",
    ),
    (
        """SELECT i1.id AS a, i2.id AS b, i1.day_id AS c FROM agenda_items i1
           JOIN agenda_items i2 ON i1.day_id = i2.day_id AND i1.seq < i2.seq
           WHERE i1.started_at IS NOT NULL AND i2.started_at IS NOT NULL
             AND i1.ended_at IS NOT NULL AND i2.ended_at IS NOT NULL
             AND julianday(i1.started_at) < julianday(i2.ended_at)
             AND julianday(i2.started_at) < julianday(i1.ended_at)""",
        "agenda items {a} and {b} of day {c} overlap in time",
    ),
)


@dataclass(frozen=True)
class Finding:
    """One problem found, in words; ``damaged`` when the file itself is broken."""

    text: str
    damaged: bool = False


def _search_index_matches(conn: sqlite3.Connection) -> bool:
    """FTS5's own integrity check, run on an in-memory copy (it is an INSERT, which a
    read-only connection refuses, and the file must not be touched)."""
    has_index = conn.execute(
        "SELECT 1 FROM sqlite_master WHERE name = 'contributions_fts'"
    ).fetchone()
    if not has_index:
        return True  # an older document, before search: nothing to compare
    copy = sqlite3.connect(":memory:")
    try:
        conn.backup(copy)
        copy.execute(
            "INSERT INTO contributions_fts(contributions_fts, rank) VALUES ('integrity-check', 1)"
        )
    except sqlite3.DatabaseError:
        return False
    finally:
        copy.close()
    return True


def check_document(path: Path) -> list[Finding]:
    """Everything wrong with the workshop at ``path`` (empty when it is sound).

    Opens read-only and takes no lock, so a file open in the app can be checked. Files that
    are not workshops at all raise the same errors as opening them.
    """
    path = Path(path)
    try:
        version = connection.inspect(path)
    except ForeignSchema as error:
        return [Finding(f"the file holds {d}", damaged=True) for d in error.differences]
    except DamagedDocument as error:
        return [Finding(error.message, damaged=True)]
    db = connection.connect(path, readonly=True)
    rules_db = db
    findings: list[Finding] = []
    try:
        for row in db.execute("PRAGMA integrity_check(100)").fetchall():
            if row[0] != "ok":
                findings.append(Finding(f"integrity: {row[0]}", damaged=True))
        for table, rowid, parent, _fk in db.execute("PRAGMA foreign_key_check").fetchall():
            findings.append(
                Finding(f"a row of {table} (row {rowid}) refers to a missing row of {parent}")
            )
        for text in constraint_violations(db.conn, version):
            findings.append(Finding(f"a value the format does not allow: {text}", damaged=True))
        if version < SCHEMA_VERSION:  # the rules are this version's: read it as upgraded
            rules_db = connection.upgraded_in_memory(path)
        for sql, text in _DOMAIN_RULES:
            for row in rules_db.query(sql):
                findings.append(Finding(text.format(**row)))
        if not _search_index_matches(db.conn):
            findings.append(Finding("the search index does not match the contributions' text"))
    except sqlite3.DatabaseError as error:
        findings.append(Finding(f"the file could not be read to the end: {error}", damaged=True))
    finally:
        db.close()
        if rules_db is not db:
            rules_db.close()
    return findings
