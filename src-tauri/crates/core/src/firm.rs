//! The firm view: every application of every profile in one table (filtered, sorted, searched
//! and paged in SQL), its CSV and JSON export, and the CSV import of sites and public IPs.

use std::io::{Read, Write};

use jiff::Timestamp;
use serde::{Deserialize, Serialize};
use ts_rs::TS;

use crate::{
    Error, Result,
    applications::{Application, Status},
    profile::{Id, PublicIpInput, SiteInput},
    store::Store,
};

/// The column the table is sorted by.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum SortKey {
    /// The application's name.
    Title,
    /// The applicant.
    Profile,
    /// The status.
    Status,
    /// The reference number.
    Reference,
    /// When it last changed.
    #[default]
    Updated,
}

/// What the table shows.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase", default)]
#[ts(optional_fields)]
pub struct FirmQuery {
    /// Text found in the name, reference, applicant or registered IPs (case-insensitive).
    pub search: Option<String>,
    /// Only this status.
    pub status: Option<Status>,
    /// Only this applicant.
    pub profile_id: Option<Id>,
    /// Sort column.
    pub sort: SortKey,
    /// Largest first.
    pub descending: bool,
    /// Rows to skip.
    pub offset: u32,
    /// Rows to return (at most 500; 0 means 50).
    pub limit: u32,
}

/// One row of the table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FirmRow {
    /// The application.
    #[serde(flatten)]
    #[ts(flatten)]
    pub application: Application,
    /// The applicant's name.
    pub profile_name: String,
}

/// One page of the table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct FirmPage {
    /// The rows.
    pub rows: Vec<FirmRow>,
    /// How many rows match in all.
    pub total: u32,
}

/// The page size when none is given.
pub const DEFAULT_LIMIT: u32 = 50;
const MAX_LIMIT: u32 = 500;

impl FirmQuery {
    /// The limit actually used.
    pub fn page_size(&self) -> u32 {
        match self.limit {
            0 => DEFAULT_LIMIT,
            n => n.min(MAX_LIMIT),
        }
    }
}

/// One page of the firm view.
pub fn page(store: &Store, query: &FirmQuery) -> Result<FirmPage> {
    store.firm_page(query, Some(query.page_size()))
}

/// Every matching row (for export), in the query's order.
pub fn all(store: &Store, query: &FirmQuery) -> Result<Vec<FirmRow>> {
    Ok(store.firm_page(query, None)?.rows)
}

const CSV_HEADER: [&str; 10] = [
    "id",
    "applicant",
    "title",
    "kind",
    "portal",
    "status",
    "reference",
    "registered_ips",
    "submitted_at",
    "updated_at",
];

/// Writes `rows` as CSV (UTF-8, header first, IPs separated by spaces). Cells that a
/// spreadsheet would run as a formula (starting with `=`, `+`, `-`, `@`) are prefixed with `'`.
pub fn write_csv(rows: &[FirmRow], out: impl Write) -> Result<()> {
    let mut w = csv::Writer::from_writer(out);
    let fail = |e: csv::Error| Error::Vault {
        action: "write the CSV file",
        source: std::io::Error::other(e.to_string()),
    };
    w.write_record(CSV_HEADER).map_err(fail)?;
    let safe = |s: &str| {
        if s.starts_with(['=', '+', '-', '@']) {
            format!("'{s}")
        } else {
            s.to_owned()
        }
    };
    let time = |t: Option<Timestamp>| t.map(|t| t.to_string()).unwrap_or_default();
    for r in rows {
        let a = &r.application;
        w.write_record([
            a.id.to_string(),
            safe(&r.profile_name),
            safe(&a.title),
            a.kind.as_str().to_owned(),
            a.portal.as_str().to_owned(),
            a.status.as_str().to_owned(),
            safe(a.reference.as_deref().unwrap_or("")),
            a.registered_ips.join(" "),
            time(a.submitted_at),
            time(Some(a.updated_at)),
        ])
        .map_err(fail)?;
    }
    w.flush().map_err(|source| Error::Vault {
        action: "write the CSV file",
        source,
    })
}

/// The format of an export.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub enum TableFormat {
    /// Comma-separated values, for spreadsheets.
    Csv,
    /// JSON, for scripts.
    Json,
}

/// Writes every row matching `query` to `target` as CSV or JSON: to a temporary file next
/// to it, renamed over `target` when complete, so a failure leaves no half-written file.
pub fn export(
    store: &Store,
    query: &FirmQuery,
    format: TableFormat,
    target: &std::path::Path,
) -> Result<u32> {
    let rows = all(store, query)?;
    let io = |source| Error::Vault {
        action: "write the export",
        source,
    };
    let dir = target
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(std::path::Path::new("."));
    let mut file = tempfile::NamedTempFile::new_in(dir).map_err(io)?;
    match format {
        TableFormat::Csv => write_csv(&rows, &mut file)?,
        TableFormat::Json => {
            serde_json::to_writer_pretty(&mut file, &rows)
                .map_err(|e| io(std::io::Error::other(e)))?;
        }
    }
    file.persist(target).map_err(|e| io(e.error))?;
    Ok(u32::try_from(rows.len()).unwrap_or(u32::MAX))
}

