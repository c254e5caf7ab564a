//! The verdict on a connection: can its public IP be registered with PTA?
//!
//! Pure: it weighs a [`ConnectionCheck`], the address history and the reverse DNS names,
//! and says *static*, *likely static*, *likely dynamic*, *dynamic*, *behind CGNAT* or
//! *unknown*, with a confidence, every piece of evidence in plain words, and what to do
//! next. Evidence it does not have (registry data, the ISP) simply does not count; the
//! verdict never claims more than its evidence supports.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{
    connection::ConnectionCheck,
    discovery::DiscoveryStatus,
    history::AddressHistory,
    i18n::Message,
    net_class::AddressClass,
    registry::{describe, record_hint},
    reverse_dns::{NameHint, ReverseDns, hint, quoted},
};

/// What the connection is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum VerdictKind {
    /// Fixed: can be registered.
    Static,
    /// Probably fixed; confirm with the ISP before registering.
    LikelyStatic,
    /// Probably changes; registering it would likely break.
    LikelyDynamic,
    /// Changes: cannot be registered.
    Dynamic,
    /// Shared by many customers (carrier-grade NAT): cannot be registered.
    BehindCgnat,
    /// Offline, a VPN in the way, or not enough evidence.
    Unknown,
}

/// Why the verdict is unknown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum UnknownReason {
    /// No public address could be found.
    Offline,
    /// A VPN is active, so the address seen is the VPN's.
    VpnActive,
    /// The services disagreed about the address.
    Disagreement,
    /// The evidence so far points neither way.
    NotEnoughEvidence,
}

/// How sure the verdict is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Confidence {
    /// A hint.
    Low,
    /// Several hints, or one good one.
    Medium,
    /// Strong evidence.
    High,
}

/// Which way a piece of evidence points.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Lean {
    /// Toward a fixed address.
    Static,
    /// Toward a changing address.
    Dynamic,
    /// Toward carrier-grade NAT.
    Cgnat,
    /// Informative, pointing neither way.
    Neutral,
}

/// Where a piece of evidence comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum EvidenceSource {
    /// The public-address services.
    Services,
    /// This computer's network interfaces.
    Interfaces,
    /// VPN detection.
    Vpn,
    /// Earlier checks stored on this computer.
    History,
    /// The reverse DNS (PTR) name of the address.
    ReverseDns,
    /// The regional internet registry's record (RDAP).
    Registry,
    /// The local router (UPnP-IGD).
    Router,
    /// The app's data file of Pakistani ISPs.
    Isp,
}

/// One piece of evidence.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Evidence {
    /// Where it comes from.
    pub source: EvidenceSource,
    /// Which way it points.
    pub lean: Lean,
    /// What was found, worded by the domain catalogue (`evidence.*`).
    pub finding: Message,
}

/// What the user can do next.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum NextStep {
    /// Register this IP with PTA.
    RegisterIp,
    /// Ask the ISP to confirm in writing that the IP is static.
    ConfirmWithIsp,
    /// Ask the ISP for a static IP.
    AskIspForStatic,
    /// Freelancers may register a mobile number instead of an IP (since December 2024).
    RegisterMobileNumber,
    /// Use a PTA-licensed VPN provider; its users need no registration (since November 2025).
    UseLicensedProvider,
    /// Switch the VPN off and check again.
    SwitchOffVpn,
    /// Connect to the internet and check again.
    CheckAgainOnline,
    /// Check again over the coming days so the history can show whether the IP holds.
    CheckAgainLater,
}

/// The verdict with everything behind it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Verdict {
    /// What the connection is.
    pub kind: VerdictKind,
    /// Why it is unknown, when it is.
    pub unknown_reason: Option<UnknownReason>,
    /// How sure.
    pub confidence: Confidence,
    /// The public address judged (IPv4 preferred: PTA registers IPv4 addresses).
    pub address: Option<String>,
    /// Every piece of evidence.
    pub evidence: Vec<Evidence>,
    /// What to do next, most useful first.
    pub next_steps: Vec<NextStep>,
    /// The ISP, when the registry record names a known one.
    pub isp: Option<crate::isp::Isp>,
}

/// Days an address must have held, across checks, to count as evidence of a fixed IP.
pub const HELD_DAYS_FOR_STATIC: i64 = 14;

