//! How the public address has behaved over time: which address, since when, how often it
//! changed. Built from the stored checks; a pure function so it is tested without a clock.

use jiff::{SignedDuration, Timestamp};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// One stretch of time during which checks saw the same address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AddressPeriod {
    /// The address seen.
    pub address: String,
    /// The first check that saw it in this stretch.
    pub from: Timestamp,
    /// The last check that saw it in this stretch.
    pub to: Timestamp,
    /// How many checks saw it.
    pub checks: u32,
}

/// The history of one family's public address.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AddressHistory {
    /// Stretches of the same address, oldest first.
    pub periods: Vec<AddressPeriod>,
    /// Changes of address within the last 30 days.
    pub changes_last_30_days: u32,
}

impl AddressHistory {
    /// Builds the history from `(when, address)` observations in any order.
    pub fn from_observations(mut seen: Vec<(Timestamp, String)>, now: Timestamp) -> Self {
        seen.sort_by_key(|(at, _)| *at);
        let mut periods: Vec<AddressPeriod> = Vec::new();
        for (at, address) in seen {
            match periods.last_mut() {
                Some(last) if last.address == address => {
                    last.to = at;
                    last.checks += 1;
                }
                _ => periods.push(AddressPeriod {
                    address,
                    from: at,
                    to: at,
                    checks: 1,
                }),
            }
        }
        let month_ago = now - SignedDuration::from_hours(24 * 30);
        let changes_last_30_days = u32::try_from(
            periods
                .iter()
                .skip(1)
                .filter(|p| p.from >= month_ago)
                .count(),
        )
        .unwrap_or(u32::MAX);
        Self {
            periods,
            changes_last_30_days,
        }
    }

    /// The current stretch, if any.
    pub fn current(&self) -> Option<&AddressPeriod> {
        self.periods.last()
    }

    /// How long the current address has been seen, from its first to its last check.
    pub fn current_span(&self) -> SignedDuration {
        self.current()
            .map_or(SignedDuration::ZERO, |p| p.to.duration_since(p.from))
    }
}

/// The /64 prefix of an IPv6 address, as text (`2400:adc0:1:2::/64`); what stays the same
/// when privacy extensions change the address's last half every day.
pub fn v6_prefix64(address: &str) -> Option<String> {
    let ip: std::net::Ipv6Addr = address.parse().ok()?;
    let net = ipnet::Ipv6Net::new(ip, 64).ok()?.trunc();
    Some(net.to_string())
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Timestamp {
        s.parse().expect("timestamp")
    }

    #[test]
    fn observations_fold_into_periods_and_count_recent_changes() {
        let seen = vec![
            (at("2026-11-20T08:00:00Z"), "39.32.77.1".to_owned()),
            (at("2026-09-01T08:00:00Z"), "39.32.10.5".to_owned()),
            (at("2026-11-10T08:00:00Z"), "39.32.10.5".to_owned()),
            (at("2026-11-15T08:00:00Z"), "39.32.10.6".to_owned()),
            (at("2026-11-21T08:00:00Z"), "39.32.77.1".to_owned()),
        ];
        let h = AddressHistory::from_observations(seen, at("2026-11-23T00:00:00Z"));
        let addresses: Vec<&str> = h.periods.iter().map(|p| p.address.as_str()).collect();
        assert_eq!(addresses, ["39.32.10.5", "39.32.10.6", "39.32.77.1"]);
        assert_eq!(h.periods[0].checks, 2);
        assert_eq!(h.changes_last_30_days, 2);
        assert_eq!(h.current_span(), SignedDuration::from_hours(24));
    }

    #[test]
    fn no_observations_is_an_empty_history() {
        let h = AddressHistory::from_observations(vec![], at("2026-11-23T00:00:00Z"));
        assert!(h.current().is_none());
        assert_eq!(h.changes_last_30_days, 0);
    }

    #[test]
    fn an_ipv6_address_is_reduced_to_its_64_prefix() {
        assert_eq!(
            v6_prefix64("2400:adc0:1:2:a1b2:c3d4:e5f6:789").as_deref(),
            Some("2400:adc0:1:2::/64")
        );
        assert_eq!(
            v6_prefix64("2400:adc0:1:2::99"),
            v6_prefix64("2400:adc0:1:2:ffff::1"),
            "same prefix"
        );
        assert_eq!(v6_prefix64("39.32.10.5"), None);
    }
}
