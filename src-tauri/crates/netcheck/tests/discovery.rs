//! Public address discovery against real HTTP and DNS servers on loopback (issue 3).
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod support;

use std::{net::SocketAddr, sync::Arc};

use support::{Dns, Http, dns, http, refused_port};
use vca_core::discovery::{Discovery, DiscoveryStatus, ProviderOutcome};
use vca_netcheck::{
    answer::AnswerFormat,
    config::{DnsRecord, Family, NetConfig, ProviderSpec},
    discover,
    provider::HttpClients,
};

const HONEST: &str = "39.32.10.5";
const LIAR: &str = "45.116.232.9";

fn plain(name: &str, addr: SocketAddr) -> ProviderSpec {
    ProviderSpec::Http {
        name: name.into(),
        url: format!("http://{addr}/"),
        family: Family::V4,
        format: AnswerFormat::Plain,
        token: None,
    }
}

/// Only the given providers: no reverse DNS, registry or router, so nothing leaves loopback.
fn local_only(timeout_ms: u64, quorum: usize, providers: Vec<ProviderSpec>) -> NetConfig {
    NetConfig {
        timeout_ms,
        quorum,
        providers,
        rdap: false,
        upnp: false,
        ..NetConfig::default()
    }
}

fn config(timeout_ms: u64, quorum: usize, providers: Vec<ProviderSpec>) -> Arc<NetConfig> {
    Arc::new(local_only(timeout_ms, quorum, providers))
}

async fn run(cfg: Arc<NetConfig>) -> Discovery {
    let clients = HttpClients::new(&cfg).expect("clients");
    discover(cfg, clients, Family::V4).await
}

fn outcome<'a>(d: &'a Discovery, name: &str) -> &'a ProviderOutcome {
    &d.reports
        .iter()
        .find(|r| r.name == name)
        .unwrap_or_else(|| panic!("no report for {name}"))
        .outcome
}

fn reason(d: &Discovery, name: &str) -> String {
    match outcome(d, name) {
        ProviderOutcome::Failed { reason } => reason.clone(),
        other => panic!("{name} should have failed, got {other:?}"),
    }
}

#[tokio::test]
async fn a_quorum_settles_without_waiting_for_the_straggler_and_the_liar_is_reported() {
    let cfg = config(
        10_000,
        2,
        vec![
            plain("liar", http(Http::after(20, LIAR)).await),
            plain("fast", http(Http::after(40, HONEST)).await),
            plain("medium", http(Http::after(150, HONEST)).await),
            plain("straggler", http(Http::after(3000, HONEST)).await),
        ],
    );
    let d = run(cfg).await;
    assert_eq!(d.status, DiscoveryStatus::Agreed);
    assert_eq!(d.address.as_deref(), Some(HONEST));
    assert_eq!(
        outcome(&d, "liar"),
        &ProviderOutcome::Answered {
            address: LIAR.into(),
            agrees: false
        },
        "the outvoted liar is reported"
    );
    assert_eq!(
        outcome(&d, "straggler"),
        &ProviderOutcome::NotAwaited,
        "the straggler is not waited for"
    );
    assert_eq!(d.dissenters().count(), 1);
}

#[tokio::test]
async fn every_kind_of_bad_answer_fails_with_its_own_reason_and_nothing_is_believed() {
    let cfg = Arc::new(local_only(
        800,
        2,
        vec![
            plain(
                "html",
                http(Http::ok(
                    "<!doctype html><html><body>Please log in</body></html>",
                ))
                .await,
            ),
            plain("garbage", http(Http::ok("\u{1}\u{2}lorem ipsum")).await),
            plain("empty", http(Http::ok("")).await),
            plain(
                "flood",
                http(Http::Flood {
                    bytes: 50 * 1024 * 1024,
                })
                .await,
            ),
            plain("private", http(Http::ok("192.168.1.7")).await),
            plain("malformed", http(Http::ok("39.32.10")).await),
            plain("v6-for-v4", http(Http::ok("2400:adc0::1")).await),
            plain(
                "error-500",
                http(Http::Answer {
                    delay: Default::default(),
                    status: 500,
                    body: b"oops".to_vec(),
                })
                .await,
            ),
            plain("refused", refused_port().await),
            plain("hang", http(Http::Hang).await),
            ProviderSpec::Http {
                name: "bad-tls".into(),
                url: format!("https://{}/", http(Http::Garbage).await),
                family: Family::V4,
                format: AnswerFormat::Plain,
                token: None,
            },
        ],
    ));
    let d = run(cfg).await;
    assert_eq!(d.status, DiscoveryStatus::NoAnswer);
    assert_eq!(d.address, None, "nothing is taken as the address");
    assert!(
        reason(&d, "html").contains("web page"),
        "{}",
        reason(&d, "html")
    );
    assert!(reason(&d, "garbage").contains("not an IP address"));
    assert!(reason(&d, "empty").contains("empty"));
    assert!(
        reason(&d, "flood").contains("more than 4096 bytes"),
        "{}",
        reason(&d, "flood")
    );
    assert!(reason(&d, "private").contains("private"));
    assert!(reason(&d, "malformed").contains("not an IP address"));
    assert!(reason(&d, "v6-for-v4").contains("not an IPv4 address"));
    assert!(reason(&d, "error-500").contains("500"));
    assert!(
        reason(&d, "refused").contains("could not be reached"),
        "{}",
        reason(&d, "refused")
    );
    assert!(
        reason(&d, "hang").contains("800 ms"),
        "{}",
        reason(&d, "hang")
    );
    assert!(
        reason(&d, "bad-tls").contains("secure-connection check"),
        "{}",
        reason(&d, "bad-tls")
    );
}

