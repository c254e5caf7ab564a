//! Credentials against the real Linux keychains: a Secret Service (gnome-keyring) and the
//! kernel keyring, both started privately by `scripts/with-keychain.sh`, which `make test`
//! wraps the Rust tests in. Run alone: `scripts/with-keychain.sh cargo test -p vca-core
//! --test credentials`.
#![cfg(target_os = "linux")]
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::process::Command;

use secrecy::{ExposeSecret as _, SecretString};
use vca_core::{
    ErrorKind,
    credentials::{
        self, Backend, CredentialInput, CredentialKind, Keychain, KeychainProblem, Preference,
        SERVICE,
    },
    store::Store,
};

fn random_secret() -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).unwrap();
    format!(
        "s3cret-{}",
        bytes.iter().map(|b| format!("{b:02x}")).collect::<String>()
    )
}

fn input(label: &str, secret: Option<&str>) -> CredentialInput {
    CredentialInput {
        kind: CredentialKind::PtaPortal,
        label: label.into(),
        account: Some("ayesha@example.pk".into()),
        secret: secret.map(SecretString::from),
    }
}

fn keychain(preference: Preference, backend: Backend) -> Keychain {
    let keychain = Keychain::open_with(preference);
    assert_eq!(
        keychain.backend().ok(),
        Some(backend),
        "{backend:?} is not reachable: run the tests inside scripts/with-keychain.sh ({:?})",
        keychain.status()
    );
    keychain
}

fn keychain_user(store: &Store, id: i64) -> String {
    store.credential(id).unwrap().keychain_user
}

/// What `secret-tool` (libsecret's own client) finds for an entry, as another program sees it.
fn secret_tool_lookup(user: &str) -> Option<String> {
    let out = Command::new("secret-tool")
        .args(["lookup", "service", SERVICE, "username", user])
        .output()
        .expect("secret-tool runs (package libsecret-tools)");
    out.status
        .success()
        .then(|| String::from_utf8(out.stdout).unwrap())
}

fn secret_tool_search(user: &str) -> String {
    let out = Command::new("secret-tool")
        .args(["search", "--all", "service", SERVICE, "username", user])
        .output()
        .expect("secret-tool runs");
    // secret-tool prints attributes on stdout and the label on stderr's neighbour lines.
    format!(
        "{}{}",
        String::from_utf8_lossy(&out.stdout),
        String::from_utf8_lossy(&out.stderr)
    )
}

#[test]
fn a_credential_lives_in_the_secret_service_survives_a_restart_and_is_deleted_from_it() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("vca.sqlite3");
    let secret = random_secret();
    let (id, user) = {
        let store = Store::open(&db).unwrap();
        let keychain = keychain(Preference::SecretService, Backend::SecretService);
        let added =
            credentials::add(&store, &keychain, &input("PTA portal", Some(&secret))).expect("add");
        assert_eq!(added.backend, Backend::SecretService);
        assert_eq!(added.account.as_deref(), Some("ayesha@example.pk"));
        let user = keychain_user(&store, added.id);
        (added.id, user)
    };

    // Another program sees it in the keychain, under the app's service, labelled for people.
    assert_eq!(secret_tool_lookup(&user).as_deref(), Some(secret.as_str()));
    let found = secret_tool_search(&user);
    assert!(
        found.contains("VPN Compliance Assistant: PTA portal"),
        "{found}"
    );

    // A new process (a new store, a new keychain handle) reads it back.
    let store = Store::open(&db).unwrap();
    let keychain = keychain(Preference::Auto, Backend::SecretService);
    assert_eq!(
        credentials::secret(&store, &keychain, id)
            .unwrap()
            .expose_secret(),
        secret
    );

    // A new secret replaces the old one in place; keeping the secret keeps it.
    let newer = random_secret();
    credentials::update(&store, &keychain, id, &input("PTA portal", Some(&newer))).unwrap();
    assert_eq!(secret_tool_lookup(&user).as_deref(), Some(newer.as_str()));
    let renamed =
        credentials::update(&store, &keychain, id, &input("PTA portal (Lahore)", None)).unwrap();
    assert_eq!(renamed.label, "PTA portal (Lahore)");
    assert_eq!(secret_tool_lookup(&user).as_deref(), Some(newer.as_str()));

    credentials::remove(&store, &keychain, id).unwrap();
    assert_eq!(secret_tool_lookup(&user), None, "the entry is gone");
    assert!(credentials::list(&store).unwrap().is_empty());
}

#[test]
fn a_credential_lives_in_the_kernel_keyring_where_no_secret_service_runs() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("vca.sqlite3")).unwrap();
    let keychain = keychain(Preference::Keyutils, Backend::Keyutils);
    assert!(
        !keychain.status().persistent,
        "the UI warns: gone after a restart"
    );
    let secret = random_secret();
    let added = credentials::add(&store, &keychain, &input("PSEB", Some(&secret))).unwrap();
    let user = keychain_user(&store, added.id);
    let description = format!("keyring-rs:{user}@{SERVICE}");

    let key = Command::new("keyctl")
        .args(["request", "user", &description])
        .output()
        .unwrap();
    assert!(key.status.success(), "keyctl finds the key");
    let id = String::from_utf8(key.stdout).unwrap();
    let value = Command::new("keyctl")
        .args(["pipe", id.trim()])
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(value.stdout).unwrap(), secret);

    credentials::remove(&store, &keychain, added.id).unwrap();
    let gone = Command::new("keyctl")
        .args(["request", "user", &description])
        .output()
        .unwrap();
    assert!(!gone.status.success(), "the key is deleted");
}

#[test]
fn a_secret_deleted_outside_the_app_is_reported_as_missing_not_as_empty() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("vca.sqlite3")).unwrap();
    let keychain = keychain(Preference::SecretService, Backend::SecretService);
    let added =
        credentials::add(&store, &keychain, &input("Token", Some(&random_secret()))).unwrap();
    let user = keychain_user(&store, added.id);
    let cleared = Command::new("secret-tool")
        .args(["clear", "service", SERVICE, "username", &user])
        .status()
        .unwrap();
    assert!(cleared.success());

    let err = credentials::secret(&store, &keychain, added.id).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::Keychain);
    assert!(matches!(
        err,
        vca_core::Error::Keychain {
            problem: KeychainProblem::EntryMissing,
            ..
        }
    ));
    // Deleting it still works: the row goes, nothing is left.
    credentials::remove(&store, &keychain, added.id).unwrap();
    assert!(credentials::list(&store).unwrap().is_empty());
}

#[test]
fn a_label_is_used_once_and_a_refused_add_leaves_nothing_in_the_keychain() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("vca.sqlite3")).unwrap();
    let keychain = keychain(Preference::SecretService, Backend::SecretService);
    credentials::add(
        &store,
        &keychain,
        &input("PTA portal", Some("first-s3cret")),
    )
    .unwrap();
    let secret = random_secret();
    let err = credentials::add(&store, &keychain, &input("pta PORTAL", Some(&secret))).unwrap_err();
    assert_eq!(err.field(), Some("label"));
    assert!(!err.to_string().contains(&secret));
    let all = Command::new("secret-tool")
        .args(["search", "--all", "--unlock", "service", SERVICE])
        .output()
        .unwrap();
    let listing = String::from_utf8_lossy(&all.stdout);
    assert!(
        !listing.contains(&secret),
        "nothing of the refused credential was stored"
    );
    assert_eq!(credentials::list(&store).unwrap().len(), 1);
}
