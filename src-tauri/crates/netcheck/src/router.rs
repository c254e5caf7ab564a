//! The local router's internet-side address, asked over UPnP-IGD (igd-next).
//!
//! Home routers usually answer; carrier equipment does not. The answer is what tells plain
//! NAT (the router holds the public address) from carrier-grade NAT (the router's WAN
//! address is private, 100.64/10, or differs from what the internet sees).

use std::time::Duration;

use igd_next::SearchOptions;
use vca_core::{connection::RouterView, net_class::AddressClass};

use crate::config::NetConfig;

/// Asks the router. Never fails: what went wrong is in the view's `error`.
pub async fn ask(cfg: &NetConfig) -> RouterView {
    let mut options = SearchOptions::default();
    options.broadcast_address = cfg.upnp_discovery;
    options.timeout = Some(Duration::from_millis(cfg.upnp_timeout_ms));
    options.single_search_timeout = Some(Duration::from_millis(cfg.upnp_timeout_ms));
    options.allowed_gateway_ips = cfg.upnp_trusted_gateways.clone();
    let gateway = match igd_next::aio::tokio::search_gateway(options).await {
        Ok(gateway) => gateway,
        Err(e) => return unanswered(format!("no router answered UPnP discovery ({e})")),
    };
    match gateway.get_external_ip().await {
        Ok(ip) => RouterView {
            gateway: Some(gateway.addr.to_string()),
            wan_address: Some(ip.to_string()),
            wan_class: Some(AddressClass::of(ip)),
            error: None,
        },
        Err(e) => RouterView {
            gateway: Some(gateway.addr.to_string()),
            wan_address: None,
            wan_class: None,
            error: Some(format!(
                "the router did not tell its internet address ({e})"
            )),
        },
    }
}

fn unanswered(error: String) -> RouterView {
    RouterView {
        gateway: None,
        wan_address: None,
        wan_class: None,
        error: Some(error),
    }
}
