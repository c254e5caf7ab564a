//! Readiness at a glance: the steps from "who are you" to "whitelisted", and where the user is.
//!
//! Each step is computed from stored data. Steps whose features are not in this version yet
//! say so (`Upcoming`) and do not count toward the percentage, so it never claims progress
//! the app cannot check.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use jiff::civil::Date;

use crate::{
    Result,
    profile::Profile,
    rules::{OutcomeKind, RulesPack},
    store::Store,
    vault::Vault,
    verdict::{UnknownReason, VerdictKind},
};

/// The connection verdict in one line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ConnectionLine {
    /// The verdict of the latest check.
    pub verdict: VerdictKind,
    /// Why it is unknown, when it is.
    pub unknown_reason: Option<UnknownReason>,
    /// The public address judged.
    pub address: Option<String>,
    /// When the check ran.
    pub checked_at: jiff::Timestamp,
}

/// One step of the journey.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum StepKey {
    /// Tell the app who is applying.
    Profile,
    /// Record the public IP(s) to register.
    PublicIp,
    /// Check the connection: static, dynamic or CGNAT.
    Connection,
    /// Find the right application path.
    Eligibility,
    /// Gather the documents.
    Documents,
    /// Submit and track the application.
    Application,
}

/// Where a step stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum StepState {
    /// Finished.
    Done,
    /// Waiting for the user.
    Todo,
    /// Arrives in a later version of the app; not counted.
    Upcoming,
    /// Not needed on the applicant's path (e.g. no documents when nothing must be
    /// registered); not counted.
    NotNeeded,
}

/// The document kit in one line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct DocumentsLine {
    /// Where the wizard led.
    pub outcome: OutcomeKind,
    /// The category applied in, for `register`.
    pub category_title: Option<crate::rules::Text>,
    /// Share of required documents done, 0–100 (the Documents page's figure).
    pub readiness_percent: u8,
    /// Required documents not done yet.
    pub missing: u32,
    /// Every document and every check before submitting is fine.
    pub complete: bool,
}

/// The application that matters most right now, in one line.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationLine {
    /// Which one.
    pub id: crate::profile::Id,
    /// Its name.
    pub title: String,
    /// Where it stands.
    pub status: crate::applications::Status,
    /// What to do next.
    pub next_action: crate::applications::NextAction,
    /// The portal's reference number, once known.
    pub reference: Option<String>,
}

/// A step and its state.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ReadinessStep {
    /// Which step.
    pub key: StepKey,
    /// Its state.
    pub state: StepState,
}

/// What the Overview shows.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Overview {
    /// The active profile, if any.
    pub profile: Option<Profile>,
    /// How many public IPs it has recorded.
    pub public_ip_count: u32,
    /// The latest connection verdict, if a check has run.
    pub connection: Option<ConnectionLine>,
    /// The wizard's outcome and the document kit, once the wizard was answered.
    pub documents: Option<DocumentsLine>,
    /// Every step in order.
    pub steps: Vec<ReadinessStep>,
    /// Done steps as a share of counted steps, 0–100.
    pub readiness_percent: u8,
    /// The registration furthest along (approved first), if one was started.
    pub application: Option<ApplicationLine>,
    /// Reminders due and not done ("needs attention").
    pub attention: Vec<crate::reminders::Reminder>,
}

