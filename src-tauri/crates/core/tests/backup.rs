//! Backup and restore against real files: a round trip restores exactly what was saved, and
//! every kind of bad archive is refused without touching the current data.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::{fs, path::Path};

use jiff::Timestamp;
use vca_core::{
    ErrorKind,
    applications::{self, ApplicationInput},
    backup,
    data_dir::DataDir,
    documents::{self, DocumentInput},
    profile::{ProfileInput, ProfileKind},
    rules::shipped,
    store::Store,
    vault::Vault,
};

fn png(salt: u8) -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    b.extend_from_slice(&1000u32.to_be_bytes());
    b.extend_from_slice(&630u32.to_be_bytes());
    b.extend_from_slice(&[8, 2, 0, 0, 0, 0, 0, 0, salt]);
    b.extend(std::iter::repeat_n(salt, 5000));
    b
}

/// A data folder with a profile, two documents and an application.
fn populated() -> (tempfile::TempDir, DataDir) {
    let tmp = tempfile::tempdir().unwrap();
    let dir = DataDir::at(tmp.path().join("data")).unwrap();
    let store = Store::open(&dir.database_path()).unwrap();
    let vault = Vault::open(dir.vault_dir()).unwrap();
    let p = store
        .create_profile(&ProfileInput {
            kind: ProfileKind::Freelancer,
            name: "Ayesha Khan".into(),
        })
        .unwrap();
    for (i, req) in ["cnic-front", "cnic-back"].into_iter().enumerate() {
        let src = tmp.path().join(format!("{req}.png"));
        fs::write(&src, png(u8::try_from(i).unwrap() + 1)).unwrap();
        documents::import(
            &store,
            &vault,
            &shipped(),
            p.id,
            &DocumentInput {
                path: src,
                requirement_id: req.into(),
                issued_on: None,
                expires_on: None,
            },
            1 << 20,
            jiff::civil::date(2026, 11, 23),
        )
        .unwrap();
    }
    applications::start(
        &store,
        p.id,
        &ApplicationInput {
            title: "Home line".into(),
            reference: Some("PTA-1".into()),
            ..Default::default()
        },
        Timestamp::now(),
    )
    .unwrap();
    (tmp, dir)
}

/// The state a user would see: profiles, documents with their files' content, applications.
type State = (Vec<String>, Vec<(String, Vec<u8>)>, Vec<String>);

fn state(dir: &DataDir) -> State {
    let store = Store::open(&dir.database_path()).unwrap();
    let vault = Vault::open(dir.vault_dir()).unwrap();
    let profiles: Vec<String> = store
        .list_profiles()
        .unwrap()
        .into_iter()
        .map(|p| p.name)
        .collect();
    let mut docs = Vec::new();
    let mut apps = Vec::new();
    for p in store.list_profiles().unwrap() {
        for d in store.list_documents(p.id).unwrap() {
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut vault.read(&d.file.sha256).unwrap(), &mut bytes)
                .unwrap();
            docs.push((d.requirement_id, bytes));
        }
        apps.extend(
            store
                .applications_of(p.id)
                .unwrap()
                .into_iter()
                .map(|a| format!("{} {:?}", a.title, a.reference)),
        );
    }
    docs.sort();
    (profiles, docs, apps)
}

fn make_backup(dir: &DataDir, at: &Path) {
    let store = Store::open(&dir.database_path()).unwrap();
    let report = backup::backup(&store, dir, at, Timestamp::now()).unwrap();
    assert_eq!(report.files, 3, "the database and two vault files");
}

#[test]
fn a_restore_brings_back_exactly_what_was_backed_up() {
    let (tmp, dir) = populated();
    let before = state(&dir);
    let archive = tmp.path().join("backup.vcabackup");
    make_backup(&dir, &archive);
    let err = {
        let store = Store::open(&dir.database_path()).unwrap();
        backup::backup(&store, &dir, &archive, Timestamp::now()).unwrap_err()
    };
    assert!(
        err.to_string().contains("already exists"),
        "never overwrites: {err}"
    );

    // Change everything after the backup.
    {
        let store = Store::open(&dir.database_path()).unwrap();
        let vault = Vault::open(dir.vault_dir()).unwrap();
        let p = store.list_profiles().unwrap()[0].id;
        for d in store.list_documents(p).unwrap() {
            documents::remove(&store, &vault, d.id).unwrap();
        }
        store
            .create_profile(&ProfileInput {
                kind: ProfileKind::Firm,
                name: "Later Ltd".into(),
            })
            .unwrap();
    }
    assert_ne!(state(&dir), before);

    let report = backup::restore(&archive, &dir).unwrap();
    assert_eq!(report.files, 3);
    assert_eq!(state(&dir), before);
    let leftovers: Vec<String> = fs::read_dir(dir.root())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with('.') || n.contains("journal"))
        .collect();
    assert!(
        leftovers.is_empty(),
        "no staging or journal left: {leftovers:?}"
    );
}