fn ev(source: EvidenceSource, lean: Lean, finding: Message) -> Evidence {
    Evidence {
        source,
        lean,
        finding,
    }
}

/// Judges `check`, given the history of its IPv4 address (including `check`) and the
/// reverse DNS of its addresses.
pub fn judge(
    check: &ConnectionCheck,
    v4_history: &AddressHistory,
    reverse_dns: &[ReverseDns],
) -> Verdict {
    judge_with_v6(check, v4_history, &AddressHistory::default(), reverse_dns)
}

/// Like [`judge`], also given the history of the IPv6 /64 prefix. An IPv6-only connection is
/// judged by its prefix, which is what an ISP keeps fixed, not by the address.
pub fn judge_with_v6(
    check: &ConnectionCheck,
    v4_history: &AddressHistory,
    v6_history: &AddressHistory,
    reverse_dns: &[ReverseDns],
) -> Verdict {
    let mut evidence = Vec::new();
    let discovery = if check.v4.address.is_some() || check.v6.address.is_none() {
        &check.v4
    } else {
        &check.v6
    };
    let address = discovery.address.clone();

    // Services.
    let agreeing = discovery
        .reports
        .iter()
        .filter(|r| {
            matches!(
                r.outcome,
                crate::discovery::ProviderOutcome::Answered { agrees: true, .. }
            )
        })
        .count();
    match (&address, discovery.status) {
        (Some(a), DiscoveryStatus::Agreed) => evidence.push(ev(
            EvidenceSource::Services,
            Lean::Neutral,
            Message::new("evidence.servicesAgree")
                .arg("agreeing", agreeing)
                .arg("total", discovery.reports.len())
                .arg("address", a.as_str()),
        )),
        (Some(a), _) => evidence.push(ev(
            EvidenceSource::Services,
            Lean::Neutral,
            Message::new("evidence.servicesOne").arg("address", a.as_str()),
        )),
        (None, DiscoveryStatus::Disagreement) => evidence.push(ev(
            EvidenceSource::Services,
            Lean::Neutral,
            Message::new("evidence.servicesDisagree"),
        )),
        (None, _) => evidence.push(ev(
            EvidenceSource::Services,
            Lean::Neutral,
            Message::new("evidence.servicesNone"),
        )),
    }

    // VPN.
    for clue in &check.vpn.evidence {
        let finding = clue.message_under("evidence.vpn");
        evidence.push(ev(EvidenceSource::Vpn, Lean::Neutral, finding));
    }

    // Interfaces: CGNAT space, or the public address on this computer.
    let mut cgnat = false;
    for iface in check.interfaces.iter().filter(|i| i.vpn_hint.is_none()) {
        for a in &iface.addresses {
            if a.class == AddressClass::Cgnat {
                cgnat = true;
                evidence.push(ev(
                    EvidenceSource::Interfaces,
                    Lean::Cgnat,
                    Message::new("evidence.cgnatInterface")
                        .arg("address", a.address.as_str())
                        .arg("interface", iface.name.as_str()),
                ));
            }
            if Some(&a.address) == address.as_ref() {
                evidence.push(ev(
                    EvidenceSource::Interfaces,
                    Lean::Neutral,
                    Message::new("evidence.publicOnInterface")
                        .arg("interface", iface.name.as_str()),
                ));
            }
        }
    }

    // Router (UPnP-IGD): its internet-side address.
    let mut cgnat_confidence = cgnat.then_some(Confidence::High);
    if let Some(wan) = check
        .router
        .as_ref()
        .and_then(|r| r.wan_address.as_ref().map(|w| (w, r.wan_class)))
    {
        let (wan, class) = wan;
        match class {
            Some(AddressClass::Cgnat) => {
                cgnat_confidence = Some(Confidence::High);
                evidence.push(ev(
                    EvidenceSource::Router,
                    Lean::Cgnat,
                    Message::new("evidence.routerCgnat").arg("wan", wan.as_str()),
                ));
            }
            Some(AddressClass::Public) if Some(wan) == address.as_ref() => evidence.push(ev(
                EvidenceSource::Router,
                Lean::Neutral,
                Message::new("evidence.routerHoldsPublic").arg("wan", wan.as_str()),
            )),
            Some(AddressClass::Public) if address.is_some() && !check.vpn.active => {
                cgnat_confidence = cgnat_confidence.max(Some(Confidence::Medium));
                evidence.push(ev(
                    EvidenceSource::Router,
                    Lean::Cgnat,
                    Message::new("evidence.routerTranslated")
                        .arg("wan", wan.as_str())
                        .arg("address", address.as_deref().unwrap_or_default()),
                ));
            }
            _ => evidence.push(ev(
                EvidenceSource::Router,
                Lean::Neutral,
                Message::new("evidence.routerPrivate").arg("wan", wan.as_str()),
            )),
        }
    }

    // History: of the IPv4 address, or of the IPv6 /64 prefix when only IPv6 answered.
    let judged_v6 = address.as_deref().is_some_and(|a| a.contains(':'));
    let (history, history_key) = match judged_v6 {
        true => (
            v6_history,
            address.as_deref().and_then(crate::history::v6_prefix64),
        ),
        false => (v4_history, address.clone()),
    };
    let mut history_lean = Lean::Neutral;
    if let Some(current) = history
        .current()
        .filter(|p| Some(&p.address) == history_key.as_ref())
    {
        let changes = history.changes_last_30_days;
        let held_days = history.current_span().as_hours() / 24;
        if changes >= 2 {
            history_lean = Lean::Dynamic;
            evidence.push(ev(
                EvidenceSource::History,
                Lean::Dynamic,
                Message::new("evidence.historyChanges").arg("changes", changes),
            ));
        } else if changes == 1 {
            history_lean = Lean::Dynamic;
            let before = history
                .periods
                .iter()
                .rev()
                .nth(1)
                .map(|p| p.address.clone())
                .unwrap_or_default();
            evidence.push(ev(
                EvidenceSource::History,
                Lean::Dynamic,
                Message::new("evidence.historyChangedOnce")
                    .arg("before", before)
                    .arg("after", current.address.as_str())
                    .arg("on", current.from.strftime("%Y-%m-%d").to_string()),
            ));
        } else if held_days >= HELD_DAYS_FOR_STATIC && current.checks >= 3 {
            history_lean = Lean::Static;
            evidence.push(ev(
                EvidenceSource::History,
                Lean::Static,
                Message::new("evidence.historyHeld")
                    .arg("address", current.address.as_str())
                    .arg("days", held_days)
                    .arg("checks", current.checks),
            ));
        } else {
            evidence.push(ev(
                EvidenceSource::History,
                Lean::Neutral,
                match (current.checks, held_days) {
                    (0 | 1, _) => Message::new("evidence.historyFirst"),
                    (checks, 0 | 1) => Message::new("evidence.historyRecent").arg("checks", checks),
                    (checks, days) => Message::new("evidence.historyShort")
                        .arg("checks", checks)
                        .arg("days", days),
                },
            ));
        }
    }

    // ISP, from the registry record and the shipped ISP data file.
    let isp = address
        .as_ref()
        .and_then(|a| check.registry.iter().find(|r| &r.address == a))
        .and_then(|r| crate::isp::IspDirectory::shipped().identify(r))
        .cloned();
    if let Some(isp) = &isp {
        use crate::isp::{IspKind, StaticIpOffer};
        match (isp.kind, isp.mobile_cgnat) {
            (IspKind::Mobile, Some(true)) if !check.vpn.active => {
                cgnat_confidence = cgnat_confidence.max(Some(Confidence::Medium));
                evidence.push(ev(
                    EvidenceSource::Isp,
                    Lean::Cgnat,
                    Message::new("evidence.ispMobile").arg("isp", isp.name.as_str()),
                ));
            }
            _ => evidence.push(ev(
                EvidenceSource::Isp,
                Lean::Neutral,
                Message::new(match isp.static_ip {
                    StaticIpOffer::Sold => "evidence.ispSellsStatic",
                    StaticIpOffer::BusinessOnly => "evidence.ispBusinessStatic",
                    StaticIpOffer::Unknown => "evidence.ispNamed",
                })
                .arg("isp", isp.name.as_str()),
            )),
        }
    }

    // IPv6: the prefix is what counts.
    if let Some(prefix) = check
        .v6
        .address
        .as_deref()
        .and_then(crate::history::v6_prefix64)
    {
        let held = v6_history.current().filter(|p| p.address == prefix);
        let finding = match held {
            Some(p) => match v6_history.changes_last_30_days {
                0 => match p.to.duration_since(p.from).as_hours() / 24 {
                    days @ 2.. => Message::new("evidence.v6PrefixHeld").arg("days", days),
                    _ => Message::new("evidence.v6PrefixNew"),
                },
                1 => Message::new("evidence.v6PrefixChangedOnce"),
                times => Message::new("evidence.v6PrefixChanged").arg("times", times),
            },
            None => Message::new("evidence.v6Prefix"),
        };
        evidence.push(ev(
            EvidenceSource::History,
            Lean::Neutral,
            finding.arg("prefix", prefix.as_str()),
        ));
    }

    // Reverse DNS.
    let mut ptr_lean = Lean::Neutral;
    if let Some(r) = address
        .as_ref()
        .and_then(|a| reverse_dns.iter().find(|r| &r.address == a))
    {
        match r.names.first() {
            None => evidence.push(ev(
                EvidenceSource::ReverseDns,
                Lean::Neutral,
                Message::new("evidence.ptrNone").arg("address", r.address.as_str()),
            )),
            Some(name) => {
                let (h, words) = hint(name);
                ptr_lean = match h {
                    NameHint::Dynamic => Lean::Dynamic,
                    NameHint::Static => Lean::Static,
                    NameHint::Unclear => Lean::Neutral,
                };
                let finding = match h {
                    NameHint::Unclear => Message::new("evidence.ptrUnclear"),
                    NameHint::Static => {
                        Message::new("evidence.ptrFixed").arg("words", quoted(&words))
                    }
                    NameHint::Dynamic => {
                        Message::new("evidence.ptrDynamic").arg("words", quoted(&words))
                    }
                }
                .arg("name", name.as_str());
                evidence.push(ev(EvidenceSource::ReverseDns, ptr_lean, finding));
            }
        }
    }

    // Registry (RDAP).
    let mut registry_lean = Lean::Neutral;
    if let Some(r) = address
        .as_ref()
        .and_then(|a| check.registry.iter().find(|r| &r.address == a))
    {
        match &r.error {
            Some(e) => evidence.push(ev(
                EvidenceSource::Registry,
                Lean::Neutral,
                Message::new("evidence.registryFailed").arg("error", e.as_str()),
            )),
            None => {
                let (h, finding) = record_hint(r);
                registry_lean = match h {
                    NameHint::Dynamic => Lean::Dynamic,
                    NameHint::Static => Lean::Static,
                    NameHint::Unclear => Lean::Neutral,
                };
                evidence.push(ev(EvidenceSource::Registry, registry_lean, finding));
                if registry_lean != Lean::Neutral {
                    evidence.push(ev(EvidenceSource::Registry, Lean::Neutral, describe(r)));
                }
                if let Some(country) = r.country.as_deref().filter(|c| *c != "PK") {
                    evidence.push(ev(
                        EvidenceSource::Registry,
                        Lean::Neutral,
                        Message::new("evidence.registryAbroad").arg("country", country),
                    ));
                }
            }
        }
    }

    let (kind, unknown_reason, confidence) =
        if address.is_none() && discovery.status == DiscoveryStatus::Disagreement {
            (
                VerdictKind::Unknown,
                Some(UnknownReason::Disagreement),
                Confidence::Low,
            )
        } else if address.is_none() {
            (
                VerdictKind::Unknown,
                Some(UnknownReason::Offline),
                Confidence::Low,
            )
        } else if check.vpn.active {
            (
                VerdictKind::Unknown,
                Some(UnknownReason::VpnActive),
                Confidence::Low,
            )
        } else if let Some(confidence) = cgnat_confidence {
            (VerdictKind::BehindCgnat, None, confidence)
        } else {
            let leans = [history_lean, ptr_lean, registry_lean];
            let statics = leans.iter().filter(|l| **l == Lean::Static).count();
            let dynamics = leans.iter().filter(|l| **l == Lean::Dynamic).count();
            if history.changes_last_30_days >= 2 {
                (VerdictKind::Dynamic, None, Confidence::High)
            } else if statics > 0 && dynamics > 0 {
                (
                    VerdictKind::Unknown,
                    Some(UnknownReason::NotEnoughEvidence),
                    Confidence::Low,
                )
            } else if dynamics >= 2 {
                (VerdictKind::Dynamic, None, Confidence::High)
            } else if statics >= 2 {
                (VerdictKind::Static, None, Confidence::High)
            } else if dynamics == 1 {
                // A change of address seen here is stronger than a name.
                let confidence = if history_lean == Lean::Dynamic {
                    Confidence::Medium
                } else {
                    Confidence::Low
                };
                (VerdictKind::LikelyDynamic, None, confidence)
            } else if statics == 1 {
                let confidence = if history_lean == Lean::Static {
                    Confidence::Medium
                } else {
                    Confidence::Low
                };
                (VerdictKind::LikelyStatic, None, confidence)
            } else {
                (
                    VerdictKind::Unknown,
                    Some(UnknownReason::NotEnoughEvidence),
                    Confidence::Low,
                )
            }
        };

    let next_steps = match (kind, unknown_reason) {
        (VerdictKind::Static, _) => vec![NextStep::RegisterIp],
        (VerdictKind::LikelyStatic, _) => vec![NextStep::ConfirmWithIsp, NextStep::RegisterIp],
        (VerdictKind::Dynamic | VerdictKind::LikelyDynamic | VerdictKind::BehindCgnat, _) => {
            vec![
                NextStep::AskIspForStatic,
                NextStep::RegisterMobileNumber,
                NextStep::UseLicensedProvider,
            ]
        }
        (_, Some(UnknownReason::Offline)) => vec![NextStep::CheckAgainOnline],
        (_, Some(UnknownReason::VpnActive)) => vec![NextStep::SwitchOffVpn],
        _ => vec![
            NextStep::CheckAgainLater,
            NextStep::ConfirmWithIsp,
            NextStep::UseLicensedProvider,
        ],
    };

    Verdict {
        kind,
        unknown_reason,
        confidence,
        address,
        evidence,
        next_steps,
        isp,
    }
}

