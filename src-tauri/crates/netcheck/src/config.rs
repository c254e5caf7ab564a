//! Where the connection check asks, and how long it waits: every endpoint is configuration.
//!
//! The defaults name public services; a TOML file (the app's settings file, or
//! `vca check-ip --config FILE`) replaces any part, so users behind a proxy and the tests can point
//! every provider, resolver and timeout elsewhere. See `docs/connection-settings.md`.

use std::{net::SocketAddr, path::Path, time::Duration};

use serde::{Deserialize, Serialize};

use crate::answer::AnswerFormat;

/// Which address family a provider reports.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Family {
    /// IPv4.
    V4,
    /// IPv6.
    V6,
}

/// The DNS record a DNS provider answers with.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum DnsRecord {
    /// An IPv4 address record (OpenDNS `myip.opendns.com`).
    A,
    /// An IPv6 address record.
    #[serde(rename = "AAAA")]
    Aaaa,
    /// A text record holding the address (Google `o-o.myaddr.l.google.com`).
    #[serde(rename = "TXT")]
    Txt,
}

/// One independent source of "what is my public address".
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum ProviderSpec {
    /// An HTTP(S) echo service.
    Http {
        /// A short name shown as the evidence's source.
        name: String,
        /// The URL to GET.
        url: String,
        /// The family this URL reports (the request is made over that family).
        family: Family,
        /// How the answer is laid out.
        #[serde(flatten)]
        format: AnswerFormat,
        /// The name of a stored credential (Credentials page) to send as
        /// `Authorization: Bearer <token>`, for services that want an API token.
        #[serde(default, skip_serializing_if = "Option::is_none")]
        token: Option<String>,
    },
    /// A DNS name that resolves to the asker's address at a given name server.
    Dns {
        /// A short name shown as the evidence's source.
        name: String,
        /// The name to look up.
        query: String,
        /// The record type to ask for.
        record: DnsRecord,
        /// The name server to ask (an authoritative server of the service).
        server: SocketAddr,
        /// The family this provider reports.
        family: Family,
    },
}

impl ProviderSpec {
    /// The provider's name.
    pub fn name(&self) -> &str {
        match self {
            Self::Http { name, .. } | Self::Dns { name, .. } => name,
        }
    }

    /// The family it reports.
    pub fn family(&self) -> Family {
        match self {
            Self::Http { family, .. } | Self::Dns { family, .. } => *family,
        }
    }
}

/// An RDAP server for the addresses in `prefix`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RdapServer {
    /// A CIDR prefix, e.g. "39.0.0.0/8" or "0.0.0.0/0".
    pub prefix: String,
    /// The base URL; `ip/<address>` is appended.
    pub url: String,
}

/// The connection check's configuration.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields, default)]
pub struct NetConfig {
    /// How long one provider may take, in milliseconds, before it is given up on.
    pub timeout_ms: u64,
    /// How many providers must agree before an address is believed.
    pub quorum: usize,
    /// The most bytes read from one HTTP answer; more is refused as not an echo service.
    pub max_answer_bytes: usize,
    /// The DNS resolver for reverse (PTR) lookups; the system's resolver when absent.
    pub dns_resolver: Option<SocketAddr>,
    /// Look the public address up in the regional registry (RDAP).
    pub rdap: bool,
    /// RDAP servers by prefix, asked before the shipped IANA bootstrap table.
    pub rdap_servers: Vec<RdapServer>,
    /// The RDAP server asked when no table entry matches (APNIC serves Pakistan).
    pub rdap_fallback: String,
    /// The most bytes read from one RDAP answer.
    pub max_rdap_bytes: usize,
    /// Ask the local router for its internet-side address (UPnP-IGD, then NAT-PMP).
    pub upnp: bool,
    /// Where UPnP discovery (SSDP) is sent; the standard multicast group by default.
    pub upnp_discovery: SocketAddr,
    /// How long to wait for a router to answer, in milliseconds.
    pub upnp_timeout_ms: u64,
    /// Extra gateway addresses trusted as UPnP locations (loopback is distrusted otherwise).
    pub upnp_trusted_gateways: Vec<std::net::IpAddr>,
    /// The router asked over NAT-PMP when UPnP finds none; the default gateway when absent.
    pub natpmp_gateway: Option<std::net::Ipv4Addr>,
    /// The providers, in any order; they are asked at the same time.
    #[serde(rename = "provider")]
    pub providers: Vec<ProviderSpec>,
    /// The API tokens the providers name, read from the keychain just before a check; never
    /// part of the settings file.
    #[serde(skip)]
    pub tokens: Tokens,
}

/// API tokens by credential name. `Debug` shows the names only.
#[derive(Clone, Default)]
pub struct Tokens(std::collections::BTreeMap<String, secrecy::SecretString>);

impl Tokens {
    /// Adds the token stored under `name`.
    pub fn insert(&mut self, name: &str, token: secrecy::SecretString) {
        self.0.insert(name.to_owned(), token);
    }

