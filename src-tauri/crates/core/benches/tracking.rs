//! `make bench`: application tracking and backup figures, printed against the targets.
//!
//! 1. With 10,000 applications and 100,000 timeline entries (100 applicants), loading the
//!    firm view's first page (default order, and with a search) and building the Overview
//!    (target: at most 20 ms each). Best of 20.
//! 2. Backing up a 1 GB vault, against `tar` + `sha256sum` on the same files in the same run
//!    (target: at least 50% of their speed, i.e. taking at most twice as long). Best of 3.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod common;

use common::best;

use std::{
    io::Write,
    process::Command,
    time::{Duration, Instant},
};

use sha2::Digest;
use vca_core::{
    data_dir::DataDir,
    firm::{self, FirmQuery},
    rules::shipped,
    settings::SettingsPatch,
    store::Store,
    vault::Vault,
};

const APPLICANTS: usize = 100;
const APPLICATIONS: usize = 10_000;
const EVENTS_PER_APPLICATION: usize = 10;
const VAULT_BYTES: usize = 1024 * 1024 * 1024;
const VAULT_FILES: usize = 100;

fn ms(d: Duration) -> f64 {
    d.as_secs_f64() * 1000.0
}

/// Fills the database in one transaction, the way years of use would.
fn seed(path: &std::path::Path) {
    Store::open(path).unwrap();
    let mut conn = rusqlite::Connection::open(path).unwrap();
    let tx = conn.transaction().unwrap();
    let statuses = [
        "draft",
        "ready",
        "submitted",
        "ispVerification",
        "underReview",
        "moreInfoRequested",
        "resubmitted",
        "underReview",
        "approved",
        "renewalDue",
    ];
    for p in 1..=APPLICANTS {
        tx.execute(
            "INSERT INTO profiles (id, kind, name, created_at, updated_at) VALUES (?1, 'firm', ?2, '2025-01-01T00:00:00Z', '2025-01-01T00:00:00Z')",
            rusqlite::params![p as i64, format!("Firm {p:03}")],
        )
        .unwrap();
    }
    for a in 1..=APPLICATIONS {
        let profile = (a % APPLICANTS) + 1;
        let day = |i: usize| {
            format!(
                "2025-{:02}-{:02}T10:00:{:02}Z",
                1 + (a + i) % 12,
                1 + i,
                a % 60
            )
        };
        tx.execute(
            "INSERT INTO applications (id, profile_id, kind, portal, title, reference, status, started_at, registered_ips, created_at, updated_at)
             VALUES (?1, ?2, 'registration', 'pta', ?3, ?4, ?5, ?6, ?7, ?6, ?8)",
            rusqlite::params![
                a as i64,
                profile as i64,
                format!("Office line {a}"),
                format!("PTA-2025-{a:06}"),
                statuses[EVENTS_PER_APPLICATION - 1],
                day(0),
                format!("[\"39.{}.{}.{}\"]", 32 + a % 30, a / 256 % 256, a % 256),
                day(EVENTS_PER_APPLICATION - 1),
            ],
        )
        .unwrap();
        for (i, status) in statuses.iter().enumerate() {
            tx.execute(
                "INSERT INTO application_events (application_id, at, recorded_at, from_status, to_status) VALUES (?1, ?2, ?2, ?3, ?4)",
                rusqlite::params![a as i64, day(i), (i > 0).then(|| statuses[i - 1]), status],
            )
            .unwrap();
        }
    }
    tx.commit().unwrap();
}

