//! The portal helper: open the official page in the system browser and show each value the
//! portal asks for, ready to copy. Nothing is typed into or submitted on the portal.

use tauri::State;
use tauri_plugin_opener::OpenerExt;
use vca_core::{portal::PortalHelper, profile::Id};

use crate::{error::IpcError, state::AppState};

/// The page and the values for application `id`.
#[tauri::command]
pub async fn portal_helper(state: State<'_, AppState>, id: Id) -> Result<PortalHelper, IpcError> {
    state
        .run(move |store| {
            let (pack, _) = store.current_rules()?;
            vca_core::portal::helper(store, &pack, id)
        })
        .await
}

/// Opens the official portal page of application `id` in the system browser. Only the
/// https address from the (signed) rules pack is ever opened; the front end cannot name one.
#[tauri::command]
pub async fn open_portal(state: State<'_, AppState>, id: Id) -> Result<(), IpcError> {
    let helper = portal_helper(state.clone(), id).await?;
    let url = helper
        .url
        .filter(|u| u.starts_with("https://"))
        .ok_or_else(|| {
            IpcError::internal("this application is not filed on a portal with a known address")
        })?;
    state
        .app()?
        .opener()
        .open_url(url, None::<&str>)
        .map_err(|e| IpcError::internal(format!("the browser could not be opened: {e}")))
}
