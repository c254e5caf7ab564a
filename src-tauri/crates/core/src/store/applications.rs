//! Applications and their append-only timeline.

use jiff::Timestamp;
use rusqlite::{Connection, OptionalExtension, Row, Transaction, params};

use super::{
    Store,
    documents::{file_type_from_db, file_type_to_db},
    reminders::insert_reminders,
};
use crate::{
    Error, Result,
    applications::{
        Application, ApplicationInput, ApplicationKind, ApplicationPortal, Attachment, Event,
        Status,
    },
    profile::Id,
    reminders::NewReminder,
    vault::StoredFile,
};

/// A timeline entry to append.
#[derive(Debug, Clone)]
pub struct NewEvent {
    /// When it happened.
    pub at: Timestamp,
    /// The new status.
    pub to: Status,
    /// Note.
    pub note: Option<String>,
    /// Reason.
    pub reason: Option<String>,
    /// A reference number to set with it.
    pub reference: Option<String>,
    /// Files already in the vault.
    pub attachments: Vec<StoredFile>,
}

pub(super) const COLUMNS: &str = "a.id, a.profile_id, a.kind, a.blocks_id, a.portal, a.category_id, \
    a.title, a.reference, a.status, a.started_at, a.submitted_at, a.registered_ips, \
    a.mobile_number, a.vpn_service, a.vpn_protocol, a.contact, a.notes, a.renewal_on, a.updated_at";

fn bad(column: usize, message: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, message.into())
}

pub(super) fn status_from_db(column: usize, s: &str) -> rusqlite::Result<Status> {
    Status::parse(s).ok_or_else(|| bad(column, format!("unknown status {s:?}")))
}

pub(super) fn from_row(row: &Row<'_>) -> rusqlite::Result<Application> {
    let kind: String = row.get(2)?;
    let portal: String = row.get(4)?;
    let ips: String = row.get(11)?;
    Ok(Application {
        id: row.get(0)?,
        profile_id: row.get(1)?,
        kind: ApplicationKind::parse(&kind)
            .ok_or_else(|| bad(2, format!("unknown kind {kind:?}")))?,
        blocks_id: row.get(3)?,
        portal: ApplicationPortal::parse(&portal)
            .ok_or_else(|| bad(4, format!("unknown portal {portal:?}")))?,
        category_id: row.get(5)?,
        title: row.get(6)?,
        reference: row.get(7)?,
        status: status_from_db(8, &row.get::<_, String>(8)?)?,
        started_at: row.get(9)?,
        submitted_at: row.get(10)?,
        registered_ips: serde_json::from_str(&ips).map_err(|e| bad(11, e.to_string()))?,
        mobile_number: row.get(12)?,
        vpn_service: row.get(13)?,
        vpn_protocol: row.get(14)?,
        contact: row.get(15)?,
        notes: row.get(16)?,
        renewal_on: row.get(17)?,
        updated_at: row.get(18)?,
    })
}

fn load(conn: &Connection, id: Id) -> Result<Application> {
    conn.query_row(
        &format!("SELECT {COLUMNS} FROM applications a WHERE a.id = ?1"),
        [id],
        from_row,
    )
    .optional()?
    .ok_or_else(|| Error::not_found(format!("application {id}")))
}

fn ips_json(ips: &[String]) -> Result<String> {
    serde_json::to_string(ips).map_err(|e| Error::Internal(e.to_string()))
}

/// Turns the unique-reference violation into a message about the reference.
fn reference_taken(
    conn: &Connection,
    portal: ApplicationPortal,
    reference: Option<&str>,
    err: rusqlite::Error,
) -> Error {
    let unique = matches!(
        &err,
        rusqlite::Error::SqliteFailure(e, _) if e.code == rusqlite::ErrorCode::ConstraintViolation
    );
    if let (true, Some(r)) = (unique, reference) {
        let other: Option<String> = conn
            .query_row(
                "SELECT title FROM applications WHERE portal = ?1 AND reference = ?2 COLLATE NOCASE",
                params![portal.as_str(), r],
                |row| row.get(0),
            )
            .optional()
            .ok()
            .flatten();
        return Error::invalid(
            "reference",
            format!(
                "reference {r} is already recorded for {}; each portal gives every application its own number",
                other.unwrap_or_else(|| "another application".into())
            ),
        );
    }
    err.into()
}