#[cfg(test)]
mod tests {
    use jiff::{SignedDuration, Timestamp};

    use super::*;
    use crate::i18n::Lang;
    use crate::{
        connection::{LocalInterface, VpnState, interface_address},
        discovery::{Discovery, IpFamily, ProviderKind, ProviderOutcome, ProviderReport},
    };

    const NOW: &str = "2026-11-23T10:00:00Z";

    fn now() -> Timestamp {
        NOW.parse().expect("ts")
    }

    fn discovery(address: Option<&str>, status: DiscoveryStatus) -> Discovery {
        let report = |name: &str| ProviderReport {
            name: name.into(),
            kind: ProviderKind::Http,
            outcome: match address {
                Some(a) => ProviderOutcome::Answered {
                    address: a.into(),
                    agrees: true,
                },
                None => ProviderOutcome::Failed {
                    reason: "offline".into(),
                },
            },
            elapsed_ms: 50,
        };
        Discovery {
            family: IpFamily::V4,
            status,
            address: address.map(str::to_owned),
            reports: vec![report("a"), report("b")],
            quorum: 2,
            elapsed_ms: 50,
        }
    }

    fn check(address: Option<&str>, local: &[(&str, &str)], vpn: bool) -> ConnectionCheck {
        let status = if address.is_some() {
            DiscoveryStatus::Agreed
        } else {
            DiscoveryStatus::NoAnswer
        };
        ConnectionCheck {
            checked_at: now(),
            v4: discovery(address, status),
            v6: discovery(None, DiscoveryStatus::NoAnswer),
            interfaces: local
                .iter()
                .map(|(name, ip)| LocalInterface {
                    name: (*name).into(),
                    addresses: vec![interface_address(ip.parse().expect("ip"), 24)],
                    vpn_hint: crate::connection::vpn_interface_hint(name),
                })
                .collect(),
            vpn: VpnState {
                active: vpn,
                evidence: if vpn {
                    vec![crate::connection::VpnClue::Interface {
                        interface: "wg0".into(),
                        tunnel: crate::connection::Tunnel::WireGuard,
                    }]
                } else {
                    vec![]
                },
            },
            reverse_dns: vec![],
            registry: vec![],
            router: None,
        }
    }

