//! Credentials through the real `vca` binary and real keychains (started by
//! `scripts/with-keychain.sh`, which `make test` runs the Rust tests in):
//!
//! - the leak test: a whole workflow with a known random secret and logging at its most
//!   verbose, then every byte the app wrote (data folder, SQLite file and its journal, the
//!   exported package unpacked, a backup archive, every log line) is searched for the secret: zero occurrences;
//! - no keychain reachable: a clear message and exit code 6, nothing written anywhere, and
//!   the rest of the app working;
//! - no Secret Service: the kernel keyring is used instead.
#![cfg(target_os = "linux")]
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod support;

use std::{
    fs,
    io::{Read as _, Write as _},
    path::Path,
    process::{Command, Output, Stdio},
};

use support::{FREELANCER_DETAILS, FREELANCER_WITHOUT_STATIC_IP, Vca};

/// A secret no test data contains by chance.
fn random_secret() -> String {
    let mut bytes = [0u8; 16];
    getrandom::fill(&mut bytes).unwrap();
    format!(
        "leak-{}",
        bytes.iter().map(|b| format!("{b:02x}")).collect::<String>()
    )
}

/// Runs `command` with `stdin` piped in.
fn with_stdin(mut command: Command, stdin: &str) -> Output {
    let mut child = command
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.as_bytes())
        .unwrap();
    child.wait_with_output().unwrap()
}

/// Every place `needle` occurs in `haystack`, as UTF-8 and as UTF-16LE (how Windows and
/// some libraries keep strings).
fn occurrences(haystack: &[u8], needle: &str) -> usize {
    let utf16: Vec<u8> = needle.encode_utf16().flat_map(u16::to_le_bytes).collect();
    [needle.as_bytes(), utf16.as_slice()]
        .iter()
        .map(|n| haystack.windows(n.len()).filter(|w| w == n).count())
        .sum()
}

/// Every file under `dir`, recursively, with its bytes; zip archives also with each member
/// unpacked (their deflated bytes would hide a secret from a plain search).
fn every_file(dir: &Path, out: &mut Vec<(String, Vec<u8>)>) {
    for entry in fs::read_dir(dir).unwrap() {
        let path = entry.unwrap().path();
        if path.is_dir() {
            every_file(&path, out);
            continue;
        }
        let bytes = fs::read(&path).unwrap();
        if bytes.starts_with(b"PK\x03\x04") {
            let mut zip = zip::ZipArchive::new(fs::File::open(&path).unwrap()).unwrap();
            for i in 0..zip.len() {
                let mut member = zip.by_index(i).unwrap();
                let mut content = Vec::new();
                member.read_to_end(&mut content).unwrap();
                out.push((
                    format!("{}!{}", path.display(), member.name().unwrap()),
                    content,
                ));
            }
        }
        out.push((path.display().to_string(), bytes));
    }
}

/// A `vca` run whose stdout and stderr (the log, at trace level) are kept for the search.
struct Logged<'a> {
    vca: &'a Vca,
    logs: Vec<u8>,
}

impl Logged<'_> {
    fn command(&self, args: &[&str]) -> Command {
        let mut c = self.vca.command(args);
        c.env("VCA_LOG", "trace");
        c
    }

    fn keep(&mut self, args: &[&str], out: &Output) -> String {
        self.logs.extend_from_slice(&out.stdout);
        self.logs.extend_from_slice(&out.stderr);
        assert!(
            out.status.success(),
            "vca {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        String::from_utf8_lossy(&out.stdout).into_owned()
    }

    fn ok(&mut self, args: &[&str]) -> String {
        let out = self.command(args).output().unwrap();
        self.keep(args, &out)
    }

    fn ok_with_secret(&mut self, args: &[&str], secret: &str) -> String {
        let out = with_stdin(self.command(args), &format!("{secret}\n"));
        self.keep(args, &out)
    }
}

