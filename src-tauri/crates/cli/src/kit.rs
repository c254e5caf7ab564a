//! The document-kit commands: rules pack, eligibility, applicant details, vault, checklist
//! and export. Each opens what it needs, calls the core, and returns an [`Output`].

use vca_core::{
    Error, Result,
    applicant::ApplicantDetails,
    checklist::{self, Checklist},
    clock::today,
    data_dir::DataDir,
    documents::{self, Document, DocumentDates, DocumentInput},
    eligibility::{Answers, Applicant, Decision, StaticIpAnswer, VpnProvider},
    export::{self, ExportFormat, ExportReport},
    i18n::Lang,
    profile::Id,
    rules::{self, OutcomeKind, PackInfo, RulesPack},
    store::Store,
    vault::{BlobState, Vault},
};

use crate::{
    args::{
        ApplicantArg, DetailsArgs, DetailsCommand, DocCommand, EligibilityArgs, ProviderArg,
        RulesCommand, StaticIpArg,
    },
    output::Output,
    run::{done, profile_id},
    words::Words,
};

fn pack(store: &Store) -> Result<(RulesPack, PackInfo)> {
    store.current_rules()
}

fn vault(dir: &DataDir) -> Result<Vault> {
    Vault::open(dir.vault_dir())
}

/// `vca rules …`
pub fn rules(store: &Store, cmd: RulesCommand) -> Result<Output> {
    match cmd {
        RulesCommand::Show => {
            let (pack, info) = pack(store)?;
            Ok(Output::Rules(Box::new(RulesView { info, pack })))
        }
        RulesCommand::Import { file } => {
            let bytes = read_limited(&file, rules::signed::MAX_FILE_BYTES)?;
            let info = store.import_rules_pack(&bytes, &rules::signed::project_key())?;
            Ok(done(
                i64::from(info.version),
                format!(
                    "Now using rules pack version {} of {}",
                    info.version, info.published
                ),
            ))
        }
        RulesCommand::Sign { pack, key, out } => {
            use ed25519_dalek::pkcs8::DecodePrivateKey;
            let pem = std::fs::read_to_string(&key)
                .map_err(|e| Error::invalid("key", format!("{}: {e}", key.display())))?;
            let key = ed25519_dalek::SigningKey::from_pkcs8_pem(&pem).map_err(|_| {
                Error::invalid("key", "the key is not an ed25519 PKCS#8 PEM private key")
            })?;
            let json = std::fs::read(&pack)
                .map_err(|e| Error::invalid("pack", format!("{}: {e}", pack.display())))?;
            let file = rules::signed::sign(&json, &key)
                .map_err(|e| Error::invalid("pack", e.to_string()))?;
            std::fs::write(&out, file)
                .map_err(|e| Error::invalid("out", format!("{}: {e}", out.display())))?;
            Ok(done(0, format!("Signed pack written to {}", out.display())))
        }
    }
}

fn read_limited(path: &std::path::Path, max: usize) -> Result<Vec<u8>> {
    use std::io::Read;
    let file = std::fs::File::open(path)
        .map_err(|e| Error::invalid("file", format!("{}: {e}", path.display())))?;
    let mut bytes = Vec::new();
    file.take(max as u64 + 1)
        .read_to_end(&mut bytes)
        .map_err(|e| Error::invalid("file", format!("{}: {e}", path.display())))?;
    Ok(bytes)
}

/// The pack in use, for `vca rules show`.
#[derive(Debug, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct RulesView {
    /// Version and date.
    pub info: PackInfo,
    /// The whole pack.
    pub pack: RulesPack,
}

/// `vca eligibility`
pub fn eligibility(store: &Store, args: EligibilityArgs) -> Result<Output> {
    let id = profile_id(store, &args.profile)?;
    let (pack, _) = pack(store)?;
    if let (Some(applicant), Some(provider)) = (args.applicant, args.provider) {
        let static_ip = match args.static_ip {
            Some(StaticIpArg::Yes) => StaticIpAnswer::Yes,
            Some(StaticIpArg::No) => StaticIpAnswer::No,
            Some(StaticIpArg::Unknown) => StaticIpAnswer::Unknown,
            None => store.latest_report()?.map_or(StaticIpAnswer::Unknown, |r| {
                StaticIpAnswer::from_verdict(r.verdict.kind)
            }),
        };
        let answers = Answers {
            applicant: match applicant {
                ApplicantArg::Freelancer => Applicant::Freelancer,
                ApplicantArg::Company => Applicant::Company,
                ApplicantArg::CallCenter => Applicant::CallCenter,
                ApplicantArg::VideoConferencing => Applicant::VideoConferencing,
                ApplicantArg::Individual => Applicant::Individual,
            },
            provider: match provider {
                ProviderArg::Licensed => VpnProvider::Licensed,
                ProviderArg::Own => VpnProvider::Own,
                ProviderArg::Other => VpnProvider::Other,
            },
            static_ip,
        };
        store.save_eligibility_answers(id, &answers)?;
    }
    let decision = checklist::decision(store, &pack, id)?.ok_or_else(|| {
        Error::invalid(
            "applicant",
            "the eligibility questions are not answered yet; pass --applicant and --provider",
        )
    })?;
    Ok(Output::Decision(Box::new(decision)))
}

