//! A data folder of its own and the real `vca` binary, for the CLI's integration tests.
#![allow(dead_code)]

use std::{
    fs,
    path::PathBuf,
    process::{Command, Output},
};

/// The wizard's answers of a freelancer with her own VPN and no static IP (the mobile-number path).
pub const FREELANCER_WITHOUT_STATIC_IP: &[&str] = &[
    "eligibility",
    "--applicant",
    "freelancer",
    "--provider",
    "own",
    "--static-ip",
    "no",
];

/// A freelancer's complete applicant details.
pub const FREELANCER_DETAILS: &[&str] = &[
    "details",
    "set",
    "--full-name",
    "Ayesha Khan",
    "--cnic",
    "3520212345671",
    "--email",
    "ayesha@example.pk",
    "--mobile",
    "0300 1234567",
    "--purpose",
    "Client work",
];

pub struct Vca {
    pub dir: tempfile::TempDir,
}

pub fn png(width: u32, height: u32, len: usize, salt: u32) -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    b.extend_from_slice(&width.to_be_bytes());
    b.extend_from_slice(&height.to_be_bytes());
    b.extend_from_slice(&[8, 2, 0, 0, 0, 0, 0, 0, 0]);
    b.extend_from_slice(&salt.to_be_bytes());
    b.resize(len.max(b.len()), 7);
    b
}

impl Vca {
    pub fn new() -> Self {
        Self {
            dir: tempfile::tempdir().unwrap(),
        }
    }

    pub fn data(&self) -> PathBuf {
        self.dir.path().join("data")
    }

    pub fn command(&self, args: &[&str]) -> Command {
        let mut c = Command::new(env!("CARGO_BIN_EXE_vca"));
        c.arg("--data-dir")
            .arg(self.data())
            .args(args)
            .env_remove("VCA_DATA_DIR")
            .env("VCA_LANG", "en");
        c
    }

    pub fn run(&self, args: &[&str]) -> Output {
        self.command(args).output().unwrap()
    }

    pub fn ok(&self, args: &[&str]) -> String {
        let out = self.run(args);
        assert!(
            out.status.success(),
            "vca {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8(out.stdout).unwrap()
    }

    pub fn file(&self, name: &str, bytes: &[u8]) -> String {
        let path = self.dir.path().join(name);
        fs::write(&path, bytes).unwrap();
        path.display().to_string()
    }

    /// Adds readable scans of both CNIC sides, valid until 2031.
    pub fn add_cnic_both_sides(&self) {
        for (side, salt) in [("front", 1), ("back", 2)] {
            let file = self.file(&format!("{side}.png"), &png(1000, 630, 4000, salt));
            let requirement = format!("cnic-{side}");
            self.ok(&[
                "doc",
                "add",
                &file,
                "--requirement",
                &requirement,
                "--expires",
                "2031-05-01",
            ]);
        }
    }
}

/// A small random source for the kill tests, seeded from the clock; the seed is printed so a
/// failing run can be told apart from the next one.
pub fn rng() -> impl FnMut() -> u64 {
    let mut seed: u64 = std::time::SystemTime::now()
        .duration_since(std::time::UNIX_EPOCH)
        .unwrap()
        .as_nanos() as u64
        | 1;
    eprintln!("seed {seed}");
    move || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    }
}
