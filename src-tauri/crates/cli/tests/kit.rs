//! The document kit through the real `vca` binary: a freelancer and a company from the
//! wizard to an exported package; a full disk during an import; and the process killed
//! (SIGKILL) at random points of imports and exports, 50 times, after which the vault and
//! the database still agree and nothing committed is lost.
#![allow(clippy::expect_used, clippy::unwrap_used)]
#![cfg(unix)]

use std::{
    fs,
    path::Path,
    process::{Command, Stdio},
    time::Duration,
};

mod support;

use support::{FREELANCER_DETAILS, FREELANCER_WITHOUT_STATIC_IP, Vca, png};
use vca_core::{
    store::Store,
    vault::{BlobState, Vault},
};

impl Vca {
    /// The vault and the database agree: no temporary files, every record's file intact,
    /// no stored file without a record (after the repair every start makes).
    fn assert_consistent(&self) -> Vec<(i64, String)> {
        let store = Store::open(&self.data().join("vca.sqlite3")).unwrap();
        let vault = Vault::open(self.data().join("vault")).unwrap();
        let missing = vca_core::documents::reconcile(&store, &vault).unwrap();
        assert!(
            missing.is_empty(),
            "records without their file: {missing:?}"
        );
        let rows = store.document_hashes().unwrap();
        for (id, sha) in &rows {
            assert_eq!(vault.check(sha), BlobState::Intact, "document {id}");
        }
        let mut stored = vault.list().unwrap();
        stored.sort();
        let mut referenced: Vec<String> = rows.iter().map(|(_, s)| s.clone()).collect();
        referenced.sort();
        referenced.dedup();
        assert_eq!(stored, referenced);
        assert_eq!(
            fs::read_dir(self.data().join("vault").join("tmp"))
                .unwrap()
                .count(),
            0
        );
        rows
    }
}

fn zip_names(path: &Path) -> Vec<String> {
    let zip = zip::ZipArchive::new(fs::File::open(path).unwrap()).unwrap();
    zip.file_names().map(|n| n.unwrap().into_owned()).collect()
}

#[test]
fn a_freelancer_goes_from_the_wizard_to_a_complete_package() {
    let v = Vca::new();
    v.ok(&["profile", "add", "--kind", "freelancer", "Ayesha Khan"]);
    let path = v.ok(FREELANCER_WITHOUT_STATIC_IP);
    assert!(path.contains("by mobile number"), "{path}");
    v.ok(FREELANCER_DETAILS);
    let out = v.run(&["checklist"]);
    assert_eq!(
        out.status.code(),
        Some(12),
        "incomplete until the documents are in"
    );
    v.add_cnic_both_sides();
    let today = jiff::Zoned::now().date().to_string();
    v.ok(&[
        "doc",
        "add",
        &v.file("letter.pdf", b"%PDF-1.4\n%%EOF\n"),
        "--requirement",
        "authentication-letter",
        "--issued",
        &today,
    ]);
    let checklist = v.ok(&["checklist"]);
    assert!(checklist.contains("100% of documents ready"), "{checklist}");
    let out = v.dir.path().join("package.zip");
    v.ok(&["export", "--out", out.to_str().unwrap()]);
    assert_eq!(
        zip_names(&out),
        [
            "01-CNIC-front.png",
            "02-CNIC-back.png",
            "03-Authentication-letter.pdf",
            "manifest.json",
            "SHA256SUMS",
            "summary.html"
        ]
    );
    let wrong = v.run(&[
        "doc",
        "add",
        &v.file("cnic.pdf", &png(1000, 630, 100, 3)),
        "--requirement",
        "cnic-front",
    ]);
    assert_eq!(wrong.status.code(), Some(3), "invalid input");
    assert!(String::from_utf8_lossy(&wrong.stderr).contains("is really a PNG"));
}