fn set(field: &mut Option<String>, value: Option<String>) {
    if let Some(v) = value {
        *field = Some(v).filter(|v| !v.trim().is_empty());
    }
}

/// `vca details …`
pub fn details(store: &Store, cmd: DetailsCommand) -> Result<Output> {
    match cmd {
        DetailsCommand::Show(sel) => Ok(Output::Details(
            store.applicant_details(profile_id(store, &sel)?)?,
        )),
        DetailsCommand::Set(a) => {
            let a = *a;
            let DetailsArgs { profile, .. } = &a;
            let id = profile_id(store, profile)?;
            let mut d: ApplicantDetails = store.applicant_details(id)?;
            set(&mut d.full_name, a.full_name);
            set(&mut d.cnic, a.cnic);
            set(&mut d.email, a.email);
            set(&mut d.mobile, a.mobile);
            set(&mut d.company_name, a.company_name);
            set(&mut d.ntn, a.ntn);
            set(&mut d.secp_number, a.secp_number);
            set(&mut d.pseb_number, a.pseb_number);
            set(&mut d.isp, a.isp);
            set(&mut d.vpn_service, a.vpn_service);
            set(&mut d.vpn_protocol, a.vpn_protocol);
            set(&mut d.purpose, a.purpose);
            Ok(Output::Details(store.save_applicant_details(id, &d)?))
        }
    }
}

/// `vca doc …`
pub fn doc(store: &Store, dir: &DataDir, cmd: DocCommand) -> Result<Output> {
    match cmd {
        DocCommand::Add {
            profile,
            file,
            requirement,
            issued,
            expires,
        } => {
            let id = profile_id(store, &profile)?;
            let (pack, _) = pack(store)?;
            let limit = store.settings()?.max_document_bytes();
            let doc = documents::import(
                store,
                &vault(dir)?,
                &pack,
                id,
                &DocumentInput {
                    path: file,
                    requirement_id: requirement,
                    issued_on: issued,
                    expires_on: expires,
                },
                limit,
                today(),
            )?;
            Ok(Output::Document(Box::new(doc)))
        }
        DocCommand::List(sel) => Ok(Output::Documents(
            store.list_documents(profile_id(store, &sel)?)?,
        )),
        DocCommand::Dates {
            id,
            issued,
            expires,
        } => Ok(Output::Document(Box::new(store.update_document_dates(
            id,
            DocumentDates {
                issued_on: issued,
                expires_on: expires,
            },
            today(),
        )?))),
        DocCommand::Remove { id } => {
            if let Some(sha) = store.remove_document(id)? {
                let keep = store
                    .document_hashes()?
                    .into_iter()
                    .map(|(_, s)| s)
                    .collect();
                let v = vault(dir)?;
                if !v.contains(&sha) || v.prune(&keep).is_err() {
                    tracing::debug!("stored file already gone or could not be pruned");
                }
            }
            Ok(done(id, format!("Removed document {id}")))
        }
    }
}

/// `vca checklist`
pub fn checklist(store: &Store, dir: &DataDir, profile: Id) -> Result<Output> {
    let (pack, _) = pack(store)?;
    Ok(Output::Checklist(Box::new(checklist::for_profile(
        store,
        &vault(dir)?,
        &pack,
        profile,
        today(),
    )?)))
}

/// `vca export`
pub fn export(
    store: &Store,
    dir: &DataDir,
    profile: Id,
    out: &std::path::Path,
    folder: bool,
    force: bool,
    lang: Lang,
) -> Result<Output> {
    let (pack, _) = pack(store)?;
    let format = if folder {
        ExportFormat::Folder
    } else {
        ExportFormat::Zip
    };
    let options = export::ExportOptions {
        format,
        overwrite: force,
        lang,
    };
    let report = export::for_profile(store, &vault(dir)?, &pack, profile, out, options)?;
    Ok(Output::Export(Box::new(report)))
}

/// What `vca vault-check` found.
#[derive(Debug, serde::Serialize)]
#[serde(rename_all = "camelCase")]
pub struct VaultReport {
    /// Documents checked.
    pub documents: usize,
    /// Ids of documents whose stored file is missing.
    pub missing: Vec<Id>,
    /// Ids of documents whose stored file no longer matches its hash.
    pub damaged: Vec<Id>,
}