impl Overview {
    /// Builds the overview from the steps' states.
    fn from_parts(
        profile: Option<Profile>,
        public_ip_count: u32,
        connection: Option<ConnectionLine>,
        documents: Option<DocumentsLine>,
        application: Option<ApplicationLine>,
        attention: Vec<crate::reminders::Reminder>,
    ) -> Self {
        let state = |done: bool| {
            if done {
                StepState::Done
            } else {
                StepState::Todo
            }
        };
        let steps = vec![
            ReadinessStep {
                key: StepKey::Profile,
                state: state(profile.is_some()),
            },
            ReadinessStep {
                key: StepKey::PublicIp,
                state: state(public_ip_count > 0),
            },
            ReadinessStep {
                key: StepKey::Connection,
                // Done once the verdict says the IP can be registered.
                state: state(connection.as_ref().is_some_and(|c| {
                    matches!(c.verdict, VerdictKind::Static | VerdictKind::LikelyStatic)
                })),
            },
            ReadinessStep {
                key: StepKey::Eligibility,
                state: state(documents.is_some()),
            },
            ReadinessStep {
                key: StepKey::Documents,
                state: match &documents {
                    Some(d) if d.outcome != OutcomeKind::Register => StepState::NotNeeded,
                    Some(d) => state(d.missing == 0),
                    None => StepState::Todo,
                },
            },
            ReadinessStep {
                key: StepKey::Application,
                state: match &documents {
                    Some(d) if d.outcome != OutcomeKind::Register => StepState::NotNeeded,
                    _ => state(
                        application
                            .as_ref()
                            .is_some_and(|a| a.status == crate::applications::Status::Approved),
                    ),
                },
            },
        ];
        let counted = steps
            .iter()
            .filter(|s| !matches!(s.state, StepState::Upcoming | StepState::NotNeeded))
            .count();
        let done = steps.iter().filter(|s| s.state == StepState::Done).count();
        let readiness_percent = match counted {
            0 => 0,
            n => u8::try_from(done * 100 / n).unwrap_or(100),
        };
        Self {
            profile,
            public_ip_count,
            connection,
            documents,
            steps,
            readiness_percent,
            application,
            attention,
        }
    }
}

/// How far along a status is, for picking the application to show: approved first, then the
/// ones in progress, then drafts; closed ones last.
fn progress(status: crate::applications::Status) -> u8 {
    use crate::applications::Status::*;
    match status {
        Approved => 6,
        Delisted | RenewalDue | MoreInfoRequested | Rejected => 5,
        Submitted | Resubmitted | IspVerification | UnderReview => 4,
        Ready => 3,
        Draft => 2,
        Withdrawn => 0,
    }
}

fn application_line(
    store: &Store,
    profile_id: crate::profile::Id,
) -> Result<Option<ApplicationLine>> {
    let best = store
        .applications_of(profile_id)?
        .into_iter()
        .filter(|a| a.kind == crate::applications::ApplicationKind::Registration)
        // Most recently changed first, so among equals the latest wins.
        .fold(
            None::<crate::applications::Application>,
            |best, a| match best {
                Some(b) if progress(b.status) >= progress(a.status) => Some(b),
                _ => Some(a),
            },
        );
    Ok(best.map(|a| ApplicationLine {
        id: a.id,
        next_action: crate::applications::status::next_action(a.kind, a.status),
        title: a.title,
        status: a.status,
        reference: a.reference,
    }))
}

/// The overview for the active profile, with its document kit from `vault` under `pack`.
pub fn build(store: &Store, vault: &Vault, pack: &RulesPack, today: Date) -> Result<Overview> {
    build_at(store, vault, pack, today, jiff::Timestamp::now())
}

