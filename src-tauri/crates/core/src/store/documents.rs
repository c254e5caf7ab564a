//! The vault's index: which stored file is which document of which profile.

use jiff::civil::Date;
use rusqlite::{OptionalExtension, Row, params};

use super::Store;
use crate::{
    Error, Result,
    documents::{Document, DocumentDates},
    profile::Id,
    rules::FileType,
    vault::StoredFile,
};

const COLUMNS: &str = "id, profile_id, requirement_id, sha256, file_type, size, width, height, \
                       original_name, issued_on, expires_on, added_at";

pub(super) fn file_type_to_db(t: FileType) -> &'static str {
    match t {
        FileType::Pdf => "pdf",
        FileType::Jpeg => "jpeg",
        FileType::Png => "png",
    }
}

pub(super) fn file_type_from_db(s: &str) -> rusqlite::Result<FileType> {
    match s {
        "pdf" => Ok(FileType::Pdf),
        "jpeg" => Ok(FileType::Jpeg),
        "png" => Ok(FileType::Png),
        other => Err(rusqlite::Error::FromSqlConversionFailure(
            4,
            rusqlite::types::Type::Text,
            format!("unknown file type {other:?}").into(),
        )),
    }
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<Document> {
    let size: i64 = row.get(5)?;
    Ok(Document {
        id: row.get(0)?,
        profile_id: row.get(1)?,
        requirement_id: row.get(2)?,
        file: StoredFile {
            sha256: row.get(3)?,
            file_type: file_type_from_db(&row.get::<_, String>(4)?)?,
            size: u64::try_from(size).unwrap_or_default(),
            width: row.get(6)?,
            height: row.get(7)?,
            original_name: row.get(8)?,
        },
        issued_on: row.get(9)?,
        expires_on: row.get(10)?,
        added_at: row.get(11)?,
    })
}

impl Store {
    /// Fails with `NotFound` unless the profile exists.
    pub fn profile_exists(&self, id: Id) -> Result<()> {
        self.with(|conn| super::profiles::check_profile(conn, id))
    }

    /// Records a stored file as a document; the same file for the same requirement is
    /// recorded once and the existing record returned.
    pub fn add_document(
        &self,
        profile_id: Id,
        requirement_id: &str,
        file: &StoredFile,
        dates: DocumentDates,
    ) -> Result<Document> {
        let now = self.now();
        self.with(|conn| {
            let tx = conn.transaction()?;
            let existing: Option<Id> = tx
                .query_row(
                    "SELECT id FROM documents WHERE profile_id = ?1 AND requirement_id = ?2 AND sha256 = ?3",
                    params![profile_id, requirement_id, file.sha256],
                    |r| r.get(0),
                )
                .optional()?;
            let id = match existing {
                Some(id) => id,
                None => {
                    tx.execute(
                        "INSERT INTO documents (profile_id, requirement_id, sha256, file_type, size, width, height, original_name, issued_on, expires_on, added_at)
                         VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8, ?9, ?10, ?11)",
                        params![
                            profile_id,
                            requirement_id,
                            file.sha256,
                            file_type_to_db(file.file_type),
                            i64::try_from(file.size).unwrap_or(i64::MAX),
                            file.width,
                            file.height,
                            file.original_name,
                            dates.issued_on,
                            dates.expires_on,
                            now
                        ],
                    )?;
                    tx.last_insert_rowid()
                }
            };
            let doc = tx.query_row(
                &format!("SELECT {COLUMNS} FROM documents WHERE id = ?1"),
                [id],
                from_row,
            )?;
            tx.commit()?;
            Ok(doc)
        })
    }

    /// A profile's documents, newest first.
    pub fn list_documents(&self, profile_id: Id) -> Result<Vec<Document>> {
        self.with(|conn| {
            let mut stmt = conn.prepare_cached(&format!(
                "SELECT {COLUMNS} FROM documents WHERE profile_id = ?1 ORDER BY added_at DESC, id DESC"
            ))?;
            let rows = stmt.query_map([profile_id], from_row)?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    /// One document.
    pub fn document(&self, id: Id) -> Result<Document> {
        self.with(|conn| {
            conn.query_row(
                &format!("SELECT {COLUMNS} FROM documents WHERE id = ?1"),
                [id],
                from_row,
            )
            .optional()?
            .ok_or_else(|| Error::not_found(format!("document {id}")))
        })
    }

    /// Changes a document's dates.
    pub fn update_document_dates(
        &self,
        id: Id,
        dates: DocumentDates,
        today: Date,
    ) -> Result<Document> {
        dates.check(today)?;
        let changed = self.with(|conn| {
            Ok(conn.execute(
                "UPDATE documents SET issued_on = ?1, expires_on = ?2 WHERE id = ?3",
                params![dates.issued_on, dates.expires_on, id],
            )?)
        })?;
        if changed == 0 {
            return Err(Error::not_found(format!("document {id}")));
        }
        self.document(id)
    }

    /// Forgets a document; returns its hash if no other document uses the same file, so the
    /// caller can remove the stored file.
    pub fn remove_document(&self, id: Id) -> Result<Option<String>> {
        self.with(|conn| {
            let tx = conn.transaction()?;
            let sha: String = tx
                .query_row("SELECT sha256 FROM documents WHERE id = ?1", [id], |r| {
                    r.get(0)
                })
                .optional()?
                .ok_or_else(|| Error::not_found(format!("document {id}")))?;
            tx.execute("DELETE FROM documents WHERE id = ?1", [id])?;
            let still_used: bool = tx.query_row(
                "SELECT EXISTS (SELECT 1 FROM documents WHERE sha256 = ?1)
                     OR EXISTS (SELECT 1 FROM event_attachments WHERE sha256 = ?1)",
                [&sha],
                |r| r.get(0),
            )?;
            tx.commit()?;
            Ok((!still_used).then_some(sha))
        })
    }

    /// Every document with an expiry date (for expiry reminders).
    pub fn documents_with_expiry(&self) -> Result<Vec<Document>> {
        self.with(|conn| {
            let mut stmt = conn.prepare(&format!(
                "SELECT {COLUMNS} FROM documents WHERE expires_on IS NOT NULL"
            ))?;
            let rows = stmt.query_map([], from_row)?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
    }

    /// The hashes of the files kept with timeline entries (they share the vault).
    pub fn attachment_hashes(&self) -> Result<Vec<String>> {
        self.with(|conn| {
            let mut stmt = conn.prepare("SELECT DISTINCT sha256 FROM event_attachments")?;
            let rows = stmt.query_map([], |r| r.get(0))?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    /// Every document's id and file hash.
    pub fn document_hashes(&self) -> Result<Vec<(Id, String)>> {
        self.with(|conn| {
            let mut stmt = conn.prepare("SELECT id, sha256 FROM documents")?;
            let rows = stmt.query_map([], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }
}
