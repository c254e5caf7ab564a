//! The life of an application as a state machine: which status may follow which, and what
//! the applicant should do in each.
//!
//! The table is the whole truth: [`Status::next`] lists every legal move, and everything
//! else is refused with a message that names the moves that are possible.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::i18n::{self, Lang};

/// What an application record is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ApplicationKind {
    /// A VPN registration or IP whitelisting request on the PTA / PSEB portal.
    Registration,
    /// A side ticket: the request to the ISP for a static IP.
    IspStaticIp,
    /// A side ticket: the freelancer's or call center's PSEB registration.
    PsebRegistration,
}

/// Where it is filed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ApplicationPortal {
    /// PTA's VPN registration portal.
    Pta,
    /// PSEB's one-window portal.
    PsebOneWindow,
    /// The internet service provider (a side ticket).
    Isp,
}

/// Where an application stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Status {
    /// Being prepared.
    Draft,
    /// Every requirement is met; it can be submitted.
    Ready,
    /// Submitted on the portal.
    Submitted,
    /// The ISP is confirming the subscriber, CNIC and IP.
    IspVerification,
    /// The regulator is reviewing it.
    UnderReview,
    /// The regulator asked for more information.
    MoreInfoRequested,
    /// Sent again, after more information or a rejection.
    Resubmitted,
    /// Whitelisted.
    Approved,
    /// Refused, with a reason.
    Rejected,
    /// Was approved, then removed (e.g. the ISP assigned the IP to someone else).
    Delisted,
    /// Was approved; the registration has to be renewed.
    RenewalDue,
    /// Given up by the applicant.
    Withdrawn,
}

use Status::*;

/// Every status, in the order of a typical application.
pub const ALL: [Status; 12] = [
    Draft,
    Ready,
    Submitted,
    IspVerification,
    UnderReview,
    MoreInfoRequested,
    Resubmitted,
    Approved,
    Rejected,
    Delisted,
    RenewalDue,
    Withdrawn,
];

impl Status {
    /// The statuses that may follow this one for an application of `kind`.
    pub fn next(self, kind: ApplicationKind) -> &'static [Status] {
        match kind {
            ApplicationKind::Registration => match self {
                Draft => &[Ready, Withdrawn],
                Ready => &[Submitted, Draft, Withdrawn],
                Submitted | Resubmitted => &[
                    IspVerification,
                    UnderReview,
                    MoreInfoRequested,
                    Approved,
                    Rejected,
                    Withdrawn,
                ],
                IspVerification => &[
                    UnderReview,
                    MoreInfoRequested,
                    Approved,
                    Rejected,
                    Withdrawn,
                ],
                UnderReview => &[MoreInfoRequested, Approved, Rejected, Withdrawn],
                MoreInfoRequested => &[Resubmitted, Withdrawn],
                Approved => &[Delisted, RenewalDue],
                Rejected => &[Resubmitted, Draft, Withdrawn],
                Delisted | RenewalDue => &[Resubmitted, Withdrawn],
                Withdrawn => &[],
            },
            // Side tickets have no "ready" step and no regulator review.
            ApplicationKind::IspStaticIp | ApplicationKind::PsebRegistration => match self {
                Draft | Ready => &[Submitted, Withdrawn],
                Submitted | Resubmitted | IspVerification | UnderReview => {
                    &[MoreInfoRequested, Approved, Rejected, Withdrawn]
                }
                MoreInfoRequested | Rejected => &[Resubmitted, Withdrawn],
                Approved => &[RenewalDue],
                Delisted | RenewalDue => &[Resubmitted, Withdrawn],
                Withdrawn => &[],
            },
        }
    }

    /// Whether `to` may follow this status.
    pub fn can_move_to(self, to: Status, kind: ApplicationKind) -> bool {
        self.next(kind).contains(&to)
    }

    /// Waiting for someone else (the portal, the ISP, the regulator): a follow-up reminder
    /// is set when an application enters this status.
    pub fn awaits_authority(self) -> bool {
        matches!(
            self,
            Submitted | Resubmitted | IspVerification | UnderReview
        )
    }

    /// Finished for good: nothing more will happen.
    pub fn is_final(self) -> bool {
        self == Withdrawn
    }

    /// The status as people say it.
    pub fn label(self) -> &'static str {
        match self {
            Draft => "draft",
            Ready => "ready to submit",
            Submitted => "submitted",
            IspVerification => "ISP verification",
            UnderReview => "under review",
            MoreInfoRequested => "more information requested",
            Resubmitted => "resubmitted",
            Approved => "approved",
            Rejected => "rejected",
            Delisted => "delisted",
            RenewalDue => "renewal due",
            Withdrawn => "withdrawn",
        }
    }

    /// The stable name stored in the database and used on the command line.
    pub fn as_str(self) -> &'static str {
        match self {
            Draft => "draft",
            Ready => "ready",
            Submitted => "submitted",
            IspVerification => "ispVerification",
            UnderReview => "underReview",
            MoreInfoRequested => "moreInfoRequested",
            Resubmitted => "resubmitted",
            Approved => "approved",
            Rejected => "rejected",
            Delisted => "delisted",
            RenewalDue => "renewalDue",
            Withdrawn => "withdrawn",
        }
    }

    /// Parses [`Status::as_str`]; also accepts kebab-case (`under-review`) for the CLI.
    pub fn parse(s: &str) -> Option<Self> {
        by_name(&ALL, Self::as_str, s)
    }
}