/// [`build`] with reminders judged at `now`.
pub fn build_at(
    store: &Store,
    vault: &Vault,
    pack: &RulesPack,
    today: Date,
    now: jiff::Timestamp,
) -> Result<Overview> {
    let settings = store.settings()?;
    let report = store.latest_report()?;
    let connection = report.as_ref().map(|r| ConnectionLine {
        verdict: r.verdict.kind,
        unknown_reason: r.verdict.unknown_reason,
        address: r.verdict.address.clone(),
        checked_at: r.check.checked_at,
    });
    let Some(id) = settings.active_profile_id else {
        return Ok(Overview::from_parts(
            None,
            0,
            connection,
            None,
            None,
            store.reminders_due(None, now)?,
        ));
    };
    let detail = store.profile_detail(id)?;
    let ips = u32::try_from(detail.public_ips.len()).unwrap_or(u32::MAX);
    let checklist =
        crate::checklist::for_loaded_profile(store, vault, pack, &detail, report.as_ref(), today)?;
    let documents = checklist.decision.as_ref().map(|d| DocumentsLine {
        outcome: d.outcome,
        category_title: d.category.as_ref().map(|c| c.title.clone()),
        readiness_percent: checklist.readiness_percent,
        missing: u32::try_from(
            checklist
                .slots
                .iter()
                .filter(|s| s.state != crate::checklist::SlotState::Done)
                .count(),
        )
        .unwrap_or(u32::MAX),
        complete: checklist.complete,
    });
    Ok(Overview::from_parts(
        Some(detail.profile),
        ips,
        connection,
        documents,
        application_line(store, id)?,
        store.reminders_due(Some(id), now)?,
    ))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::{ProfileInput, ProfileKind, PublicIpInput};

    #[test]
    fn readiness_counts_only_steps_this_version_can_check() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open(&dir.path().join("db.sqlite3")).expect("open");
        let vault = Vault::open(dir.path().join("vault")).expect("vault");
        let pack = crate::rules::shipped();
        let today = jiff::civil::date(2026, 11, 23);
        let overview = || build(&store, &vault, &pack, today).expect("overview");
        let empty = overview();
        assert_eq!(empty.profile, None);
        assert_eq!(empty.readiness_percent, 0);

        let p = store
            .create_profile(&ProfileInput {
                kind: ProfileKind::Freelancer,
                name: "Ayesha".into(),
            })
            .expect("create");
        let fifth = overview();
        assert_eq!(fifth.profile.as_ref().map(|p| p.id), Some(p.id));
        assert_eq!(
            fifth.readiness_percent, 16,
            "profile done; IP, connection, eligibility, documents and application to do"
        );

        store
            .add_public_ip(
                p.id,
                &PublicIpInput {
                    site_id: None,
                    address: "39.32.10.5".into(),
                    label: None,
                    subscriber_id: None,
                },
            )
            .expect("ip");
        let two_fifths = overview();
        assert_eq!(two_fifths.public_ip_count, 1);
        assert_eq!(
            two_fifths.readiness_percent, 33,
            "the connection is not known to be static"
        );
        assert_eq!(two_fifths.connection, None, "no check has run");
        assert!(
            two_fifths
                .steps
                .iter()
                .any(|s| s.key == StepKey::Application && s.state == StepState::Todo),
            "the application is to do until it is approved"
        );
        assert_eq!(two_fifths.application, None);

        let answers = crate::eligibility::Answers {
            applicant: crate::eligibility::Applicant::Freelancer,
            provider: crate::eligibility::VpnProvider::Own,
            static_ip: crate::eligibility::StaticIpAnswer::Yes,
        };
        store
            .save_eligibility_answers(p.id, &answers)
            .expect("answers");
        let decided = overview();
        assert_eq!(decided.readiness_percent, 50, "eligibility answered");
        let docs = decided.documents.expect("a document kit");
        assert_eq!((docs.readiness_percent, docs.missing), (0, 3));

        let licensed = crate::eligibility::Answers {
            provider: crate::eligibility::VpnProvider::Licensed,
            ..answers
        };
        store
            .save_eligibility_answers(p.id, &licensed)
            .expect("answers");
        let nothing = overview();
        assert!(
            nothing
                .steps
                .iter()
                .any(|s| s.key == StepKey::Documents && s.state == StepState::NotNeeded),
            "no documents are needed with a licensed provider"
        );
        assert_eq!(nothing.readiness_percent, 75, "3 of 4 counted steps done");
        assert!(
            nothing
                .steps
                .iter()
                .any(|s| s.key == StepKey::Application && s.state == StepState::NotNeeded),
            "nor an application"
        );

        store
            .save_eligibility_answers(p.id, &answers)
            .expect("answers");
        let started = crate::applications::start(
            &store,
            p.id,
            &crate::applications::ApplicationInput {
                title: "Home line".into(),
                ..Default::default()
            },
            jiff::Timestamp::now(),
        )
        .expect("start");
        let line = overview().application.expect("an application line");
        assert_eq!(
            (line.id, line.status),
            (started.id, crate::applications::Status::Draft)
        );
        assert!(
            line.next_action
                .text(crate::i18n::Lang::En)
                .contains("mark it ready"),
            "{:?}",
            line.next_action
        );
    }
}
