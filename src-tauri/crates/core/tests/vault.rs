//! The document vault and the export against real files on disk: every kind of bad input
//! gets a clear error and leaves the vault and the database as they were.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::{fs, path::Path};

use jiff::civil::date;
use vca_core::{
    documents::{self, DocumentInput},
    eligibility::{Answers, Applicant, StaticIpAnswer, VpnProvider},
    export::{self, ExportFormat, Package},
    profile::{ProfileInput, ProfileKind},
    rules::shipped,
    store::Store,
    vault::{BlobState, Vault},
};

const LIMIT: u64 = 5 * 1024 * 1024;

/// A PNG header with the given size: enough for type and dimensions.
fn png(width: u32, height: u32) -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    b.extend_from_slice(&width.to_be_bytes());
    b.extend_from_slice(&height.to_be_bytes());
    b.extend_from_slice(&[8, 2, 0, 0, 0, 0, 0, 0, 0]);
    b.extend(std::iter::repeat_n(0u8, 200));
    b
}

fn pdf() -> Vec<u8> {
    b"%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n".to_vec()
}

struct Env {
    dir: tempfile::TempDir,
    store: Store,
    vault: Vault,
    profile: i64,
}

fn env() -> Env {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("vca.sqlite3")).unwrap();
    let vault = Vault::open(dir.path().join("vault")).unwrap();
    let profile = store
        .create_profile(&ProfileInput {
            kind: ProfileKind::Freelancer,
            name: "Ayesha".into(),
        })
        .unwrap()
        .id;
    Env {
        dir,
        store,
        vault,
        profile,
    }
}

impl Env {
    fn write(&self, name: &str, bytes: &[u8]) -> std::path::PathBuf {
        let path = self.dir.path().join("inbox").join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, bytes).unwrap();
        path
    }

    fn import(&self, path: &Path, requirement: &str) -> vca_core::Result<documents::Document> {
        documents::import(
            &self.store,
            &self.vault,
            &shipped(),
            self.profile,
            &DocumentInput {
                path: path.to_path_buf(),
                requirement_id: requirement.into(),
                issued_on: None,
                expires_on: Some(date(2030, 1, 1)),
            },
            LIMIT,
            date(2026, 11, 23),
        )
    }

    /// Nothing half-written: no temporary files, every record's file intact, no stray files.
    fn assert_consistent(&self) {
        let tmp = self.dir.path().join("vault").join("tmp");
        assert_eq!(
            fs::read_dir(&tmp).unwrap().count(),
            0,
            "no temporary files left"
        );
        let hashes = self.store.document_hashes().unwrap();
        for (_, sha) in &hashes {
            assert_eq!(self.vault.check(sha), BlobState::Intact);
        }
        let mut stored = self.vault.list().unwrap();
        stored.sort();
        let mut referenced: Vec<String> = hashes.into_iter().map(|(_, s)| s).collect();
        referenced.sort();
        referenced.dedup();
        assert_eq!(
            stored, referenced,
            "the vault holds exactly the recorded files"
        );
    }

    fn refused(&self, path: &Path, requirement: &str, expected: &str) {
        let before = self.store.document_hashes().unwrap().len();
        let err = self.import(path, requirement).expect_err(expected);
        assert!(
            err.to_string().contains(expected),
            "expected {expected:?} in {err}"
        );
        assert_eq!(
            self.store.document_hashes().unwrap().len(),
            before,
            "nothing recorded"
        );
        self.assert_consistent();
    }
}

#[test]
fn the_same_file_twice_is_stored_once_and_survives_changes_to_the_original() {
    let e = env();
    let path = e.write("front.png", &png(1000, 630));
    let first = e.import(&path, "cnic-front").unwrap();
    let again = e.import(&path, "cnic-front").unwrap();
    assert_eq!(
        first.id, again.id,
        "the same file for the same requirement is one record"
    );
    let other = e.import(&path, "cnic-back").unwrap();
    assert_ne!(other.id, first.id);
    assert_eq!(e.vault.list().unwrap().len(), 1, "one stored copy for both");
    assert_eq!(
        (first.file.width, first.file.height),
        (Some(1000), Some(630))
    );

    fs::write(&path, png(10, 10)).unwrap();
    assert_eq!(
        e.vault.check(&first.file.sha256),
        BlobState::Intact,
        "changing the original does not matter"
    );
    fs::remove_file(&path).unwrap();
    assert_eq!(
        e.vault.check(&first.file.sha256),
        BlobState::Intact,
        "nor does deleting it"
    );
    e.assert_consistent();
}

