//! The document vault: files copied into the data folder, named by their SHA-256.
//!
//! Importing copies the file once, hashing it on the way, into a temporary file in the
//! vault, flushes it to disk and renames it into place. Only then does the database learn
//! of it. So a crash or a full disk leaves at worst a temporary file (removed on the next
//! open) or a stored file nothing refers to (pruned on the next open); never a database row
//! whose file is missing or half written. The same content is stored once.

mod sniff;

use std::{
    collections::HashSet,
    fs::File,
    io::{self, Read, Write},
    path::{Path, PathBuf},
};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

pub use sniff::{claimed_type, display_name, file_type};

use crate::{Error, Result, rules::FileType};

/// The copy buffer; large enough that system calls do not dominate.
const CHUNK: usize = 1024 * 1024;

/// A file stored in the vault.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StoredFile {
    /// Lowercase hex SHA-256 of the content; also its name in the vault.
    pub sha256: String,
    /// Bytes.
    #[ts(type = "number")]
    pub size: u64,
    /// What the bytes are.
    pub file_type: FileType,
    /// Pixel width, for images.
    pub width: Option<u32>,
    /// Pixel height, for images.
    pub height: Option<u32>,
    /// The name the user's file had, safe to show.
    pub original_name: String,
}

/// The state of a stored file when checked against its name.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum BlobState {
    /// Present and its content matches its hash.
    Intact,
    /// Gone from the vault.
    Missing,
    /// Present but changed.
    Damaged,
}

/// The vault folder.
#[derive(Debug, Clone)]
pub struct Vault {
    root: PathBuf,
}

fn vault_io(action: &'static str) -> impl FnOnce(io::Error) -> Error {
    move |source| Error::Vault { action, source }
}

fn unreadable(name: &str, e: &io::Error) -> Error {
    Error::invalid("file", format!("{name} could not be read: {e}"))
}

/// Flushes a directory entry to disk, so a rename survives a power cut.
fn sync_dir(dir: &Path) -> io::Result<()> {
    #[cfg(unix)]
    {
        File::open(dir)?.sync_all()
    }
    #[cfg(not(unix))]
    {
        let _ = dir;
        Ok(())
    }
}

pub(crate) fn hex(bytes: &[u8]) -> String {
    use std::fmt::Write as _;
    bytes.iter().fold(String::with_capacity(64), |mut s, b| {
        let _ = write!(s, "{b:02x}");
        s
    })
}

fn is_sha256(name: &str) -> bool {
    name.len() == 64
        && name
            .bytes()
            .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
}

fn mb(bytes: u64) -> String {
    format!("{:.1} MB", bytes as f64 / 1_048_576.0)
}

impl Vault {
    /// Opens the vault at `root`, creating it, and removes temporary files a crash left.
    pub fn open(root: impl Into<PathBuf>) -> Result<Self> {
        let vault = Self { root: root.into() };
        std::fs::create_dir_all(vault.tmp_dir()).map_err(vault_io("create the vault folder"))?;
        std::fs::create_dir_all(vault.blobs_dir()).map_err(vault_io("create the vault folder"))?;
        for entry in std::fs::read_dir(vault.tmp_dir()).map_err(vault_io("read the vault"))? {
            let path = entry.map_err(vault_io("read the vault"))?.path();
            if let Err(e) = std::fs::remove_file(&path) {
                tracing::warn!(path = %path.display(), error = %e, "could not remove a leftover temporary file");
            }
        }
        Ok(vault)
    }

    fn tmp_dir(&self) -> PathBuf {
        self.root.join("tmp")
    }

    fn blobs_dir(&self) -> PathBuf {
        self.root.join("blobs")
    }

    /// Where the file with this hash lives.
    pub fn path_of(&self, sha256: &str) -> PathBuf {
        let prefix = sha256.get(..2).unwrap_or("xx");
        self.blobs_dir().join(prefix).join(sha256)
    }

