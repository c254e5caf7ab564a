//! Reminders: follow-ups, answers owed, expiring documents, renewals and IP drift.
//!
//! A reminder is a row with a `key` that says what it is about, so generating it again is
//! harmless. It *fires* once: [`fire_due`] marks every due reminder fired in one statement and
//! returns them, and only those are announced. A reminder that fell due while the app was
//! closed fires at the next start. It stays in "needs attention" until the user marks it done.

use jiff::{Timestamp, civil::Date};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{
    Error, Result,
    applications::Application,
    i18n::{Arg, Message},
    profile::Id,
    rules::RulesPack,
    store::Store,
};

/// What a reminder is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ReminderKind {
    /// No news for a while after a submission.
    FollowUp,
    /// The portal asked for more information.
    Respond,
    /// A document expires soon.
    DocumentExpiry,
    /// A registration must be renewed.
    Renewal,
    /// The public IP is not the registered one.
    IpDrift,
    /// A deadline from the rules pack.
    Deadline,
    /// Set by the user.
    Custom,
}

impl ReminderKind {
    /// The stable name stored in the database.
    pub fn as_str(self) -> &'static str {
        match self {
            Self::FollowUp => "followUp",
            Self::Respond => "respond",
            Self::DocumentExpiry => "documentExpiry",
            Self::Renewal => "renewal",
            Self::IpDrift => "ipDrift",
            Self::Deadline => "deadline",
            Self::Custom => "custom",
        }
    }

    /// Parses [`ReminderKind::as_str`].
    pub fn parse(s: &str) -> Option<Self> {
        crate::applications::status::by_name(
            &[
                Self::FollowUp,
                Self::Respond,
                Self::DocumentExpiry,
                Self::Renewal,
                Self::IpDrift,
                Self::Deadline,
                Self::Custom,
            ],
            Self::as_str,
            s,
        )
    }
}

/// A stored reminder.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Reminder {
    /// Row id.
    pub id: Id,
    /// What it is about.
    pub kind: ReminderKind,
    /// The applicant, if it concerns one.
    pub profile_id: Option<Id>,
    /// The application, if it concerns one.
    pub application_id: Option<Id>,
    /// One line, worded by the domain catalogue (`reminder.*`).
    pub title: Message,
    /// What to do, if there is more to say.
    pub body: Option<Message>,
    /// When it is due.
    pub due_at: Timestamp,
    /// When it was announced.
    pub fired_at: Option<Timestamp>,
    /// When the user marked it done.
    pub done_at: Option<Timestamp>,
}

/// A reminder to add (ignored if one with the same key exists).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NewReminder {
    /// What it is about, uniquely (e.g. `expiry:12:2027-01-31`).
    pub key: String,
    /// Kind.
    pub kind: ReminderKind,
    /// The applicant.
    pub profile_id: Option<Id>,
    /// The application.
    pub application_id: Option<Id>,
    /// One line.
    pub title: Message,
    /// What to do.
    pub body: Option<Message>,
    /// When.
    pub due_at: Timestamp,
}

/// What the user gives to set a reminder of their own.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct CustomReminderInput {
    /// The application it concerns, if any.
    #[serde(default)]
    pub application_id: Option<Id>,
    /// One line.
    pub title: String,
    /// The day it is due (9:00 that morning).
    pub due_on: Date,
}

/// Days ahead of an expiry or renewal that the reminder fires.
pub const WARN_DAYS_AHEAD: i64 = 30;

/// 09:00 on `day` in the system time zone.
fn morning_of(day: Date) -> Result<Timestamp> {
    day.at(9, 0, 0, 0)
        .to_zoned(jiff::tz::TimeZone::system())
        .map(|z| z.timestamp())
        .map_err(|e| Error::Internal(format!("no 09:00 on {day}: {e}")))
}

fn days_before(day: Date, days: i64) -> Date {
    day.checked_sub(jiff::Span::new().days(days)).unwrap_or(day)
}

/// The renewal reminder of an approved application.
pub fn renewal(app: &Application, on: Date) -> Result<NewReminder> {
    Ok(NewReminder {
        key: format!("renewal:{}:{on}", app.id),
        kind: ReminderKind::Renewal,
        profile_id: Some(app.profile_id),
        application_id: Some(app.id),
        title: Message::new("reminder.renewalTitle")
            .arg("title", app.title.as_str())
            .arg("on", on.to_string()),
        body: Some(Message::new("reminder.renewalBody")),
        due_at: morning_of(days_before(on, WARN_DAYS_AHEAD))?,
    })
}

