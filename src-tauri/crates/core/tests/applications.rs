//! Applications against a real SQLite file and vault: the state machine, the append-only
//! timeline, dates that cannot be, reminders that fire once (also after a restart), and the
//! registered-IP watch.
#![allow(clippy::expect_used, clippy::unwrap_used)]

use std::fs;

use jiff::{SignedDuration, Timestamp, civil::date};
use vca_core::{
    applicant::ApplicantDetails,
    applications::{self, ApplicationInput, ApplicationKind, Status, TransitionInput},
    documents::{self, DocumentInput},
    eligibility::{Answers, Applicant, StaticIpAnswer, VpnProvider},
    i18n::Lang,
    profile::{ProfileInput, ProfileKind},
    reminders::{self, ReminderKind},
    rules::shipped,
    store::Store,
    vault::Vault,
};

const LIMIT: u64 = 5 * 1024 * 1024;
const DAY: SignedDuration = SignedDuration::from_hours(24);

fn png(width: u32, height: u32, salt: u8) -> Vec<u8> {
    let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR".to_vec();
    b.extend_from_slice(&width.to_be_bytes());
    b.extend_from_slice(&height.to_be_bytes());
    b.extend_from_slice(&[8, 2, 0, 0, 0, 0, 0, 0, salt]);
    b.extend(std::iter::repeat_n(0u8, 200));
    b
}

struct Env {
    dir: tempfile::TempDir,
    store: Store,
    vault: Vault,
    profile: i64,
    t0: Timestamp,
}

fn env() -> Env {
    let dir = tempfile::tempdir().unwrap();
    let store = Store::open(&dir.path().join("vca.sqlite3")).unwrap();
    let vault = Vault::open(dir.path().join("vault")).unwrap();
    let profile = store
        .create_profile(&ProfileInput {
            kind: ProfileKind::Freelancer,
            name: "Ayesha Khan".into(),
        })
        .unwrap()
        .id;
    Env {
        dir,
        store,
        vault,
        profile,
        t0: "2026-11-02T08:00:00Z".parse().unwrap(),
    }
}

impl Env {
    fn at(&self, days: i64) -> Timestamp {
        self.t0 + DAY * i32::try_from(days).unwrap()
    }

    fn start(
        &self,
        title: &str,
        reference: Option<&str>,
    ) -> vca_core::Result<applications::Application> {
        applications::start(
            &self.store,
            self.profile,
            &ApplicationInput {
                title: title.into(),
                reference: reference.map(Into::into),
                mobile_number: Some("+923001234567".into()),
                ..ApplicationInput::default()
            },
            self.t0,
        )
    }

    fn move_to(
        &self,
        id: i64,
        to: Status,
        days: i64,
    ) -> vca_core::Result<applications::ApplicationView> {
        self.move_with(
            id,
            TransitionInput {
                to,
                on: None,
                note: None,
                reason: None,
                reference: None,
                attachments: vec![],
            },
            self.at(days),
        )
    }

    fn move_with(
        &self,
        id: i64,
        input: TransitionInput,
        now: Timestamp,
    ) -> vca_core::Result<applications::ApplicationView> {
        applications::transition(
            &self.store,
            &self.vault,
            &shipped(),
            id,
            &input,
            LIMIT,
            14,
            now,
        )
    }

    fn write(&self, name: &str, bytes: &[u8]) -> std::path::PathBuf {
        let path = self.dir.path().join("inbox").join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, bytes).unwrap();
        path
    }

    /// Everything a freelancer registering a mobile number needs.
    fn complete_kit(&self) {
        self.store
            .save_eligibility_answers(
                self.profile,
                &Answers {
                    applicant: Applicant::Freelancer,
                    provider: VpnProvider::Own,
                    static_ip: StaticIpAnswer::No,
                },
            )
            .unwrap();
        self.store
            .save_applicant_details(
                self.profile,
                &ApplicantDetails {
                    full_name: Some("Ayesha Khan".into()),
                    cnic: Some("3520212345671".into()),
                    email: Some("ayesha@example.pk".into()),
                    mobile: Some("03001234567".into()),
                    purpose: Some("Client work".into()),
                    ..ApplicantDetails::default()
                },
            )
            .unwrap();
        for (name, requirement, bytes, issued) in [
            ("front.png", "cnic-front", png(1000, 630, 1), None),
            ("back.png", "cnic-back", png(1000, 630, 2), None),
            (
                "letter.png",
                "authentication-letter",
                png(1240, 1754, 3),
                Some(date(2026, 10, 1)),
            ),
        ] {
            documents::import(
                &self.store,
                &self.vault,
                &shipped(),
                self.profile,
                &DocumentInput {
                    path: self.write(name, &bytes),
                    requirement_id: requirement.into(),
                    issued_on: issued,
                    expires_on: None,
                },
                LIMIT,
                date(2026, 11, 2),
            )
            .unwrap();
        }
    }
}