#[test]
fn a_whole_workflow_leaves_the_secret_nowhere_but_the_keychain() {
    let vca = Vca::new();
    let mut run = Logged {
        vca: &vca,
        logs: Vec::new(),
    };
    let secret = random_secret();
    let newer = random_secret();

    run.ok(&["profile", "add", "--kind", "freelancer", "Ayesha Khan"]);
    run.ok(FREELANCER_WITHOUT_STATIC_IP);
    run.ok(FREELANCER_DETAILS);
    let added = run.ok_with_secret(
        &[
            "--json",
            "credentials",
            "add",
            "--label",
            "PTA portal",
            "--kind",
            "pta-portal",
            "--account",
            "ayesha@example.pk",
        ],
        &secret,
    );
    let id = serde_json::from_str::<serde_json::Value>(&added).unwrap()["id"]
        .as_i64()
        .unwrap()
        .to_string();
    run.ok(&["--json", "credentials", "list"]);
    run.ok(&["credentials", "list"]);
    run.ok(&["credentials", "status"]);

    // The one place the secret is meant to appear: the output of an explicit reveal.
    let revealed = vca
        .command(&["credentials", "reveal", &id])
        .env("VCA_LOG", "trace")
        .output()
        .unwrap();
    assert_eq!(String::from_utf8(revealed.stdout).unwrap().trim(), secret);
    run.logs.extend_from_slice(&revealed.stderr);

    vca.add_cnic_both_sides();
    run.ok(&[
        "doc",
        "add",
        &vca.file("letter.pdf", b"%PDF-1.4\n%%EOF\n"),
        "--requirement",
        "authentication-letter",
        "--issued",
        &jiff::Zoned::now().date().to_string(),
    ]);
    run.ok(&["checklist"]);
    run.ok(&["overview"]);
    run.ok_with_secret(&["credentials", "update", &id, "--new-secret"], &newer);
    let exports = vca.dir.path().join("exports");
    fs::create_dir(&exports).unwrap();
    run.ok(&[
        "export",
        "--out",
        exports.join("package.zip").to_str().unwrap(),
    ]);
    run.ok(&[
        "export",
        "--folder",
        "--out",
        exports.join("package").to_str().unwrap(),
    ]);
    run.ok(&["vault-check"]);
    run.ok(&[
        "application",
        "start",
        "--title",
        "Home line",
        "--mobile",
        "+923001234567",
    ]);
    run.ok(&[
        "backup",
        "--out",
        exports.join("state.vcabackup").to_str().unwrap(),
    ]);

    let mut files = Vec::new();
    every_file(&vca.data(), &mut files);
    every_file(&exports, &mut files);
    assert!(
        files.iter().any(|(name, _)| name.ends_with("vca.sqlite3")),
        "the search covers the database"
    );
    assert!(
        files.iter().any(|(name, _)| name.ends_with("summary.html")),
        "and the unpacked export"
    );
    assert!(
        files
            .iter()
            .any(|(name, _)| name.ends_with("state.vcabackup")),
        "and the backup of the whole state"
    );
    assert!(
        occurrences(&run.logs, "TRACE") + occurrences(&run.logs, "DEBUG") > 0,
        "the logs were at their most verbose"
    );
    for s in [&secret, &newer] {
        for (name, bytes) in &files {
            assert_eq!(occurrences(bytes, s), 0, "the secret is in {name}");
        }
        assert_eq!(occurrences(&run.logs, s), 0, "the secret is in the logs");
    }

    run.ok(&["credentials", "remove", &id]);
}

/// A `vca` that can reach no Secret Service: its D-Bus address leads nowhere.
fn without_secret_service(vca: &Vca, args: &[&str]) -> Command {
    let mut c = vca.command(args);
    c.env(
        "DBUS_SESSION_BUS_ADDRESS",
        "unix:path=/nonexistent/vca-test-bus",
    );
    c
}

#[test]
fn with_no_keychain_reachable_nothing_is_stored_and_the_rest_works() {
    let vca = Vca::new();
    vca.ok(&["profile", "add", "--kind", "freelancer", "Ayesha Khan"]);
    let secret = random_secret();

    let mut status = without_secret_service(&vca, &["credentials", "status"]);
    status.env("VCA_KEYCHAIN", "secret-service");
    let status = status.output().unwrap();
    assert_eq!(status.status.code(), Some(6), "keychain unavailable");
    let said = String::from_utf8_lossy(&status.stdout);
    assert!(said.contains("No keychain"), "{said}");
    assert!(said.contains("start GNOME Keyring or KWallet"), "{said}");

    let mut add = without_secret_service(
        &vca,
        &["--json", "credentials", "add", "--label", "PTA portal"],
    );
    add.env("VCA_KEYCHAIN", "secret-service")
        .env("VCA_LOG", "trace");
    let out = with_stdin(add, &format!("{secret}\n"));
    assert_eq!(out.status.code(), Some(6));
    let err: serde_json::Value = serde_json::from_slice(&out.stderr)
        .or_else(|_| {
            let last = out
                .stderr
                .split(|b| *b == b'\n')
                .rev()
                .find(|l| !l.is_empty());
            serde_json::from_slice(last.unwrap())
        })
        .unwrap();
    assert_eq!(err["error"]["code"], "keychainUnavailable");
    let message = err["error"]["message"].as_str().unwrap();
    assert!(
        message.contains("nothing was written anywhere else"),
        "{message}"
    );

    let mut files = Vec::new();
    every_file(&vca.data(), &mut files);
    for (name, bytes) in &files {
        assert_eq!(occurrences(bytes, &secret), 0, "the secret is in {name}");
    }
    assert_eq!(occurrences(&out.stderr, &secret), 0);
    assert!(
        vca.ok(&["credentials", "list"])
            .contains("No credentials yet")
    );
    // Everything else goes on.
    assert!(vca.ok(&["overview"]).contains("Ayesha Khan"));
    vca.ok(&["profile", "list"]);
}

