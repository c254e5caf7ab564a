//! One whole connection check: both address families and the local view, at the same time.

use std::sync::Arc;

use futures::future::join_all;

use vca_core::connection::ConnectionCheck;

use crate::{
    config::{Family, NetConfig},
    discover, local,
    provider::HttpClients,
};

/// Runs a full check. Never fails: what could not be found is reported inside the result.
pub async fn check(
    cfg: Arc<NetConfig>,
    clients: HttpClients,
    now: jiff::Timestamp,
) -> ConnectionCheck {
    let local = tokio::task::spawn_blocking(|| {
        let interfaces = local::interfaces();
        let clients = local::vpn_processes();
        let vpn = local::vpn_state(&interfaces, &clients);
        (interfaces, vpn)
    });
    let cfg_for_ptr = Arc::clone(&cfg);
    let rdap_clients = clients.clone();
    let router_cfg = Arc::clone(&cfg);
    let router = async move {
        match router_cfg.upnp {
            true => Some(crate::router::ask(&router_cfg).await),
            false => None,
        }
    };
    let (v4, v6, router) = tokio::join!(
        discover(Arc::clone(&cfg), clients.clone(), Family::V4),
        discover(cfg, clients, Family::V6),
        router
    );
    // Reverse DNS of what was found, all at once.
    let found: Vec<std::net::IpAddr> = [&v4.address, &v6.address]
        .into_iter()
        .flatten()
        .filter_map(|a| a.parse().ok())
        .collect();
    // Reverse DNS and the registry, for every address found, all at the same time.
    let ptr = join_all(found.iter().copied().map(|ip| {
        let cfg = Arc::clone(&cfg_for_ptr);
        async move { crate::ptr::reverse(ip, &cfg).await }
    }));
    let rdap_client = rdap_clients.any_family().clone();
    let rdap = join_all(
        found
            .iter()
            .copied()
            .filter(|_| cfg_for_ptr.rdap)
            .map(|ip| {
                let cfg = Arc::clone(&cfg_for_ptr);
                let client = rdap_client.clone();
                async move { crate::rdap::lookup(ip, &client, &cfg).await }
            }),
    );
    let (reverse_dns, registry) = tokio::join!(ptr, rdap);
    let (interfaces, vpn) = local
        .await
        .unwrap_or_else(|_| (Vec::new(), local::vpn_state(&[], &[])));
    ConnectionCheck {
        checked_at: now,
        v4,
        v6,
        interfaces,
        vpn,
        reverse_dns,
        registry,
        router,
    }
}
