//! The local router's internet-side address, asked over UPnP-IGD (igd-next), and over
//! NAT-PMP (natpmp) when no UPnP router answers.
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
        Err(upnp) => {
            return match nat_pmp(cfg).await {
                Ok((gateway, ip)) => RouterView {
                    gateway: Some(format!("{gateway} (NAT-PMP)")),
                    wan_address: Some(ip.to_string()),
                    wan_class: Some(AddressClass::of(ip.into())),
                    error: None,
                },
                Err(pmp) => unanswered(format!(
                    "no router answered UPnP ({upnp}) or NAT-PMP ({pmp})"
                )),
            };
        }
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

/// Asks the gateway for its public address over NAT-PMP (RFC 6886).
async fn nat_pmp(cfg: &NetConfig) -> Result<(std::net::Ipv4Addr, std::net::Ipv4Addr), String> {
    let gateway = match cfg.natpmp_gateway {
        Some(g) => g,
        None => natpmp::get_default_gateway().map_err(|e| format!("no default gateway: {e:?}"))?,
    };
    let wait = Duration::from_millis(cfg.upnp_timeout_ms);
    let ask = async {
        let mut client = natpmp::new_tokio_natpmp_with(gateway)
            .await
            .map_err(|e| format!("{e:?}"))?;
        client
            .send_public_address_request()
            .await
            .map_err(|e| format!("{e:?}"))?;
        match client
            .read_response_or_retry()
            .await
            .map_err(|e| format!("{e:?}"))?
        {
            natpmp::Response::Gateway(g) => Ok(*g.public_address()),
            _ => Err("unexpected answer".to_owned()),
        }
    };
    let ip = tokio::time::timeout(wait, ask)
        .await
        .map_err(|_| "no answer".to_owned())??;
    Ok((gateway, ip))
}

fn unanswered(error: String) -> RouterView {
    RouterView {
        gateway: None,
        wan_address: None,
        wan_class: None,
        error: Some(error),
    }
}
