//! The submission package: the documents under clear names, a manifest with their hashes
//! and a printable summary of the applicant's details, as a ZIP file or a folder.
//!
//! The package is written beside its destination under a `.partial` name, flushed, and
//! renamed into place, so a crash or a full disk never leaves something that looks finished.
//! Every document is re-hashed as it is copied; a damaged stored copy stops the export.
//! The package never holds a credential: nothing from the keychain is read here.

use std::{
    fs::File,
    io::{self, BufWriter, Read},
    path::{Path, PathBuf},
};

use serde::{Deserialize, Serialize};
use sha2::{Digest, Sha256};
use ts_rs::TS;

use crate::{
    Error, Result, applicant::ApplicantDetails, checklist::Checklist, i18n::Lang,
    profile::ProfileDetail, vault::Vault,
};

/// ZIP file or plain folder.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum ExportFormat {
    /// One `.zip` file.
    Zip,
    /// A folder of files.
    Folder,
}

/// One file in the package.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportedFile {
    /// Its name in the package, e.g. `01-CNIC-front.jpg`.
    pub name: String,
    /// The requirement it satisfies.
    pub requirement_id: String,
    /// SHA-256 of its content (hex).
    pub sha256: String,
    /// Bytes.
    #[ts(type = "number")]
    pub size: u64,
}

/// What was exported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ExportReport {
    /// Where the package is.
    #[ts(type = "string")]
    pub path: PathBuf,
    /// ZIP or folder.
    pub format: ExportFormat,
    /// The documents in it.
    pub files: Vec<ExportedFile>,
    /// Documents still missing (their titles).
    pub missing: Vec<String>,
    /// Everything needed is there and every check passed.
    pub complete: bool,
}

/// The manifest written as `manifest.json`.
#[derive(Debug, Serialize, Deserialize)]
#[serde(rename_all = "camelCase")]
pub struct Manifest {
    /// The app that wrote it.
    pub generator: String,
    /// When.
    pub generated_at: jiff::Timestamp,
    /// The rules pack version the checklist came from.
    pub rules_pack_version: Option<u32>,
    /// The category applied in.
    pub category: Option<String>,
    /// Whether the package is complete.
    pub complete: bool,
    /// The documents.
    pub files: Vec<ExportedFile>,
    /// What is missing.
    pub missing: Vec<String>,
}

/// Everything a package is made from.
#[derive(Debug)]
pub struct Package<'a> {
    /// The checklist (which documents, which checks).
    pub checklist: &'a Checklist,
    /// The applicant's details.
    pub details: &'a ApplicantDetails,
    /// The profile with its IPs.
    pub profile: &'a ProfileDetail,
    /// When.
    pub now: jiff::Timestamp,
    /// The language of the summary page.
    pub lang: Lang,
}

/// How to write a package.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ExportOptions {
    /// A ZIP file or a folder.
    pub format: ExportFormat,
    /// Whether an existing target may be replaced.
    pub overwrite: bool,
    /// The language of the summary page.
    pub lang: Lang,
}

fn export_io(action: &'static str) -> impl FnOnce(io::Error) -> Error {
    move |source| Error::Vault { action, source }
}

/// Where files go while the package is written.
trait Sink {
    fn add(&mut self, name: &str, compress: bool, content: &mut dyn Read) -> io::Result<()>;
    fn finish(self: Box<Self>) -> io::Result<()>;
}

struct ZipSink(zip::ZipWriter<BufWriter<File>>, zip::DateTime);

impl Sink for ZipSink {
    fn add(&mut self, name: &str, compress: bool, content: &mut dyn Read) -> io::Result<()> {
        let method = if compress {
            zip::CompressionMethod::Deflated
        } else {
            zip::CompressionMethod::Stored
        };
        let options = zip::write::SimpleFileOptions::default()
            .compression_method(method)
            .large_file(false)
            .last_modified_time(self.1)
            .unix_permissions(0o644);
        self.0.start_file(name, options).map_err(io::Error::other)?;
        io::copy(content, &mut self.0)?;
        Ok(())
    }

