// Generated from the command list in src-tauri/src/ipc/mod.rs by src-tauri/src/ipc/bindings.rs.
// Do not edit: run `make bindings`.

import type { AppInfo } from "./AppInfo";
import type { ConnectionReport } from "./ConnectionReport";
import type { Overview } from "./Overview";
import type { Profile } from "./Profile";
import type { ProfileDetail } from "./ProfileDetail";
import type { ProfileInput } from "./ProfileInput";
import type { PublicIp } from "./PublicIp";
import type { PublicIpInput } from "./PublicIpInput";
import type { Settings } from "./Settings";
import type { SettingsPatch } from "./SettingsPatch";
import type { Site } from "./Site";
import type { SiteInput } from "./SiteInput";
import type { StaffInput } from "./StaffInput";
import type { StaffMember } from "./StaffMember";

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
] as const satisfies readonly (keyof Commands)[];

/** Every event the backend emits, with its payload. */
export type Events = {
  "connection-checked": ConnectionReport;
};
