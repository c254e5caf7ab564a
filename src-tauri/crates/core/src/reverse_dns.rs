//! What an address's reverse DNS name (PTR) suggests. ISPs often name pooled, dynamically
//! assigned addresses `dynamic`, `dhcp`, `pool`, `dsl`, `ppp`, `cable` or `broadband`, and
//! fixed ones `static`, `dedicated`, `business` or `fixed`. It is a hint, not proof.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The reverse DNS lookup of one public address.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReverseDns {
    /// The address looked up.
    pub address: String,
    /// The names found (usually one); empty when there is no PTR record.
    pub names: Vec<String>,
    /// Why the lookup failed, if it did (other than "no record").
    pub error: Option<String>,
}

/// What a name suggests.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum NameHint {
    /// Words used for dynamically assigned addresses.
    Dynamic,
    /// Words used for fixed addresses.
    Static,
    /// Both kinds of words, or none.
    Unclear,
}

const DYNAMIC_WORDS: &[&str] = &[
    "dynamic",
    "dyn",
    "dhcp",
    "pool",
    "dsl",
    "adsl",
    "vdsl",
    "ppp",
    "pppoe",
    "cable",
    "broadband",
    "dialup",
    "dial",
    "residential",
    "subscriber",
    "cust",
    "ftth-dyn",
    "mobile",
    "gprs",
    "lte",
];
const STATIC_WORDS: &[&str] = &[
    "static",
    "dedicated",
    "business",
    "fixed",
    "biz",
    "corporate",
    "leased",
    "sta",
];

/// The words a hint found, quoted and listed as evidence shows them: `"static", "biz"`.
pub fn quoted(words: &[String]) -> String {
    words
        .iter()
        .map(|w| format!("\"{w}\""))
        .collect::<Vec<_>>()
        .join(", ")
}

/// The words of `name` that suggest dynamic or static, and what they add up to.
pub fn hint(name: &str) -> (NameHint, Vec<String>) {
    let lower = name.to_lowercase();
    // Split on anything that is not a letter, so "dsl-39-32-10-5.ptcl.net.pk" yields "dsl".
    let words: Vec<&str> = lower
        .split(|c: char| !c.is_ascii_alphabetic())
        .filter(|w| !w.is_empty())
        .collect();
    let found = |list: &[&str]| -> Vec<String> {
        words
            .iter()
            .filter(|w| list.contains(w))
            .map(|w| (*w).to_owned())
            .collect()
    };
    let dynamic = found(DYNAMIC_WORDS);
    let fixed = found(STATIC_WORDS);
    let hint = match (dynamic.is_empty(), fixed.is_empty()) {
        (false, true) => NameHint::Dynamic,
        (true, false) => NameHint::Static,
        _ => NameHint::Unclear,
    };
    let mut words = dynamic;
    words.extend(fixed);
    (hint, words)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn isp_naming_conventions_are_read() {
        assert_eq!(
            hint("dsl-39-32-10-5.dynamic.ptcl.net.pk").0,
            NameHint::Dynamic
        );
        assert_eq!(
            hint("119-155-1-2.pool.broadband.example.pk").0,
            NameHint::Dynamic
        );
        assert_eq!(
            hint("static-39-32-10-5.business.nayatel.pk").0,
            NameHint::Static
        );
        assert_eq!(hint("host5.fixed-ip.example.net").0, NameHint::Static);
        assert_eq!(
            hint("mail.example.com").0,
            NameHint::Unclear,
            "no hint words"
        );
        assert_eq!(
            hint("static-pool-7.example.net").0,
            NameHint::Unclear,
            "both kinds"
        );
        assert_eq!(
            hint("dslam-room.example.net").0,
            NameHint::Unclear,
            "whole words only"
        );
        assert_eq!(
            hint("DSL-1-2-3-4.EXAMPLE.PK").1,
            vec!["dsl".to_owned()],
            "case does not matter"
        );
    }
}