    fn finish(self: Box<Self>) -> io::Result<()> {
        let inner = self.0.finish().map_err(io::Error::other)?;
        let file = inner.into_inner().map_err(io::IntoInnerError::into_error)?;
        file.sync_all()
    }
}

struct FolderSink(PathBuf);

impl Sink for FolderSink {
    fn add(&mut self, name: &str, _compress: bool, content: &mut dyn Read) -> io::Result<()> {
        let mut file = File::create_new(self.0.join(name))?;
        io::copy(content, &mut file)?;
        file.sync_all()
    }

    fn finish(self: Box<Self>) -> io::Result<()> {
        #[cfg(unix)]
        File::open(&self.0)?.sync_all()?;
        Ok(())
    }
}

/// Reads through, hashing what passes.
struct Hashing<R> {
    inner: R,
    hasher: Sha256,
    size: u64,
}

impl<R: Read> Read for Hashing<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.hasher.update(buf.get(..n).unwrap_or_default());
        self.size += n as u64;
        Ok(n)
    }
}

fn partial_path(target: &Path) -> PathBuf {
    let mut name = target.file_name().unwrap_or_default().to_os_string();
    name.push(".partial");
    target.with_file_name(name)
}

fn remove_any(path: &Path) {
    let _ = if path.is_dir() {
        std::fs::remove_dir_all(path)
    } else {
        std::fs::remove_file(path)
    };
}

/// Writes the package to `target`.
///
/// A ZIP target that exists is replaced only with `overwrite`; a folder target must not
/// exist (a folder is never deleted to make room).
pub fn write(
    vault: &Vault,
    package: &Package<'_>,
    target: &Path,
    format: ExportFormat,
    overwrite: bool,
) -> Result<ExportReport> {
    let checklist = package.checklist;
    if checklist.category.is_none() {
        return Err(Error::invalid(
            "category",
            "answer the eligibility questions first, so the app knows which documents go in the package",
        ));
    }
    if target.exists() && (format == ExportFormat::Folder || !overwrite) {
        return Err(Error::invalid(
            "target",
            format!("{} already exists; choose another name", target.display()),
        ));
    }
    let parent = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if !parent.is_dir() {
        return Err(Error::invalid(
            "target",
            format!("the folder {} does not exist", parent.display()),
        ));
    }
    let partial = partial_path(target);
    remove_any(&partial);
    let result = write_partial(vault, package, &partial, format);
    match result {
        Ok((files, missing)) => {
            std::fs::rename(&partial, target).map_err(|e| {
                remove_any(&partial);
                Error::Vault {
                    action: "move the finished package into place",
                    source: e,
                }
            })?;
            #[cfg(unix)]
            if let Ok(dir) = File::open(parent) {
                let _ = dir.sync_all();
            }
            Ok(ExportReport {
                path: target.to_path_buf(),
                format,
                files,
                complete: checklist.complete,
                missing,
            })
        }
        Err(e) => {
            remove_any(&partial);
            Err(e)
        }
    }
}

/// Builds a profile's checklist and writes its package to `target`, as [`write`] does.
pub fn for_profile(
    store: &crate::store::Store,
    vault: &Vault,
    pack: &crate::rules::RulesPack,
    profile_id: crate::profile::Id,
    target: &Path,
    options: ExportOptions,
) -> Result<ExportReport> {
    let profile = store.profile_detail(profile_id)?;
    let report = store.latest_report()?;
    let checklist = crate::checklist::for_loaded_profile(
        store,
        vault,
        pack,
        &profile,
        report.as_ref(),
        crate::clock::today(),
    )?;
    let details = store.applicant_details(profile_id)?;
    let package = Package {
        checklist: &checklist,
        details: &details,
        profile: &profile,
        now: jiff::Timestamp::now(),
        lang: options.lang,
    };
    write(vault, &package, target, options.format, options.overwrite)
}

