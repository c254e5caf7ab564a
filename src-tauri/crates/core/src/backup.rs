//! Backup and restore of the whole state: the database and the document vault in one archive.
//!
//! A backup is a tar file: a consistent snapshot of the database (`VACUUM INTO`), every file
//! of the vault, and last a manifest (`vca-backup.json`) with each file's size and SHA-256,
//! computed while the file was being written (one read per file).
//!
//! A restore never touches the current data until the archive has been checked completely:
//! it is unpacked into a staging folder next to the data, each file hashed against the
//! manifest, nothing extra or missing, the database opened (and migrated, if older) and every
//! vault file's name matching its content. A damaged, truncated, tampered or foreign archive
//! is refused there and the staging folder removed. Only then is a journal written and the
//! staged state swapped in with renames. If the process dies during the swap, the next start
//! ([`finish_pending`], called when the data folder is opened) completes it: the staged copy
//! was already verified, so rolling forward is safe; before the journal exists, the current
//! data has not been touched.

use std::{
    fs::File,
    io::{self, Read, Write},
    path::{Component, Path, PathBuf},
};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::{Error, Result, data_dir::DataDir, store::Store, vault::hex};

/// The manifest's name inside the archive.
pub const MANIFEST: &str = "vca-backup.json";
const DATABASE_ENTRY: &str = "database.sqlite3";
const VAULT_PREFIX: &str = "vault/";
const FORMAT: u32 = 1;
const JOURNAL: &str = "restore-journal.json";
const STAGING_PREFIX: &str = ".restore-staging-";
const OLD_PREFIX: &str = ".restore-old-";

/// One file in the archive.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ManifestEntry {
    /// Its path inside the archive.
    pub path: String,
    /// Bytes.
    #[ts(type = "number")]
    pub size: u64,
    /// Lowercase hex SHA-256.
    pub sha256: String,
}

/// What a backup holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Manifest {
    /// The archive format (1).
    pub format: u32,
    /// The app version that wrote it.
    pub app_version: String,
    /// When.
    pub created_at: Timestamp,
    /// The database's schema version.
    #[ts(type = "number")]
    pub schema_version: usize,
    /// Every file but the manifest.
    pub files: Vec<ManifestEntry>,
}

/// What a backup or restore did.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct BackupReport {
    /// The archive.
    pub path: String,
    /// When the backup was made.
    pub created_at: Timestamp,
    /// Files in it (the database and the vault's files).
    pub files: u32,
    /// Bytes of those files.
    #[ts(type = "number")]
    pub bytes: u64,
}

fn io_err(action: &'static str) -> impl Fn(io::Error) -> Error {
    move |source| Error::Vault { action, source }
}

fn refused(message: impl Into<String>) -> Error {
    Error::invalid("archive", message)
}

/// A writer that hashes and counts what passes through it.
struct Hashing<R> {
    inner: R,
    hasher: Sha256,
    len: u64,
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(&buf[..n]);
        self.len += n as u64;
        Ok(n)
    }
}

fn append_file<W: Write>(
    tar: &mut tar::Builder<W>,
    name: &str,
    path: &Path,
    files: &mut Vec<ManifestEntry>,
) -> Result<()> {
    let file = File::open(path).map_err(io_err("read a file for the backup"))?;
    let size = file
        .metadata()
        .map_err(io_err("read a file for the backup"))?
        .len();
    let mut header = tar::Header::new_gnu();
    header.set_size(size);
    header.set_mode(0o600);
    header.set_entry_type(tar::EntryType::Regular);
    let mut reader = Hashing {
        inner: file.take(size),
        hasher: Sha256::new(),
        len: 0,
    };
    tar.append_data(&mut header, name, &mut reader)
        .map_err(io_err("write the backup"))?;
    if reader.len != size {
        return Err(Error::Vault {
            action: "read a file for the backup",
            source: io::Error::other(format!("{name} changed while it was being backed up")),
        });
    }
    files.push(ManifestEntry {
        path: name.to_owned(),
        size,
        sha256: hex(&reader.hasher.finalize()),
    });
    Ok(())
}

