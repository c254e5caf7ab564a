//! Commands for backing up and restoring the whole state (Settings → Backup).

use tauri::State;
use vca_core::backup::BackupReport;

use crate::{error::IpcError, state::AppState};

/// Asks where to save and writes a backup of the database and the vault; `None` when the
/// user cancels.
#[tauri::command]
pub async fn backup_data(state: State<'_, AppState>) -> Result<Option<BackupReport>, IpcError> {
    let name = format!(
        "VPN-Compliance-Assistant-backup-{}.vcabackup",
        vca_core::clock::today()
    );
    let Some(target) =
        crate::dialogs::save_file(&state, "Save a backup", &name, ("Backup", "vcabackup")).await?
    else {
        return Ok(None);
    };
    let dir = vca_core::data_dir::DataDir::at(state.data_dir()).map_err(IpcError::from)?;
    state
        .run(move |store| vca_core::backup::backup(store, &dir, &target, jiff::Timestamp::now()))
        .await
        .map(Some)
}

/// Asks for a backup, checks it completely and, if it is whole, restarts the app to swap it
/// in (the swap happens before the data store opens). `None` when the user cancels; a bad
/// archive is refused and nothing changes.
#[tauri::command]
pub async fn restore_data(state: State<'_, AppState>) -> Result<Option<BackupReport>, IpcError> {
    let Some(archive) =
        crate::dialogs::pick_file(&state, "Restore a backup", "Backup", &["vcabackup", "tar"])
            .await?
    else {
        return Ok(None);
    };
    let root = state.data_dir().to_path_buf();
    let report = tauri::async_runtime::spawn_blocking(move || {
        let dir = vca_core::data_dir::DataDir::at(&root)?;
        vca_core::backup::prepare_restore(&archive, &dir)
    })
    .await
    .map_err(|e| IpcError::internal(format!("a background task failed: {e}")))?
    .map_err(IpcError::from)?;
    let app = state.app()?;
    tauri::async_runtime::spawn(async move {
        // Let the window show that the backup was accepted, then restart into it.
        tokio::time::sleep(std::time::Duration::from_secs(2)).await;
        app.restart();
    });
    Ok(Some(report))
}