/// Adds the reminders that follow from stored data: every document with an expiry date gets
/// one 30 days ahead. Idempotent. Returns how many are new.
pub fn sync(store: &Store, pack: &RulesPack, now: Timestamp) -> Result<usize> {
    let mut new = Vec::new();
    for doc in store.documents_with_expiry()? {
        let Some(expires) = doc.expires_on else {
            continue;
        };
        let what = pack.requirement(&doc.requirement_id).map_or_else(
            || Arg::Text(doc.file.original_name.clone()),
            |r| Arg::Translated(r.title.clone()),
        );
        new.push(NewReminder {
            key: format!("expiry:{}:{expires}", doc.id),
            kind: ReminderKind::DocumentExpiry,
            profile_id: Some(doc.profile_id),
            application_id: None,
            title: Message::new("reminder.expiryTitle")
                .arg("what", what)
                .arg("on", expires.to_string()),
            body: Some(
                Message::new("reminder.expiryBody").arg("file", doc.file.original_name.as_str()),
            ),
            due_at: morning_of(days_before(expires, WARN_DAYS_AHEAD))?,
        });
    }
    new.extend(deadline_reminders(store, pack, now)?);
    store.add_reminders(&new, now)
}

/// Days ahead of a rules-pack deadline that its reminder fires.
pub const DEADLINE_DAYS_AHEAD: i64 = 14;

/// A reminder for each future deadline of the rules pack that concerns a profile's category,
/// unless the profile already has an approved registration.
fn deadline_reminders(store: &Store, pack: &RulesPack, now: Timestamp) -> Result<Vec<NewReminder>> {
    let today = now.to_zoned(jiff::tz::TimeZone::system()).date();
    let upcoming: Vec<&crate::rules::Deadline> =
        pack.deadlines.iter().filter(|d| d.date >= today).collect();
    if upcoming.is_empty() {
        return Ok(Vec::new());
    }
    let mut out = Vec::new();
    for profile in store.list_profiles()? {
        let Some(answers) = store.eligibility_answers(profile.id)? else {
            continue;
        };
        let Some(category) = crate::eligibility::decide(pack, answers)
            .ok()
            .and_then(|d| d.category)
        else {
            continue;
        };
        let approved = store.applications_of(profile.id)?.iter().any(|a| {
            a.kind == crate::applications::ApplicationKind::Registration
                && a.status == crate::applications::Status::Approved
        });
        if approved {
            continue;
        }
        for d in &upcoming {
            if !d.categories.is_empty() && !d.categories.contains(&category.id) {
                continue;
            }
            out.push(NewReminder {
                key: format!("deadline:{}:{}", d.id, profile.id),
                kind: ReminderKind::Deadline,
                profile_id: Some(profile.id),
                application_id: None,
                title: Message::new("reminder.deadlineTitle")
                    .arg("what", Arg::Translated(d.title.clone()))
                    .arg("on", d.date.to_string()),
                body: pack.source(&d.source).map(|s| {
                    Message::new("reminder.deadlineBody")
                        .arg("source", Arg::Translated(s.title.clone()))
                        .arg("url", s.url.as_str())
                }),
                // Less than two weeks away already: due at once.
                due_at: morning_of(days_before(d.date, DEADLINE_DAYS_AHEAD))?,
            });
        }
    }
    Ok(out)
}

/// Marks every due, unfired reminder fired and returns them: each is returned exactly once,
/// however often and from however many places this is called.
pub fn fire_due(store: &Store, now: Timestamp) -> Result<Vec<Reminder>> {
    store.fire_due_reminders(now)
}

/// Sets a reminder of the user's own.
pub fn add_custom(
    store: &Store,
    profile_id: Id,
    input: &CustomReminderInput,
    now: Timestamp,
) -> Result<Reminder> {
    let title = input.title.trim();
    if title.is_empty() || title.chars().count() > 200 {
        return Err(Error::invalid(
            "title",
            "say in a few words what to remember (at most 200 characters)",
        ));
    }
    if let Some(app) = input.application_id
        && store.application(app)?.profile_id != profile_id
    {
        return Err(Error::invalid(
            "applicationId",
            "that application belongs to another profile",
        ));
    }
    let key = format!("custom:{profile_id}:{}", now.as_nanosecond());
    store.add_reminders(
        &[NewReminder {
            key: key.clone(),
            kind: ReminderKind::Custom,
            profile_id: Some(profile_id),
            application_id: input.application_id,
            title: Message::new("reminder.said").arg("text", title),
            body: None,
            due_at: morning_of(input.due_on)?,
        }],
        now,
    )?;
    store.reminder_by_key(&key)
}
