//! Pakistani ISPs, as a versioned data file shipped with the app (`data/isps-pk.json`):
//! who the ISP is, whether it sells static IPs, whether its mobile data is CGNAT.
//! Matched against the registry's record of the public address; data, not code, so it can
//! be corrected without touching the rules.

use std::sync::OnceLock;

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::registry::RegistryRecord;

/// Fixed-line or mobile.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum IspKind {
    /// Fixed line (DSL, fibre, cable, wireless broadband).
    Fixed,
    /// Mobile operator.
    Mobile,
}

/// Whether the ISP sells static IPs.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum StaticIpOffer {
    /// Sold to home and small-office customers.
    Sold,
    /// Only on business plans.
    BusinessOnly,
    /// Not verified.
    Unknown,
}

/// One ISP from the data file.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Isp {
    /// Stable id.
    pub id: String,
    /// The name people use.
    pub name: String,
    /// Its autonomous system numbers, where known.
    pub asns: Vec<u32>,
    /// Lower-case substrings of the registry holder or network name that identify it.
    pub patterns: Vec<String>,
    /// Fixed or mobile.
    pub kind: IspKind,
    /// Whether it sells static IPs.
    pub static_ip: StaticIpOffer,
    /// Whether its mobile data is carrier-grade NAT, where known.
    pub mobile_cgnat: Option<bool>,
}

/// The data file.
#[derive(Debug, Clone, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct IspDirectory {
    /// Bumped on every change.
    pub version: u32,
    /// When it was last changed.
    pub date: String,
    /// Whether the entries have been verified.
    pub status: String,
    /// The ISPs.
    pub isps: Vec<Isp>,
}

impl IspDirectory {
    /// The directory shipped with the app.
    pub fn shipped() -> &'static IspDirectory {
        static DIR: OnceLock<IspDirectory> = OnceLock::new();
        DIR.get_or_init(|| {
            serde_json::from_str(include_str!("../data/isps-pk.json")).unwrap_or_else(|e| {
                tracing::error!(%e, "the shipped ISP data file is unreadable; no ISP will be named");
                IspDirectory { version: 0, date: String::new(), status: "unreadable".into(), isps: Vec::new() }
            })
        })
    }

    /// The ISP whose patterns match the record's holder or network name.
    pub fn identify(&self, record: &RegistryRecord) -> Option<&Isp> {
        let haystack = format!(
            "{} {}",
            record.holder.as_deref().unwrap_or_default(),
            record.name.as_deref().unwrap_or_default()
        )
        .to_lowercase();
        self.isps
            .iter()
            .find(|isp| isp.patterns.iter().any(|p| haystack.contains(p.as_str())))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn record(holder: &str, name: &str) -> RegistryRecord {
        RegistryRecord {
            holder: Some(holder.into()),
            name: Some(name.into()),
            ..Default::default()
        }
    }

    #[test]
    fn the_shipped_file_reads_and_names_isps_from_registry_records() {
        let dir = IspDirectory::shipped();
        assert!(dir.version >= 1 && !dir.isps.is_empty());
        let ids: std::collections::HashSet<&str> = dir.isps.iter().map(|i| i.id.as_str()).collect();
        assert_eq!(ids.len(), dir.isps.len(), "ids are unique");
        assert!(
            dir.isps
                .iter()
                .all(|i| i.patterns.iter().all(|p| *p == p.to_lowercase())),
            "patterns are lower-case"
        );
        let ptcl = dir
            .identify(&record(
                "Pakistan Telecommunication Company Limited",
                "PTCL-BB",
            ))
            .map(|i| i.id.as_str());
        assert_eq!(ptcl, Some("ptcl"));
        let zong = dir
            .identify(&record("CMPak Limited", "CMPAK-PK"))
            .expect("zong");
        assert_eq!(
            (zong.kind, zong.mobile_cgnat),
            (IspKind::Mobile, Some(true))
        );
        assert_eq!(
            dir.identify(&record("Some Hosting GmbH", "HOSTING-NET")),
            None
        );
    }
}
