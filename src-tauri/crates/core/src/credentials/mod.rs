//! Credentials: portal logins and API tokens, kept in the OS keychain.
//!
//! The database holds only that a credential exists: its label, kind, the account name if the
//! user gave one, which keychain holds it and when it last changed. The secret goes straight
//! from the user's input to the [`Keychain`] and back out only when asked for by id
//! ([`secret`]); in between it is a [`SecretString`], which redacts itself in `Debug` and is
//! zeroed when dropped.
//!
//! Order of writes: the keychain first, then the row. If the row cannot be written the entry
//! is deleted again, so a failure leaves neither. Only a crash between the two steps can leave
//! an entry without a row: it holds what the user typed, in the keychain, under a random name
//! that nothing else will ever use.

mod keychain;

use jiff::Timestamp;
use secrecy::{ExposeSecret as _, SecretString};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use keychain::{
    Backend, Keychain, KeychainProblem, KeychainStatus, PREFERENCE_ENV, Preference, SERVICE,
};

use crate::{Error, Result, profile::Id, store::Store};

/// The longest secret accepted, in characters; Windows' Credential Manager stores at most 2,560
/// bytes of UTF-16.
pub const MAX_SECRET_CHARS: usize = 1_000;

/// The longest label and account name.
pub const MAX_LABEL_CHARS: usize = 80;

/// What a credential is for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CredentialKind {
    /// A login to PTA's VPN/IP registration portal.
    PtaPortal,
    /// A login to PSEB's portal (freelancer or call-center registration).
    PsebPortal,
    /// An API token, e.g. for an IP-information service the connection check asks.
    ApiToken,
    /// Anything else.
    Other,
}

impl CredentialKind {
    /// The name stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::PtaPortal => "ptaPortal",
            Self::PsebPortal => "psebPortal",
            Self::ApiToken => "apiToken",
            Self::Other => "other",
        }
    }

    /// The kind named `s` by [`CredentialKind::as_str`].
    pub fn parse(s: &str) -> Option<Self> {
        [
            Self::PtaPortal,
            Self::PsebPortal,
            Self::ApiToken,
            Self::Other,
        ]
        .into_iter()
        .find(|k| k.as_str() == s)
    }
}

/// That a credential exists: everything about it but the secret.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Credential {
    /// Row id.
    pub id: Id,
    /// What it is for.
    pub kind: CredentialKind,
    /// The user's name for it, e.g. "PTA portal (Lahore office)".
    pub label: String,
    /// The account name or e-mail, if the user chose to keep it in the list.
    pub account: Option<String>,
    /// The keychain that holds the secret.
    pub backend: Backend,
    /// When it was added.
    pub created_at: Timestamp,
    /// When its secret or details last changed.
    pub changed_at: Timestamp,
}

/// What the user gives to add a credential, or to change one (`secret: None` keeps the
/// stored secret).
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CredentialInput {
    /// What it is for.
    pub kind: CredentialKind,
    /// The user's name for it.
    pub label: String,
    /// The account name, kept in the list if given.
    #[serde(default)]
    pub account: Option<String>,
    /// The password or token.
    #[serde(default)]
    #[ts(type = "string | null", optional)]
    pub secret: Option<SecretString>,
}

/// The row of a credential as the store keeps it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StoredCredential {
    /// What the user sees.
    pub credential: Credential,
    /// The keychain entry's name (random, not secret).
    pub keychain_user: String,
}

/// The checked, trimmed details of an input.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Details {
    /// What it is for.
    pub kind: CredentialKind,
    /// The label, trimmed.
    pub label: String,
    /// The account name, trimmed, `None` when empty.
    pub account: Option<String>,
}

