//! Generates the Tauri context and one `allow-<command>` permission per app command, so each
//! command must be granted in `capabilities/` before the window can call it.

const COMMANDS: &[&str] = &[
    "app_info",
    "overview",
    "ui_ready",
    "check_connection",
    "latest_report",
    "list_profiles",
    "create_profile",
    "update_profile",
    "delete_profile",
    "profile_detail",
    "add_site",
    "remove_site",
    "add_public_ip",
    "remove_public_ip",
    "add_staff",
    "remove_staff",
    "get_settings",
    "update_settings",
    "rules_info",
    "import_rules_pack",
    "get_eligibility",
    "decide_eligibility",
    "get_applicant_details",
    "save_applicant_details",
    "checklist",
    "pick_document",
    "import_dropped",
    "update_document_dates",
    "remove_document",
    "document_thumbnail",
    "export_package",
    "keychain_status",
    "list_credentials",
    "add_credential",
    "update_credential",
    "delete_credential",
    "reveal_credential",
    "copy_credential",
    "list_applications",
    "application_view",
    "start_application",
    "update_application",
    "delete_application",
    "move_application",
    "list_reminders",
    "add_reminder",
    "complete_reminder",
    "backup_data",
    "restore_data",
    "firm_page",
    "export_applications",
    "import_sites",
    "portal_helper",
    "open_portal",
];

fn main() {
    let attributes = tauri_build::Attributes::new()
        .app_manifest(tauri_build::AppManifest::new().commands(COMMANDS));
    if let Err(err) = tauri_build::try_build(attributes) {
        println!("cargo::error={err:#}");
    }
}
