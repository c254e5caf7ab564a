//! `vca`: the command-line front end of VPN Compliance Assistant, for scripting by IT firms.
//!
//! Parses arguments, runs one core operation and prints the result as text or JSON. Exit
//! codes: 0 success, 1 internal error, 2 usage error, 3 invalid input, 4 not found,
//! 5 data store unavailable, 6 keychain unavailable (missing, locked or refusing); `check-ip` adds 10 (not static) and 11 (could not tell); `checklist` adds 12 (not complete); `vault-check` 13 (a stored file is missing or damaged). It holds no domain logic of its own.

mod args;
mod credentials;
mod kit;
mod output;
mod run;
mod tracking;
mod words;

use std::process::ExitCode;

use clap::Parser;
use vca_core::{i18n::Lang, settings::Language};

fn main() -> ExitCode {
    // `vca … | head` closes the pipe early: stop quietly, as other command-line tools do,
    // instead of reporting a panic.
    let report = std::panic::take_hook();
    std::panic::set_hook(Box::new(move |info| {
        if info
            .payload_as_str()
            .is_some_and(|m| m.starts_with("failed printing to stdout"))
        {
            std::process::exit(141);
        }
        report(info);
    }));
    let cli = args::Cli::parse();
    let filter = tracing_subscriber::EnvFilter::try_from_env("VCA_LOG")
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(filter)
        .with_writer(std::io::stderr)
        .try_init();
    let json = cli.json;
    let lang = match cli.lang {
        Some(args::LangArg::En) => Lang::En,
        Some(args::LangArg::Ur) => Lang::Ur,
        None => Lang::resolve(Language::System, sys_locale::get_locale().as_deref()),
    };
    match run::run(cli, lang) {
        Ok(out) => {
            output::print(&out, json, words::Words { lang });
            output::exit_code(&out)
        }
        Err(err) => output::fail(&err, json),
    }
}