/// The database file's bytes and the vault's file list: what "untouched" means.
fn fingerprint(dir: &DataDir) -> (Vec<u8>, Vec<String>) {
    let mut files: Vec<String> = walk(&dir.vault_dir());
    files.sort();
    (fs::read(dir.database_path()).unwrap(), files)
}

fn walk(p: &Path) -> Vec<String> {
    let mut out = Vec::new();
    for e in fs::read_dir(p).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            out.extend(walk(&e.path()));
        } else {
            out.push(e.path().display().to_string());
        }
    }
    out
}

#[test]
fn damaged_truncated_tampered_and_foreign_archives_are_refused_and_change_nothing() {
    let (tmp, dir) = populated();
    let archive = tmp.path().join("good.vcabackup");
    make_backup(&dir, &archive);
    let good = fs::read(&archive).unwrap();
    let untouched = fingerprint(&dir);

    let manifest_at = good
        .windows(backup::MANIFEST.len())
        .position(|w| w == backup::MANIFEST.as_bytes())
        .unwrap();
    let blob_data = good
        .windows(5000)
        .position(|w| w.iter().all(|b| *b == 2))
        .unwrap();
    let mut tampered = good.clone();
    tampered[blob_data + 100] ^= 0x40;
    let mut extra = good[..manifest_at - 345].to_vec(); // cut before the manifest's header…
    extra.truncate(extra.len() - extra.len() % 512);
    let cases: Vec<(&str, Vec<u8>, &str)> = vec![
        ("empty", Vec::new(), "no manifest"),
        (
            "random",
            (0..100_000u32)
                .map(|i| u8::try_from(i * 7919 % 251).unwrap())
                .collect(),
            "is not a VPN Compliance Assistant backup",
        ),
        (
            "truncated",
            good[..good.len() / 2].to_vec(),
            "is not a VPN Compliance Assistant backup",
        ),
        ("tampered", tampered, "does not match its manifest"),
        ("no manifest", extra, "no manifest"),
        (
            "zip",
            b"PK\x03\x04 not a tar at all".repeat(100),
            "is not a VPN Compliance Assistant backup",
        ),
    ];
    for (name, bytes, expected) in cases {
        let path = tmp.path().join(format!("{name}.vcabackup"));
        fs::write(&path, bytes).unwrap();
        let err = backup::restore(&path, &dir).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput, "{name}: {err}");
        assert!(
            err.to_string().contains(expected),
            "{name}: expected {expected:?} in {err}"
        );
        assert_eq!(
            fingerprint(&dir),
            untouched,
            "{name}: the current data is untouched"
        );
    }
    let missing = backup::restore(&tmp.path().join("nope.vcabackup"), &dir).unwrap_err();
    assert!(missing.to_string().contains("cannot be read"), "{missing}");
    assert_eq!(fingerprint(&dir), untouched);
}

#[test]
fn a_restore_interrupted_during_its_swap_is_completed_when_the_data_folder_is_next_opened() {
    let (tmp, dir) = populated();
    let before = state(&dir);
    let archive = tmp.path().join("backup.vcabackup");
    make_backup(&dir, &archive);
    {
        let store = Store::open(&dir.database_path()).unwrap();
        store
            .create_profile(&ProfileInput {
                kind: ProfileKind::Firm,
                name: "Later Ltd".into(),
            })
            .unwrap();
    }
    // Simulate a crash right after the journal was written and the old database moved away:
    // restore into a copy, then replay the state a killed process would leave.
    let (staging_src, _) = {
        let scratch = tempfile::tempdir().unwrap();
        let scratch_dir = DataDir::at(scratch.path()).unwrap();
        backup::restore(&archive, &scratch_dir).unwrap();
        (scratch, ())
    };
    let staging = dir.root().join(".restore-staging-test");
    fs::create_dir_all(&staging).unwrap();
    fs::rename(
        staging_src.path().join("vca.sqlite3"),
        staging.join("database.sqlite3"),
    )
    .unwrap();
    fs::rename(staging_src.path().join("vault"), staging.join("vault")).unwrap();
    let old = dir.root().join(".restore-old-test");
    fs::create_dir_all(&old).unwrap();
    fs::rename(dir.database_path(), old.join("vca.sqlite3")).unwrap();
    fs::write(
        dir.root().join("restore-journal.json"),
        r#"{"staging":".restore-staging-test","old":".restore-old-test"}"#,
    )
    .unwrap();

    let reopened = DataDir::at(dir.root()).unwrap();
    assert_eq!(
        state(&reopened),
        before,
        "the restore was completed, not left half-done"
    );
    assert!(!dir.root().join("restore-journal.json").exists());
    assert!(!staging.exists() && !old.exists());
}
