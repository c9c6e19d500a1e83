"""The document's schema, as ordered sqlite-utils migration steps.

Each step is named ``mNNN_what`` and never changes once released; a new schema is a new step.
``SCHEMA_VERSION`` is the number of steps and is written to ``PRAGMA user_version`` so that
a file from a newer version can be recognised and refused before anything touches it.
"""

from __future__ import annotations

import sqlite3

from sqlite_utils import Database
from sqlite_utils.migrations import Migrations

#: Ours: "WKSP" as a big-endian 32-bit integer, in PRAGMA application_id.
APPLICATION_ID = 0x574B5350

migrations = Migrations("workshop_app")


# Emptiness is checked with <> '' rather than length(): SQLite's length() stops at a NUL.


def _script(db: Database, sql: str) -> None:
    """Run the statements of ``sql`` one by one (trigger bodies hold semicolons too)."""
    statement = ""
    for line in sql.splitlines(keepends=True):
        statement += line
        if sqlite3.complete_statement(statement):
            db.execute(statement.strip().rstrip(";"))
            statement = ""
    if statement.strip():
        db.execute(statement)


@migrations()
def m001_initial(db: Database) -> None:
    _script(
        db,
        """
CREATE TABLE workshop (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    title TEXT NOT NULL CHECK (title <> '' AND length(title) <= 500),
    subtitle TEXT,
    date TEXT,
    start_time TEXT,
    timezone TEXT,
    venue TEXT,
    organiser TEXT,
    purpose TEXT,
    language TEXT
) STRICT;
CREATE TABLE stakeholder_groups (
    seq INTEGER PRIMARY KEY,
    position INTEGER NOT NULL,
    name TEXT NOT NULL
) STRICT;
CREATE TABLE participants (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    name TEXT NOT NULL CHECK (name <> ''),
    title TEXT,
    organisation TEXT,
    stakeholder_group TEXT,
    country TEXT,
    email TEXT,
    role TEXT NOT NULL DEFAULT 'participant' CHECK (role IN
        ('chair','facilitator','rapporteur','organiser','speaker','participant','observer')),
    present INTEGER NOT NULL DEFAULT 1 CHECK (present IN (0, 1))
) STRICT;
CREATE TABLE agenda_items (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    position INTEGER NOT NULL,
    title TEXT NOT NULL CHECK (title <> ''),
    kind TEXT NOT NULL DEFAULT 'session' CHECK (kind IN ('session', 'break')),
    description TEXT,
    planned_minutes INTEGER CHECK (planned_minutes BETWEEN 0 AND 1440),
    status TEXT NOT NULL DEFAULT 'planned'
        CHECK (status IN ('planned', 'running', 'done', 'skipped')),
    started_at TEXT,
    ended_at TEXT,
    summary TEXT
) STRICT;
CREATE INDEX agenda_items_position ON agenda_items(position);
CREATE TABLE guiding_questions (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    agenda_item_id TEXT NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    text TEXT NOT NULL CHECK (text <> '')
) STRICT;
CREATE INDEX guiding_questions_item ON guiding_questions(agenda_item_id, position);
CREATE TABLE speeches (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE RESTRICT,
    agenda_item_id TEXT NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
    requested_at TEXT,
    started_at TEXT,
    ended_at TEXT,
    status TEXT NOT NULL DEFAULT 'done'
        CHECK (status IN ('waiting', 'speaking', 'done', 'withdrawn'))
) STRICT;
CREATE INDEX speeches_item ON speeches(agenda_item_id);
CREATE INDEX speeches_participant ON speeches(participant_id);
CREATE TABLE contributions (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    agenda_item_id TEXT NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
    question_id TEXT REFERENCES guiding_questions(id) ON DELETE SET NULL,
    participant_id TEXT REFERENCES participants(id) ON DELETE RESTRICT,
    speech_id TEXT REFERENCES speeches(id) ON DELETE SET NULL,
    kind TEXT NOT NULL DEFAULT 'statement'
        CHECK (kind IN ('statement', 'question', 'proposal', 'example', 'concern')),
    text TEXT NOT NULL CHECK (text <> ''),
    recorded_at TEXT,
    highlight INTEGER NOT NULL DEFAULT 0 CHECK (highlight IN (0, 1))
) STRICT;
CREATE INDEX contributions_item ON contributions(agenda_item_id);
CREATE INDEX contributions_question ON contributions(question_id);
CREATE INDEX contributions_participant ON contributions(participant_id);
CREATE INDEX contributions_speech ON contributions(speech_id);
CREATE TABLE consensus_points (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    agenda_item_id TEXT NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
    question_id TEXT REFERENCES guiding_questions(id) ON DELETE SET NULL,
    text TEXT NOT NULL CHECK (text <> ''),
    status TEXT NOT NULL DEFAULT 'proposed' CHECK (status IN
        ('proposed', 'agreed', 'agreed_with_reservations', 'no_consensus', 'withdrawn')),
    reservations TEXT,
    recorded_at TEXT
) STRICT;
CREATE INDEX consensus_points_item ON consensus_points(agenda_item_id);
CREATE TABLE consensus_support (
    consensus_id TEXT NOT NULL REFERENCES consensus_points(id) ON DELETE CASCADE,
    contribution_id TEXT NOT NULL REFERENCES contributions(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (consensus_id, contribution_id)
) STRICT;
CREATE INDEX consensus_support_contribution ON consensus_support(contribution_id);
CREATE TABLE actions (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    text TEXT NOT NULL CHECK (text <> ''),
    agenda_item_id TEXT REFERENCES agenda_items(id) ON DELETE SET NULL,
    owner TEXT,
    owner_participant_id TEXT REFERENCES participants(id) ON DELETE SET NULL,
    due TEXT,
    status TEXT NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'done', 'dropped'))
) STRICT;
CREATE INDEX actions_owner ON actions(owner_participant_id);
CREATE INDEX actions_item ON actions(agenda_item_id);
PRAGMA user_version = 1
""",
    )