fn statuses(view: &applications::ApplicationView) -> Vec<Status> {
    view.timeline.iter().map(|e| e.to).collect()
}

#[test]
fn a_registration_goes_from_draft_to_approved_with_its_timeline_and_follow_ups() {
    let e = env();
    let app = e.start("Home line", None).unwrap();
    assert_eq!(app.status, Status::Draft);

    let err = e.move_to(app.id, Status::Ready, 0).unwrap_err();
    assert!(err.to_string().contains("not ready yet"), "{err}");
    assert!(
        err.to_string().contains("answer the eligibility questions"),
        "says what is missing: {err}"
    );
    e.complete_kit();
    e.move_to(app.id, Status::Ready, 0).unwrap();

    let submitted = e
        .move_with(
            app.id,
            TransitionInput {
                to: Status::Submitted,
                on: None,
                note: Some("filed on the PTA portal".into()),
                reason: None,
                reference: Some("PTA-2026-000123".into()),
                attachments: vec![e.write("confirmation.pdf", b"%PDF-1.4\n%%EOF\n")],
            },
            e.at(1),
        )
        .unwrap();
    assert_eq!(
        submitted.application.reference.as_deref(),
        Some("PTA-2026-000123")
    );
    assert_eq!(submitted.application.submitted_at, Some(e.at(1)));
    assert_eq!(
        submitted.timeline[2].attachments[0].file.original_name,
        "confirmation.pdf"
    );

    // The follow-up is due 14 days after the submission, and fires exactly once.
    assert!(
        reminders::fire_due(&e.store, e.at(14)).unwrap().is_empty(),
        "not due yet"
    );
    let fired = reminders::fire_due(&e.store, e.at(16)).unwrap();
    assert_eq!(fired.len(), 1);
    assert_eq!(fired[0].kind, ReminderKind::FollowUp);
    assert!(fired[0].title.text(Lang::En).contains("Home line"));
    assert!(
        reminders::fire_due(&e.store, e.at(17)).unwrap().is_empty(),
        "fired once"
    );
    assert_eq!(
        e.store
            .reminders_due(Some(e.profile), e.at(17))
            .unwrap()
            .len(),
        1,
        "needs attention"
    );

    // News settles the follow-up; the next wait gets its own.
    e.move_to(app.id, Status::UnderReview, 17).unwrap();
    assert!(
        e.store
            .reminders_due(Some(e.profile), e.at(17))
            .unwrap()
            .is_empty()
    );
    let approved = e.move_to(app.id, Status::Approved, 20).unwrap();
    assert_eq!(
        statuses(&approved),
        [
            Status::Draft,
            Status::Ready,
            Status::Submitted,
            Status::UnderReview,
            Status::Approved
        ]
    );
    assert_eq!(
        approved.next_statuses,
        [Status::Delisted, Status::RenewalDue]
    );
    assert!(
        approved
            .next_action
            .text(vca_core::i18n::Lang::En)
            .contains("drifts")
    );
    assert!(
        reminders::fire_due(&e.store, e.at(60)).unwrap().is_empty(),
        "no follow-up once approved"
    );

    let err = e.move_to(app.id, Status::Draft, 21).unwrap_err();
    assert_eq!(
        err.to_string(),
        "an application that is approved cannot become draft; from approved it can become: delisted, renewal due"
    );
    let err = applications::delete(&e.store, app.id).unwrap_err();
    assert!(
        err.to_string().contains("only a draft can be deleted"),
        "{err}"
    );

    // The timeline is append-only in the database itself.
    let conn = rusqlite::Connection::open(e.store.path()).unwrap();
    let change = conn.execute("UPDATE application_events SET note = 'edited'", []);
    assert!(
        change
            .unwrap_err()
            .to_string()
            .contains("cannot be changed")
    );
    let delete = conn.execute("DELETE FROM application_events", []);
    assert!(
        delete
            .unwrap_err()
            .to_string()
            .contains("cannot be deleted")
    );
    drop(conn);

    // The attachment shares the vault with documents and survives a vault repair.
    documents::reconcile(&e.store, &e.vault).unwrap();
    let sha = &approved.timeline[2].attachments[0].file.sha256;
    assert!(
        e.vault.contains(sha),
        "attachments are not pruned as strays"
    );
}

