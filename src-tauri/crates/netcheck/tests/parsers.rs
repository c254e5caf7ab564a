//! Property tests of the answer parsers: whatever bytes a provider sends, parsing never
//! panics, and an address is accepted only when the answer really is that address.
//! Failing cases found here are kept in `proptest-regressions/` and replayed on every run.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::net::IpAddr;

use proptest::prelude::*;
use vca_netcheck::answer::{AnswerFormat, parse};

fn formats() -> impl Strategy<Value = AnswerFormat> {
    prop_oneof![
        Just(AnswerFormat::Plain),
        Just(AnswerFormat::Json { field: "ip".into() }),
        Just(AnswerFormat::Trace { key: "ip".into() }),
    ]
}

fn any_ip() -> impl Strategy<Value = IpAddr> {
    prop_oneof![
        any::<[u8; 4]>().prop_map(IpAddr::from),
        any::<[u8; 16]>().prop_map(IpAddr::from)
    ]
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn arbitrary_bytes_never_panic(format in formats(), body in proptest::collection::vec(any::<u8>(), 0..600)) {
        let _ = parse(&format, &body);
    }

    #[test]
    fn arbitrary_text_is_accepted_only_when_it_is_an_address(format in formats(), body in "\\PC{0,200}") {
        // (IPv6 has several spellings of one address, so only IPv4 is checked by text.)
        if let Ok(ip @ IpAddr::V4(_)) = parse(&format, body.as_bytes()) {
            prop_assert!(body.contains(&ip.to_string()), "accepted {ip} from {body:?}");
        }
    }

    #[test]
    fn every_address_round_trips_in_every_format(ip in any_ip(), pad in "[ \t\r\n]{0,3}") {
        let plain = format!("{pad}{ip}{pad}");
        prop_assert_eq!(parse(&AnswerFormat::Plain, plain.as_bytes()).ok(), Some(ip));
        let json = format!(r#"{{"city":"Karachi","ip":"{ip}"}}"#);
        prop_assert_eq!(parse(&AnswerFormat::Json { field: "ip".into() }, json.as_bytes()).ok(), Some(ip));
        let trace = format!("fl=7\nip={ip}\nloc=PK\n");
        prop_assert_eq!(parse(&AnswerFormat::Trace { key: "ip".into() }, trace.as_bytes()).ok(), Some(ip));
    }

    #[test]
    fn an_address_with_anything_appended_is_refused(ip in any_ip(), tail in "[a-zA-Z<>/ ]{1,20}") {
        let body = format!("{ip} {tail}x");
        prop_assert!(parse(&AnswerFormat::Plain, body.as_bytes()).is_err(), "accepted {body:?}");
    }

    #[test]
    fn arbitrary_bytes_never_panic_the_rdap_parser(body in proptest::collection::vec(any::<u8>(), 0..800)) {
        let _ = vca_core::registry::parse_ip_network("39.32.10.5", &body);
    }

    #[test]
    fn arbitrary_json_records_never_panic_and_keep_fields_bounded(
        name in "\\PC{0,300}",
        len in any::<u64>(),
        country in "\\PC{0,5}",
    ) {
        let body = serde_json::json!({
            "objectClassName": "ip network", "name": name, "country": country,
            "cidr0_cidrs": [{"length": len}],
            "entities": [{"roles": ["registrant"], "vcardArray": ["vcard", [["fn", {}, "text", name]]]}],
        });
        let r = vca_core::registry::parse_ip_network("39.32.10.5", body.to_string().as_bytes()).expect("a valid record");
        prop_assert!(r.name.as_ref().is_none_or(|n| n.chars().count() <= 200 && !n.chars().any(char::is_control)));
        prop_assert!(r.prefix_len.is_none_or(|l| l <= 128));
        prop_assert!(r.country.as_ref().is_none_or(|c| c.len() == 2));
    }
}
