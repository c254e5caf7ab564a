//! Settings rows: one JSON value per key, read into [`Settings`] with defaults for what is missing.

use rusqlite::{OptionalExtension, params};

use super::Store;
use crate::{
    Error, Result,
    profile::Id,
    settings::{
        MAX_DOCUMENT_MB_LIMIT, MAX_FOLLOW_UP_DAYS, MAX_RECHECK_HOURS, Settings, SettingsPatch,
    },
};

const THEME: &str = "theme";
const LANGUAGE: &str = "language";
const ACTIVE_PROFILE: &str = "activeProfileId";
const RECHECK_HOURS: &str = "recheckHours";
const MAX_DOCUMENT_MB: &str = "maxDocumentMb";
const FOLLOW_UP_DAYS: &str = "followUpDays";

fn get<T: serde::de::DeserializeOwned + Default>(
    conn: &rusqlite::Connection,
    key: &str,
) -> Result<T> {
    get_or(conn, key, T::default)
}

fn get_or<T: serde::de::DeserializeOwned>(
    conn: &rusqlite::Connection,
    key: &str,
    default: impl Fn() -> T,
) -> Result<T> {
    let raw: Option<String> = conn
        .query_row("SELECT value FROM settings WHERE key = ?1", [key], |r| {
            r.get(0)
        })
        .optional()?;
    Ok(match raw {
        None => default(),
        Some(raw) => serde_json::from_str(&raw).unwrap_or_else(|err| {
            // A value this version cannot read (hand-edited, or from a newer version) falls
            // back to the default instead of locking the user out of the app.
            tracing::warn!(key, %err, "unreadable setting; using the default");
            default()
        }),
    })
}

fn put<T: serde::Serialize>(conn: &rusqlite::Connection, key: &str, value: &T) -> Result<()> {
    let json = serde_json::to_string(value).map_err(|e| Error::Internal(e.to_string()))?;
    conn.execute(
        "INSERT INTO settings (key, value) VALUES (?1, ?2) ON CONFLICT(key) DO UPDATE SET value = excluded.value",
        params![key, json],
    )?;
    Ok(())
}

impl Store {
    /// The current settings. An active profile that no longer exists reads as the first profile.
    pub fn settings(&self) -> Result<Settings> {
        self.with(|conn| {
            let stored: Option<Id> = get(conn, ACTIVE_PROFILE)?;
            let active_profile_id = match stored {
                Some(id)
                    if conn
                        .query_row("SELECT 1 FROM profiles WHERE id = ?1", [id], |_| Ok(()))
                        .optional()?
                        .is_some() =>
                {
                    Some(id)
                }
                _ => conn
                    .query_row("SELECT id FROM profiles ORDER BY id LIMIT 1", [], |r| {
                        r.get(0)
                    })
                    .optional()?,
            };
            Ok(Settings {
                theme: get(conn, THEME)?,
                language: get(conn, LANGUAGE)?,
                active_profile_id,
                recheck_hours: get_or(conn, RECHECK_HOURS, || {
                    crate::schedule::DEFAULT_RECHECK_HOURS
                })?,
                max_document_mb: get_or(conn, MAX_DOCUMENT_MB, || {
                    crate::settings::DEFAULT_MAX_DOCUMENT_MB
                })?,
                follow_up_days: get_or(conn, FOLLOW_UP_DAYS, || {
                    crate::settings::DEFAULT_FOLLOW_UP_DAYS
                })?,
            })
        })
    }

    /// Applies `patch` atomically and returns the settings after it.
    pub fn update_settings(&self, patch: &SettingsPatch) -> Result<Settings> {
        if patch.recheck_hours.is_some_and(|h| h > MAX_RECHECK_HOURS) {
            return Err(Error::invalid(
                "recheckHours",
                format!("automatic checks can be at most {MAX_RECHECK_HOURS} hours (a week) apart"),
            ));
        }
        if patch
            .max_document_mb
            .is_some_and(|mb| mb == 0 || mb > MAX_DOCUMENT_MB_LIMIT)
        {
            return Err(Error::invalid(
                "maxDocumentMb",
                format!(
                    "the size limit for one document must be between 1 and {MAX_DOCUMENT_MB_LIMIT} MB"
                ),
            ));
        }
        if patch
            .follow_up_days
            .is_some_and(|d| d == 0 || d > MAX_FOLLOW_UP_DAYS)
        {
            return Err(Error::invalid(
                "followUpDays",
                format!("follow up after 1 to {MAX_FOLLOW_UP_DAYS} days"),
            ));
        }
        self.with(|conn| {
            let tx = conn.transaction()?;
            if let Some(days) = patch.follow_up_days {
                put(&tx, FOLLOW_UP_DAYS, &days)?;
            }
            if let Some(mb) = patch.max_document_mb {
                put(&tx, MAX_DOCUMENT_MB, &mb)?;
            }
            if let Some(theme) = patch.theme {
                put(&tx, THEME, &theme)?;
            }
            if let Some(language) = patch.language {
                put(&tx, LANGUAGE, &language)?;
            }
            if let Some(hours) = patch.recheck_hours {
                put(&tx, RECHECK_HOURS, &hours)?;
            }
            if let Some(id) = patch.active_profile_id {
                let exists = tx
                    .query_row("SELECT 1 FROM profiles WHERE id = ?1", [id], |_| Ok(()))
                    .optional()?;
                if exists.is_none() {
                    return Err(Error::not_found(format!("profile {id}")));
                }
                put(&tx, ACTIVE_PROFILE, &Some(id))?;
            }
            tx.commit()?;
            Ok(())
        })?;
        self.settings()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        profile::{ProfileInput, ProfileKind},
        settings::{Language, Theme},
    };

