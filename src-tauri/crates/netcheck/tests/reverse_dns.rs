//! Reverse DNS through a real DNS server on loopback, set as the configured resolver.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod support;

use support::{Dns, dns};
use vca_netcheck::{config::NetConfig, ptr::reverse};

fn config(resolver: std::net::SocketAddr) -> NetConfig {
    NetConfig {
        timeout_ms: 2000,
        dns_resolver: Some(resolver),
        ..NetConfig::default()
    }
}

#[tokio::test]
async fn the_ptr_name_is_read_through_the_configured_resolver() {
    let server = dns(Dns::Ptr("dsl-39-32-10-5.dynamic.example.pk.".into())).await;
    let r = reverse("39.32.10.5".parse().unwrap(), &config(server)).await;
    assert_eq!(
        r.names,
        vec!["dsl-39-32-10-5.dynamic.example.pk".to_owned()]
    );
    assert_eq!(r.error, None);
}

#[tokio::test]
async fn no_ptr_record_is_an_empty_answer_not_an_error() {
    let server = dns(Dns::NoSuchName).await;
    let r = reverse("39.32.10.5".parse().unwrap(), &config(server)).await;
    assert!(r.names.is_empty());
    assert_eq!(r.error, None);
}

#[tokio::test]
async fn an_unreachable_resolver_is_reported_as_an_error() {
    // A UDP port nobody answers on: the lookup times out.
    let silent = std::net::UdpSocket::bind("127.0.0.1:0").expect("bind");
    let cfg = NetConfig {
        timeout_ms: 300,
        dns_resolver: Some(silent.local_addr().expect("addr")),
        ..NetConfig::default()
    };
    let r = reverse("39.32.10.5".parse().unwrap(), &cfg).await;
    assert!(r.names.is_empty());
    assert!(r.error.is_some(), "{r:?}");
}