fn tracking() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("vca.sqlite3");
    let t = Instant::now();
    seed(&path);
    eprintln!(
        "seeded {APPLICATIONS} applications, {} timeline entries in {:.1} s",
        APPLICATIONS * EVENTS_PER_APPLICATION,
        t.elapsed().as_secs_f64()
    );
    let store = Store::open(&path).unwrap();
    store
        .update_settings(&SettingsPatch {
            active_profile_id: Some(7),
            ..Default::default()
        })
        .unwrap();
    let vault = Vault::open(dir.path().join("vault")).unwrap();
    let pack = shipped();

    let first = best(20, || {
        let page = firm::page(&store, &FirmQuery::default()).unwrap();
        assert_eq!((page.rows.len(), page.total as usize), (50, APPLICATIONS));
    });
    let searched = best(20, || {
        let page = firm::page(
            &store,
            &FirmQuery {
                search: Some("firm 042".into()),
                sort: firm::SortKey::Title,
                ..Default::default()
            },
        )
        .unwrap();
        assert_eq!(page.total as usize, APPLICATIONS / APPLICANTS);
    });
    let overview = best(20, || {
        let o = vca_core::overview::build(&store, &vault, &pack, jiff::civil::date(2026, 11, 23))
            .unwrap();
        assert!(o.application.is_some());
    });
    let verdict = |d: Duration| if ms(d) <= 20.0 { "met" } else { "MISSED" };
    println!(
        "firm view, first page of {APPLICATIONS} applications: {:.2} ms (target <= 20 ms: {})",
        ms(first),
        verdict(first)
    );
    println!(
        "firm view, searched and sorted by name:       {:.2} ms (target <= 20 ms: {})",
        ms(searched),
        verdict(searched)
    );
    println!(
        "overview with {} timeline entries:         {:.2} ms (target <= 20 ms: {})",
        APPLICATIONS * EVENTS_PER_APPLICATION,
        ms(overview),
        verdict(overview)
    );
}

fn backup() {
    let dir = tempfile::tempdir().unwrap();
    let data = DataDir::at(dir.path().join("data")).unwrap();
    let store = Store::open(&data.database_path()).unwrap();
    let blobs = data.vault_dir().join("blobs");
    let mut x: u64 = 0x9E37_79B9_7F4A_7C15;
    let per_file = VAULT_BYTES / VAULT_FILES;
    for _ in 0..VAULT_FILES {
        let content: Vec<u8> = (0..per_file)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x as u8
            })
            .collect();
        let sha = hex(&sha2::Sha256::digest(&content));
        let target = blobs.join(&sha[..2]).join(&sha);
        std::fs::create_dir_all(target.parent().unwrap()).unwrap();
        std::fs::File::create(&target)
            .unwrap()
            .write_all(&content)
            .unwrap();
    }
    let out = dir.path().join("out");
    std::fs::create_dir_all(&out).unwrap();
    let reference = best(3, || {
        let tar = out.join("reference.tar");
        let ok = Command::new("tar")
            .arg("-cf")
            .arg(&tar)
            .arg("-C")
            .arg(data.root())
            .arg("vault")
            .status()
            .unwrap();
        assert!(ok.success());
        let files: Vec<_> = walk(&blobs);
        let ok = Command::new("sha256sum").args(&files).output().unwrap();
        assert!(ok.status.success());
        std::fs::remove_file(&tar).unwrap();
    });
    let ours = best(3, || {
        let target = out.join("backup.vcabackup");
        vca_core::backup::backup(&store, &data, &target, jiff::Timestamp::now()).unwrap();
        std::fs::remove_file(&target).unwrap();
    });
    let ratio = reference.as_secs_f64() / ours.as_secs_f64() * 100.0;
    println!(
        "backup of a 1 GB vault: {:.2} s; tar + sha256sum: {:.2} s; {ratio:.0}% of their speed (target >= 50%: {})",
        ours.as_secs_f64(),
        reference.as_secs_f64(),
        if ratio >= 50.0 { "met" } else { "MISSED" }
    );
}

fn walk(p: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(p).unwrap() {
        let e = e.unwrap();
        if e.file_type().unwrap().is_dir() {
            out.extend(walk(&e.path()));
        } else {
            out.push(e.path());
        }
    }
    out
}

fn hex(d: &[u8]) -> String {
    d.iter().map(|b| format!("{b:02x}")).collect()
}

fn main() {
    tracking();
    backup();
}
