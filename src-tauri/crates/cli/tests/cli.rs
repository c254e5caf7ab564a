//! The `vca` binary, run for real against a data folder of its own.

#![allow(clippy::expect_used, clippy::unwrap_used)] // test helpers may panic on a broken precondition

use std::process::{Command, Output};

struct Vca {
    dir: tempfile::TempDir,
}

impl Vca {
    fn new() -> Self {
        Self {
            dir: tempfile::tempdir().expect("tempdir"),
        }
    }

    fn run(&self, args: &[&str]) -> Output {
        Command::new(env!("CARGO_BIN_EXE_vca"))
            .arg("--data-dir")
            .arg(self.dir.path())
            .args(args)
            .env_remove("VCA_DATA_DIR")
            .env("VCA_LANG", "en")
            .output()
            .expect("run vca")
    }

    fn json(&self, args: &[&str]) -> serde_json::Value {
        let mut all = vec!["--json"];
        all.extend_from_slice(args);
        let out = self.run(&all);
        assert!(
            out.status.success(),
            "vca {args:?} failed: {}",
            String::from_utf8_lossy(&out.stderr)
        );
        serde_json::from_slice(&out.stdout).expect("stdout is JSON")
    }
}

#[test]
fn help_lists_the_subcommands() {
    let out = Vca::new().run(&["--help"]);
    assert!(out.status.success());
    let text = String::from_utf8_lossy(&out.stdout);
    for sub in [
        "info",
        "overview",
        "profile",
        "ip",
        "site",
        "staff",
        "--json",
        "--data-dir",
    ] {
        assert!(text.contains(sub), "--help mentions {sub}:\n{text}");
    }
}

#[test]
fn a_firm_is_set_up_and_shown_as_json() {
    let vca = Vca::new();
    let profile = vca.json(&["profile", "add", "--kind", "firm", "Indus Soft"]);
    assert_eq!(profile["name"], "Indus Soft");
    assert_eq!(profile["kind"], "firm");
    let site = vca.json(&["site", "add", "Head office", "--city", "Lahore"]);
    let site_id = site["id"].as_i64().expect("site id").to_string();
    vca.json(&[
        "ip",
        "add",
        "39.32.10.5",
        "--label",
        "PTCL",
        "--site",
        &site_id,
        "--subscriber-id",
        "0421778812",
    ]);
    vca.json(&["staff", "add", "Sara Ahmed", "--role", "Admin"]);

    let detail = vca.json(&["profile", "show"]);
    assert_eq!(detail["profile"]["name"], "Indus Soft");
    assert_eq!(detail["publicIps"][0]["address"], "39.32.10.5");
    assert_eq!(detail["publicIps"][0]["subscriberId"], "0421778812");
    assert_eq!(detail["publicIps"][0]["siteId"].to_string(), site_id);
    assert_eq!(detail["staff"][0]["role"], "Admin");

    let overview = vca.json(&["overview"]);
    assert_eq!(
        overview["readinessPercent"], 33,
        "profile and IP done of six counted steps; the connection not yet known to be static"
    );

    let info = vca.json(&["info"]);
    assert_eq!(info["schemaVersion"], vca_core::store::LATEST_VERSION);
    assert_eq!(info["dataDir"], vca.dir.path().display().to_string());
}

#[test]
fn bad_input_exits_with_its_own_code_and_a_json_error() {
    let vca = Vca::new();
    vca.json(&["profile", "add", "--kind", "freelancer", "Ali"]);
    let out = vca.run(&["--json", "ip", "add", "192.168.1.5"]);
    assert_eq!(out.status.code(), Some(3), "invalid input exits 3");
    let err: serde_json::Value = serde_json::from_slice(&out.stderr).expect("stderr is JSON");
    assert_eq!(err["error"]["code"], "invalidInput");
    assert_eq!(err["error"]["field"], "address");
    assert!(
        err["error"]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("private")
    );

    let out = vca.run(&["profile", "delete", "999"]);
    assert_eq!(out.status.code(), Some(4), "not found exits 4");
    assert!(String::from_utf8_lossy(&out.stderr).contains("profile 999 was not found"));

    let out = vca.run(&["profile", "add", "--kind", "spaceship", "X"]);
    assert_eq!(out.status.code(), Some(2), "usage errors exit 2");
}

#[test]
fn an_unusable_data_folder_exits_5_with_the_reason() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let file = tmp.path().join("not-a-folder");
    std::fs::write(&file, b"x").expect("write");
    let out = Command::new(env!("CARGO_BIN_EXE_vca"))
        .arg("--data-dir")
        .arg(&file)
        .arg("info")
        .output()
        .expect("run vca");
    assert_eq!(out.status.code(), Some(5));
    assert!(String::from_utf8_lossy(&out.stderr).contains("not-a-folder"));
}

#[test]
fn the_data_folder_can_come_from_the_environment() {
    let tmp = tempfile::tempdir().expect("tempdir");
    let out = Command::new(env!("CARGO_BIN_EXE_vca"))
        .args(["--json", "info"])
        .env("VCA_DATA_DIR", tmp.path())
        .output()
        .expect("run vca");
    assert!(out.status.success());
    let info: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(info["dataDir"], tmp.path().display().to_string());
}

