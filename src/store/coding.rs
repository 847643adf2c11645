//! The evaluator's coding in the project file: the codebook, the codings and the memos, read
//! when the project opens and written by [`super::Edit`]s.

use std::collections::BTreeMap;

use rusqlite::{Connection, Transaction, params};

use crate::model::coding::{
    Anchor, Code, CodeDefinition, CodeId, Codebook, Coding, MemoTarget, Rgb,
};

/// The codebook stored in the project.
pub(super) fn codebook(conn: &Connection) -> rusqlite::Result<Codebook> {
    let mut stmt = conn.prepare(
        "SELECT id, guid, parent, position, name, color, definition, when_to_use, when_not, \
         example, codable, shortcut FROM codes ORDER BY id",
    )?;
    let codes = stmt
        .query_map([], |r| {
            let color: String = r.get(5)?;
            let shortcut: Option<String> = r.get(11)?;
            Ok(Code {
                id: CodeId(r.get(0)?),
                guid: r.get(1)?,
                parent: r.get::<_, Option<u32>>(2)?.map(CodeId),
                position: r.get(3)?,
                name: r.get(4)?,
                color: Rgb::from_hex(&color).unwrap_or(Rgb(0x80, 0x80, 0x80)),
                description: CodeDefinition {
                    definition: r.get(6)?,
                    when_to_use: r.get(7)?,
                    when_not: r.get(8)?,
                    example: r.get(9)?,
                },
                codable: r.get(10)?,
                shortcut: shortcut.and_then(|s| s.chars().next()),
            })
        })?
        .collect::<Result<Vec<_>, _>>()?;
    Ok(Codebook { codes })
}

/// Every coding stored in the project, in the order they were made.
pub(super) fn codings(conn: &Connection) -> rusqlite::Result<Vec<Coding>> {
    let mut stmt = conn.prepare(
        "SELECT id, code, source, question, respondent, file, start, end, coder, at, review \
         FROM codings ORDER BY id",
    )?;
    let rows = stmt.query_map([], |r| {
        let source: Option<String> = r.get(2)?;
        let start: Option<u32> = r.get(6)?;
        let end: Option<u32> = r.get(7)?;
        let anchor = match source {
            Some(source) => Anchor::Answer {
                source,
                question: r.get::<_, Option<String>>(3)?.unwrap_or_default(),
                respondent: r.get::<_, Option<u32>>(4)?.unwrap_or(0),
                span: start.zip(end),
            },
            None => Anchor::Note {
                file: r.get::<_, Option<String>>(5)?.unwrap_or_default(),
                start: start.unwrap_or(0),
                end: end.unwrap_or(0),
            },
        };
        Ok(Coding {
            id: r.get::<_, i64>(0)? as u64,
            code: CodeId(r.get(1)?),
            anchor,
            coder: r.get(8)?,
            at: r.get(9)?,
            review: r.get(10)?,
        })
    })?;
    rows.collect()
}

/// Every memo stored in the project.
pub(super) fn memos(conn: &Connection) -> rusqlite::Result<BTreeMap<MemoTarget, String>> {
    let mut stmt = conn.prepare("SELECT target, text FROM memos")?;
    let rows = stmt.query_map([], |r| Ok((r.get::<_, String>(0)?, r.get::<_, String>(1)?)))?;
    let mut out = BTreeMap::new();
    for row in rows {
        let (key, text) = row?;
        if let Some(target) = MemoTarget::from_key(&key) {
            out.insert(target, text);
        }
    }
    Ok(out)
}

/// Write codes as they now are (new ones inserted, others replaced).
pub(super) fn put_codes(tx: &Transaction<'_>, codes: &[Code]) -> rusqlite::Result<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT OR REPLACE INTO codes (id, guid, parent, position, name, color, definition, \
         when_to_use, when_not, example, codable, shortcut) \
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11, ?12)",
    )?;
    for code in codes {
        stmt.execute(params![
            code.id.0,
            code.guid,
            code.parent.map(|p| p.0),
            code.position,
            code.name,
            code.color.to_hex(),
            code.description.definition,
            code.description.when_to_use,
            code.description.when_not,
            code.description.example,
            code.codable,
            code.shortcut.map(String::from),
        ])?;
    }
    Ok(())
}

/// Delete codes.
pub(super) fn delete_codes(tx: &Transaction<'_>, ids: &[CodeId]) -> rusqlite::Result<()> {
    let mut stmt = tx.prepare_cached("DELETE FROM codes WHERE id = ?1")?;
    for id in ids {
        stmt.execute([id.0])?;
    }
    Ok(())
}

/// Write codings as they now are (new ones inserted, others replaced).
pub(super) fn put_codings(tx: &Transaction<'_>, codings: &[Coding]) -> rusqlite::Result<()> {
    let mut stmt = tx.prepare_cached(
        "INSERT OR REPLACE INTO codings (id, code, source, question, respondent, file, start, \
         end, coder, at, review) VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
    )?;
    for coding in codings {
        let (source, question, respondent, file, start, end) = match &coding.anchor {
            Anchor::Answer {
                source,
                question,
                respondent,
                span,
            } => (
                Some(source.as_str()),
                Some(question.as_str()),
                Some(*respondent),
                None,
                span.map(|s| s.0),
                span.map(|s| s.1),
            ),
            Anchor::Note { file, start, end } => (
                None,
                None,
                None,
                Some(file.as_str()),
                Some(*start),
                Some(*end),
            ),
        };
        stmt.execute(params![
            coding.id as i64,
            coding.code.0,
            source,
            question,
            respondent,
            file,
            start,
            end,
            coding.coder,
            coding.at,
            coding.review,
        ])?;
    }
    Ok(())
}

/// Delete codings.
pub(super) fn delete_codings(tx: &Transaction<'_>, ids: &[u64]) -> rusqlite::Result<()> {
    let mut stmt = tx.prepare_cached("DELETE FROM codings WHERE id = ?1")?;
    for &id in ids {
        stmt.execute([id as i64])?;
    }
    Ok(())
}

/// Write a memo (an empty text deletes it).
pub(super) fn put_memo(
    tx: &Transaction<'_>,
    target: &MemoTarget,
    text: &str,
) -> rusqlite::Result<()> {
    if text.trim().is_empty() {
        tx.execute("DELETE FROM memos WHERE target = ?1", [target.key()])?;
    } else {
        tx.execute(
            "INSERT OR REPLACE INTO memos (target, text) VALUES (?1, ?2)",
            params![target.key(), text],
        )?;
    }
    Ok(())
}
