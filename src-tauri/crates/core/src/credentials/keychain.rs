//! The operating system's keychain, where every secret of the app lives.
//!
//! One service name ([`SERVICE`]) for the whole app and one entry per credential. On macOS and
//! Windows the native store is used (Keychain, Credential Manager). On Linux the Secret Service
//! (GNOME Keyring, KWallet) is preferred; the kernel keyring (keyutils) is used where no Secret
//! Service runs. Which one is chosen once, when the keychain is first needed, and can be forced
//! with `VCA_KEYCHAIN=secret-service|keyutils` (see [`Preference`]).
//!
//! Nothing here ever falls back to a file: when no keychain answers, every operation fails
//! with a [`KeychainProblem`] that says which and what to do, and the rest of the app goes on.

use std::fmt;

use keyring::Entry;
use secrecy::{ExposeSecret as _, SecretString};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Error, Result};

/// The keychain service every entry of the app is filed under.
pub const SERVICE: &str = "pk.vca.assistant";

/// The environment variable that forces a Linux backend.
pub const PREFERENCE_ENV: &str = "VCA_KEYCHAIN";

/// The store a secret is kept in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Backend {
    /// The freedesktop Secret Service (GNOME Keyring, KWallet).
    SecretService,
    /// The Linux kernel keyring: kept in memory only, gone after a restart of the computer.
    Keyutils,
    /// The macOS Keychain.
    MacosKeychain,
    /// The Windows Credential Manager.
    WindowsCredentialManager,
}

impl Backend {
    /// Its name as people know it.
    pub fn name(self) -> &'static str {
        match self {
            Self::SecretService => "the Secret Service (GNOME Keyring or KWallet)",
            Self::Keyutils => "the Linux kernel keyring",
            Self::MacosKeychain => "the macOS Keychain",
            Self::WindowsCredentialManager => "the Windows Credential Manager",
        }
    }

    /// Whether what it holds survives a restart of the computer.
    pub fn persistent(self) -> bool {
        !matches!(self, Self::Keyutils)
    }
}

/// Which Linux backend to use; ignored on other systems.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum Preference {
    /// The Secret Service if one answers, else the kernel keyring.
    #[default]
    Auto,
    /// Only the Secret Service.
    SecretService,
    /// Only the kernel keyring.
    Keyutils,
}

impl Preference {
    /// Reads [`PREFERENCE_ENV`]; unknown values mean [`Preference::Auto`] (with a warning).
    pub fn from_env() -> Self {
        match std::env::var(PREFERENCE_ENV).as_deref() {
            Err(_) | Ok("" | "auto") => Self::Auto,
            Ok("secret-service") => Self::SecretService,
            Ok("keyutils") => Self::Keyutils,
            Ok(other) => {
                tracing::warn!(
                    value = other,
                    "unknown {PREFERENCE_ENV}; choosing automatically"
                );
                Self::Auto
            }
        }
    }
}

/// Why the keychain could not do what was asked.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum KeychainProblem {
    /// No keychain answers on this system.
    Missing,
    /// The keychain is there but locked.
    Locked,
    /// The keychain answered with an error.
    Refused,
    /// The credential's entry is not in the keychain any more.
    EntryMissing,
}

impl KeychainProblem {
    /// What it means and what to do, as one sentence for the user.
    pub fn advice(self) -> &'static str {
        match self {
            Self::Missing => {
                "no keychain is available on this system (on Linux: start GNOME Keyring or \
                 KWallet, or log in to a desktop session); credentials cannot be stored until one \
                 is, and nothing was written anywhere else"
            }
            Self::Locked => {
                "the keychain is locked; unlock it (log in again or open your passwords app) \
                 and try again"
            }
            Self::Refused => "the keychain refused the request; nothing was changed",
            Self::EntryMissing => {
                "the keychain no longer holds this credential (it was deleted outside the app, \
                 or the kernel keyring was emptied by a restart); enter it again or delete it"
            }
        }
    }
}

impl fmt::Display for KeychainProblem {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.advice())
    }
}

