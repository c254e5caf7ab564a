//! Where the app keeps its data: one folder per user, overridable for tests and portable installs.
//!
//! Resolution order: an explicit path (the `--data-dir` flag), then the `VCA_DATA_DIR`
//! environment variable, then the operating system's per-user data folder
//! (`~/.local/share/vpncomplianceassistant` on Linux,
//! `~/Library/Application Support/pk.vca.VPN-Compliance-Assistant` on macOS,
//! `%APPDATA%\vca\VPN Compliance Assistant\data` on Windows).

use std::path::{Path, PathBuf};

use crate::{Error, Result};

/// The environment variable that overrides the data folder.
pub const ENV_VAR: &str = "VCA_DATA_DIR";

/// The database file's name inside the data folder.
pub const DATABASE_FILE: &str = "vca.sqlite3";

/// The app's data folder, created and known to be a directory.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct DataDir {
    root: PathBuf,
}

impl DataDir {
    /// Resolves the data folder (see the module docs) and creates it if needed.
    pub fn resolve(explicit: Option<&Path>) -> Result<Self> {
        let root = match explicit {
            Some(path) => path.to_path_buf(),
            None => match std::env::var_os(ENV_VAR).filter(|v| !v.is_empty()) {
                Some(path) => PathBuf::from(path),
                None => default_root()?,
            },
        };
        Self::at(root)
    }

    /// Uses `root` as the data folder, creating it if needed.
    pub fn at(root: impl Into<PathBuf>) -> Result<Self> {
        let root = root.into();
        std::fs::create_dir_all(&root).map_err(|source| Error::DataDir {
            path: root.clone(),
            source,
        })?;
        if !root.is_dir() {
            return Err(Error::DataDir {
                path: root,
                source: std::io::Error::new(std::io::ErrorKind::NotADirectory, "not a folder"),
            });
        }
        // A restore interrupted during its swap is completed before anyone opens the store.
        crate::backup::finish_pending(&root)?;
        Ok(Self { root })
    }

    /// The folder itself.
    pub fn root(&self) -> &Path {
        &self.root
    }

    /// The SQLite database file.
    pub fn database_path(&self) -> PathBuf {
        self.root.join(DATABASE_FILE)
    }

    /// The document vault.
    pub fn vault_dir(&self) -> PathBuf {
        self.root.join("vault")
    }

    /// The folder for log files.
    pub fn logs_dir(&self) -> PathBuf {
        self.root.join("logs")
    }
}

fn default_root() -> Result<PathBuf> {
    directories::ProjectDirs::from("pk", "vca", "VPN Compliance Assistant")
        .map(|dirs| dirs.data_dir().to_path_buf())
        .ok_or(Error::NoHomeDir)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_explicit_folder_is_created_and_used() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let wanted = tmp.path().join("nested").join("data");
        let dir = DataDir::resolve(Some(&wanted)).expect("explicit folder should be usable");
        assert_eq!(dir.root(), wanted);
        assert!(wanted.is_dir(), "resolve must create the folder");
        assert_eq!(dir.database_path(), wanted.join(DATABASE_FILE));
    }

    #[test]
    fn a_file_where_the_folder_should_be_is_a_clear_error() {
        let tmp = tempfile::tempdir().expect("tempdir");
        let file = tmp.path().join("occupied");
        std::fs::write(&file, b"x").expect("write");
        let err = DataDir::at(&file).expect_err("a file is not a data folder");
        assert_eq!(err.kind(), crate::ErrorKind::StorageUnavailable);
        assert!(
            err.to_string().contains("occupied"),
            "the message names the folder: {err}"
        );
    }
}