#[test]
fn odd_names_are_stored_safely_and_shown_cleanly() {
    let e = env();
    for name in [
        "..%2F..%2Fetc.png",
        "CON.png",
        "شناختی کارڈ.png",
        "a\u{202E}gnp.png",
        " spaced .png",
    ] {
        let path = e.write(name, &png(1000, 630 + name.len() as u32));
        let doc = e.import(&path, "cnic-front").unwrap();
        assert!(
            !doc.file.original_name.contains('/') && !doc.file.original_name.contains('\u{202E}'),
            "{:?}",
            doc.file.original_name
        );
    }
    let escaping = e
        .dir
        .path()
        .join("inbox")
        .join("..")
        .join("inbox")
        .join("CON.png");
    e.import(&escaping, "cnic-back").unwrap();
    e.assert_consistent();
}

#[test]
fn bad_files_are_refused_with_the_reason() {
    let e = env();
    e.refused(&e.write("empty.png", b""), "cnic-front", "is empty");
    e.refused(
        &e.write("letter.pdf", &png(1000, 630)),
        "cnic-front",
        "is named .pdf but is really a PNG",
    );
    e.refused(
        &e.write("scan.docx", &pdf()),
        "authentication-letter",
        "is named .docx",
    );
    e.refused(
        &e.write("notes.txt", b"just some text"),
        "cnic-front",
        "plain text",
    );
    e.refused(
        &e.write("archive.png", b"PK\x03\x04\x14\0\0\0\0\0"),
        "cnic-front",
        "not a PDF, JPEG or PNG",
    );
    let mut big = png(4000, 3000);
    big.resize(LIMIT as usize + 1, 0);
    e.refused(
        &e.write("huge.png", &big),
        "cnic-front",
        "larger than the 5.0 MB limit",
    );
    e.refused(
        &e.write("ok.png", &png(1000, 630)),
        "passport",
        "is not a document the rules ask for",
    );
    e.refused(
        &e.dir.path().join("inbox").join("missing.png"),
        "cnic-front",
        "does not exist",
    );
    e.refused(e.dir.path(), "cnic-front", "is a folder");
    let mut broken = b"\x89PNG\r\n\x1a\n".to_vec();
    broken.extend_from_slice(&[0; 80]);
    e.refused(&e.write("broken.png", &broken), "cnic-front", "damaged");
}

#[cfg(unix)]
#[test]
fn links_devices_and_unreadable_files_are_handled() {
    let e = env();
    let target = e.write("real.png", &png(1000, 630));
    let link = e.dir.path().join("inbox").join("link.png");
    std::os::unix::fs::symlink(&target, &link).unwrap();
    e.import(&link, "cnic-front")
        .expect("a link to a real file imports the file");
    let dangling = e.dir.path().join("inbox").join("dangling.png");
    std::os::unix::fs::symlink(e.dir.path().join("gone.png"), &dangling).unwrap();
    e.refused(
        &dangling,
        "cnic-back",
        "is a link to a file that does not exist",
    );
    e.refused(Path::new("/dev/null"), "cnic-back", "not a regular file");
    // A regular file whose read fails (even for root): the kernel refuses reads of offset 0.
    e.refused(
        Path::new("/proc/self/mem"),
        "cnic-back",
        "could not be read",
    );
}

#[test]
fn dates_are_checked() {
    let e = env();
    let path = e.write("letter.pdf", &pdf());
    let err = documents::import(
        &e.store,
        &e.vault,
        &shipped(),
        e.profile,
        &DocumentInput {
            path,
            requirement_id: "authentication-letter".into(),
            issued_on: Some(date(2027, 1, 1)),
            expires_on: None,
        },
        LIMIT,
        date(2026, 11, 23),
    )
    .expect_err("an issue date in the future");
    assert_eq!(err.field(), Some("issuedOn"));
    e.assert_consistent();
}

