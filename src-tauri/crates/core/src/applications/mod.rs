//! Applications and their timeline: what was filed where, where it stands, and what happened.
//!
//! A status changes only through [`transition`], which checks the move against the state
//! machine in [`status`], checks the date (not in the future, not before the application
//! started, not before the last entry, and not on a clock that went backwards), appends the
//! entry to the timeline and sets the follow-up reminders, all in one transaction. The
//! timeline is append-only in the database itself (triggers refuse changes).

pub mod status;

use std::path::PathBuf;

use jiff::{Timestamp, civil::Date};
use serde::{Deserialize, Serialize};
use ts_rs::TS;

pub use status::{ApplicationKind, ApplicationPortal, NextAction, Status};

use crate::{
    Error, Result,
    i18n::{Arg, Message},
    profile::Id,
    reminders::{NewReminder, ReminderKind},
    rules::RulesPack,
    store::Store,
    vault::{StoredFile, Vault},
};

/// One application (or side ticket).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Application {
    /// Row id.
    pub id: Id,
    /// The applicant.
    pub profile_id: Id,
    /// Registration or side ticket.
    pub kind: ApplicationKind,
    /// For a side ticket: the application it blocks.
    pub blocks_id: Option<Id>,
    /// Where it is filed.
    pub portal: ApplicationPortal,
    /// The rules pack's category, for a registration.
    pub category_id: Option<String>,
    /// A name the user recognises, e.g. "Head office line".
    pub title: String,
    /// The portal's reference or tracking number, once known.
    pub reference: Option<String>,
    /// Where it stands.
    pub status: Status,
    /// When work on it started (the first timeline entry).
    pub started_at: Timestamp,
    /// When it was first submitted.
    pub submitted_at: Option<Timestamp>,
    /// The IPs registered with it.
    pub registered_ips: Vec<String>,
    /// The mobile number registered instead of an IP (freelancers).
    pub mobile_number: Option<String>,
    /// VPN service used.
    pub vpn_service: Option<String>,
    /// VPN protocol.
    pub vpn_protocol: Option<String>,
    /// The contact (email or phone) given on the portal.
    pub contact: Option<String>,
    /// Free notes.
    pub notes: Option<String>,
    /// When the registration must be renewed, if known.
    pub renewal_on: Option<Date>,
    /// Last change.
    pub updated_at: Timestamp,
}

/// What the user gives to start an application, and to change its details later.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(optional_fields)]
pub struct ApplicationInput {
    /// Registration or side ticket (only used when starting).
    pub kind: Option<ApplicationKind>,
    /// Where it is filed; the kind's usual portal when not given.
    pub portal: Option<ApplicationPortal>,
    /// For a side ticket: the application it blocks.
    pub blocks_id: Option<Id>,
    /// The rules pack's category.
    pub category_id: Option<String>,
    /// A name the user recognises.
    pub title: String,
    /// The portal's reference number.
    pub reference: Option<String>,
    /// When work started, if earlier than today (only used when starting).
    pub started_on: Option<Date>,
    /// The IPs to register.
    pub registered_ips: Vec<String>,
    /// The mobile number to register.
    pub mobile_number: Option<String>,
    /// VPN service.
    pub vpn_service: Option<String>,
    /// VPN protocol.
    pub vpn_protocol: Option<String>,
    /// Contact used on the portal.
    pub contact: Option<String>,
    /// Free notes.
    pub notes: Option<String>,
    /// When the registration must be renewed.
    pub renewal_on: Option<Date>,
}

/// A file kept with a timeline entry.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Attachment {
    /// Row id.
    pub id: Id,
    /// The stored file.
    #[serde(flatten)]
    #[ts(flatten)]
    pub file: StoredFile,
}

/// One entry of the timeline.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct Event {
    /// Row id.
    pub id: Id,
    /// The application.
    pub application_id: Id,
    /// When it happened.
    pub at: Timestamp,
    /// When it was recorded.
    pub recorded_at: Timestamp,
    /// The status before (`None` for the entry that started the application).
    pub from: Option<Status>,
    /// The status after.
    pub to: Status,
    /// The user's note.
    pub note: Option<String>,
    /// The reason given (for a rejection or a request for more information).
    pub reason: Option<String>,
    /// Files kept with it.
    pub attachments: Vec<Attachment>,
}