/// `vca vault-check`
pub fn vault_check(store: &Store, dir: &DataDir) -> Result<Output> {
    let vault = vault(dir)?;
    documents::reconcile(store, &vault)?;
    let mut report = VaultReport {
        documents: 0,
        missing: Vec::new(),
        damaged: Vec::new(),
    };
    for (id, sha) in store.document_hashes()? {
        report.documents += 1;
        match vault.check(&sha) {
            BlobState::Intact => {}
            BlobState::Missing => report.missing.push(id),
            BlobState::Damaged => report.damaged.push(id),
        }
    }
    Ok(Output::VaultCheck(report))
}

fn outcome_words(d: &Decision) -> String {
    match (d.outcome, &d.category) {
        (OutcomeKind::Register, Some(c)) => format!("Apply: {}", c.title.en),
        (OutcomeKind::UseLicensedProvider, _) => "Use a VPN provider licensed by PTA".into(),
        (OutcomeKind::NothingNeeded, _) => "Nothing to register".into(),
        (OutcomeKind::Register, None) => "Apply".into(),
    }
}

/// Text for `vca eligibility`.
pub fn print_decision(d: &Decision) {
    println!("{}", outcome_words(d));
    println!("  {}", d.why.en);
    if d.needs_static_ip_first {
        println!("  First: ask your ISP for a static (fixed) public IP.");
    }
    if let Some(c) = &d.category {
        println!("  Documents:");
        for slot in &c.slots {
            println!("    - {}", slot.join(" or "));
        }
    }
    println!("  Source: {} <{}>", d.source.title.en, d.source.url);
}

/// Text for `vca rules show`.
pub fn print_rules(r: &RulesView) {
    println!(
        "Rules pack version {} of {}{}",
        r.info.version,
        r.info.published,
        if r.info.built_in {
            " (built in)"
        } else {
            " (imported)"
        }
    );
    println!("{}", r.pack.title.en);
    for c in &r.pack.categories {
        println!("  {:<20} {}", c.id, c.title.en);
    }
    println!("Requirements:");
    for q in &r.pack.requirements {
        println!("  {:<30} {}", q.id, q.title.en);
    }
    println!("Licensed VPN providers:");
    for p in &r.pack.licensed_providers.providers {
        println!("  {} ({})", p.name, p.company);
    }
}

/// Text for `vca details show`.
pub fn print_details(d: &ApplicantDetails, w: Words) {
    for (field, value) in d.fields() {
        let label = w.word(&format!("details.{field}"));
        println!("{label:<28} {}", value.unwrap_or("—"));
    }
}

/// Text for one document.
pub fn print_document(d: &Document) {
    println!(
        "{:>4}  {:<28} {:<5} {:>9} B  {}{}",
        d.id,
        d.requirement_id,
        d.file.file_type.extension(),
        d.file.size,
        d.file.original_name,
        d.expires_on
            .map(|e| format!("  expires {e}"))
            .unwrap_or_default()
    );
}

/// Text for `vca checklist`.
pub fn print_checklist(c: &Checklist, w: Words) {
    let Some(category) = &c.category else {
        match &c.decision {
            Some(d) => println!(
                "{}",
                w.say(
                    "cli.checklist.nothingToHandIn",
                    &[("outcome", outcome_in(d, w).into())]
                )
            ),
            None => println!("{}", w.word("cli.checklist.answerFirst")),
        }
        return;
    };
    println!(
        "{}",
        w.say(
            "cli.checklist.ready",
            &[
                ("category", w.pack(&category.title).into()),
                ("percent", c.readiness_percent.into()),
            ]
        )
    );
    for slot in &c.slots {
        let titles: Vec<String> = slot.requirements.iter().map(|r| w.pack(&r.title)).collect();
        println!(
            "  [{}] {:02} {}",
            w.variant("documents.state", &slot.state),
            slot.number,
            titles.join(&w.word("cli.or"))
        );
        for d in &slot.documents {
            for f in &d.findings {
                println!(
                    "            {}: {}",
                    d.document.file.original_name,
                    crate::words::plain(f.issue.text(w.lang))
                );
            }
        }
    }
    println!("{}", w.word("cli.checklist.checks"));
    for check in &c.checks {
        println!(
            "  [{}] {}",
            w.variant("documents.check", &check.state),
            crate::words::plain(check.note.text(w.lang))
        );
    }
}

/// The decision's outcome in `w`'s language.
fn outcome_in(d: &Decision, w: Words) -> String {
    match (&d.outcome, &d.category) {
        (OutcomeKind::Register, Some(c)) => w.say(
            "eligibility.outcome.register",
            &[("category", w.pack(&c.title).into())],
        ),
        (outcome, _) => w.variant("eligibility.outcome", outcome),
    }
}

/// Text for `vca export`.
pub fn print_export(r: &ExportReport) {
    println!("Package written to {}", r.path.display());
    for f in &r.files {
        println!("  {}  {}", f.name, f.sha256);
    }
    for m in &r.missing {
        println!("  missing: {m}");
    }
    if !r.complete {
        println!("Not complete yet: see `vca checklist`.");
    }
}
