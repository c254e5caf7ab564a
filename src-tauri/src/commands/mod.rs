//! The IPC commands, one file per area. Each command unpacks state, calls one core
//! function off the UI thread and maps the error; no logic lives here.

pub mod app;
pub mod applications;
pub mod backup;
pub mod connection;
pub mod credentials;
pub mod documents;
pub mod eligibility;
pub mod firm;
pub mod portal;
pub mod profiles;
pub mod rules;
pub mod settings;
