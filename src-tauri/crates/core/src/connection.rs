//! One connection check: the public addresses the internet sees, this computer's own
//! interfaces, and whether a VPN or tunnel is active — plus the rules that classify them.
//!
//! Gathering is done elsewhere (crate `vca-netcheck`); this module holds the record and
//! the pure classification, so both are testable without a network.

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{
    discovery::Discovery,
    i18n::{Arg, Message},
    net_class::AddressClass,
    reverse_dns::ReverseDns,
};

/// One address on one interface.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct InterfaceAddress {
    /// The address, canonical text.
    pub address: String,
    /// Its prefix length (e.g. 24, or 64 for IPv6).
    pub prefix: u8,
    /// What kind of address it is.
    pub class: AddressClass,
}

/// A network interface of this computer.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct LocalInterface {
    /// The OS's name for it (`eth0`, `Wi-Fi`, `utun3`).
    pub name: String,
    /// Its addresses.
    pub addresses: Vec<InterfaceAddress>,
    /// What kind of VPN or tunnel it looks like, when it does.
    pub vpn_hint: Option<Tunnel>,
}

/// A kind of VPN tunnel or adapter, recognised by an interface's name. Worded by the domain
/// catalogue (`vpn.tunnel.*`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Tunnel {
    /// `wg*`.
    WireGuard,
    /// `nordlynx`.
    NordLynx,
    /// `proton*`.
    Proton,
    /// `tun*`.
    Tun,
    /// `tap*`.
    Tap,
    /// `utun*` (macOS).
    Utun,
    /// `ipsec*`.
    Ipsec,
    /// `ppp*`: a VPN, or a dial-up or mobile modem.
    Ppp,
    /// `tailscale*`.
    Tailscale,
    /// `zt*`.
    ZeroTier,
    /// `gpd*`.
    GlobalProtect,
    /// `cscotun*`.
    AnyConnect,
    /// A Windows adapter with "WireGuard" in its name.
    WireGuardAdapter,
    /// A Windows adapter with "OpenVPN" in its name.
    OpenVpnAdapter,
    /// A TAP-Windows adapter.
    TapWindows,
    /// A Wintun adapter.
    Wintun,
    /// An adapter with "VPN" in its name.
    NamedVpn,
    /// A Windows adapter with "AnyConnect" in its name.
    AnyConnectAdapter,
    /// A FortiClient adapter.
    Fortinet,
}

impl Tunnel {
    const ALL: [Self; 19] = [
        Self::WireGuard,
        Self::NordLynx,
        Self::Proton,
        Self::Tun,
        Self::Tap,
        Self::Utun,
        Self::Ipsec,
        Self::Ppp,
        Self::Tailscale,
        Self::ZeroTier,
        Self::GlobalProtect,
        Self::AnyConnect,
        Self::WireGuardAdapter,
        Self::OpenVpnAdapter,
        Self::TapWindows,
        Self::Wintun,
        Self::NamedVpn,
        Self::AnyConnectAdapter,
        Self::Fortinet,
    ];

    /// Its catalogue key.
    pub fn key(self) -> String {
        format!("vpn.tunnel.{}", crate::i18n::variant_name(&self))
    }
}

/// Reads a tunnel's name, or the English phrase that checks saved before tunnels had names
/// hold ("a WireGuard tunnel"), so old checks keep their VPN interfaces.
impl<'de> Deserialize<'de> for Tunnel {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let raw = String::deserialize(d)?;
        let english = crate::i18n::domain();
        Ok(Self::ALL
            .into_iter()
            .find(|t| {
                crate::i18n::variant_name(t) == raw
                    || english.template(crate::i18n::Lang::En, &t.key()) == raw
            })
            .unwrap_or(Self::Tun))
    }
}

/// One sign that a VPN is active.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(untagged)]
pub enum VpnClue {
    /// An interface looks like a tunnel.
    Interface {
        /// Its name.
        interface: String,
        /// What it looks like.
        tunnel: Tunnel,
    },
    /// A VPN client is running.
    Client {
        /// The client's name (a brand, e.g. "NordVPN").
        client: String,
    },
    /// An observation in English, from a check saved before clues had kinds.
    Said(String),
}

impl VpnClue {
    /// What it says, as the catalogue's `vpn.clue.*`.
    pub fn message(&self) -> Message {
        self.message_under("vpn.clue")
    }