/// The keychain as found on this system.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct KeychainStatus {
    /// The store in use, or `None` when none answers.
    pub backend: Option<Backend>,
    /// Its name, or why there is none, for the user.
    pub description: String,
    /// Whether stored credentials survive a restart of the computer.
    pub persistent: bool,
    /// What is wrong when there is no store.
    pub problem: Option<KeychainProblem>,
}

/// The keychain the app uses: a backend that answered, or the reason none did.
#[derive(Debug, Clone)]
pub struct Keychain {
    found: std::result::Result<Backend, String>,
}

impl Keychain {
    /// Finds the keychain as [`Preference::from_env`] says.
    pub fn open() -> Self {
        Self::open_with(Preference::from_env())
    }

    /// Finds the keychain, probing the Linux backends in the order `preference` gives.
    pub fn open_with(preference: Preference) -> Self {
        let found = probe(preference);
        match &found {
            Ok(backend) => tracing::info!(backend = backend.name(), "keychain found"),
            Err(why) => tracing::warn!(reason = %why, "no keychain"),
        }
        Self { found }
    }

    /// The backend, or the problem every operation will report.
    pub fn backend(&self) -> Result<Backend> {
        self.found.as_ref().copied().map_err(|why| Error::Keychain {
            problem: KeychainProblem::Missing,
            detail: Some(why.clone()),
        })
    }

    /// What the Credentials page says about the keychain.
    pub fn status(&self) -> KeychainStatus {
        match &self.found {
            Ok(backend) => KeychainStatus {
                backend: Some(*backend),
                description: backend.name().to_owned(),
                persistent: backend.persistent(),
                problem: None,
            },
            Err(why) => KeychainStatus {
                backend: None,
                description: sentence(&format!("{} ({why})", KeychainProblem::Missing.advice())),
                persistent: false,
                problem: Some(KeychainProblem::Missing),
            },
        }
    }

    /// Stores `secret` as the entry `user`, replacing what it held. `label` is what the user
    /// sees in their passwords app.
    pub fn set(&self, user: &str, label: &str, secret: &SecretString) -> Result<()> {
        let entry = self.entry(user, Some(label))?;
        entry
            .set_password(secret.expose_secret())
            .map_err(|e| from_keyring(&e))
    }

    /// The secret of entry `user`.
    pub fn get(&self, user: &str) -> Result<SecretString> {
        let entry = self.entry(user, None)?;
        entry
            .get_password()
            .map(SecretString::from)
            .map_err(|e| from_keyring(&e))
    }

    /// Deletes entry `user`; an entry that is already gone is not an error.
    pub fn delete(&self, user: &str) -> Result<()> {
        let entry = self.entry(user, None)?;
        match entry.delete_credential() {
            Ok(()) | Err(keyring::Error::NoEntry) => Ok(()),
            Err(e) => Err(from_keyring(&e)),
        }
    }

    fn entry(&self, user: &str, label: Option<&str>) -> Result<Entry> {
        build_entry(self.backend()?, user, label).map_err(|e| from_keyring(&e))
    }
}

/// `s` with its first letter in upper case, to stand alone as a sentence.
fn sentence(s: &str) -> String {
    let mut chars = s.chars();
    chars
        .next()
        .map(|first| first.to_uppercase().chain(chars).collect())
        .unwrap_or_default()
}

/// Maps a keyring error to ours. Variants that carry data are matched without it: `BadEncoding`
/// holds the stored bytes and `Ambiguous` the matching entries, which must never reach a
/// message or a log.
fn from_keyring(err: &keyring::Error) -> Error {
    let (problem, detail) = match err {
        keyring::Error::NoEntry => (KeychainProblem::EntryMissing, None),
        keyring::Error::NoStorageAccess(e) => (KeychainProblem::Locked, Some(e.to_string())),
        keyring::Error::PlatformFailure(e) => (KeychainProblem::Refused, Some(e.to_string())),
        keyring::Error::BadEncoding(_) => (
            KeychainProblem::Refused,
            Some("the stored entry is not text".to_owned()),
        ),
        keyring::Error::TooLong(what, limit) => (
            KeychainProblem::Refused,
            Some(format!(
                "the {what} is longer than the keychain allows ({limit})"
            )),
        ),
        keyring::Error::Invalid(what, why) => {
            (KeychainProblem::Refused, Some(format!("{what}: {why}")))
        }
        keyring::Error::Ambiguous(_) => (
            KeychainProblem::Refused,
            Some("more than one keychain entry matches".to_owned()),
        ),
        _ => (KeychainProblem::Refused, None),
    };
    Error::Keychain { problem, detail }
}

