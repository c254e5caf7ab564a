//! When the app should re-check the connection on its own: on a schedule, and when the
//! computer's network changed. Pure decisions; the app runs the loop.

use jiff::{SignedDuration, Timestamp};

/// The default interval between automatic checks, in hours.
pub const DEFAULT_RECHECK_HOURS: u32 = 6;

/// Whether a scheduled check is due, given the last check and the interval (0 = never).
///
/// Never before the user's first check: the app does not contact outside services on its
/// own until the user has asked it to once.
pub fn check_due(last_check: Option<Timestamp>, every_hours: u32, now: Timestamp) -> bool {
    if every_hours == 0 {
        return false;
    }
    match last_check {
        None => false,
        Some(last) => {
            now.duration_since(last) >= SignedDuration::from_hours(i64::from(every_hours))
        }
    }
}

/// A fingerprint of the network: the sorted addresses of every interface. When it changes,
/// the connection may have changed (another Wi-Fi, a VPN switched on or off, a new lease).
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct NetworkFingerprint(Vec<String>);

impl NetworkFingerprint {
    /// Builds a fingerprint from interface addresses in any order.
    pub fn new(mut addresses: Vec<String>) -> Self {
        addresses.sort();
        addresses.dedup();
        Self(addresses)
    }

    /// Whether there is any address at all (no addresses: offline, nothing to check).
    pub fn is_connected(&self) -> bool {
        !self.0.is_empty()
    }
}

/// What the watcher should do after looking at the network again.
pub fn network_changed(before: &NetworkFingerprint, now: &NetworkFingerprint) -> bool {
    before != now && now.is_connected()
}

#[cfg(test)]
mod tests {
    use super::*;

    fn at(s: &str) -> Timestamp {
        s.parse().expect("ts")
    }

    #[test]
    fn a_check_is_due_after_the_interval_but_never_before_the_first() {
        let now = at("2026-11-23T12:00:00Z");
        assert!(
            !check_due(None, 6, now),
            "the first check is the user's to start"
        );
        assert!(
            !check_due(Some(at("2026-11-23T07:00:00Z")), 6, now),
            "5 hours ago"
        );
        assert!(
            check_due(Some(at("2026-11-23T06:00:00Z")), 6, now),
            "6 hours ago"
        );
        assert!(!check_due(None, 0, now), "0 turns automatic checks off");
    }

    #[test]
    fn a_changed_set_of_addresses_is_a_network_change_unless_it_went_offline() {
        let home = NetworkFingerprint::new(vec!["192.168.1.5".into(), "fe80::1".into()]);
        let same = NetworkFingerprint::new(vec!["fe80::1".into(), "192.168.1.5".into()]);
        let office = NetworkFingerprint::new(vec!["10.0.0.7".into()]);
        let offline = NetworkFingerprint::new(vec![]);
        assert!(!network_changed(&home, &same), "order does not matter");
        assert!(network_changed(&home, &office));
        assert!(
            !network_changed(&home, &offline),
            "going offline is not a reason to check"
        );
        assert!(network_changed(&offline, &home), "coming back online is");
    }
}
