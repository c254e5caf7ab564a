//! Commands over the document vault, the checklist and the exported package.
//!
//! Files enter only through a native dialog the backend opens or a drop on the window the
//! backend saw; the front end never passes a path, so it cannot make the app read one.

use base64::Engine as _;
use serde::Serialize;
use tauri::State;
use ts_rs::TS;
use vca_core::{
    checklist::Checklist,
    clock::today,
    documents::{Document, DocumentDates, DocumentInput},
    export::{ExportFormat, ExportReport},
    profile::Id,
};

use crate::{error::IpcError, state::AppState};

/// A file dropped on the window, waiting for the user to say what it is.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DroppedFile {
    /// Pass back to `import_dropped`.
    pub index: u32,
    /// Its name, safe to show.
    pub name: String,
}

/// The checklist of a profile.
#[tauri::command]
pub async fn checklist(state: State<'_, AppState>, profile_id: Id) -> Result<Checklist, IpcError> {
    let vault = state.vault()?;
    state
        .run(move |store| {
            let (pack, _) = store.current_rules()?;
            vca_core::checklist::for_profile(store, &vault, &pack, profile_id, today())
        })
        .await
}

async fn import(
    state: &AppState,
    profile_id: Id,
    path: std::path::PathBuf,
    requirement_id: String,
    dates: DocumentDates,
) -> Result<Document, IpcError> {
    let vault = state.vault()?;
    state
        .run(move |store| {
            let (pack, _) = store.current_rules()?;
            let limit = store.settings()?.max_document_bytes();
            vca_core::documents::import(
                store,
                &vault,
                &pack,
                profile_id,
                &DocumentInput {
                    path,
                    requirement_id,
                    issued_on: dates.issued_on,
                    expires_on: dates.expires_on,
                },
                limit,
                today(),
            )
        })
        .await
}

/// Asks for a file in a native dialog and adds it; `None` when the user cancels.
#[tauri::command]
pub async fn pick_document(
    state: State<'_, AppState>,
    profile_id: Id,
    requirement_id: String,
    dates: DocumentDates,
) -> Result<Option<Document>, IpcError> {
    let picked = crate::dialogs::pick_file(
        &state,
        "Add a document",
        "Documents",
        &["pdf", "jpg", "jpeg", "png"],
    )
    .await?;
    match picked {
        Some(path) => import(&state, profile_id, path, requirement_id, dates)
            .await
            .map(Some),
        None => Ok(None),
    }
}

/// Adds a file that was dropped on the window.
#[tauri::command]
pub async fn import_dropped(
    state: State<'_, AppState>,
    profile_id: Id,
    index: u32,
    requirement_id: String,
    dates: DocumentDates,
) -> Result<Document, IpcError> {
    let path = state.dropped(index)?;
    import(&state, profile_id, path, requirement_id, dates).await
}

/// Changes a document's issue and expiry dates.
#[tauri::command]
pub async fn update_document_dates(
    state: State<'_, AppState>,
    id: Id,
    dates: DocumentDates,
) -> Result<Document, IpcError> {
    state
        .run(move |store| store.update_document_dates(id, dates, today()))
        .await
}

/// Removes a document, and its stored file when nothing else uses it.
#[tauri::command]
pub async fn remove_document(state: State<'_, AppState>, id: Id) -> Result<(), IpcError> {
    let vault = state.vault()?;
    state
        .run(move |store| vca_core::documents::remove(store, &vault, id))
        .await
}

/// A small preview of an image document as a `data:` URL; `None` for PDFs and large files.
#[tauri::command]
pub async fn document_thumbnail(
    state: State<'_, AppState>,
    id: Id,
) -> Result<Option<String>, IpcError> {
    const MAX_PREVIEW_BYTES: u64 = 3 * 1024 * 1024;
    let vault = state.vault()?;
    state
        .run(move |store| {
            let doc = store.document(id)?;
            if !doc.file.file_type.is_image() || doc.file.size > MAX_PREVIEW_BYTES {
                return Ok(None);
            }
            let mut bytes = Vec::new();
            std::io::Read::read_to_end(&mut vault.read(&doc.file.sha256)?, &mut bytes).map_err(
                |source| vca_core::Error::Vault {
                    action: "read a file from the vault",
                    source,
                },
            )?;
            let b64 = base64::engine::general_purpose::STANDARD.encode(bytes);
            Ok(Some(format!(
                "data:{};base64,{b64}",
                doc.file.file_type.mime()
            )))
        })
        .await
}

/// Where one-click exports go: the Downloads folder (the XDG setting, else `~/Downloads` when it
/// exists, as on desktops without `user-dirs.dirs`), else the home folder.
fn export_folder(state: &AppState) -> std::path::PathBuf {
    directories::UserDirs::new()
        .and_then(|u| {
            let home = u.home_dir();
            u.download_dir()
                .map(std::path::Path::to_path_buf)
                .or_else(|| Some(home.join("Downloads")).filter(|d| d.is_dir()))
                .or_else(|| Some(home.to_path_buf()))
        })
        .filter(|p| p.is_dir())
        .unwrap_or_else(|| state.data_dir().join("exports"))
}

fn package_name(name: &str) -> String {
    let stem: String = name
        .chars()
        .map(|c| if c.is_alphanumeric() { c } else { '-' })
        .collect();
    format!("PTA-application-{}-{}", stem.trim_matches('-'), today())
}

/// Writes the submission package. With `choose`, asks where in a native dialog (`None` when
/// the user cancels); otherwise writes a new ZIP to the Downloads folder.
#[tauri::command]
pub async fn export_package(
    state: State<'_, AppState>,
    profile_id: Id,
    choose: bool,
) -> Result<Option<ExportReport>, IpcError> {
    let vault = state.vault()?;
    let store = state.store()?;
    let name = package_name(
        &store
            .profile_detail(profile_id)
            .map_err(IpcError::from)?
            .profile
            .name,
    );
    let (target, overwrite) = if choose {
        match crate::dialogs::save_file(
            &state,
            "Save the submission package",
            &format!("{name}.zip"),
            ("ZIP", "zip"),
        )
        .await?
        {
            Some(path) => (path, true),
            None => return Ok(None),
        }
    } else {
        let folder = export_folder(&state);
        std::fs::create_dir_all(&folder).map_err(|source| {
            IpcError::from(vca_core::Error::Vault {
                action: "create the export folder",
                source,
            })
        })?;
        let mut n = 1;
        let mut target = folder.join(format!("{name}.zip"));
        while target.exists() {
            n += 1;
            target = folder.join(format!("{name}-{n}.zip"));
        }
        (target, false)
    };
    state
        .run(move |store| {
            let (pack, _) = store.current_rules()?;
            let options = vca_core::export::ExportOptions {
                format: ExportFormat::Zip,
                overwrite,
                lang: crate::state::user_lang(store)?,
            };
            vca_core::export::for_profile(store, &vault, &pack, profile_id, &target, options)
        })
        .await
        .map(Some)
}
