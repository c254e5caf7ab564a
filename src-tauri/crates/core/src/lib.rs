//! The domain of VPN Compliance Assistant, free of any UI or Tauri dependency.
//!
//! This crate owns the applicant's data and the rules about it: who the applicant is
//! (a [`profile`]), the app's [`settings`], the readiness [`overview`], and the SQLite
//! [`store`] they live in (one file in the per-user [`data_dir`], migrated forward on open).
//! It deliberately knows nothing about windows, IPC or terminals: the desktop app and the
//! `vca` command line are two thin front ends over it, and its tests run headless.
//!
//! ```
//! use vca_core::{profile::{ProfileInput, ProfileKind}, store::Store};
//!
//! let dir = tempfile::tempdir()?;
//! let store = Store::open(&dir.path().join("vca.sqlite3"))?;
//! let profile = store.create_profile(&ProfileInput {
//!     kind: ProfileKind::Freelancer,
//!     name: "Ayesha Khan".into(),
//! })?;
//! assert_eq!(store.list_profiles()?, vec![profile]);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![deny(missing_docs)]

pub mod applicant;
pub mod applications;
pub mod backup;
pub mod checklist;
pub mod clock;
pub mod connection;
pub mod credentials;
pub mod data_dir;
pub mod discovery;
pub mod documents;
pub mod eligibility;
pub mod error;
pub mod export;
pub mod firm;
pub mod history;
pub mod i18n;
pub mod isp;
pub mod net_class;
pub mod overview;
pub mod portal;
pub mod profile;
pub mod registry;
pub mod reminders;
pub mod reverse_dns;
pub mod rules;
pub mod schedule;
pub mod settings;
pub mod store;
pub mod summary;
pub mod vault;
pub mod verdict;

pub use error::{Error, ErrorKind, Result};

/// The version of this crate, which is the version of the whole app.
pub const VERSION: &str = env!("CARGO_PKG_VERSION");
