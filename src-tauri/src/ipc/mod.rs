//! The IPC surface, declared once.
//!
//! [`commands!`] lists every command with its argument and result types. From that one list
//! come the Tauri handler, the TypeScript command map in `ui/src/bindings/commands.ts`
//! (see [`bindings`]) and a compile-time check that each listed signature is the real one,
//! so the list cannot drift from the code it describes. [`events!`] does the same for the
//! events the backend emits: a typed `emit_…` function each, and the `Events` map in TS.

pub mod bindings;

use ts_rs::TS;

/// One argument of a command, as the front end passes it.
#[derive(Debug, Clone)]
pub struct ArgSpec {
    /// The Rust name (Tauri expects it in camelCase from JavaScript).
    pub rust_name: &'static str,
    /// The argument's TypeScript type.
    pub ts_type: String,
    exporter: bindings::Exporter,
}

/// One event: its name and payload.
#[derive(Debug, Clone)]
pub struct EventSpec {
    /// The event's name, as the front end listens for it.
    pub name: &'static str,
    /// The TypeScript type of its payload.
    pub payload_ts_type: String,
    payload_exporter: bindings::Exporter,
}

impl EventSpec {
    fn new<P: TS + 'static>(name: &'static str) -> Self {
        Self {
            name,
            payload_ts_type: P::name(&bindings::config()),
            payload_exporter: bindings::Exporter::of::<P>(),
        }
    }

    /// The exporter of the payload type.
    pub(crate) fn exporter(&self) -> &bindings::Exporter {
        &self.payload_exporter
    }
}

macro_rules! events {
    ($( $emit:ident ( $name:literal ) : $payload:ty ; )*) => {
        $(
            #[doc = concat!("Emits the `", $name, "` event to every window.")]
            pub fn $emit<R: tauri::Runtime>(app: &tauri::AppHandle<R>, payload: &$payload) {
                use tauri::Emitter as _;
                if let Err(err) = app.emit($name, payload) {
                    tracing::warn!(event = $name, %err, "could not emit an event");
                }
            }
        )*

        /// The specification of every event, for generating bindings.
        pub fn event_specs() -> Vec<EventSpec> {
            vec![$(EventSpec::new::<$payload>($name)),*]
        }
    };
}

/// One command: its name, arguments and result.
#[derive(Debug, Clone)]
pub struct CommandSpec {
    /// The command's name, as invoked and as named in capabilities.
    pub name: &'static str,
    /// Arguments in order.
    pub args: Vec<ArgSpec>,
    /// The TypeScript type of the `Ok` result.
    pub result_ts_type: String,
    result_exporter: bindings::Exporter,
}

impl ArgSpec {
    fn new<T: TS + 'static>(rust_name: &'static str) -> Self {
        Self {
            rust_name,
            ts_type: T::name(&bindings::config()),
            exporter: bindings::Exporter::of::<T>(),
        }
    }
}

impl CommandSpec {
    fn new<R: TS + 'static>(name: &'static str, args: Vec<ArgSpec>) -> Self {
        Self {
            name,
            args,
            result_ts_type: R::name(&bindings::config()),
            result_exporter: bindings::Exporter::of::<R>(),
        }
    }

    /// The exporters of every type this command mentions.
    pub(crate) fn exporters(&self) -> impl Iterator<Item = &bindings::Exporter> {
        self.args
            .iter()
            .map(|a| &a.exporter)
            .chain(std::iter::once(&self.result_exporter))
    }
}

macro_rules! commands {
    ($( $module:ident :: $name:ident ( $( $arg:ident : $ty:ty ),* ) -> $ret:ty ; )*) => {
        /// Every command's name, as the front end invokes it and capabilities grant it.
        pub const COMMAND_NAMES: &[&str] = &[$(stringify!($name)),*];

        /// The Tauri invoke handler for every command.
        pub fn handler<R: tauri::Runtime>() -> impl Fn(tauri::ipc::Invoke<R>) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$(crate::commands::$module::$name),*]
        }

        /// The specification of every command, for generating bindings.
        pub fn command_specs() -> Vec<CommandSpec> {
            vec![$(CommandSpec::new::<$ret>(stringify!($name), vec![$(ArgSpec::new::<$ty>(stringify!($arg))),*])),*]
        }

        /// Never called: it only compiles if every listed signature matches its command.
        #[allow(dead_code, unreachable_code, unused_variables, clippy::diverging_sub_expression)]
        async fn signatures_match(state: tauri::State<'_, crate::state::AppState>) {
            $({
                let _: Result<$ret, crate::error::IpcError> =
                    crate::commands::$module::$name(state.clone(), $({ let $arg: $ty = unreachable!(); $arg }),*).await;
            })*
        }
    };
}

