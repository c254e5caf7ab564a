//! `vca status`, `vca timeline`, `vca application …`, `vca reminders …`, `vca backup` and
//! `vca restore`: tracking submissions and keeping the whole state safe.

use std::path::PathBuf;

use clap::{Args, Subcommand, ValueEnum};
use serde::Serialize;
use vca_core::{
    Error, Result,
    applications::{
        self, Application, ApplicationInput, ApplicationKind, ApplicationView, Status,
        TransitionInput,
    },
    data_dir::DataDir,
    i18n::{Arg, Lang},
    profile::Id,
    reminders::{CustomReminderInput, Reminder},
    store::Store,
    vault::Vault,
};

use crate::{
    args::ProfileSelector,
    output::Output,
    run::{done, profile_id},
    words::Words,
};

/// `vca application …`
#[derive(Debug, Subcommand)]
pub enum ApplicationCommand {
    /// List the profile's applications.
    List(ProfileSelector),
    /// Start an application as a draft.
    Start(Box<StartArgs>),
    /// Record what happened: move an application to its next status.
    ///
    /// The moves an application allows are listed by `vca timeline ID`. Dates in the future,
    /// before the application started or before its last entry are refused.
    Move(Box<MoveArgs>),
    /// Delete a draft (anything later is history: move it to `withdrawn`).
    Delete {
        /// The application's id.
        id: Id,
    },
}

/// What kind of application.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum KindArg {
    /// VPN registration or IP whitelisting on the PTA portal.
    Registration,
    /// The static-IP request to the ISP (a side ticket).
    IspStaticIp,
    /// PSEB registration (a side ticket).
    PsebRegistration,
}

/// `vca application start`
#[derive(Debug, Args)]
pub struct StartArgs {
    #[command(flatten)]
    pub profile: ProfileSelector,
    /// A name you will recognise, e.g. "Head office line".
    #[arg(long)]
    pub title: String,
    /// What kind.
    #[arg(long, value_enum, default_value = "registration")]
    pub kind: KindArg,
    /// An IP address to register (repeat for several).
    #[arg(long = "ip", value_name = "IP")]
    pub ips: Vec<String>,
    /// The mobile number to register instead of an IP.
    #[arg(long)]
    pub mobile: Option<String>,
    /// The portal's reference number, if known.
    #[arg(long)]
    pub reference: Option<String>,
    /// The day work on it started (YYYY-MM-DD), if before today.
    #[arg(long, value_name = "DATE")]
    pub started_on: Option<jiff::civil::Date>,
    /// For a side ticket: the application it blocks.
    #[arg(long, value_name = "ID")]
    pub blocks: Option<Id>,
}

/// `vca application move`
#[derive(Debug, Args)]
pub struct MoveArgs {
    /// The application's id.
    pub id: Id,
    /// The new status: ready, submitted, isp-verification, under-review,
    /// more-info-requested, resubmitted, approved, rejected, delisted, renewal-due, withdrawn.
    pub to: String,
    /// The day it happened (YYYY-MM-DD); today when not given.
    #[arg(long, value_name = "DATE")]
    pub on: Option<jiff::civil::Date>,
    /// A note for the timeline.
    #[arg(long)]
    pub note: Option<String>,
    /// The reason given (required for `rejected`).
    #[arg(long)]
    pub reason: Option<String>,
    /// The reference number the portal gave.
    #[arg(long)]
    pub reference: Option<String>,
    /// A file to keep with the entry, e.g. the confirmation email as PDF (repeatable).
    #[arg(long = "attach", value_name = "FILE")]
    pub attachments: Vec<PathBuf>,
}

/// `vca reminders …`
#[derive(Debug, Subcommand)]
pub enum RemindersCommand {
    /// What needs attention now, and what comes next.
    List(ProfileSelector),
    /// Set a reminder of your own.
    Add {
        #[command(flatten)]
        profile: ProfileSelector,
        /// What to remember.
        #[arg(long)]
        title: String,
        /// The day (09:00 that morning).
        #[arg(long, value_name = "DATE")]
        on: jiff::civil::Date,
        /// The application it concerns.
        #[arg(long, value_name = "ID")]
        application: Option<Id>,
    },
    /// Mark a reminder done.
    Done {
        /// The reminder's id.
        id: Id,
    },
}