#[test]
fn impossible_dates_and_duplicate_references_are_refused_and_change_nothing() {
    let e = env();
    let app = applications::start(
        &e.store,
        e.profile,
        &ApplicationInput {
            kind: Some(ApplicationKind::IspStaticIp),
            title: "PTCL static IP".into(),
            started_on: Some(date(2026, 10, 20)),
            ..ApplicationInput::default()
        },
        e.t0,
    )
    .unwrap();
    let on = |to, on| TransitionInput {
        to,
        on: Some(on),
        note: None,
        reason: None,
        reference: None,
        attachments: vec![],
    };

    let err = e
        .move_with(app.id, on(Status::Submitted, date(2026, 12, 25)), e.t0)
        .unwrap_err();
    assert!(err.to_string().contains("in the future"), "{err}");
    let err = e
        .move_with(app.id, on(Status::Submitted, date(2026, 10, 1)), e.t0)
        .unwrap_err();
    assert!(
        err.to_string()
            .contains("before this application started (2026-10-20)"),
        "{err}"
    );
    e.move_with(app.id, on(Status::Submitted, date(2026, 10, 25)), e.t0)
        .unwrap();
    let err = e
        .move_with(app.id, on(Status::Approved, date(2026, 10, 22)), e.t0)
        .unwrap_err();
    assert!(
        err.to_string().contains("before the last timeline entry"),
        "{err}"
    );

    // The computer's clock jumped back before the last entry.
    let err = e.move_to(app.id, Status::Approved, -30).unwrap_err();
    assert!(
        err.to_string()
            .contains("this computer's clock reads 2026-10-03"),
        "{err}"
    );

    let err = e.move_to(app.id, Status::Rejected, 1).unwrap_err();
    assert_eq!(err.field(), Some("reason"));
    assert_eq!(
        e.store.timeline(app.id).unwrap().len(),
        2,
        "refused moves leave no entry"
    );

    let first = e.start("Office line", Some("PTA-77")).unwrap();
    let err = e.start("Second line", Some("pta-77")).unwrap_err();
    assert_eq!(
        err.to_string(),
        "reference pta-77 is already recorded for Office line; each portal gives every application its own number"
    );
    let other = e.start("Second line", None).unwrap();
    e.complete_kit();
    e.move_to(other.id, Status::Ready, 1).unwrap();
    let err = e
        .move_with(
            other.id,
            TransitionInput {
                to: Status::Submitted,
                on: None,
                note: None,
                reason: None,
                reference: Some("PTA-77".into()),
                attachments: vec![],
            },
            e.at(2),
        )
        .unwrap_err();
    assert_eq!(err.field(), Some("reference"));
    let still = applications::view(&e.store, other.id).unwrap();
    assert_eq!(
        (still.application.status, still.timeline.len()),
        (Status::Ready, 2),
        "all or nothing"
    );
    assert_eq!(
        e.store.application(first.id).unwrap().reference.as_deref(),
        Some("PTA-77")
    );
}

