//! The applicant: a freelancer, or a firm with several sites, public IPs and staff.
//!
//! This module holds the types and their validation; the SQL lives in the store. Inputs are
//! trimmed and checked here so every front end gets the same rules and the same messages.

use std::net::IpAddr;

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{Error, Result, net_class::AddressClass};

/// Identifier of a stored row.
pub type Id = i64;

/// Longest name, label or free-text field we accept, in characters.
pub const MAX_TEXT_LEN: usize = 200;

/// Who is applying.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ProfileKind {
    /// One person working for clients abroad.
    Freelancer,
    /// A company, possibly with several offices, IPs and staff.
    Firm,
}

impl ProfileKind {
    pub(crate) fn as_db(self) -> &'static str {
        match self {
            Self::Freelancer => "freelancer",
            Self::Firm => "firm",
        }
    }

    pub(crate) fn from_db(s: &str) -> Result<Self> {
        match s {
            "freelancer" => Ok(Self::Freelancer),
            "firm" => Ok(Self::Firm),
            other => Err(Error::Internal(format!(
                "unknown profile kind {other:?} in the database"
            ))),
        }
    }
}

/// A stored profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Profile {
    /// Row id.
    pub id: Id,
    /// Freelancer or firm.
    pub kind: ProfileKind,
    /// The applicant's name or the firm's name.
    pub name: String,
    /// When it was created.
    pub created_at: Timestamp,
    /// When it last changed.
    pub updated_at: Timestamp,
}

/// What the user enters to create or edit a profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProfileInput {
    /// Freelancer or firm.
    pub kind: ProfileKind,
    /// The applicant's name or the firm's name.
    pub name: String,
}

/// An office of a firm.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Site {
    /// Row id.
    pub id: Id,
    /// The owning profile.
    pub profile_id: Id,
    /// E.g. "Head office".
    pub name: String,
    /// E.g. "Lahore".
    pub city: Option<String>,
}

/// What the user enters to add a site.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SiteInput {
    /// E.g. "Head office".
    pub name: String,
    /// E.g. "Lahore"; empty means not given.
    pub city: Option<String>,
}

/// A public IP the applicant has registered or means to register.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PublicIp {
    /// Row id.
    pub id: Id,
    /// The owning profile.
    pub profile_id: Id,
    /// The site this line serves, for firms.
    pub site_id: Option<Id>,
    /// The address in canonical text form.
    pub address: String,
    /// E.g. "PTCL fibre, 2nd floor".
    pub label: Option<String>,
    /// The subscriber (customer) ID on the ISP's bill for this line.
    pub subscriber_id: Option<String>,
}

/// What the user enters to record a public IP.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct PublicIpInput {
    /// The site this line serves, for firms.
    pub site_id: Option<Id>,
    /// IPv4 or IPv6 address as typed.
    pub address: String,
    /// Optional label.
    pub label: Option<String>,
    /// The subscriber (customer) ID on the ISP's bill, as printed.
    #[serde(default)]
    pub subscriber_id: Option<String>,
}

/// A member of a firm's staff who uses the registered VPN.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StaffMember {
    /// Row id.
    pub id: Id,
    /// The owning profile.
    pub profile_id: Id,
    /// The site they work at.
    pub site_id: Option<Id>,
    /// Full name.
    pub name: String,
    /// E.g. "Network admin".
    pub role: Option<String>,
    /// Work email.
    pub email: Option<String>,
}

/// What the user enters to add a staff member.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StaffInput {
    /// The site they work at.
    pub site_id: Option<Id>,
    /// Full name.
    pub name: String,
    /// E.g. "Network admin".
    pub role: Option<String>,
    /// Work email.
    pub email: Option<String>,
}

/// A profile with everything that belongs to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ProfileDetail {
    /// The profile itself.
    pub profile: Profile,
    /// Its offices (firms).
    pub sites: Vec<Site>,
    /// Its public IPs.
    pub public_ips: Vec<PublicIp>,
    /// Its staff (firms).
    pub staff: Vec<StaffMember>,
}

/// Trims `value` and checks it is present and not too long.
pub(crate) fn required_text(field: &'static str, label: &str, value: &str) -> Result<String> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(Error::invalid(field, format!("{label} is required")));
    }
    check_len(field, label, trimmed)?;
    Ok(trimmed.to_owned())
}

/// Trims `value`; empty becomes `None`.
pub(crate) fn optional_text(
    field: &'static str,
    label: &str,
    value: Option<&str>,
) -> Result<Option<String>> {
    match value.map(str::trim).filter(|v| !v.is_empty()) {
        None => Ok(None),
        Some(v) => check_len(field, label, v).map(|()| Some(v.to_owned())),
    }
}