@migrations()
def m002_run_state_and_search(db: Database) -> None:
    """What the Run view needs: the queue order, the chair's focus, full-text search.

    The search index is kept in step by the store (store/search.py), not by triggers:
    with trusted_schema=OFF SQLite refuses virtual tables inside triggers.
    """
    _script(
        db,
        """
ALTER TABLE speeches ADD COLUMN queue_position INTEGER;
CREATE INDEX speeches_queue ON speeches(agenda_item_id, status, queue_position);
CREATE TABLE run_state (
    singleton INTEGER PRIMARY KEY CHECK (singleton = 1),
    focus_question_id TEXT REFERENCES guiding_questions(id) ON DELETE SET NULL,
    speech_limit_seconds INTEGER CHECK (speech_limit_seconds > 0)
) STRICT;
INSERT INTO run_state (singleton) VALUES (1);
CREATE INDEX contributions_recorded ON contributions(agenda_item_id, recorded_at);
CREATE VIRTUAL TABLE contributions_fts USING fts5(
    text, content='contributions', content_rowid='seq',
    tokenize='unicode61 remove_diacritics 2'
);
INSERT INTO contributions_fts(contributions_fts) VALUES ('rebuild');
PRAGMA user_version = 2
""",
    )


@migrations()
def m003_day_end(db: Database) -> None:
    """The end of the day the chair has re-planned to (HH:MM), if any."""
    _script(
        db,
        """
ALTER TABLE run_state ADD COLUMN day_end TEXT;
PRAGMA user_version = 3
""",
    )


@migrations()
def m004_drafts(db: Database) -> None:
    """Text being typed, kept every few seconds so that a crash does not take it."""
    _script(
        db,
        """
CREATE TABLE drafts (
    key TEXT PRIMARY KEY,
    text TEXT NOT NULL,
    updated_at TEXT NOT NULL
) STRICT;
PRAGMA user_version = 4
""",
    )


@migrations()
def m005_job_title(db: Database) -> None:
    """A participant's job title (position, fonction, cargo), from registration lists."""
    _script(
        db,
        """
ALTER TABLE participants ADD COLUMN job_title TEXT;
PRAGMA user_version = 5
""",
    )


@migrations()
def m006_days(db: Database) -> None:
    """Several days: each with its date, start and (optional) end; every item is on one.

    A file from before days gets one day, "day-1", with the workshop's date and start time,
    and all its items. The workshop's own date and start_time stay, kept equal to the first
    day's by the store, so that version 1 and 2 exports and older readers still see them.
    """
    _script(
        db,
        """
CREATE TABLE days (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    position INTEGER NOT NULL,
    date TEXT,
    start_time TEXT,
    end_time TEXT
) STRICT;
CREATE INDEX days_position ON days(position);
ALTER TABLE agenda_items ADD COLUMN day_id TEXT REFERENCES days(id) ON DELETE RESTRICT;
CREATE INDEX agenda_items_day ON agenda_items(day_id);
INSERT INTO days (id, position, date, start_time)
    SELECT 'day-1', 0, date, start_time FROM workshop;
UPDATE agenda_items SET day_id = 'day-1' WHERE EXISTS (SELECT 1 FROM days WHERE id = 'day-1');
PRAGMA user_version = 6
""",
    )


