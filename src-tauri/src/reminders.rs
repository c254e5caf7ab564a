//! Announces reminders: at start-up (so one that fell due while the app was closed fires
//! now), every minute while it runs, and right after anything that may add one (a status
//! change, a connection check that saw the IP drift). Each reminder is fired once by the core;
//! this module only turns the fired ones into desktop notifications, in the language the user
//! chose (or the system's), and tells the windows.

use std::time::Duration;

use tauri::{AppHandle, Manager, Runtime};
use tauri_plugin_notification::NotificationExt;

use crate::{ipc, state::AppState};

const TICK: Duration = Duration::from_secs(60);

/// Fires every due reminder once: a desktop notification each, and a `reminders-fired` event.
pub async fn announce_due(state: &AppState) {
    let fired = state
        .run(|store| {
            let now = jiff::Timestamp::now();
            let (pack, _) = store.current_rules()?;
            vca_core::reminders::sync(store, &pack, now)?;
            let lang = crate::state::user_lang(store)?;
            Ok((vca_core::reminders::fire_due(store, now)?, lang))
        })
        .await;
    let (fired, lang) = match fired {
        Ok(f) => f,
        Err(err) => {
            tracing::warn!(message = %err.message, "could not read the reminders");
            return;
        }
    };
    if fired.is_empty() {
        return;
    }
    let Ok(app) = state.app() else { return };
    for r in &fired {
        let shown = app
            .notification()
            .builder()
            .title(r.title.text(lang))
            .body(r.body.as_ref().map(|b| b.text(lang)).unwrap_or_default())
            .show();
        match shown {
            Ok(()) => tracing::info!(kind = ?r.kind, id = r.id, "reminder announced"),
            // The reminder stays in "needs attention" in the app either way.
            Err(err) => tracing::warn!(%err, id = r.id, "the desktop notification failed"),
        }
    }
    ipc::emit_reminders_fired(&app, &fired);
}

/// Starts the announcer on Tauri's async runtime.
pub fn spawn<R: Runtime>(app: AppHandle<R>) {
    tauri::async_runtime::spawn(async move {
        loop {
            announce_due(&app.state::<AppState>()).await;
            tokio::time::sleep(TICK).await;
        }
    });
}