use vca_core::{
    connection::ConnectionReport,
    overview::Overview,
    profile::{
        Id, Profile, ProfileDetail, ProfileInput, PublicIp, PublicIpInput, Site, SiteInput,
        StaffInput, StaffMember,
    },
    settings::{Settings, SettingsPatch},
};

use vca_core::{
    applicant::ApplicantDetails,
    checklist::Checklist,
    credentials::{Credential, CredentialInput, KeychainStatus},
    documents::{Document, DocumentDates},
    eligibility::{Answers, Decision},
    export::ExportReport,
    rules::PackInfo,
};

use vca_core::{
    applications::{Application, ApplicationInput, ApplicationView},
    backup::BackupReport,
    firm::{FirmPage, FirmQuery, ImportReport, TableFormat},
    portal::PortalHelper,
    reminders::{CustomReminderInput, Reminder},
};

use crate::commands::{
    app::AppInfo,
    applications::{RemindersView, StatusChange},
    credentials::{CopiedSecret, RevealedSecret},
    documents::DroppedFile,
    eligibility::EligibilityView,
    rules::RulesView,
};

events! {
    emit_connection_checked("connection-checked"): ConnectionReport;
    emit_files_dropped("files-dropped"): Vec<DroppedFile>;
    emit_reminders_fired("reminders-fired"): Vec<Reminder>;
}

commands! {
    app::app_info() -> AppInfo;
    app::overview() -> Overview;
    app::ui_ready() -> ();
    connection::check_connection() -> ConnectionReport;
    connection::latest_report() -> Option<ConnectionReport>;
    profiles::list_profiles() -> Vec<Profile>;
    profiles::create_profile(input: ProfileInput) -> Profile;
    profiles::update_profile(id: Id, input: ProfileInput) -> Profile;
    profiles::delete_profile(id: Id) -> ();
    profiles::profile_detail(id: Id) -> ProfileDetail;
    profiles::add_site(profile_id: Id, input: SiteInput) -> Site;
    profiles::remove_site(id: Id) -> ();
    profiles::add_public_ip(profile_id: Id, input: PublicIpInput) -> PublicIp;
    profiles::remove_public_ip(id: Id) -> ();
    profiles::add_staff(profile_id: Id, input: StaffInput) -> StaffMember;
    profiles::remove_staff(id: Id) -> ();
    settings::get_settings() -> Settings;
    settings::update_settings(patch: SettingsPatch) -> Settings;
    rules::rules_info() -> RulesView;
    rules::import_rules_pack() -> Option<PackInfo>;
    eligibility::get_eligibility(profile_id: Id) -> EligibilityView;
    eligibility::decide_eligibility(profile_id: Id, answers: Answers) -> Decision;
    eligibility::get_applicant_details(profile_id: Id) -> ApplicantDetails;
    eligibility::save_applicant_details(profile_id: Id, details: ApplicantDetails) -> ApplicantDetails;
    documents::checklist(profile_id: Id) -> Checklist;
    documents::pick_document(profile_id: Id, requirement_id: String, dates: DocumentDates) -> Option<Document>;
    documents::import_dropped(profile_id: Id, index: u32, requirement_id: String, dates: DocumentDates) -> Document;
    documents::update_document_dates(id: Id, dates: DocumentDates) -> Document;
    documents::remove_document(id: Id) -> ();
    documents::document_thumbnail(id: Id) -> Option<String>;
    documents::export_package(profile_id: Id, choose: bool) -> Option<ExportReport>;
    credentials::keychain_status() -> KeychainStatus;
    credentials::list_credentials() -> Vec<Credential>;
    credentials::add_credential(input: CredentialInput) -> Credential;
    credentials::update_credential(id: Id, input: CredentialInput) -> Credential;
    credentials::delete_credential(id: Id) -> ();
    credentials::reveal_credential(id: Id) -> RevealedSecret;
    credentials::copy_credential(id: Id) -> CopiedSecret;
    applications::list_applications(profile_id: Id) -> Vec<Application>;
    applications::application_view(id: Id) -> ApplicationView;
    applications::start_application(profile_id: Id, input: ApplicationInput) -> Application;
    applications::update_application(id: Id, input: ApplicationInput) -> Application;
    applications::delete_application(id: Id) -> ();
    applications::move_application(id: Id, change: StatusChange, attach: bool) -> Option<ApplicationView>;
    applications::list_reminders(profile_id: Id) -> RemindersView;
    applications::add_reminder(profile_id: Id, input: CustomReminderInput) -> Reminder;
    applications::complete_reminder(id: Id) -> ();
    backup::backup_data() -> Option<BackupReport>;
    backup::restore_data() -> Option<BackupReport>;
    firm::firm_page(query: FirmQuery) -> FirmPage;
    firm::export_applications(query: FirmQuery, format: TableFormat) -> Option<String>;
    firm::import_sites(profile_id: Id) -> Option<ImportReport>;
    portal::portal_helper(id: Id) -> PortalHelper;
    portal::open_portal(id: Id) -> ();
}