    /// The token stored under `name`.
    pub fn get(&self, name: &str) -> Option<&secrecy::SecretString> {
        self.0.get(name)
    }
}

impl std::fmt::Debug for Tokens {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_set().entries(self.0.keys()).finish()
    }
}

impl PartialEq for Tokens {
    fn eq(&self, other: &Self) -> bool {
        use secrecy::ExposeSecret as _;
        self.0.len() == other.0.len()
            && self
                .0
                .iter()
                .zip(&other.0)
                .all(|((a, x), (b, y))| a == b && x.expose_secret() == y.expose_secret())
    }
}

impl Eq for Tokens {}

impl Default for NetConfig {
    fn default() -> Self {
        Self {
            timeout_ms: 3000,
            quorum: 2,
            max_answer_bytes: 4096,
            dns_resolver: None,
            rdap: true,
            rdap_servers: Vec::new(),
            rdap_fallback: "https://rdap.apnic.net/".into(),
            max_rdap_bytes: 256 * 1024,
            upnp: true,
            upnp_discovery: SocketAddr::from(([239, 255, 255, 250], 1900)),
            upnp_timeout_ms: 2000,
            upnp_trusted_gateways: Vec::new(),
            tokens: Tokens::default(),
            natpmp_gateway: None,
            providers: default_providers(),
        }
    }
}

/// Why a configuration was refused.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ConfigError {
    /// The file could not be read.
    #[error("the settings file {path} could not be read: {source}")]
    Read {
        /// The file.
        path: String,
        /// The reason.
        source: std::io::Error,
    },
    /// The file is not valid TOML for this schema.
    #[error("the settings file {path} is not valid: {message}")]
    Parse {
        /// The file.
        path: String,
        /// What is wrong, with line and column.
        message: String,
    },
    /// The values do not make sense together.
    #[error("the connection settings are not usable: {0}")]
    Invalid(String),
}

impl NetConfig {
    /// This configuration with `tokens` (credential name, secret) added.
    #[must_use]
    pub fn with_tokens(
        mut self,
        tokens: impl IntoIterator<Item = (String, secrecy::SecretString)>,
    ) -> Self {
        for (name, token) in tokens {
            self.tokens.insert(&name, token);
        }
        self
    }

    /// The credential names the providers want tokens from, each once.
    pub fn token_names(&self) -> Vec<String> {
        let mut names: Vec<String> = self
            .providers
            .iter()
            .filter_map(|p| match p {
                ProviderSpec::Http { token, .. } => token.clone(),
                ProviderSpec::Dns { .. } => None,
            })
            .collect();
        names.sort_unstable();
        names.dedup();
        names
    }

    /// Reads a TOML file; absent keys keep their defaults.
    pub fn from_file(path: &Path) -> Result<Self, ConfigError> {
        let text = std::fs::read_to_string(path).map_err(|source| ConfigError::Read {
            path: path.display().to_string(),
            source,
        })?;
        Self::from_toml(&text).map_err(|e| match e {
            ConfigError::Parse { message, .. } => ConfigError::Parse {
                path: path.display().to_string(),
                message,
            },
            other => other,
        })
    }

    /// Parses TOML text; absent keys keep their defaults.
    pub fn from_toml(text: &str) -> Result<Self, ConfigError> {
        let cfg: Self = toml::from_str(text).map_err(|e| ConfigError::Parse {
            path: "(text)".into(),
            message: e.to_string(),
        })?;
        cfg.validate()?;
        Ok(cfg)
    }

    /// Checks the values make sense together.
    pub fn validate(&self) -> Result<(), ConfigError> {
        if self.quorum == 0 {
            return Err(ConfigError::Invalid("quorum must be at least 1".into()));
        }
        if self.timeout_ms == 0 || self.timeout_ms > 60_000 {
            return Err(ConfigError::Invalid(
                "timeoutMs must be between 1 and 60000".into(),
            ));
        }
        if self.max_answer_bytes < 64 {
            return Err(ConfigError::Invalid(
                "maxAnswerBytes must be at least 64".into(),
            ));
        }
        for server in &self.rdap_servers {
            if server.prefix.parse::<ipnet::IpNet>().is_err() {
                return Err(ConfigError::Invalid(format!(
                    "rdapServers: {:?} is not a CIDR prefix like 39.0.0.0/8",
                    server.prefix
                )));
            }
        }
        let mut names: Vec<&str> = self.providers.iter().map(ProviderSpec::name).collect();
        names.sort_unstable();
        if let Some(w) = names.windows(2).find(|w| w[0] == w[1]) {
            return Err(ConfigError::Invalid(format!(
                "two providers are called {:?}",
                w[0]
            )));
        }
        Ok(())
    }

    /// The per-provider timeout.
    pub fn timeout(&self) -> Duration {
        Duration::from_millis(self.timeout_ms)
    }

    /// The providers of one family.
    pub fn providers_for(&self, family: Family) -> impl Iterator<Item = &ProviderSpec> {
        self.providers.iter().filter(move |p| p.family() == family)
    }
}

