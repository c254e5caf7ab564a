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

    /// The language of the text output: en or ur (also VCA_LANG; default: the system's).
    #[arg(long, global = true, env = "VCA_LANG", value_name = "LANG")]
    pub lang: Option<LangArg>,

    /// What to do.
    #[command(subcommand)]
    pub command: Command,
}

/// A language of the text output.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum LangArg {
    /// English.
    En,
    /// Urdu.
    Ur,
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
    /// Show or update the rules pack (who must register, which documents).
    #[command(subcommand)]
    Rules(RulesCommand),
    /// Answer the eligibility questions, or show where they lead.
    ///
    /// Without options, shows the saved decision. --static-ip defaults to what the last
    /// connection check found.
    Eligibility(EligibilityArgs),
    /// Show or set the applicant's details (as the portal asks for them).
    #[command(subcommand)]
    Details(DetailsCommand),
    /// Add, list or remove documents in the vault.
    #[command(subcommand)]
    Doc(DocCommand),
    /// Show which documents are done and missing, and the checks before submitting.
    ///
    /// Exit code 12 when something is still missing or a check fails.
    Checklist(ProfileSelector),
    /// Write the submission package: documents under clear names, a manifest with
    /// SHA-256 hashes and a printable summary.
    Export {
        #[command(flatten)]
        profile: ProfileSelector,
        /// The ZIP file (or with --folder, the folder) to create.
        #[arg(long, value_name = "PATH")]
        out: PathBuf,
        /// Write a folder instead of a ZIP file.
        #[arg(long)]
        folder: bool,
        /// Replace an existing ZIP file.
        #[arg(long)]
        force: bool,
    },
    /// Check the document vault: every stored file against its SHA-256, and the database
    /// against the vault; removes stored files nothing refers to.
    #[command(name = "vault-check")]
    VaultCheck,
    /// Portal logins and API tokens, kept in the operating system's keychain.
    ///
    /// Secrets are never taken as arguments (other users could see them in the process
    /// list): they are asked for without echo, or read as one line from stdin when piped.
    /// Exit code 6 when no keychain is available, or it is locked or refuses.
    #[command(subcommand, visible_alias = "cred")]
    Credentials(crate::credentials::CredentialsCommand),
    /// Every application of the profile with where it stands and what to do next, and the
    /// reminders that need attention.
    Status(ProfileSelector),
    /// One application's timeline, oldest first, and the moves it allows.
    Timeline {
        /// The application's id (see `vca status`).
        id: Id,
    },
    /// Start applications and record what happens to them.
    #[command(subcommand, visible_alias = "app")]
    Application(crate::tracking::ApplicationCommand),
    /// Follow-ups, expiring documents, renewals and your own reminders.
    #[command(subcommand)]
    Reminders(crate::tracking::RemindersCommand),
    /// Write the whole state (database and document vault) to one archive.
    Backup {
        /// The archive to create (must not exist).
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
    /// Replace the whole state with a backup. The archive is checked completely first (every
    /// file against its SHA-256); a damaged or foreign archive changes nothing. Close the
    /// desktop app first.
    Restore {
        /// The archive written by `vca backup`.
        file: PathBuf,
    },
}

/// `vca rules …`
#[derive(Debug, Subcommand)]
pub enum RulesCommand {
    /// Show the rules pack in use: version, date, categories and licensed providers.
    Show,
    /// Import a newer rules pack from a signed file.
    Import {
        /// The `.vcarules` file.
        file: PathBuf,
    },
    /// For maintainers: sign a pack's JSON with the project's private key (PKCS#8 PEM).
    #[command(hide = true)]
    Sign {
        /// The pack JSON.
        pack: PathBuf,
        /// The private key (PKCS#8 PEM, e.g. from `openssl genpkey -algorithm ed25519`).
        #[arg(long, value_name = "PEM")]
        key: PathBuf,
        /// Where to write the signed pack file.
        #[arg(long, value_name = "FILE")]
        out: PathBuf,
    },
}