#[cfg(target_os = "linux")]
fn build_entry(backend: Backend, user: &str, label: Option<&str>) -> keyring::Result<Entry> {
    use keyring::{keyutils::KeyutilsCredential, secret_service::SsCredential};
    match backend {
        Backend::Keyutils => Ok(Entry::new_with_credential(Box::new(
            KeyutilsCredential::new_with_target(None, SERVICE, user)?,
        ))),
        _ => {
            let mut credential = SsCredential::new_with_target(None, SERVICE, user)?;
            if let Some(label) = label {
                credential.label = format!("VPN Compliance Assistant: {label}");
            }
            Ok(Entry::new_with_credential(Box::new(credential)))
        }
    }
}

#[cfg(not(target_os = "linux"))]
fn build_entry(_backend: Backend, user: &str, _label: Option<&str>) -> keyring::Result<Entry> {
    Entry::new(SERVICE, user)
}

/// The entry name used to find out whether a backend answers; never holds anything real.
const PROBE_USER: &str = "probe";

#[cfg(target_os = "linux")]
fn probe(preference: Preference) -> std::result::Result<Backend, String> {
    let secret_service = || -> std::result::Result<Backend, String> {
        // A read of an entry that does not exist answers NoEntry when the service runs, and
        // fails to connect when it does not.
        match build_entry(Backend::SecretService, PROBE_USER, None)
            .and_then(|entry| entry.get_password())
        {
            Ok(_) | Err(keyring::Error::NoEntry) => Ok(Backend::SecretService),
            Err(keyring::Error::NoStorageAccess(_)) => Ok(Backend::SecretService),
            Err(e) => Err(format!("no Secret Service answers: {e}")),
        }
    };
    let keyutils = || -> std::result::Result<Backend, String> {
        // keyutils reports "access denied" as NoEntry on reads, so only a write tells.
        let entry = build_entry(Backend::Keyutils, PROBE_USER, None).map_err(|e| e.to_string())?;
        entry
            .set_password("probe")
            .and_then(|()| entry.delete_credential())
            .map(|()| Backend::Keyutils)
            .map_err(|e| format!("the kernel keyring refuses writes: {e}"))
    };
    match preference {
        Preference::SecretService => secret_service(),
        Preference::Keyutils => keyutils(),
        Preference::Auto => {
            secret_service().or_else(|ss| keyutils().map_err(|ku| format!("{ss}; {ku}")))
        }
    }
}

#[cfg(target_os = "macos")]
fn probe(_: Preference) -> std::result::Result<Backend, String> {
    Ok(Backend::MacosKeychain)
}

#[cfg(target_os = "windows")]
fn probe(_: Preference) -> std::result::Result<Backend, String> {
    Ok(Backend::WindowsCredentialManager)
}

#[cfg(not(any(target_os = "linux", target_os = "macos", target_os = "windows")))]
fn probe(_: Preference) -> std::result::Result<Backend, String> {
    Err("this operating system has no supported keychain".to_owned())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keyring_errors_that_carry_stored_bytes_never_show_them() {
        let err = from_keyring(&keyring::Error::BadEncoding(b"hunter2-secret".to_vec()));
        assert!(!err.to_string().contains("hunter2"), "{err}");
        assert!(!format!("{err:?}").contains("hunter2"), "{err:?}");
        assert!(matches!(
            err,
            Error::Keychain {
                problem: KeychainProblem::Refused,
                ..
            }
        ));
    }

    #[test]
    fn a_locked_store_and_a_missing_entry_say_what_to_do() {
        let locked = from_keyring(&keyring::Error::NoStorageAccess("locked".into()));
        assert!(locked.to_string().contains("unlock it"), "{locked}");
        let gone = from_keyring(&keyring::Error::NoEntry);
        assert!(gone.to_string().contains("enter it again"), "{gone}");
    }
}
