//! Commands over the rules pack: what is in use, and importing a newer signed one.

use serde::Serialize;
use tauri::State;
use ts_rs::TS;
use vca_core::rules::{PackInfo, RulesPack};

use crate::{error::IpcError, state::AppState};

/// The pack in use, whole.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RulesView {
    /// Its version, date and origin.
    pub info: PackInfo,
    /// The pack.
    pub pack: RulesPack,
}

/// The rules pack in use.
#[tauri::command]
pub async fn rules_info(state: State<'_, AppState>) -> Result<RulesView, IpcError> {
    state
        .run(|store| {
            store
                .current_rules()
                .map(|(pack, info)| RulesView { info, pack })
        })
        .await
}

/// Asks for a pack file in a native dialog and imports it; `None` when the user cancels.
/// A file that is unsigned, tampered, not newer or malformed is refused with the reason.
#[tauri::command]
pub async fn import_rules_pack(state: State<'_, AppState>) -> Result<Option<PackInfo>, IpcError> {
    let Some(path) = crate::dialogs::pick_file(
        &state,
        "Import a rules pack",
        "Rules pack",
        &["vcarules", "json"],
    )
    .await?
    else {
        return Ok(None);
    };
    state
        .run(move |store| {
            let bytes = std::fs::read(&path).map_err(|e| {
                vca_core::Error::invalid("file", format!("the file could not be read: {e}"))
            })?;
            store.import_rules_pack(&bytes, &vca_core::rules::signed::project_key())
        })
        .await
        .map(Some)
}