fn complete_freelancer(e: &Env) {
    e.store
        .save_eligibility_answers(
            e.profile,
            &Answers {
                applicant: Applicant::Freelancer,
                provider: VpnProvider::Own,
                static_ip: StaticIpAnswer::Yes,
            },
        )
        .unwrap();
    e.import(&e.write("front.png", &png(1000, 630)), "cnic-front")
        .unwrap();
    e.import(&e.write("back.png", &png(1000, 631)), "cnic-back")
        .unwrap();
    documents::import(
        &e.store,
        &e.vault,
        &shipped(),
        e.profile,
        &DocumentInput {
            path: e.write("letter.pdf", &pdf()),
            requirement_id: "authentication-letter".into(),
            issued_on: Some(date(2026, 10, 1)),
            expires_on: None,
        },
        LIMIT,
        date(2026, 11, 23),
    )
    .unwrap();
}

fn package_of(e: &Env, f: impl FnOnce(&Package<'_>)) {
    package_in(e, vca_core::i18n::Lang::En, f);
}

fn package_in(e: &Env, lang: vca_core::i18n::Lang, f: impl FnOnce(&Package<'_>)) {
    let pack = shipped();
    let checklist =
        vca_core::checklist::for_profile(&e.store, &e.vault, &pack, e.profile, date(2026, 11, 23))
            .unwrap();
    let details = e.store.applicant_details(e.profile).unwrap();
    let profile = e.store.profile_detail(e.profile).unwrap();
    f(&Package {
        checklist: &checklist,
        details: &details,
        profile: &profile,
        now: jiff::Timestamp::now(),
        lang,
    });
}

#[test]
fn the_export_holds_clearly_named_documents_a_manifest_and_a_summary() {
    let e = env();
    complete_freelancer(&e);
    let out = e.dir.path().join("package.zip");
    package_of(&e, |p| {
        let report = export::write(&e.vault, p, &out, ExportFormat::Zip, false).unwrap();
        let names: Vec<&str> = report.files.iter().map(|f| f.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "01-CNIC-front.png",
                "02-CNIC-back.png",
                "03-Authentication-letter.pdf"
            ]
        );
        assert!(report.missing.is_empty());
    });
    let mut zip = zip::ZipArchive::new(fs::File::open(&out).unwrap()).unwrap();
    let manifest: serde_json::Value =
        serde_json::from_reader(zip.by_name("manifest.json").unwrap()).unwrap();
    let front = &manifest["files"][0];
    let mut bytes = Vec::new();
    std::io::Read::read_to_end(&mut zip.by_name("01-CNIC-front.png").unwrap(), &mut bytes).unwrap();
    assert_eq!(bytes, png(1000, 630));
    use sha2::Digest as _;
    let sha: String = sha2::Sha256::digest(&bytes)
        .iter()
        .map(|b| format!("{b:02x}"))
        .collect();
    assert_eq!(
        front["sha256"],
        sha.as_str(),
        "the manifest's hash is the file's"
    );
    let mut summary = String::new();
    std::io::Read::read_to_string(&mut zip.by_name("summary.html").unwrap(), &mut summary).unwrap();
    assert!(summary.contains("Application summary: Ayesha"));
    assert!(summary.contains(r#"<html lang="en" dir="ltr">"#));
    assert!(!out.with_file_name("package.zip.partial").exists());

    // In Urdu the summary reads right to left, with every label and check in Urdu.
    let urdu = e.dir.path().join("urdu");
    package_in(&e, vca_core::i18n::Lang::Ur, |p| {
        export::write(&e.vault, p, &urdu, ExportFormat::Folder, false).unwrap();
    });
    let summary = fs::read_to_string(urdu.join("summary.html")).unwrap();
    assert!(
        summary.contains(r#"<html lang="ur-PK" dir="rtl">"#),
        "{summary}"
    );
    for expected in [
        "درخواست کا خلاصہ",
        "<h2>درخواست دہندہ</h2>",
        "پورا نام (CNIC کے مطابق)",
        "<h2>جمع کرانے سے پہلے کی جانچ</h2>",
        "فری لانسر کے لیے VPN رجسٹریشن",
    ] {
        assert!(
            summary.contains(expected),
            "missing {expected:?} in {summary}"
        );
    }
    assert!(
        !summary.contains("Applicant"),
        "no English label left: {summary}"
    );

    package_of(&e, |p| {
        let err = export::write(&e.vault, p, &out, ExportFormat::Zip, false).expect_err("exists");
        assert!(err.to_string().contains("already exists"), "{err}");
        let folder = e.dir.path().join("package-folder");
        export::write(&e.vault, p, &folder, ExportFormat::Folder, false).unwrap();
        assert!(folder.join("03-Authentication-letter.pdf").is_file());
        assert!(folder.join("SHA256SUMS").is_file());
    });
}

#[test]
fn a_damaged_stored_copy_stops_the_export_and_leaves_nothing_behind() {
    let e = env();
    complete_freelancer(&e);
    let sha = e.store.document_hashes().unwrap()[0].1.clone();
    fs::write(e.vault.path_of(&sha), b"tampered").unwrap();
    let out = e.dir.path().join("package.zip");
    package_of(&e, |p| {
        let err = export::write(&e.vault, p, &out, ExportFormat::Zip, false).expect_err("damaged");
        assert!(err.to_string().contains("damaged"), "{err}");
    });
    assert!(!out.exists() && !out.with_file_name("package.zip.partial").exists());
    assert_eq!(e.vault.check(&sha), BlobState::Damaged);
}

#[test]
fn a_crash_between_vault_and_database_is_repaired_on_open() {
    let e = env();
    let kept = e
        .import(&e.write("front.png", &png(1000, 630)), "cnic-front")
        .unwrap();
    // As if the app died after storing a file but before recording it, and mid-copy of another.
    let orphan = e
        .vault
        .import(&e.write("back.png", &png(1000, 700)), LIMIT)
        .unwrap();
    fs::write(
        e.dir.path().join("vault").join("tmp").join("import-half"),
        b"half",
    )
    .unwrap();
    let vault = Vault::open(e.dir.path().join("vault")).unwrap();
    let missing = documents::reconcile(&e.store, &vault).unwrap();
    assert!(missing.is_empty());
    assert!(
        !vault.contains(&orphan.sha256),
        "the unrecorded file is removed"
    );
    assert_eq!(
        vault.check(&kept.file.sha256),
        BlobState::Intact,
        "the recorded one stays"
    );
    e.assert_consistent();
    assert_eq!(e.store.list_documents(e.profile).unwrap().len(), 1);
}

#[test]
fn an_expired_cnic_fails_the_check_until_a_valid_one_replaces_it() {
    let e = env();
    complete_freelancer(&e);
    let old = e.write("old-front.png", &png(1000, 640));
    documents::import(
        &e.store,
        &e.vault,
        &shipped(),
        e.profile,
        &DocumentInput {
            path: old,
            requirement_id: "cnic-front".into(),
            issued_on: None,
            expires_on: Some(date(2025, 1, 1)),
        },
        LIMIT,
        date(2026, 11, 23),
    )
    .unwrap();
    let check = |e: &Env| {
        let c = vca_core::checklist::for_profile(
            &e.store,
            &e.vault,
            &shipped(),
            e.profile,
            date(2026, 11, 23),
        )
        .unwrap();
        c.checks
            .into_iter()
            .find(|c| c.id == vca_core::checklist::CheckId::NothingExpired)
            .unwrap()
            .state
    };
    use vca_core::checklist::CheckState;
    assert_eq!(
        check(&e),
        CheckState::Pass,
        "the valid front still counts; the expired one is replaced"
    );
    let valid = e
        .store
        .list_documents(e.profile)
        .unwrap()
        .into_iter()
        .find(|d| d.requirement_id == "cnic-front" && d.expires_on == Some(date(2030, 1, 1)))
        .unwrap();
    documents::remove(&e.store, &e.vault, valid.id).unwrap();
    assert_eq!(
        check(&e),
        CheckState::Fail,
        "only the expired front is left"
    );
    e.assert_consistent();
}