#[test]
fn a_reminder_that_fell_due_while_the_app_was_closed_fires_at_the_next_start() {
    let e = env();
    let path = e.store.path().to_path_buf();
    let app = e.start("Home line", None).unwrap();
    reminders::add_custom(
        &e.store,
        e.profile,
        &reminders::CustomReminderInput {
            application_id: Some(app.id),
            title: "Call the ISP".into(),
            due_on: date(2026, 11, 10),
        },
        e.t0,
    )
    .unwrap();
    drop(e.store);

    let store = Store::open(&path).unwrap();
    let later: Timestamp = "2026-11-20T10:00:00Z".parse().unwrap();
    let fired = reminders::fire_due(&store, later).unwrap();
    assert_eq!(
        fired
            .iter()
            .map(|r| r.title.text(Lang::En))
            .collect::<Vec<_>>(),
        ["Call the ISP"]
    );
    drop(store);
    let store = Store::open(&path).unwrap();
    assert!(
        reminders::fire_due(&store, later + DAY).unwrap().is_empty(),
        "fires once, across restarts"
    );
    let due = store.reminders_due(None, later).unwrap();
    store.complete_reminder(due[0].id, later).unwrap();
    assert!(
        store.reminders_due(None, later).unwrap().is_empty(),
        "done leaves needs-attention"
    );
}

#[test]
fn documents_with_an_expiry_date_get_a_reminder_thirty_days_ahead() {
    let e = env();
    documents::import(
        &e.store,
        &e.vault,
        &shipped(),
        e.profile,
        &DocumentInput {
            path: e.write("front.png", &png(1000, 630, 9)),
            requirement_id: "cnic-front".into(),
            issued_on: None,
            expires_on: Some(date(2027, 1, 15)),
        },
        LIMIT,
        date(2026, 11, 2),
    )
    .unwrap();
    assert_eq!(reminders::sync(&e.store, &shipped(), e.t0).unwrap(), 1);
    assert_eq!(
        reminders::sync(&e.store, &shipped(), e.t0).unwrap(),
        0,
        "idempotent"
    );
    assert!(
        reminders::fire_due(&e.store, "2026-12-14T00:00:00Z".parse().unwrap())
            .unwrap()
            .is_empty()
    );
    let fired = reminders::fire_due(&e.store, "2026-12-17T00:00:00Z".parse().unwrap()).unwrap();
    assert_eq!(
        fired[0].title.text(Lang::En),
        "CNIC, front side expires on 2027-01-15"
    );
    assert_eq!(
        fired[0].title.text(Lang::Ur),
        "CNIC، سامنے کا رخ کی میعاد \u{2068}2027-01-15\u{2069} کو ختم ہو رہی ہے",
        "the pack's own Urdu title, the date isolated"
    );
}

#[test]
fn an_approved_registration_warns_once_per_new_ip_when_the_public_ip_drifts() {
    let e = env();
    let app = applications::start(
        &e.store,
        e.profile,
        &ApplicationInput {
            title: "Head office".into(),
            registered_ips: vec![" 39.32.10.5 ".into(), "39.32.10.5".into()],
            ..ApplicationInput::default()
        },
        e.t0,
    )
    .unwrap();
    assert_eq!(
        app.registered_ips,
        ["39.32.10.5"],
        "trimmed and de-duplicated"
    );
    assert_eq!(
        applications::watch_drift(&e.store, "39.32.99.1", e.t0).unwrap(),
        0,
        "not approved yet"
    );
    e.complete_kit();
    for (to, day) in [
        (Status::Ready, 0),
        (Status::Submitted, 1),
        (Status::Approved, 5),
    ] {
        e.move_to(app.id, to, day).unwrap();
    }
    let now = e.at(6);
    assert_eq!(
        applications::watch_drift(&e.store, "39.32.10.5", now).unwrap(),
        0,
        "the registered IP"
    );
    assert_eq!(
        applications::watch_drift(&e.store, "2400:adc1::1", now).unwrap(),
        0,
        "no IPv6 registered"
    );
    assert_eq!(
        applications::watch_drift(&e.store, "39.32.99.1", now).unwrap(),
        1
    );
    assert_eq!(
        applications::watch_drift(&e.store, "39.32.99.1", now).unwrap(),
        0,
        "once per IP"
    );
    let fired = reminders::fire_due(&e.store, now).unwrap();
    assert_eq!(fired.len(), 1);
    assert_eq!(fired[0].kind, ReminderKind::IpDrift);
    let body = fired[0]
        .body
        .as_ref()
        .map(|b| b.text(Lang::En))
        .unwrap_or_default();
    assert!(
        body.contains("39.32.99.1") && body.contains("39.32.10.5"),
        "{body}"
    );
}

