//! Parsing what an IP echo service answers: plain text, JSON, or Cloudflare's `key=value`
//! trace. Pure functions over bytes, so they are fuzzed (see `tests/parsers.rs`).
//!
//! Every parser accepts only an answer that is one IP address and nothing else worth
//! believing: an HTML error page, a captive portal, garbage, an empty body or an address
//! wrapped in prose is refused with a reason that names what was seen.

use std::net::IpAddr;

/// How a provider's HTTP answer is laid out.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "camelCase", tag = "format")]
pub enum AnswerFormat {
    /// The body is the address, optionally surrounded by white space (ipify, icanhazip).
    Plain,
    /// The body is a JSON object; `field` holds the address (ipinfo: `ip`).
    Json {
        /// The member holding the address.
        #[serde(default = "default_json_field")]
        field: String,
    },
    /// Lines of `key=value`; `key` holds the address (Cloudflare's `cdn-cgi/trace`: `ip`).
    Trace {
        /// The key holding the address.
        #[serde(default = "default_json_field")]
        key: String,
    },
}

fn default_json_field() -> String {
    "ip".to_owned()
}

/// Why an answer was not believed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum AnswerError {
    /// Nothing but white space.
    #[error("answered an empty body")]
    Empty,
    /// Not UTF-8 text.
    #[error("answered binary data, not text")]
    NotText,
    /// Looks like a web page (an error page, a login or captive portal).
    #[error("answered a web page instead of an address")]
    Html,
    /// Text that is not an address; `seen` is a short, sanitised excerpt.
    #[error("answered {seen:?}, which is not an IP address")]
    NotAnAddress {
        /// The start of what was answered, control characters removed.
        seen: String,
    },
    /// JSON that could not be read, or without the expected member.
    #[error("answered JSON without a usable {field:?} member")]
    BadJson {
        /// The member that was expected.
        field: String,
    },
    /// A trace without the expected key.
    #[error("answered a trace without an {key:?} line")]
    MissingKey {
        /// The key that was expected.
        key: String,
    },
}

/// Parses `body` as laid out by `format`.
pub fn parse(format: &AnswerFormat, body: &[u8]) -> Result<IpAddr, AnswerError> {
    let text = std::str::from_utf8(body).map_err(|_| AnswerError::NotText)?;
    let trimmed = text.trim();
    if trimmed.is_empty() {
        return Err(AnswerError::Empty);
    }
    if trimmed.starts_with('<') {
        return Err(AnswerError::Html);
    }
    match format {
        AnswerFormat::Plain => address(trimmed),
        AnswerFormat::Json { field } => {
            let value: serde_json::Value =
                serde_json::from_str(trimmed).map_err(|_| AnswerError::BadJson {
                    field: field.clone(),
                })?;
            let member = value
                .get(field)
                .and_then(serde_json::Value::as_str)
                .ok_or_else(|| AnswerError::BadJson {
                    field: field.clone(),
                })?;
            address(member.trim())
        }
        AnswerFormat::Trace { key } => {
            let line = trimmed
                .lines()
                .filter_map(|l| l.split_once('='))
                .find(|(k, _)| k.trim() == key)
                .ok_or_else(|| AnswerError::MissingKey { key: key.clone() })?;
            address(line.1.trim())
        }
    }
}

/// Parses one address written alone; IPv6 zone ids and brackets are refused.
pub fn address(text: &str) -> Result<IpAddr, AnswerError> {
    text.parse().map_err(|_| AnswerError::NotAnAddress {
        seen: excerpt(text),
    })
}

/// The first 40 printable characters of `text`, for messages.
fn excerpt(text: &str) -> String {
    let mut out: String = text.chars().filter(|c| !c.is_control()).take(40).collect();
    if text.chars().count() > 40 {
        out.push('…');
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    fn json() -> AnswerFormat {
        AnswerFormat::Json { field: "ip".into() }
    }

    fn trace() -> AnswerFormat {
        AnswerFormat::Trace { key: "ip".into() }
    }

    #[test]
    fn each_format_reads_its_address() {
        assert_eq!(
            parse(&AnswerFormat::Plain, b" 39.32.10.5\n")
                .expect("plain")
                .to_string(),
            "39.32.10.5"
        );
        assert_eq!(
            parse(&json(), br#"{"ip":"2400:adc0::1","city":"Lahore"}"#)
                .expect("json")
                .to_string(),
            "2400:adc0::1"
        );
        let cf = b"fl=123\nh=1.1.1.1\nip=39.32.10.5\nts=1700000000\nvisit_scheme=https\n";
        assert_eq!(
            parse(&trace(), cf).expect("trace").to_string(),
            "39.32.10.5"
        );
    }

    #[test]
    fn what_is_not_an_address_is_refused_with_a_reason() {
        assert_eq!(
            parse(&AnswerFormat::Plain, b"   \n"),
            Err(AnswerError::Empty)
        );
        assert_eq!(
            parse(&AnswerFormat::Plain, b"<html><body>Login</body></html>"),
            Err(AnswerError::Html)
        );
        assert_eq!(
            parse(&AnswerFormat::Plain, &[0xff, 0xfe, 0x00]),
            Err(AnswerError::NotText)
        );
        assert!(matches!(
            parse(&AnswerFormat::Plain, b"your ip is 39.32.10.5"),
            Err(AnswerError::NotAnAddress { .. })
        ));
        assert!(matches!(
            parse(&AnswerFormat::Plain, b"39.32.10.256"),
            Err(AnswerError::NotAnAddress { .. })
        ));
        assert!(matches!(
            parse(&json(), br#"{"ip": 42}"#),
            Err(AnswerError::BadJson { .. })
        ));
        assert!(matches!(
            parse(&json(), b"{not json"),
            Err(AnswerError::BadJson { .. })
        ));
        assert!(matches!(
            parse(&trace(), b"fl=1\nh=x\n"),
            Err(AnswerError::MissingKey { .. })
        ));
    }

    #[test]
    fn excerpts_are_short_and_free_of_control_characters() {
        let long = format!("\u{1b}[31m{}", "x".repeat(100));
        let Err(AnswerError::NotAnAddress { seen }) = parse(&AnswerFormat::Plain, long.as_bytes())
        else {
            panic!("expected NotAnAddress");
        };
        assert!(seen.chars().count() <= 41, "{seen}");
        assert!(!seen.contains('\u{1b}'), "escape codes are removed");
    }
}