@migrations()
def m007_breakout_groups(db: Database) -> None:
    """Parallel breakout groups of a session item, and what is said and agreed in each; a
    report-back item names the item whose groups report, and plenary's point the group's."""
    _script(
        db,
        """
CREATE TABLE breakout_groups (
    seq INTEGER PRIMARY KEY,
    id TEXT NOT NULL UNIQUE,
    agenda_item_id TEXT NOT NULL REFERENCES agenda_items(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    name TEXT NOT NULL CHECK (name <> ''),
    room TEXT,
    facilitator_id TEXT REFERENCES participants(id) ON DELETE SET NULL,
    rapporteur_id TEXT REFERENCES participants(id) ON DELETE SET NULL,
    summary TEXT
) STRICT;
CREATE INDEX breakout_groups_item ON breakout_groups(agenda_item_id, position);
CREATE TABLE group_members (
    group_id TEXT NOT NULL REFERENCES breakout_groups(id) ON DELETE CASCADE,
    participant_id TEXT NOT NULL REFERENCES participants(id) ON DELETE CASCADE,
    position INTEGER NOT NULL,
    PRIMARY KEY (group_id, participant_id)
) STRICT;
CREATE INDEX group_members_participant ON group_members(participant_id);
ALTER TABLE agenda_items ADD COLUMN reports_on TEXT REFERENCES agenda_items(id) ON DELETE SET NULL;
ALTER TABLE guiding_questions ADD COLUMN group_id TEXT
    REFERENCES breakout_groups(id) ON DELETE CASCADE;
ALTER TABLE speeches ADD COLUMN group_id TEXT REFERENCES breakout_groups(id) ON DELETE CASCADE;
ALTER TABLE contributions ADD COLUMN group_id TEXT
    REFERENCES breakout_groups(id) ON DELETE CASCADE;
ALTER TABLE consensus_points ADD COLUMN group_id TEXT
    REFERENCES breakout_groups(id) ON DELETE CASCADE;
ALTER TABLE consensus_points ADD COLUMN from_point_id TEXT
    REFERENCES consensus_points(id) ON DELETE SET NULL;
ALTER TABLE actions ADD COLUMN group_id TEXT REFERENCES breakout_groups(id) ON DELETE SET NULL;
CREATE INDEX contributions_group ON contributions(group_id);
CREATE INDEX speeches_group ON speeches(group_id);
CREATE INDEX consensus_points_group ON consensus_points(group_id);
PRAGMA user_version = 7
""",
    )


@migrations()
def m008_minutes_settings(db: Database) -> None:
    """What the minutes need from the organiser: the front page's reference and author, the
    anonymity threshold, and the names that are public (never a participant's identity)."""
    _script(
        db,
        """
ALTER TABLE workshop ADD COLUMN document_reference TEXT;
ALTER TABLE workshop ADD COLUMN prepared_by TEXT;
ALTER TABLE workshop ADD COLUMN anonymity_k INTEGER NOT NULL DEFAULT 3
    CHECK (anonymity_k BETWEEN 2 AND 20);
ALTER TABLE workshop ADD COLUMN public_names_confirmed INTEGER NOT NULL DEFAULT 0
    CHECK (public_names_confirmed IN (0, 1));
CREATE TABLE public_names (
    seq INTEGER PRIMARY KEY,
    position INTEGER NOT NULL,
    name TEXT NOT NULL CHECK (name <> '')
) STRICT;
PRAGMA user_version = 8
""",
    )


#: The schema version this code writes and reads: one per migration step.
SCHEMA_VERSION = len(migrations._migrations)


def apply_migrations(db: Database) -> None:
    """Bring a document up to ``SCHEMA_VERSION``; each step is its own transaction.

    Every step ends by writing its own number to ``user_version`` inside that transaction, so
    the version on disk always matches the steps applied.
    """
    migrations.apply(db)
