//! DNS providers: ask one chosen name server for a name that resolves to the asker's address.
//!
//! Uses hickory's resolver pointed at exactly that server, with no cache, no hosts file, no
//! search domains and one attempt, so the answer is the server's, fresh.

use std::{net::SocketAddr, time::Duration};

use hickory_resolver::{
    Resolver,
    config::{ConnectionConfig, NameServerConfig, ResolveHosts, ResolverConfig, ResolverOpts},
    net::runtime::TokioRuntimeProvider,
    proto::rr::{RData, RecordType},
};

use crate::{answer, config::DnsRecord, provider::ProviderError};

/// Looks `query` up at `server` and returns the one address its answer holds.
pub async fn lookup(
    query: &str,
    record: DnsRecord,
    server: SocketAddr,
    timeout: Duration,
) -> Result<std::net::IpAddr, ProviderError> {
    let connection = |mut c: ConnectionConfig| {
        c.port = server.port();
        c
    };
    let name_server = NameServerConfig::new(
        server.ip(),
        true,
        vec![
            connection(ConnectionConfig::udp()),
            connection(ConnectionConfig::tcp()),
        ],
    );
    let mut opts = ResolverOpts::default();
    opts.timeout = timeout;
    opts.attempts = 1;
    opts.cache_size = 0;
    opts.use_hosts_file = ResolveHosts::Never;
    opts.ndots = 0;
    let resolver = Resolver::builder_with_config(
        ResolverConfig::from_parts(None, vec![], vec![name_server]),
        TokioRuntimeProvider::default(),
    )
    .with_options(opts)
    .build()
    .map_err(|e| ProviderError::Dns(e.to_string()))?;

    let fqdn = if query.ends_with('.') {
        query.to_owned()
    } else {
        format!("{query}.")
    };
    let record_type = match record {
        DnsRecord::A => RecordType::A,
        DnsRecord::Aaaa => RecordType::AAAA,
        DnsRecord::Txt => RecordType::TXT,
    };
    let lookup = resolver
        .lookup(fqdn.as_str(), record_type)
        .await
        .map_err(|e| ProviderError::Dns(e.to_string()))?;

    let mut found = Vec::new();
    for rec in lookup.answers() {
        match &rec.data {
            RData::A(a) if record == DnsRecord::A => found.push(std::net::IpAddr::V4(a.0)),
            RData::AAAA(a) if record == DnsRecord::Aaaa => found.push(std::net::IpAddr::V6(a.0)),
            RData::TXT(txt) if record == DnsRecord::Txt => {
                let text: String = txt
                    .txt_data
                    .iter()
                    .map(|d| String::from_utf8_lossy(d))
                    .collect();
                found.push(answer::address(text.trim())?);
            }
            _ => {}
        }
    }
    match found.as_slice() {
        [] => Err(ProviderError::Dns(format!(
            "no {record:?} record for {query}"
        ))),
        [one] => Ok(*one),
        [first, rest @ ..] if rest.iter().all(|ip| ip == first) => Ok(*first),
        _ => Err(ProviderError::Dns(format!(
            "{query} answered several different addresses"
        ))),
    }
}