    /// What it says under `prefix`, whose keys end in `interface`, `client` and `said`
    /// (the verdict's evidence adds what the clue means for the address).
    pub fn message_under(&self, prefix: &str) -> Message {
        match self {
            Self::Interface { interface, tunnel } => Message::new(&format!("{prefix}.interface"))
                .arg("interface", interface.as_str())
                .arg("tunnel", Arg::term(&tunnel.key())),
            Self::Client { client } => {
                Message::new(&format!("{prefix}.client")).arg("client", client.as_str())
            }
            Self::Said(text) => Message::new(&format!("{prefix}.said")).arg("text", text.as_str()),
        }
    }
}

/// What the local router says about its internet side (UPnP-IGD), when it answers.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RouterView {
    /// The router that answered (its control address).
    pub gateway: Option<String>,
    /// The router's internet-side (WAN) address.
    pub wan_address: Option<String>,
    /// What kind of address that is.
    pub wan_class: Option<AddressClass>,
    /// Why no WAN address is known (no UPnP router answered, or it refused).
    pub error: Option<String>,
}

/// Whether a VPN or tunnel is active now, and what shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct VpnState {
    /// True when any interface or process looks like a VPN.
    pub active: bool,
    /// Each observation.
    pub evidence: Vec<VpnClue>,
}

/// Everything one check found.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionCheck {
    /// When the check ran.
    pub checked_at: Timestamp,
    /// The public IPv4 address, as the providers saw it.
    pub v4: Discovery,
    /// The public IPv6 address, as the providers saw it.
    pub v6: Discovery,
    /// This computer's interfaces with at least one address (loopback left out).
    pub interfaces: Vec<LocalInterface>,
    /// VPN or tunnel activity.
    pub vpn: VpnState,
    /// Reverse DNS of each public address found (absent in checks stored by version 0.1).
    #[serde(default)]
    pub reverse_dns: Vec<ReverseDns>,
    /// The regional registry's record of each public address found (absent before 0.1.x).
    #[serde(default)]
    pub registry: Vec<crate::registry::RegistryRecord>,
    /// The local router's view, when UPnP discovery is on (absent before 0.1.x).
    #[serde(default)]
    pub router: Option<RouterView>,
}

impl ConnectionCheck {
    /// Whether any family produced an address: a check that did not is not evidence of anything.
    pub fn found_an_address(&self) -> bool {
        self.v4.address.is_some() || self.v6.address.is_some()
    }
}

/// A check with the verdict on it and the address history it was judged with.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionReport {
    /// What the check found.
    pub check: ConnectionCheck,
    /// The verdict.
    pub verdict: crate::verdict::Verdict,
    /// The public IPv4 address over time ("which IP, since when").
    pub history: crate::history::AddressHistory,
    /// The public IPv6 /64 prefix over time.
    #[serde(default)]
    pub v6_prefix_history: crate::history::AddressHistory,
}

/// Interface name prefixes (lowercase) that are tunnels.
const VPN_INTERFACES: &[(&str, Tunnel)] = &[
    ("wg", Tunnel::WireGuard),
    ("nordlynx", Tunnel::NordLynx),
    ("proton", Tunnel::Proton),
    ("tun", Tunnel::Tun),
    ("tap", Tunnel::Tap),
    ("utun", Tunnel::Utun),
    ("ipsec", Tunnel::Ipsec),
    ("ppp", Tunnel::Ppp),
    ("tailscale", Tunnel::Tailscale),
    ("zt", Tunnel::ZeroTier),
    ("gpd", Tunnel::GlobalProtect),
    ("cscotun", Tunnel::AnyConnect),
];

/// Words in Windows adapter names that mean a VPN adapter.
const VPN_ADAPTER_WORDS: &[(&str, Tunnel)] = &[
    ("wireguard", Tunnel::WireGuardAdapter),
    ("openvpn", Tunnel::OpenVpnAdapter),
    ("tap-windows", Tunnel::TapWindows),
    ("wintun", Tunnel::Wintun),
    ("vpn", Tunnel::NamedVpn),
    ("anyconnect", Tunnel::AnyConnectAdapter),
    ("fortinet", Tunnel::Fortinet),
];

/// Which tunnel an interface called `name` looks like, if any.
pub fn vpn_interface_hint(name: &str) -> Option<Tunnel> {
    let lower = name.to_lowercase();
    let prefix_match = VPN_INTERFACES.iter().find(|(prefix, _)| {
        lower.strip_prefix(prefix).is_some_and(|rest| {
            rest.is_empty()
                || rest
                    .starts_with(|c: char| c.is_ascii_digit() || c == '-' || c == '_' || c == '.')
        }) || (prefix.len() > 3 && lower.starts_with(prefix))
    });
    prefix_match
        .or_else(|| {
            VPN_ADAPTER_WORDS
                .iter()
                .find(|(word, _)| lower.contains(word))
        })
        .map(|(_, tunnel)| *tunnel)
}

