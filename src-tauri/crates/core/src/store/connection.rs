//! Connection checks in SQL: recorded when they found something, read back newest first.

use rusqlite::{OptionalExtension, params};

use super::Store;
use crate::{
    Error, Result,
    connection::{ConnectionCheck, ConnectionReport},
    discovery::IpFamily,
    history::{AddressHistory, v6_prefix64},
    profile::Id,
    verdict::judge_with_v6,
};

impl Store {
    /// Stores `check` if it found an address and returns its id; a check that found nothing
    /// (offline) is not evidence and is not stored.
    pub fn record_check(&self, check: &ConnectionCheck) -> Result<Option<Id>> {
        if !check.found_an_address() {
            return Ok(None);
        }
        let detail = serde_json::to_string(check).map_err(|e| Error::Internal(e.to_string()))?;
        self.with(|conn| {
            conn.execute(
                "INSERT INTO connection_checks (checked_at, public_v4, public_v6, vpn_active, detail) VALUES (?1, ?2, ?3, ?4, ?5)",
                params![check.checked_at, check.v4.address, check.v6.address, check.vpn.active, detail],
            )?;
            Ok(Some(conn.last_insert_rowid()))
        })
    }

    /// The most recent stored check.
    pub fn latest_check(&self) -> Result<Option<ConnectionCheck>> {
        Ok(self.recent_checks(1)?.into_iter().next())
    }

    /// Up to `limit` stored checks, newest first. A row this version cannot read is skipped.
    pub fn recent_checks(&self, limit: u32) -> Result<Vec<ConnectionCheck>> {
        self.with(|conn| {
            let mut stmt = conn.prepare(
                "SELECT detail FROM connection_checks ORDER BY checked_at DESC, id DESC LIMIT ?1",
            )?;
            let rows = stmt.query_map([limit], |r| r.get::<_, String>(0))?;
            let mut out = Vec::new();
            for row in rows {
                match serde_json::from_str(&row?) {
                    Ok(check) => out.push(check),
                    Err(err) => {
                        tracing::warn!(%err, "skipping a stored check this version cannot read")
                    }
                }
            }
            Ok(out)
        })
    }

    /// The history of the public IPv4 address, from every stored check.
    pub fn v4_history(&self, now: jiff::Timestamp) -> Result<AddressHistory> {
        Ok(AddressHistory::from_observations(
            self.observations(IpFamily::V4)?,
            now,
        ))
    }

    /// Every stored `(checked_at, address)` of one family.
    fn observations(&self, family: IpFamily) -> Result<Vec<(jiff::Timestamp, String)>> {
        // The column comes from this match, never from input.
        let sql = match family {
            IpFamily::V4 => {
                "SELECT checked_at, public_v4 FROM connection_checks WHERE public_v4 IS NOT NULL"
            }
            IpFamily::V6 => {
                "SELECT checked_at, public_v6 FROM connection_checks WHERE public_v6 IS NOT NULL"
            }
        };
        self.with(|conn| {
            let mut stmt = conn.prepare(sql)?;
            let rows = stmt.query_map([], |r| {
                Ok((r.get::<_, jiff::Timestamp>(0)?, r.get::<_, String>(1)?))
            })?;
            Ok(rows.collect::<rusqlite::Result<Vec<_>>>()?)
        })
    }

    /// The verdict on `check` with the history as stored now (store `check` first).
    pub fn report_for(&self, check: ConnectionCheck) -> Result<ConnectionReport> {
        let history = self.v4_history(check.checked_at)?;
        let v6_history = self.v6_prefix_history(check.checked_at)?;
        let verdict = judge_with_v6(&check, &history, &v6_history, &check.reverse_dns);
        Ok(ConnectionReport {
            check,
            verdict,
            history,
            v6_prefix_history: v6_history,
        })
    }

    /// The history of the public IPv6 /64 prefix (not the address), from every stored check.
    pub fn v6_prefix_history(&self, now: jiff::Timestamp) -> Result<AddressHistory> {
        let prefixes = self
            .observations(IpFamily::V6)?
            .into_iter()
            .filter_map(|(at, a)| v6_prefix64(&a).map(|p| (at, p)))
            .collect();
        Ok(AddressHistory::from_observations(prefixes, now))
    }

