//! The checklist: which documents the chosen category needs, which are done, and the
//! checks the portal only makes after you submit (so a rejection costs days).

use jiff::civil::Date;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{
    applicant::ApplicantDetails,
    connection::ConnectionReport,
    documents::{Document, Finding, Severity, assess},
    eligibility::Decision,
    i18n::{self, Lang},
    profile::ProfileDetail,
    rules::{Category, Registers, Requirement, RulesPack},
    verdict::VerdictKind,
};

/// How far a slot is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SlotState {
    /// A document counts for it.
    Done,
    /// Documents were added, but none counts (expired, too small…).
    Problem,
    /// Nothing added yet.
    Missing,
}

/// A document with what is wrong with it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DocumentView {
    /// The document.
    pub document: Document,
    /// Its problems, blocking first.
    pub findings: Vec<Finding>,
    /// Whether it counts.
    pub counts: bool,
}

/// One line of the checklist: satisfied by any one of its requirements.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Slot {
    /// 1-based position, also the number in the exported file name.
    pub number: u32,
    /// The requirements any one of which satisfies it.
    pub requirements: Vec<Requirement>,
    /// How far it is.
    pub state: SlotState,
    /// The documents added for it, the one that counts first.
    pub documents: Vec<DocumentView>,
}

impl Slot {
    /// The document that counts, if any.
    pub fn chosen(&self) -> Option<&DocumentView> {
        self.documents.first().filter(|d| d.counts)
    }
}

/// Which check.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CheckId {
    /// Both CNIC sides are present.
    CnicBothSides,
    /// Every scan is readable and within the portal's size.
    ScansReadable,
    /// Nothing has expired.
    NothingExpired,
    /// The applicant details the category needs are filled.
    DetailsComplete,
    /// There is something to register (an IP, or a mobile number).
    SomethingToRegister,
    /// The IP to register is the one the connection check measured, and it is fixed.
    IpMatchesMeasured,
    /// Every IP has the subscriber ID from the ISP bill.
    SubscriberIds,
}

/// A check's result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum CheckState {
    /// Fine.
    Pass,
    /// Would be rejected.
    Fail,
    /// Cannot tell yet (e.g. no connection check).
    Unknown,
}

/// One check before submitting.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Check {
    /// Which.
    pub id: CheckId,
    /// Result.
    pub state: CheckState,
    /// What was found, in English words (the CLI's text).
    pub message: String,
    /// What was found, as a key with its values, for front ends that word it themselves.
    pub note: CheckNote,
}

/// What a check found: one variant per sentence, with the values the sentence names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", tag = "kind")]
pub enum CheckNote {
    /// Both CNIC sides are here.
    CnicBoth,
    /// The CNIC's front is missing.
    CnicFrontMissing,
    /// The CNIC's back is missing.
    CnicBackMissing,
    /// Neither CNIC side is here.
    CnicNone,
    /// Every scan is readable and small enough.
    ScansOk,
    /// These scans are too small or too large.
    ScansFix {
        /// Their file names.
        files: Vec<String>,
    },
    /// Nothing has expired.
    NothingExpired,
    /// These documents expired or are too old.
    Expired {
        /// Their file names.
        files: Vec<String>,
    },
    /// The details are complete.
    DetailsComplete,
    /// These details are missing.
    DetailsMissing {
        /// The fields (as in `ApplicantDetails`, camelCase).
        fields: Vec<String>,
    },
    /// This mobile number will be registered.
    MobileRegistered {
        /// The number.
        number: String,
    },
    /// No mobile number to register.
    MobileMissing,
    /// This many IPs will be registered.
    IpsToRegister {
        /// How many.
        count: u32,
    },
    /// No IP recorded.
    NoIp,
    /// The subscriber-ID check waits for an IP.
    SubscriberNoIp,
    /// Every IP has its subscriber ID.
    SubscriberOk,
    /// These IPs lack the subscriber ID.
    SubscriberMissing {
        /// The IPs.
        ips: Vec<String>,
    },
    /// No connection check yet.
    IpNotChecked,
    /// The last check found no public IP.
    IpNoneFound,
    /// The measured IP is not among those to register.
    IpNotListed {
        /// The measured IP.
        measured: String,
    },
    /// The measured IP is listed and looks fixed.
    IpFixed {
        /// The measured IP.
        measured: String,
    },
    /// The measured IP is listed; whether fixed is not known.
    IpUnknown {
        /// The measured IP.
        measured: String,
    },
    /// The measured IP is listed but not fixed.
    IpNotFixed {
        /// The measured IP.
        measured: String,
    },
}

