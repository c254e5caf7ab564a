//! The answer to "what is my public address?", as asked of several independent providers.
//!
//! The network code (crate `vca-netcheck`) fills these in; the verdict and the UI read them.
//! Nothing is hidden: every provider's outcome is kept, including the ones that disagreed,
//! failed, or were not waited for once enough providers agreed.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// IPv4 or IPv6.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum IpFamily {
    /// IPv4.
    V4,
    /// IPv6.
    V6,
}

/// What kind of provider answered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ProviderKind {
    /// An HTTP(S) echo service.
    Http,
    /// A DNS name that resolves to the asker's address.
    Dns,
}

/// How one provider's question ended.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "outcome")]
pub enum ProviderOutcome {
    /// It answered with an address.
    Answered {
        /// The address, canonical text.
        address: String,
        /// Whether it agrees with the address the check settled on.
        agrees: bool,
    },
    /// It gave no usable answer; `reason` says why in plain words.
    Failed {
        /// E.g. "did not answer within 3000 ms".
        reason: String,
    },
    /// Enough providers had agreed before it answered, so it was not waited for.
    NotAwaited,
}

/// One provider's part in a discovery.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProviderReport {
    /// The provider's configured name.
    pub name: String,
    /// HTTP or DNS.
    pub kind: ProviderKind,
    /// What happened.
    pub outcome: ProviderOutcome,
    /// How long it took, in milliseconds (for `NotAwaited`, how long it had been running).
    pub elapsed_ms: u32,
}

/// How a discovery ended.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum DiscoveryStatus {
    /// At least the quorum of providers gave the same address.
    Agreed,
    /// Providers answered different addresses and none reached the quorum: split routing,
    /// a proxy, or a service that lies. The address is not known.
    Disagreement,
    /// Fewer providers than the quorum answered, all with the same address.
    Unconfirmed,
    /// No provider answered: offline, or this family is not available.
    NoAnswer,
}

/// The public address of one family, with the evidence for it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Discovery {
    /// Which family was asked.
    pub family: IpFamily,
    /// How it ended.
    pub status: DiscoveryStatus,
    /// The address, when `Agreed` or `Unconfirmed`.
    pub address: Option<String>,
    /// Every provider's outcome, in configuration order.
    pub reports: Vec<ProviderReport>,
    /// How many providers had to agree.
    pub quorum: u32,
    /// Time until the answer was settled, in milliseconds.
    pub elapsed_ms: u32,
}

impl Discovery {
    /// The providers that answered something other than the settled address.
    pub fn dissenters(&self) -> impl Iterator<Item = &ProviderReport> {
        self.reports
            .iter()
            .filter(|r| matches!(r.outcome, ProviderOutcome::Answered { agrees: false, .. }))
    }
}
