//! Documents in the vault: what each is for, its dates, and what is wrong with it.
//!
//! Adding a document is two steps in a fixed order: the vault stores the file
//! ([`crate::vault::Vault::import`]), then the store records it. [`import`] does both;
//! [`reconcile`] repairs what a crash between them can leave.

use std::{collections::HashSet, path::PathBuf};

use jiff::{Timestamp, civil::Date};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{
    Error, Result,
    i18n::{self, Arg, Lang},
    profile::Id,
    rules::{Requirement, RulesPack},
    store::Store,
    vault::{StoredFile, Vault},
};

/// Days before expiry that a document starts to warn.
pub const EXPIRY_WARNING_DAYS: i64 = 30;

/// A document recorded for a profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Document {
    /// Row id.
    pub id: Id,
    /// The owning profile.
    pub profile_id: Id,
    /// The rules-pack requirement it satisfies.
    pub requirement_id: String,
    /// The stored file: hash, size, type, pixels and the name it had.
    #[serde(flatten)]
    #[ts(flatten)]
    pub file: StoredFile,
    /// When it was issued, if entered.
    pub issued_on: Option<Date>,
    /// When it expires, if entered.
    pub expires_on: Option<Date>,
    /// When it was added.
    pub added_at: Timestamp,
}

/// What the user gives to add a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DocumentInput {
    /// The file to copy in.
    #[ts(type = "string")]
    pub path: PathBuf,
    /// The requirement it satisfies.
    pub requirement_id: String,
    /// When it was issued.
    #[serde(default)]
    pub issued_on: Option<Date>,
    /// When it expires.
    #[serde(default)]
    pub expires_on: Option<Date>,
}

/// A change to a document's dates.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DocumentDates {
    /// When it was issued.
    pub issued_on: Option<Date>,
    /// When it expires.
    pub expires_on: Option<Date>,
}

impl DocumentDates {
    /// Refuses an issue date in the future and an expiry before the issue date.
    pub fn check(&self, today: Date) -> Result<()> {
        if let Some(issued) = self.issued_on {
            if issued > today {
                return Err(Error::invalid(
                    "issuedOn",
                    format!("the issue date {issued} is in the future"),
                ));
            }
            if let Some(expires) = self.expires_on.filter(|e| *e <= issued) {
                return Err(Error::invalid(
                    "expiresOn",
                    format!("the expiry date {expires} is not after the issue date {issued}"),
                ));
            }
        }
        Ok(())
    }
}

/// How much a problem matters.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Severity {
    /// The portal would reject it: the document does not count.
    Blocking,
    /// Worth fixing; the document still counts.
    Warning,
}

/// Something wrong with a document.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum Issue {
    /// Its expiry date has passed.
    Expired {
        /// The expiry date.
        on: Date,
    },
    /// It expires within [`EXPIRY_WARNING_DAYS`].
    ExpiresSoon {
        /// The expiry date.
        on: Date,
        /// Days left.
        days: i64,
    },
    /// The requirement needs an expiry date and none was entered.
    NeedsExpiryDate,
    /// Issued longer ago than the requirement allows.
    TooOld {
        /// The issue date.
        on: Date,
        /// The allowed age.
        months: u32,
    },
    /// The requirement limits its age and no issue date was entered.
    NeedsIssueDate,
    /// The scan is too small to read.
    TooSmall {
        /// Its width.
        width: u32,
        /// Its height.
        height: u32,
        /// The least width.
        min_width: u32,
        /// The least height.
        min_height: u32,
    },
    /// Larger than the portal accepts.
    TooLarge {
        /// Its size.
        #[ts(type = "number")]
        size: u64,
        /// The portal's limit.
        #[ts(type = "number")]
        max: u64,
    },
    /// The requirement does not accept its file type.
    TypeNotAccepted,
    /// The file is missing from the vault or damaged there.
    MissingFromVault,
}

impl Issue {
    /// Whether the document still counts.
    pub fn severity(&self) -> Severity {
        match self {
            Self::ExpiresSoon { .. } | Self::NeedsExpiryDate | Self::NeedsIssueDate => {
                Severity::Warning
            }
            _ => Severity::Blocking,
        }
    }

    /// The problem in `lang`, from the domain catalogue (`documents.finding.*`).
    pub fn text(&self, lang: Lang) -> String {
        let key = format!("documents.finding.{}", i18n::variant_name(self));
        let mb = |bytes: u64| format!("{:.1} MB", bytes as f64 / 1_048_576.0);
        let params: Vec<(&str, Arg)> = match self {
            Self::Expired { on } => vec![("on", on.to_string().into())],
            Self::ExpiresSoon { on, days } => {
                vec![("on", on.to_string().into()), ("days", (*days).into())]
            }
            Self::TooOld { on, months } => {
                vec![("on", on.to_string().into()), ("months", (*months).into())]
            }
            Self::TooSmall {
                width,
                height,
                min_width,
                min_height,
            } => vec![
                ("width", (*width).into()),
                ("height", (*height).into()),
                ("minWidth", (*min_width).into()),
                ("minHeight", (*min_height).into()),
            ],
            Self::TooLarge { size, max } => {
                vec![("size", mb(*size).into()), ("max", mb(*max).into())]
            }
            Self::NeedsExpiryDate
            | Self::NeedsIssueDate
            | Self::TypeNotAccepted
            | Self::MissingFromVault => Vec::new(),
        };
        i18n::domain().say(lang, &key, &params)
    }
}

