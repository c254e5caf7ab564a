//! Requirements as data: the versioned, signed rules pack.
//!
//! PTA's rules changed four times in a year, so who must register and which documents they
//! hand in live in a pack (JSON), not in code. A pack ships inside the app
//! ([`shipped`]); a newer one can be imported from a signed file ([`signed`]) and is kept in
//! the database. The app always uses the newest valid pack it has ([`crate::store::Store::rules_pack`]).

mod pack;
pub mod signed;
mod validate;

use std::sync::LazyLock;

pub use pack::*;
pub use validate::validate;

/// The pack compiled into this build.
pub const SHIPPED_JSON: &str = include_str!("../../data/rules-pack.json");

static SHIPPED: LazyLock<RulesPack> = LazyLock::new(|| {
    #[allow(clippy::expect_used)] // `the_shipped_pack_is_valid` proves this cannot fail.
    signed::parse(SHIPPED_JSON.as_bytes()).expect("the shipped rules pack is valid")
});

/// The pack compiled into this build.
pub fn shipped() -> RulesPack {
    SHIPPED.clone()
}

/// What the app shows about the pack in use.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, ts_rs::TS)]
#[serde(rename_all = "camelCase")]
pub struct PackInfo {
    /// Its version.
    pub version: u32,
    /// When it was published.
    pub published: jiff::civil::Date,
    /// Its title.
    pub title: Text,
    /// Its caveats.
    pub notes: Text,
    /// Whether it is the one compiled into the app (otherwise it was imported).
    pub built_in: bool,
    /// When it was imported, if it was.
    pub imported_at: Option<jiff::Timestamp>,
}

#[cfg(test)]
mod tests {
    use ed25519_dalek::SigningKey;

    use super::{signed::*, *};

    fn test_key() -> SigningKey {
        SigningKey::from_bytes(&[7; 32])
    }

    fn with_version(version: u32) -> Vec<u8> {
        let mut value: serde_json::Value =
            serde_json::from_str(SHIPPED_JSON).expect("shipped pack is JSON");
        value["version"] = version.into();
        serde_json::to_vec(&value).expect("serialise")
    }

    #[test]
    fn the_shipped_pack_is_valid() {
        let pack = signed::parse(SHIPPED_JSON.as_bytes()).expect("valid");
        assert_eq!(pack.categories.len(), 5);
        assert!(pack.requirement("cnic-back").is_some());
    }

    #[test]
    fn shipped_key_is_valid() {
        assert!(ed25519_dalek::VerifyingKey::from_bytes(&PROJECT_KEY).is_ok());
    }

    #[test]
    fn a_signed_newer_pack_is_accepted() {
        let key = test_key();
        let file = sign(&with_version(2), &key).expect("sign");
        let pack = accept_newer(&file, &key.verifying_key(), 1).expect("accepted");
        assert_eq!(pack.version, 2);
    }

    #[test]
    fn a_pack_signed_by_another_key_is_refused() {
        let file = sign(&with_version(2), &test_key()).expect("sign");
        assert_eq!(
            accept_newer(&file, &project_key(), 1),
            Err(Refusal::BadSignature)
        );
    }

    #[test]
    fn an_unsigned_pack_is_refused_as_unsigned() {
        assert_eq!(
            accept_newer(&with_version(2), &test_key().verifying_key(), 1),
            Err(Refusal::Unsigned)
        );
        let mut env: serde_json::Value =
            serde_json::from_slice(&sign(&with_version(2), &test_key()).expect("sign"))
                .expect("json");
        env.as_object_mut().expect("object").remove("signature");
        let file = serde_json::to_vec(&env).expect("serialise");
        assert_eq!(
            accept_newer(&file, &test_key().verifying_key(), 1),
            Err(Refusal::Unsigned)
        );
    }

    #[test]
    fn a_tampered_pack_is_refused() {
        let key = test_key();
        let file = sign(&with_version(2), &key).expect("sign");
        let mut env: serde_json::Value = serde_json::from_slice(&file).expect("json");
        let tampered = String::from_utf8(with_version(2))
            .expect("utf8")
            .replace("CNIC, back side", "CNIC, optional");
        env["payload"] =
            base64::Engine::encode(&base64::engine::general_purpose::STANDARD, tampered).into();
        let file = serde_json::to_vec(&env).expect("serialise");
        assert_eq!(
            accept_newer(&file, &key.verifying_key(), 1),
            Err(Refusal::BadSignature)
        );
    }

    #[test]
    fn an_older_or_equal_pack_is_refused() {
        let key = test_key();
        let file = sign(&with_version(1), &key).expect("sign");
        assert_eq!(
            accept_newer(&file, &key.verifying_key(), 1),
            Err(Refusal::NotNewer {
                offered: 1,
                current: 1
            })
        );
    }

    #[test]
    fn malformed_packs_are_refused_with_the_reason() {
        let key = test_key();
        type Edit = Box<dyn Fn(&mut serde_json::Value)>;
        let cases: [(&str, Edit); 5] = [
            (
                "unknown requirement",
                Box::new(|v| v["categories"][0]["slots"][0][0] = "passport".into()),
            ),
            (
                "appears twice",
                Box::new(|v| v["requirements"][1]["id"] = "cnic-front".into()),
            ),
            (
                "no path covers",
                Box::new(|v| {
                    v["paths"].as_array_mut().expect("paths").pop();
                }),
            ),
            ("unknown field", Box::new(|v| v["surprise"] = true.into())),
            ("format", Box::new(|v| v["format"] = 2.into())),
        ];
        for (expected, edit) in cases {
            let mut value: serde_json::Value =
                serde_json::from_slice(&with_version(2)).expect("json");
            edit(&mut value);
            let bytes = serde_json::to_vec(&value).expect("serialise");
            let err = sign(&bytes, &key).expect_err("a malformed pack cannot even be signed");
            assert!(err.to_string().contains(expected), "{expected}: {err}");
        }
        assert!(matches!(
            open(b"%PDF-1.7 not a pack", &key.verifying_key()),
            Err(Refusal::NotAPackFile(_))
        ));
        assert!(matches!(
            open(&vec![b' '; MAX_FILE_BYTES + 1], &key.verifying_key()),
            Err(Refusal::TooLarge(_))
        ));
    }
}
