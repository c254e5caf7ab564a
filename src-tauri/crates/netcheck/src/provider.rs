//! Asking one provider: an HTTP GET with a size-capped body, or a DNS query to a chosen
//! name server. Each answer is checked for family and scope before it is believed.

use std::net::{IpAddr, Ipv4Addr, Ipv6Addr};

use vca_core::net_class::AddressClass;

use crate::{
    answer::{self, AnswerError},
    config::{Family, NetConfig, ProviderSpec},
};

/// Why a provider gave no usable answer.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum ProviderError {
    /// The provider wants an API token that is not stored.
    #[error(
        "needs the API token \"{0}\", which is not stored: add it on the Credentials page, or unlock the keychain"
    )]
    MissingToken(String),
    /// No answer within the timeout.
    #[error("did not answer within {0} ms")]
    Timeout(u64),
    /// The connection could not be made (refused, unreachable, no route for this family).
    #[error("could not be reached: {0}")]
    Connect(String),
    /// The TLS certificate or handshake was not acceptable.
    #[error("failed the secure-connection check: {0}")]
    Tls(String),
    /// An HTTP status other than success.
    #[error("answered HTTP status {0}")]
    Status(u16),
    /// More than the configured number of bytes.
    #[error("answered more than {0} bytes; an echo service answers a few dozen")]
    TooLarge(usize),
    /// The body was not an address.
    #[error("{0}")]
    Answer(#[from] AnswerError),
    /// An address of the other family.
    #[error("answered {0}, which is not an {1} address")]
    WrongFamily(IpAddr, &'static str),
    /// A private, CGNAT, loopback or reserved address: not what the internet sees.
    #[error("answered {0}, {1}, which cannot be a public address")]
    NotPublic(IpAddr, &'static str),
    /// The DNS query failed or had no usable record.
    #[error("DNS lookup failed: {0}")]
    Dns(String),
    /// The request could not be made at all (a malformed URL in the settings, say).
    #[error("could not be asked: {0}")]
    Request(String),
}

/// HTTP clients bound to each family, so a v4 provider is asked over IPv4 and v6 over IPv6.
#[derive(Debug, Clone)]
pub struct HttpClients {
    v4: reqwest::Client,
    v6: reqwest::Client,
    any: reqwest::Client,
}

impl HttpClients {
    /// Builds the clients for `cfg`.
    pub fn new(cfg: &NetConfig) -> Result<Self, ProviderError> {
        let build = |local: Option<IpAddr>| {
            reqwest::Client::builder()
                .local_address(local)
                .timeout(cfg.timeout())
                .connect_timeout(cfg.timeout())
                .redirect(reqwest::redirect::Policy::limited(3))
                .user_agent(concat!(
                    "vpn-compliance-assistant/",
                    env!("CARGO_PKG_VERSION")
                ))
                .build()
                .map_err(|e| ProviderError::Request(e.to_string()))
        };
        Ok(Self {
            v4: build(Some(IpAddr::V4(Ipv4Addr::UNSPECIFIED)))?,
            v6: build(Some(IpAddr::V6(Ipv6Addr::UNSPECIFIED)))?,
            any: build(None)?,
        })
    }

    /// A client over whichever family works (for the registry).
    pub fn any_family(&self) -> &reqwest::Client {
        &self.any
    }

    fn for_family(&self, family: Family) -> &reqwest::Client {
        match family {
            Family::V4 => &self.v4,
            Family::V6 => &self.v6,
        }
    }
}

/// Asks `spec` once (the caller applies the timeout) and returns the address it reported.
pub async fn ask(
    spec: &ProviderSpec,
    clients: &HttpClients,
    cfg: &NetConfig,
) -> Result<IpAddr, ProviderError> {
    let ip = match spec {
        ProviderSpec::Http {
            url,
            family,
            format,
            token,
            ..
        } => {
            let token = match token {
                Some(name) => Some(
                    cfg.tokens
                        .get(name)
                        .ok_or_else(|| ProviderError::MissingToken(name.clone()))?,
                ),
                None => None,
            };
            let body = fetch(
                clients.for_family(*family),
                url,
                token,
                cfg.max_answer_bytes,
                cfg.timeout_ms,
            )
            .await?;
            answer::parse(format, &body)?
        }
        ProviderSpec::Dns {
            query,
            record,
            server,
            ..
        } => crate::dns::lookup(query, *record, *server, cfg.timeout()).await?,
    };
    check(ip, spec.family())
}

/// Accepts `ip` only if it is of `family` and public.
pub fn check(ip: IpAddr, family: Family) -> Result<IpAddr, ProviderError> {
    let ip = match ip {
        IpAddr::V6(v6) => v6.to_ipv4_mapped().map_or(ip, IpAddr::V4),
        v4 => v4,
    };
    match (family, ip) {
        (Family::V4, IpAddr::V6(_)) => return Err(ProviderError::WrongFamily(ip, "IPv4")),
        (Family::V6, IpAddr::V4(_)) => return Err(ProviderError::WrongFamily(ip, "IPv6")),
        _ => {}
    }
    match AddressClass::of(ip) {
        AddressClass::Public => Ok(ip),
        other => Err(ProviderError::NotPublic(ip, other.describe())),
    }
}

async fn fetch(
    client: &reqwest::Client,
    url: &str,
    token: Option<&secrecy::SecretString>,
    limit: usize,
    timeout_ms: u64,
) -> Result<Vec<u8>, ProviderError> {
    use secrecy::ExposeSecret as _;
    let mut request = client.get(url);
    if let Some(token) = token {
        // reqwest marks the header sensitive, which keeps it out of its own logs.
        request = request.bearer_auth(token.expose_secret());
    }
    let mut response = request.send().await.map_err(|e| classify(e, timeout_ms))?;
    let status = response.status();
    if !status.is_success() {
        return Err(ProviderError::Status(status.as_u16()));
    }
    if response
        .content_length()
        .is_some_and(|len| len > limit as u64)
    {
        return Err(ProviderError::TooLarge(limit));
    }
    let mut body = Vec::new();
    while let Some(chunk) = response
        .chunk()
        .await
        .map_err(|e| classify(e, timeout_ms))?
    {
        if body.len() + chunk.len() > limit {
            return Err(ProviderError::TooLarge(limit));
        }
        body.extend_from_slice(&chunk);
    }
    Ok(body)
}

/// Words rustls and hyper use for a failed TLS handshake (reqwest does not expose the type).
const TLS_MARKERS: &[&str] = &[
    "certificate",
    "tls",
    "handshake",
    "corrupt message",
    "alert",
    "protocol version",
];

/// Turns a reqwest error into what the user needs to know, from its whole source chain.
fn classify(err: reqwest::Error, timeout_ms: u64) -> ProviderError {
    let mut chain = Vec::new();
    let mut source: Option<&dyn std::error::Error> = Some(&err);
    while let Some(e) = source {
        chain.push(e.to_string());
        source = e.source();
    }
    let detail = chain.last().cloned().unwrap_or_default();
    let all = chain.join(": ").to_lowercase();
    if err.is_timeout() {
        ProviderError::Timeout(timeout_ms)
    } else if TLS_MARKERS.iter().any(|m| all.contains(m)) {
        ProviderError::Tls(detail)
    } else if err.is_connect() {
        ProviderError::Connect(detail)
    } else if err.is_builder() {
        ProviderError::Request(detail)
    } else {
        ProviderError::Connect(detail)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn only_public_addresses_of_the_asked_family_are_believed() {
        let ip = |s: &str| s.parse::<IpAddr>().expect("ip");
        assert_eq!(check(ip("39.32.10.5"), Family::V4), Ok(ip("39.32.10.5")));
        assert_eq!(
            check(ip("::ffff:39.32.10.5"), Family::V4),
            Ok(ip("39.32.10.5")),
            "mapped v4 is v4"
        );
        assert!(matches!(
            check(ip("2400:adc0::1"), Family::V4),
            Err(ProviderError::WrongFamily(..))
        ));
        assert!(matches!(
            check(ip("39.32.10.5"), Family::V6),
            Err(ProviderError::WrongFamily(..))
        ));
        assert!(matches!(
            check(ip("10.0.0.1"), Family::V4),
            Err(ProviderError::NotPublic(..))
        ));
        assert!(matches!(
            check(ip("100.64.1.1"), Family::V4),
            Err(ProviderError::NotPublic(..))
        ));
    }
}