#[test]
fn a_company_needs_a_static_ip_and_business_proof() {
    let v = Vca::new();
    v.ok(&["profile", "add", "--kind", "firm", "Indus Soft"]);
    let path = v.ok(&[
        "eligibility",
        "--applicant",
        "company",
        "--provider",
        "own",
        "--static-ip",
        "yes",
    ]);
    assert!(path.contains("VPN registration for a company"), "{path}");
    v.ok(&["ip", "add", "39.32.10.5", "--subscriber-id", "4455667"]);
    v.ok(&[
        "details",
        "set",
        "--full-name",
        "Bilal Ahmed",
        "--cnic",
        "35202-1234567-1",
        "--email",
        "it@indus.pk",
        "--mobile",
        "+923001234567",
        "--company-name",
        "Indus Soft (Pvt) Ltd",
        "--ntn",
        "12345678",
        "--isp",
        "PTCL",
        "--purpose",
        "Remote access to client networks",
    ]);
    v.add_cnic_both_sides();
    v.ok(&[
        "doc",
        "add",
        &v.file("ntn.png", &png(1240, 1754, 4000, 3)),
        "--requirement",
        "ntn-certificate",
    ]);
    let out = v.run(&["checklist"]);
    assert_eq!(
        out.status.code(),
        Some(12),
        "not complete: no connection check confirmed the IP"
    );
    let checklist = String::from_utf8_lossy(&out.stdout);
    assert!(checklist.contains("100% of documents ready"), "{checklist}");
    assert!(
        checklist.contains("every IP has its subscriber ID"),
        "{checklist}"
    );
    let out = v.dir.path().join("firm");
    v.ok(&["export", "--folder", "--out", out.to_str().unwrap()]);
    assert!(out.join("03-NTN-certificate.png").is_file());
    let summary = fs::read_to_string(out.join("summary.html")).unwrap();
    assert!(
        summary.contains("1234567-8") && summary.contains("4455667"),
        "NTN and subscriber ID in the summary"
    );
}

#[test]
fn a_full_disk_during_an_import_leaves_no_half_file_and_no_record() {
    let v = Vca::new();
    v.ok(&["profile", "add", "--kind", "freelancer", "Ayesha"]);
    let big = v.file("big.png", &png(2000, 1500, 8 * 1024 * 1024, 1));
    // The file-size limit makes every write past it fail as a full disk would.
    let out = Command::new("sh")
        .arg("-c")
        .arg("trap '' XFSZ; ulimit -f 2048; exec \"$@\"")
        .arg("sh")
        .arg(env!("CARGO_BIN_EXE_vca"))
        .arg("--data-dir")
        .arg(v.data())
        .args(["doc", "add", &big, "--requirement", "cnic-front"])
        .env_remove("VCA_DATA_DIR")
        .output()
        .unwrap();
    assert!(!out.status.success());
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(
        stderr.contains("could not write the file into the vault"),
        "{stderr}"
    );
    assert!(v.assert_consistent().is_empty(), "nothing recorded");
    v.ok(&["doc", "add", &big, "--requirement", "cnic-front"]);
    assert_eq!(
        v.assert_consistent().len(),
        1,
        "the same import works with room"
    );
}

#[test]
fn killed_at_random_points_fifty_times_the_vault_and_database_agree() {
    let v = Vca::new();
    v.ok(&["profile", "add", "--kind", "freelancer", "Ayesha"]);
    v.ok(&[
        "eligibility",
        "--applicant",
        "freelancer",
        "--provider",
        "own",
        "--static-ip",
        "yes",
    ]);
    let mut next = support::rng();
    let mut committed: Vec<String> = Vec::new();
    let target = v.dir.path().join("out.zip");
    for round in 0..50u32 {
        let export = next().is_multiple_of(3);
        let mut child = if export {
            v.command(&["export", "--force", "--out", target.to_str().unwrap()])
        } else {
            let file = v.file(
                &format!("scan-{round}.png"),
                &png(1000, 630, 6 * 1024 * 1024, round),
            );
            let requirement = ["cnic-front", "cnic-back"][round as usize % 2];
            v.command(&["--json", "doc", "add", &file, "--requirement", requirement])
        }
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
        std::thread::sleep(Duration::from_millis(next() % 60));
        let _ = child.kill();
        let out = child.wait_with_output().unwrap();
        if out.status.success() && !export {
            let doc: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
            committed.push(doc["sha256"].as_str().unwrap().to_owned());
        }
        let rows = v.assert_consistent();
        for sha in &committed {
            assert!(
                rows.iter().any(|(_, s)| s == sha),
                "round {round}: a committed import was lost"
            );
        }
        if target.exists() {
            let names = zip_names(&target);
            assert!(
                names.contains(&"manifest.json".to_owned()),
                "round {round}: a finished package is whole"
            );
        }
    }
    eprintln!("{} imports committed before the kill", committed.len());
}
