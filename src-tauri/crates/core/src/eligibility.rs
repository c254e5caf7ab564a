//! The eligibility wizard: a few plain answers lead, through the rules pack's decision
//! table, to what the applicant should do and which documents that takes.
//!
//! The logic here is only "first matching path wins"; which answers lead where is data in
//! the pack, because PTA keeps changing it.

use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{
    Error, Result,
    rules::{Category, Conditions, OutcomeKind, RulesPack, Source, Text},
    verdict::VerdictKind,
};

/// Who is applying.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum Applicant {
    /// A freelancer working for clients.
    Freelancer,
    /// A company, software house, bank or other business.
    Company,
    /// A call center.
    CallCenter,
    /// An organisation that runs video conferences.
    VideoConferencing,
    /// A private person who wants a VPN for privacy.
    Individual,
}

impl Applicant {
    /// Every answer, for checking that the pack covers them all.
    pub const ALL: [Self; 5] = [
        Self::Freelancer,
        Self::Company,
        Self::CallCenter,
        Self::VideoConferencing,
        Self::Individual,
    ];
}

/// Which VPN the applicant uses.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum VpnProvider {
    /// A provider licensed by PTA (the pack lists them).
    Licensed,
    /// Their own or their employer's VPN server.
    Own,
    /// A commercial VPN that PTA has not licensed.
    Other,
}

impl VpnProvider {
    /// Every answer.
    pub const ALL: [Self; 3] = [Self::Licensed, Self::Own, Self::Other];
}

/// Whether the connection has a fixed public IP.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum StaticIpAnswer {
    /// Yes (the ISP says so, or the connection check found it).
    Yes,
    /// No.
    No,
    /// Not known.
    Unknown,
}

impl StaticIpAnswer {
    /// Every answer.
    pub const ALL: [Self; 3] = [Self::Yes, Self::No, Self::Unknown];

    /// The answer the connection check's verdict suggests.
    pub fn from_verdict(kind: VerdictKind) -> Self {
        match kind {
            VerdictKind::Static | VerdictKind::LikelyStatic => Self::Yes,
            VerdictKind::Dynamic | VerdictKind::LikelyDynamic | VerdictKind::BehindCgnat => {
                Self::No
            }
            VerdictKind::Unknown => Self::Unknown,
        }
    }
}

/// The wizard's answers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Answers {
    /// Who is applying.
    pub applicant: Applicant,
    /// Which VPN.
    pub provider: VpnProvider,
    /// Whether the connection has a fixed IP.
    pub static_ip: StaticIpAnswer,
}

/// Where the wizard leads.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Decision {
    /// The answers it was decided from.
    pub answers: Answers,
    /// The pack path that matched.
    pub path_id: String,
    /// What to do.
    pub outcome: OutcomeKind,
    /// The category to apply in, for [`OutcomeKind::Register`].
    pub category: Option<Category>,
    /// Why.
    pub why: Text,
    /// The public source.
    pub source: Source,
    /// The category registers a fixed IP but the applicant has none confirmed yet.
    pub needs_static_ip_first: bool,
    /// The pack version that decided.
    pub pack_version: u32,
}

fn allows<T: PartialEq>(list: Option<&Vec<T>>, value: &T) -> bool {
    list.is_none_or(|l| l.contains(value))
}

/// Whether `when` applies to `answers`.
pub fn matches(when: &Conditions, answers: &Answers) -> bool {
    allows(when.applicant.as_ref(), &answers.applicant)
        && allows(when.provider.as_ref(), &answers.provider)
        && allows(when.static_ip.as_ref(), &answers.static_ip)
}

/// Every combination of answers.
pub fn all_answers() -> impl Iterator<Item = Answers> {
    Applicant::ALL.into_iter().flat_map(|applicant| {
        VpnProvider::ALL.into_iter().flat_map(move |provider| {
            StaticIpAnswer::ALL
                .into_iter()
                .map(move |static_ip| Answers {
                    applicant,
                    provider,
                    static_ip,
                })
        })
    })
}

