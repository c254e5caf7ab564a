//! Readiness at a glance: the steps from "who are you" to "whitelisted", and where the user is.
//!
//! Each step is computed from stored data. Steps whose features are not in this version yet
//! say so (`Upcoming`) and do not count toward the percentage, so it never claims progress
//! the app cannot check.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{
    Result,
    profile::Profile,
    store::Store,
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
    /// Every step in order.
    pub steps: Vec<ReadinessStep>,
    /// Done steps as a share of counted steps, 0–100.
    pub readiness_percent: u8,
}

impl Overview {
    /// Builds the overview from the steps' states.
    fn from_parts(
        profile: Option<Profile>,
        public_ip_count: u32,
        connection: Option<ConnectionLine>,
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
                state: StepState::Upcoming,
            },
            ReadinessStep {
                key: StepKey::Documents,
                state: StepState::Upcoming,
            },
            ReadinessStep {
                key: StepKey::Application,
                state: StepState::Upcoming,
            },
        ];
        let counted = steps
            .iter()
            .filter(|s| s.state != StepState::Upcoming)
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
            steps,
            readiness_percent,
        }
    }
}

impl Store {
    /// The overview for the active profile.
    pub fn overview(&self) -> Result<Overview> {
        let settings = self.settings()?;
        let connection = self.latest_report()?.map(|r| ConnectionLine {
            verdict: r.verdict.kind,
            unknown_reason: r.verdict.unknown_reason,
            address: r.verdict.address,
            checked_at: r.check.checked_at,
        });
        let Some(id) = settings.active_profile_id else {
            return Ok(Overview::from_parts(None, 0, connection));
        };
        let detail = self.profile_detail(id)?;
        let ips = u32::try_from(detail.public_ips.len()).unwrap_or(u32::MAX);
        Ok(Overview::from_parts(Some(detail.profile), ips, connection))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::profile::{ProfileInput, ProfileKind, PublicIpInput};

    #[test]
    fn readiness_counts_only_steps_this_version_can_check() {
        let dir = tempfile::tempdir().expect("tempdir");
        let store = Store::open(&dir.path().join("db.sqlite3")).expect("open");
        let empty = store.overview().expect("overview");
        assert_eq!(empty.profile, None);
        assert_eq!(empty.readiness_percent, 0);

        let p = store
            .create_profile(&ProfileInput {
                kind: ProfileKind::Freelancer,
                name: "Ayesha".into(),
            })
            .expect("create");
        let third = store.overview().expect("overview");
        assert_eq!(third.profile.as_ref().map(|p| p.id), Some(p.id));
        assert_eq!(
            third.readiness_percent, 33,
            "profile done; IP and connection to do"
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
        let two_thirds = store.overview().expect("overview");
        assert_eq!(two_thirds.public_ip_count, 1);
        assert_eq!(
            two_thirds.readiness_percent, 66,
            "the connection is not known to be static"
        );
        assert_eq!(two_thirds.connection, None, "no check has run");
        assert!(
            two_thirds
                .steps
                .iter()
                .any(|s| s.state == StepState::Upcoming),
            "later steps are shown, not counted"
        );
    }
}
