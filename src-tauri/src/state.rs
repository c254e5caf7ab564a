//! The one `AppState`: where the data lives and the store, or why the store could not open.
//!
//! Built once at start-up and handed to Tauri with `manage`. A store that fails to open does
//! not stop the app: the window still shows, and every command answers with a
//! `storageUnavailable` error that says why, so the user sees the reason instead of a crash.

use std::{
    path::PathBuf,
    sync::{Arc, Mutex, OnceLock},
    time::Instant,
};

use vca_core::{credentials::Keychain, data_dir::DataDir, store::Store, vault::Vault};
use vca_netcheck::{config::NetConfig, provider::HttpClients};

use crate::error::{ErrorCode, IpcError};

/// Shared state behind every command.
#[derive(Debug)]
pub struct AppState {
    store: Result<Arc<Store>, IpcError>,
    vault: Result<Arc<Vault>, IpcError>,
    app: OnceLock<tauri::AppHandle>,
    keychain: OnceLock<Keychain>,
    dropped: Mutex<Vec<PathBuf>>,
    net: Result<(Arc<NetConfig>, HttpClients), IpcError>,
    data_dir: PathBuf,
    started: Instant,
    interactive_after: OnceLock<std::time::Duration>,
    ready_marker: Option<PathBuf>,
}

impl AppState {
    /// Opens the store in the data folder given (or the default one), and reads the
    /// connection settings from `net_config`, else `connection.toml` in the data folder when
    /// it exists, else the built-in defaults.
    pub fn open(
        explicit_data_dir: Option<&std::path::Path>,
        net_config: Option<&std::path::Path>,
        started: Instant,
    ) -> Self {
        let dir = DataDir::resolve(explicit_data_dir);
        let data_dir = match &dir {
            Ok(d) => d.root().to_path_buf(),
            Err(_) => explicit_data_dir.map(PathBuf::from).unwrap_or_default(),
        };
        let store = dir
            .and_then(|d| Store::open(&d.database_path()))
            .map(Arc::new)
            .map_err(IpcError::from);
        let default_net = data_dir.join("connection.toml");
        let net_path = net_config
            .map(PathBuf::from)
            .or_else(|| default_net.is_file().then_some(default_net));
        let net = load_net(net_path.as_deref());
        let vault = open_vault(&data_dir, &store);
        Self::from_parts(store, vault, net, data_dir, started)
    }

    /// State over an already open store (tests).
    pub fn with_store(store: Store, data_dir: PathBuf) -> Self {
        let store = Ok(Arc::new(store));
        let vault = open_vault(&data_dir, &store);
        Self::from_parts(store, vault, load_net(None), data_dir, Instant::now())
    }

    fn from_parts(
        store: Result<Arc<Store>, IpcError>,
        vault: Result<Arc<Vault>, IpcError>,
        net: Result<(Arc<NetConfig>, HttpClients), IpcError>,
        data_dir: PathBuf,
        started: Instant,
    ) -> Self {
        Self {
            store,
            vault,
            app: OnceLock::new(),
            keychain: OnceLock::new(),
            dropped: Mutex::new(Vec::new()),
            net,
            data_dir,
            started,
            interactive_after: OnceLock::new(),
            ready_marker: std::env::var_os("VCA_READY_FILE").map(PathBuf::from),
        }
    }

    /// The data folder in use (or the one that was tried).
    pub fn data_dir(&self) -> &std::path::Path {
        &self.data_dir
    }

    /// The store, or the reason it is unavailable.
    pub fn store(&self) -> Result<Arc<Store>, IpcError> {
        self.store.clone()
    }

    /// The document vault, or the reason it is unavailable.
    pub fn vault(&self) -> Result<Arc<Vault>, IpcError> {
        self.vault.clone()
    }

    /// Remembers the app handle, for native dialogs (set once at start-up).
    pub fn attach(&self, app: tauri::AppHandle) {
        let _ = self.app.set(app);
    }

    /// The app handle, once the app runs.
    pub fn app(&self) -> Result<tauri::AppHandle, IpcError> {
        self.app
            .get()
            .cloned()
            .ok_or_else(|| IpcError::internal("the app is not running yet"))
    }

    /// Keeps files dropped on the window; returns their index range. Only these paths (and
    /// those the user picks in a native dialog) are ever read: the front end cannot name a
    /// path of its own.
    pub fn remember_drop(&self, paths: Vec<PathBuf>) -> Vec<(u32, String)> {
        let Ok(mut dropped) = self.dropped.lock() else {
            return Vec::new();
        };
        paths
            .into_iter()
            .map(|p| {
                let name = vca_core::vault::display_name(&p.to_string_lossy());
                dropped.push(p);
                (u32::try_from(dropped.len() - 1).unwrap_or(u32::MAX), name)
            })
            .collect()
    }

    /// A dropped file by its index.
    pub fn dropped(&self, index: u32) -> Result<PathBuf, IpcError> {
        self.dropped
            .lock()
            .ok()
            .and_then(|d| d.get(index as usize).cloned())
            .ok_or_else(|| IpcError::from(vca_core::Error::not_found("that dropped file")))
    }

