//! Commands about the app itself: version, where data lives, the overview, start-up timing.

use serde::Serialize;
use tauri::State;
use ts_rs::TS;
use vca_core::overview::Overview;

use crate::{error::IpcError, state::AppState};

/// Facts about this installation, shown in Settings.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct AppInfo {
    /// The app's version.
    pub version: String,
    /// The data folder in use.
    pub data_dir: String,
    /// The database file, when the store is open.
    pub database_path: Option<String>,
    /// The schema version of the database, when the store is open.
    #[ts(type = "number | null")]
    pub schema_version: Option<usize>,
    /// Why the store could not be opened, if it could not.
    pub storage_error: Option<IpcError>,
}

/// Version, data folder and database facts. Never fails: it is how the UI learns about a broken store.
#[tauri::command]
pub async fn app_info(state: State<'_, AppState>) -> Result<AppInfo, IpcError> {
    let (database_path, schema_version) = match state.store() {
        Ok(store) => (
            Some(store.path().display().to_string()),
            tauri::async_runtime::spawn_blocking(move || store.schema_version().ok())
                .await
                .ok()
                .flatten(),
        ),
        Err(_) => (None, None),
    };
    Ok(AppInfo {
        version: vca_core::VERSION.to_owned(),
        data_dir: state.data_dir().display().to_string(),
        database_path,
        schema_version,
        storage_error: state.storage_error().cloned(),
    })
}

/// Readiness at a glance for the active profile.
#[tauri::command]
pub async fn overview(state: State<'_, AppState>) -> Result<Overview, IpcError> {
    let vault = state.vault()?;
    state
        .run(move |store| {
            let (pack, _) = store.current_rules()?;
            vca_core::overview::build(store, &vault, &pack, vca_core::clock::today())
        })
        .await
}

/// The UI calls this once it has rendered its first data; start-up time is logged.
#[tauri::command]
pub async fn ui_ready(state: State<'_, AppState>) -> Result<(), IpcError> {
    let elapsed = state.mark_interactive();
    tracing::info!(ms = elapsed.as_millis(), "interactive");
    Ok(())
}