    /// `address` seen daily for `days` days up to now.
    fn held(address: &str, days: i64) -> AddressHistory {
        let seen = (0..=days)
            .map(|d| {
                (
                    now() - SignedDuration::from_hours(24 * d),
                    address.to_owned(),
                )
            })
            .collect();
        AddressHistory::from_observations(seen, now())
    }

    fn ptr(address: &str, name: &str) -> Vec<ReverseDns> {
        vec![ReverseDns {
            address: address.into(),
            names: vec![name.into()],
            error: None,
        }]
    }

    const IP: &str = "39.32.10.5";

    #[test]
    fn offline_is_unknown_and_says_to_check_again_online() {
        let v = judge(&check(None, &[], false), &AddressHistory::default(), &[]);
        assert_eq!(
            (v.kind, v.unknown_reason),
            (VerdictKind::Unknown, Some(UnknownReason::Offline))
        );
        assert_eq!(v.next_steps, vec![NextStep::CheckAgainOnline]);
    }

    #[test]
    fn a_vpn_makes_the_address_the_vpns_so_no_verdict_is_made() {
        let v = judge(
            &check(Some(IP), &[("wg0", "10.8.0.2")], true),
            &held(IP, 30),
            &ptr(IP, "static.example.pk"),
        );
        assert_eq!(v.unknown_reason, Some(UnknownReason::VpnActive));
        assert_eq!(v.next_steps, vec![NextStep::SwitchOffVpn]);
        let vpn = v
            .evidence
            .iter()
            .find(|e| e.source == EvidenceSource::Vpn)
            .expect("the VPN is evidence");
        assert_eq!(
            vpn.finding.text(Lang::En),
            "the interface wg0 is a WireGuard tunnel; the address seen is probably the VPN's"
        );
        assert_eq!(
            vpn.finding.text(Lang::Ur),
            "انٹرفیس \u{2068}wg0\u{2069}، WireGuard ٹنل ہے؛ جو ایڈریس نظر آ رہا ہے وہ غالباً VPN کا ہے"
        );
    }

