//! `cargo bench -p vca-netcheck --bench discovery` (part of `make bench`): how long until the
//! public address is agreed, and until the whole check (with reverse DNS) is done, with local
//! providers answering after 20 ms (lying), 40, 150 and 3000 ms, and DNS and RDAP after 30 ms.
//! Targets (issue 3): agreed ≤ 1.25 × 150 ms + 15 ms; full check ≤ that + 50 ms.
#![allow(clippy::expect_used, clippy::unwrap_used, missing_docs)]

#[path = "../tests/support/mod.rs"]
mod support;

use std::{sync::Arc, time::Instant};

use support::{Dns, Http, dns, http};
use vca_netcheck::{
    answer::AnswerFormat,
    config::{Family, NetConfig, ProviderSpec},
    provider::HttpClients,
};

const RUNS: usize = 15;

fn plain(name: &str, addr: std::net::SocketAddr) -> ProviderSpec {
    ProviderSpec::Http {
        name: name.into(),
        url: format!("http://{addr}/"),
        family: Family::V4,
        format: AnswerFormat::Plain,
        token: None,
    }
}

fn percentile(sorted: &[f64], p: f64) -> f64 {
    let i = ((sorted.len() - 1) as f64 * p).round() as usize;
    sorted[i]
}

#[tokio::main]
async fn main() {
    let ip = "39.32.10.5";
    let rdap = http(Http::after(
        30,
        r#"{"objectClassName":"ip network","name":"INDUS-SOFT-LHR","country":"PK","cidr0_cidrs":[{"length":29}]}"#,
    ))
    .await;
    let resolver = dns(Dns::Delayed(
        Box::new(Dns::Ptr("static-39-32-10-5.business.example.pk.".into())),
        30,
    ))
    .await;
    let cfg = Arc::new(NetConfig {
        timeout_ms: 5000,
        quorum: 2,
        max_answer_bytes: 4096,
        dns_resolver: Some(resolver),
        rdap: true,
        rdap_servers: vec![vca_netcheck::config::RdapServer {
            prefix: "0.0.0.0/0".into(),
            url: format!("http://{rdap}/"),
        }],
        rdap_fallback: format!("http://{rdap}/"),
        max_rdap_bytes: 65536,
        upnp: false,
        providers: vec![
            plain("liar-20ms", http(Http::after(20, "45.116.232.9")).await),
            plain("honest-40ms", http(Http::after(40, ip)).await),
            plain("honest-150ms", http(Http::after(150, ip)).await),
            plain("straggler-3000ms", http(Http::after(3000, ip)).await),
        ],
        ..NetConfig::default()
    });
    let clients = HttpClients::new(&cfg).expect("clients");

    // Warm up (first connections, resolver construction).
    let _ = vca_netcheck::discover(Arc::clone(&cfg), clients.clone(), Family::V4).await;

    let mut agreed = Vec::new();
    for _ in 0..RUNS {
        let t = Instant::now();
        let d = vca_netcheck::discover(Arc::clone(&cfg), clients.clone(), Family::V4).await;
        agreed.push(t.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(d.address.as_deref(), Some(ip), "the honest majority wins");
    }

    // The full check: the same providers, then reverse DNS (30 ms), with the local view alongside.
    let full_cfg = Arc::clone(&cfg);
    let mut full = Vec::new();
    for _ in 0..RUNS {
        let t = Instant::now();
        let c = vca_netcheck::check(
            Arc::clone(&full_cfg),
            clients.clone(),
            jiff::Timestamp::now(),
        )
        .await;
        full.push(t.elapsed().as_secs_f64() * 1000.0);
        assert_eq!(
            c.reverse_dns.first().map(|r| r.names.len()),
            Some(1),
            "the PTR name was found"
        );
    }

    agreed.sort_by(f64::total_cmp);
    full.sort_by(f64::total_cmp);
    let target_agreed = 1.25 * 150.0 + 15.0;
    let target_full = target_agreed + 50.0;
    let verdict = |v: f64, t: f64| if v <= t { "ok" } else { "MISS" };
    println!(
        "connection check, {RUNS} runs each, local providers at 20 (lying) / 40 / 150 / 3000 ms, reverse DNS and RDAP at 30 ms"
    );
    println!(
        "  time to agreed address   median {:6.1} ms   p90 {:6.1} ms   target ≤ {target_agreed:.1} ms  {}",
        percentile(&agreed, 0.5),
        percentile(&agreed, 0.9),
        verdict(percentile(&agreed, 0.5), target_agreed)
    );
    println!(
        "  time to full check       median {:6.1} ms   p90 {:6.1} ms   target ≤ {target_full:.1} ms  {}",
        percentile(&full, 0.5),
        percentile(&full, 0.9),
        verdict(percentile(&full, 0.5), target_full)
    );
}