fn check_details(input: &CredentialInput) -> Result<Details> {
    let label = input.label.trim();
    if label.is_empty() {
        return Err(Error::invalid(
            "label",
            "give the credential a name, e.g. \"PTA portal\"",
        ));
    }
    if label.chars().count() > MAX_LABEL_CHARS {
        return Err(Error::invalid(
            "label",
            format!("the name is longer than {MAX_LABEL_CHARS} characters"),
        ));
    }
    let account = input
        .account
        .as_deref()
        .map(str::trim)
        .filter(|a| !a.is_empty());
    if account.is_some_and(|a| a.chars().count() > MAX_LABEL_CHARS) {
        return Err(Error::invalid(
            "account",
            format!("the account name is longer than {MAX_LABEL_CHARS} characters"),
        ));
    }
    Ok(Details {
        kind: input.kind,
        label: label.to_owned(),
        account: account.map(str::to_owned),
    })
}

/// Checks a secret as typed. Messages never repeat it.
fn check_secret(secret: &SecretString) -> Result<()> {
    let s = secret.expose_secret();
    if s.is_empty() {
        return Err(Error::invalid("secret", "enter the password or token"));
    }
    if s.chars().count() > MAX_SECRET_CHARS {
        return Err(Error::invalid(
            "secret",
            format!(
                "the secret is longer than {MAX_SECRET_CHARS} characters, more than a keychain can hold on every system"
            ),
        ));
    }
    if s.contains(['\n', '\r']) {
        return Err(Error::invalid(
            "secret",
            "the secret contains a line break, usually left over from copying; paste it again without it",
        ));
    }
    Ok(())
}

/// A fresh, random keychain entry name.
fn new_keychain_user() -> Result<String> {
    let mut bytes = [0u8; 12];
    getrandom::fill(&mut bytes)
        .map_err(|e| Error::Internal(format!("no randomness for a keychain entry name: {e}")))?;
    Ok(format!(
        "credential-{}",
        bytes.iter().map(|b| format!("{b:02x}")).collect::<String>()
    ))
}

/// Every credential, by label.
pub fn list(store: &Store) -> Result<Vec<Credential>> {
    Ok(store
        .list_credentials()?
        .into_iter()
        .map(|c| c.credential)
        .collect())
}

/// Adds a credential: its secret into the keychain, the rest into the store.
pub fn add(store: &Store, keychain: &Keychain, input: &CredentialInput) -> Result<Credential> {
    let details = check_details(input)?;
    let secret = input
        .secret
        .as_ref()
        .ok_or_else(|| Error::invalid("secret", "enter the password or token"))?;
    check_secret(secret)?;
    store.check_credential_label(&details.label, None)?;
    let backend = keychain.backend()?;
    let user = new_keychain_user()?;
    keychain.set(&user, &details.label, secret)?;
    match store.insert_credential(&details, &user, backend) {
        Ok(credential) => {
            tracing::info!(
                id = credential.id,
                kind = details.kind.as_str(),
                "credential added"
            );
            Ok(credential)
        }
        Err(err) => {
            if let Err(undo) = keychain.delete(&user) {
                tracing::warn!(error = %undo, "could not remove the keychain entry of a credential that was not saved");
            }
            Err(err)
        }
    }
}

/// Changes a credential's details and, when `input.secret` is given, its secret.
pub fn update(
    store: &Store,
    keychain: &Keychain,
    id: Id,
    input: &CredentialInput,
) -> Result<Credential> {
    let details = check_details(input)?;
    if let Some(secret) = &input.secret {
        check_secret(secret)?;
    }
    store.check_credential_label(&details.label, Some(id))?;
    let stored = store.credential(id)?;
    if let Some(secret) = &input.secret {
        keychain.set(&stored.keychain_user, &details.label, secret)?;
    }
    let credential = store.update_credential(id, &details)?;
    tracing::info!(
        id,
        secret_changed = input.secret.is_some(),
        "credential updated"
    );
    Ok(credential)
}

/// Deletes a credential from the keychain, then from the store. When the keychain cannot be
/// reached the row stays, so the secret is never left behind unlisted.
pub fn remove(store: &Store, keychain: &Keychain, id: Id) -> Result<()> {
    let stored = store.credential(id)?;
    keychain.delete(&stored.keychain_user)?;
    store.delete_credential(id)?;
    tracing::info!(id, "credential deleted");
    Ok(())
}

