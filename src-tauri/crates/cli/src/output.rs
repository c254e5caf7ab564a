//! Printing: the JSON schema (stable: the core's DTOs, camelCase) and the text rendering.

use std::process::ExitCode;

use serde::Serialize;
use vca_core::{
    ErrorKind,
    connection::ConnectionReport,
    discovery::{Discovery, DiscoveryStatus, ProviderOutcome},
    overview::Overview,
    profile::{Profile, ProfileDetail, ProfileKind},
    verdict::{NextStep, VerdictKind},
};

use crate::words::Words;

/// Facts printed by `vca info`.
#[derive(Debug, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Info {
    pub version: &'static str,
    pub data_dir: String,
    pub database_path: String,
    pub schema_version: usize,
}

/// What a command produced.
#[derive(Debug, Serialize)]
#[serde(untagged)]
pub enum Output {
    Info(Info),
    Overview(Overview),
    Profiles(Vec<Profile>),
    Profile(Profile),
    Detail(ProfileDetail),
    Check(Box<ConnectionReport>),
    Rules(Box<crate::kit::RulesView>),
    Decision(Box<vca_core::eligibility::Decision>),
    Details(vca_core::applicant::ApplicantDetails),
    Document(Box<vca_core::documents::Document>),
    Documents(Vec<vca_core::documents::Document>),
    Checklist(Box<vca_core::checklist::Checklist>),
    Export(Box<vca_core::export::ExportReport>),
    VaultCheck(crate::kit::VaultReport),
    Credentials(Vec<vca_core::credentials::Credential>),
    Credential(vca_core::credentials::Credential),
    Keychain(vca_core::credentials::KeychainStatus),
    /// A secret the user asked for by name (`credentials reveal`).
    Secret {
        secret: String,
    },
    Status(crate::tracking::StatusReport),
    Timeline(Box<vca_core::applications::ApplicationView>),
    Reminders(crate::tracking::RemindersReport),
    Backup(vca_core::backup::BackupReport),
    /// Something created or removed: `{"ok": true, "id": N}`.
    Done {
        ok: bool,
        id: i64,
        message: String,
    },
}

/// Prints `out` to stdout, as JSON or in `w`'s language.
pub fn print(out: &Output, json: bool, w: Words) {
    if json {
        match serde_json::to_string_pretty(out) {
            Ok(s) => println!("{s}"),
            Err(e) => eprintln!("could not encode the result as JSON: {e}"),
        }
        return;
    }
    match out {
        Output::Info(i) => {
            println!("VPN Compliance Assistant {}", i.version);
            println!("data folder:    {}", i.data_dir);
            println!("database:       {}", i.database_path);
            println!("schema version: {}", i.schema_version);
        }
        Output::Overview(o) => print_overview(o, w),
        Output::Profiles(list) if list.is_empty() => {
            println!(
                "No profiles yet. Create one with: vca profile add --kind freelancer \"Your Name\""
            );
        }
        Output::Profiles(list) => {
            for p in list {
                println!("{:>4}  {:<10}  {}", p.id, kind(p.kind), p.name);
            }
        }
        Output::Profile(p) => println!("{} ({}), id {}", p.name, kind(p.kind), p.id),
        Output::Detail(d) => print_detail(d),
        Output::Check(c) => print_check(c, w),
        Output::Rules(r) => crate::kit::print_rules(r),
        Output::Decision(d) => crate::kit::print_decision(d),
        Output::Details(d) => crate::kit::print_details(d, w),
        Output::Document(d) => crate::kit::print_document(d),
        Output::Documents(list) if list.is_empty() => {
            println!("No documents yet. Add one with: vca doc add FILE --requirement cnic-front");
        }
        Output::Documents(list) => list.iter().for_each(crate::kit::print_document),
        Output::Checklist(c) => crate::kit::print_checklist(c, w),
        Output::Status(r) => crate::tracking::print_status(r, w),
        Output::Timeline(v) => crate::tracking::print_timeline(v, w),
        Output::Reminders(r) => crate::tracking::print_reminders(r, w),
        Output::Backup(r) => println!(
            "{}: {} file(s), {:.1} MB, made {}",
            r.path,
            r.files,
            r.bytes as f64 / 1_048_576.0,
            r.created_at.strftime("%Y-%m-%d %H:%M UTC")
        ),
        Output::Export(r) => crate::kit::print_export(r),
        Output::VaultCheck(r) => println!(
            "{} document(s) checked; {} missing, {} damaged",
            r.documents,
            r.missing.len(),
            r.damaged.len()
        ),
        Output::Credentials(list) => crate::credentials::print_list(list),
        Output::Credential(c) => crate::credentials::print_one(c),
        Output::Keychain(k) => crate::credentials::print_status(k),
        Output::Secret { secret } => println!("{secret}"),
        Output::Done { message, .. } => println!("{message}"),
    }
}