/// A status change the user asks for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct TransitionInput {
    /// The new status.
    pub to: Status,
    /// The day it happened; today (now) when not given.
    #[serde(default)]
    pub on: Option<Date>,
    /// A note for the timeline.
    #[serde(default)]
    pub note: Option<String>,
    /// Why (required for a rejection).
    #[serde(default)]
    pub reason: Option<String>,
    /// The reference number the portal gave, when submitting.
    #[serde(default)]
    pub reference: Option<String>,
    /// Files to keep with the entry (read and copied into the vault).
    #[serde(default)]
    #[ts(type = "string[]")]
    pub attachments: Vec<PathBuf>,
}

/// An application with its timeline and what to do next.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ApplicationView {
    /// The application.
    pub application: Application,
    /// What to do next.
    pub next_action: status::NextAction,
    /// The statuses it may move to.
    pub next_statuses: Vec<Status>,
    /// Its timeline, oldest first.
    pub timeline: Vec<Event>,
}

/// How far in the future (clock skew between devices) a date may be and still count as now.
const FUTURE_GRACE: jiff::SignedDuration = jiff::SignedDuration::from_mins(5);

/// The instant for "it happened on `on`": now for today or no date, midday otherwise (the
/// system time zone), so a date typed by hand sorts sensibly against today's entries.
pub fn instant_of(on: Option<Date>, now: Timestamp) -> Result<Timestamp> {
    let tz = jiff::tz::TimeZone::system();
    let today = now.to_zoned(tz.clone()).date();
    match on {
        None => Ok(now),
        Some(d) if d == today => Ok(now),
        Some(d) => d
            .at(12, 0, 0, 0)
            .to_zoned(tz)
            .map(|z| z.timestamp())
            .map_err(|e| Error::invalid("on", format!("{d} is not a usable date: {e}"))),
    }
}

fn clean(v: Option<&str>) -> Option<String> {
    v.map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_owned)
}

/// A reference number as the portal shows it, trimmed; `None` when empty.
fn clean_reference(v: Option<&str>) -> Result<Option<String>> {
    let reference = clean(v);
    if let Some(r) = &reference
        && (r.chars().count() > 64 || r.chars().any(char::is_control))
    {
        return Err(Error::invalid(
            "reference",
            "a reference number is at most 64 characters, as the portal shows it",
        ));
    }
    Ok(reference)
}

/// The input, trimmed and checked: IPs parse as public addresses, the reference has no
/// spaces inside, the title is there.
pub fn validate(input: &ApplicationInput) -> Result<ApplicationInput> {
    let title = input.title.trim();
    if title.is_empty() {
        return Err(Error::invalid(
            "title",
            "give the application a name you will recognise, e.g. \"Head office line\"",
        ));
    }
    if title.chars().count() > 120 {
        return Err(Error::invalid(
            "title",
            "keep the name under 120 characters",
        ));
    }
    let mut ips = Vec::new();
    for raw in &input.registered_ips {
        let raw = raw.trim();
        if raw.is_empty() {
            continue;
        }
        let ip = crate::profile::parse_public_ip("registeredIps", raw)?.to_string();
        if !ips.contains(&ip) {
            ips.push(ip);
        }
    }
    let reference = clean_reference(input.reference.as_deref())?;
    Ok(ApplicationInput {
        kind: input.kind,
        portal: input.portal,
        blocks_id: input.blocks_id,
        category_id: clean(input.category_id.as_deref()),
        title: title.to_owned(),
        reference,
        started_on: input.started_on,
        registered_ips: ips,
        mobile_number: clean(input.mobile_number.as_deref()),
        vpn_service: clean(input.vpn_service.as_deref()),
        vpn_protocol: clean(input.vpn_protocol.as_deref()),
        contact: clean(input.contact.as_deref()),
        notes: clean(input.notes.as_deref()),
        renewal_on: input.renewal_on,
    })
}

/// Starts an application for `profile_id` as a draft, with its first timeline entry.
pub fn start(
    store: &Store,
    profile_id: Id,
    input: &ApplicationInput,
    now: Timestamp,
) -> Result<Application> {
    let mut input = validate(input)?;
    // A registration is in the category the eligibility wizard chose, unless given.
    if input.category_id.is_none()
        && input.kind.unwrap_or(ApplicationKind::Registration) == ApplicationKind::Registration
        && let Some(answers) = store.eligibility_answers(profile_id)?
    {
        let (pack, _) = store.current_rules()?;
        input.category_id = crate::eligibility::decide(&pack, answers)
            .ok()
            .and_then(|d| d.category)
            .map(|c| c.id);
    }
    let started_at = instant_of(input.started_on, now)?;
    if started_at > now + FUTURE_GRACE {
        return Err(Error::invalid(
            "startedOn",
            "the start date is in the future; give the day work on it began",
        ));
    }
    store.insert_application(profile_id, &input, started_at, now)
}

