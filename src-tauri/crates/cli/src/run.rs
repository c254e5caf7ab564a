//! Runs one parsed command against the core.

use std::sync::Arc;

use vca_core::{
    Error, Result,
    data_dir::DataDir,
    i18n::Lang,
    profile::{Id, ProfileInput, PublicIpInput, SiteInput, StaffInput},
    settings::SettingsPatch,
    store::Store,
};

use vca_netcheck::{config::NetConfig, provider::HttpClients};

use crate::{
    args::{Cli, Command, IpCommand, ProfileCommand, ProfileSelector, SiteCommand, StaffCommand},
    output::{Info, Output},
};

pub(crate) fn done(id: Id, message: String) -> Output {
    Output::Done {
        ok: true,
        id,
        message,
    }
}

pub(crate) fn profile_id(store: &Store, sel: &ProfileSelector) -> Result<Id> {
    match sel.profile {
        Some(id) => Ok(id),
        None => store.settings()?.active_profile_id.ok_or_else(|| {
            Error::invalid(
                "profile",
                "there is no profile yet; create one with `vca profile add`",
            )
        }),
    }
}

/// Opens the store and runs the command.
pub fn run(cli: Cli, lang: Lang) -> Result<Output> {
    let dir = DataDir::resolve(cli.data_dir.as_deref())?;
    // A restore replaces the database file: it runs before the store is opened.
    if let Command::Restore { file } = &cli.command {
        let report = vca_core::backup::restore(file, &dir)?;
        return Ok(Output::Backup(report));
    }
    let store = Store::open(&dir.database_path())?;
    Ok(match cli.command {
        Command::Info => Output::Info(Info {
            version: vca_core::VERSION,
            data_dir: dir.root().display().to_string(),
            database_path: store.path().display().to_string(),
            schema_version: store.schema_version()?,
        }),
        Command::Overview => {
            let (pack, _) = store.current_rules()?;
            let vault = vca_core::vault::Vault::open(dir.vault_dir())?;
            Output::Overview(vca_core::overview::build(
                &store,
                &vault,
                &pack,
                vca_core::clock::today(),
            )?)
        }
        Command::Rules(cmd) => crate::kit::rules(&store, cmd)?,
        Command::Eligibility(args) => crate::kit::eligibility(&store, args)?,
        Command::Details(cmd) => crate::kit::details(&store, cmd)?,
        Command::Doc(cmd) => crate::kit::doc(&store, &dir, cmd)?,
        Command::Checklist(sel) => {
            let id = profile_id(&store, &sel)?;
            crate::kit::checklist(&store, &dir, id)?
        }
        Command::Export {
            profile,
            out,
            folder,
            force,
        } => {
            let id = profile_id(&store, &profile)?;
            crate::kit::export(&store, &dir, id, &out, folder, force, lang)?
        }
        Command::VaultCheck => crate::kit::vault_check(&store, &dir)?,
        Command::Credentials(cmd) => crate::credentials::run(&store, cmd)?,
        Command::Status(sel) => crate::tracking::status(&store, &sel)?,
        Command::Timeline { id } => crate::tracking::timeline(&store, id)?,
        Command::Application(cmd) => crate::tracking::application(&store, &dir, cmd)?,
        Command::Reminders(cmd) => crate::tracking::reminders(&store, cmd)?,
        Command::Backup { out } => Output::Backup(vca_core::backup::backup(
            &store,
            &dir,
            &out,
            jiff::Timestamp::now(),
        )?),
        Command::Restore { .. } => {
            return Err(Error::Internal(
                "restore runs before the store opens".into(),
            ));
        }
        Command::CheckIp { config } => check_ip(&store, &dir, config.as_deref())?,
        Command::Profile(cmd) => profile(&store, cmd)?,
        Command::Ip(IpCommand::Add {
            profile,
            address,
            label,
            subscriber_id,
            site,
        }) => {
            let id = profile_id(&store, &profile)?;
            let ip = store.add_public_ip(
                id,
                &PublicIpInput {
                    site_id: site,
                    address,
                    label,
                    subscriber_id,
                },
            )?;
            done(ip.id, format!("Recorded {} (id {})", ip.address, ip.id))
        }
        Command::Ip(IpCommand::Remove { id }) => {
            store.remove_public_ip(id)?;
            done(id, format!("Removed public IP {id}"))
        }
        Command::Site(SiteCommand::Add {
            profile,
            name,
            city,
        }) => {
            let id = profile_id(&store, &profile)?;
            let site = store.add_site(id, &SiteInput { name, city })?;
            done(
                site.id,
                format!("Added site {} (id {})", site.name, site.id),
            )
        }
        Command::Site(SiteCommand::Remove { id }) => {
            store.remove_site(id)?;
            done(id, format!("Removed site {id}"))
        }
        Command::Staff(StaffCommand::Add {
            profile,
            name,
            role,
            email,
            site,
        }) => {
            let id = profile_id(&store, &profile)?;
            let member = store.add_staff(
                id,
                &StaffInput {
                    site_id: site,
                    name,
                    role,
                    email,
                },
            )?;
            done(
                member.id,
                format!("Added {} (id {})", member.name, member.id),
            )
        }
        Command::Staff(StaffCommand::Remove { id }) => {
            store.remove_staff(id)?;
            done(id, format!("Removed staff member {id}"))
        }
    })
}