/// The secret of credential `id`, read from the keychain.
pub fn secret(store: &Store, keychain: &Keychain, id: Id) -> Result<SecretString> {
    let stored = store.credential(id)?;
    keychain.get(&stored.keychain_user)
}

/// The credential labelled `label` (case-insensitive), for the parts of the app that need one
/// by name (the connection check's API tokens, the portal helper).
pub fn find(store: &Store, label: &str) -> Result<Option<Credential>> {
    Ok(list(store)?
        .into_iter()
        .find(|c| c.label.eq_ignore_ascii_case(label.trim())))
}

/// The secrets of the credentials labelled `labels`, for the connection check's API tokens.
/// A label with no credential, or whose secret cannot be read, is left out with a warning
/// (the provider that wanted it then reports the token missing); the rest still work.
pub fn secrets_by_label(
    store: &Store,
    keychain: &Keychain,
    labels: &[String],
) -> Vec<(String, SecretString)> {
    labels
        .iter()
        .map(String::as_str)
        .filter_map(|label| {
            let found = find(store, label).and_then(|c| match c {
                Some(c) => secret(store, keychain, c.id).map(Some),
                None => Ok(None),
            });
            match found {
                Ok(Some(secret)) => Some((label.to_owned(), secret)),
                Ok(None) => {
                    tracing::warn!(label, "no stored credential has this name");
                    None
                }
                Err(err) => {
                    tracing::warn!(label, error = %err, "could not read a credential");
                    None
                }
            }
        })
        .collect()
}

#[cfg(test)]
mod tests {
    #![allow(clippy::unwrap_used, clippy::expect_used)]

    use super::*;

    fn input(label: &str, secret: &str) -> CredentialInput {
        CredentialInput {
            kind: CredentialKind::PtaPortal,
            label: label.into(),
            account: Some("  ayesha@example.pk ".into()),
            secret: Some(SecretString::from(secret)),
        }
    }

    #[test]
    fn details_are_trimmed_and_empty_accounts_dropped() {
        let d = check_details(&input("  PTA portal ", "x")).unwrap();
        assert_eq!(d.label, "PTA portal");
        assert_eq!(d.account.as_deref(), Some("ayesha@example.pk"));
        let mut blank = input("PTA", "x");
        blank.account = Some("   ".into());
        assert_eq!(check_details(&blank).unwrap().account, None);
    }

    #[test]
    fn bad_secrets_are_refused_without_being_repeated() {
        for (secret, field_words) in [
            ("", "enter the password"),
            ("tok\nen-s3cret", "line break"),
            (&"s3cret".repeat(200) as &str, "longer than"),
        ] {
            let err = check_secret(&SecretString::from(secret)).unwrap_err();
            assert_eq!(err.field(), Some("secret"));
            let msg = err.to_string();
            assert!(msg.contains(field_words), "{msg}");
            assert!(
                !msg.contains("s3cret"),
                "the message repeats the secret: {msg}"
            );
        }
        check_secret(&SecretString::from("correct horse battery staple")).unwrap();
    }

    #[test]
    fn the_input_redacts_its_secret_when_debug_printed() {
        let shown = format!("{:?}", input("PTA", "hunter2-xyz"));
        assert!(!shown.contains("hunter2-xyz"), "{shown}");
    }

    #[test]
    fn keychain_entry_names_are_random() {
        let a = new_keychain_user().unwrap();
        let b = new_keychain_user().unwrap();
        assert_ne!(a, b);
        assert!(a.starts_with("credential-") && a.len() == "credential-".len() + 24);
    }

    #[test]
    fn kinds_round_trip_through_their_stored_names() {
        for kind in [
            CredentialKind::PtaPortal,
            CredentialKind::PsebPortal,
            CredentialKind::ApiToken,
            CredentialKind::Other,
        ] {
            assert_eq!(CredentialKind::parse(kind.as_str()), Some(kind));
        }
        assert_eq!(CredentialKind::parse("pta"), None);
    }
}
