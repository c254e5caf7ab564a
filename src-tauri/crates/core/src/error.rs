//! The one error type of the core, and the coarse [`ErrorKind`] that front ends branch on.
//!
//! Messages are written for the person using the app: they say what went wrong and, where
//! there is one, what to do. They never carry a secret. Front ends map [`ErrorKind`] to their
//! own codes (IPC error codes, CLI exit codes); they never parse message text.

use std::path::PathBuf;

/// Shorthand for results whose error is [`Error`].
pub type Result<T, E = Error> = std::result::Result<T, E>;

/// Everything the core can fail with.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// A value the user gave does not pass validation; `field` names the input.
    #[error("{message}")]
    Invalid {
        /// The input field at fault, as named in the DTO (camelCase).
        field: &'static str,
        /// What is wrong and how to fix it.
        message: String,
    },
    /// The thing asked for does not exist (any more).
    #[error("{what} was not found; it may have been deleted")]
    NotFound {
        /// A human name for the thing, e.g. "profile 3".
        what: String,
    },
    /// The data folder cannot be created or written.
    #[error("the data folder {} cannot be used: {source}", path.display())]
    DataDir {
        /// The folder that was tried.
        path: PathBuf,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// No per-user data folder could be determined and none was given.
    #[error(
        "no per-user data folder could be found on this system; pass --data-dir or set VCA_DATA_DIR"
    )]
    NoHomeDir,
    /// The database was written by a newer version of the app than this one.
    #[error(
        "your data was saved by a newer version of VPN Compliance Assistant (schema {found}, this version knows up to {supported}); install the newer version to open it"
    )]
    SchemaTooNew {
        /// The schema version found in the file.
        found: usize,
        /// The newest schema version this build knows.
        supported: usize,
    },
    /// SQLite reported an error.
    #[error("the database could not be read or written: {0}")]
    Database(#[from] rusqlite::Error),
    /// A migration could not be applied; the database was left at its previous version.
    #[error("the database could not be upgraded: {0}")]
    Migration(#[source] rusqlite_migration::Error),
    /// The document vault could not be read or written.
    #[error("could not {action}: {}", describe_io(source))]
    Vault {
        /// What was being done, e.g. "write the file into the vault".
        action: &'static str,
        /// The operating system's reason.
        source: std::io::Error,
    },
    /// The OS keychain could not do what was asked; nothing was written anywhere else.
    #[error("{problem}{}", detail.as_deref().map(|d| format!(" ({d})")).unwrap_or_default())]
    Keychain {
        /// Which problem, with its advice.
        problem: crate::credentials::KeychainProblem,
        /// The keychain's own words, when it gave any (never a secret).
        detail: Option<String>,
    },
    /// A broken invariant inside the app, e.g. a poisoned lock after a panic.
    #[error("internal error: {0}")]
    Internal(String),
}

fn describe_io(e: &std::io::Error) -> String {
    match e.kind() {
        std::io::ErrorKind::StorageFull => {
            "the disk is full; free some space and try again (nothing was changed)".into()
        }
        std::io::ErrorKind::PermissionDenied => {
            "permission denied; check that the data folder belongs to you".into()
        }
        _ => e.to_string(),
    }
}

/// The coarse kind of an [`Error`]: what a front end needs to decide how to show it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
#[non_exhaustive]
pub enum ErrorKind {
    /// The user can fix the input and try again.
    InvalidInput,
    /// The thing is gone; refresh the view.
    NotFound,
    /// The data store cannot be used at all; nothing will work until this is fixed.
    StorageUnavailable,
    /// The OS keychain is missing, locked or refused; credentials are unavailable, the rest works.
    Keychain,
    /// A bug; retrying will not help.
    Internal,
}

impl Error {
    /// Builds an [`Error::Invalid`].
    pub fn invalid(field: &'static str, message: impl Into<String>) -> Self {
        Self::Invalid {
            field,
            message: message.into(),
        }
    }

    /// Builds an [`Error::NotFound`].
    pub fn not_found(what: impl Into<String>) -> Self {
        Self::NotFound { what: what.into() }
    }

    /// The kind of this error.
    pub fn kind(&self) -> ErrorKind {
        match self {
            Self::Invalid { .. } => ErrorKind::InvalidInput,
            Self::NotFound { .. } => ErrorKind::NotFound,
            Self::DataDir { .. }
            | Self::NoHomeDir
            | Self::SchemaTooNew { .. }
            | Self::Database(_)
            | Self::Migration(_)
            | Self::Vault { .. } => ErrorKind::StorageUnavailable,
            Self::Keychain { .. } => ErrorKind::Keychain,
            Self::Internal(_) => ErrorKind::Internal,
        }
    }

    /// The input field at fault, for [`ErrorKind::InvalidInput`].
    pub fn field(&self) -> Option<&'static str> {
        match self {
            Self::Invalid { field, .. } => Some(field),
            _ => None,
        }
    }
}