    /// Stores `check` (when it found an address), runs the registered-IP watch on what it
    /// measured, and returns its report. With a VPN active the measured address is the VPN's
    /// exit, not the line's, so the watch skips that check.
    pub fn record_and_report(&self, check: ConnectionCheck) -> Result<ConnectionReport> {
        self.record_check(&check)?;
        if check.vpn.active {
            tracing::debug!("a VPN is active; the registered-IP watch skips this check");
        } else {
            for address in [&check.v4.address, &check.v6.address].into_iter().flatten() {
                crate::applications::watch_drift(self, address, check.checked_at)?;
            }
        }
        self.report_for(check)
    }

    /// The report of the most recent stored check.
    pub fn latest_report(&self) -> Result<Option<ConnectionReport>> {
        self.latest_check()?.map(|c| self.report_for(c)).transpose()
    }

    /// How many checks are stored.
    pub fn check_count(&self) -> Result<u64> {
        self.with(|conn| {
            let n: Option<i64> = conn
                .query_row("SELECT count(*) FROM connection_checks", [], |r| r.get(0))
                .optional()?;
            Ok(n.and_then(|n| u64::try_from(n).ok()).unwrap_or(0))
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{
        connection::VpnState,
        discovery::{Discovery, DiscoveryStatus, IpFamily},
    };

    fn discovery(family: IpFamily, address: Option<&str>) -> Discovery {
        Discovery {
            family,
            status: if address.is_some() {
                DiscoveryStatus::Agreed
            } else {
                DiscoveryStatus::NoAnswer
            },
            address: address.map(str::to_owned),
            reports: vec![],
            quorum: 2,
            elapsed_ms: 10,
        }
    }

    fn check(at: &str, v4: Option<&str>) -> ConnectionCheck {
        ConnectionCheck {
            checked_at: at.parse().expect("ts"),
            v4: discovery(IpFamily::V4, v4),
            v6: discovery(IpFamily::V6, None),
            interfaces: vec![],
            vpn: VpnState {
                active: false,
                evidence: vec![],
            },
            reverse_dns: vec![],
            registry: vec![],
            router: None,
        }
    }

    #[test]
    fn checks_are_kept_newest_first_and_an_offline_check_is_not_stored() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open(&dir.path().join("db.sqlite3")).expect("open");
        assert_eq!(store.latest_check().expect("latest"), None);
        store
            .record_check(&check("2026-11-01T10:00:00Z", Some("39.32.10.5")))
            .expect("record");
        store
            .record_check(&check("2026-11-02T10:00:00Z", Some("39.32.77.1")))
            .expect("record");
        let offline = store
            .record_check(&check("2026-11-03T10:00:00Z", None))
            .expect("record offline");
        assert_eq!(offline, None, "nothing stored as if it were an answer");
        assert_eq!(store.check_count().expect("count"), 2);
        let recent = store.recent_checks(10).expect("recent");
        assert_eq!(
            recent[0].v4.address.as_deref(),
            Some("39.32.77.1"),
            "newest first"
        );
        assert_eq!(
            recent[1],
            check("2026-11-01T10:00:00Z", Some("39.32.10.5")),
            "the whole check round-trips"
        );
    }

    #[test]
    fn the_report_judges_with_the_stored_history() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open(&dir.path().join("db.sqlite3")).expect("open");
        store
            .record_check(&check("2026-11-01T10:00:00Z", Some("39.32.1.1")))
            .expect("record");
        store
            .record_check(&check("2026-11-10T10:00:00Z", Some("39.32.2.2")))
            .expect("record");
        let report = store
            .record_and_report(check("2026-11-20T10:00:00Z", Some("39.32.10.5")))
            .expect("report");
        assert_eq!(report.history.periods.len(), 3);
        assert_eq!(
            report.verdict.kind,
            crate::verdict::VerdictKind::Dynamic,
            "changed twice in 30 days"
        );
        assert_eq!(
            store
                .latest_report()
                .expect("latest")
                .map(|r| r.verdict.kind),
            Some(report.verdict.kind)
        );
    }
}
