//! Commands of the Connection section: run a check, read the last one.

use tauri::State;
use vca_core::connection::ConnectionReport;

use crate::{error::IpcError, state::AppState};

/// Runs a full connection check (both families, local view, reverse DNS), stores it if it
/// found an address, and returns it with its verdict. Takes a few seconds; runs on the async
/// runtime, not the UI thread.
#[tauri::command]
pub async fn check_connection(state: State<'_, AppState>) -> Result<ConnectionReport, IpcError> {
    state.check_connection().await
}

/// The most recent stored check with its verdict, if any.
#[tauri::command]
pub async fn latest_report(
    state: State<'_, AppState>,
) -> Result<Option<ConnectionReport>, IpcError> {
    state.run(|store| store.latest_report()).await
}