fn check_blocks(
    conn: &Connection,
    profile_id: Id,
    blocks: Option<Id>,
    own: Option<Id>,
) -> Result<()> {
    let Some(b) = blocks else { return Ok(()) };
    if Some(b) == own {
        return Err(Error::invalid(
            "blocksId",
            "an application cannot block itself",
        ));
    }
    let owner: Option<Id> = conn
        .query_row(
            "SELECT profile_id FROM applications WHERE id = ?1",
            [b],
            |r| r.get(0),
        )
        .optional()?;
    match owner {
        Some(p) if p == profile_id => Ok(()),
        Some(_) => Err(Error::invalid(
            "blocksId",
            "that application belongs to another profile",
        )),
        None => Err(Error::not_found(format!("application {b}"))),
    }
}

fn insert_event(
    tx: &Transaction<'_>,
    id: Id,
    from: Option<Status>,
    event: &NewEvent,
    now: Timestamp,
) -> Result<Id> {
    tx.execute(
        "INSERT INTO application_events (application_id, at, recorded_at, from_status, to_status, note, reason)
         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7)",
        params![
            id,
            event.at,
            now,
            from.map(Status::as_str),
            event.to.as_str(),
            event.note,
            event.reason
        ],
    )?;
    let event_id = tx.last_insert_rowid();
    for f in &event.attachments {
        tx.execute(
            "INSERT INTO event_attachments (event_id, sha256, file_type, size, original_name) VALUES (?1, ?2, ?3, ?4, ?5)",
            params![
                event_id,
                f.sha256,
                file_type_to_db(f.file_type),
                i64::try_from(f.size).unwrap_or(i64::MAX),
                f.original_name
            ],
        )?;
    }
    Ok(event_id)
}

