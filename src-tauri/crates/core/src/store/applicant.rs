//! The applicant's details and the wizard's answers, per profile.

use rusqlite::{OptionalExtension, params};

use super::Store;
use crate::{Error, Result, applicant::ApplicantDetails, eligibility::Answers, profile::Id};

fn json_err(e: serde_json::Error) -> Error {
    Error::Internal(format!("stored JSON could not be read: {e}"))
}

impl Store {
    /// The applicant details of a profile (empty until saved).
    pub fn applicant_details(&self, profile_id: Id) -> Result<ApplicantDetails> {
        self.profile_exists(profile_id)?;
        let raw: Option<String> = self.with(|conn| {
            Ok(conn
                .query_row(
                    "SELECT details FROM applicant_details WHERE profile_id = ?1",
                    [profile_id],
                    |r| r.get(0),
                )
                .optional()?)
        })?;
        raw.map_or_else(
            || Ok(ApplicantDetails::default()),
            |raw| serde_json::from_str(&raw).map_err(json_err),
        )
    }

    /// Checks, formats and saves the applicant details; returns them as saved.
    pub fn save_applicant_details(
        &self,
        profile_id: Id,
        details: &ApplicantDetails,
    ) -> Result<ApplicantDetails> {
        let details = details.normalized()?;
        self.profile_exists(profile_id)?;
        let json = serde_json::to_string(&details).map_err(json_err)?;
        let now = self.now();
        self.with(|conn| {
            conn.execute(
                "INSERT INTO applicant_details (profile_id, details, updated_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (profile_id) DO UPDATE SET details = excluded.details, updated_at = excluded.updated_at",
                params![profile_id, json, now],
            )?;
            Ok(())
        })?;
        Ok(details)
    }

    /// The wizard's saved answers for a profile.
    pub fn eligibility_answers(&self, profile_id: Id) -> Result<Option<Answers>> {
        let raw: Option<String> = self.with(|conn| {
            Ok(conn
                .query_row(
                    "SELECT answers FROM eligibility WHERE profile_id = ?1",
                    [profile_id],
                    |r| r.get(0),
                )
                .optional()?)
        })?;
        raw.map(|raw| serde_json::from_str(&raw).map_err(json_err))
            .transpose()
    }

    /// Saves the wizard's answers for a profile.
    pub fn save_eligibility_answers(&self, profile_id: Id, answers: &Answers) -> Result<()> {
        self.profile_exists(profile_id)?;
        let json = serde_json::to_string(answers).map_err(json_err)?;
        let now = self.now();
        self.with(|conn| {
            conn.execute(
                "INSERT INTO eligibility (profile_id, answers, decided_at) VALUES (?1, ?2, ?3)
                 ON CONFLICT (profile_id) DO UPDATE SET answers = excluded.answers, decided_at = excluded.decided_at",
                params![profile_id, json, now],
            )?;
            Ok(())
        })
    }
}
