//! The user's preferences: look, language and which profile is being worked on.
//!
//! Every field has a default, so a fresh install and a database with no settings rows
//! behave the same. A [`SettingsPatch`] changes only the fields it carries.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::profile::Id;

/// Light or dark, or whatever the operating system uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Theme {
    /// Follow the operating system.
    #[default]
    System,
    /// Always light.
    Light,
    /// Always dark.
    Dark,
}

/// The language of the interface.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Language {
    /// Follow the operating system's language, falling back to English.
    #[default]
    System,
    /// English.
    En,
    /// Urdu (right to left).
    Ur,
}

/// All settings.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    /// Light, dark or system.
    pub theme: Theme,
    /// Interface language.
    pub language: Language,
    /// The profile the app shows; `None` until one exists.
    pub active_profile_id: Option<Id>,
    /// Hours between automatic connection checks while the app runs; 0 turns them off.
    pub recheck_hours: u32,
    /// The largest file one document may be, in MB.
    pub max_document_mb: u32,
    /// Days without news after a submission before the app reminds to follow up.
    pub follow_up_days: u32,
}

impl Settings {
    /// [`Settings::max_document_mb`] in bytes.
    pub fn max_document_bytes(&self) -> u64 {
        u64::from(self.max_document_mb) * 1024 * 1024
    }
}

/// The default size limit for one document, in MB: more than any scan the portal takes.
pub const DEFAULT_MAX_DOCUMENT_MB: u32 = 20;

/// Follow up two weeks after a submission without news, unless the user says otherwise.
pub const DEFAULT_FOLLOW_UP_DAYS: u32 = 14;

/// The longest wait before a follow-up reminder, in days.
pub const MAX_FOLLOW_UP_DAYS: u32 = 180;

/// The largest size limit the user can set, in MB.
pub const MAX_DOCUMENT_MB_LIMIT: u32 = 500;

impl Default for Settings {
    fn default() -> Self {
        Self {
            theme: Theme::default(),
            language: Language::default(),
            active_profile_id: None,
            recheck_hours: crate::schedule::DEFAULT_RECHECK_HOURS,
            max_document_mb: DEFAULT_MAX_DOCUMENT_MB,
            follow_up_days: DEFAULT_FOLLOW_UP_DAYS,
        }
    }
}

/// The longest interval between automatic checks, in hours (a week).
pub const MAX_RECHECK_HOURS: u32 = 168;

/// A change to some settings; absent fields stay as they are.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct SettingsPatch {
    /// New theme.
    #[ts(optional)]
    pub theme: Option<Theme>,
    /// New language.
    #[ts(optional)]
    pub language: Option<Language>,
    /// New active profile.
    #[ts(optional)]
    pub active_profile_id: Option<Id>,
    /// New interval between automatic checks (0 = off, at most a week).
    #[ts(optional)]
    pub recheck_hours: Option<u32>,
    /// New size limit for one document, in MB.
    #[ts(optional)]
    pub max_document_mb: Option<u32>,
    /// New number of days before a follow-up reminder (1 to 180).
    #[ts(optional)]
    pub follow_up_days: Option<u32>,
}