/// `vca status`: every application with where it stands, and what needs attention.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusReport {
    pub applications: Vec<StatusLine>,
    pub attention: Vec<Reminder>,
}

/// One application in `vca status`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct StatusLine {
    #[serde(flatten)]
    pub application: Application,
    /// The next action in English words (stable for scripts).
    pub next_action: String,
    /// The next action, worded in the chosen language when printed.
    #[serde(skip)]
    pub next: applications::status::NextAction,
}

/// Reminders of a profile.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RemindersReport {
    pub due: Vec<Reminder>,
    pub upcoming: Vec<Reminder>,
}

fn kind(k: KindArg) -> ApplicationKind {
    match k {
        KindArg::Registration => ApplicationKind::Registration,
        KindArg::IspStaticIp => ApplicationKind::IspStaticIp,
        KindArg::PsebRegistration => ApplicationKind::PsebRegistration,
    }
}

/// `vca status`.
pub fn status(store: &Store, sel: &ProfileSelector) -> Result<Output> {
    let id = profile_id(store, sel)?;
    let applications = store
        .applications_of(id)?
        .into_iter()
        .map(|a| {
            let next = applications::status::next_action(a.kind, a.status);
            StatusLine {
                next_action: next.text(Lang::En),
                next,
                application: a,
            }
        })
        .collect();
    Ok(Output::Status(StatusReport {
        applications,
        attention: store.reminders_due(Some(id), jiff::Timestamp::now())?,
    }))
}

/// `vca timeline ID`.
pub fn timeline(store: &Store, id: Id) -> Result<Output> {
    Ok(Output::Timeline(Box::new(applications::view(store, id)?)))
}

/// `vca application …`.
pub fn application(store: &Store, dir: &DataDir, cmd: ApplicationCommand) -> Result<Output> {
    let now = jiff::Timestamp::now();
    match cmd {
        ApplicationCommand::List(sel) => {
            let id = profile_id(store, &sel)?;
            status(store, &ProfileSelector { profile: Some(id) })
        }
        ApplicationCommand::Start(args) => {
            let id = profile_id(store, &args.profile)?;
            let app = applications::start(
                store,
                id,
                &ApplicationInput {
                    kind: Some(kind(args.kind)),
                    blocks_id: args.blocks,
                    title: args.title,
                    reference: args.reference,
                    started_on: args.started_on,
                    registered_ips: args.ips,
                    mobile_number: args.mobile,
                    ..ApplicationInput::default()
                },
                now,
            )?;
            Ok(done(
                app.id,
                format!("Started {} as a draft (id {})", app.title, app.id),
            ))
        }
        ApplicationCommand::Move(args) => {
            let to = Status::parse(&args.to).ok_or_else(|| {
                Error::invalid(
                    "to",
                    format!(
                        "{:?} is not a status; use one of: {}",
                        args.to,
                        applications::status::ALL.map(|s| s.as_str()).join(", ")
                    ),
                )
            })?;
            let (pack, _) = store.current_rules()?;
            let vault = Vault::open(dir.vault_dir())?;
            let settings = store.settings()?;
            let view = applications::transition(
                store,
                &vault,
                &pack,
                args.id,
                &TransitionInput {
                    to,
                    on: args.on,
                    note: args.note,
                    reason: args.reason,
                    reference: args.reference,
                    attachments: args.attachments,
                },
                settings.max_document_bytes(),
                settings.follow_up_days,
                now,
            )?;
            Ok(Output::Timeline(Box::new(view)))
        }
        ApplicationCommand::Delete { id } => {
            applications::delete(store, id)?;
            Ok(done(id, format!("Deleted application {id}")))
        }
    }
}

