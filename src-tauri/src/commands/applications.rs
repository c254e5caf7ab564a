//! Commands of the Application section: applications, their timeline, and reminders.

use serde::{Deserialize, Serialize};
use tauri::State;
use ts_rs::TS;
use vca_core::{
    applications::{Application, ApplicationInput, ApplicationView, Status, TransitionInput},
    profile::Id,
    reminders::{CustomReminderInput, Reminder},
};

use crate::{error::IpcError, state::AppState};

/// A status change as the front end asks for it; files to keep with it are picked in a
/// native dialog the backend opens (`attach`), never named by the front end.
#[derive(Debug, Clone, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct StatusChange {
    /// The new status.
    pub to: Status,
    /// The day it happened; today when null.
    pub on: Option<jiff::civil::Date>,
    /// A note for the timeline.
    pub note: Option<String>,
    /// Why (required for a rejection).
    pub reason: Option<String>,
    /// The reference number, when submitting.
    pub reference: Option<String>,
}

/// Reminders of a profile: what needs attention now and what comes next.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RemindersView {
    /// Due and not done, oldest first.
    pub due: Vec<Reminder>,
    /// Not due yet, soonest first.
    pub upcoming: Vec<Reminder>,
}

/// A profile's applications, most recently changed first.
#[tauri::command]
pub async fn list_applications(
    state: State<'_, AppState>,
    profile_id: Id,
) -> Result<Vec<Application>, IpcError> {
    state
        .run(move |store| store.applications_of(profile_id))
        .await
}

/// One application with its timeline and the moves it allows.
#[tauri::command]
pub async fn application_view(
    state: State<'_, AppState>,
    id: Id,
) -> Result<ApplicationView, IpcError> {
    state
        .run(move |store| vca_core::applications::view(store, id))
        .await
}

/// Starts an application as a draft.
#[tauri::command]
pub async fn start_application(
    state: State<'_, AppState>,
    profile_id: Id,
    input: ApplicationInput,
) -> Result<Application, IpcError> {
    state
        .run(move |store| {
            vca_core::applications::start(store, profile_id, &input, jiff::Timestamp::now())
        })
        .await
}

/// Changes an application's details.
#[tauri::command]
pub async fn update_application(
    state: State<'_, AppState>,
    id: Id,
    input: ApplicationInput,
) -> Result<Application, IpcError> {
    state
        .run(move |store| vca_core::applications::update(store, id, &input, jiff::Timestamp::now()))
        .await
}

/// Deletes a draft application.
#[tauri::command]
pub async fn delete_application(state: State<'_, AppState>, id: Id) -> Result<(), IpcError> {
    state
        .run(move |store| vca_core::applications::delete(store, id))
        .await
}

/// Moves an application to a new status. With `attach`, first asks for a file to keep with
/// the entry (`None` when the user cancels the dialog: nothing changes).
#[tauri::command]
pub async fn move_application(
    state: State<'_, AppState>,
    id: Id,
    change: StatusChange,
    attach: bool,
) -> Result<Option<ApplicationView>, IpcError> {
    let attachments = if attach {
        match crate::dialogs::pick_file(
            &state,
            "Attach a file to the timeline",
            "Documents",
            &["pdf", "jpg", "jpeg", "png"],
        )
        .await?
        {
            Some(path) => vec![path],
            None => return Ok(None),
        }
    } else {
        Vec::new()
    };
    let vault = state.vault()?;
    let view = state
        .run(move |store| {
            let (pack, _) = store.current_rules()?;
            let settings = store.settings()?;
            vca_core::applications::transition(
                store,
                &vault,
                &pack,
                id,
                &TransitionInput {
                    to: change.to,
                    on: change.on,
                    note: change.note,
                    reason: change.reason,
                    reference: change.reference,
                    attachments,
                },
                settings.max_document_bytes(),
                settings.follow_up_days,
                jiff::Timestamp::now(),
            )
        })
        .await?;
    crate::reminders::announce_due(&state).await;
    Ok(Some(view))
}

/// What needs attention now and what comes next, for a profile.
#[tauri::command]
pub async fn list_reminders(
    state: State<'_, AppState>,
    profile_id: Id,
) -> Result<RemindersView, IpcError> {
    state
        .run(move |store| {
            let now = jiff::Timestamp::now();
            Ok(RemindersView {
                due: store.reminders_due(Some(profile_id), now)?,
                upcoming: store.reminders_upcoming(Some(profile_id), now, 20)?,
            })
        })
        .await
}

/// Sets a reminder of the user's own.
#[tauri::command]
pub async fn add_reminder(
    state: State<'_, AppState>,
    profile_id: Id,
    input: CustomReminderInput,
) -> Result<Reminder, IpcError> {
    let reminder = state
        .run(move |store| {
            vca_core::reminders::add_custom(store, profile_id, &input, jiff::Timestamp::now())
        })
        .await?;
    crate::reminders::announce_due(&state).await;
    Ok(reminder)
}

/// Marks a reminder done.
#[tauri::command]
pub async fn complete_reminder(state: State<'_, AppState>, id: Id) -> Result<(), IpcError> {
    state
        .run(move |store| store.complete_reminder(id, jiff::Timestamp::now()))
        .await
}
