//! The applicant's details and the wizard's answers, per profile: one JSON value each.

use rusqlite::{OptionalExtension, params};
use serde::{Serialize, de::DeserializeOwned};

use super::Store;
use crate::{Error, Result, applicant::ApplicantDetails, eligibility::Answers, profile::Id};

fn json_err(e: serde_json::Error) -> Error {
    Error::Internal(format!("stored JSON could not be read: {e}"))
}

/// The per-profile JSON tables: (table, value column, time column).
const DETAILS: (&str, &str, &str) = ("applicant_details", "details", "updated_at");
const ANSWERS: (&str, &str, &str) = ("eligibility", "answers", "decided_at");

impl Store {
    fn profile_json<T: DeserializeOwned>(
        &self,
        (table, column, _): (&str, &str, &str),
        profile_id: Id,
    ) -> Result<Option<T>> {
        let raw: Option<String> = self.with(|conn| {
            Ok(conn
                .query_row(
                    &format!("SELECT {column} FROM {table} WHERE profile_id = ?1"),
                    [profile_id],
                    |r| r.get(0),
                )
                .optional()?)
        })?;
        raw.map(|raw| serde_json::from_str(&raw).map_err(json_err))
            .transpose()
    }

    fn put_profile_json<T: Serialize>(
        &self,
        (table, column, stamp): (&str, &str, &str),
        profile_id: Id,
        value: &T,
    ) -> Result<()> {
        self.profile_exists(profile_id)?;
        let json = serde_json::to_string(value).map_err(json_err)?;
        let now = self.now();
        self.with(|conn| {
            conn.execute(
                &format!(
                    "INSERT INTO {table} (profile_id, {column}, {stamp}) VALUES (?1, ?2, ?3)
                     ON CONFLICT (profile_id) DO UPDATE SET {column} = excluded.{column}, {stamp} = excluded.{stamp}"
                ),
                params![profile_id, json, now],
            )?;
            Ok(())
        })
    }

    /// The applicant details of a profile (empty until saved).
    pub fn applicant_details(&self, profile_id: Id) -> Result<ApplicantDetails> {
        self.profile_exists(profile_id)?;
        Ok(self.profile_json(DETAILS, profile_id)?.unwrap_or_default())
    }

    /// Checks, formats and saves the applicant details; returns them as saved.
    pub fn save_applicant_details(
        &self,
        profile_id: Id,
        details: &ApplicantDetails,
    ) -> Result<ApplicantDetails> {
        let details = details.normalized()?;
        self.put_profile_json(DETAILS, profile_id, &details)?;
        Ok(details)
    }

    /// The wizard's saved answers for a profile.
    pub fn eligibility_answers(&self, profile_id: Id) -> Result<Option<Answers>> {
        self.profile_json(ANSWERS, profile_id)
    }

    /// Saves the wizard's answers for a profile.
    pub fn save_eligibility_answers(&self, profile_id: Id, answers: &Answers) -> Result<()> {
        self.put_profile_json(ANSWERS, profile_id, answers)
    }
}