#[test]
fn where_no_secret_service_runs_the_kernel_keyring_keeps_the_credential() {
    let vca = Vca::new();
    let secret = random_secret();
    let mut add = without_secret_service(
        &vca,
        &[
            "--json",
            "credentials",
            "add",
            "--label",
            "IP info token",
            "--kind",
            "api-token",
        ],
    );
    add.env_remove("VCA_KEYCHAIN");
    let out = with_stdin(add, &format!("{secret}\n"));
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let added: serde_json::Value = serde_json::from_slice(&out.stdout).unwrap();
    assert_eq!(added["backend"], "keyutils");
    let id = added["id"].as_i64().unwrap().to_string();

    let mut reveal = without_secret_service(&vca, &["credentials", "reveal", &id]);
    reveal.env_remove("VCA_KEYCHAIN");
    let shown = reveal.output().unwrap();
    assert_eq!(String::from_utf8(shown.stdout).unwrap().trim(), secret);

    let mut status = without_secret_service(&vca, &["credentials", "status"]);
    status.env_remove("VCA_KEYCHAIN");
    let said = String::from_utf8(status.output().unwrap().stdout).unwrap();
    assert!(
        said.contains("forgets them when the computer restarts"),
        "{said}"
    );

    let mut remove = without_secret_service(&vca, &["credentials", "remove", &id]);
    remove.env_remove("VCA_KEYCHAIN");
    assert!(remove.output().unwrap().status.success());
}

/// An IP echo service on 127.0.0.1 that answers only with `Authorization: Bearer <token>`,
/// else 401. Returns its address.
fn token_service(token: String) -> std::net::SocketAddr {
    use std::io::Read as _;
    let listener = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = listener.local_addr().unwrap();
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut buf = [0u8; 4096];
            let n = stream.read(&mut buf).unwrap_or(0);
            let request = String::from_utf8_lossy(&buf[..n]).to_lowercase();
            let authorised = request.contains(&format!("authorization: bearer {token}"));
            let (status, body) = if authorised {
                ("200 OK", "39.32.10.5")
            } else {
                ("401 Unauthorized", "token required")
            };
            let _ = write!(
                stream,
                "HTTP/1.1 {status}\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    addr
}

#[test]
fn the_connection_check_sends_a_stored_api_token_and_stores_nothing_of_it() {
    let vca = Vca::new();
    let token = random_secret();
    let service = token_service(token.clone());
    let closed = std::net::UdpSocket::bind("127.0.0.1:0").unwrap();
    let config = vca.dir.path().join("providers.toml");
    fs::write(
        &config,
        format!(
            "timeoutMs = 1500\nquorum = 1\nupnp = false\nrdap = false\ndnsResolver = \"{}\"\n\n\
             [[provider]]\nkind = \"http\"\nname = \"ipinfo\"\nurl = \"http://{service}/\"\nfamily = \"v4\"\nformat = \"plain\"\ntoken = \"IP info\"\n",
            closed.local_addr().unwrap()
        ),
    )
    .unwrap();
    let check = |vca: &Vca| {
        let out = vca
            .command(&["--json", "check-ip", "--config", config.to_str().unwrap()])
            .env("VCA_LOG", "trace")
            .output()
            .unwrap();
        assert_eq!(
            occurrences(&out.stderr, &token),
            0,
            "the token is in the logs"
        );
        assert_eq!(
            occurrences(&out.stdout, &token),
            0,
            "the token is in the output"
        );
        serde_json::from_slice::<serde_json::Value>(&out.stdout).unwrap()
    };

    // Without the credential the provider says what is missing.
    let report = check(&vca);
    let outcome = &report["check"]["v4"]["reports"][0]["outcome"];
    assert_eq!(outcome["outcome"], "failed");
    let reason = outcome["reason"].as_str().unwrap();
    assert!(
        reason.contains("needs the API token \"IP info\""),
        "{reason}"
    );

    let added = with_stdin(
        vca.command(&[
            "credentials",
            "add",
            "--label",
            "IP info",
            "--kind",
            "api-token",
        ]),
        &format!("{token}\n"),
    );
    assert!(
        added.status.success(),
        "{}",
        String::from_utf8_lossy(&added.stderr)
    );
    let report = check(&vca);
    assert_eq!(report["check"]["v4"]["address"], "39.32.10.5", "{report}");

    let mut files = Vec::new();
    every_file(&vca.data(), &mut files);
    for (name, bytes) in &files {
        assert_eq!(occurrences(bytes, &token), 0, "the token is in {name}");
    }
}