    #[test]
    fn a_cgnat_address_on_the_interface_means_behind_cgnat_whatever_else_is_seen() {
        let v = judge(
            &check(Some(IP), &[("wwan0", "100.72.14.9")], false),
            &held(IP, 30),
            &ptr(IP, "static.example.pk"),
        );
        assert_eq!(
            (v.kind, v.confidence),
            (VerdictKind::BehindCgnat, Confidence::High)
        );
        assert!(
            v.evidence
                .iter()
                .any(|e| e.lean == Lean::Cgnat && e.finding.text(Lang::En).contains("100.72.14.9"))
        );
        assert!(v.next_steps.contains(&NextStep::RegisterMobileNumber));
        assert!(v.next_steps.contains(&NextStep::UseLicensedProvider));
    }

    #[test]
    fn an_address_that_changed_twice_this_month_is_dynamic() {
        let seen = vec![
            (
                now() - SignedDuration::from_hours(24 * 20),
                "39.32.1.1".to_owned(),
            ),
            (
                now() - SignedDuration::from_hours(24 * 10),
                "39.32.2.2".to_owned(),
            ),
            (now(), IP.to_owned()),
        ];
        let v = judge(
            &check(Some(IP), &[("eth0", "192.168.1.2")], false),
            &AddressHistory::from_observations(seen, now()),
            &[],
        );
        assert_eq!(
            (v.kind, v.confidence),
            (VerdictKind::Dynamic, Confidence::High)
        );
        assert!(
            v.evidence
                .iter()
                .any(|e| e.source == EvidenceSource::History
                    && e.finding.text(Lang::En).contains("changed 2 times"))
        );
    }

