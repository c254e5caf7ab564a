//! Native file dialogs, opened by the backend so the front end never names a path itself.

use std::path::PathBuf;

use tauri_plugin_dialog::DialogExt;

use crate::{error::IpcError, state::AppState};

/// Asks for one file of the kind named `kind` (e.g. "Documents") with one of `extensions`;
/// `None` when the user cancels.
pub async fn pick_file(
    state: &AppState,
    title: &str,
    kind: &str,
    extensions: &[&str],
) -> Result<Option<PathBuf>, IpcError> {
    let app = state.app()?;
    let title = title.to_owned();
    let kind = kind.to_owned();
    let extensions: Vec<String> = extensions.iter().map(|e| (*e).to_owned()).collect();
    tauri::async_runtime::spawn_blocking(move || {
        let exts: Vec<&str> = extensions.iter().map(String::as_str).collect();
        app.dialog()
            .file()
            .set_title(title)
            .add_filter(kind, &exts)
            .blocking_pick_file()
            .and_then(|p| p.into_path().ok())
    })
    .await
    .map_err(|e| IpcError::internal(format!("the file dialog failed: {e}")))
}

/// Asks where to save; `None` when the user cancels. `filter` names the file type and its
/// extension, e.g. `("ZIP", "zip")`.
pub async fn save_file(
    state: &AppState,
    title: &str,
    suggested: &str,
    filter: (&str, &str),
) -> Result<Option<PathBuf>, IpcError> {
    let app = state.app()?;
    let title = title.to_owned();
    let suggested = suggested.to_owned();
    let (kind, ext) = (filter.0.to_owned(), filter.1.to_owned());
    tauri::async_runtime::spawn_blocking(move || {
        app.dialog()
            .file()
            .set_title(title)
            .set_file_name(suggested)
            .add_filter(kind, &[ext.as_str()])
            .blocking_save_file()
            .and_then(|p| p.into_path().ok())
    })
    .await
    .map_err(|e| IpcError::internal(format!("the save dialog failed: {e}")))
}
