//! The rules pack's shape: what PTA asks of each kind of applicant, as data.
//!
//! The pack is JSON (`data/rules-pack.json` ships inside the app). Parsing is strict:
//! unknown fields are refused, so a typo in a pack is an error rather than a silently
//! ignored rule. [`super::validate`] then checks what types cannot: ids are unique,
//! references resolve, every answer to the wizard leads somewhere.

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

/// The pack format this build reads. A pack of another format is refused.
pub const FORMAT: u32 = 1;

/// Text in every language the pack carries. English is required; others fall back to it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(deny_unknown_fields)]
pub struct Text {
    /// English.
    pub en: String,
    /// Urdu, where translated.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub ur: Option<String>,
}

impl Text {
    /// The text in `lang`, English where it has no translation.
    pub fn in_lang(&self, lang: crate::i18n::Lang) -> &str {
        match (lang, &self.ur) {
            (crate::i18n::Lang::Ur, Some(ur)) => ur,
            _ => &self.en,
        }
    }
}

/// A public document a rule comes from.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Source {
    /// Referenced by requirements, categories and paths.
    pub id: String,
    /// What the document is.
    pub title: Text,
    /// Where to read it.
    pub url: String,
    /// When it was published.
    pub published: Date,
}

/// The kinds of file the vault recognises from their bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum FileType {
    /// PDF document.
    Pdf,
    /// JPEG image.
    Jpeg,
    /// PNG image.
    Png,
}

impl FileType {
    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Self::Pdf => "pdf",
            Self::Jpeg => "jpg",
            Self::Png => "png",
        }
    }

    /// The MIME type.
    pub fn mime(self) -> &'static str {
        match self {
            Self::Pdf => "application/pdf",
            Self::Jpeg => "image/jpeg",
            Self::Png => "image/png",
        }
    }

    /// Whether it is an image (has pixel dimensions).
    pub fn is_image(self) -> bool {
        matches!(self, Self::Jpeg | Self::Png)
    }
}

/// When a document counts as valid.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Validity {
    /// The document has an expiry date, which must not have passed.
    #[serde(default)]
    pub not_expired: bool,
    /// The document must have been issued within this many months.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub issued_within_months: Option<u32>,
    /// Scans narrower than this are too small to read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub min_width_px: Option<u32>,
    /// Scans lower than this are too small to read.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub min_height_px: Option<u32>,
    /// The portal refuses larger uploads.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional, type = "number")]
    pub max_bytes: Option<u64>,
}

/// One document an applicant may have to hand in.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Requirement {
    /// Stable id, e.g. `cnic-front`.
    pub id: String,
    /// Short name.
    pub title: Text,
    /// What exactly is wanted.
    pub description: Text,
    /// Accepted file types.
    pub file_types: Vec<FileType>,
    /// The file name stem in an exported package, e.g. `CNIC-front`.
    pub export_name: String,
    /// When the document counts as valid.
    #[serde(default)]
    pub validity: Validity,
    /// The [`Source`] id this comes from.
    pub source: String,
}

/// What an application registers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Registers {
    /// One or more fixed public IPs.
    StaticIp,
    /// A mobile number in the applicant's name.
    MobileNumber,
}

/// Where the application is filed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Portal {
    /// PTA's registration portal.
    Pta,
    /// PSEB's one-window portal.
    Pseb,
}

/// A kind of application on the portal, and the documents it needs.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Category {
    /// Stable id, e.g. `freelancer`.
    pub id: String,
    /// Short name.
    pub title: Text,
    /// Who it is for.
    pub description: Text,
    /// Where it is filed.
    pub portal: Portal,
    /// What gets registered.
    pub registers: Registers,
    /// PTA charges a fee from this many IPs on, if at all.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub fee_from_ip: Option<u32>,
    /// Each slot is satisfied by any one of its requirement ids.
    pub slots: Vec<Vec<String>>,
    /// The [`Source`] id this comes from.
    pub source: String,
}

/// The wizard's answers a path applies to; an absent list means any answer.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Conditions {
    /// Who is applying.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub applicant: Option<Vec<crate::eligibility::Applicant>>,
    /// Which VPN provider.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub provider: Option<Vec<crate::eligibility::VpnProvider>>,
    /// Whether the connection has a fixed IP.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub static_ip: Option<Vec<crate::eligibility::StaticIpAnswer>>,
}

/// What the applicant should do.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum OutcomeKind {
    /// Apply in the path's category.
    Register,
    /// Switch to a VPN provider licensed by PTA.
    UseLicensedProvider,
    /// No registration is needed.
    NothingNeeded,
}

/// One way through the wizard: the first path whose conditions match the answers wins.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Path {
    /// Stable id.
    pub id: String,
    /// Which answers it applies to.
    pub when: Conditions,
    /// What to do.
    pub outcome: OutcomeKind,
    /// The category to apply in, for [`OutcomeKind::Register`].
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[ts(optional)]
    pub category: Option<String>,
    /// Why, in plain words.
    pub why: Text,
    /// The [`Source`] id this comes from.
    pub source: String,
}

/// A VPN provider licensed by PTA.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LicensedProvider {
    /// The VPN's brand.
    pub name: String,
    /// The licensed company.
    pub company: String,
}

/// The providers PTA has licensed, as far as the pack knows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct LicensedProviders {
    /// How complete the list is.
    pub note: Text,
    /// The [`Source`] id this comes from.
    pub source: String,
    /// The providers.
    pub providers: Vec<LicensedProvider>,
}

/// A date by which applicants must have done something (e.g. registered), with the categories
/// it concerns; the app reminds ahead of it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct Deadline {
    /// Stable id.
    pub id: String,
    /// What must be done, e.g. "Register your VPN with PTA".
    pub title: Text,
    /// The last day.
    pub date: Date,
    /// The [`Category`] ids it concerns; empty means every category.
    #[serde(default)]
    pub categories: Vec<String>,
    /// The [`Source`] id announcing it.
    pub source: String,
}

/// A whole rules pack.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", deny_unknown_fields)]
pub struct RulesPack {
    /// The pack format; must be [`FORMAT`].
    pub format: u32,
    /// Increases with every release of the pack.
    pub version: u32,
    /// When this version was published.
    pub published: Date,
    /// What the pack covers.
    pub title: Text,
    /// Caveats for the reader.
    pub notes: Text,
    /// Public documents the rules come from.
    pub sources: Vec<Source>,
    /// Documents.
    pub requirements: Vec<Requirement>,
    /// Kinds of application.
    pub categories: Vec<Category>,
    /// The wizard's decision table, in order.
    pub paths: Vec<Path>,
    /// VPN providers licensed by PTA.
    pub licensed_providers: LicensedProviders,
    /// Deadlines announced by the regulator (none in packs before version 2).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    #[ts(as = "Option<Vec<Deadline>>", optional)]
    pub deadlines: Vec<Deadline>,
}

impl RulesPack {
    /// The requirement with this id.
    pub fn requirement(&self, id: &str) -> Option<&Requirement> {
        self.requirements.iter().find(|r| r.id == id)
    }

    /// The category with this id.
    pub fn category(&self, id: &str) -> Option<&Category> {
        self.categories.iter().find(|c| c.id == id)
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&Source> {
        self.sources.iter().find(|s| s.id == id)
    }
}
