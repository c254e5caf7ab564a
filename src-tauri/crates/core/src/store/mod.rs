//! The SQLite store: one file, opened in WAL mode with foreign keys on, migrated on open.
//!
//! The store is the only place that speaks SQL. Its methods are grouped by area in the
//! submodules (`profiles`, `settings`); each takes and returns domain types. It is `Sync`:
//! one connection behind a mutex, which is plenty for one desktop user, and every call is
//! short. Front ends call it off their UI thread.

mod applicant;
mod applications;
mod connection;
mod credentials;
mod documents;
mod migrations;
mod profiles;
mod reminders;
mod rules;
mod settings;

use std::{
    path::{Path, PathBuf},
    sync::{Arc, Mutex},
};

use rusqlite::Connection;

pub use applications::NewEvent;
pub use migrations::LATEST_VERSION;

use crate::{
    Error, Result,
    clock::{Clock, SystemClock},
};

/// The app's database.
#[derive(Debug)]
pub struct Store {
    conn: Mutex<Connection>,
    path: PathBuf,
    clock: Arc<dyn Clock>,
}

impl Store {
    /// Opens (creating if needed) the database at `path` and brings its schema up to date.
    pub fn open(path: &Path) -> Result<Self> {
        Self::open_with_clock(path, Arc::new(SystemClock))
    }

    /// Like [`Store::open`], with the clock used to stamp records.
    pub fn open_with_clock(path: &Path, clock: Arc<dyn Clock>) -> Result<Self> {
        let mut conn = Connection::open(path)?;
        conn.busy_timeout(std::time::Duration::from_secs(5))?;
        conn.pragma_update(None, "foreign_keys", "ON")?;
        let mode: String =
            conn.pragma_update_and_check(None, "journal_mode", "WAL", |r| r.get(0))?;
        if !mode.eq_ignore_ascii_case("wal") {
            tracing::warn!(%mode, "SQLite refused WAL mode; continuing with the mode it gave");
        }
        conn.pragma_update(None, "synchronous", "NORMAL")?;
        migrate(&mut conn)?;
        tracing::debug!(path = %path.display(), "database open");
        Ok(Self {
            conn: Mutex::new(conn),
            path: path.to_path_buf(),
            clock,
        })
    }

    /// Writes a consistent copy of the whole database to `target` (a new file), while the
    /// store stays usable: SQLite's `VACUUM INTO`.
    pub fn snapshot_to(&self, target: &Path) -> Result<()> {
        let target = target
            .to_str()
            .ok_or_else(|| Error::Internal("the snapshot path is not valid UTF-8".into()))?
            .to_owned();
        self.with(|conn| {
            conn.execute("VACUUM INTO ?1", [target])?;
            Ok(())
        })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// The schema version the file is at (after opening, always [`LATEST_VERSION`]).
    pub fn schema_version(&self) -> Result<usize> {
        self.with(|conn| {
            let v: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
            usize::try_from(v).map_err(|_| Error::Internal(format!("negative schema version {v}")))
        })
    }

    /// Runs `f` with the connection.
    fn with<T>(&self, f: impl FnOnce(&mut Connection) -> Result<T>) -> Result<T> {
        let mut conn = self.conn.lock().map_err(|_| {
            Error::Internal("the database lock was poisoned by an earlier failure".into())
        })?;
        f(&mut conn)
    }

    fn now(&self) -> jiff::Timestamp {
        self.clock.now()
    }
}

fn migrate(conn: &mut Connection) -> Result<()> {
    let found: i64 = conn.pragma_query_value(None, "user_version", |r| r.get(0))?;
    let found = usize::try_from(found).unwrap_or(usize::MAX);
    if found > LATEST_VERSION {
        return Err(Error::SchemaTooNew {
            found,
            supported: LATEST_VERSION,
        });
    }
    migrations::all().to_latest(conn).map_err(Error::Migration)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_new_database_uses_wal_and_enforces_foreign_keys() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open(&dir.path().join("db.sqlite3")).expect("open");
        store
            .with(|conn| {
                let mode: String = conn.pragma_query_value(None, "journal_mode", |r| r.get(0))?;
                assert_eq!(mode, "wal");
                let fk: i64 = conn.pragma_query_value(None, "foreign_keys", |r| r.get(0))?;
                assert_eq!(fk, 1, "foreign keys must be enforced");
                let orphan = conn.execute(
                    "INSERT INTO sites (profile_id, name, created_at) VALUES (999, 'x', 'now')",
                    [],
                );
                assert!(
                    orphan.is_err(),
                    "a site without its profile must be refused"
                );
                Ok(())
            })
            .expect("checks run");
    }

    #[test]
    fn a_file_that_is_not_a_database_is_a_storage_error_and_is_not_overwritten() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("db.sqlite3");
        let junk = b"this is a spreadsheet, not a database".repeat(200);
        std::fs::write(&path, &junk).expect("write junk");
        let err = Store::open(&path).expect_err("junk is not a database");
        assert_eq!(err.kind(), crate::ErrorKind::StorageUnavailable);
        assert_eq!(
            std::fs::read(&path).expect("read back"),
            junk,
            "the file is untouched"
        );
    }

    #[test]
    fn data_survives_closing_and_reopening() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("db.sqlite3");
        let id = {
            let store = Store::open(&path).expect("open");
            store
                .create_profile(&crate::profile::ProfileInput {
                    kind: crate::profile::ProfileKind::Freelancer,
                    name: "Bilal".into(),
                })
                .expect("create")
                .id
        };
        let store = Store::open(&path).expect("reopen");
        assert_eq!(
            store.profile_detail(id).expect("detail").profile.name,
            "Bilal"
        );
    }
}
