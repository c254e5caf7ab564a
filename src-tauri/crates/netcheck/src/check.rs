//! One whole connection check: both address families and the local view, at the same time.

use std::sync::Arc;

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
    let (v4, v6) = tokio::join!(
        discover(Arc::clone(&cfg), clients.clone(), Family::V4),
        discover(cfg, clients, Family::V6)
    );
    let (interfaces, vpn) = local
        .await
        .unwrap_or_else(|_| (Vec::new(), local::vpn_state(&[], &[])));
    ConnectionCheck {
        checked_at: now,
        v4,
        v6,
        interfaces,
        vpn,
    }
}
