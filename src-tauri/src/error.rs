//! The error that crosses IPC: `{ code, message, field }`.
//!
//! `code` is a closed set the UI branches on; `message` is for the person and is shown as is;
//! `field` names the input at fault for inline display. Messages come from the core, which
//! never puts a secret in one.

use serde::Serialize;
use ts_rs::TS;
use vca_core::ErrorKind;

/// What the UI does with an error.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ErrorCode {
    /// Show the message next to `field`; the user can correct it.
    InvalidInput,
    /// The thing is gone; reload the view.
    NotFound,
    /// The data folder or database cannot be used; show a banner with the message.
    StorageUnavailable,
    /// The OS keychain is missing, locked or refused; credentials are unavailable, the rest
    /// of the app works. The message says which and what to do.
    KeychainUnavailable,
    /// A bug; show the message and suggest reporting it.
    Internal,
}

/// The error every command returns.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct IpcError {
    /// What kind of failure this is.
    pub code: ErrorCode,
    /// A readable sentence for the user.
    pub message: String,
    /// The input at fault, for `invalidInput`.
    pub field: Option<String>,
}

impl IpcError {
    /// An internal error with `message`.
    pub fn internal(message: impl Into<String>) -> Self {
        Self {
            code: ErrorCode::Internal,
            message: message.into(),
            field: None,
        }
    }
}

impl From<vca_core::Error> for IpcError {
    fn from(err: vca_core::Error) -> Self {
        let code = match err.kind() {
            ErrorKind::InvalidInput => ErrorCode::InvalidInput,
            ErrorKind::NotFound => ErrorCode::NotFound,
            ErrorKind::StorageUnavailable => ErrorCode::StorageUnavailable,
            ErrorKind::Keychain => ErrorCode::KeychainUnavailable,
            _ => ErrorCode::Internal,
        };
        if code == ErrorCode::Internal || code == ErrorCode::StorageUnavailable {
            tracing::error!(error = %err, "command failed");
        }
        Self {
            code,
            message: capitalise(&err.to_string()),
            field: err.field().map(str::to_owned),
        }
    }
}

/// `s` with its first letter in upper case, for errors shown as sentences.
pub(crate) fn capitalise(s: &str) -> String {
    let mut chars = s.chars();
    match chars.next() {
        Some(first) => first.to_uppercase().chain(chars).collect(),
        None => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_errors_keep_their_field_and_read_as_sentences() {
        let err = IpcError::from(vca_core::Error::invalid(
            "address",
            "the IP address is required",
        ));
        assert_eq!(err.code, ErrorCode::InvalidInput);
        assert_eq!(err.message, "The IP address is required");
        assert_eq!(err.field.as_deref(), Some("address"));
        let json = serde_json::to_value(&err).expect("serialize");
        assert_eq!(
            json["code"], "invalidInput",
            "codes are camelCase on the wire"
        );
    }
}