/// The application with its timeline and next steps.
pub fn view(store: &Store, id: Id) -> Result<ApplicationView> {
    let application = store.application(id)?;
    let timeline = store.timeline(id)?;
    Ok(ApplicationView {
        next_action: status::next_action(application.kind, application.status),
        next_statuses: application.status.next(application.kind).to_vec(),
        application,
        timeline,
    })
}

/// Why the profile's documents and checks are not complete, or `None` when they are.
fn not_ready_because(
    store: &Store,
    vault: &Vault,
    pack: &RulesPack,
    app: &Application,
    today: Date,
) -> Result<Option<String>> {
    let checklist = crate::checklist::for_profile(store, vault, pack, app.profile_id, today)?;
    if checklist.complete {
        return Ok(None);
    }
    let mut open: Vec<String> = checklist
        .slots
        .iter()
        .filter(|s| s.state != crate::checklist::SlotState::Done)
        .map(|s| {
            s.requirements
                .iter()
                .map(|r| r.title.en.clone())
                .collect::<Vec<_>>()
                .join(" or ")
        })
        .collect();
    open.extend(
        checklist
            .checks
            .iter()
            .filter(|c| c.state != crate::checklist::CheckState::Pass)
            .map(|c| c.message.clone()),
    );
    if checklist.decision.is_none() {
        open.insert(0, "answer the eligibility questions".into());
    }
    Ok(Some(open.join("; ")))
}

