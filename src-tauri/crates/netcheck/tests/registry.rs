//! RDAP lookups against real HTTP servers on loopback (issue 3): honest, redirected, missing,
//! malformed, huge, hostile and silent registries.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod support;

use std::net::SocketAddr;

use support::{Http, http};
use vca_netcheck::{
    config::{NetConfig, RdapServer},
    provider::HttpClients,
    rdap::lookup,
};

const RECORD: &str = r#"{"objectClassName":"ip network","handle":"39.32.0.0 - 39.63.255.255","name":"PTCL-BB-DYNAMIC",
  "country":"PK","startAddress":"39.32.0.0","endAddress":"39.63.255.255","cidr0_cidrs":[{"v4prefix":"39.32.0.0","length":11}],
  "entities":[{"roles":["registrant"],"vcardArray":["vcard",[["fn",{},"text","Pakistan Telecommunication Company Limited"]]]}]}"#;

fn config(server: SocketAddr, timeout_ms: u64) -> NetConfig {
    NetConfig {
        timeout_ms,
        rdap_servers: vec![RdapServer {
            prefix: "0.0.0.0/0".into(),
            url: format!("http://{server}/"),
        }],
        ..NetConfig::default()
    }
}

async fn ask(server: SocketAddr, timeout_ms: u64) -> vca_core::registry::RegistryRecord {
    let cfg = config(server, timeout_ms);
    let clients = HttpClients::new(&cfg).expect("clients");
    lookup("39.32.10.5".parse().unwrap(), clients.any_family(), &cfg).await
}

#[tokio::test]
async fn an_honest_registry_record_is_read() {
    let r = ask(http(Http::ok(RECORD)).await, 2000).await;
    assert_eq!(r.error, None);
    assert_eq!(r.name.as_deref(), Some("PTCL-BB-DYNAMIC"));
    assert_eq!(
        r.holder.as_deref(),
        Some("Pakistan Telecommunication Company Limited")
    );
    assert_eq!(r.prefix_len, Some(11));
    assert!(
        r.source
            .as_deref()
            .is_some_and(|s| s.ends_with("/ip/39.32.10.5")),
        "{:?}",
        r.source
    );
}

#[tokio::test]
async fn a_redirect_to_the_right_registry_is_followed() {
    let right = http(Http::ok(RECORD)).await;
    let wrong = http(Http::Redirect(format!("http://{right}/ip/39.32.10.5"))).await;
    let r = ask(wrong, 2000).await;
    assert_eq!(r.error, None, "{r:?}");
    assert!(
        r.source
            .as_deref()
            .is_some_and(|s| s.contains(&right.to_string())),
        "the answering registry is recorded"
    );
}

#[tokio::test]
async fn every_bad_registry_answer_is_an_error_in_words() {
    let cases = [
        (
            Http::Answer {
                delay: Default::default(),
                status: 404,
                body: b"{}".to_vec(),
            },
            "no record",
        ),
        (
            Http::ok("<html><body>Too many requests</body></html>"),
            "not valid JSON",
        ),
        (
            Http::ok(r#"{"objectClassName":"autnum"}"#),
            "not an IP network record",
        ),
        (
            Http::Flood {
                bytes: 50 * 1024 * 1024,
            },
            "larger than",
        ),
        (
            Http::ok(&format!("{}1{}", "[".repeat(10_000), "]".repeat(10_000))),
            "not valid JSON",
        ),
        (
            Http::Answer {
                delay: Default::default(),
                status: 503,
                body: b"busy".to_vec(),
            },
            "503",
        ),
    ];
    for (behaviour, expected) in cases {
        let r = ask(http(behaviour.clone()).await, 2000).await;
        let error = r
            .error
            .clone()
            .unwrap_or_else(|| panic!("{behaviour:?} should fail"));
        assert!(error.contains(expected), "{behaviour:?}: {error}");
        assert_eq!(r.name, None, "nothing is taken from a failed answer");
    }
}

#[tokio::test]
async fn a_silent_registry_times_out() {
    let r = ask(http(Http::Hang).await, 300).await;
    assert!(r.error.is_some(), "{r:?}");
}
