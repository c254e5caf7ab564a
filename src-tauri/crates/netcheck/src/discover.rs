//! Asks every provider of one family at once and settles as soon as a quorum agrees.
//!
//! Stragglers are not waited for once the quorum is reached, and never past their timeout;
//! answers that disagree are kept and reported, not hidden.

use std::{collections::BTreeMap, net::IpAddr, sync::Arc, time::Instant};

use tokio::task::JoinSet;
use vca_core::discovery::{
    Discovery, DiscoveryStatus, IpFamily, ProviderKind, ProviderOutcome, ProviderReport,
};

use crate::{
    config::{Family, NetConfig, ProviderSpec},
    provider::{self, HttpClients, ProviderError},
};

fn millis(d: std::time::Duration) -> u32 {
    u32::try_from(d.as_millis()).unwrap_or(u32::MAX)
}

fn kind_of(spec: &ProviderSpec) -> ProviderKind {
    match spec {
        ProviderSpec::Http { .. } => ProviderKind::Http,
        ProviderSpec::Dns { .. } => ProviderKind::Dns,
    }
}

/// Discovers the public address of `family`.
pub async fn discover(cfg: Arc<NetConfig>, clients: HttpClients, family: Family) -> Discovery {
    let started = Instant::now();
    let specs: Vec<ProviderSpec> = cfg.providers_for(family).cloned().collect();
    let quorum = cfg.quorum;

    let mut tasks = JoinSet::new();
    for (index, spec) in specs.iter().cloned().enumerate() {
        let cfg = Arc::clone(&cfg);
        let clients = clients.clone();
        tasks.spawn(async move {
            let t = Instant::now();
            let result =
                match tokio::time::timeout(cfg.timeout(), provider::ask(&spec, &clients, &cfg))
                    .await
                {
                    Ok(result) => result,
                    Err(_) => Err(ProviderError::Timeout(cfg.timeout_ms)),
                };
            (index, result, millis(t.elapsed()))
        });
    }

    let mut results: Vec<Option<(Result<IpAddr, ProviderError>, u32)>> = vec![None; specs.len()];
    let mut votes: BTreeMap<IpAddr, usize> = BTreeMap::new();
    let mut agreed = None;
    while let Some(joined) = tasks.join_next().await {
        let Ok((index, result, took)) = joined else {
            continue; // a task that panicked is reported below as never answering
        };
        if let Ok(ip) = &result {
            let count = votes.entry(*ip).or_default();
            *count += 1;
            if *count >= quorum {
                agreed = Some(*ip);
            }
        }
        if let Some(slot) = results.get_mut(index) {
            *slot = Some((result, took));
        }
        if agreed.is_some() {
            break;
        }
    }
    tasks.abort_all();
    let elapsed_ms = millis(started.elapsed());

    let (status, address) = match agreed {
        Some(ip) => (DiscoveryStatus::Agreed, Some(ip)),
        None => match votes.len() {
            0 => (DiscoveryStatus::NoAnswer, None),
            1 => (DiscoveryStatus::Unconfirmed, votes.keys().next().copied()),
            _ => (DiscoveryStatus::Disagreement, None),
        },
    };

    let reports = specs
        .iter()
        .zip(results)
        .map(|(spec, result)| {
            let (outcome, elapsed_ms) = match result {
                Some((Ok(ip), took)) => (
                    ProviderOutcome::Answered {
                        address: ip.to_string(),
                        agrees: Some(ip) == address,
                    },
                    took,
                ),
                Some((Err(e), took)) => (
                    ProviderOutcome::Failed {
                        reason: e.to_string(),
                    },
                    took,
                ),
                None => (ProviderOutcome::NotAwaited, elapsed_ms),
            };
            ProviderReport {
                name: spec.name().to_owned(),
                kind: kind_of(spec),
                outcome,
                elapsed_ms,
            }
        })
        .collect();

    Discovery {
        family: match family {
            Family::V4 => IpFamily::V4,
            Family::V6 => IpFamily::V6,
        },
        status,
        address: address.map(|ip| ip.to_string()),
        reports,
        quorum: u32::try_from(quorum).unwrap_or(u32::MAX),
        elapsed_ms,
    }
}
