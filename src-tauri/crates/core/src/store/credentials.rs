//! That credentials exist: labels, kinds, account names, keychain entry names. Never a secret.

use rusqlite::{OptionalExtension, Row, params};

use super::Store;
use crate::{
    Error, Result,
    credentials::{Backend, Credential, CredentialKind, Details, StoredCredential},
    profile::Id,
};

const COLUMNS: &str = "id, kind, label, account, backend, created_at, changed_at, keychain_user";

fn backend_to_db(b: Backend) -> &'static str {
    match b {
        Backend::SecretService => "secretService",
        Backend::Keyutils => "keyutils",
        Backend::MacosKeychain => "macosKeychain",
        Backend::WindowsCredentialManager => "windowsCredentialManager",
    }
}

fn backend_from_db(s: &str) -> rusqlite::Result<Backend> {
    [
        Backend::SecretService,
        Backend::Keyutils,
        Backend::MacosKeychain,
        Backend::WindowsCredentialManager,
    ]
    .into_iter()
    .find(|b| backend_to_db(*b) == s)
    .ok_or_else(|| conversion_error(4, format!("unknown keychain {s:?}")))
}

fn conversion_error(column: usize, message: String) -> rusqlite::Error {
    rusqlite::Error::FromSqlConversionFailure(column, rusqlite::types::Type::Text, message.into())
}

fn from_row(row: &Row<'_>) -> rusqlite::Result<StoredCredential> {
    let kind: String = row.get(1)?;
    Ok(StoredCredential {
        credential: Credential {
            id: row.get(0)?,
            kind: CredentialKind::parse(&kind)
                .ok_or_else(|| conversion_error(1, format!("unknown credential kind {kind:?}")))?,
            label: row.get(2)?,
            account: row.get(3)?,
            backend: backend_from_db(&row.get::<_, String>(4)?)?,
            created_at: row.get(5)?,
            changed_at: row.get(6)?,
        },
        keychain_user: row.get(7)?,
    })
}

impl Store {
    /// Every credential, by label.
    pub fn list_credentials(&self) -> Result<Vec<StoredCredential>> {
        self.with(|conn| {
            let mut stmt = conn.prepare(&format!(
                "SELECT {COLUMNS} FROM credentials ORDER BY label COLLATE NOCASE"
            ))?;
            let rows = stmt.query_map([], from_row)?;
            Ok(rows.collect::<rusqlite::Result<_>>()?)
        })
    }

    /// Credential `id`.
    pub fn credential(&self, id: Id) -> Result<StoredCredential> {
        self.with(|conn| {
            conn.query_row(
                &format!("SELECT {COLUMNS} FROM credentials WHERE id = ?1"),
                [id],
                from_row,
            )
            .optional()?
            .ok_or_else(|| Error::not_found(format!("credential {id}")))
        })
    }

    /// Fails unless `label` is free (ignoring credential `except`, which is being renamed).
    pub fn check_credential_label(&self, label: &str, except: Option<Id>) -> Result<()> {
        self.with(|conn| {
            let taken: Option<Id> = conn
                .query_row(
                    "SELECT id FROM credentials WHERE label = ?1 COLLATE NOCASE AND id IS NOT ?2",
                    params![label, except],
                    |r| r.get(0),
                )
                .optional()?;
            match taken {
                Some(_) => Err(Error::invalid(
                    "label",
                    format!("a credential named \"{label}\" already exists; choose another name"),
                )),
                None => Ok(()),
            }
        })
    }

    /// Records a credential whose secret is already in the keychain as entry `keychain_user`.
    pub fn insert_credential(
        &self,
        details: &Details,
        keychain_user: &str,
        backend: Backend,
    ) -> Result<Credential> {
        let now = self.now();
        let id = self.with(|conn| {
            conn.execute(
                "INSERT INTO credentials (kind, label, account, keychain_user, backend, created_at, changed_at)
                 VALUES (?1, ?2, ?3, ?4, ?5, ?6, ?6)",
                params![
                    details.kind.as_str(),
                    details.label,
                    details.account,
                    keychain_user,
                    backend_to_db(backend),
                    now
                ],
            )?;
            Ok(conn.last_insert_rowid())
        })?;
        Ok(self.credential(id)?.credential)
    }

    /// Changes a credential's details and marks it changed now.
    pub fn update_credential(&self, id: Id, details: &Details) -> Result<Credential> {
        let now = self.now();
        let changed = self.with(|conn| {
            Ok(conn.execute(
                "UPDATE credentials SET kind = ?2, label = ?3, account = ?4, changed_at = ?5 WHERE id = ?1",
                params![id, details.kind.as_str(), details.label, details.account, now],
            )?)
        })?;
        if changed == 0 {
            return Err(Error::not_found(format!("credential {id}")));
        }
        Ok(self.credential(id)?.credential)
    }

    /// Forgets credential `id` (its keychain entry must be deleted first).
    pub fn delete_credential(&self, id: Id) -> Result<()> {
        let changed =
            self.with(|conn| Ok(conn.execute("DELETE FROM credentials WHERE id = ?1", [id])?))?;
        if changed == 0 {
            return Err(Error::not_found(format!("credential {id}")));
        }
        Ok(())
    }
}
