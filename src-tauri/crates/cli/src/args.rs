//! The command line: global options and subcommands, as clap parses them.

use std::path::PathBuf;

use clap::{Args, Parser, Subcommand, ValueEnum};
use vca_core::profile::{Id, ProfileKind};

/// vca: VPN Compliance Assistant on the command line.
///
/// Works on the same data as the desktop app. Every command prints plain text, or with
/// --json a stable JSON document on stdout (errors as {"error": {...}} on stderr).
#[derive(Debug, Parser)]
#[command(name = "vca", version, about, long_about, propagate_version = true)]
pub struct Cli {
    /// Use this data folder instead of the per-user one (also VCA_DATA_DIR).
    #[arg(long, global = true, env = vca_core::data_dir::ENV_VAR, value_name = "DIR")]
    pub data_dir: Option<PathBuf>,

    /// Print JSON instead of text.
    #[arg(long, global = true)]
    pub json: bool,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// The subcommands.
#[derive(Debug, Subcommand)]
pub enum Command {
    /// Show the version, the data folder and the database.
    Info,
    /// Show readiness at a glance for the active profile.
    Overview,
    /// Ask independent services for this connection's public IPv4 and IPv6 addresses, and
    /// look at the local interfaces and VPNs. The check is stored in the history.
    ///
    /// Exit codes: 0 static or likely static, 10 not static (dynamic, likely dynamic or
    /// carrier-grade NAT), 11 could not tell (offline, a VPN, services disagree, or not
    /// enough evidence yet).
    #[command(name = "check-ip")]
    CheckIp {
        /// Read the providers, timeouts and resolvers from this TOML file.
        #[arg(long, value_name = "FILE")]
        config: Option<PathBuf>,
    },
    /// Manage applicant profiles (a freelancer, or a firm).
    #[command(subcommand)]
    Profile(ProfileCommand),
    /// Record or forget a public IP of a profile.
    #[command(subcommand)]
    Ip(IpCommand),
    /// Manage a firm's sites (offices).
    #[command(subcommand)]
    Site(SiteCommand),
    /// Manage a firm's staff.
    #[command(subcommand)]
    Staff(StaffCommand),
}

/// Which kind of applicant.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum KindArg {
    /// One person working for clients.
    Freelancer,
    /// A company with offices, IPs and staff.
    Firm,
}

impl From<KindArg> for ProfileKind {
    fn from(kind: KindArg) -> Self {
        match kind {
            KindArg::Freelancer => Self::Freelancer,
            KindArg::Firm => Self::Firm,
        }
    }
}

/// Picks the profile to act on; the active one when absent.
#[derive(Debug, Args)]
pub struct ProfileSelector {
    /// The profile's id (see `vca profile list`); defaults to the active profile.
    #[arg(long = "profile", value_name = "ID")]
    pub profile: Option<Id>,
}

/// `vca profile …`
#[derive(Debug, Subcommand)]
pub enum ProfileCommand {
    /// List every profile.
    List,
    /// Create a profile and make it active.
    Add {
        /// Freelancer or firm.
        #[arg(long, value_enum)]
        kind: KindArg,
        /// The applicant's or the company's name.
        name: String,
    },
    /// Show a profile with its sites, IPs and staff.
    Show(ProfileSelector),
    /// Rename a profile.
    Rename {
        /// The profile's id.
        id: Id,
        /// The new name.
        name: String,
    },
    /// Make a profile the active one.
    Use {
        /// The profile's id.
        id: Id,
    },
    /// Delete a profile and everything recorded for it.
    Delete {
        /// The profile's id.
        id: Id,
    },
}

/// `vca ip …`
#[derive(Debug, Subcommand)]
pub enum IpCommand {
    /// Record a public IP.
    Add {
        #[command(flatten)]
        profile: ProfileSelector,
        /// The address, IPv4 or IPv6.
        address: String,
        /// A label, e.g. "PTCL fibre".
        #[arg(long)]
        label: Option<String>,
        /// The subscriber (customer) ID on the ISP bill for this line; the ISP checks it.
        #[arg(long, value_name = "ID")]
        subscriber_id: Option<String>,
        /// The site (office) this line serves.
        #[arg(long, value_name = "SITE_ID")]
        site: Option<Id>,
    },
    /// Forget a recorded IP.
    Remove {
        /// The IP's id (see `vca profile show`).
        id: Id,
    },
}

/// `vca site …`
#[derive(Debug, Subcommand)]
pub enum SiteCommand {
    /// Add a site.
    Add {
        #[command(flatten)]
        profile: ProfileSelector,
        /// E.g. "Head office".
        name: String,
        /// E.g. "Lahore".
        #[arg(long)]
        city: Option<String>,
    },
    /// Remove a site (its IPs and staff stay, unassigned).
    Remove {
        /// The site's id.
        id: Id,
    },
}

/// `vca staff …`
#[derive(Debug, Subcommand)]
pub enum StaffCommand {
    /// Add a staff member.
    Add {
        #[command(flatten)]
        profile: ProfileSelector,
        /// Full name.
        name: String,
        /// E.g. "Network admin".
        #[arg(long)]
        role: Option<String>,
        /// Work email.
        #[arg(long)]
        email: Option<String>,
        /// The site they work at.
        #[arg(long, value_name = "SITE_ID")]
        site: Option<Id>,
    },
    /// Remove a staff member.
    Remove {
        /// The staff member's id.
        id: Id,
    },
}
