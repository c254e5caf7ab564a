//! Signed rules-pack files: how a newer pack reaches users without a new app release.
//!
//! A pack file is a small JSON envelope: the pack's exact bytes (base64) and an ed25519
//! signature over them. Signing the bytes, not a re-serialisation, means no JSON
//! canonicalisation is needed: what was signed is exactly what is parsed. Only the
//! project's key (its public half is compiled into the app) can make a file the app accepts.

use base64::{Engine, engine::general_purpose::STANDARD as BASE64};
use ed25519_dalek::{Signature, Signer, SigningKey, Verifier, VerifyingKey};
use serde::{Deserialize, Serialize};

use super::{RulesPack, validate::validate};

/// The largest pack file accepted; real packs are a few tens of kilobytes.
pub const MAX_FILE_BYTES: usize = 1024 * 1024;

/// The envelope's marker and version.
const ENVELOPE_FORMAT: u32 = 1;

/// The public half of the project's rules-pack signing key.
pub const PROJECT_KEY: [u8; 32] = [
    18, 189, 32, 244, 86, 179, 200, 232, 164, 238, 112, 192, 33, 113, 212, 45, 193, 202, 16, 252,
    88, 173, 19, 160, 111, 133, 7, 173, 110, 178, 144, 75,
];

/// The key the app trusts for rules packs.
pub fn project_key() -> VerifyingKey {
    #[allow(clippy::expect_used)] // `shipped_key_is_valid` proves the constant is a valid key.
    VerifyingKey::from_bytes(&PROJECT_KEY).expect("the project key is a valid ed25519 key")
}

#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
struct Envelope {
    vca_rules_pack: u32,
    payload: String,
    signature: String,
}

/// Why a pack file was refused. Each says what is wrong; the current pack stays.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum Refusal {
    /// Larger than [`MAX_FILE_BYTES`].
    #[error("the file is {0} bytes; a rules pack is at most 1 MB, so this is not one")]
    TooLarge(usize),
    /// Not a pack envelope at all.
    #[error("this is not a rules pack file ({0})")]
    NotAPackFile(String),
    /// The signature is missing or malformed.
    #[error("the rules pack is not signed")]
    Unsigned,
    /// The signature does not verify with the project's key.
    #[error(
        "the rules pack's signature does not match: it was changed after signing or not signed by the VPN Compliance Assistant project"
    )]
    BadSignature,
    /// The signed content is not a valid pack.
    #[error("the rules pack is malformed: {0}")]
    Malformed(String),
    /// Not newer than the pack in use.
    #[error(
        "the rules pack is version {offered}; the app already uses version {current}, so there is nothing to update"
    )]
    NotNewer {
        /// The file's version.
        offered: u32,
        /// The version in use.
        current: u32,
    },
}

/// Parses and validates a pack from its JSON bytes.
pub fn parse(bytes: &[u8]) -> Result<RulesPack, Refusal> {
    let pack: RulesPack =
        serde_json::from_slice(bytes).map_err(|e| Refusal::Malformed(e.to_string()))?;
    validate(&pack).map_err(Refusal::Malformed)?;
    Ok(pack)
}

/// Checks a pack file's envelope, signature and content, and returns the pack.
///
/// Does not compare versions; see [`accept_newer`].
pub fn open(file: &[u8], key: &VerifyingKey) -> Result<RulesPack, Refusal> {
    if file.len() > MAX_FILE_BYTES {
        return Err(Refusal::TooLarge(file.len()));
    }
    let value: serde_json::Value =
        serde_json::from_slice(file).map_err(|_| Refusal::NotAPackFile("not JSON".into()))?;
    if value.get("vcaRulesPack").is_none() {
        return Err(if value.get("format").is_some() {
            Refusal::Unsigned
        } else {
            Refusal::NotAPackFile("no rules pack marker".into())
        });
    }
    if value.get("signature").is_none() {
        return Err(Refusal::Unsigned);
    }
    let env: Envelope =
        serde_json::from_value(value).map_err(|e| Refusal::NotAPackFile(e.to_string()))?;
    if env.vca_rules_pack != ENVELOPE_FORMAT {
        return Err(Refusal::NotAPackFile(format!(
            "envelope format {} is not known to this app",
            env.vca_rules_pack
        )));
    }
    let payload = BASE64
        .decode(env.payload.as_bytes())
        .map_err(|_| Refusal::NotAPackFile("the payload is not base64".into()))?;
    let signature = BASE64
        .decode(env.signature.as_bytes())
        .ok()
        .and_then(|bytes| Signature::from_slice(&bytes).ok())
        .ok_or(Refusal::Unsigned)?;
    key.verify(&payload, &signature)
        .map_err(|_| Refusal::BadSignature)?;
    parse(&payload)
}

/// Like [`open`], and also refuses a pack that is not newer than `current_version`.
pub fn accept_newer(
    file: &[u8],
    key: &VerifyingKey,
    current_version: u32,
) -> Result<RulesPack, Refusal> {
    let pack = open(file, key)?;
    if pack.version <= current_version {
        return Err(Refusal::NotNewer {
            offered: pack.version,
            current: current_version,
        });
    }
    Ok(pack)
}

/// Signs a pack's JSON bytes into a pack file, after checking that they are a valid pack.
/// For maintainers publishing a new pack.
pub fn sign(pack_json: &[u8], key: &SigningKey) -> Result<Vec<u8>, Refusal> {
    parse(pack_json)?;
    let env = Envelope {
        vca_rules_pack: ENVELOPE_FORMAT,
        payload: BASE64.encode(pack_json),
        signature: BASE64.encode(key.sign(pack_json).to_bytes()),
    };
    serde_json::to_vec_pretty(&env).map_err(|e| Refusal::Malformed(e.to_string()))
}