    /// The connection settings and HTTP clients, or why the settings file was refused.
    pub fn net(&self) -> Result<(Arc<NetConfig>, HttpClients), IpcError> {
        self.net.clone()
    }

    /// Runs a full connection check, stores it when it found an address, runs the
    /// registered-IP watch on it, and returns it with its verdict. Used by the command and by
    /// the background watcher.
    pub async fn check_connection(
        &self,
    ) -> Result<vca_core::connection::ConnectionReport, IpcError> {
        let (cfg, clients) = self.net()?;
        // API tokens some providers want come from the keychain, through the core.
        let names = cfg.token_names();
        let cfg = if names.is_empty() {
            cfg
        } else {
            let tokens = self
                .with_keychain(move |store, keychain| {
                    Ok(vca_core::credentials::secrets_by_label(
                        store, keychain, &names,
                    ))
                })
                .await?;
            Arc::new((*cfg).clone().with_tokens(tokens))
        };
        let check = vca_netcheck::check(cfg, clients, jiff::Timestamp::now()).await;
        let report = self
            .run(move |store| store.record_and_report(check))
            .await?;
        // The registered-IP watch may have raised a drift reminder: announce it now.
        crate::reminders::announce_due(self).await;
        Ok(report)
    }

    /// Runs `f` with the store and the keychain on a blocking-task thread. The keychain is
    /// looked for on first use (on Linux that asks D-Bus, which can take a moment).
    pub async fn with_keychain<T, F>(&self, f: F) -> Result<T, IpcError>
    where
        T: Send + 'static,
        F: FnOnce(&Store, &Keychain) -> vca_core::Result<T> + Send + 'static,
    {
        let keychain = match self.keychain.get() {
            Some(k) => k.clone(),
            None => {
                let found = tauri::async_runtime::spawn_blocking(Keychain::open)
                    .await
                    .map_err(|e| IpcError::internal(format!("a background task failed: {e}")))?;
                self.keychain.get_or_init(|| found).clone()
            }
        };
        self.run(move |store| f(store, &keychain)).await
    }

    /// Runs `f` with the store on a blocking-task thread, off the UI thread.
    pub async fn run<T, F>(&self, f: F) -> Result<T, IpcError>
    where
        T: Send + 'static,
        F: FnOnce(&Store) -> vca_core::Result<T> + Send + 'static,
    {
        let store = self.store()?;
        tauri::async_runtime::spawn_blocking(move || f(&store))
            .await
            .map_err(|e| IpcError::internal(format!("a background task failed: {e}")))?
            .map_err(IpcError::from)
    }

    /// Records the first time the UI reported itself interactive; returns the time since start.
    pub fn mark_interactive(&self) -> std::time::Duration {
        let elapsed = *self
            .interactive_after
            .get_or_init(|| self.started.elapsed());
        if let Some(marker) = &self.ready_marker {
            // Used by `make bench`; a failure to write it must not disturb the user.
            if let Err(err) = std::fs::write(marker, elapsed.as_millis().to_string()) {
                tracing::warn!(%err, "could not write the ready marker");
            }
        }
        elapsed
    }

    /// Whether the store opened.
    pub fn storage_error(&self) -> Option<&IpcError> {
        self.store
            .as_ref()
            .err()
            .filter(|e| e.code == ErrorCode::StorageUnavailable || e.code == ErrorCode::Internal)
    }
}

/// Opens the vault beside the database and repairs what a crash may have left.
fn open_vault(
    data_dir: &std::path::Path,
    store: &Result<Arc<Store>, IpcError>,
) -> Result<Arc<Vault>, IpcError> {
    let store = store.as_ref().map_err(Clone::clone)?;
    let vault = DataDir::at(data_dir)
        .and_then(|dir| Vault::open(dir.vault_dir()))
        .map_err(IpcError::from)?;
    match vca_core::documents::reconcile(store, &vault) {
        Ok(missing) if !missing.is_empty() => {
            tracing::warn!(
                count = missing.len(),
                "documents whose stored file is missing"
            );
        }
        Ok(_) => {}
        Err(err) => tracing::warn!(%err, "could not reconcile the vault with the database"),
    }
    Ok(Arc::new(vault))
}

fn load_net(path: Option<&std::path::Path>) -> Result<(Arc<NetConfig>, HttpClients), IpcError> {
    let cfg = match path {
        Some(path) => NetConfig::from_file(path).map_err(|e| IpcError {
            code: ErrorCode::InvalidInput,
            message: crate::error::capitalise(&e.to_string()),
            field: None,
        })?,
        None => NetConfig::default(),
    };
    let clients = HttpClients::new(&cfg).map_err(|e| IpcError::internal(e.to_string()))?;
    Ok((Arc::new(cfg), clients))
}

/// The language the user reads the app in: the saved setting, or the system's. Rust-side
/// words (notifications, the exported summary) follow it.
pub fn user_lang(store: &Store) -> vca_core::Result<vca_core::i18n::Lang> {
    Ok(vca_core::i18n::Lang::resolve(
        store.settings()?.language,
        sys_locale::get_locale().as_deref(),
    ))
}