impl Store {
    /// Starts an application as a draft with its first timeline entry.
    pub fn insert_application(
        &self,
        profile_id: Id,
        input: &ApplicationInput,
        started_at: Timestamp,
        now: Timestamp,
    ) -> Result<Application> {
        let kind = input.kind.unwrap_or(ApplicationKind::Registration);
        let portal = input.portal.unwrap_or_else(|| kind.default_portal());
        self.with(|conn| {
            let tx = conn.transaction()?;
            super::profiles::check_profile(&tx, profile_id)?;
            check_blocks(&tx, profile_id, input.blocks_id, None)?;
            tx.execute(
                "INSERT INTO applications (profile_id, kind, blocks_id, portal, category_id, title, reference, status,
                     started_at, registered_ips, mobile_number, vpn_service, vpn_protocol, contact, notes, renewal_on,
                     created_at, updated_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, 'draft', ?8, ?9, ?10, ?11, ?12, ?13, ?14, ?15, ?16, ?16)",
                params![
                    profile_id,
                    kind.as_str(),
                    input.blocks_id,
                    portal.as_str(),
                    input.category_id,
                    input.title,
                    input.reference,
                    started_at,
                    ips_json(&input.registered_ips)?,
                    input.mobile_number,
                    input.vpn_service,
                    input.vpn_protocol,
                    input.contact,
                    input.notes,
                    input.renewal_on,
                    now
                ],
            )
            .map_err(|e| reference_taken(&tx, portal, input.reference.as_deref(), e))?;
            let id = tx.last_insert_rowid();
            insert_event(
                &tx,
                id,
                None,
                &NewEvent {
                    at: started_at,
                    to: Status::Draft,
                    note: None,
                    reason: None,
                    reference: None,
                    attachments: Vec::new(),
                },
                now,
            )?;
            let app = load(&tx, id)?;
            tx.commit()?;
            Ok(app)
        })
    }

    /// Application `id`.
    pub fn application(&self, id: Id) -> Result<Application> {
        self.with(|conn| load(conn, id))
    }

    /// A profile's applications, most recently changed first.
    pub fn applications_of(&self, profile_id: Id) -> Result<Vec<Application>> {
        self.with(|conn| {
            let mut stmt = conn.prepare(&format!(
                "SELECT {COLUMNS} FROM applications a WHERE a.profile_id = ?1 ORDER BY a.updated_at DESC, a.id DESC"
            ))?;
            let rows = stmt.query_map([profile_id], from_row)?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
    }

    /// Every approved registration (for the registered-IP watch).
    pub fn approved_registrations(&self) -> Result<Vec<Application>> {
        self.with(|conn| {
            let mut stmt = conn.prepare(&format!(
                "SELECT {COLUMNS} FROM applications a WHERE a.status = 'approved' AND a.kind = 'registration'"
            ))?;
            let rows = stmt.query_map([], from_row)?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
    }

    /// The application's timeline, oldest first, with attachments.
    pub fn timeline(&self, id: Id) -> Result<Vec<Event>> {
        self.with(|conn| {
            load(conn, id)?;
            let mut stmt = conn.prepare(
                "SELECT id, application_id, at, recorded_at, from_status, to_status, note, reason
                 FROM application_events WHERE application_id = ?1 ORDER BY id",
            )?;
            let mut events: Vec<Event> = stmt
                .query_map([id], |r| {
                    let from: Option<String> = r.get(4)?;
                    Ok(Event {
                        id: r.get(0)?,
                        application_id: r.get(1)?,
                        at: r.get(2)?,
                        recorded_at: r.get(3)?,
                        from: from.map(|f| status_from_db(4, &f)).transpose()?,
                        to: status_from_db(5, &r.get::<_, String>(5)?)?,
                        note: r.get(6)?,
                        reason: r.get(7)?,
                        attachments: Vec::new(),
                    })
                })?
                .collect::<rusqlite::Result<_>>()?;
            let mut stmt = conn.prepare(
                "SELECT x.id, x.event_id, x.sha256, x.file_type, x.size, x.original_name
                 FROM event_attachments x JOIN application_events e ON e.id = x.event_id
                 WHERE e.application_id = ?1 ORDER BY x.id",
            )?;
            let rows = stmt.query_map([id], |r| {
                let size: i64 = r.get(4)?;
                Ok((
                    r.get::<_, Id>(1)?,
                    Attachment {
                        id: r.get(0)?,
                        file: StoredFile {
                            sha256: r.get(2)?,
                            file_type: file_type_from_db(&r.get::<_, String>(3)?)?,
                            size: u64::try_from(size).unwrap_or_default(),
                            width: None,
                            height: None,
                            original_name: r.get(5)?,
                        },
                    },
                ))
            })?;
            for row in rows {
                let (event_id, attachment) = row?;
                if let Some(e) = events.iter_mut().find(|e| e.id == event_id) {
                    e.attachments.push(attachment);
                }
            }
            Ok(events)
        })
    }

    /// When the latest timeline entry happened.
    pub fn last_event_at(&self, id: Id) -> Result<Timestamp> {
        self.with(|conn| {
            conn.query_row(
                "SELECT at FROM application_events WHERE application_id = ?1 ORDER BY id DESC LIMIT 1",
                [id],
                |r| r.get(0),
            )
            .optional()?
            .ok_or_else(|| Error::not_found(format!("application {id}")))
        })
    }

    /// Appends `event`, moves `app` to its status, settles the follow-ups it answers and adds
    /// `reminders`; all or nothing. Fails if the application changed since `app` was read.
    pub fn record_transition(
        &self,
        app: &Application,
        event: &NewEvent,
        reminders: &[NewReminder],
        now: Timestamp,
    ) -> Result<()> {
        self.with(|conn| {
            let tx = conn.transaction()?;
            let current = load(&tx, app.id)?;
            if current.status != app.status {
                return Err(Error::invalid(
                    "to",
                    format!(
                        "{} changed meanwhile (it is now {}); look again and retry",
                        app.title,
                        current.status.label()
                    ),
                ));
            }
            insert_event(&tx, app.id, Some(app.status), event, now)?;
            let first_submission = event.to == Status::Submitted && current.submitted_at.is_none();
            tx.execute(
                "UPDATE applications SET status = ?1, updated_at = ?2,
                     submitted_at = CASE WHEN ?3 THEN ?4 ELSE submitted_at END,
                     reference = COALESCE(?5, reference)
                 WHERE id = ?6",
                params![
                    event.to.as_str(),
                    now,
                    first_submission,
                    event.at,
                    event.reference,
                    app.id
                ],
            )
            .map_err(|e| reference_taken(&tx, app.portal, event.reference.as_deref(), e))?;
            // Any news settles the follow-ups and answers owed for this application.
            tx.execute(
                "UPDATE reminders SET done_at = ?1
                 WHERE application_id = ?2 AND done_at IS NULL AND kind IN ('followUp', 'respond')",
                params![now, app.id],
            )?;
            insert_reminders(&tx, reminders, now)?;
            tx.commit()?;
            Ok(())
        })
    }

    /// Changes an application's details.
    pub fn update_application(
        &self,
        id: Id,
        input: &ApplicationInput,
        now: Timestamp,
    ) -> Result<Application> {
        self.with(|conn| {
            let tx = conn.transaction()?;
            let app = load(&tx, id)?;
            check_blocks(&tx, app.profile_id, input.blocks_id, Some(id))?;
            let portal = input.portal.unwrap_or(app.portal);
            tx.execute(
                "UPDATE applications SET portal = ?1, blocks_id = ?2, category_id = ?3, title = ?4, reference = ?5,
                     registered_ips = ?6, mobile_number = ?7, vpn_service = ?8, vpn_protocol = ?9, contact = ?10,
                     notes = ?11, renewal_on = ?12, updated_at = ?13
                 WHERE id = ?14",
                params![
                    portal.as_str(),
                    input.blocks_id,
                    input.category_id,
                    input.title,
                    input.reference,
                    ips_json(&input.registered_ips)?,
                    input.mobile_number,
                    input.vpn_service,
                    input.vpn_protocol,
                    input.contact,
                    input.notes,
                    input.renewal_on,
                    now,
                    id
                ],
            )
            .map_err(|e| reference_taken(&tx, portal, input.reference.as_deref(), e))?;
            let app = load(&tx, id)?;
            tx.commit()?;
            Ok(app)
        })
    }

    /// Deletes an application with its timeline and reminders.
    pub fn delete_application(&self, id: Id) -> Result<()> {
        self.with(|conn| {
            let n = conn.execute("DELETE FROM applications WHERE id = ?1", [id])?;
            if n == 0 {
                return Err(Error::not_found(format!("application {id}")));
            }
            Ok(())
        })
    }
}

impl Store {
    /// The firm view: applications of every profile matching `query`, in its order, with the
    /// total count; `limit` rows from `query.offset` (all of them when `None`).
    pub fn firm_page(
        &self,
        query: &crate::firm::FirmQuery,
        limit: Option<u32>,
    ) -> Result<crate::firm::FirmPage> {
        use crate::firm::SortKey;
        let order = match query.sort {
            SortKey::Title => "a.title COLLATE NOCASE",
            SortKey::Profile => "p.name COLLATE NOCASE",
            SortKey::Status => "a.status",
            SortKey::Reference => "a.reference COLLATE NOCASE",
            SortKey::Updated => "a.updated_at",
        };
        let dir = if query.descending { "DESC" } else { "ASC" };
        let search = query
            .search
            .as_deref()
            .map(str::trim)
            .filter(|s| !s.is_empty())
            .map(|s| {
                let escaped = s
                    .replace('\\', "\\\\")
                    .replace('%', "\\%")
                    .replace('_', "\\_");
                format!("%{escaped}%")
            });
        let filter = "FROM applications a JOIN profiles p ON p.id = a.profile_id
             WHERE (?1 IS NULL OR a.status = ?1)
               AND (?2 IS NULL OR a.profile_id = ?2)
               AND (?3 IS NULL OR a.title LIKE ?3 ESCAPE '\\' OR a.reference LIKE ?3 ESCAPE '\\'
                    OR p.name LIKE ?3 ESCAPE '\\' OR a.registered_ips LIKE ?3 ESCAPE '\\')";
        let status = query.status.map(Status::as_str);
        self.with(|conn| {
            let total: i64 = conn.query_row(
                &format!("SELECT count(*) {filter}"),
                params![status, query.profile_id, search],
                |r| r.get(0),
            )?;
            let mut stmt = conn.prepare(&format!(
                "SELECT {COLUMNS}, p.name {filter} ORDER BY {order} {dir}, a.id {dir} LIMIT ?4 OFFSET ?5"
            ))?;
            let rows = stmt.query_map(
                params![
                    status,
                    query.profile_id,
                    search,
                    limit.map_or(-1, i64::from),
                    query.offset
                ],
                |row| {
                    Ok(crate::firm::FirmRow {
                        application: from_row(row)?,
                        profile_name: row.get(19)?,
                    })
                },
            )?;
            Ok(crate::firm::FirmPage {
                rows: rows.collect::<rusqlite::Result<_>>()?,
                total: u32::try_from(total).unwrap_or(u32::MAX),
            })
        })
    }
}
