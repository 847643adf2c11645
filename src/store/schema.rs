//! The project file's tables, and the steps that bring a project written by an older
//! Atelier up to date. Each step runs in one transaction: a project is either at the old
//! version or at the new one, never in between.

use rusqlite::{Connection, OptionalExtension};

/// The schema version this build writes.
pub const SCHEMA_VERSION: i64 = 5;

/// Version 1: the manifest, the files as received (personal sources pseudonymised) and the
/// evaluator's corrections of questions.
const VERSION_1: &str = "
    CREATE TABLE IF NOT EXISTS manifest (id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS files (
        path TEXT PRIMARY KEY,
        bytes BLOB NOT NULL,
        sha256 TEXT NOT NULL,
        pseudonymised INTEGER NOT NULL DEFAULT 0
    );
    CREATE TABLE IF NOT EXISTS corrections (
        source TEXT NOT NULL,
        question TEXT NOT NULL,
        kind TEXT,
        scale TEXT,
        PRIMARY KEY (source, question)
    );";

/// Version 2: the figures placed in monographs, a journal of every change, the surveys as
/// understood (so that reopening does not read their files again), and the project's id
/// (which names its pseudonymisation key, kept outside the file).
const VERSION_2: &str = "
    CREATE TABLE IF NOT EXISTS figures (
        position INTEGER PRIMARY KEY,
        qid TEXT NOT NULL,
        grouping TEXT,
        site TEXT
    );
    CREATE TABLE IF NOT EXISTS journal (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        action TEXT NOT NULL
    );
    CREATE TABLE IF NOT EXISTS snapshots (
        path TEXT PRIMARY KEY,
        format TEXT NOT NULL,
        bytes BLOB NOT NULL
    );";

/// Version 3: the codebook, the codings (an answer, or a range of a note, coded by a coder)
/// and memos.
const VERSION_3: &str = "
    CREATE TABLE IF NOT EXISTS codes (
        id INTEGER PRIMARY KEY,
        guid TEXT NOT NULL,
        parent INTEGER,
        position INTEGER NOT NULL,
        name TEXT NOT NULL,
        color TEXT NOT NULL,
        definition TEXT NOT NULL DEFAULT '',
        when_to_use TEXT NOT NULL DEFAULT '',
        when_not TEXT NOT NULL DEFAULT '',
        example TEXT NOT NULL DEFAULT '',
        codable INTEGER NOT NULL DEFAULT 1,
        shortcut TEXT
    );
    CREATE TABLE IF NOT EXISTS codings (
        id INTEGER PRIMARY KEY,
        code INTEGER NOT NULL,
        source TEXT,
        question TEXT,
        respondent INTEGER,
        file TEXT,
        start INTEGER,
        end INTEGER,
        coder TEXT NOT NULL,
        at TEXT NOT NULL,
        review TEXT
    );
    CREATE INDEX IF NOT EXISTS codings_by_code ON codings (code);
    CREATE TABLE IF NOT EXISTS memos (target TEXT PRIMARY KEY, text TEXT NOT NULL);";

/// Version 4: the monograph template of the project, and each site's monograph as the
/// evaluator arranged it.
const VERSION_4: &str = "
    CREATE TABLE IF NOT EXISTS monographs (site TEXT PRIMARY KEY, json TEXT NOT NULL);
    CREATE TABLE IF NOT EXISTS template (id INTEGER PRIMARY KEY CHECK (id = 1), json TEXT NOT NULL);";

/// Version 5: the register of published figures (question, cut, site filter, format, file
/// name, time), read with every new table so that none gives back a hidden cell.
const VERSION_5: &str = "
    CREATE TABLE IF NOT EXISTS register (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        at TEXT NOT NULL,
        qid TEXT NOT NULL,
        grouping TEXT,
        site TEXT,
        format TEXT NOT NULL,
        file TEXT NOT NULL
    );";

/// The version a project file says it is at (0 for a file with no Atelier tables).
pub fn version(conn: &Connection) -> rusqlite::Result<i64> {
    let has_meta: bool = conn.query_row(
        "SELECT EXISTS (SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'meta')",
        [],
        |r| r.get(0),
    )?;
    if !has_meta {
        return Ok(0);
    }
    Ok(conn
        .query_row(
            "SELECT value FROM meta WHERE key = 'schema_version'",
            [],
            |r| r.get::<_, String>(0),
        )
        .optional()?
        .and_then(|v| v.parse().ok())
        .unwrap_or(0))
}

/// Bring the schema from `from` to [`SCHEMA_VERSION`], one transaction per step. A new
/// project (version 0) gets the id `new_id`; a version-1 project gets it when migrated.
pub fn migrate(conn: &mut Connection, from: i64, new_id: &str) -> rusqlite::Result<()> {
    if from < 1 {
        let tx = conn.transaction()?;
        tx.execute_batch(
            "CREATE TABLE IF NOT EXISTS meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);",
        )?;
        tx.execute_batch(VERSION_1)?;
        set(&tx, "schema_version", "1")?;
        tx.commit()?;
    }
    if from < 2 {
        let tx = conn.transaction()?;
        tx.execute_batch(VERSION_2)?;
        let has_id: bool = tx.query_row(
            "SELECT EXISTS (SELECT 1 FROM meta WHERE key = 'project_id')",
            [],
            |r| r.get(0),
        )?;
        if !has_id {
            set(&tx, "project_id", new_id)?;
        }
        set(&tx, "schema_version", "2")?;
        tx.commit()?;
    }
    if from < 3 {
        let tx = conn.transaction()?;
        tx.execute_batch(VERSION_3)?;
        set(&tx, "schema_version", "3")?;
        tx.commit()?;
    }
    if from < 4 {
        let tx = conn.transaction()?;
        tx.execute_batch(VERSION_4)?;
        set(&tx, "schema_version", "4")?;
        tx.commit()?;
    }
    if from < 5 {
        let tx = conn.transaction()?;
        tx.execute_batch(VERSION_5)?;
        set(&tx, "schema_version", "5")?;
        tx.commit()?;
    }
    Ok(())
}

fn set(conn: &Connection, key: &str, value: &str) -> rusqlite::Result<()> {
    conn.execute(
        "INSERT OR REPLACE INTO meta (key, value) VALUES (?1, ?2)",
        [key, value],
    )?;
    Ok(())
}
