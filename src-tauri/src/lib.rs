//! The desktop app: a thin Tauri shell over `vca-core`.
//!
//! This crate owns the window, the IPC commands ([`commands`], declared once in [`ipc`]),
//! the one [`state::AppState`] and the IPC [`error`]. It holds no domain logic: every
//! command calls one core function. The builder is generic over the runtime so tests drive
//! the same handler through `tauri::test::mock_builder()`.

pub mod commands;
mod dialogs;
pub mod error;
pub mod ipc;
pub mod reminders;
pub mod state;
pub mod watch;

use std::{path::PathBuf, time::Instant};

use clap::Parser;
use tauri::{Builder, Runtime};

use crate::state::AppState;

/// Command-line options of the desktop app.
#[derive(Debug, Parser)]
#[command(
    name = "vpn-compliance-assistant",
    version,
    about = "VPN Compliance Assistant"
)]
pub struct AppArgs {
    /// Keep all data in this folder instead of the per-user data folder (portable installs, tests).
    #[arg(long, env = vca_core::data_dir::ENV_VAR, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Read the connection check's providers and timeouts from this TOML file.
    #[arg(long, env = "VCA_NET_CONFIG", value_name = "FILE")]
    pub net_config: Option<PathBuf>,
}

/// Installs the state and every command on `builder`.
pub fn configure<R: Runtime>(builder: Builder<R>, state: AppState) -> Builder<R> {
    builder.manage(state).invoke_handler(ipc::handler())
}

fn init_logging() {
    let filter = tracing_subscriber::EnvFilter::try_from_env("VCA_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("info"));
    // A second init (tests) is harmless; ignore it.
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
}

/// Starts the app; returns when the last window closes.
pub fn run() -> std::process::ExitCode {
    let started = Instant::now();
    let args = match AppArgs::try_parse() {
        Ok(args) => args,
        // --help and --version print and exit 0; bad flags print and exit 2.
        Err(err) => err.exit(),
    };
    init_logging();
    let state = AppState::open(
        args.data_dir.as_deref(),
        args.net_config.as_deref(),
        started,
    );
    match state.storage_error() {
        Some(err) => tracing::error!(message = %err.message, "the data store could not be opened"),
        None => tracing::info!(data_dir = %state.data_dir().display(), "data store open"),
    }
    let result = configure(tauri::Builder::default(), state)
        .plugin(tauri_plugin_dialog::init())
        .plugin(tauri_plugin_clipboard_manager::init())
        .plugin(tauri_plugin_notification::init())
        .plugin(tauri_plugin_opener::init())
        .setup(|app| {
            use tauri::Manager as _;
            app.state::<AppState>().attach(app.handle().clone());
            watch::spawn(app.handle().clone());
            reminders::spawn(app.handle().clone());
            Ok(())
        })
        .on_window_event(|window, event| {
            if let tauri::WindowEvent::DragDrop(tauri::DragDropEvent::Drop { paths, .. }) = event {
                use tauri::Manager as _;
                let dropped = window.state::<AppState>().remember_drop(paths.clone());
                let files: Vec<_> = dropped
                    .into_iter()
                    .map(|(index, name)| commands::documents::DroppedFile { index, name })
                    .collect();
                ipc::emit_files_dropped(window.app_handle(), &files);
            }
        })
        .run(tauri::generate_context!());
    match result {
        Ok(()) => std::process::ExitCode::SUCCESS,
        Err(err) => {
            tracing::error!(%err, "the app stopped with an error");
            eprintln!("VPN Compliance Assistant could not start: {err}");
            std::process::ExitCode::FAILURE
        }
    }
}