/// Process names (lowercase, without `.exe`) of VPN clients.
const VPN_PROCESSES: &[(&str, &str)] = &[
    ("openvpn", "OpenVPN"),
    ("openvpn-gui", "OpenVPN"),
    ("wireguard", "WireGuard"),
    ("wg-quick", "WireGuard"),
    ("nordvpn", "NordVPN"),
    ("nordvpnd", "NordVPN"),
    ("expressvpn", "ExpressVPN"),
    ("expressvpnd", "ExpressVPN"),
    ("protonvpn", "Proton VPN"),
    ("surfshark", "Surfshark"),
    ("windscribe", "Windscribe"),
    ("pia-daemon", "Private Internet Access"),
    ("mullvad-daemon", "Mullvad"),
    ("tailscaled", "Tailscale"),
    ("openconnect", "OpenConnect"),
    ("vpnagent", "Cisco AnyConnect"),
    ("forticlient", "FortiClient"),
    ("psiphon", "Psiphon"),
    ("hotspotshield", "Hotspot Shield"),
];

/// The VPN client a process called `name` belongs to, if any.
pub fn vpn_process(name: &str) -> Option<&'static str> {
    let lower = name.to_lowercase();
    let base = lower.strip_suffix(".exe").unwrap_or(&lower);
    VPN_PROCESSES
        .iter()
        .find(|(p, _)| *p == base)
        .map(|(_, client)| *client)
}

/// Classifies an address of a local interface.
pub fn interface_address(ip: std::net::IpAddr, prefix: u8) -> InterfaceAddress {
    InterfaceAddress {
        address: ip.to_string(),
        prefix,
        class: AddressClass::of(ip),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tunnel_interfaces_are_recognised_and_ordinary_ones_are_not() {
        for vpn in [
            "wg0",
            "tun0",
            "tap1",
            "utun3",
            "ppp0",
            "ipsec0",
            "tailscale0",
            "nordlynx",
            "WireGuard Tunnel",
            "TAP-Windows Adapter V9",
            "OpenVPN Wintun",
            "ProtonVPN",
        ] {
            assert!(
                vpn_interface_hint(vpn).is_some(),
                "{vpn} is a VPN interface"
            );
        }
        for plain in [
            "eth0",
            "enp3s0",
            "wlan0",
            "wlp2s0",
            "Wi-Fi",
            "Ethernet",
            "en0",
            "lo",
            "docker0",
            "br-1a2b",
            "tunnel-of-love-lan",
            "wgx",
        ] {
            assert!(
                vpn_interface_hint(plain).is_none(),
                "{plain} is not a VPN interface"
            );
        }
    }

    #[test]
    fn checks_saved_before_vpn_clues_had_kinds_still_read() {
        let old = r#"{"active": true, "evidence": ["interface wg0 is a WireGuard tunnel"]}"#;
        let state: VpnState = serde_json::from_str(old).expect("old VPN state");
        assert_eq!(
            state.evidence,
            vec![VpnClue::Said("interface wg0 is a WireGuard tunnel".into())]
        );
        let iface: LocalInterface = serde_json::from_str(
            r#"{"name": "wg0", "addresses": [], "vpnHint": "a WireGuard tunnel"}"#,
        )
        .expect("old interface");
        assert_eq!(iface.vpn_hint, Some(Tunnel::WireGuard));
        let new = VpnState {
            active: true,
            evidence: vec![
                VpnClue::Interface {
                    interface: "utun3".into(),
                    tunnel: Tunnel::Utun,
                },
                VpnClue::Client {
                    client: "NordVPN".into(),
                },
            ],
        };
        let json = serde_json::to_string(&new).expect("encode");
        assert_eq!(
            serde_json::from_str::<VpnState>(&json).expect("decode"),
            new
        );
        assert_eq!(
            new.evidence[0].message().text(crate::i18n::Lang::En),
            "the interface utun3 is a tunnel (macOS VPN clients)"
        );
    }

    #[test]
    fn vpn_clients_are_recognised_by_process_name() {
        assert_eq!(vpn_process("openvpn"), Some("OpenVPN"));
        assert_eq!(vpn_interface_hint("wg0"), Some(Tunnel::WireGuard));
        assert_eq!(
            vpn_interface_hint("TAP-Windows Adapter V9"),
            Some(Tunnel::Tap)
        );
        assert_eq!(vpn_process("NordVPN.exe"), Some("NordVPN"));
        assert_eq!(vpn_process("firefox"), None);
        assert_eq!(vpn_process("openvpnx"), None, "whole names only");
    }
}