impl CheckNote {
    /// The sentence in `lang`, from the domain catalogue (`documents.note.*`).
    pub fn text(&self, lang: Lang) -> String {
        let c = i18n::domain();
        let list = |items: &[String]| i18n::list(lang, items);
        let key = format!("documents.note.{}", i18n::variant_name(self));
        match self {
            Self::ScansFix { files } | Self::Expired { files } => {
                c.say(lang, &key, &[("files", list(files).into())])
            }
            Self::DetailsMissing { fields } => {
                let names: Vec<String> = fields
                    .iter()
                    .map(|f| c.template(lang, &format!("details.{f}")).to_owned())
                    .collect();
                c.say(lang, &key, &[("fields", list(&names).into())])
            }
            Self::MobileRegistered { number } => {
                c.say(lang, &key, &[("number", number.as_str().into())])
            }
            Self::IpsToRegister { count } => c.say(lang, &key, &[("count", (*count).into())]),
            Self::SubscriberMissing { ips } => c.say(lang, &key, &[("ips", list(ips).into())]),
            Self::IpNotListed { measured }
            | Self::IpFixed { measured }
            | Self::IpUnknown { measured }
            | Self::IpNotFixed { measured } => {
                c.say(lang, &key, &[("measured", measured.as_str().into())])
            }
            _ => c.say(lang, &key, &[]),
        }
    }
}

/// The whole checklist for a profile.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Checklist {
    /// The wizard's decision, once made.
    pub decision: Option<Decision>,
    /// The category applied in (from the decision).
    pub category: Option<Category>,
    /// The documents needed.
    pub slots: Vec<Slot>,
    /// Documents that no slot of the category uses.
    pub other_documents: Vec<DocumentView>,
    /// Checks before submitting.
    pub checks: Vec<Check>,
    /// Share of slots done, 0–100.
    pub readiness_percent: u8,
    /// Every slot done and every check passed.
    pub complete: bool,
}

/// What the checklist is built from.
#[derive(Debug)]
pub struct Inputs<'a> {
    /// The pack in use.
    pub pack: &'a RulesPack,
    /// The wizard's decision, if made.
    pub decision: Option<Decision>,
    /// The applicant details.
    pub details: &'a ApplicantDetails,
    /// The profile with its IPs.
    pub profile: &'a ProfileDetail,
    /// The latest connection report.
    pub report: Option<&'a ConnectionReport>,
    /// The profile's documents, newest first.
    pub documents: Vec<Document>,
    /// The hashes of the files present in the vault.
    pub in_vault: &'a std::collections::HashSet<String>,
    /// Today.
    pub today: Date,
}

fn view(doc: Document, pack: &RulesPack, inputs: &Inputs<'_>) -> DocumentView {
    let findings = match pack.requirement(&doc.requirement_id) {
        Some(req) => {
            let mut f = assess(
                &doc,
                req,
                inputs.today,
                inputs.in_vault.contains(&doc.file.sha256),
            );
            f.sort_by_key(|f| f.severity != Severity::Blocking);
            f
        }
        None => Vec::new(),
    };
    let counts = !findings.iter().any(|f| f.severity == Severity::Blocking);
    DocumentView {
        document: doc,
        findings,
        counts,
    }
}

fn check(id: CheckId, state: CheckState, note: CheckNote) -> Check {
    Check {
        id,
        state,
        message: note.text(Lang::En),
        note,
    }
}

/// Builds the checklist.
pub fn build(inputs: Inputs<'_>) -> Checklist {
    let pack = inputs.pack;
    let category = inputs.decision.as_ref().and_then(|d| d.category.clone());
    let mut views: Vec<Option<DocumentView>> = inputs
        .documents
        .iter()
        .cloned()
        .map(|d| Some(view(d, pack, &inputs)))
        .collect();
    let mut slots = Vec::new();
    for (i, ids) in category.iter().flat_map(|c| c.slots.iter()).enumerate() {
        let mut documents: Vec<DocumentView> = views
            .iter_mut()
            .filter(|v| {
                v.as_ref()
                    .is_some_and(|v| ids.contains(&v.document.requirement_id))
            })
            .filter_map(Option::take)
            .collect();
        documents.sort_by_key(|d| !d.counts);
        let state = match documents.first() {
            Some(d) if d.counts => SlotState::Done,
            Some(_) => SlotState::Problem,
            None => SlotState::Missing,
        };
        slots.push(Slot {
            number: u32::try_from(i + 1).unwrap_or(u32::MAX),
            requirements: ids
                .iter()
                .filter_map(|id| pack.requirement(id).cloned())
                .collect(),
            state,
            documents,
        });
    }
    let other_documents: Vec<DocumentView> = views.into_iter().flatten().collect();
    let checks = category
        .as_ref()
        .map(|c| checks(c, &slots, &inputs))
        .unwrap_or_default();
    let done = slots.iter().filter(|s| s.state == SlotState::Done).count();
    let readiness_percent = if slots.is_empty() {
        0
    } else {
        u8::try_from(done * 100 / slots.len()).unwrap_or(100)
    };
    let complete = !slots.is_empty()
        && done == slots.len()
        && checks.iter().all(|c| c.state == CheckState::Pass);
    Checklist {
        decision: inputs.decision,
        category,
        slots,
        other_documents,
        checks,
        readiness_percent,
        complete,
    }
}