    #[test]
    fn a_long_held_address_with_a_static_name_is_static() {
        let v = judge(
            &check(Some(IP), &[("eth0", "192.168.1.2")], false),
            &held(IP, 20),
            &ptr(IP, "static-39-32-10-5.business.example.pk"),
        );
        assert_eq!(
            (v.kind, v.confidence),
            (VerdictKind::Static, Confidence::High)
        );
        assert_eq!(v.next_steps, vec![NextStep::RegisterIp]);
    }

    #[test]
    fn one_hint_alone_gives_only_a_likely_verdict() {
        let v = judge(
            &check(Some(IP), &[("eth0", "192.168.1.2")], false),
            &held(IP, 1),
            &ptr(IP, "dsl-39-32-10-5.dynamic.example.pk"),
        );
        assert_eq!(v.kind, VerdictKind::LikelyDynamic);
        let v = judge(
            &check(Some(IP), &[("eth0", "192.168.1.2")], false),
            &held(IP, 20),
            &[],
        );
        assert_eq!(
            (v.kind, v.confidence),
            (VerdictKind::LikelyStatic, Confidence::Medium)
        );
        assert_eq!(
            v.next_steps[0],
            NextStep::ConfirmWithIsp,
            "likely static: confirm with the ISP first"
        );
    }

