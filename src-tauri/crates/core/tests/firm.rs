//! The firm view on a real database: search, filter, sort and paging in SQL, the CSV export,
//! and the CSV import that takes the good rows and reports each bad one.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use jiff::Timestamp;
use vca_core::{
    applications::{self, ApplicationInput, Status},
    firm::{self, FirmQuery, SortKey},
    profile::{ProfileInput, ProfileKind},
    store::Store,
};

fn store_with_applications() -> (tempfile::TempDir, Store) {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("vca.sqlite3")).unwrap();
    let t0: Timestamp = "2026-11-01T08:00:00Z".parse().unwrap();
    for (profile, apps) in [
        (
            "Indus Soft",
            vec![
                ("Lahore office", "39.32.10.5", Some("PTA-100")),
                ("Karachi office", "39.40.1.1", None),
            ],
        ),
        (
            "Ayesha Khan",
            vec![("=HYPERLINK(\"x\")", "39.50.2.2", Some("PTA-7"))],
        ),
    ] {
        let p = store
            .create_profile(&ProfileInput {
                kind: ProfileKind::Firm,
                name: profile.into(),
            })
            .unwrap();
        for (title, ip, reference) in apps {
            applications::start(
                &store,
                p.id,
                &ApplicationInput {
                    title: title.into(),
                    registered_ips: vec![ip.into()],
                    reference: reference.map(Into::into),
                    ..Default::default()
                },
                t0,
            )
            .unwrap();
        }
    }
    (dir, store)
}

fn titles(page: &firm::FirmPage) -> Vec<&str> {
    page.rows
        .iter()
        .map(|r| r.application.title.as_str())
        .collect()
}

#[test]
fn the_table_is_searched_filtered_sorted_and_paged() {
    let (_dir, store) = store_with_applications();
    let q = |query: FirmQuery| firm::page(&store, &query).unwrap();
    let by_title = q(FirmQuery {
        sort: SortKey::Title,
        ..Default::default()
    });
    assert_eq!(
        titles(&by_title),
        ["=HYPERLINK(\"x\")", "Karachi office", "Lahore office"]
    );
    assert_eq!(by_title.total, 3);
    let by_applicant = q(FirmQuery {
        sort: SortKey::Profile,
        descending: true,
        ..Default::default()
    });
    assert_eq!(by_applicant.rows[0].profile_name, "Indus Soft");

    assert_eq!(
        titles(&q(FirmQuery {
            search: Some("indus".into()),
            sort: SortKey::Title,
            ..Default::default()
        })),
        ["Karachi office", "Lahore office"]
    );
    assert_eq!(
        titles(&q(FirmQuery {
            search: Some("39.40".into()),
            ..Default::default()
        })),
        ["Karachi office"]
    );
    assert_eq!(
        titles(&q(FirmQuery {
            search: Some("pta-7".into()),
            ..Default::default()
        })),
        ["=HYPERLINK(\"x\")"]
    );
    assert_eq!(
        q(FirmQuery {
            search: Some("%".into()),
            ..Default::default()
        })
        .total,
        0,
        "% is a character, not a wildcard"
    );

    let page = q(FirmQuery {
        sort: SortKey::Title,
        limit: 2,
        offset: 2,
        ..Default::default()
    });
    assert_eq!((titles(&page), page.total), (vec!["Lahore office"], 3));

    let lahore = by_title.rows[2].application.id;
    let dir = tempfile::tempdir().unwrap();
    let vault = vca_core::vault::Vault::open(dir.path()).unwrap();
    let isp = applications::start(
        &store,
        by_title.rows[2].application.profile_id,
        &ApplicationInput {
            kind: Some(applications::ApplicationKind::IspStaticIp),
            title: "PTCL request".into(),
            ..Default::default()
        },
        "2026-11-01T09:00:00Z".parse().unwrap(),
    )
    .unwrap();
    applications::transition(
        &store,
        &vault,
        &vca_core::rules::shipped(),
        isp.id,
        &applications::TransitionInput {
            to: Status::Submitted,
            on: None,
            note: None,
            reason: None,
            reference: None,
            attachments: vec![],
        },
        1 << 20,
        14,
        Timestamp::now(),
    )
    .unwrap();
    let submitted = q(FirmQuery {
        status: Some(Status::Submitted),
        ..Default::default()
    });
    assert_eq!(titles(&submitted), ["PTCL request"]);
    assert_ne!(lahore, isp.id);
}