    fn store() -> (tempfile::TempDir, Store) {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open(&dir.path().join("db.sqlite3")).expect("open");
        (dir, store)
    }

    #[test]
    fn a_fresh_install_has_default_settings() {
        let (_dir, store) = store();
        assert_eq!(store.settings().expect("settings"), Settings::default());
    }

    #[test]
    fn a_patch_changes_only_what_it_carries_and_persists() {
        let (dir, store) = store();
        store
            .update_settings(&SettingsPatch {
                theme: Some(Theme::Dark),
                ..Default::default()
            })
            .expect("patch");
        let after = store
            .update_settings(&SettingsPatch {
                language: Some(Language::En),
                ..Default::default()
            })
            .expect("patch");
        assert_eq!(after.theme, Theme::Dark, "the earlier change is kept");
        drop(store);
        let reopened = Store::open(&dir.path().join("db.sqlite3")).expect("reopen");
        assert_eq!(reopened.settings().expect("settings"), after);
    }

    #[test]
    fn the_active_profile_falls_back_when_deleted_and_must_exist_when_set() {
        let (_dir, store) = store();
        let mk = |name: &str| {
            store
                .create_profile(&ProfileInput {
                    kind: ProfileKind::Freelancer,
                    name: name.into(),
                })
                .expect("create")
        };
        let first = mk("A");
        let second = mk("B");
        assert_eq!(
            store.settings().expect("s").active_profile_id,
            Some(first.id),
            "defaults to the first"
        );
        store
            .update_settings(&SettingsPatch {
                active_profile_id: Some(second.id),
                ..Default::default()
            })
            .expect("set");
        assert_eq!(
            store.settings().expect("s").active_profile_id,
            Some(second.id)
        );
        store.delete_profile(second.id).expect("delete");
        assert_eq!(
            store.settings().expect("s").active_profile_id,
            Some(first.id),
            "falls back"
        );
        let err = store
            .update_settings(&SettingsPatch {
                active_profile_id: Some(999),
                theme: Some(Theme::Light),
                ..Default::default()
            })
            .expect_err("unknown profile");
        assert_eq!(err.kind(), crate::ErrorKind::NotFound);
        assert_eq!(
            store.settings().expect("s").theme,
            Theme::System,
            "a refused patch changes nothing"
        );
    }

    #[test]
    fn the_recheck_interval_defaults_to_six_hours_and_is_bounded() {
        let (_dir, store) = store();
        assert_eq!(store.settings().expect("s").recheck_hours, 6);
        let s = store
            .update_settings(&SettingsPatch {
                recheck_hours: Some(0),
                ..Default::default()
            })
            .expect("off");
        assert_eq!(s.recheck_hours, 0, "0 turns automatic checks off");
        let err = store
            .update_settings(&SettingsPatch {
                recheck_hours: Some(1000),
                ..Default::default()
            })
            .expect_err("too long");
        assert_eq!(err.field(), Some("recheckHours"));
        assert_eq!(
            store.settings().expect("s").recheck_hours,
            0,
            "a refused patch changes nothing"
        );
    }

    #[test]
    fn an_unreadable_stored_value_falls_back_to_the_default() {
        let (_dir, store) = store();
        store
            .with(|c| {
                Ok(c.execute(
                    "INSERT INTO settings (key, value) VALUES ('theme', '\"sepia\"')",
                    [],
                )?)
            })
            .expect("insert");
        assert_eq!(store.settings().expect("settings").theme, Theme::System);
    }
}
