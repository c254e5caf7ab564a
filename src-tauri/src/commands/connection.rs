//! Commands of the Connection section: run a check, read the last one.

use tauri::State;
use vca_core::connection::ConnectionCheck;

use crate::{error::IpcError, state::AppState};

/// Runs a full connection check (both families, local view), stores it if it found an
/// address, and returns it. Takes a few seconds; runs on the async runtime, not the UI thread.
#[tauri::command]
pub async fn check_connection(state: State<'_, AppState>) -> Result<ConnectionCheck, IpcError> {
    let (cfg, clients) = state.net()?;
    let check = vca_netcheck::check(cfg, clients, jiff::Timestamp::now()).await;
    state
        .run(move |store| store.record_check(&check).map(|_| check))
        .await
}

/// The most recent stored check, if any.
#[tauri::command]
pub async fn latest_check(state: State<'_, AppState>) -> Result<Option<ConnectionCheck>, IpcError> {
    state.run(|store| store.latest_check()).await
}