#[tokio::test]
async fn different_answers_without_a_quorum_are_a_disagreement_not_a_guess() {
    let cfg = config(
        2000,
        2,
        vec![
            plain("a", http(Http::ok(HONEST)).await),
            plain("b", http(Http::ok(LIAR)).await),
            plain("c", refused_port().await),
        ],
    );
    let d = run(cfg).await;
    assert_eq!(d.status, DiscoveryStatus::Disagreement);
    assert_eq!(d.address, None);
    assert_eq!(d.dissenters().count(), 2, "both answers are shown");
}

#[tokio::test]
async fn a_single_answer_is_unconfirmed() {
    let cfg = config(
        2000,
        2,
        vec![
            plain("only", http(Http::ok(HONEST)).await),
            plain("down", refused_port().await),
        ],
    );
    let d = run(cfg).await;
    assert_eq!(d.status, DiscoveryStatus::Unconfirmed);
    assert_eq!(d.address.as_deref(), Some(HONEST));
}

#[tokio::test]
async fn no_network_at_all_is_no_answer_and_no_crash() {
    let cfg = config(
        500,
        2,
        vec![
            plain("a", refused_port().await),
            plain("b", refused_port().await),
        ],
    );
    let d = run(cfg).await;
    assert_eq!(d.status, DiscoveryStatus::NoAnswer);
    assert!(
        d.reports
            .iter()
            .all(|r| matches!(r.outcome, ProviderOutcome::Failed { .. }))
    );
}

#[tokio::test]
async fn json_trace_and_dns_providers_agree_with_plain_text() {
    let json = http(Http::ok(&format!(
        r#"{{"ip":"{HONEST}","org":"AS17557 PTCL"}}"#
    )))
    .await;
    let trace = http(Http::ok(&format!("fl=1\nh=x\nip={HONEST}\nts=1\n"))).await;
    let dns_a = dns(Dns::Address {
        ip: HONEST.parse().unwrap(),
        delay_ms: 0,
    })
    .await;
    let dns_txt = dns(Dns::Txt(HONEST.into())).await;
    let cfg = config(
        3000,
        4,
        vec![
            ProviderSpec::Http {
                name: "json".into(),
                url: format!("http://{json}/json"),
                family: Family::V4,
                format: AnswerFormat::Json { field: "ip".into() },
                token: None,
            },
            ProviderSpec::Http {
                name: "trace".into(),
                url: format!("http://{trace}/cdn-cgi/trace"),
                family: Family::V4,
                format: AnswerFormat::Trace { key: "ip".into() },
                token: None,
            },
            ProviderSpec::Dns {
                name: "dns-a".into(),
                query: "myip.opendns.com".into(),
                record: DnsRecord::A,
                server: dns_a,
                family: Family::V4,
            },
            ProviderSpec::Dns {
                name: "dns-txt".into(),
                query: "o-o.myaddr.l.google.com".into(),
                record: DnsRecord::Txt,
                server: dns_txt,
                family: Family::V4,
            },
        ],
    );
    let d = run(cfg).await;
    assert_eq!(d.status, DiscoveryStatus::Agreed, "{d:#?}");
    assert_eq!(d.address.as_deref(), Some(HONEST));
}

#[tokio::test]
async fn a_dns_name_without_a_record_fails_with_the_reason() {
    let server = dns(Dns::NoSuchName).await;
    let cfg = config(
        2000,
        1,
        vec![ProviderSpec::Dns {
            name: "nx".into(),
            query: "myip.opendns.com".into(),
            record: DnsRecord::A,
            server,
            family: Family::V4,
        }],
    );
    let d = run(cfg).await;
    assert_eq!(d.status, DiscoveryStatus::NoAnswer);
    assert!(reason(&d, "nx").contains("DNS"), "{}", reason(&d, "nx"));
}

#[tokio::test]
async fn ipv6_providers_are_asked_over_ipv6() {
    let server = support::http_on("::1".parse().unwrap(), Http::ok("2400:adc0:1::5")).await;
    let cfg = Arc::new(local_only(
        2000,
        1,
        vec![ProviderSpec::Http {
            name: "v6".into(),
            url: format!("http://{server}/"),
            family: Family::V6,
            format: AnswerFormat::Plain,
            token: None,
        }],
    ));
    let clients = HttpClients::new(&cfg).expect("clients");
    let d = discover(cfg, clients, Family::V6).await;
    assert_eq!(d.status, DiscoveryStatus::Agreed, "{d:#?}");
    assert_eq!(d.address.as_deref(), Some("2400:adc0:1::5"));
}