/// A problem with its severity and words, as front ends show it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Finding {
    /// What is wrong.
    pub issue: Issue,
    /// Whether the document still counts.
    pub severity: Severity,
    /// In words.
    pub message: String,
}

/// Everything wrong with `doc` as evidence for `req` on `today`.
pub fn assess(doc: &Document, req: &Requirement, today: Date, in_vault: bool) -> Vec<Finding> {
    let v = &req.validity;
    let mut issues = Vec::new();
    if !in_vault {
        issues.push(Issue::MissingFromVault);
    }
    if !req.file_types.contains(&doc.file.file_type) {
        issues.push(Issue::TypeNotAccepted);
    }
    match doc.expires_on {
        Some(on) if on < today => issues.push(Issue::Expired { on }),
        Some(on) => {
            let days = (on - today).get_days().into();
            if days <= EXPIRY_WARNING_DAYS {
                issues.push(Issue::ExpiresSoon { on, days });
            }
        }
        None if v.not_expired => issues.push(Issue::NeedsExpiryDate),
        None => {}
    }
    if let Some(months) = v.issued_within_months {
        match doc.issued_on {
            Some(on) => {
                let limit = today.saturating_sub(jiff::Span::new().months(i64::from(months)));
                if on < limit {
                    issues.push(Issue::TooOld { on, months });
                }
            }
            None => issues.push(Issue::NeedsIssueDate),
        }
    }
    if let (Some(width), Some(height)) = (doc.file.width, doc.file.height) {
        let min_width = v.min_width_px.unwrap_or(0);
        let min_height = v.min_height_px.unwrap_or(0);
        // A portrait scan of a landscape card is fine: compare the long and short sides.
        let (long, short) = (width.max(height), width.min(height));
        if long < min_width.max(min_height) || short < min_width.min(min_height) {
            issues.push(Issue::TooSmall {
                width,
                height,
                min_width,
                min_height,
            });
        }
    }
    if let Some(max) = v.max_bytes.filter(|max| doc.file.size > *max) {
        issues.push(Issue::TooLarge {
            size: doc.file.size,
            max,
        });
    }
    issues
        .into_iter()
        .map(|issue| Finding {
            severity: issue.severity(),
            message: issue.text(Lang::En),
            issue,
        })
        .collect()
}

/// Copies the file into the vault and records it for `profile_id`.
///
/// The same file added twice for the same requirement is recorded once (the existing
/// record is returned). The size limit is the user's setting.
pub fn import(
    store: &Store,
    vault: &Vault,
    pack: &RulesPack,
    profile_id: Id,
    input: &DocumentInput,
    limit_bytes: u64,
    today: Date,
) -> Result<Document> {
    let req = pack.requirement(&input.requirement_id).ok_or_else(|| {
        Error::invalid(
            "requirementId",
            format!(
                "{:?} is not a document the rules ask for",
                input.requirement_id
            ),
        )
    })?;
    let dates = DocumentDates {
        issued_on: input.issued_on,
        expires_on: input.expires_on,
    };
    dates.check(today)?;
    store.profile_exists(profile_id)?;
    let stored = vault.import(&input.path, limit_bytes)?;
    if !req.file_types.contains(&stored.file_type) {
        return Err(Error::invalid(
            "file",
            format!(
                "{} is a {}, which is not accepted for {}",
                stored.original_name,
                stored.file_type.extension().to_uppercase(),
                req.title.en
            ),
        ));
    }
    store.add_document(profile_id, &req.id, &stored, dates)
}

/// Forgets a document, and removes its stored file when no other document uses it.
pub fn remove(store: &Store, vault: &Vault, id: Id) -> Result<()> {
    if let Some(sha) = store.remove_document(id)? {
        vault.remove(&sha)?;
    }
    Ok(())
}

/// Makes the vault and the database agree after a crash: removes stored files no record
/// (document or timeline attachment) refers to, and returns the records whose file is missing (shown as "add again").
pub fn reconcile(store: &Store, vault: &Vault) -> Result<Vec<Id>> {
    let referenced = store.document_hashes()?;
    let mut keep: HashSet<String> = referenced.iter().map(|(_, sha)| sha.clone()).collect();
    keep.extend(store.attachment_hashes()?);
    let pruned = vault.prune(&keep)?;
    if pruned > 0 {
        tracing::info!(pruned, "removed stored files no document refers to");
    }
    Ok(referenced
        .into_iter()
        .filter(|(_, sha)| !vault.contains(sha))
        .map(|(id, _)| id)
        .collect())
}
