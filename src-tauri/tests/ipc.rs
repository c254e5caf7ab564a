//! The real command handler behind Tauri's mock runtime: arguments as the front end sends
//! them (camelCase JSON), results and errors as it receives them.

#![allow(clippy::expect_used, clippy::unwrap_used)] // test helpers may panic on a broken precondition

use serde_json::{Value, json};
use tauri::{
    WebviewWindowBuilder,
    ipc::{CallbackFn, InvokeBody},
    test::{INVOKE_KEY, MockRuntime, get_ipc_response, mock_builder, mock_context, noop_assets},
    webview::InvokeRequest,
};
use vca_app::{configure, ipc::COMMAND_NAMES, state::AppState};

struct Harness {
    _app: tauri::App<MockRuntime>,
    webview: tauri::WebviewWindow<MockRuntime>,
    _dir: tempfile::TempDir,
}

impl Harness {
    fn new() -> Self {
        let dir = tempfile::tempdir().expect("tempdir");
        let state = AppState::open(Some(dir.path()), None, std::time::Instant::now());
        Self::with_state(state, dir)
    }

    fn with_state(state: AppState, dir: tempfile::TempDir) -> Self {
        let app = configure(mock_builder(), state)
            .build(mock_context(noop_assets()))
            .expect("build app");
        let webview = WebviewWindowBuilder::new(&app, "main", Default::default())
            .build()
            .expect("webview");
        Self {
            _app: app,
            webview,
            _dir: dir,
        }
    }

    fn invoke(&self, cmd: &str, args: Value) -> Result<Value, Value> {
        let request = InvokeRequest {
            cmd: cmd.into(),
            callback: CallbackFn(0),
            error: CallbackFn(1),
            url: "tauri://localhost".parse().expect("url"),
            body: InvokeBody::Json(args),
            headers: Default::default(),
            invoke_key: INVOKE_KEY.to_string(),
        };
        get_ipc_response(&self.webview, request)
            .map(|body| body.deserialize::<Value>().expect("json body"))
    }
}

#[test]
fn a_profile_round_trips_through_ipc_with_camel_case_arguments() {
    let h = Harness::new();
    let profile = h
        .invoke(
            "create_profile",
            json!({ "input": { "kind": "firm", "name": "Indus Soft" } }),
        )
        .expect("create_profile");
    let id = profile["id"].clone();
    h.invoke("add_public_ip", json!({ "profileId": id, "input": { "address": "39.32.10.5", "label": null, "siteId": null } }))
        .expect("add_public_ip takes profileId in camelCase");
    let detail = h
        .invoke("profile_detail", json!({ "id": id }))
        .expect("detail");
    assert_eq!(detail["publicIps"][0]["address"], "39.32.10.5");
    let overview = h.invoke("overview", json!({})).expect("overview");
    assert_eq!(
        overview["profile"]["name"], "Indus Soft",
        "the first profile is active"
    );
    assert_eq!(
        overview["readinessPercent"], 33,
        "profile and IP done; no connection check yet"
    );
}

#[test]
fn invalid_input_crosses_as_code_message_and_field() {
    let h = Harness::new();
    let err = h
        .invoke(
            "create_profile",
            json!({ "input": { "kind": "freelancer", "name": "  " } }),
        )
        .expect_err("blank name");
    assert_eq!(
        err,
        json!({ "code": "invalidInput", "message": "The name is required", "field": "name" })
    );
    let err = h
        .invoke("delete_profile", json!({ "id": 42 }))
        .expect_err("missing");
    assert_eq!(err["code"], "notFound");
}

#[test]
fn a_data_folder_that_cannot_be_used_is_reported_by_every_command_and_by_app_info() {
    let dir = tempfile::tempdir().expect("tempdir");
    let blocker = dir.path().join("file-not-folder");
    std::fs::write(&blocker, b"x").expect("write");
    let state = AppState::open(Some(&blocker), None, std::time::Instant::now());
    let h = Harness::with_state(state, dir);
    let info = h
        .invoke("app_info", json!({}))
        .expect("app_info never fails");
    assert_eq!(info["storageError"]["code"], "storageUnavailable");
    assert!(
        info["storageError"]["message"]
            .as_str()
            .unwrap_or_default()
            .contains("file-not-folder")
    );
    let err = h.invoke("list_profiles", json!({})).expect_err("no store");
    assert_eq!(err["code"], "storageUnavailable");
}

#[test]
fn settings_patches_persist_across_a_restart() {
    let dir = tempfile::tempdir().expect("tempdir");
    {
        let h = Harness::with_state(
            AppState::open(Some(dir.path()), None, std::time::Instant::now()),
            tempfile::tempdir().expect("t"),
        );
        h.invoke(
            "update_settings",
            json!({ "patch": { "theme": "dark", "followUpDays": 10 } }),
        )
        .expect("patch");
    }
    let h = Harness::with_state(
        AppState::open(Some(dir.path()), None, std::time::Instant::now()),
        tempfile::tempdir().expect("t"),
    );
    let settings = h.invoke("get_settings", json!({})).expect("settings");
    assert_eq!(
        settings,
        json!({ "theme": "dark", "language": "system", "activeProfileId": null, "recheckHours": 6, "maxDocumentMb": 20, "followUpDays": 10 })
    );
}

#[test]
fn the_main_window_is_granted_exactly_the_registered_commands() {
    let path = concat!(env!("CARGO_MANIFEST_DIR"), "/capabilities/main.json");
    let cap: Value = serde_json::from_str(&std::fs::read_to_string(path).expect("read capability"))
        .expect("json");
    let mut granted: Vec<String> = cap["permissions"]
        .as_array()
        .expect("permissions")
        .iter()
        .map(|p| p.as_str().expect("string permission").to_owned())
        .collect();
    granted.sort();
    let mut wanted: Vec<String> = COMMAND_NAMES
        .iter()
        .map(|c| format!("allow-{}", c.replace('_', "-")))
        .collect();
    // Listening for the backend's events (connection-checked) needs these two, and only these.
    wanted.extend([
        "core:event:allow-listen".to_owned(),
        "core:event:allow-unlisten".to_owned(),
    ]);
    wanted.sort();
    assert_eq!(
        granted, wanted,
        "capabilities/main.json must grant each command and event listening, and nothing else"
    );
}

#[test]
fn the_security_baseline_holds() {
    let conf: Value = serde_json::from_str(include_str!("../tauri.conf.json")).expect("json");
    let csp = conf["app"]["security"]["csp"]
        .as_str()
        .expect("a CSP is set");
    assert!(!csp.contains("unsafe-eval"), "no unsafe-eval");
    assert!(!csp.contains("unsafe-inline"), "no unsafe-inline");
    assert!(
        !csp.contains("http:") || csp.contains("http://ipc.localhost"),
        "no remote origins"
    );
    assert!(csp.contains("default-src 'self'"));
    assert_eq!(conf["app"]["withGlobalTauri"], false);
    let manifest = include_str!("../Cargo.toml");
    assert!(!manifest.contains("tauri-plugin-shell"), "no shell plugin");
}
