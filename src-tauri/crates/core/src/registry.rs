//! What the regional internet registry (via RDAP) says about the network an address is in:
//! its name, holder, country and size. Parsing is pure and defensive: an RDAP answer is
//! untrusted input, so anything missing, mistyped or absurd is simply not used.

use serde::{Deserialize, Serialize};
use serde_json::Value;
use ts_rs::TS;

use crate::{
    i18n::{Arg, Message},
    reverse_dns::{NameHint, hint, quoted},
};

/// The registry's record of the network holding one address.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RegistryRecord {
    /// The address looked up.
    pub address: String,
    /// The registry server that answered (after redirects).
    pub source: Option<String>,
    /// The network's handle, e.g. "39.32.0.0 - 39.32.255.255".
    pub handle: Option<String>,
    /// The network's name, e.g. "PTCL-BB".
    pub name: Option<String>,
    /// The registration type, e.g. "ALLOCATED PORTABLE" or "ASSIGNED NON-PORTABLE".
    pub kind: Option<String>,
    /// Two-letter country code.
    pub country: Option<String>,
    /// The holder's name from the registrant (or first named) entity.
    pub holder: Option<String>,
    /// The network's first and last address.
    pub range: Option<(String, String)>,
    /// The prefix length when the network is one CIDR block.
    pub prefix_len: Option<u8>,
    /// Why the lookup failed, if it did.
    pub error: Option<String>,
}

fn text(v: &Value, key: &str) -> Option<String> {
    v.get(key)
        .and_then(Value::as_str)
        .map(|s| {
            s.chars()
                .filter(|c| !c.is_control())
                .take(200)
                .collect::<String>()
        })
        .map(|s| s.trim().to_owned())
        .filter(|s| !s.is_empty())
}

/// The `fn` (formatted name) of an entity's vCard, if it has one.
fn vcard_name(entity: &Value) -> Option<String> {
    let props = entity.get("vcardArray")?.get(1)?.as_array()?;
    props.iter().find_map(|p| {
        let p = p.as_array()?;
        (p.first()?.as_str()? == "fn").then(|| {
            p.get(3)?
                .as_str()
                .map(|s| s.trim().chars().take(200).collect())
        })?
    })
}

fn holder(network: &Value) -> Option<String> {
    let entities = network.get("entities")?.as_array()?;
    let has_role = |e: &Value, role: &str| {
        e.get("roles")
            .and_then(Value::as_array)
            .is_some_and(|r| r.iter().any(|x| x.as_str() == Some(role)))
    };
    entities
        .iter()
        .find(|e| has_role(e, "registrant"))
        .and_then(vcard_name)
        .or_else(|| entities.iter().find_map(vcard_name))
        .filter(|s: &String| !s.is_empty())
}

fn prefix_len(network: &Value) -> Option<u8> {
    let cidrs = network.get("cidr0_cidrs")?.as_array()?;
    match cidrs.as_slice() {
        [one] => one
            .get("length")?
            .as_u64()
            .and_then(|l| u8::try_from(l).ok())
            .filter(|l| *l <= 128),
        _ => None,
    }
}

/// Reads an RDAP `ip network` object (RFC 9083) answered for `address`.
pub fn parse_ip_network(address: &str, body: &[u8]) -> Result<RegistryRecord, String> {
    let v: Value = serde_json::from_slice(body)
        .map_err(|e| format!("the registry's answer is not valid JSON ({e})"))?;
    if v.get("objectClassName").and_then(Value::as_str) != Some("ip network") {
        return Err("the registry's answer is not an IP network record".into());
    }
    let range = text(&v, "startAddress").zip(text(&v, "endAddress"));
    Ok(RegistryRecord {
        address: address.to_owned(),
        source: None,
        handle: text(&v, "handle"),
        name: text(&v, "name"),
        kind: text(&v, "type"),
        country: text(&v, "country")
            .filter(|c| c.len() == 2 && c.chars().all(|c| c.is_ascii_alphabetic()))
            .map(|c| c.to_uppercase()),
        holder: holder(&v),
        range,
        prefix_len: prefix_len(&v),
        error: None,
    })
}

/// What a registry record suggests about the address: its name's words, and the size of the
/// network (a small, separately registered block is how ISPs record a customer's fixed IPs).
pub fn record_hint(record: &RegistryRecord) -> (NameHint, Message) {
    let (name_hint, words) = record
        .name
        .as_deref()
        .map(hint)
        .unwrap_or((NameHint::Unclear, Vec::new()));
    let v4_small =
        record.prefix_len.is_some_and(|l| (27..=32).contains(&l)) && !record.address.contains(':');
    let words = quoted(&words);
    let name = record.name.clone().unwrap_or_default();
    match name_hint {
        NameHint::Static => (
            name_hint,
            Message::new("evidence.registryFixedName")
                .arg("name", name)
                .arg("words", words),
        ),
        NameHint::Dynamic => (
            name_hint,
            Message::new("evidence.registryDynamicName")
                .arg("name", name)
                .arg("words", words),
        ),
        NameHint::Unclear if v4_small => {
            let len = u32::from(record.prefix_len.unwrap_or_default());
            let message = match &record.holder {
                Some(holder) => {
                    Message::new("evidence.registrySmallBlockHeld").arg("holder", holder.as_str())
                }
                None => Message::new("evidence.registrySmallBlock"),
            };
            (NameHint::Static, message.arg("len", len))
        }
        NameHint::Unclear => (NameHint::Unclear, describe(record)),
    }
}