fn kind(k: ProfileKind) -> &'static str {
    match k {
        ProfileKind::Freelancer => "freelancer",
        ProfileKind::Firm => "firm",
    }
}

fn print_overview(o: &Overview, w: Words) {
    match &o.profile {
        None => println!("{}", w.word("cli.overview.noProfile")),
        Some(p) => println!(
            "{}",
            w.say(
                "cli.overview.line",
                &[
                    ("name", p.name.as_str().into()),
                    ("kind", w.word(&format!("cli.kind.{}", kind(p.kind))).into()),
                    ("percent", o.readiness_percent.into()),
                    ("ips", o.public_ip_count.into()),
                ]
            )
        ),
    }
    for step in &o.steps {
        println!(
            "  [{}] {}",
            w.variant("overview.state", &step.state),
            w.variant("overview.step", &step.key)
        );
    }
}

fn print_discovery(label: &str, d: &Discovery, w: Words) {
    let agreeing = d
        .reports
        .iter()
        .filter(|r| matches!(r.outcome, ProviderOutcome::Answered { agrees: true, .. }))
        .count();
    let status = match d.status {
        DiscoveryStatus::Agreed => w.say(
            "cli.discovery.agreed",
            &[
                ("agreeing", agreeing.into()),
                ("total", d.reports.len().into()),
            ],
        ),
        DiscoveryStatus::Unconfirmed => w.word("cli.discovery.unconfirmed"),
        DiscoveryStatus::Disagreement => w.word("cli.discovery.disagreement"),
        DiscoveryStatus::NoAnswer => w.word("cli.discovery.noAnswer"),
    };
    let none = w.word("cli.discovery.none");
    println!(
        "{label}: {} ({status})",
        d.address.as_deref().unwrap_or(&none)
    );
    for r in &d.reports {
        let what = match &r.outcome {
            ProviderOutcome::Answered {
                address,
                agrees: true,
            } => address.clone(),
            ProviderOutcome::Answered {
                address,
                agrees: false,
            } => w.say(
                "cli.discovery.disagrees",
                &[("address", address.as_str().into())],
            ),
            ProviderOutcome::Failed { reason } => reason.clone(),
            ProviderOutcome::NotAwaited => w.word("cli.discovery.notAwaited"),
        };
        println!("  {:<14} {:>6} ms  {what}", r.name, r.elapsed_ms);
    }
}

