//! Commands of the firm view: every application in one table, its export, and the CSV
//! import of sites and public IPs.

use tauri::State;
use vca_core::{
    firm::{FirmPage, FirmQuery, ImportReport, TableFormat},
    profile::Id,
};

use crate::{error::IpcError, state::AppState};

/// One page of the firm view.
#[tauri::command]
pub async fn firm_page(state: State<'_, AppState>, query: FirmQuery) -> Result<FirmPage, IpcError> {
    state
        .run(move |store| vca_core::firm::page(store, &query))
        .await
}

/// Asks where to save and writes every row matching `query` (not only the page shown);
/// returns the file written, `None` when the user cancels.
#[tauri::command]
pub async fn export_applications(
    state: State<'_, AppState>,
    query: FirmQuery,
    format: TableFormat,
) -> Result<Option<String>, IpcError> {
    let (kind, ext) = match format {
        TableFormat::Csv => ("CSV", "csv"),
        TableFormat::Json => ("JSON", "json"),
    };
    let name = format!("applications-{}.{ext}", vca_core::clock::today());
    let Some(target) =
        crate::dialogs::save_file(&state, "Export the applications", &name, (kind, ext)).await?
    else {
        return Ok(None);
    };
    state
        .run(move |store| {
            vca_core::firm::export(store, &query, format, &target)?;
            Ok(Some(target.display().to_string()))
        })
        .await
}

/// Asks for a CSV file and imports its sites and public IPs into the profile; `None` when the
/// user cancels. Good rows are imported; each refused row is in the report with its reason.
#[tauri::command]
pub async fn import_sites(
    state: State<'_, AppState>,
    profile_id: Id,
) -> Result<Option<ImportReport>, IpcError> {
    let Some(path) =
        crate::dialogs::pick_file(&state, "Import sites and IPs", "CSV", &["csv", "txt"]).await?
    else {
        return Ok(None);
    };
    state
        .run(move |store| {
            let file = std::fs::File::open(&path).map_err(|source| vca_core::Error::Vault {
                action: "read the CSV file",
                source,
            })?;
            vca_core::firm::import_sites_csv(store, profile_id, std::io::BufReader::new(file))
        })
        .await
        .map(Some)
}