/// Runs a connection check with the settings from `config`, or `connection.toml` in the data
/// folder, or the defaults; stores it when it found an address.
fn check_ip(store: &Store, dir: &DataDir, config: Option<&std::path::Path>) -> Result<Output> {
    let default = dir.root().join("connection.toml");
    let path = config
        .map(std::path::Path::to_path_buf)
        .or_else(|| default.is_file().then_some(default));
    let cfg = match path {
        Some(path) => {
            NetConfig::from_file(&path).map_err(|e| Error::invalid("config", e.to_string()))?
        }
        None => NetConfig::default(),
    };
    // API tokens some providers want come from the keychain, through the core.
    let names = cfg.token_names();
    let tokens = if names.is_empty() {
        Vec::new()
    } else {
        vca_core::credentials::secrets_by_label(
            store,
            &vca_core::credentials::Keychain::open(),
            &names,
        )
    };
    let cfg = cfg.with_tokens(tokens);
    let clients = HttpClients::new(&cfg).map_err(|e| Error::Internal(e.to_string()))?;
    let runtime = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .map_err(|e| Error::Internal(format!("could not start the network runtime: {e}")))?;
    let check = runtime.block_on(vca_netcheck::check(
        Arc::new(cfg),
        clients,
        jiff::Timestamp::now(),
    ));
    Ok(Output::Check(Box::new(store.record_and_report(check)?)))
}

fn profile(store: &Store, cmd: ProfileCommand) -> Result<Output> {
    Ok(match cmd {
        ProfileCommand::List => Output::Profiles(store.list_profiles()?),
        ProfileCommand::Add { kind, name } => {
            let p = store.create_profile(&ProfileInput {
                kind: kind.into(),
                name,
            })?;
            store.update_settings(&SettingsPatch {
                active_profile_id: Some(p.id),
                ..Default::default()
            })?;
            Output::Profile(p)
        }
        ProfileCommand::Show(sel) => {
            Output::Detail(store.profile_detail(profile_id(store, &sel)?)?)
        }
        ProfileCommand::Rename { id, name } => {
            let kind = store.profile_detail(id)?.profile.kind;
            Output::Profile(store.update_profile(id, &ProfileInput { kind, name })?)
        }
        ProfileCommand::Use { id } => {
            store.update_settings(&SettingsPatch {
                active_profile_id: Some(id),
                ..Default::default()
            })?;
            done(id, format!("Profile {id} is now active"))
        }
        ProfileCommand::Delete { id } => {
            store.delete_profile(id)?;
            done(id, format!("Deleted profile {id}"))
        }
    })
}
