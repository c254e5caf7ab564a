//! Commands over the eligibility wizard and the applicant's details.

use serde::Serialize;
use tauri::State;
use ts_rs::TS;
use vca_core::{
    applicant::ApplicantDetails,
    eligibility::{Answers, Decision, StaticIpAnswer},
    profile::Id,
};

use crate::{error::IpcError, state::AppState};

/// What the Eligibility page shows.
#[derive(Debug, Clone, Serialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct EligibilityView {
    /// The saved answers, if the wizard was answered.
    pub answers: Option<Answers>,
    /// Where they lead under the pack in use.
    pub decision: Option<Decision>,
    /// The static-IP answer the last connection check suggests, if one ran.
    pub measured_static_ip: Option<StaticIpAnswer>,
}

/// The wizard's state for a profile.
#[tauri::command]
pub async fn get_eligibility(
    state: State<'_, AppState>,
    profile_id: Id,
) -> Result<EligibilityView, IpcError> {
    state
        .run(move |store| {
            let (pack, _) = store.current_rules()?;
            let answers = store.eligibility_answers(profile_id)?;
            let decision = answers
                .map(|a| vca_core::eligibility::decide(&pack, a))
                .transpose()?;
            let measured_static_ip = store
                .latest_report()?
                .map(|r| StaticIpAnswer::from_verdict(r.verdict.kind));
            Ok(EligibilityView {
                answers,
                decision,
                measured_static_ip,
            })
        })
        .await
}

/// Saves the wizard's answers and returns where they lead.
#[tauri::command]
pub async fn decide_eligibility(
    state: State<'_, AppState>,
    profile_id: Id,
    answers: Answers,
) -> Result<Decision, IpcError> {
    state
        .run(move |store| {
            let (pack, _) = store.current_rules()?;
            let decision = vca_core::eligibility::decide(&pack, answers)?;
            store.save_eligibility_answers(profile_id, &answers)?;
            Ok(decision)
        })
        .await
}

/// The applicant's details.
#[tauri::command]
pub async fn get_applicant_details(
    state: State<'_, AppState>,
    profile_id: Id,
) -> Result<ApplicantDetails, IpcError> {
    state
        .run(move |store| store.applicant_details(profile_id))
        .await
}

/// Checks, formats and saves the applicant's details; returns them as saved.
#[tauri::command]
pub async fn save_applicant_details(
    state: State<'_, AppState>,
    profile_id: Id,
    details: ApplicantDetails,
) -> Result<ApplicantDetails, IpcError> {
    state
        .run(move |store| store.save_applicant_details(profile_id, &details))
        .await
}
