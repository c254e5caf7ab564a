// Generated from the command list in src-tauri/src/ipc/mod.rs by src-tauri/src/ipc/bindings.rs.
// Do not edit: run `make bindings`.

import type { Answers } from "./Answers";
import type { AppInfo } from "./AppInfo";
import type { ApplicantDetails } from "./ApplicantDetails";
import type { Application } from "./Application";
import type { ApplicationInput } from "./ApplicationInput";
import type { ApplicationView } from "./ApplicationView";
import type { BackupReport } from "./BackupReport";
import type { Checklist } from "./Checklist";
import type { ConnectionReport } from "./ConnectionReport";
import type { CopiedSecret } from "./CopiedSecret";
import type { Credential } from "./Credential";
import type { CredentialInput } from "./CredentialInput";
import type { CustomReminderInput } from "./CustomReminderInput";
import type { Decision } from "./Decision";
import type { Document } from "./Document";
import type { DocumentDates } from "./DocumentDates";
import type { DroppedFile } from "./DroppedFile";
import type { EligibilityView } from "./EligibilityView";
import type { ExportReport } from "./ExportReport";
import type { FirmPage } from "./FirmPage";
import type { FirmQuery } from "./FirmQuery";
import type { ImportReport } from "./ImportReport";
import type { KeychainStatus } from "./KeychainStatus";
import type { Overview } from "./Overview";
import type { PackInfo } from "./PackInfo";
import type { PortalHelper } from "./PortalHelper";
import type { Profile } from "./Profile";
import type { ProfileDetail } from "./ProfileDetail";
import type { ProfileInput } from "./ProfileInput";
import type { PublicIp } from "./PublicIp";
import type { PublicIpInput } from "./PublicIpInput";
import type { Reminder } from "./Reminder";
import type { RemindersView } from "./RemindersView";
import type { RevealedSecret } from "./RevealedSecret";
import type { RulesView } from "./RulesView";
import type { Settings } from "./Settings";
import type { SettingsPatch } from "./SettingsPatch";
import type { Site } from "./Site";
import type { SiteInput } from "./SiteInput";
import type { StaffInput } from "./StaffInput";
import type { StaffMember } from "./StaffMember";
import type { StatusChange } from "./StatusChange";
import type { TableFormat } from "./TableFormat";

/** Every command: its arguments (as Tauri expects them, camelCase) and its result. */
export type Commands = {
  app_info: { args: Record<string, never>; result: AppInfo };
  overview: { args: Record<string, never>; result: Overview };
  ui_ready: { args: Record<string, never>; result: null };
  check_connection: { args: Record<string, never>; result: ConnectionReport };
  latest_report: { args: Record<string, never>; result: ConnectionReport | null };
  list_profiles: { args: Record<string, never>; result: Array<Profile> };
  create_profile: { args: { input: ProfileInput }; result: Profile };
  update_profile: { args: { id: number; input: ProfileInput }; result: Profile };
  delete_profile: { args: { id: number }; result: null };
  profile_detail: { args: { id: number }; result: ProfileDetail };
  add_site: { args: { profileId: number; input: SiteInput }; result: Site };
  remove_site: { args: { id: number }; result: null };
  add_public_ip: { args: { profileId: number; input: PublicIpInput }; result: PublicIp };
  remove_public_ip: { args: { id: number }; result: null };
  add_staff: { args: { profileId: number; input: StaffInput }; result: StaffMember };
  remove_staff: { args: { id: number }; result: null };
  get_settings: { args: Record<string, never>; result: Settings };
  update_settings: { args: { patch: SettingsPatch }; result: Settings };
  rules_info: { args: Record<string, never>; result: RulesView };
  import_rules_pack: { args: Record<string, never>; result: PackInfo | null };
  get_eligibility: { args: { profileId: number }; result: EligibilityView };
  decide_eligibility: { args: { profileId: number; answers: Answers }; result: Decision };
  get_applicant_details: { args: { profileId: number }; result: ApplicantDetails };
  save_applicant_details: { args: { profileId: number; details: ApplicantDetails }; result: ApplicantDetails };
  checklist: { args: { profileId: number }; result: Checklist };
  pick_document: { args: { profileId: number; requirementId: string; dates: DocumentDates }; result: Document | null };
  import_dropped: { args: { profileId: number; index: number; requirementId: string; dates: DocumentDates }; result: Document };
  update_document_dates: { args: { id: number; dates: DocumentDates }; result: Document };
  remove_document: { args: { id: number }; result: null };
  document_thumbnail: { args: { id: number }; result: string | null };
  export_package: { args: { profileId: number; choose: boolean }; result: ExportReport | null };
  keychain_status: { args: Record<string, never>; result: KeychainStatus };
  list_credentials: { args: Record<string, never>; result: Array<Credential> };
  add_credential: { args: { input: CredentialInput }; result: Credential };
  update_credential: { args: { id: number; input: CredentialInput }; result: Credential };
  delete_credential: { args: { id: number }; result: null };
  reveal_credential: { args: { id: number }; result: RevealedSecret };
  copy_credential: { args: { id: number }; result: CopiedSecret };
  list_applications: { args: { profileId: number }; result: Array<Application> };
  application_view: { args: { id: number }; result: ApplicationView };
  start_application: { args: { profileId: number; input: ApplicationInput }; result: Application };
  update_application: { args: { id: number; input: ApplicationInput }; result: Application };
  delete_application: { args: { id: number }; result: null };
  move_application: { args: { id: number; change: StatusChange; attach: boolean }; result: ApplicationView | null };
  list_reminders: { args: { profileId: number }; result: RemindersView };
  add_reminder: { args: { profileId: number; input: CustomReminderInput }; result: Reminder };
  complete_reminder: { args: { id: number }; result: null };
  backup_data: { args: Record<string, never>; result: BackupReport | null };
  restore_data: { args: Record<string, never>; result: BackupReport | null };
  firm_page: { args: { query: FirmQuery }; result: FirmPage };
  export_applications: { args: { query: FirmQuery; format: TableFormat }; result: string | null };
  import_sites: { args: { profileId: number }; result: ImportReport | null };
  portal_helper: { args: { id: number }; result: PortalHelper };
  open_portal: { args: { id: number }; result: null };
};

/** The command names, in declaration order. */
export const COMMAND_NAMES = [
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
] as const satisfies readonly (keyof Commands)[];

/** Every event the backend emits, with its payload. */
export type Events = {
  "connection-checked": ConnectionReport;
  "files-dropped": Array<DroppedFile>;
  "reminders-fired": Array<Reminder>;
};