fn check_len(field: &'static str, label: &str, value: &str) -> Result<()> {
    if value.chars().count() > MAX_TEXT_LEN {
        return Err(Error::invalid(
            field,
            format!("{label} is too long (at most {MAX_TEXT_LEN} characters)"),
        ));
    }
    if value.chars().any(char::is_control) {
        return Err(Error::invalid(
            field,
            format!("{label} contains control characters"),
        ));
    }
    Ok(())
}

/// Parses a public IP as the user typed it and returns its canonical text.
///
/// Only public addresses can be registered, so private, CGNAT, loopback and reserved
/// addresses are refused with a message that says what the address is.
pub fn parse_public_ip(field: &'static str, value: &str) -> Result<IpAddr> {
    let trimmed = value.trim();
    if trimmed.is_empty() {
        return Err(Error::invalid(field, "the IP address is required"));
    }
    let ip: IpAddr = trimmed.parse().map_err(|_| {
        Error::invalid(
            field,
            format!("{trimmed:?} is not an IP address; write it like 39.32.10.5 or 2400:adc0::1"),
        )
    })?;
    match AddressClass::of(ip) {
        AddressClass::Public => Ok(ip),
        other => Err(Error::invalid(
            field,
            format!(
                "{ip} is {}; only a public IP from your ISP can be registered",
                other.describe()
            ),
        )),
    }
}

/// Checks an email loosely: one `@` with something on both sides and a dot in the domain.
pub(crate) fn optional_email(field: &'static str, value: Option<&str>) -> Result<Option<String>> {
    let Some(email) = optional_text(field, "the email", value)? else {
        return Ok(None);
    };
    let ok = email.split_once('@').is_some_and(|(user, domain)| {
        !user.is_empty()
            && domain.contains('.')
            && !domain.starts_with('.')
            && !domain.ends_with('.')
            && !email.contains(char::is_whitespace)
    });
    if ok {
        Ok(Some(email))
    } else {
        Err(Error::invalid(
            field,
            format!("{email:?} is not an email address"),
        ))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn public_ips_are_accepted_in_canonical_form() {
        assert_eq!(
            parse_public_ip("address", " 39.32.10.5 ")
                .expect("public")
                .to_string(),
            "39.32.10.5"
        );
        assert_eq!(
            parse_public_ip("address", "2400:ADC0:0:0::1")
                .expect("public v6")
                .to_string(),
            "2400:adc0::1"
        );
    }

    #[test]
    fn non_public_ips_are_refused_with_the_reason() {
        let err = parse_public_ip("address", "192.168.1.10").expect_err("private");
        assert_eq!(err.field(), Some("address"));
        assert!(err.to_string().contains("private"), "{err}");
        let err = parse_public_ip("address", "100.70.1.1").expect_err("cgnat");
        assert!(err.to_string().contains("carrier-grade NAT"), "{err}");
        let err = parse_public_ip("address", "39.32.10").expect_err("malformed");
        assert!(err.to_string().contains("not an IP address"), "{err}");
        let err = parse_public_ip("address", "  ").expect_err("empty");
        assert!(err.to_string().contains("required"), "{err}");
    }

    #[test]
    fn text_is_trimmed_and_bounded() {
        assert_eq!(
            required_text("name", "the name", "  Ali  ").expect("ok"),
            "Ali"
        );
        assert!(
            required_text("name", "the name", "   ").is_err(),
            "blank is refused"
        );
        assert!(required_text("name", "the name", &"x".repeat(MAX_TEXT_LEN + 1)).is_err());
        assert!(
            required_text("name", "the name", &"ن".repeat(MAX_TEXT_LEN)).is_ok(),
            "limit counts characters, not bytes"
        );
        assert!(
            required_text("name", "the name", "a\u{0}b").is_err(),
            "control characters are refused"
        );
        assert_eq!(
            optional_text("city", "the city", Some("  ")).expect("ok"),
            None
        );
    }

    #[test]
    fn emails_are_checked_loosely() {
        assert_eq!(
            optional_email("email", Some(" a@b.pk "))
                .expect("ok")
                .as_deref(),
            Some("a@b.pk")
        );
        assert_eq!(optional_email("email", None).expect("ok"), None);
        for bad in ["ab.pk", "@b.pk", "a@b", "a@.pk", "a b@c.pk"] {
            assert!(
                optional_email("email", Some(bad)).is_err(),
                "{bad} should be refused"
            );
        }
    }
}
