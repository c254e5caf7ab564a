//! What kind of address an IP is: public, private, carrier-grade NAT and so on.
//!
//! Only a public address can be registered with PTA; everything else here explains why an
//! address cannot be. The connection check builds its verdicts on this classification.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The scope of an IP address.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum AddressClass {
    /// Routable on the internet: the only kind PTA can register.
    Public,
    /// RFC 1918 (IPv4) or unique-local `fc00::/7` (IPv6): a home or office network.
    Private,
    /// `100.64.0.0/10`, shared address space used by carriers for CGNAT.
    Cgnat,
    /// `169.254.0.0/16` or `fe80::/10`: only meaningful on one link.
    LinkLocal,
    /// `127.0.0.0/8` or `::1`: this machine.
    Loopback,
    /// Unspecified, multicast, broadcast, documentation or otherwise reserved ranges.
    Reserved,
}

impl AddressClass {
    /// Classifies `ip`.
    pub fn of(ip: IpAddr) -> Self {
        match ip {
            IpAddr::V4(v4) => classify_v4(v4),
            IpAddr::V6(v6) => classify_v6(v6),
        }
    }

    /// A short description for messages, e.g. "a private (home or office network) address".
    pub fn describe(self) -> &'static str {
        match self {
            Self::Public => "a public address",
            Self::Private => "a private (home or office network) address",
            Self::Cgnat => "a carrier-grade NAT address shared by many customers",
            Self::LinkLocal => "a link-local address",
            Self::Loopback => "a loopback address of this computer",
            Self::Reserved => "a reserved address",
        }
    }
}

fn classify_v4(ip: Ipv4Addr) -> AddressClass {
    let [a, b, ..] = ip.octets();
    if ip.is_loopback() {
        AddressClass::Loopback
    } else if ip.is_private() {
        AddressClass::Private
    } else if a == 100 && (64..128).contains(&b) {
        AddressClass::Cgnat
    } else if ip.is_link_local() {
        AddressClass::LinkLocal
    } else if ip.is_unspecified()
        || ip.is_broadcast()
        || ip.is_multicast()
        || ip.is_documentation()
        || a == 0
        || a >= 240
        || (a == 192 && b == 0 && ip.octets()[2] == 0)
        || (a == 198 && (18..20).contains(&b))
    {
        AddressClass::Reserved
    } else {
        AddressClass::Public
    }
}

fn classify_v6(ip: Ipv6Addr) -> AddressClass {
    if let Some(v4) = ip.to_ipv4_mapped() {
        return classify_v4(v4);
    }
    let first = ip.segments()[0];
    if ip.is_loopback() {
        AddressClass::Loopback
    } else if ip.is_unique_local() {
        AddressClass::Private
    } else if ip.is_unicast_link_local() {
        AddressClass::LinkLocal
    } else if ip.is_unspecified()
        || ip.is_multicast()
        || (first == 0x2001 && ip.segments()[1] == 0x0db8)
    {
        AddressClass::Reserved
    } else if (0x2000..=0x3fff).contains(&first) {
        // Global unicast is 2000::/3; everything outside it is not assigned to ISPs.
        AddressClass::Public
    } else {
        AddressClass::Reserved
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn class(s: &str) -> AddressClass {
        AddressClass::of(s.parse().expect("test address parses"))
    }

    #[test]
    fn ranges_are_classified_as_the_rfcs_say() {
        let cases = [
            ("39.32.10.5", AddressClass::Public),
            ("8.8.8.8", AddressClass::Public),
            ("10.1.2.3", AddressClass::Private),
            ("172.16.0.1", AddressClass::Private),
            ("172.32.0.1", AddressClass::Public),
            ("192.168.1.1", AddressClass::Private),
            ("100.64.0.1", AddressClass::Cgnat),
            ("100.127.255.255", AddressClass::Cgnat),
            ("100.128.0.1", AddressClass::Public),
            ("169.254.10.10", AddressClass::LinkLocal),
            ("127.0.0.1", AddressClass::Loopback),
            ("0.0.0.0", AddressClass::Reserved),
            ("192.0.2.7", AddressClass::Reserved),
            ("224.0.0.1", AddressClass::Reserved),
            ("255.255.255.255", AddressClass::Reserved),
            ("2400:cb00::1", AddressClass::Public),
            ("fd12:3456::1", AddressClass::Private),
            ("fe80::1", AddressClass::LinkLocal),
            ("::1", AddressClass::Loopback),
            ("2001:db8::1", AddressClass::Reserved),
            ("::ffff:192.168.0.1", AddressClass::Private),
            ("ff02::1", AddressClass::Reserved),
        ];
        for (addr, want) in cases {
            assert_eq!(class(addr), want, "{addr} should be {want:?}");
        }
    }
}
