//! `vca credentials …`: portal logins and API tokens in the OS keychain.

use std::io::{BufRead as _, IsTerminal as _};

use clap::{Subcommand, ValueEnum};
use secrecy::{ExposeSecret as _, SecretString};
use vca_core::{
    Error, Result,
    credentials::{self, Credential, CredentialInput, CredentialKind, Keychain, KeychainStatus},
    profile::Id,
    store::Store,
};

use crate::{output::Output, run::done};

/// `vca credentials …`
#[derive(Debug, Subcommand)]
pub enum CredentialsCommand {
    /// List the stored credentials (names and accounts, never secrets).
    List,
    /// Say which keychain holds the credentials on this system, or why none can.
    Status,
    /// Add a credential; asks for the secret.
    Add {
        /// A name for it, e.g. "PTA portal".
        #[arg(long)]
        label: String,
        /// What it is for.
        #[arg(long, value_enum, default_value = "other")]
        kind: KindArg,
        /// The account name or e-mail, kept in the list.
        #[arg(long)]
        account: Option<String>,
    },
    /// Change a credential's name, kind or account; with --new-secret also its secret.
    Update {
        /// The credential's id (see `list`).
        id: Id,
        /// A new name (default: keep).
        #[arg(long)]
        label: Option<String>,
        /// A new kind (default: keep).
        #[arg(long, value_enum)]
        kind: Option<KindArg>,
        /// A new account name; an empty one removes it (default: keep).
        #[arg(long)]
        account: Option<String>,
        /// Ask for a new secret.
        #[arg(long)]
        new_secret: bool,
    },
    /// Delete a credential from the keychain and the list.
    Remove {
        /// The credential's id.
        id: Id,
    },
    /// Print a credential's secret on stdout, e.g. to pipe it into another program.
    Reveal {
        /// The credential's id.
        id: Id,
    },
}

/// What a credential is for.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum KindArg {
    /// PTA's registration portal.
    PtaPortal,
    /// PSEB's portal.
    PsebPortal,
    /// An API token.
    ApiToken,
    /// Anything else.
    Other,
}

impl From<KindArg> for CredentialKind {
    fn from(k: KindArg) -> Self {
        match k {
            KindArg::PtaPortal => Self::PtaPortal,
            KindArg::PsebPortal => Self::PsebPortal,
            KindArg::ApiToken => Self::ApiToken,
            KindArg::Other => Self::Other,
        }
    }
}

/// Asks for a secret without echo on a terminal, or reads one line from a pipe.
fn read_secret(label: &str) -> Result<SecretString> {
    let line = if std::io::stdin().is_terminal() {
        rpassword::prompt_password(format!("Secret for \"{label}\" (not shown): "))
            .map_err(|e| Error::invalid("secret", format!("could not read the secret: {e}")))?
    } else {
        let mut line = String::new();
        std::io::stdin()
            .lock()
            .read_line(&mut line)
            .map_err(|e| Error::invalid("secret", format!("could not read the secret: {e}")))?;
        let trimmed = line.trim_end_matches(['\n', '\r']).len();
        line.truncate(trimmed);
        line
    };
    Ok(SecretString::from(line))
}

/// Runs one `credentials` subcommand.
pub fn run(store: &Store, cmd: CredentialsCommand) -> Result<Output> {
    match cmd {
        CredentialsCommand::List => Ok(Output::Credentials(credentials::list(store)?)),
        CredentialsCommand::Status => Ok(Output::Keychain(Keychain::open().status())),
        CredentialsCommand::Add {
            label,
            kind,
            account,
        } => {
            // Find the keychain before asking for a secret that could not be kept anyway.
            let keychain = Keychain::open();
            keychain.backend()?;
            let secret = read_secret(&label)?;
            let input = CredentialInput {
                kind: kind.into(),
                label,
                account,
                secret: Some(secret),
            };
            Ok(Output::Credential(credentials::add(
                store, &keychain, &input,
            )?))
        }
        CredentialsCommand::Update {
            id,
            label,
            kind,
            account,
            new_secret,
        } => {
            let current = store.credential(id)?.credential;
            let keychain = Keychain::open();
            let label = label.unwrap_or(current.label);
            let secret = if new_secret {
                keychain.backend()?;
                Some(read_secret(&label)?)
            } else {
                None
            };
            let input = CredentialInput {
                kind: kind.map_or(current.kind, Into::into),
                label,
                account: account.or(current.account),
                secret,
            };
            Ok(Output::Credential(credentials::update(
                store, &keychain, id, &input,
            )?))
        }
        CredentialsCommand::Remove { id } => {
            credentials::remove(store, &Keychain::open(), id)?;
            Ok(done(
                id,
                format!("Deleted credential {id} from the keychain"),
            ))
        }
        CredentialsCommand::Reveal { id } => {
            let secret = credentials::secret(store, &Keychain::open(), id)?;
            Ok(Output::Secret {
                secret: secret.expose_secret().to_owned(),
            })
        }
    }
}

fn kind_name(k: CredentialKind) -> &'static str {
    match k {
        CredentialKind::PtaPortal => "PTA portal",
        CredentialKind::PsebPortal => "PSEB portal",
        CredentialKind::ApiToken => "API token",
        CredentialKind::Other => "other",
    }
}

/// Text for `credentials list`.
pub fn print_list(list: &[Credential]) {
    if list.is_empty() {
        println!(
            "No credentials yet. Add one with: vca credentials add --label \"PTA portal\" --kind pta-portal"
        );
    }
    list.iter().for_each(print_one);
}

/// Text for one credential.
pub fn print_one(c: &Credential) {
    println!(
        "{:>4}  {:<12} {}{}  (in {}, changed {})",
        c.id,
        kind_name(c.kind),
        c.label,
        c.account
            .as_deref()
            .map(|a| format!(" <{a}>"))
            .unwrap_or_default(),
        c.backend.name(),
        c.changed_at.strftime("%Y-%m-%d %H:%M UTC"),
    );
}

/// Text for `credentials status`.
pub fn print_status(k: &KeychainStatus) {
    match k.backend {
        Some(_) if k.persistent => println!("Credentials are kept in {}.", k.description),
        Some(_) => println!(
            "Credentials are kept in {}, which forgets them when the computer restarts.",
            k.description
        ),
        None => println!("{}.", k.description),
    }
}