/// Decides where `answers` lead under `pack`.
///
/// A validated pack covers every combination, so the errors here mean a pack that skipped
/// validation; they are reported, not panicked on.
pub fn decide(pack: &RulesPack, answers: Answers) -> Result<Decision> {
    let path = pack
        .paths
        .iter()
        .find(|p| matches(&p.when, &answers))
        .ok_or_else(|| {
            Error::Internal(format!(
                "rules pack {} has no path for these answers",
                pack.version
            ))
        })?;
    let category = match &path.category {
        Some(id) => Some(pack.category(id).cloned().ok_or_else(|| {
            Error::Internal(format!(
                "rules pack path {} names unknown category {id}",
                path.id
            ))
        })?),
        None => None,
    };
    let source = pack.source(&path.source).cloned().ok_or_else(|| {
        Error::Internal(format!("rules pack path {} names unknown source", path.id))
    })?;
    let needs_static_ip_first = category.as_ref().is_some_and(|c| {
        c.registers == crate::rules::Registers::StaticIp && answers.static_ip != StaticIpAnswer::Yes
    });
    Ok(Decision {
        answers,
        path_id: path.id.clone(),
        outcome: path.outcome,
        category,
        why: path.why.clone(),
        source,
        needs_static_ip_first,
        pack_version: pack.version,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::rules::shipped;

    fn decide_for(
        applicant: Applicant,
        provider: VpnProvider,
        static_ip: StaticIpAnswer,
    ) -> Decision {
        decide(
            &shipped(),
            Answers {
                applicant,
                provider,
                static_ip,
            },
        )
        .expect("the shipped pack covers every answer")
    }

    #[test]
    fn a_licensed_provider_needs_nothing_whoever_you_are() {
        for applicant in Applicant::ALL {
            let d = decide_for(applicant, VpnProvider::Licensed, StaticIpAnswer::No);
            assert_eq!(d.outcome, OutcomeKind::NothingNeeded, "{applicant:?}");
            assert!(d.category.is_none());
        }
    }

    #[test]
    fn an_individual_for_privacy_is_pointed_to_a_licensed_provider() {
        let d = decide_for(
            Applicant::Individual,
            VpnProvider::Other,
            StaticIpAnswer::Yes,
        );
        assert_eq!(d.outcome, OutcomeKind::UseLicensedProvider);
        assert!(d.why.en.contains("no registration"), "{}", d.why.en);
    }

    #[test]
    fn a_freelancer_registers_an_ip_with_one_and_a_mobile_number_without() {
        let with_ip = decide_for(Applicant::Freelancer, VpnProvider::Own, StaticIpAnswer::Yes);
        assert_eq!(with_ip.category.map(|c| c.id), Some("freelancer".into()));
        assert!(!with_ip.needs_static_ip_first);
        for answer in [StaticIpAnswer::No, StaticIpAnswer::Unknown] {
            let d = decide_for(Applicant::Freelancer, VpnProvider::Other, answer);
            let category = d.category.expect("a category");
            assert_eq!(category.id, "freelancer-mobile");
            assert_eq!(category.registers, crate::rules::Registers::MobileNumber);
            assert!(
                !d.needs_static_ip_first,
                "a mobile number needs no fixed IP"
            );
        }
    }

    #[test]
    fn a_company_without_a_fixed_ip_is_told_to_get_one_first() {
        let d = decide_for(Applicant::Company, VpnProvider::Own, StaticIpAnswer::No);
        assert_eq!(d.outcome, OutcomeKind::Register);
        assert_eq!(d.category.as_ref().map(|c| c.id.as_str()), Some("company"));
        assert!(d.needs_static_ip_first);
        let d = decide_for(Applicant::CallCenter, VpnProvider::Own, StaticIpAnswer::Yes);
        let category = d.category.expect("call center");
        assert_eq!(category.fee_from_ip, Some(5));
        assert!(
            category
                .slots
                .iter()
                .any(|s| s == &["pseb-call-center-certificate"]),
            "call centers need the PSEB certificate"
        );
    }

    #[test]
    fn the_verdict_maps_to_an_answer() {
        assert_eq!(
            StaticIpAnswer::from_verdict(VerdictKind::LikelyStatic),
            StaticIpAnswer::Yes
        );
        assert_eq!(
            StaticIpAnswer::from_verdict(VerdictKind::BehindCgnat),
            StaticIpAnswer::No
        );
        assert_eq!(
            StaticIpAnswer::from_verdict(VerdictKind::Unknown),
            StaticIpAnswer::Unknown
        );
    }
}
