//! Reverse DNS (PTR) of a public address, through the configured or the system resolver.

use std::{net::IpAddr, time::Duration};

use hickory_resolver::{
    Resolver,
    config::{NameServerConfig, ResolveHosts, ResolverConfig, ResolverOpts},
    net::runtime::TokioRuntimeProvider,
};
use vca_core::reverse_dns::ReverseDns;

use crate::config::NetConfig;

/// Looks up the PTR names of `ip`. "No record" is an empty list, not an error.
pub async fn reverse(ip: IpAddr, cfg: &NetConfig) -> ReverseDns {
    let result = lookup(ip, cfg.dns_resolver, cfg.timeout()).await;
    let (names, error) = match result {
        Ok(names) => (names, None),
        Err(e) => (Vec::new(), Some(e)),
    };
    ReverseDns {
        address: ip.to_string(),
        names,
        error,
    }
}

async fn lookup(
    ip: IpAddr,
    server: Option<std::net::SocketAddr>,
    timeout: Duration,
) -> Result<Vec<String>, String> {
    let builder = match server {
        Some(server) => {
            let mut ns = NameServerConfig::udp_and_tcp(server.ip());
            for c in &mut ns.connections {
                c.port = server.port();
            }
            Resolver::builder_with_config(
                ResolverConfig::from_parts(None, vec![], vec![ns]),
                TokioRuntimeProvider::default(),
            )
        }
        None => Resolver::builder_tokio()
            .map_err(|e| format!("the system's DNS settings could not be read: {e}"))?,
    };
    let mut opts = ResolverOpts::default();
    opts.timeout = timeout;
    opts.attempts = 1;
    opts.use_hosts_file = ResolveHosts::Never;
    let resolver = builder
        .with_options(opts)
        .build()
        .map_err(|e| e.to_string())?;
    match resolver.reverse_lookup(ip).await {
        Ok(lookup) => {
            let mut names: Vec<String> = lookup
                .answers()
                .iter()
                .filter_map(|r| match &r.data {
                    hickory_resolver::proto::rr::RData::PTR(p) => {
                        Some(p.0.to_utf8().trim_end_matches('.').to_owned())
                    }
                    _ => None,
                })
                .collect();
            names.sort();
            names.dedup();
            Ok(names)
        }
        Err(e) if e.is_no_records_found() || e.is_nx_domain() => Ok(Vec::new()),
        Err(e) => Err(format!("reverse DNS lookup failed: {e}")),
    }
}