impl ApplicationKind {
    /// The stable name stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Registration => "registration",
            Self::IspStaticIp => "ispStaticIp",
            Self::PsebRegistration => "psebRegistration",
        }
    }

    /// Parses [`ApplicationKind::as_str`] (kebab-case accepted).
    pub fn parse(s: &str) -> Option<Self> {
        by_name(
            &[
                Self::Registration,
                Self::IspStaticIp,
                Self::PsebRegistration,
            ],
            Self::as_str,
            s,
        )
    }

    /// Where this kind is filed unless the user says otherwise.
    pub fn default_portal(self) -> ApplicationPortal {
        match self {
            Self::Registration => ApplicationPortal::Pta,
            Self::IspStaticIp => ApplicationPortal::Isp,
            Self::PsebRegistration => ApplicationPortal::PsebOneWindow,
        }
    }
}

impl ApplicationPortal {
    /// The stable name stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::Pta => "pta",
            Self::PsebOneWindow => "psebOneWindow",
            Self::Isp => "isp",
        }
    }

    /// Parses [`ApplicationPortal::as_str`] (kebab-case accepted).
    pub fn parse(s: &str) -> Option<Self> {
        by_name(
            &[Self::Pta, Self::PsebOneWindow, Self::Isp],
            Self::as_str,
            s,
        )
    }
}

/// The value among `all` whose stable name is `s`, ignoring case, dashes and underscores
/// (`under-review`, `UNDER_REVIEW` and `underReview` are the same).
pub fn by_name<T: Copy>(all: &[T], name: fn(T) -> &'static str, s: &str) -> Option<T> {
    let wanted: String = s.chars().filter(|c| *c != '-' && *c != '_').collect();
    all.iter()
        .copied()
        .find(|v| name(*v).eq_ignore_ascii_case(&wanted))
}

/// What the applicant should do next. A key, so each front end words it in its language
/// ([`NextAction::text`] words it).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum NextAction {
    /// A registration draft: complete the documents and checks, then mark it ready.
    CompleteKit,
    /// A side ticket draft: send the request, then record it.
    SendRequest,
    /// Ready: submit on the portal and record the reference number.
    SubmitOnPortal,
    /// Waiting for the ISP's answer to a static-IP request.
    WaitForIsp,
    /// Submitted: wait for the ISP to confirm; follow up after two weeks.
    WaitForIspConfirmation,
    /// ISP verification: make sure the ISP confirms.
    NudgeIsp,
    /// Under review: wait for the decision.
    WaitForDecision,
    /// More information requested: send it, then record the resubmission.
    SendMoreInfo,
    /// Approved: keep the IP unchanged.
    KeepIp,
    /// Rejected: fix what the reason names and resubmit.
    FixAndResubmit,
    /// Delisted: ask the ISP why the IP changed, register the new one.
    RegisterNewIp,
    /// Renewal due: renew on the portal.
    Renew,
    /// Withdrawn: nothing.
    Nothing,
}