/// Who is applying.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ApplicantArg {
    /// A freelancer working for clients.
    Freelancer,
    /// A company, software house, bank or other business.
    Company,
    /// A call center.
    CallCenter,
    /// An organisation running video conferences.
    VideoConferencing,
    /// A private person who wants a VPN for privacy.
    Individual,
}

/// Which VPN.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum ProviderArg {
    /// A provider licensed by PTA (see `vca rules show`).
    Licensed,
    /// Your own or your employer's VPN server.
    Own,
    /// Another commercial VPN.
    Other,
}

/// Whether the connection has a fixed IP.
#[derive(Debug, Clone, Copy, ValueEnum)]
pub enum StaticIpArg {
    /// Yes.
    Yes,
    /// No.
    No,
    /// Not known.
    Unknown,
}

/// `vca eligibility …`
#[derive(Debug, Args)]
pub struct EligibilityArgs {
    #[command(flatten)]
    pub profile: ProfileSelector,
    /// Who is applying.
    #[arg(long, value_enum, requires = "provider")]
    pub applicant: Option<ApplicantArg>,
    /// Which VPN provider.
    #[arg(long, value_enum, requires = "applicant")]
    pub provider: Option<ProviderArg>,
    /// Whether the connection has a fixed IP (default: the last connection check's verdict).
    #[arg(long, value_enum, requires = "applicant")]
    pub static_ip: Option<StaticIpArg>,
}

/// `vca details …`
#[derive(Debug, Subcommand)]
pub enum DetailsCommand {
    /// Show the details.
    Show(ProfileSelector),
    /// Set some details; the others stay. An empty value clears a field.
    Set(Box<DetailsArgs>),
}

/// The details' fields.
#[derive(Debug, Args)]
pub struct DetailsArgs {
    #[command(flatten)]
    pub profile: ProfileSelector,
    /// As printed on the CNIC.
    #[arg(long)]
    pub full_name: Option<String>,
    /// 13 digits, e.g. 35202-1234567-1.
    #[arg(long)]
    pub cnic: Option<String>,
    /// Contact email.
    #[arg(long)]
    pub email: Option<String>,
    /// E.g. 0300 1234567.
    #[arg(long)]
    pub mobile: Option<String>,
    /// The company's name.
    #[arg(long)]
    pub company_name: Option<String>,
    /// FBR National Tax Number.
    #[arg(long)]
    pub ntn: Option<String>,
    /// SECP registration number.
    #[arg(long)]
    pub secp_number: Option<String>,
    /// PSEB registration number.
    #[arg(long)]
    pub pseb_number: Option<String>,
    /// The ISP of the fixed IP.
    #[arg(long)]
    pub isp: Option<String>,
    /// The VPN service.
    #[arg(long)]
    pub vpn_service: Option<String>,
    /// The VPN protocol.
    #[arg(long)]
    pub vpn_protocol: Option<String>,
    /// What the VPN is for.
    #[arg(long)]
    pub purpose: Option<String>,
}

/// `vca doc …`
#[derive(Debug, Subcommand)]
pub enum DocCommand {
    /// Copy a file into the vault as a document.
    Add {
        #[command(flatten)]
        profile: ProfileSelector,
        /// The file (PDF, JPEG or PNG).
        file: PathBuf,
        /// The requirement it satisfies, e.g. cnic-front (see `vca rules show`).
        #[arg(long, value_name = "ID")]
        requirement: String,
        /// When it was issued (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        issued: Option<jiff::civil::Date>,
        /// When it expires (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        expires: Option<jiff::civil::Date>,
    },
    /// List the documents.
    List(ProfileSelector),
    /// Set a document's issue and expiry dates.
    Dates {
        /// The document's id.
        id: Id,
        /// When it was issued (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        issued: Option<jiff::civil::Date>,
        /// When it expires (YYYY-MM-DD).
        #[arg(long, value_name = "DATE")]
        expires: Option<jiff::civil::Date>,
    },
    /// Remove a document (and its stored file, if nothing else uses it).
    Remove {
        /// The document's id.
        id: Id,
    },
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