/// What a CSV import did: how many rows went in, and each refused row with its reason.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct ImportReport {
    /// Rows imported.
    pub imported: u32,
    /// Sites created.
    pub sites_added: u32,
    /// Public IPs recorded.
    pub ips_added: u32,
    /// Rows refused, with their line number in the file.
    pub refused: Vec<RefusedRow>,
}

/// A row that was not imported.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize, TS)]
#[serde(rename_all = "camelCase")]
pub struct RefusedRow {
    /// The line in the file (1 is the header).
    pub line: u64,
    /// Why.
    pub reason: String,
}

/// The columns an import file may have (header names, case-insensitive).
pub const IMPORT_COLUMNS: [&str; 5] = ["site", "city", "ip", "label", "subscriber_id"];

/// Imports sites and public IPs for `profile_id` from CSV: a header row naming some of
/// [`IMPORT_COLUMNS`] (`ip` or `site` required), then one row per IP (or per site). Good rows
/// are imported; each bad one is reported and skipped. A site named again is reused.
pub fn import_sites_csv(store: &Store, profile_id: Id, input: impl Read) -> Result<ImportReport> {
    store.profile_exists(profile_id)?;
    let mut reader = csv::ReaderBuilder::new()
        .flexible(true)
        .trim(csv::Trim::All)
        .from_reader(input);
    let header = reader
        .headers()
        .map_err(|e| Error::invalid("file", format!("the file cannot be read as CSV: {e}")))?
        .clone();
    let mut index = [None; 5];
    for (i, name) in header.iter().enumerate() {
        let name = name
            .trim_start_matches('\u{feff}')
            .to_ascii_lowercase()
            .replace([' ', '-'], "_");
        match IMPORT_COLUMNS.iter().position(|c| *c == name) {
            Some(col) => index[col] = Some(i),
            None => {
                return Err(Error::invalid(
                    "file",
                    format!(
                        "the column {name:?} is not known; the first row must name columns among: {}",
                        IMPORT_COLUMNS.join(", ")
                    ),
                ));
            }
        }
    }
    if index[0].is_none() && index[2].is_none() {
        return Err(Error::invalid(
            "file",
            format!(
                "the first row must name the columns, with at least \"ip\" or \"site\" (known: {})",
                IMPORT_COLUMNS.join(", ")
            ),
        ));
    }
    let mut report = ImportReport {
        imported: 0,
        sites_added: 0,
        ips_added: 0,
        refused: Vec::new(),
    };
    let mut sites: Vec<(String, Id)> = store
        .profile_detail(profile_id)?
        .sites
        .into_iter()
        .map(|s| (s.name.to_lowercase(), s.id))
        .collect();
    let mut known_ips: Vec<String> = store
        .profile_detail(profile_id)?
        .public_ips
        .into_iter()
        .map(|ip| ip.address)
        .collect();
    for record in reader.records() {
        let record = match record {
            Ok(r) => r,
            Err(e) => {
                report.refused.push(RefusedRow {
                    line: e.position().map_or(0, csv::Position::line),
                    reason: format!("cannot be read as CSV: {e}"),
                });
                continue;
            }
        };
        let line = record.position().map_or(0, csv::Position::line);
        let cell = |col: usize| {
            index[col]
                .and_then(|i| record.get(i))
                .filter(|s| !s.is_empty())
                .map(str::to_owned)
        };
        let (site, city, ip, label, subscriber) = (cell(0), cell(1), cell(2), cell(3), cell(4));
        if site.is_none() && ip.is_none() {
            report.refused.push(RefusedRow {
                line,
                reason: "neither a site nor an IP".into(),
            });
            continue;
        }
        let row = (|| -> Result<(bool, bool)> {
            // Check the IP before creating the site, so a refused row leaves nothing behind.
            if let Some(address) = &ip {
                let parsed = crate::profile::parse_public_ip("ip", address)?.to_string();
                if known_ips.contains(&parsed) {
                    return Err(Error::invalid(
                        "ip",
                        format!("{parsed} is already recorded for this applicant"),
                    ));
                }
                known_ips.push(parsed);
            }
            let mut site_added = false;
            let site_id = match &site {
                None => None,
                Some(name) => match sites.iter().find(|(n, _)| *n == name.to_lowercase()) {
                    Some((_, id)) => Some(*id),
                    None => {
                        let s = store.add_site(
                            profile_id,
                            &SiteInput {
                                name: name.clone(),
                                city: city.clone(),
                            },
                        )?;
                        sites.push((s.name.to_lowercase(), s.id));
                        site_added = true;
                        Some(s.id)
                    }
                },
            };
            if let Some(address) = ip.clone() {
                store.add_public_ip(
                    profile_id,
                    &PublicIpInput {
                        site_id,
                        address,
                        label: label.clone(),
                        subscriber_id: subscriber.clone(),
                    },
                )?;
                return Ok((site_added, true));
            }
            Ok((site_added, false))
        })();
        match row {
            Ok((site_added, ip_added)) => {
                report.imported += 1;
                report.sites_added += u32::from(site_added);
                report.ips_added += u32::from(ip_added);
            }
            Err(e) => report.refused.push(RefusedRow {
                line,
                reason: e.to_string(),
            }),
        }
    }
    Ok(report)
}