#[test]
fn a_private_address_cannot_be_registered_and_a_draft_can_be_deleted() {
    let e = env();
    let err = applications::start(
        &e.store,
        e.profile,
        &ApplicationInput {
            title: "Office".into(),
            registered_ips: vec!["192.168.1.10".into()],
            ..ApplicationInput::default()
        },
        e.t0,
    )
    .unwrap_err();
    assert_eq!(err.field(), Some("registeredIps"));
    let err =
        applications::start(&e.store, e.profile, &ApplicationInput::default(), e.t0).unwrap_err();
    assert_eq!(err.field(), Some("title"));
    let app = e.start("Mistake", None).unwrap();
    applications::delete(&e.store, app.id).unwrap();
    assert!(e.store.applications_of(e.profile).unwrap().is_empty());
}

#[test]
fn the_portal_helper_lists_the_values_in_the_portals_order_with_the_page_from_the_pack() {
    let e = env();
    e.complete_kit();
    let app = e.start("Home line", None).unwrap();
    assert_eq!(
        e.store.application(app.id).unwrap().category_id.as_deref(),
        Some("freelancer-mobile"),
        "the wizard's category"
    );
    let helper = vca_core::portal::helper(&e.store, &shipped(), app.id).unwrap();
    assert!(helper.url.as_deref().unwrap().starts_with("https://"));
    let fields: Vec<(&str, Option<&str>)> = helper
        .fields
        .iter()
        .map(|f| (f.label.as_str(), f.value.as_deref()))
        .collect();
    assert_eq!(
        fields[..6],
        [
            (
                "Application type",
                Some("VPN registration for a freelancer, by mobile number")
            ),
            (
                "Applicant's full name (as on the CNIC)",
                Some("Ayesha Khan")
            ),
            ("CNIC number", Some("35202-1234567-1")),
            ("Email", Some("ayesha@example.pk")),
            ("Mobile number", Some("+92 300 1234567")),
            ("Mobile number to register", Some("+923001234567")),
        ]
    );
    assert!(
        fields.contains(&("VPN service", None)),
        "missing values are shown as missing"
    );
}

#[test]
fn a_rules_pack_deadline_reminds_the_applicants_it_concerns_two_weeks_ahead() {
    let e = env();
    e.complete_kit();
    let mut pack = shipped();
    pack.deadlines.push(vca_core::rules::Deadline {
        id: "mobile-registration-2026".into(),
        title: vca_core::rules::Text {
            en: "Register your mobile number with PTA".into(),
            ur: None,
        },
        date: date(2026, 12, 31),
        categories: vec!["freelancer-mobile".into()],
        source: "pta-freelancer-mobile".into(),
    });
    vca_core::rules::validate(&pack).unwrap();
    let mut wrong = pack.clone();
    wrong.deadlines[0].categories = vec!["astronauts".into()];
    assert!(
        vca_core::rules::validate(&wrong)
            .unwrap_err()
            .contains("unknown category")
    );

    assert_eq!(reminders::sync(&e.store, &pack, e.t0).unwrap(), 1);
    assert!(
        reminders::fire_due(&e.store, "2026-12-16T00:00:00Z".parse().unwrap())
            .unwrap()
            .is_empty()
    );
    let fired = reminders::fire_due(&e.store, "2026-12-18T00:00:00Z".parse().unwrap()).unwrap();
    assert_eq!(fired[0].kind, ReminderKind::Deadline);
    assert_eq!(
        fired[0].title.text(Lang::En),
        "Register your mobile number with PTA by 2026-12-31"
    );

    // A deadline that has passed reminds nobody.
    let late: Timestamp = "2027-01-05T10:00:00Z".parse().unwrap();
    let other = e
        .store
        .create_profile(&ProfileInput {
            kind: ProfileKind::Freelancer,
            name: "Bilal".into(),
        })
        .unwrap();
    e.store
        .save_eligibility_answers(
            other.id,
            &Answers {
                applicant: Applicant::Freelancer,
                provider: VpnProvider::Own,
                static_ip: StaticIpAnswer::No,
            },
        )
        .unwrap();
    assert_eq!(reminders::sync(&e.store, &pack, late).unwrap(), 0);
}
