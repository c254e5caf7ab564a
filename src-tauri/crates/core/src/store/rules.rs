//! Imported rules packs, kept as the signed files they came in.

use ed25519_dalek::VerifyingKey;
use rusqlite::params;

use super::Store;
use crate::{
    Error, Result,
    rules::{PackInfo, RulesPack, shipped, signed},
};

fn info(pack: &RulesPack, imported_at: Option<jiff::Timestamp>) -> PackInfo {
    PackInfo {
        version: pack.version,
        published: pack.published,
        title: pack.title.clone(),
        notes: pack.notes.clone(),
        built_in: imported_at.is_none(),
        imported_at,
    }
}

impl Store {
    /// The newest valid pack: an imported one that still verifies under `key` and is newer
    /// than the built-in one, or the built-in one.
    pub fn rules_pack(&self, key: &VerifyingKey) -> Result<(RulesPack, PackInfo)> {
        let builtin = shipped();
        let stored: Vec<(Vec<u8>, jiff::Timestamp)> = self.with(|conn| {
            let mut stmt = conn.prepare(
                "SELECT file, imported_at FROM rules_packs WHERE version > ?1 ORDER BY version DESC",
            )?;
            let rows = stmt.query_map([builtin.version], |r| Ok((r.get(0)?, r.get(1)?)))?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })?;
        for (file, imported_at) in stored {
            match signed::open(&file, key) {
                Ok(pack) => {
                    let info = info(&pack, Some(imported_at));
                    return Ok((pack, info));
                }
                Err(e) => {
                    tracing::warn!(error = %e, "a stored rules pack no longer verifies; skipping it")
                }
            }
        }
        let info = info(&builtin, None);
        Ok((builtin, info))
    }

    /// [`Store::rules_pack`] under the project's key: the pack the app and the CLI use.
    pub fn current_rules(&self) -> Result<(RulesPack, PackInfo)> {
        self.rules_pack(&signed::project_key())
    }

    /// Verifies a pack file and keeps it when it is newer than the pack in use.
    ///
    /// Refused, with the reason, when unsigned, tampered, not newer or malformed; the pack in
    /// use stays.
    pub fn import_rules_pack(&self, file: &[u8], key: &VerifyingKey) -> Result<PackInfo> {
        let (current, _) = self.rules_pack(key)?;
        let pack = signed::accept_newer(file, key, current.version)
            .map_err(|refusal| Error::invalid("file", refusal.to_string()))?;
        let now = self.now();
        self.with(|conn| {
            conn.execute(
                "INSERT OR REPLACE INTO rules_packs (version, file, imported_at) VALUES (?1, ?2, ?3)",
                params![pack.version, file, now],
            )?;
            Ok(())
        })?;
        Ok(info(&pack, Some(now)))
    }
}