#[test]
fn the_csv_export_reads_back_and_defuses_formulas() {
    let (_dir, store) = store_with_applications();
    let rows = firm::all(
        &store,
        &FirmQuery {
            sort: SortKey::Title,
            ..Default::default()
        },
    )
    .unwrap();
    let mut out = Vec::new();
    firm::write_csv(&rows, &mut out).unwrap();
    let mut reader = csv::Reader::from_reader(out.as_slice());
    assert_eq!(
        reader.headers().unwrap().iter().collect::<Vec<_>>()[..3],
        ["id", "applicant", "title"]
    );
    let records: Vec<csv::StringRecord> = reader.records().map(Result::unwrap).collect();
    assert_eq!(records.len(), 3);
    assert_eq!(
        &records[0][2], "'=HYPERLINK(\"x\")",
        "a formula is shown as text, not run"
    );
    assert_eq!(&records[2][6], "PTA-100");
    assert_eq!(&records[2][7], "39.32.10.5");
}

#[test]
fn a_csv_import_takes_the_good_rows_and_reports_each_bad_one() {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("vca.sqlite3")).unwrap();
    let p = store
        .create_profile(&ProfileInput {
            kind: ProfileKind::Firm,
            name: "Indus Soft".into(),
        })
        .unwrap();
    let csv = "\u{feff}Site,City,IP,Label,Subscriber ID\n\
               Head office,Lahore,39.32.10.5,PTCL fibre,4455667\n\
               head office,,39.32.10.6,,\n\
               Branch,Karachi,192.168.1.10,,\n\
               Branch,Karachi,39.32.10.5,,\n\
               ,,,,\n\
               Warehouse,Multan,,,\n\
               Depot,Quetta,not-an-ip,,\n";
    let report = firm::import_sites_csv(&store, p.id, csv.as_bytes()).unwrap();
    assert_eq!(
        (report.imported, report.sites_added, report.ips_added),
        (3, 2, 2)
    );
    let lines: Vec<u64> = report.refused.iter().map(|r| r.line).collect();
    assert_eq!(lines, [4, 5, 6, 8]);
    assert!(
        report.refused[0].reason.contains("private"),
        "{:?}",
        report.refused[0]
    );
    assert!(
        report.refused[1].reason.contains("already recorded"),
        "{:?}",
        report.refused[1]
    );
    assert!(
        report.refused[2]
            .reason
            .contains("neither a site nor an IP")
    );
    let detail = store.profile_detail(p.id).unwrap();
    let sites: Vec<&str> = detail.sites.iter().map(|s| s.name.as_str()).collect();
    assert_eq!(
        sites.len(),
        2,
        "Head office once (reused), Warehouse; no Branch or Depot: {sites:?}"
    );
    assert_eq!(detail.public_ips.len(), 2);

    let err = firm::import_sites_csv(&store, p.id, "name;address\nx;y\n".as_bytes()).unwrap_err();
    assert!(err.to_string().contains("is not known"), "{err}");
    let err =
        firm::import_sites_csv(&store, p.id, "city,label\nLahore,x\n".as_bytes()).unwrap_err();
    assert!(
        err.to_string().contains("at least \"ip\" or \"site\""),
        "{err}"
    );
    let err = firm::import_sites_csv(&store, 999, csv.as_bytes()).unwrap_err();
    assert_eq!(err.kind(), vca_core::ErrorKind::NotFound);
}