    #[test]
    fn no_hints_is_unknown_not_a_guess() {
        let v = judge(
            &check(Some(IP), &[("eth0", "192.168.1.2")], false),
            &held(IP, 1),
            &ptr(IP, "host.example.pk"),
        );
        assert_eq!(
            (v.kind, v.unknown_reason),
            (VerdictKind::Unknown, Some(UnknownReason::NotEnoughEvidence))
        );
        assert!(v.next_steps.contains(&NextStep::CheckAgainLater));
        assert!(
            v.evidence
                .iter()
                .any(|e| e.source == EvidenceSource::ReverseDns),
            "the PTR name is shown even when unclear"
        );
    }

    #[test]
    fn conflicting_evidence_is_unknown() {
        let v = judge(
            &check(Some(IP), &[("eth0", "192.168.1.2")], false),
            &held(IP, 20),
            &ptr(IP, "pool-7.dynamic.example.pk"),
        );
        assert_eq!(v.unknown_reason, Some(UnknownReason::NotEnoughEvidence));
    }

    fn with_registry(mut c: ConnectionCheck, name: &str, prefix_len: u8) -> ConnectionCheck {
        c.registry = vec![crate::registry::RegistryRecord {
            address: IP.into(),
            name: Some(name.into()),
            country: Some("PK".into()),
            prefix_len: Some(prefix_len),
            ..Default::default()
        }];
        c
    }

    #[test]
    fn the_registry_counts_as_independent_evidence() {
        let plain = || check(Some(IP), &[("eth0", "192.168.1.2")], false);
        let v = judge(
            &with_registry(plain(), "PTCL-BB-DYNAMIC-POOL", 11),
            &held(IP, 1),
            &[],
        );
        assert_eq!(
            (v.kind, v.confidence),
            (VerdictKind::LikelyDynamic, Confidence::Low)
        );
        assert!(
            v.evidence
                .iter()
                .any(|e| e.source == EvidenceSource::Registry && e.lean == Lean::Dynamic)
        );
        let v = judge(
            &with_registry(plain(), "PTCL-BB-DYNAMIC-POOL", 11),
            &held(IP, 1),
            &ptr(IP, "dsl-1.dynamic.example.pk"),
        );
        assert_eq!(
            (v.kind, v.confidence),
            (VerdictKind::Dynamic, Confidence::High),
            "registry and PTR agree"
        );
        let v = judge(
            &with_registry(plain(), "INDUS-SOFT-LHR", 29),
            &held(IP, 20),
            &[],
        );
        assert_eq!(
            (v.kind, v.confidence),
            (VerdictKind::Static, Confidence::High),
            "a small own block and a long-held IP"
        );
    }

    #[test]
    fn a_registry_failure_is_shown_and_changes_nothing() {
        let mut c = check(Some(IP), &[("eth0", "192.168.1.2")], false);
        c.registry = vec![crate::registry::RegistryRecord {
            address: IP.into(),
            error: Some("the registry could not be reached".into()),
            ..Default::default()
        }];
        let v = judge(&c, &held(IP, 20), &[]);
        assert_eq!(v.kind, VerdictKind::LikelyStatic);
        assert!(v.evidence.iter().any(|e| {
            e.finding
                .text(Lang::En)
                .contains("the registry lookup failed")
        }));
    }