fn http(name: &str, url: &str, family: Family, format: AnswerFormat) -> ProviderSpec {
    ProviderSpec::Http {
        name: name.into(),
        url: url.into(),
        family,
        format,
        token: None,
    }
}

fn dns(
    name: &str,
    query: &str,
    record: DnsRecord,
    server: SocketAddr,
    family: Family,
) -> ProviderSpec {
    ProviderSpec::Dns {
        name: name.into(),
        query: query.into(),
        record,
        server,
        family,
    }
}

fn default_providers() -> Vec<ProviderSpec> {
    use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};
    let plain = || AnswerFormat::Plain;
    let json = || AnswerFormat::Json { field: "ip".into() };
    let trace = || AnswerFormat::Trace { key: "ip".into() };
    let at = |ip: IpAddr| SocketAddr::new(ip, 53);
    vec![
        http("ipify", "https://api.ipify.org", Family::V4, plain()),
        http(
            "icanhazip",
            "https://ipv4.icanhazip.com",
            Family::V4,
            plain(),
        ),
        http(
            "aws-checkip",
            "https://checkip.amazonaws.com",
            Family::V4,
            plain(),
        ),
        http("ipinfo", "https://ipinfo.io/json", Family::V4, json()),
        http(
            "cloudflare",
            "https://1.1.1.1/cdn-cgi/trace",
            Family::V4,
            trace(),
        ),
        dns(
            "opendns",
            "myip.opendns.com",
            DnsRecord::A,
            at(IpAddr::V4(Ipv4Addr::new(208, 67, 222, 222))),
            Family::V4,
        ),
        dns(
            "google-dns",
            "o-o.myaddr.l.google.com",
            DnsRecord::Txt,
            at(IpAddr::V4(Ipv4Addr::new(216, 239, 32, 10))),
            Family::V4,
        ),
        http("ipify6", "https://api6.ipify.org", Family::V6, plain()),
        http(
            "icanhazip6",
            "https://ipv6.icanhazip.com",
            Family::V6,
            plain(),
        ),
        http(
            "cloudflare6",
            "https://[2606:4700:4700::1111]/cdn-cgi/trace",
            Family::V6,
            trace(),
        ),
        dns(
            "opendns6",
            "myip.opendns.com",
            DnsRecord::Aaaa,
            at(IpAddr::V6(Ipv6Addr::new(
                0x2620, 0x119, 0x35, 0, 0, 0, 0, 0x35,
            ))),
            Family::V6,
        ),
        dns(
            "google-dns6",
            "o-o.myaddr.l.google.com",
            DnsRecord::Txt,
            at(IpAddr::V6(Ipv6Addr::new(
                0x2001, 0x4860, 0x4802, 0x32, 0, 0, 0, 0x0a,
            ))),
            Family::V6,
        ),
    ]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_defaults_have_four_providers_of_two_kinds_per_family() {
        let cfg = NetConfig::default();
        cfg.validate().expect("defaults are valid");
        for family in [Family::V4, Family::V6] {
            let providers: Vec<_> = cfg.providers_for(family).collect();
            assert!(
                providers.len() >= 4,
                "{family:?} has at least four providers"
            );
            assert!(
                providers
                    .iter()
                    .any(|p| matches!(p, ProviderSpec::Http { .. }))
            );
            assert!(
                providers
                    .iter()
                    .any(|p| matches!(p, ProviderSpec::Dns { .. }))
            );
        }
    }

    #[test]
    fn a_file_replaces_the_providers_and_keeps_other_defaults() {
        let cfg = NetConfig::from_toml(
            r#"
            timeoutMs = 500

            [[provider]]
            kind = "http"
            name = "local"
            url = "http://127.0.0.1:8080/"
            family = "v4"
            format = "plain"

            [[provider]]
            kind = "http"
            name = "local-json"
            url = "http://127.0.0.1:8081/json"
            family = "v4"
            format = "json"
            field = "address"

            [[provider]]
            kind = "dns"
            name = "local-dns"
            query = "myip.test"
            record = "TXT"
            server = "127.0.0.1:5353"
            family = "v4"
            "#,
        )
        .expect("valid file");
        assert_eq!(cfg.timeout(), Duration::from_millis(500));
        assert_eq!(cfg.quorum, 2, "absent keys keep their default");
        assert_eq!(cfg.providers.len(), 3);
        assert!(matches!(
            &cfg.providers[1],
            ProviderSpec::Http { format: AnswerFormat::Json { field }, .. } if field == "address"
        ));
    }

    #[test]
    fn nonsense_is_refused_with_the_reason() {
        let err = NetConfig::from_toml("quorum = 0").expect_err("zero quorum");
        assert!(err.to_string().contains("quorum"), "{err}");
        let err = NetConfig::from_toml("timeoutMs = \"fast\"").expect_err("wrong type");
        assert!(err.to_string().contains("timeoutMs"), "{err}");
        let err = NetConfig::from_toml("colour = 1").expect_err("unknown key");
        assert!(err.to_string().contains("colour"), "{err}");
    }
}