/// `vca reminders …`.
pub fn reminders(store: &Store, cmd: RemindersCommand) -> Result<Output> {
    let now = jiff::Timestamp::now();
    match cmd {
        RemindersCommand::List(sel) => {
            let id = profile_id(store, &sel)?;
            let (pack, _) = store.current_rules()?;
            vca_core::reminders::sync(store, &pack, now)?;
            Ok(Output::Reminders(RemindersReport {
                due: store.reminders_due(Some(id), now)?,
                upcoming: store.reminders_upcoming(Some(id), now, 50)?,
            }))
        }
        RemindersCommand::Add {
            profile,
            title,
            on,
            application,
        } => {
            let id = profile_id(store, &profile)?;
            let r = vca_core::reminders::add_custom(
                store,
                id,
                &CustomReminderInput {
                    application_id: application,
                    title,
                    due_on: on,
                },
                now,
            )?;
            Ok(done(
                r.id,
                format!(
                    "Reminder set for {} (id {})",
                    r.due_at.strftime("%Y-%m-%d %H:%M UTC"),
                    r.id
                ),
            ))
        }
        RemindersCommand::Done { id } => {
            store.complete_reminder(id, now)?;
            Ok(done(id, format!("Reminder {id} done")))
        }
    }
}

pub fn print_status(r: &StatusReport, w: Words) {
    if r.applications.is_empty() {
        println!("{}", w.word("cli.status.none"));
    }
    for line in &r.applications {
        let a = &line.application;
        println!(
            "{:>4}  {:<28}  {:<26}  {}",
            a.id,
            a.title,
            w.variant("application.status", &a.status),
            a.reference.as_deref().unwrap_or("")
        );
        println!(
            "      {}",
            w.say("cli.next", &[("action", line.next.text(w.lang).into())])
        );
    }
    if !r.attention.is_empty() {
        println!("\n{}", w.word("cli.reminders.due"));
        for rem in &r.attention {
            println!("{:>4}  {}", rem.id, w.message(&rem.title));
        }
    }
}

pub fn print_timeline(v: &ApplicationView, w: Words) {
    let a = &v.application;
    let status = w.variant("application.status", &a.status);
    println!("{} (id {}): {status}", a.title, a.id);
    if let Some(r) = &a.reference {
        println!(
            "{}",
            w.say(
                "cli.timeline.reference",
                &[("reference", r.as_str().into())]
            )
        );
    }
    if !a.registered_ips.is_empty() {
        println!(
            "{}",
            w.say(
                "cli.timeline.ips",
                &[("ips", a.registered_ips.join(", ").into())]
            )
        );
    }
    println!(
        "{}",
        w.say("cli.next", &[("action", v.next_action.text(w.lang).into())])
    );
    if !v.next_statuses.is_empty() {
        // The names to type, as `vca application move` takes them.
        let moves: Vec<&str> = v.next_statuses.iter().map(|s| s.as_str()).collect();
        println!(
            "{}",
            w.say("cli.timeline.moves", &[("moves", moves.join(", ").into())])
        );
    }
    println!("\n{}", w.word("cli.timeline.title"));
    for e in &v.timeline {
        println!(
            "  {}  {}",
            e.at.strftime("%Y-%m-%d %H:%M UTC"),
            w.variant("application.status", &e.to)
        );
        if let Some(r) = &e.reason {
            println!(
                "      {}",
                w.say("cli.timeline.reason", &[("reason", r.as_str().into())])
            );
        }
        if let Some(n) = &e.note {
            println!(
                "      {}",
                w.say("cli.timeline.note", &[("note", n.as_str().into())])
            );
        }
        for f in &e.attachments {
            println!(
                "      {}",
                w.say(
                    "cli.timeline.attached",
                    &[
                        ("file", f.file.original_name.as_str().into()),
                        (
                            "bytes",
                            Arg::Number(i64::try_from(f.file.size).unwrap_or(i64::MAX))
                        ),
                    ]
                )
            );
        }
    }
}

pub fn print_reminders(r: &RemindersReport, w: Words) {
    if r.due.is_empty() && r.upcoming.is_empty() {
        println!("{}", w.word("cli.reminders.none"));
    }
    for (heading, list) in [
        ("cli.reminders.due", &r.due),
        ("cli.reminders.upcoming", &r.upcoming),
    ] {
        if list.is_empty() {
            continue;
        }
        println!("{}", w.word(heading));
        for rem in list {
            println!(
                "{:>4}  {}  {}",
                rem.id,
                rem.due_at.strftime("%Y-%m-%d"),
                w.message(&rem.title)
            );
        }
    }
}