    /// Copies `source` into the vault and describes it.
    ///
    /// Refused with an [`Error::Invalid`] on field `file`: anything that is not a regular file
    /// (folders, devices, dangling links), an empty file, a file over `limit` bytes, content
    /// that is not PDF, JPEG or PNG, or a name whose extension claims another type.
    pub fn import(&self, source: &Path, limit: u64) -> Result<StoredFile> {
        let name = display_name(&source.to_string_lossy());
        let meta = std::fs::metadata(source).map_err(|e| match e.kind() {
            io::ErrorKind::NotFound if std::fs::symlink_metadata(source).is_ok() => Error::invalid(
                "file",
                format!("{name} is a link to a file that does not exist"),
            ),
            io::ErrorKind::NotFound => {
                Error::invalid("file", format!("{name} does not exist (any more)"))
            }
            _ => unreadable(&name, &e),
        })?;
        if meta.is_dir() {
            return Err(Error::invalid(
                "file",
                format!("{name} is a folder; choose a file"),
            ));
        }
        if !meta.is_file() {
            return Err(Error::invalid(
                "file",
                format!("{name} is not a regular file (a device, pipe or socket)"),
            ));
        }
        let too_big = || {
            Error::invalid(
                "file",
                format!(
                    "{name} is larger than the {} limit for one document; scan it at a lower resolution or raise the limit in Settings",
                    mb(limit)
                ),
            )
        };
        if meta.len() > limit {
            return Err(too_big());
        }
        let mut input = File::open(source).map_err(|e| unreadable(&name, &e))?;
        let mut tmp = tempfile::Builder::new()
            .prefix("import-")
            .tempfile_in(self.tmp_dir())
            .map_err(vault_io("create a temporary file in the vault"))?;
        let mut hasher = Sha256::new();
        let mut head = Vec::with_capacity(sniff::HEAD_BYTES);
        let mut buf = vec![0; CHUNK];
        let mut size: u64 = 0;
        let mut found: Option<FileType> = None;
        loop {
            let n = match input.read(&mut buf) {
                Ok(0) => break,
                Ok(n) => n,
                Err(e) if e.kind() == io::ErrorKind::Interrupted => continue,
                Err(e) => return Err(unreadable(&name, &e)),
            };
            let chunk = buf.get(..n).unwrap_or_default();
            size += n as u64;
            if size > limit {
                return Err(too_big());
            }
            if head.len() < sniff::HEAD_BYTES {
                let take = (sniff::HEAD_BYTES - head.len()).min(n);
                head.extend_from_slice(chunk.get(..take).unwrap_or_default());
                if found.is_none() && (head.len() >= 64 || size >= meta.len()) {
                    found = Some(check_type(&name, &head)?);
                }
            }
            hasher.update(chunk);
            tmp.write_all(chunk)
                .map_err(vault_io("write the file into the vault"))?;
        }
        if size == 0 {
            return Err(Error::invalid("file", format!("{name} is empty (0 bytes)")));
        }
        // A file that grew past its size on disk after `metadata` may not have been typed yet.
        let file_type = match found {
            Some(t) => t,
            None => check_type(&name, &head)?,
        };
        let (width, height) = match file_type.is_image().then(|| sniff::dimensions(&head)) {
            Some(Some((w, h))) => (Some(w), Some(h)),
            Some(None) => {
                return Err(Error::invalid(
                    "file",
                    format!("{name} looks like an image but is damaged: its size cannot be read"),
                ));
            }
            None => (None, None),
        };
        let sha256 = hex(&hasher.finalize());
        tmp.as_file()
            .sync_all()
            .map_err(vault_io("write the file into the vault"))?;
        let target = self.path_of(&sha256);
        let dir = target
            .parent()
            .map(Path::to_path_buf)
            .unwrap_or_else(|| self.blobs_dir());
        std::fs::create_dir_all(&dir).map_err(vault_io("create a vault folder"))?;
        let present = std::fs::metadata(&target).is_ok_and(|m| m.len() == size);
        if !present {
            tmp.persist(&target).map_err(|e| Error::Vault {
                action: "move the file into the vault",
                source: e.error,
            })?;
            sync_dir(&dir).map_err(vault_io("flush the vault folder"))?;
        }
        Ok(StoredFile {
            sha256,
            size,
            file_type,
            width,
            height,
            original_name: name,
        })
    }

    /// Re-reads a stored file and compares it with its name.
    pub fn check(&self, sha256: &str) -> BlobState {
        let Ok(mut file) = File::open(self.path_of(sha256)) else {
            return BlobState::Missing;
        };
        let mut hasher = Sha256::new();
        if io::copy(&mut file, &mut hasher).is_err() || hex(&hasher.finalize()) != sha256 {
            return BlobState::Damaged;
        }
        BlobState::Intact
    }

    /// Whether a stored file is present (without re-reading it).
    pub fn contains(&self, sha256: &str) -> bool {
        self.path_of(sha256).is_file()
    }

    /// Opens a stored file for reading.
    pub fn read(&self, sha256: &str) -> Result<File> {
        File::open(self.path_of(sha256)).map_err(vault_io("read a file from the vault"))
    }

    /// Every stored file's hash.
    pub fn list(&self) -> Result<Vec<String>> {
        let mut out = Vec::new();
        for prefix in std::fs::read_dir(self.blobs_dir()).map_err(vault_io("read the vault"))? {
            let prefix = prefix.map_err(vault_io("read the vault"))?.path();
            if !prefix.is_dir() {
                continue;
            }
            for entry in std::fs::read_dir(&prefix).map_err(vault_io("read the vault"))? {
                let name = entry.map_err(vault_io("read the vault"))?.file_name();
                if let Some(name) = name.to_str().filter(|n| is_sha256(n)) {
                    out.push(name.to_owned());
                }
            }
        }
        Ok(out)
    }

    /// Removes one stored file; a file already gone is not an error.
    pub fn remove(&self, sha256: &str) -> Result<()> {
        match std::fs::remove_file(self.path_of(sha256)) {
            Err(e) if e.kind() != io::ErrorKind::NotFound => {
                Err(vault_io("remove a stored file")(e))
            }
            _ => Ok(()),
        }
    }

    /// Removes stored files that are not in `keep`; returns how many.
    pub fn prune(&self, keep: &HashSet<String>) -> Result<usize> {
        let mut removed = 0;
        for sha in self.list()? {
            if !keep.contains(&sha) {
                self.remove(&sha)?;
                removed += 1;
            }
        }
        Ok(removed)
    }
}

/// Checks that `head` is a type we take and that the name does not claim another.
fn check_type(name: &str, head: &[u8]) -> Result<FileType> {
    let found = file_type(head).map_err(|what| {
        Error::invalid("file", format!("{name} is not a PDF, JPEG or PNG: {what}"))
    })?;
    match claimed_type(name) {
        Some(Ok(claimed)) if claimed != found => Err(Error::invalid(
            "file",
            format!(
                "{name} is named .{} but is really a {}; rename it to .{} or export it again",
                name.rsplit_once('.').map(|(_, e)| e).unwrap_or_default(),
                found.extension().to_uppercase(),
                found.extension()
            ),
        )),
        Some(Err(ext)) => Err(Error::invalid(
            "file",
            format!(
                "{name} is named .{ext} but is really a {}; rename it to .{}",
                found.extension().to_uppercase(),
                found.extension()
            ),
        )),
        _ => Ok(found),
    }
}
