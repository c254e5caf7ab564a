//! The background connection watch: while the app runs, re-check on the user's schedule
//! (default every 6 hours) and when the computer's network changes, then tell the windows.
//!
//! It never runs the first check (that is the user's to start), never blocks the UI, and a
//! failed check is logged and retried on the next tick rather than surfaced as an error.

use std::time::Duration;

use tauri::{AppHandle, Manager, Runtime};
use vca_core::schedule::{NetworkFingerprint, check_due, network_changed};

use crate::{ipc, state::AppState};

/// How often the watch looks at the schedule and the network.
const TICK: Duration = Duration::from_secs(60);

fn fingerprint() -> NetworkFingerprint {
    NetworkFingerprint::new(
        vca_netcheck::local::interfaces()
            .into_iter()
            .flat_map(|i| i.addresses.into_iter().map(|a| a.address))
            .collect(),
    )
}

/// Starts the watch on Tauri's async runtime.
pub fn spawn<R: Runtime>(app: AppHandle<R>) {
    tauri::async_runtime::spawn(async move {
        let mut network = tauri::async_runtime::spawn_blocking(fingerprint)
            .await
            .unwrap_or_default();
        loop {
            tokio::time::sleep(TICK).await;
            let state = app.state::<AppState>();
            let now_network = tauri::async_runtime::spawn_blocking(fingerprint)
                .await
                .unwrap_or_default();
            let changed = network_changed(&network, &now_network);
            network = now_network;
            let due = state
                .run(|store| {
                    let every = store.settings()?.recheck_hours;
                    let last = store.latest_check()?.map(|c| c.checked_at);
                    Ok((
                        last.is_some(),
                        check_due(last, every, jiff::Timestamp::now()),
                    ))
                })
                .await;
            let run = match due {
                Ok((checked_before, due)) => due || (changed && checked_before),
                Err(err) => {
                    tracing::warn!(message = %err.message, "the connection watch could not read its schedule");
                    false
                }
            };
            if !run {
                continue;
            }
            tracing::info!(network_changed = changed, "automatic connection check");
            match state.check_connection().await {
                Ok(report) => ipc::emit_connection_checked(&app, &report),
                Err(err) => {
                    tracing::warn!(message = %err.message, "automatic connection check failed")
                }
            }
        }
    });
}