/// A UDP port on 127.0.0.1 where nothing listens: DNS queries sent there fail at once and
/// never leave the machine.
fn closed_udp_port() -> std::net::SocketAddr {
    let socket = std::net::UdpSocket::bind("127.0.0.1:0").expect("bind");
    socket.local_addr().expect("addr")
}

/// A TCP port on 127.0.0.1 where nothing listens (connections are refused at once).
fn closed_tcp_port() -> std::net::SocketAddr {
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    listener.local_addr().expect("addr")
}

/// A tiny HTTP server on 127.0.0.1 that answers every request with `body`.
fn echo_server(body: &'static str) -> std::net::SocketAddr {
    use std::io::{Read, Write};
    let listener = std::net::TcpListener::bind("127.0.0.1:0").expect("bind");
    let addr = listener.local_addr().expect("addr");
    std::thread::spawn(move || {
        for stream in listener.incoming() {
            let Ok(mut stream) = stream else { continue };
            let mut buf = [0u8; 2048];
            let _ = stream.read(&mut buf);
            let _ = write!(
                stream,
                "HTTP/1.1 200 OK\r\nContent-Length: {}\r\nConnection: close\r\n\r\n{body}",
                body.len()
            );
        }
    });
    addr
}

#[test]
fn check_ip_asks_the_configured_services_and_prints_json() {
    let vca = Vca::new();
    let (a, b) = (echo_server("39.32.10.5\n"), echo_server("39.32.10.5"));
    let config = vca.dir.path().join("providers.toml");
    std::fs::write(
        &config,
        format!(
            "timeoutMs = 700\nupnp = false\ndnsResolver = \"{}\"\nrdapServers = [{{ prefix = \"0.0.0.0/0\", url = \"http://{}/\" }}]\n\n[[provider]]\nkind = \"http\"\nname = \"a\"\nurl = \"http://{a}/\"\nfamily = \"v4\"\nformat = \"plain\"\n\n\
             [[provider]]\nkind = \"http\"\nname = \"b\"\nurl = \"http://{b}/\"\nfamily = \"v4\"\nformat = \"plain\"\n",
            closed_udp_port(),
            closed_tcp_port()
        ),
    )
    .expect("write config");
    let out = vca.run(&[
        "--json",
        "check-ip",
        "--config",
        config.to_str().expect("utf-8 path"),
    ]);
    assert_eq!(
        out.status.code(),
        Some(11),
        "one check with no hints: could not tell"
    );
    let report: serde_json::Value = serde_json::from_slice(&out.stdout).expect("json");
    assert_eq!(report["verdict"]["kind"], "unknown");
    assert_eq!(report["verdict"]["unknownReason"], "notEnoughEvidence");
    let check = &report["check"];
    assert_eq!(check["v4"]["address"], "39.32.10.5");
    assert_eq!(check["v4"]["status"], "agreed");
    assert_eq!(
        check["v6"]["status"], "noAnswer",
        "no IPv6 providers were configured"
    );
    let text = vca.run(&["check-ip", "--config", config.to_str().expect("utf-8 path")]);
    let text = String::from_utf8_lossy(&text.stdout);
    assert!(
        text.contains("IPv4: 39.32.10.5 (confirmed by 2 of 2 services)"),
        "{text}"
    );
    assert!(text.contains("Verdict: Cannot tell yet"), "{text}");
    assert!(
        text.contains("2 of 2 independent services see your public address as 39.32.10.5"),
        "{text}"
    );

    // The same check in Urdu: labels, verdict, evidence and next steps.
    let urdu = vca.run(&[
        "--lang",
        "ur",
        "check-ip",
        "--config",
        config.to_str().expect("utf-8 path"),
    ]);
    let urdu = String::from_utf8(urdu.stdout).expect("utf-8");
    for expected in [
        "IPv4: 39.32.10.5 (2 میں سے 2 سروسز نے تصدیق کی)",
        "نتیجہ: ابھی کہا نہیں جا سکتا",
        "2 میں سے 2 الگ الگ سروسز آپ کا پبلک ایڈریس 39.32.10.5 دیکھتی ہیں",
        "آپ کیا کر سکتے ہیں",
    ] {
        assert!(urdu.contains(expected), "missing {expected:?} in:\n{urdu}");
    }
    assert!(
        !urdu.contains(['{', '\u{2068}', '\u{2069}']),
        "no unfilled placeholder, no isolate marks in a terminal:\n{urdu}"
    );
    assert!(!urdu.contains("Verdict"), "{urdu}");
}

#[test]
fn check_ip_refuses_a_broken_settings_file_with_its_location() {
    let vca = Vca::new();
    let config = vca.dir.path().join("broken.toml");
    std::fs::write(&config, "timeoutMs = \"soon\"\n").expect("write");
    let out = vca.run(&["check-ip", "--config", config.to_str().expect("utf-8 path")]);
    assert_eq!(out.status.code(), Some(3));
    let err = String::from_utf8_lossy(&out.stderr);
    assert!(
        err.contains("broken.toml") && err.contains("timeoutMs"),
        "{err}"
    );
}
