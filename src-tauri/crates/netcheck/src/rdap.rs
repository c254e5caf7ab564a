//! The regional registry's record of a public address, over RDAP (RFC 9082/9083).
//!
//! Which registry to ask comes from the configured servers, then the IANA bootstrap table
//! shipped in `data/`, then the fallback (APNIC). Registries redirect queries for space they
//! do not hold, and redirects are followed (at most three), so a stale table still works.

use std::{net::IpAddr, sync::OnceLock};

use ipnet::IpNet;
use serde::Deserialize;
use vca_core::registry::{RegistryRecord, parse_ip_network};

use crate::config::NetConfig;

#[derive(Deserialize)]
struct Bootstrap {
    services: Vec<(Vec<String>, Vec<String>)>,
}

/// The shipped IANA bootstrap entries: (prefix, base URL), most specific first.
fn bootstrap() -> &'static [(IpNet, String)] {
    static TABLE: OnceLock<Vec<(IpNet, String)>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table = Vec::new();
        for text in [
            include_str!("../data/rdap-ipv4.json"),
            include_str!("../data/rdap-ipv6.json"),
        ] {
            let Ok(file) = serde_json::from_str::<Bootstrap>(text) else {
                tracing::error!("the shipped RDAP bootstrap table is unreadable");
                continue;
            };
            for (prefixes, urls) in file.services {
                let Some(url) = urls
                    .iter()
                    .find(|u| u.starts_with("https://"))
                    .or(urls.first())
                else {
                    continue;
                };
                table.extend(
                    prefixes
                        .iter()
                        .filter_map(|p| p.parse::<IpNet>().ok())
                        .map(|p| (p, url.clone())),
                );
            }
        }
        table.sort_by_key(|(p, _)| std::cmp::Reverse(p.prefix_len()));
        table
    })
}

/// The RDAP base URL to ask about `ip`.
pub fn server_for(ip: IpAddr, cfg: &NetConfig) -> String {
    let configured = cfg
        .rdap_servers
        .iter()
        .filter_map(|s| s.prefix.parse::<IpNet>().ok().map(|p| (p, &s.url)))
        .filter(|(p, _)| p.contains(&ip))
        .max_by_key(|(p, _)| p.prefix_len())
        .map(|(_, url)| url.clone());
    configured
        .or_else(|| {
            bootstrap()
                .iter()
                .find(|(p, _)| p.contains(&ip))
                .map(|(_, url)| url.clone())
        })
        .unwrap_or_else(|| cfg.rdap_fallback.clone())
}

/// Looks `ip` up. Never fails: a failure is recorded in the record's `error`.
pub async fn lookup(ip: IpAddr, client: &reqwest::Client, cfg: &NetConfig) -> RegistryRecord {
    let base = server_for(ip, cfg);
    let url = format!("{}/ip/{ip}", base.trim_end_matches('/'));
    match fetch(client, &url, cfg.max_rdap_bytes).await {
        Ok((final_url, body)) => match parse_ip_network(&ip.to_string(), &body) {
            Ok(mut record) => {
                record.source = Some(final_url);
                record
            }
            Err(e) => failed(ip, e),
        },
        Err(e) => failed(ip, e),
    }
}

fn failed(ip: IpAddr, error: String) -> RegistryRecord {
    RegistryRecord {
        address: ip.to_string(),
        error: Some(error),
        ..RegistryRecord::default()
    }
}

async fn fetch(
    client: &reqwest::Client,
    url: &str,
    limit: usize,
) -> Result<(String, Vec<u8>), String> {
    let mut response = client
        .get(url)
        .header(
            reqwest::header::ACCEPT,
            "application/rdap+json, application/json",
        )
        .send()
        .await
        .map_err(|e| format!("the registry could not be reached: {}", root_cause(&e)))?;
    let status = response.status();
    if status == reqwest::StatusCode::NOT_FOUND {
        return Err("the registry has no record of this address".into());
    }
    if !status.is_success() {
        return Err(format!(
            "the registry answered HTTP status {}",
            status.as_u16()
        ));
    }
    if response
        .content_length()
        .is_some_and(|len| len > limit as u64)
    {
        return Err(format!(
            "the registry's answer is larger than {limit} bytes"
        ));
    }
    let final_url = response.url().to_string();
    let mut body = Vec::new();
    while let Some(chunk) = response
        .chunk()
        .await
        .map_err(|e| format!("the registry's answer broke off: {}", root_cause(&e)))?
    {
        if body.len() + chunk.len() > limit {
            return Err(format!(
                "the registry's answer is larger than {limit} bytes"
            ));
        }
        body.extend_from_slice(&chunk);
    }
    Ok((final_url, body))
}

fn root_cause(err: &dyn std::error::Error) -> String {
    let mut e = err;
    while let Some(next) = e.source() {
        e = next;
    }
    e.to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_shipped_table_sends_pakistani_space_to_apnic() {
        let cfg = NetConfig::default();
        for ip in ["39.32.10.5", "119.155.1.2", "182.176.0.1", "2400:adc0::1"] {
            assert_eq!(
                server_for(ip.parse().expect("ip"), &cfg),
                "https://rdap.apnic.net/",
                "{ip}"
            );
        }
        assert_eq!(
            server_for("8.8.8.8".parse().expect("ip"), &cfg),
            "https://rdap.arin.net/registry/"
        );
        assert_eq!(
            server_for("2a00:1450::1".parse().expect("ip"), &cfg),
            "https://rdap.db.ripe.net/"
        );
        assert!(bootstrap().len() > 200, "both files were read");
    }

    #[test]
    fn configured_servers_win_and_the_most_specific_prefix_wins() {
        let cfg = NetConfig {
            rdap_servers: vec![
                crate::config::RdapServer {
                    prefix: "0.0.0.0/0".into(),
                    url: "http://127.0.0.1:1/".into(),
                },
                crate::config::RdapServer {
                    prefix: "39.32.0.0/16".into(),
                    url: "http://127.0.0.1:2/".into(),
                },
            ],
            ..NetConfig::default()
        };
        assert_eq!(
            server_for("39.32.10.5".parse().expect("ip"), &cfg),
            "http://127.0.0.1:2/"
        );
        assert_eq!(
            server_for("8.8.8.8".parse().expect("ip"), &cfg),
            "http://127.0.0.1:1/"
        );
    }
}