/// Writes a backup of `store` and the vault in `dir` to `target` (a new file; written to a
/// temporary name next to it and renamed when complete, so a failed backup leaves nothing).
pub fn backup(store: &Store, dir: &DataDir, target: &Path, now: Timestamp) -> Result<BackupReport> {
    let parent = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if target.exists() {
        return Err(Error::invalid(
            "out",
            format!("{} already exists; choose a new name", target.display()),
        ));
    }
    let work = tempfile::Builder::new()
        .prefix(".vca-backup-")
        .tempdir_in(parent)
        .map_err(io_err("create the backup file"))?;
    let snapshot = work.path().join(DATABASE_ENTRY);
    store.snapshot_to(&snapshot)?;
    let partial = work.path().join("backup.tar");
    let out = File::create(&partial).map_err(io_err("create the backup file"))?;
    let mut tar = tar::Builder::new(io::BufWriter::with_capacity(1 << 20, out));
    let mut files = Vec::new();
    append_file(&mut tar, DATABASE_ENTRY, &snapshot, &mut files)?;
    let mut blobs = vault_files(&dir.vault_dir().join("blobs"))?;
    blobs.sort();
    for (rel, path) in &blobs {
        append_file(
            &mut tar,
            &format!("{VAULT_PREFIX}blobs/{rel}"),
            path,
            &mut files,
        )?;
    }
    let manifest = Manifest {
        format: FORMAT,
        app_version: crate::VERSION.to_owned(),
        created_at: now,
        schema_version: store.schema_version()?,
        files,
    };
    let json = serde_json::to_vec_pretty(&manifest).map_err(|e| Error::Internal(e.to_string()))?;
    let mut header = tar::Header::new_gnu();
    header.set_size(json.len() as u64);
    header.set_mode(0o600);
    tar.append_data(&mut header, MANIFEST, json.as_slice())
        .map_err(io_err("write the backup"))?;
    let out = tar
        .into_inner()
        .map_err(io_err("write the backup"))?
        .into_inner()
        .map_err(|e| Error::Vault {
            action: "write the backup",
            source: e.into_error(),
        })?;
    out.sync_all().map_err(io_err("write the backup"))?;
    drop(out);
    std::fs::rename(&partial, target).map_err(io_err("write the backup"))?;
    Ok(BackupReport {
        path: target.display().to_string(),
        created_at: now,
        files: u32::try_from(manifest.files.len()).unwrap_or(u32::MAX),
        bytes: manifest.files.iter().map(|f| f.size).sum(),
    })
}

/// The vault's stored files under `blobs`, as (`xx/<sha256>`, path).
fn vault_files(blobs: &Path) -> Result<Vec<(String, PathBuf)>> {
    let mut out = Vec::new();
    let Ok(prefixes) = std::fs::read_dir(blobs) else {
        return Ok(out);
    };
    for prefix in prefixes {
        let prefix = prefix.map_err(io_err("read the vault"))?;
        if !prefix
            .file_type()
            .map_err(io_err("read the vault"))?
            .is_dir()
        {
            continue;
        }
        for file in std::fs::read_dir(prefix.path()).map_err(io_err("read the vault"))? {
            let file = file.map_err(io_err("read the vault"))?;
            if file
                .file_type()
                .map_err(io_err("read the vault"))?
                .is_file()
            {
                out.push((
                    format!(
                        "{}/{}",
                        prefix.file_name().to_string_lossy(),
                        file.file_name().to_string_lossy()
                    ),
                    file.path(),
                ));
            }
        }
    }
    Ok(out)
}

/// A relative path of plain names only: no `..`, no root, no prefix.
fn safe_relative(name: &str) -> Option<PathBuf> {
    let path = Path::new(name);
    let mut out = PathBuf::new();
    for c in path.components() {
        match c {
            Component::Normal(part) => out.push(part),
            _ => return None,
        }
    }
    (!out.as_os_str().is_empty()).then_some(out)
}

