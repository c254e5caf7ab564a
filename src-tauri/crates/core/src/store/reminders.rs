//! Reminders: added idempotently by key, fired once, kept until done.

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, Row, params};

use super::Store;
use crate::{
    Error, Result,
    i18n::{Lang, Message},
    profile::Id,
    reminders::{NewReminder, Reminder, ReminderKind},
};

const COLUMNS: &str = "id, kind, profile_id, application_id, title, body, due_at, fired_at, done_at, title_message, body_message";

/// A stored message; a row from before messages (schema 7), or one whose message does not
/// read, is shown as its English words.
fn message(json: Option<String>, text: String) -> Option<Message> {
    json.and_then(|j| {
        serde_json::from_str(&j)
            .inspect_err(|e| tracing::warn!(%e, "a stored reminder message does not read"))
            .ok()
    })
    .or_else(|| (!text.is_empty()).then(|| Message::new("reminder.said").arg("text", text)))
}

fn to_json(m: &Message) -> Result<String> {
    serde_json::to_string(m).map_err(|e| Error::Internal(e.to_string()))
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Reminder> {
    let kind: String = row.get(1)?;
    Ok(Reminder {
        id: row.get(0)?,
        kind: ReminderKind::parse(&kind).ok_or_else(|| {
            rusqlite::Error::FromSqlConversionFailure(
                1,
                rusqlite::types::Type::Text,
                format!("unknown reminder kind {kind:?}").into(),
            )
        })?,
        profile_id: row.get(2)?,
        application_id: row.get(3)?,
        title: message(row.get(9)?, row.get(4)?)
            .unwrap_or_else(|| Message::new("reminder.said").arg("text", "")),
        body: message(row.get(10)?, row.get(5)?),
        due_at: row.get(6)?,
        fired_at: row.get(7)?,
        done_at: row.get(8)?,
    })
}

/// Inserts the reminders whose key is new; returns how many were.
pub(super) fn insert_reminders(
    conn: &Connection,
    reminders: &[NewReminder],
    now: Timestamp,
) -> Result<usize> {
    let mut stmt = conn.prepare(
        "INSERT OR IGNORE INTO reminders (key, kind, profile_id, application_id, title, body, due_at, created_at, title_message, body_message)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10)",
    )?;
    let mut added = 0;
    for r in reminders {
        added += stmt.execute(params![
            r.key,
            r.kind.as_str(),
            r.profile_id,
            r.application_id,
            r.title.text(Lang::En),
            r.body
                .as_ref()
                .map(|b| b.text(Lang::En))
                .unwrap_or_default(),
            r.due_at.as_second(),
            now,
            to_json(&r.title)?,
            r.body.as_ref().map(to_json).transpose()?,
        ])?;
    }
    Ok(added)
}

impl Store {
    /// Adds the reminders whose key is new; returns how many were.
    pub fn add_reminders(&self, reminders: &[NewReminder], now: Timestamp) -> Result<usize> {
        self.with(|conn| {
            let tx = conn.transaction()?;
            let n = insert_reminders(&tx, reminders, now)?;
            tx.commit()?;
            Ok(n)
        })
    }

    /// Marks every due, unfired, open reminder fired at `now` and returns them.
    pub fn fire_due_reminders(&self, now: Timestamp) -> Result<Vec<Reminder>> {
        self.with(|conn| {
            let mut stmt = conn.prepare(&format!(
                "UPDATE reminders SET fired_at = ?1
                 WHERE fired_at IS NULL AND done_at IS NULL AND due_at <= ?2
                 RETURNING {COLUMNS}"
            ))?;
            let rows = stmt.query_map(params![now, now.as_second()], from_row)?;
            let mut fired: Vec<Reminder> = rows.collect::<rusqlite::Result<_>>()?;
            fired.sort_by_key(|r| (r.due_at, r.id));
            Ok(fired)
        })
    }

    /// Open reminders due by `now` ("needs attention"), oldest first; of one profile, or all.
    pub fn reminders_due(&self, profile_id: Option<Id>, now: Timestamp) -> Result<Vec<Reminder>> {
        self.with(|conn| {
            let mut stmt = conn.prepare(&format!(
                "SELECT {COLUMNS} FROM reminders
                 WHERE done_at IS NULL AND due_at <= ?1 AND (?2 IS NULL OR profile_id = ?2)
                 ORDER BY due_at, id"
            ))?;
            let rows = stmt.query_map(params![now.as_second(), profile_id], from_row)?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
    }

    /// Open reminders not due yet, soonest first (at most `limit`).
    pub fn reminders_upcoming(
        &self,
        profile_id: Option<Id>,
        now: Timestamp,
        limit: u32,
    ) -> Result<Vec<Reminder>> {
        self.with(|conn| {
            let mut stmt = conn.prepare(&format!(
                "SELECT {COLUMNS} FROM reminders
                 WHERE done_at IS NULL AND due_at > ?1 AND (?2 IS NULL OR profile_id = ?2)
                 ORDER BY due_at, id LIMIT ?3"
            ))?;
            let rows = stmt.query_map(params![now.as_second(), profile_id, limit], from_row)?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
    }

    /// The reminder with `key`.
    pub fn reminder_by_key(&self, key: &str) -> Result<Reminder> {
        self.with(|conn| {
            conn.query_row(
                &format!("SELECT {COLUMNS} FROM reminders WHERE key = ?1"),
                [key],
                from_row,
            )
            .optional()?
            .ok_or_else(|| Error::not_found(format!("reminder {key}")))
        })
    }

    /// Marks reminder `id` done (it leaves "needs attention" and never fires again).
    pub fn complete_reminder(&self, id: Id, now: Timestamp) -> Result<()> {
        self.with(|conn| {
            let n = conn.execute(
                "UPDATE reminders SET done_at = COALESCE(done_at, ?1) WHERE id = ?2",
                params![now, id],
            )?;
            if n == 0 {
                return Err(Error::not_found(format!("reminder {id}")));
            }
            Ok(())
        })
    }
}
