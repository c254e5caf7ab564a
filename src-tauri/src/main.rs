//! Entry point of the desktop app.
// Windows release builds have no console window.
#![cfg_attr(not(debug_assertions), windows_subsystem = "windows")]

fn main() -> std::process::ExitCode {
    vca_app::run()
}