/// A plain description of the record; what it does not name shows as "not given".
pub fn describe(record: &RegistryRecord) -> Message {
    if record.name.is_none()
        && record.holder.is_none()
        && record.country.is_none()
        && record.prefix_len.is_none()
    {
        return Message::new("evidence.registryEmpty");
    }
    let given = |v: &Option<String>| {
        v.as_ref()
            .map_or_else(|| Arg::term("evidence.notGiven"), |s| Arg::Text(s.clone()))
    };
    Message::new("evidence.registryRecord")
        .arg("address", record.address.as_str())
        .arg("name", given(&record.name))
        .arg("holder", given(&record.holder))
        .arg("country", given(&record.country))
        .arg("block", given(&record.prefix_len.map(|l| format!("/{l}"))))
}

#[cfg(test)]
mod tests {
    use super::*;

    const APNIC_STYLE: &str = r#"{
      "objectClassName": "ip network", "handle": "39.32.0.0 - 39.63.255.255",
      "startAddress": "39.32.0.0", "endAddress": "39.63.255.255", "ipVersion": "v4",
      "name": "PTCL-BB-DYNAMIC", "type": "ALLOCATED PORTABLE", "country": "pk",
      "cidr0_cidrs": [{"v4prefix": "39.32.0.0", "length": 11}],
      "entities": [
        {"objectClassName": "entity", "roles": ["administrative"], "vcardArray": ["vcard", [["version", {}, "text", "4.0"], ["fn", {}, "text", "Admin Desk"]]]},
        {"objectClassName": "entity", "roles": ["registrant"], "vcardArray": ["vcard", [["fn", {}, "text", "Pakistan Telecommunication Company Limited"]]]}
      ]
    }"#;

    #[test]
    fn an_rdap_network_record_is_read() {
        let r = parse_ip_network("39.32.10.5", APNIC_STYLE.as_bytes()).expect("valid record");
        assert_eq!(r.name.as_deref(), Some("PTCL-BB-DYNAMIC"));
        assert_eq!(r.country.as_deref(), Some("PK"), "upper-cased");
        assert_eq!(
            r.holder.as_deref(),
            Some("Pakistan Telecommunication Company Limited"),
            "the registrant wins"
        );
        assert_eq!(r.prefix_len, Some(11));
        assert_eq!(r.range, Some(("39.32.0.0".into(), "39.63.255.255".into())));
        assert_eq!(record_hint(&r).0, NameHint::Dynamic);
    }

    #[test]
    fn a_small_named_block_suggests_a_fixed_customer_address() {
        let body = br#"{"objectClassName":"ip network","name":"INDUS-SOFT-LHR","cidr0_cidrs":[{"length":29}],
            "entities":[{"roles":["registrant"],"vcardArray":["vcard",[["fn",{},"text","Indus Soft (Pvt) Ltd"]]]}]}"#;
        let r = parse_ip_network("39.32.10.5", body).expect("valid");
        let (h, why) = record_hint(&r);
        let why = why.text(crate::i18n::Lang::En);
        assert_eq!(h, NameHint::Static);
        assert!(why.contains("/29") && why.contains("Indus Soft"), "{why}");
    }

    #[test]
    fn malformed_and_hostile_answers_are_refused_or_ignored_field_by_field() {
        assert!(parse_ip_network("x", b"<html>rate limited</html>").is_err());
        assert!(
            parse_ip_network("x", br#"{"objectClassName":"domain"}"#).is_err(),
            "wrong object class"
        );
        let deep = format!("{}1{}", "[".repeat(5000), "]".repeat(5000));
        assert!(
            parse_ip_network("x", deep.as_bytes()).is_err(),
            "deep nesting is refused, not a stack overflow"
        );
        let odd = br#"{"objectClassName":"ip network","name":42,"country":"Pakistan","cidr0_cidrs":[{"length":999}],
            "entities":[{"roles":"registrant","vcardArray":"nope"}], "handle":"\u0007bell\u001b[31m"}"#;
        let r = parse_ip_network("39.32.10.5", odd).expect("an odd but valid record");
        assert_eq!(
            (r.name, r.country, r.prefix_len, r.holder),
            (None, None, None, None),
            "mistyped fields are not used"
        );
        assert_eq!(
            r.handle.as_deref(),
            Some("bell[31m"),
            "control characters are removed"
        );
    }
}
