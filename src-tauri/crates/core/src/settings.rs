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
}

/// All settings.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Settings {
    /// Light, dark or system.
    pub theme: Theme,
    /// Interface language.
    pub language: Language,
    /// The profile the app shows; `None` until one exists.
    pub active_profile_id: Option<Id>,
}

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
}
