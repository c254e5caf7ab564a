//! Commands over profiles, their sites, public IPs and staff.

use tauri::State;
use vca_core::profile::{
    Id, Profile, ProfileDetail, ProfileInput, PublicIp, PublicIpInput, Site, SiteInput, StaffInput,
    StaffMember,
};

use crate::{error::IpcError, state::AppState};

/// Every profile.
#[tauri::command]
pub async fn list_profiles(state: State<'_, AppState>) -> Result<Vec<Profile>, IpcError> {
    state.run(|store| store.list_profiles()).await
}

/// Creates a profile.
#[tauri::command]
pub async fn create_profile(
    state: State<'_, AppState>,
    input: ProfileInput,
) -> Result<Profile, IpcError> {
    state.run(move |store| store.create_profile(&input)).await
}

/// Edits a profile.
#[tauri::command]
pub async fn update_profile(
    state: State<'_, AppState>,
    id: Id,
    input: ProfileInput,
) -> Result<Profile, IpcError> {
    state
        .run(move |store| store.update_profile(id, &input))
        .await
}

/// Deletes a profile and all it holds.
#[tauri::command]
pub async fn delete_profile(state: State<'_, AppState>, id: Id) -> Result<(), IpcError> {
    state.run(move |store| store.delete_profile(id)).await
}

/// A profile with its sites, IPs and staff.
#[tauri::command]
pub async fn profile_detail(state: State<'_, AppState>, id: Id) -> Result<ProfileDetail, IpcError> {
    state.run(move |store| store.profile_detail(id)).await
}

/// Adds a site (office).
#[tauri::command]
pub async fn add_site(
    state: State<'_, AppState>,
    profile_id: Id,
    input: SiteInput,
) -> Result<Site, IpcError> {
    state
        .run(move |store| store.add_site(profile_id, &input))
        .await
}

/// Removes a site.
#[tauri::command]
pub async fn remove_site(state: State<'_, AppState>, id: Id) -> Result<(), IpcError> {
    state.run(move |store| store.remove_site(id)).await
}

/// Records a public IP.
#[tauri::command]
pub async fn add_public_ip(
    state: State<'_, AppState>,
    profile_id: Id,
    input: PublicIpInput,
) -> Result<PublicIp, IpcError> {
    state
        .run(move |store| store.add_public_ip(profile_id, &input))
        .await
}

/// Forgets a public IP.
#[tauri::command]
pub async fn remove_public_ip(state: State<'_, AppState>, id: Id) -> Result<(), IpcError> {
    state.run(move |store| store.remove_public_ip(id)).await
}

/// Adds a staff member.
#[tauri::command]
pub async fn add_staff(
    state: State<'_, AppState>,
    profile_id: Id,
    input: StaffInput,
) -> Result<StaffMember, IpcError> {
    state
        .run(move |store| store.add_staff(profile_id, &input))
        .await
}

/// Removes a staff member.
#[tauri::command]
pub async fn remove_staff(state: State<'_, AppState>, id: Id) -> Result<(), IpcError> {
    state.run(move |store| store.remove_staff(id)).await
}