fn write_partial(
    vault: &Vault,
    package: &Package<'_>,
    partial: &Path,
    format: ExportFormat,
) -> Result<(Vec<ExportedFile>, Vec<String>)> {
    let checklist = package.checklist;
    let mut sink: Box<dyn Sink> = match format {
        ExportFormat::Zip => {
            let file = File::create(partial).map_err(export_io("create the package file"))?;
            let local = package
                .now
                .to_zoned(jiff::tz::TimeZone::system())
                .datetime();
            let time = zip::DateTime::from_date_and_time(
                u16::try_from(local.year()).unwrap_or(1980),
                u8::try_from(local.month()).unwrap_or(1),
                u8::try_from(local.day()).unwrap_or(1),
                u8::try_from(local.hour()).unwrap_or(0),
                u8::try_from(local.minute()).unwrap_or(0),
                u8::try_from(local.second()).unwrap_or(0),
            )
            .unwrap_or_default();
            Box::new(ZipSink(zip::ZipWriter::new(BufWriter::new(file)), time))
        }
        ExportFormat::Folder => {
            std::fs::create_dir(partial).map_err(export_io("create the package folder"))?;
            Box::new(FolderSink(partial.to_path_buf()))
        }
    };
    let mut files = Vec::new();
    let mut missing = Vec::new();
    for slot in &checklist.slots {
        let Some(chosen) = slot.chosen() else {
            missing.push(
                slot.requirements
                    .iter()
                    .map(|r| r.title.en.clone())
                    .collect::<Vec<_>>()
                    .join(" or "),
            );
            continue;
        };
        let doc = &chosen.document;
        let export_name = slot
            .requirements
            .iter()
            .find(|r| r.id == doc.requirement_id)
            .map_or("Document", |r| r.export_name.as_str());
        let name = format!(
            "{:02}-{export_name}.{}",
            slot.number,
            doc.file.file_type.extension()
        );
        let mut reader = Hashing {
            inner: vault.read(&doc.file.sha256)?,
            hasher: Sha256::new(),
            size: 0,
        };
        sink.add(&name, false, &mut reader)
            .map_err(export_io("write a document into the package"))?;
        let sha256 = crate::vault::hex(&reader.hasher.finalize());
        if sha256 != doc.file.sha256 || reader.size != doc.file.size {
            return Err(Error::invalid(
                "documents",
                format!(
                    "the stored copy of {} is damaged; add the file again",
                    doc.file.original_name
                ),
            ));
        }
        files.push(ExportedFile {
            name,
            requirement_id: doc.requirement_id.clone(),
            sha256,
            size: doc.file.size,
        });
    }
    let manifest = Manifest {
        generator: format!("VPN Compliance Assistant {}", crate::VERSION),
        generated_at: package.now,
        rules_pack_version: checklist.decision.as_ref().map(|d| d.pack_version),
        category: checklist.category.as_ref().map(|c| c.id.clone()),
        complete: checklist.complete,
        files: files.clone(),
        missing: missing.clone(),
    };
    let manifest_json = serde_json::to_vec_pretty(&manifest)
        .map_err(|e| Error::Internal(format!("manifest: {e}")))?;
    let sums: String = files
        .iter()
        .map(|f| format!("{}  {}\n", f.sha256, f.name))
        .collect();
    let summary = crate::summary::html(package, &files, &missing);
    let add_text = |sink: &mut Box<dyn Sink>, name: &str, bytes: &[u8]| {
        sink.add(name, true, &mut io::Cursor::new(bytes))
            .map_err(export_io("write into the package"))
    };
    add_text(&mut sink, "manifest.json", &manifest_json)?;
    add_text(&mut sink, "SHA256SUMS", sums.as_bytes())?;
    add_text(&mut sink, "summary.html", summary.as_bytes())?;
    sink.finish().map_err(export_io("finish the package"))?;
    Ok((files, missing))
}
