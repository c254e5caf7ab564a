//! Commands over the user's settings.

use tauri::State;
use vca_core::settings::{Settings, SettingsPatch};

use crate::{error::IpcError, state::AppState};

/// The current settings.
#[tauri::command]
pub async fn get_settings(state: State<'_, AppState>) -> Result<Settings, IpcError> {
    state.run(|store| store.settings()).await
}

/// Changes some settings; returns them all.
#[tauri::command]
pub async fn update_settings(
    state: State<'_, AppState>,
    patch: SettingsPatch,
) -> Result<Settings, IpcError> {
    state.run(move |store| store.update_settings(&patch)).await
}
