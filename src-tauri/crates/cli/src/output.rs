//! Printing: the JSON schema (stable: the core's DTOs, camelCase) and the text rendering.

use std::process::ExitCode;

use serde::Serialize;
use vca_core::{
    ErrorKind,
    overview::{Overview, StepState},
    profile::{Profile, ProfileDetail, ProfileKind},
};

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
    /// Something created or removed: `{"ok": true, "id": N}`.
    Done {
        ok: bool,
        id: i64,
        message: String,
    },
}

/// Prints `out` to stdout.
pub fn print(out: &Output, json: bool) {
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
        Output::Overview(o) => print_overview(o),
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
        Output::Done { message, .. } => println!("{message}"),
    }
}

fn kind(k: ProfileKind) -> &'static str {
    match k {
        ProfileKind::Freelancer => "freelancer",
        ProfileKind::Firm => "firm",
    }
}

fn print_overview(o: &Overview) {
    match &o.profile {
        None => println!(
            "No profile yet. Create one with: vca profile add --kind freelancer \"Your Name\""
        ),
        Some(p) => println!(
            "{} ({}): {}% ready, {} public IP(s) recorded",
            p.name,
            kind(p.kind),
            o.readiness_percent,
            o.public_ip_count
        ),
    }
    for step in &o.steps {
        let state = match step.state {
            StepState::Done => "done",
            StepState::Todo => "to do",
            StepState::Upcoming => "later version",
        };
        println!("  [{state:^13}] {:?}", step.key);
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

/// Reports `err` on stderr and returns the exit code for its kind.
pub fn fail(err: &vca_core::Error, json: bool) -> ExitCode {
    let (code, exit) = match err.kind() {
        ErrorKind::InvalidInput => ("invalidInput", 3),
        ErrorKind::NotFound => ("notFound", 4),
        ErrorKind::StorageUnavailable => ("storageUnavailable", 5),
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