    fn with_router(mut c: ConnectionCheck, wan: &str) -> ConnectionCheck {
        let ip: std::net::IpAddr = wan.parse().expect("ip");
        c.router = Some(crate::connection::RouterView {
            gateway: Some("192.168.1.1:5000".into()),
            wan_address: Some(wan.into()),
            wan_class: Some(AddressClass::of(ip)),
            error: None,
        });
        c
    }

    #[test]
    fn the_routers_wan_address_tells_plain_nat_from_carrier_nat() {
        let home = || check(Some(IP), &[("wlan0", "192.168.1.23")], false);
        let v = judge(
            &with_router(home(), "100.72.14.9"),
            &held(IP, 30),
            &ptr(IP, "static.example.pk"),
        );
        assert_eq!(
            (v.kind, v.confidence),
            (VerdictKind::BehindCgnat, Confidence::High),
            "a 100.64/10 WAN is CGNAT, whatever else"
        );
        let v = judge(&with_router(home(), "39.32.99.1"), &held(IP, 1), &[]);
        assert_eq!(
            (v.kind, v.confidence),
            (VerdictKind::BehindCgnat, Confidence::Medium),
            "WAN differs from the public address"
        );
        let v = judge(&with_router(home(), IP), &held(IP, 20), &[]);
        assert_eq!(
            v.kind,
            VerdictKind::LikelyStatic,
            "the router holds the public address: plain NAT"
        );
        assert!(v.evidence.iter().any(|e| e.source == EvidenceSource::Router
            && e.finding.text(Lang::En).contains("ordinary NAT")));
        let v = judge(&with_router(home(), "192.168.0.2"), &held(IP, 20), &[]);
        assert_eq!(
            v.kind,
            VerdictKind::LikelyStatic,
            "double NAT behind the ISP's modem is not CGNAT"
        );
    }

    #[test]
    fn an_ipv6_only_connection_is_judged_by_its_prefix_not_its_rotating_address() {
        let mut c = check(None, &[("eth0", "192.168.1.2")], false);
        c.v6 = Discovery {
            family: IpFamily::V6,
            address: Some("2400:adc0:1:2::beef".into()),
            ..discovery(Some("2400:adc0:1:2::beef"), DiscoveryStatus::Agreed)
        };
        // Twenty days of checks: a new address every day, always in the same /64.
        let seen = (0..=20)
            .map(|d| {
                (
                    now() - SignedDuration::from_hours(24 * d),
                    "2400:adc0:1:2::/64".to_owned(),
                )
            })
            .collect();
        let v6 = AddressHistory::from_observations(seen, now());
        let v = judge_with_v6(&c, &AddressHistory::default(), &v6, &[]);
        assert_eq!(v.address.as_deref(), Some("2400:adc0:1:2::beef"));
        assert_eq!(
            v.kind,
            VerdictKind::LikelyStatic,
            "the prefix held for 20 days"
        );
        assert!(
            v.evidence.iter().any(|e| e
                .finding
                .text(Lang::En)
                .contains("2400:adc0:1:2::/64 has held for 20 days")),
            "{:#?}",
            v.evidence
        );
    }

    #[test]
    fn a_mobile_operators_address_is_likely_cgnat_and_a_fixed_isp_is_named() {
        let mut c = check(Some(IP), &[("wlan0", "192.168.43.7")], false);
        c.registry = vec![crate::registry::RegistryRecord {
            address: IP.into(),
            holder: Some("CMPak Limited".into()),
            name: Some("CMPAK-MOBILE".into()),
            ..Default::default()
        }];
        let v = judge(&c, &held(IP, 1), &[]);
        assert_eq!(
            (v.kind, v.confidence),
            (VerdictKind::BehindCgnat, Confidence::Medium)
        );
        assert_eq!(v.isp.as_ref().map(|i| i.id.as_str()), Some("zong"));
        c.registry[0].holder = Some("Pakistan Telecommunication Company Limited".into());
        c.registry[0].name = Some("PTCL-BB".into());
        let v = judge(&c, &held(IP, 20), &[]);
        assert_eq!(v.kind, VerdictKind::LikelyStatic);
        assert!(v.evidence.iter().any(|e| {
            e.source == EvidenceSource::Isp
                && e.finding
                    .text(Lang::En)
                    .contains("PTCL, which sells static IPs")
        }));
    }
}
