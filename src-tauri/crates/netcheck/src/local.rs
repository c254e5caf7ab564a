//! This computer's side: its interfaces and addresses, and VPN clients that are running.
//! Read through sysinfo; classification is the core's.

use vca_core::connection::{
    LocalInterface, VpnClue, VpnState, interface_address, vpn_interface_hint, vpn_process,
};

/// The interfaces with at least one non-loopback address, sorted by name.
pub fn interfaces() -> Vec<LocalInterface> {
    let Ok(networks) = sysinfo::Networks::new_with_refreshed_list() else {
        tracing::warn!("the network interfaces could not be listed");
        return Vec::new();
    };
    let mut out: Vec<LocalInterface> = networks
        .iter()
        .map(|(name, data)| (name.to_string_lossy().into_owned(), data))
        .map(|(name, data)| LocalInterface {
            vpn_hint: vpn_interface_hint(&name),
            name,
            addresses: data
                .ip_networks()
                .iter()
                .filter(|n| !n.addr.is_loopback())
                .map(|n| interface_address(n.addr, n.prefix))
                .collect(),
        })
        .filter(|i| !i.addresses.is_empty())
        .collect();
    out.sort_by(|a, b| a.name.cmp(&b.name));
    out
}

/// The VPN clients running now, by name, without duplicates.
pub fn vpn_processes() -> Vec<&'static str> {
    let Ok(mut system) = sysinfo::System::new() else {
        return Vec::new();
    };
    system.refresh_processes_specifics(
        sysinfo::ProcessesToUpdate::All,
        true,
        sysinfo::ProcessRefreshKind::nothing(),
    );
    let mut clients: Vec<&'static str> = system
        .processes()
        .values()
        .filter_map(|p| vpn_process(&p.name().to_string_lossy()))
        .collect();
    clients.sort_unstable();
    clients.dedup();
    clients
}

/// Puts interface and process observations together.
pub fn vpn_state(interfaces: &[LocalInterface], clients: &[&str]) -> VpnState {
    let mut evidence: Vec<VpnClue> = interfaces
        .iter()
        .filter_map(|i| {
            i.vpn_hint.map(|tunnel| VpnClue::Interface {
                interface: i.name.clone(),
                tunnel,
            })
        })
        .collect();
    evidence.extend(clients.iter().map(|c| VpnClue::Client {
        client: (*c).to_owned(),
    }));
    VpnState {
        active: !evidence.is_empty(),
        evidence,
    }
}