impl NextAction {
    /// The wording in `lang`, from the domain catalogue (`application.nextAction.*`).
    pub fn text(self, lang: Lang) -> String {
        let key = format!("application.nextAction.{}", i18n::variant_name(&self));
        i18n::domain().say(lang, &key, &[])
    }
}

/// What the applicant should do next with an application of `kind` in `status`.
pub fn next_action(kind: ApplicationKind, status: Status) -> NextAction {
    match (kind, status) {
        (ApplicationKind::Registration, Draft) => NextAction::CompleteKit,
        (_, Draft) => NextAction::SendRequest,
        (_, Ready) => NextAction::SubmitOnPortal,
        (ApplicationKind::IspStaticIp, Submitted | Resubmitted) => NextAction::WaitForIsp,
        (_, Submitted | Resubmitted) => NextAction::WaitForIspConfirmation,
        (_, IspVerification) => NextAction::NudgeIsp,
        (_, UnderReview) => NextAction::WaitForDecision,
        (_, MoreInfoRequested) => NextAction::SendMoreInfo,
        (_, Approved) => NextAction::KeepIp,
        (_, Rejected) => NextAction::FixAndResubmit,
        (_, Delisted) => NextAction::RegisterNewIp,
        (_, RenewalDue) => NextAction::Renew,
        (_, Withdrawn) => NextAction::Nothing,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const KINDS: [ApplicationKind; 3] = [
        ApplicationKind::Registration,
        ApplicationKind::IspStaticIp,
        ApplicationKind::PsebRegistration,
    ];

    #[test]
    fn a_registration_goes_from_draft_to_approved_through_the_usual_steps() {
        let path = [
            Draft,
            Ready,
            Submitted,
            IspVerification,
            UnderReview,
            MoreInfoRequested,
            Resubmitted,
            Approved,
            Delisted,
            Resubmitted,
            Approved,
        ];
        for w in path.windows(2) {
            assert!(
                w[0].can_move_to(w[1], ApplicationKind::Registration),
                "{:?} → {:?}",
                w[0],
                w[1]
            );
        }
    }

    #[test]
    fn illegal_moves_are_refused() {
        let k = ApplicationKind::Registration;
        assert!(
            !Draft.can_move_to(Approved, k),
            "no approval without submission"
        );
        assert!(
            !Draft.can_move_to(Submitted, k),
            "draft must be ready first"
        );
        assert!(!Approved.can_move_to(Draft, k));
        assert!(!Withdrawn.can_move_to(Draft, k), "withdrawn is final");
        assert!(
            !Approved.can_move_to(Approved, k),
            "no move to the same status"
        );
    }

    #[test]
    fn every_status_can_be_reached_and_only_withdrawn_is_a_dead_end() {
        for kind in KINDS {
            for s in ALL {
                assert!(!s.can_move_to(s, kind), "{s:?} to itself for {kind:?}");
                assert_eq!(s.next(kind).is_empty(), s.is_final(), "{s:?} for {kind:?}");
            }
        }
        for s in ALL.into_iter().filter(|s| *s != Draft) {
            assert!(
                ALL.iter()
                    .any(|from| from.can_move_to(s, ApplicationKind::Registration)),
                "{s:?} cannot be reached"
            );
        }
    }

    #[test]
    fn names_round_trip() {
        for s in ALL {
            assert_eq!(Status::parse(s.as_str()), Some(s));
        }
        assert_eq!(Status::parse("under-review"), Some(UnderReview));
        assert_eq!(Status::parse("whitelisted"), None);
        for k in KINDS {
            assert_eq!(ApplicationKind::parse(k.as_str()), Some(k));
            assert_eq!(
                ApplicationPortal::parse(k.default_portal().as_str()),
                Some(k.default_portal())
            );
        }
    }
}