/// Checks `archive` completely and unpacks it into a new staging folder inside the data
/// folder; returns that folder and the manifest. Nothing outside the staging folder changes;
/// on any problem the staging folder is removed.
fn stage(archive: &Path, dir: &DataDir) -> Result<(tempfile::TempDir, Manifest)> {
    let staging = tempfile::Builder::new()
        .prefix(STAGING_PREFIX)
        .tempdir_in(dir.root())
        .map_err(io_err("prepare the restore"))?;
    let file = File::open(archive)
        .map_err(|e| refused(format!("{} cannot be read: {e}", archive.display())))?;
    let mut tar = tar::Archive::new(io::BufReader::with_capacity(1 << 20, file));
    let not_ours = || {
        refused(format!(
            "{} is not a VPN Compliance Assistant backup (or it is damaged); nothing was changed",
            archive.display()
        ))
    };
    let mut seen: Vec<ManifestEntry> = Vec::new();
    let mut manifest: Option<Manifest> = None;
    let entries = tar.entries().map_err(|_| not_ours())?;
    for entry in entries {
        let mut entry = entry.map_err(|_| not_ours())?;
        let name = entry
            .path()
            .map_err(|_| not_ours())?
            .to_string_lossy()
            .into_owned();
        if manifest.is_some() {
            return Err(refused(format!(
                "{} has files after its manifest; it was altered, so nothing was restored",
                archive.display()
            )));
        }
        if !entry.header().entry_type().is_file() {
            return Err(refused(format!(
                "{} holds {name}, which is not a plain file; nothing was restored",
                archive.display()
            )));
        }
        if name == MANIFEST {
            let mut json = Vec::new();
            entry
                .by_ref()
                .take(16 << 20)
                .read_to_end(&mut json)
                .map_err(|_| not_ours())?;
            manifest = Some(serde_json::from_slice(&json).map_err(|_| not_ours())?);
            continue;
        }
        let allowed = name == DATABASE_ENTRY || name.starts_with(VAULT_PREFIX);
        let Some(rel) = safe_relative(&name).filter(|_| allowed) else {
            return Err(refused(format!(
                "{} holds an unexpected path ({name}); nothing was restored",
                archive.display()
            )));
        };
        let dest = staging.path().join(rel);
        if let Some(parent) = dest.parent() {
            std::fs::create_dir_all(parent).map_err(io_err("prepare the restore"))?;
        }
        let mut out = File::create(&dest).map_err(io_err("prepare the restore"))?;
        let mut reader = Hashing {
            inner: &mut entry,
            hasher: Sha256::new(),
            len: 0,
        };
        io::copy(&mut reader, &mut out).map_err(|e| {
            if e.kind() == io::ErrorKind::UnexpectedEof {
                not_ours()
            } else {
                Error::Vault {
                    action: "prepare the restore",
                    source: e,
                }
            }
        })?;
        seen.push(ManifestEntry {
            path: name,
            size: reader.len,
            sha256: hex(&reader.hasher.finalize()),
        });
    }
    let manifest = manifest.ok_or_else(|| {
        refused(format!(
            "{} has no manifest: it is not a VPN Compliance Assistant backup, or it was cut short; nothing was changed",
            archive.display()
        ))
    })?;
    if manifest.format != FORMAT {
        return Err(refused(format!(
            "{} was written in backup format {}, which this version does not know; nothing was changed",
            archive.display(),
            manifest.format
        )));
    }
    if manifest.schema_version > crate::store::LATEST_VERSION {
        return Err(Error::SchemaTooNew {
            found: manifest.schema_version,
            supported: crate::store::LATEST_VERSION,
        });
    }
    let mut want = manifest.files.clone();
    want.sort_by(|a, b| a.path.cmp(&b.path));
    seen.sort_by(|a, b| a.path.cmp(&b.path));
    if want != seen {
        let bad: Vec<&str> = want
            .iter()
            .filter(|w| !seen.contains(w))
            .map(|w| w.path.as_str())
            .chain(
                seen.iter()
                    .filter(|s| !want.contains(s))
                    .map(|s| s.path.as_str()),
            )
            .take(3)
            .collect();
        return Err(refused(format!(
            "{} does not match its manifest ({}); it is damaged or was altered, so nothing was restored",
            archive.display(),
            bad.join(", ")
        )));
    }
    if !seen.iter().any(|f| f.path == DATABASE_ENTRY) {
        return Err(refused(format!(
            "{} holds no database; nothing was restored",
            archive.display()
        )));
    }
    for f in seen.iter().filter(|f| f.path.starts_with(VAULT_PREFIX)) {
        if Path::new(&f.path).file_name().and_then(|n| n.to_str()) != Some(f.sha256.as_str()) {
            return Err(refused(format!(
                "{} holds a vault file whose content does not match its name ({}); nothing was restored",
                archive.display(),
                f.path
            )));
        }
    }
    // The database must open (an older schema is migrated here, in the staging copy).
    let db = staging.path().join(DATABASE_ENTRY);
    Store::open(&db).map_err(|e| {
        refused(format!(
            "the database in {} cannot be opened ({e}); nothing was restored",
            archive.display()
        ))
    })?;
    std::fs::create_dir_all(staging.path().join("vault/blobs"))
        .map_err(io_err("prepare the restore"))?;
    Ok((staging, manifest))
}