/// Moves application `id` to `input.to`, appending the timeline entry and setting reminders.
///
/// `follow_up_days` comes from the settings. Attachments are copied into the vault first; if
/// the move is then refused, they stay unreferenced and the next vault check removes them.
#[allow(clippy::too_many_arguments)]
pub fn transition(
    store: &Store,
    vault: &Vault,
    pack: &RulesPack,
    id: Id,
    input: &TransitionInput,
    limit_bytes: u64,
    follow_up_days: u32,
    now: Timestamp,
) -> Result<ApplicationView> {
    let app = store.application(id)?;
    let to = input.to;
    if !app.status.can_move_to(to, app.kind) {
        let next = app.status.next(app.kind);
        let possible = if next.is_empty() {
            "it is closed".to_owned()
        } else {
            format!(
                "from {} it can become: {}",
                app.status.label(),
                next.iter()
                    .map(|s| s.label())
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        };
        return Err(Error::invalid(
            "to",
            format!(
                "an application that is {} cannot become {}; {possible}",
                app.status.label(),
                to.label()
            ),
        ));
    }
    let at = instant_of(input.on, now)?;
    let last = store.last_event_at(id)?;
    if input.on.is_none() && now < last {
        return Err(Error::invalid(
            "on",
            format!(
                "this computer's clock reads {}, which is earlier than the last timeline entry ({}); check the date and time settings, or give the date it happened",
                now.strftime("%Y-%m-%d %H:%M UTC"),
                last.strftime("%Y-%m-%d %H:%M UTC")
            ),
        ));
    }
    if at > now + FUTURE_GRACE {
        return Err(Error::invalid(
            "on",
            "that date is in the future; record a change once it has happened",
        ));
    }
    if at < app.started_at {
        return Err(Error::invalid(
            "on",
            format!(
                "that is before this application started ({}); give a later date",
                app.started_at.strftime("%Y-%m-%d")
            ),
        ));
    }
    if at < last {
        return Err(Error::invalid(
            "on",
            format!(
                "that is before the last timeline entry ({}); entries are kept in order",
                last.strftime("%Y-%m-%d")
            ),
        ));
    }
    let reason = clean(input.reason.as_deref());
    if to == Status::Rejected && reason.is_none() {
        return Err(Error::invalid(
            "reason",
            "write down the reason the portal gave; you will need it to resubmit",
        ));
    }
    if to == Status::Ready && app.kind == ApplicationKind::Registration {
        let today = at.to_zoned(jiff::tz::TimeZone::system()).date();
        if let Some(why) = not_ready_because(store, vault, pack, &app, today)? {
            return Err(Error::invalid("to", format!("not ready yet: {why}")));
        }
    }
    if matches!(to, Status::Submitted | Status::Resubmitted)
        && app.kind == ApplicationKind::Registration
        && app.registered_ips.is_empty()
        && app.mobile_number.is_none()
    {
        return Err(Error::invalid(
            "to",
            "record what is being registered first: the IP address(es) or the mobile number",
        ));
    }
    let reference = clean_reference(input.reference.as_deref())?;
    let mut files = Vec::new();
    for path in &input.attachments {
        let stored = vault.import(path, limit_bytes)?;
        files.push(stored);
    }
    let mut reminders = Vec::new();
    let when = |days: u32| at + jiff::SignedDuration::from_hours(i64::from(days) * 24);
    if to.awaits_authority() {
        reminders.push(NewReminder {
            key: format!("follow-up:{id}:{}:{}", to.as_str(), at.as_second()),
            kind: ReminderKind::FollowUp,
            profile_id: Some(app.profile_id),
            application_id: Some(id),
            title: Message::new("reminder.followUpTitle").arg("title", app.title.as_str()),
            body: Some(
                Message::new("reminder.followUpBody")
                    .arg("days", follow_up_days)
                    .arg(
                        "status",
                        Arg::term(&format!("application.status.{}", to.as_str())),
                    ),
            ),
            due_at: when(follow_up_days),
        });
    }
    if to == Status::MoreInfoRequested {
        reminders.push(NewReminder {
            key: format!("respond:{id}:{}", at.as_second()),
            kind: ReminderKind::Respond,
            profile_id: Some(app.profile_id),
            application_id: Some(id),
            title: Message::new("reminder.respondTitle").arg("title", app.title.as_str()),
            body: Some(reason.as_deref().map_or_else(
                || Message::new("reminder.respondBody"),
                |r| Message::new("reminder.said").arg("text", r),
            )),
            due_at: when(7),
        });
    }
    if to == Status::Approved
        && let Some(renewal) = app.renewal_on
    {
        reminders.push(crate::reminders::renewal(&app, renewal)?);
    }
    store.record_transition(
        &app,
        &crate::store::NewEvent {
            at,
            to,
            note: clean(input.note.as_deref()),
            reason,
            reference,
            attachments: files,
        },
        &reminders,
        now,
    )?;
    view(store, id)
}

/// Changes an application's details (not its kind or status).
pub fn update(
    store: &Store,
    id: Id,
    input: &ApplicationInput,
    now: Timestamp,
) -> Result<Application> {
    let input = validate(input)?;
    let app = store.update_application(id, &input, now)?;
    if let (Status::Approved, Some(renewal)) = (app.status, app.renewal_on) {
        store.add_reminders(&[crate::reminders::renewal(&app, renewal)?], now)?;
    }
    Ok(app)
}

/// Deletes an application; only a draft can be deleted (anything later is history: withdraw it).
pub fn delete(store: &Store, id: Id) -> Result<()> {
    let app = store.application(id)?;
    if !matches!(app.status, Status::Draft | Status::Ready) {
        return Err(Error::invalid(
            "id",
            format!(
                "{} is {}; only a draft can be deleted. Mark it withdrawn to close it and keep its history",
                app.title,
                app.status.label()
            ),
        ));
    }
    store.delete_application(id)
}

/// The registered-IP watch: after a connection check measured `measured`, raises an
/// [`ReminderKind::IpDrift`] reminder (due now) for every approved registration whose
/// registered IPs of the same family do not include it. Returns how many are new.
pub fn watch_drift(store: &Store, measured: &str, now: Timestamp) -> Result<usize> {
    let Ok(measured_ip) = measured.parse::<std::net::IpAddr>() else {
        return Ok(0);
    };
    let mut new = Vec::new();
    for app in store.approved_registrations()? {
        let same_family: Vec<std::net::IpAddr> = app
            .registered_ips
            .iter()
            .filter_map(|ip| ip.parse::<std::net::IpAddr>().ok())
            .filter(|ip| ip.is_ipv4() == measured_ip.is_ipv4())
            .collect();
        if same_family.is_empty() || same_family.contains(&measured_ip) {
            continue;
        }
        new.push(NewReminder {
            key: format!("drift:{}:{measured_ip}", app.id),
            kind: ReminderKind::IpDrift,
            profile_id: Some(app.profile_id),
            application_id: Some(app.id),
            title: Message::new("reminder.driftTitle").arg("title", app.title.as_str()),
            body: Some(
                Message::new("reminder.driftBody")
                    .arg("measured", measured_ip.to_string())
                    .arg("title", app.title.as_str())
                    .arg("registered", app.registered_ips.join(", ")),
            ),
            due_at: now,
        });
    }
    store.add_reminders(&new, now)
}
