//! Commands over credentials. The front end gets a secret only from `reveal_credential`, on
//! the user's explicit action; `copy_credential` puts it on the clipboard from here, so the
//! web view never holds it, and takes it off again after [`SECRET_SECONDS`].

use std::time::Duration;

use secrecy::{ExposeSecret as _, SecretString};
use serde::Serialize;
use tauri::State;
use tauri_plugin_clipboard_manager::ClipboardExt as _;
use ts_rs::TS;
use vca_core::{
    credentials::{self, Credential, CredentialInput, KeychainStatus},
    profile::Id,
};

use crate::{error::IpcError, state::AppState};

/// How long a revealed secret stays shown, and a copied one on the clipboard.
pub const SECRET_SECONDS: u32 = 30;

/// A secret the user asked to see.
#[derive(Debug, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RevealedSecret {
    /// The secret itself.
    #[ts(type = "string")]
    pub secret: Exposed,
    /// Hide it again after this many seconds.
    pub hide_after_seconds: u32,
}

/// A secret that serialises as its plain text: used only by the one reply that shows it.
/// Its `Debug` still redacts.
#[derive(Debug)]
pub struct Exposed(SecretString);

impl Serialize for Exposed {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.serialize_str(self.0.expose_secret())
    }
}

/// What `copy_credential` did.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CopiedSecret {
    /// The clipboard is cleared after this many seconds, if it still holds the secret.
    pub clear_after_seconds: u32,
}

/// Which keychain holds credentials here, or why none can.
#[tauri::command]
pub async fn keychain_status(state: State<'_, AppState>) -> Result<KeychainStatus, IpcError> {
    state
        .with_keychain(|_, keychain| Ok(keychain.status()))
        .await
}

/// Every credential (never a secret).
#[tauri::command]
pub async fn list_credentials(state: State<'_, AppState>) -> Result<Vec<Credential>, IpcError> {
    state.run(credentials::list).await
}

/// Adds a credential.
#[tauri::command]
pub async fn add_credential(
    state: State<'_, AppState>,
    input: CredentialInput,
) -> Result<Credential, IpcError> {
    state
        .with_keychain(move |store, keychain| credentials::add(store, keychain, &input))
        .await
}

/// Changes a credential; a `null` secret keeps the stored one.
#[tauri::command]
pub async fn update_credential(
    state: State<'_, AppState>,
    id: Id,
    input: CredentialInput,
) -> Result<Credential, IpcError> {
    state
        .with_keychain(move |store, keychain| credentials::update(store, keychain, id, &input))
        .await
}

/// Deletes a credential from the keychain and the list.
#[tauri::command]
pub async fn delete_credential(state: State<'_, AppState>, id: Id) -> Result<(), IpcError> {
    state
        .with_keychain(move |store, keychain| credentials::remove(store, keychain, id))
        .await
}

/// The secret, for showing on the user's explicit request.
#[tauri::command]
pub async fn reveal_credential(
    state: State<'_, AppState>,
    id: Id,
) -> Result<RevealedSecret, IpcError> {
    let secret = state
        .with_keychain(move |store, keychain| credentials::secret(store, keychain, id))
        .await?;
    tracing::info!(id, "credential revealed");
    Ok(RevealedSecret {
        secret: Exposed(secret),
        hide_after_seconds: SECRET_SECONDS,
    })
}

/// Puts the secret on the clipboard (marked for clipboard managers not to keep), and clears
/// the clipboard after [`SECRET_SECONDS`] unless something else was copied meanwhile.
#[tauri::command]
pub async fn copy_credential(state: State<'_, AppState>, id: Id) -> Result<CopiedSecret, IpcError> {
    let secret = state
        .with_keychain(move |store, keychain| credentials::secret(store, keychain, id))
        .await?;
    let app = state.app()?;
    let writer = app.clone();
    // The clipboard blocks on Linux while it talks to the display server: off the UI thread.
    let secret = tauri::async_runtime::spawn_blocking(move || {
        writer
            .clipboard()
            .write_secret(secret.expose_secret())
            .map(|()| secret)
    })
    .await
    .map_err(|e| IpcError::internal(format!("a background task failed: {e}")))?
    .map_err(|e| IpcError::internal(format!("the clipboard could not be written: {e}")))?;
    tracing::info!(id, "credential copied to the clipboard");
    tauri::async_runtime::spawn(async move {
        tokio::time::sleep(Duration::from_secs(u64::from(SECRET_SECONDS))).await;
        let cleared = tauri::async_runtime::spawn_blocking(move || {
            let clipboard = app.clipboard();
            let now = clipboard.read_text().ok().map(SecretString::from);
            if still_holds(now.as_ref(), &secret) {
                clipboard.clear().map(|()| true)
            } else {
                Ok(false)
            }
        })
        .await;
        match cleared {
            Ok(Ok(true)) => tracing::info!(id, "clipboard cleared"),
            Ok(Ok(false)) => tracing::debug!(id, "clipboard holds something else; left alone"),
            Ok(Err(err)) => tracing::warn!(%err, "could not clear the clipboard"),
            Err(err) => tracing::warn!(%err, "the clipboard task failed"),
        }
    });
    Ok(CopiedSecret {
        clear_after_seconds: SECRET_SECONDS,
    })
}

/// Whether the clipboard's text is still the secret that was copied.
fn still_holds(clipboard: Option<&SecretString>, secret: &SecretString) -> bool {
    clipboard.is_some_and(|c| c.expose_secret() == secret.expose_secret())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_clipboard_is_cleared_only_while_it_still_holds_the_secret() {
        let secret = SecretString::from("tok-123");
        assert!(still_holds(Some(&SecretString::from("tok-123")), &secret));
        assert!(!still_holds(
            Some(&SecretString::from("my own note")),
            &secret
        ));
        assert!(!still_holds(None, &secret));
    }

    #[test]
    fn a_revealed_secret_is_plain_on_the_wire_but_redacted_in_debug() {
        let shown = RevealedSecret {
            secret: Exposed(SecretString::from("tok-123")),
            hide_after_seconds: SECRET_SECONDS,
        };
        let json = serde_json::to_value(&shown).expect("serialize");
        assert_eq!(json["secret"], "tok-123");
        assert_eq!(json["hideAfterSeconds"], 30);
        assert!(!format!("{shown:?}").contains("tok-123"));
    }
}