/// The journal of a restore whose swap started.
#[derive(Debug, Serialize, Deserialize)]
struct Journal {
    staging: String,
    old: String,
}

/// Restores the backup `archive` into the data folder `dir`, replacing its database and vault.
/// No store may be open on `dir` (the CLI runs it before opening one; the app uses
/// [`prepare_restore`] and restarts). A refused archive leaves everything as it was.
pub fn restore(archive: &Path, dir: &DataDir) -> Result<BackupReport> {
    let report = prepare_restore(archive, dir)?;
    finish_pending(dir.root())?;
    Ok(report)
}

/// Checks and stages `archive` and writes the journal, so the swap happens the next time the
/// data folder is opened (for a running app, which then restarts).
pub fn prepare_restore(archive: &Path, dir: &DataDir) -> Result<BackupReport> {
    let (staging, manifest) = stage(archive, dir)?;
    let staging = staging.keep();
    let name = |p: &Path| {
        p.file_name()
            .map(|n| n.to_string_lossy().into_owned())
            .unwrap_or_default()
    };
    let old = dir.root().join(format!(
        "{OLD_PREFIX}{}",
        name(&staging).trim_start_matches(STAGING_PREFIX)
    ));
    let journal = Journal {
        staging: name(&staging),
        old: name(&old),
    };
    let json = serde_json::to_vec(&journal).map_err(|e| Error::Internal(e.to_string()))?;
    let tmp = dir.root().join(format!("{JOURNAL}.tmp"));
    let mut f = File::create(&tmp).map_err(io_err("start the restore"))?;
    f.write_all(&json).map_err(io_err("start the restore"))?;
    f.sync_all().map_err(io_err("start the restore"))?;
    drop(f);
    std::fs::rename(&tmp, dir.root().join(JOURNAL)).map_err(io_err("start the restore"))?;
    Ok(BackupReport {
        path: archive.display().to_string(),
        created_at: manifest.created_at,
        files: u32::try_from(manifest.files.len()).unwrap_or(u32::MAX),
        bytes: manifest.files.iter().map(|f| f.size).sum(),
    })
}

fn move_if_present(from: &Path, to: &Path) -> Result<()> {
    if from.exists() && !to.exists() {
        std::fs::rename(from, to).map_err(io_err("swap in the restored data"))?;
    }
    Ok(())
}

/// Completes a restore that was interrupted during its swap, and removes staging folders of
/// restores that never got that far. Called whenever the data folder is opened.
pub fn finish_pending(root: &Path) -> Result<()> {
    let journal_path = root.join(JOURNAL);
    if let Ok(raw) = std::fs::read(&journal_path) {
        let journal: Journal = serde_json::from_slice(&raw)
            .map_err(|e| Error::Internal(format!("the restore journal is unreadable: {e}")))?;
        let (Some(staging), Some(old)) =
            (safe_relative(&journal.staging), safe_relative(&journal.old))
        else {
            return Err(Error::Internal(
                "the restore journal names a path outside the data folder".into(),
            ));
        };
        let staging = root.join(staging);
        let old = root.join(old);
        std::fs::create_dir_all(&old).map_err(io_err("swap in the restored data"))?;
        let db = crate::data_dir::DATABASE_FILE;
        for name in [
            db.to_owned(),
            format!("{db}-wal"),
            format!("{db}-shm"),
            "vault".to_owned(),
        ] {
            move_if_present(&root.join(&name), &old.join(&name))?;
        }
        move_if_present(&staging.join(DATABASE_ENTRY), &root.join(db))?;
        move_if_present(&staging.join("vault"), &root.join("vault"))?;
        std::fs::remove_file(&journal_path).map_err(io_err("finish the restore"))?;
        tracing::info!("restore completed");
        for leftover in [&staging, &old] {
            if let Err(e) = std::fs::remove_dir_all(leftover) {
                tracing::warn!(path = %leftover.display(), error = %e, "could not remove a restore leftover");
            }
        }
    }
    // Staging folders without a journal are restores that were refused or interrupted
    // before the swap: the current data was never touched.
    if let Ok(entries) = std::fs::read_dir(root) {
        for e in entries.flatten() {
            let n = e.file_name().to_string_lossy().into_owned();
            if n.starts_with(STAGING_PREFIX) || n.starts_with(OLD_PREFIX) {
                let _ = std::fs::remove_dir_all(e.path());
            }
        }
    }
    Ok(())
}
