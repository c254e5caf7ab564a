//! The router's internet-side address over UPnP-IGD and NAT-PMP, from real peers on loopback.
//! Every test points NAT-PMP at a loopback address so nothing is sent to a real router.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod support;

use vca_core::net_class::AddressClass;
use vca_netcheck::{config::NetConfig, router::ask};

#[tokio::test]
async fn the_routers_wan_address_is_read_and_classified() {
    let gateway = support::upnp_gateway("100.72.14.9").await;
    let cfg = NetConfig {
        upnp_discovery: gateway,
        upnp_timeout_ms: 2000,
        upnp_trusted_gateways: vec!["127.0.0.1".parse().unwrap()],
        natpmp_gateway: Some("127.0.0.2".parse().unwrap()),
        ..NetConfig::default()
    };
    let view = ask(&cfg).await;
    assert_eq!(view.error, None, "{view:?}");
    assert_eq!(view.wan_address.as_deref(), Some("100.72.14.9"));
    assert_eq!(view.wan_class, Some(AddressClass::Cgnat));
}

#[tokio::test]
async fn no_router_answering_is_reported_not_fatal() {
    let silent = std::net::UdpSocket::bind("127.0.0.1:0").expect("bind");
    let cfg = NetConfig {
        upnp_discovery: silent.local_addr().expect("addr"),
        upnp_timeout_ms: 300,
        natpmp_gateway: Some("127.0.0.2".parse().unwrap()),
        ..NetConfig::default()
    };
    let view = ask(&cfg).await;
    assert_eq!(view.wan_address, None);
    assert!(
        view.error
            .as_deref()
            .is_some_and(|e| e.contains("no router answered")),
        "{view:?}"
    );
}

#[tokio::test]
async fn a_router_on_an_untrusted_address_is_ignored() {
    let gateway = support::upnp_gateway("100.72.14.9").await;
    let cfg = NetConfig {
        upnp_discovery: gateway,
        upnp_timeout_ms: 300,
        natpmp_gateway: Some("127.0.0.2".parse().unwrap()),
        ..NetConfig::default()
    };
    assert_eq!(
        ask(&cfg).await.wan_address,
        None,
        "a loopback location is not trusted unless configured"
    );
}

#[tokio::test]
async fn a_router_without_upnp_answers_over_nat_pmp() {
    // A NAT-PMP gateway on 127.0.0.1:5351, the protocol's fixed port.
    let server = std::sync::Arc::new(
        tokio::net::UdpSocket::bind("127.0.0.1:5351")
            .await
            .expect("bind the NAT-PMP port"),
    );
    let responder = std::sync::Arc::clone(&server);
    tokio::spawn(async move {
        let mut buf = [0u8; 16];
        while let Ok((n, peer)) = responder.recv_from(&mut buf).await {
            if n == 2 && buf[..2] == [0, 0] {
                // version 0, opcode 128 (public address), result 0, epoch, address
                let answer = [0, 128, 0, 0, 0, 0, 0, 42, 100, 72, 14, 9];
                let _ = responder.send_to(&answer, peer).await;
            }
        }
    });
    let silent = std::net::UdpSocket::bind("127.0.0.1:0").expect("bind");
    let cfg = NetConfig {
        upnp_discovery: silent.local_addr().expect("addr"),
        upnp_timeout_ms: 1000,
        natpmp_gateway: Some("127.0.0.1".parse().unwrap()),
        ..NetConfig::default()
    };
    let view = ask(&cfg).await;
    assert_eq!(view.wan_address.as_deref(), Some("100.72.14.9"), "{view:?}");
    assert_eq!(view.wan_class, Some(AddressClass::Cgnat));
    assert!(
        view.gateway
            .as_deref()
            .is_some_and(|g| g.contains("NAT-PMP"))
    );
}