fn checks(category: &Category, slots: &[Slot], inputs: &Inputs<'_>) -> Vec<Check> {
    let mut out = Vec::new();
    let has = |req: &str| {
        slots
            .iter()
            .any(|s| s.chosen().is_some_and(|d| d.document.requirement_id == req))
    };
    let needs_cnic = category
        .slots
        .iter()
        .flatten()
        .any(|r| r.starts_with("cnic-"));
    if needs_cnic {
        out.push(match (has("cnic-front"), has("cnic-back")) {
            (true, true) => check(
                CheckId::CnicBothSides,
                CheckState::Pass,
                CheckNote::CnicBoth,
            ),
            (false, true) => check(
                CheckId::CnicBothSides,
                CheckState::Fail,
                CheckNote::CnicFrontMissing,
            ),
            (true, false) => check(
                CheckId::CnicBothSides,
                CheckState::Fail,
                CheckNote::CnicBackMissing,
            ),
            (false, false) => check(
                CheckId::CnicBothSides,
                CheckState::Fail,
                CheckNote::CnicNone,
            ),
        });
    }
    // Only slots that no document satisfies can fail a check: an old scan the user has
    // since replaced with a good one does not matter.
    let unsatisfied = || {
        slots
            .iter()
            .filter(|s| s.chosen().is_none())
            .flat_map(|s| s.documents.iter())
    };
    let unreadable: Vec<String> = unsatisfied()
        .filter(|d| {
            d.findings.iter().any(|f| {
                matches!(
                    f.issue,
                    crate::documents::Issue::TooSmall { .. }
                        | crate::documents::Issue::TooLarge { .. }
                )
            })
        })
        .map(|d| d.document.file.original_name.clone())
        .collect();
    out.push(if unreadable.is_empty() {
        check(CheckId::ScansReadable, CheckState::Pass, CheckNote::ScansOk)
    } else {
        check(
            CheckId::ScansReadable,
            CheckState::Fail,
            CheckNote::ScansFix { files: unreadable },
        )
    });
    let expired: Vec<String> = unsatisfied()
        .filter(|d| {
            d.findings.iter().any(|f| {
                matches!(
                    f.issue,
                    crate::documents::Issue::Expired { .. }
                        | crate::documents::Issue::TooOld { .. }
                )
            })
        })
        .map(|d| d.document.file.original_name.clone())
        .collect();
    out.push(if expired.is_empty() {
        check(
            CheckId::NothingExpired,
            CheckState::Pass,
            CheckNote::NothingExpired,
        )
    } else {
        check(
            CheckId::NothingExpired,
            CheckState::Fail,
            CheckNote::Expired { files: expired },
        )
    });
    let missing = inputs.details.missing_for(category);
    out.push(if missing.is_empty() {
        check(
            CheckId::DetailsComplete,
            CheckState::Pass,
            CheckNote::DetailsComplete,
        )
    } else {
        check(
            CheckId::DetailsComplete,
            CheckState::Fail,
            CheckNote::DetailsMissing {
                fields: missing.iter().map(|f| (*f).to_owned()).collect(),
            },
        )
    });
    let ips = &inputs.profile.public_ips;
    match category.registers {
        Registers::MobileNumber => out.push(match &inputs.details.mobile {
            Some(m) => check(
                CheckId::SomethingToRegister,
                CheckState::Pass,
                CheckNote::MobileRegistered { number: m.clone() },
            ),
            None => check(
                CheckId::SomethingToRegister,
                CheckState::Fail,
                CheckNote::MobileMissing,
            ),
        }),
        Registers::StaticIp => {
            out.push(if ips.is_empty() {
                check(
                    CheckId::SomethingToRegister,
                    CheckState::Fail,
                    CheckNote::NoIp,
                )
            } else {
                check(
                    CheckId::SomethingToRegister,
                    CheckState::Pass,
                    CheckNote::IpsToRegister {
                        count: u32::try_from(ips.len()).unwrap_or(u32::MAX),
                    },
                )
            });
            out.push(ip_check(ips, inputs.report));
            let without: Vec<&str> = ips
                .iter()
                .filter(|ip| ip.subscriber_id.is_none())
                .map(|ip| ip.address.as_str())
                .collect();
            out.push(if ips.is_empty() {
                check(
                    CheckId::SubscriberIds,
                    CheckState::Unknown,
                    CheckNote::SubscriberNoIp,
                )
            } else if without.is_empty() {
                check(
                    CheckId::SubscriberIds,
                    CheckState::Pass,
                    CheckNote::SubscriberOk,
                )
            } else {
                check(
                    CheckId::SubscriberIds,
                    CheckState::Fail,
                    CheckNote::SubscriberMissing {
                        ips: without.iter().map(|ip| (*ip).to_owned()).collect(),
                    },
                )
            });
        }
    }
    out
}

