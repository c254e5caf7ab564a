//! The schema's history: append-only, numbered SQL files embedded in the binary.
//!
//! Never edit a released migration; add the next file. `tests` below upgrade a database
//! made at every earlier version, with data in it, to the newest.

use rusqlite_migration::{M, Migrations};

/// Every migration, in order. Index + 1 is the schema version it produces.
const STEPS: &[M<'static>] = &[
    M::up(include_str!("migrations/0001_profiles.sql")),
    M::up(include_str!("migrations/0002_settings.sql")),
    M::up(include_str!("migrations/0003_connection_checks.sql")),
    M::up(include_str!("migrations/0004_subscriber_ids.sql")),
    M::up(include_str!("migrations/0005_documents.sql")),
    M::up(include_str!("migrations/0006_credentials.sql")),
    M::up(include_str!("migrations/0007_applications.sql")),
    M::up(include_str!("migrations/0008_reminder_messages.sql")),
];

/// The migrations as `rusqlite_migration` wants them.
pub(crate) fn all() -> Migrations<'static> {
    Migrations::from_slice(STEPS)
}

/// The newest schema version this build knows.
pub const LATEST_VERSION: usize = STEPS.len();

#[cfg(test)]
mod tests {
    use rusqlite::Connection;

    use super::*;

    #[test]
    fn migrations_are_valid_sql_in_order() {
        all()
            .validate()
            .expect("every migration applies cleanly to an empty database");
    }

    /// Data a user could have at `version`, so the upgrade is tested with rows in place.
    fn seed(conn: &Connection, version: usize) {
        if version >= 1 {
            conn.execute_batch(
                "INSERT INTO profiles (id, kind, name, created_at, updated_at)
                     VALUES (1, 'firm', 'Indus Soft', '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z');
                 INSERT INTO sites (id, profile_id, name, city, created_at)
                     VALUES (1, 1, 'Head office', 'Lahore', '2025-01-01T00:00:00Z');
                 INSERT INTO public_ips (profile_id, site_id, address, label, created_at)
                     VALUES (1, 1, '39.32.10.5', 'PTCL line', '2025-01-01T00:00:00Z');",
            )
            .expect("seed schema 1");
        }
        if version >= 2 {
            conn.execute_batch("INSERT INTO settings (key, value) VALUES ('theme', '\"dark\"');")
                .expect("seed schema 2");
        }
        if version >= 7 {
            conn.execute_batch(
                "INSERT INTO reminders (profile_id, key, kind, title, body, due_at, created_at)
                     VALUES (1, 'custom:1:1', 'custom', 'Call the ISP', '', 1, '2025-01-01T00:00:00Z');",
            )
            .expect("seed schema 7");
        }
    }

    #[test]
    fn a_database_from_every_earlier_version_upgrades_to_the_latest_keeping_its_data() {
        for version in 0..LATEST_VERSION {
            let dir = tempfile::tempdir().expect("tempdir");
            let path = dir.path().join("old.sqlite3");
            {
                let mut conn = Connection::open(&path).expect("open");
                all()
                    .to_version(&mut conn, version)
                    .expect("build the old schema");
                seed(&conn, version);
            }
            let store = crate::store::Store::open(&path)
                .unwrap_or_else(|e| panic!("a schema-{version} database must open: {e}"));
            assert_eq!(store.schema_version().expect("version"), LATEST_VERSION);
            if version >= 1 {
                let detail = store
                    .profile_detail(1)
                    .expect("the seeded profile survives");
                assert_eq!(detail.profile.name, "Indus Soft");
                assert_eq!(detail.sites.len(), 1, "sites survive the upgrade");
                assert_eq!(detail.public_ips[0].address, "39.32.10.5");
            }
            if version >= 7 {
                let due = store
                    .reminders_due(None, jiff::Timestamp::now())
                    .expect("reminders");
                assert_eq!(
                    due[0].title.text(crate::i18n::Lang::Ur),
                    "Call the ISP",
                    "a reminder from before messages keeps its words"
                );
                assert_eq!(due[0].body, None);
            }
        }
    }

    #[test]
    fn a_database_from_a_newer_app_is_refused_untouched() {
        let dir = tempfile::tempdir().expect("tempdir");
        let path = dir.path().join("future.sqlite3");
        {
            let conn = Connection::open(&path).expect("open");
            conn.pragma_update(None, "user_version", 99)
                .expect("set version");
        }
        let err = crate::store::Store::open(&path).expect_err("a newer schema must be refused");
        assert!(
            matches!(err, crate::Error::SchemaTooNew { found: 99, .. }),
            "got {err:?}"
        );
        let conn = Connection::open(&path).expect("reopen");
        let version: i64 = conn
            .pragma_query_value(None, "user_version", |r| r.get(0))
            .expect("read version");
        assert_eq!(version, 99, "the newer database is left as it was");
    }
}