fn print_check(report: &ConnectionReport, w: Words) {
    let c = &report.check;
    let v = &report.verdict;
    print_discovery("IPv4", &c.v4, w);
    print_discovery("IPv6", &c.v6, w);
    if c.vpn.active {
        println!("{}", w.word("cli.check.vpnActive"));
        for clue in &c.vpn.evidence {
            println!("  - {}", w.message(&clue.message()));
        }
    }
    println!("{}", w.word("cli.check.interfaces"));
    for i in &c.interfaces {
        let addrs: Vec<String> = i
            .addresses
            .iter()
            .map(|a| format!("{}/{}", a.address, a.prefix))
            .collect();
        println!("  {:<12} {}", i.name, addrs.join(", "));
    }
    println!();
    println!(
        "{}",
        w.say(
            "cli.check.verdict",
            &[
                ("verdict", w.variant("verdict.kind", &v.kind).into()),
                (
                    "confidence",
                    w.variant("verdict.confidence", &v.confidence).into()
                ),
            ]
        )
    );
    if let Some(reason) = &v.unknown_reason {
        println!("{}", w.variant("verdict.reason", reason));
    }
    for e in &v.evidence {
        println!(
            "  - [{}, {}] {}",
            w.variant("verdict.source", &e.source),
            w.variant("verdict.lean", &e.lean),
            w.message(&e.finding)
        );
    }
    println!("{}", w.word("verdict.nextTitle"));
    for (i, step) in v.next_steps.iter().enumerate() {
        let words = match (step, &v.isp) {
            (NextStep::AskIspForStatic, Some(isp)) => w.say(
                "verdict.next.askNamedIspForStatic",
                &[("isp", isp.name.as_str().into())],
            ),
            _ => w.variant("verdict.next", step),
        };
        println!("  {}. {words}", i + 1);
    }
}

fn print_detail(d: &ProfileDetail) {
    println!(
        "{} ({}), id {}",
        d.profile.name,
        kind(d.profile.kind),
        d.profile.id
    );
    println!("Sites:");
    for s in &d.sites {
        println!(
            "  {:>4}  {}{}",
            s.id,
            s.name,
            s.city
                .as_ref()
                .map(|c| format!(", {c}"))
                .unwrap_or_default()
        );
    }
    println!("Public IPs:");
    for ip in &d.public_ips {
        println!(
            "  {:>4}  {}{}",
            ip.id,
            ip.address,
            ip.label
                .as_ref()
                .map(|l| format!("  ({l})"))
                .unwrap_or_default()
        );
    }
    println!("Staff:");
    for s in &d.staff {
        println!(
            "  {:>4}  {}{}",
            s.id,
            s.name,
            s.role
                .as_ref()
                .map(|r| format!(", {r}"))
                .unwrap_or_default()
        );
    }
}

/// The exit code for a successful command. `check-ip` says whether the IP is static:
/// 0 static (or likely static), 10 not static (dynamic, likely dynamic, CGNAT), 11 could not tell.
pub fn exit_code(out: &Output) -> ExitCode {
    match out {
        Output::Checklist(c) if !c.complete => ExitCode::from(12),
        Output::VaultCheck(r) if !r.missing.is_empty() || !r.damaged.is_empty() => {
            ExitCode::from(13)
        }
        Output::Keychain(k) if k.backend.is_none() => ExitCode::from(6),
        Output::Check(r) => match r.verdict.kind {
            VerdictKind::Static | VerdictKind::LikelyStatic => ExitCode::SUCCESS,
            VerdictKind::Dynamic | VerdictKind::LikelyDynamic | VerdictKind::BehindCgnat => {
                ExitCode::from(10)
            }
            _ => ExitCode::from(11),
        },
        _ => ExitCode::SUCCESS,
    }
}

/// Reports `err` on stderr and returns the exit code for its kind.
pub fn fail(err: &vca_core::Error, json: bool) -> ExitCode {
    let (code, exit) = match err.kind() {
        ErrorKind::InvalidInput => ("invalidInput", 3),
        ErrorKind::NotFound => ("notFound", 4),
        ErrorKind::StorageUnavailable => ("storageUnavailable", 5),
        ErrorKind::Keychain => ("keychainUnavailable", 6),
        _ => ("internal", 1),
    };
    if json {
        let doc = serde_json::json!({ "error": { "code": code, "message": err.to_string(), "field": err.field() } });
        eprintln!("{doc}");
    } else {
        eprintln!("vca: {err}");
    }
    ExitCode::from(exit)
}