fn ip_check(ips: &[crate::profile::PublicIp], report: Option<&ConnectionReport>) -> Check {
    let Some(report) = report else {
        return check(
            CheckId::IpMatchesMeasured,
            CheckState::Unknown,
            CheckNote::IpNotChecked,
        );
    };
    let Some(measured) = report.verdict.address.as_deref() else {
        return check(
            CheckId::IpMatchesMeasured,
            CheckState::Unknown,
            CheckNote::IpNoneFound,
        );
    };
    if !ips.iter().any(|ip| ip.address == measured) {
        return check(
            CheckId::IpMatchesMeasured,
            CheckState::Fail,
            CheckNote::IpNotListed {
                measured: measured.to_owned(),
            },
        );
    }
    match report.verdict.kind {
        VerdictKind::Static | VerdictKind::LikelyStatic => check(
            CheckId::IpMatchesMeasured,
            CheckState::Pass,
            CheckNote::IpFixed {
                measured: measured.to_owned(),
            },
        ),
        VerdictKind::Unknown => check(
            CheckId::IpMatchesMeasured,
            CheckState::Unknown,
            CheckNote::IpUnknown {
                measured: measured.to_owned(),
            },
        ),
        _ => check(
            CheckId::IpMatchesMeasured,
            CheckState::Fail,
            CheckNote::IpNotFixed {
                measured: measured.to_owned(),
            },
        ),
    }
}

/// The wizard's decision for a profile under `pack`, if the wizard was answered.
pub fn decision(
    store: &crate::store::Store,
    pack: &RulesPack,
    profile_id: crate::profile::Id,
) -> crate::Result<Option<Decision>> {
    store
        .eligibility_answers(profile_id)?
        .map(|answers| crate::eligibility::decide(pack, answers))
        .transpose()
}

/// Builds a profile's checklist from the store and the vault.
pub fn for_profile(
    store: &crate::store::Store,
    vault: &crate::vault::Vault,
    pack: &RulesPack,
    profile_id: crate::profile::Id,
    today: Date,
) -> crate::Result<Checklist> {
    let profile = store.profile_detail(profile_id)?;
    let report = store.latest_report()?;
    for_loaded_profile(store, vault, pack, &profile, report.as_ref(), today)
}

/// Like [`for_profile`], for a caller that has already loaded the profile and the latest
/// connection report (the overview), so they are not read twice.
pub fn for_loaded_profile(
    store: &crate::store::Store,
    vault: &crate::vault::Vault,
    pack: &RulesPack,
    profile: &ProfileDetail,
    report: Option<&ConnectionReport>,
    today: Date,
) -> crate::Result<Checklist> {
    let id = profile.profile.id;
    let details = store.applicant_details(id)?;
    let documents = store.list_documents(id)?;
    // One lookup per document of this profile, not a walk of the whole vault.
    let in_vault: std::collections::HashSet<String> = documents
        .iter()
        .filter(|d| vault.contains(&d.file.sha256))
        .map(|d| d.file.sha256.clone())
        .collect();
    Ok(build(Inputs {
        pack,
        decision: decision(store, pack, id)?,
        details: &details,
        profile,
        report,
        documents,
        in_vault: &in_vault,
        today,
    }))
}
