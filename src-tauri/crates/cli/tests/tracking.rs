//! `vca status`, `timeline`, `application`, `reminders`, `backup` and `restore`, run as a
//! user would: the real binary on a real data folder.
#![allow(clippy::expect_used, clippy::unwrap_used)]

mod support;

use std::{process::Stdio, time::Duration};

use support::{Vca, png};

fn json(out: &str) -> serde_json::Value {
    serde_json::from_str(out).unwrap()
}

#[test]
fn status_timeline_and_reminders_speak_urdu_when_asked() {
    let v = Vca::new();
    v.ok(&["profile", "add", "--kind", "freelancer", "Ayesha Khan"]);
    v.ok(&[
        "application",
        "start",
        "--title",
        "Home line",
        "--ip",
        "39.32.10.5",
    ]);
    v.ok(&[
        "reminders",
        "add",
        "--title",
        "ISP کو فون کریں",
        "--on",
        "2026-01-05",
    ]);
    let status = v.ok(&["--lang", "ur", "status"]);
    assert!(status.contains("مسودہ"), "the status in Urdu:\n{status}");
    assert!(
        status.contains("اگلا قدم: دستاویزات اور جانچ مکمل کریں"),
        "{status}"
    );
    assert!(status.contains("توجہ طلب:\n"), "{status}");
    assert!(
        status.contains("ISP کو فون کریں"),
        "the user's own words:\n{status}"
    );
    let english = v.ok(&["--lang", "en", "status"]);
    assert!(
        english.contains("Draft") && english.contains("next: complete the documents"),
        "{english}"
    );
    let timeline = v.ok(&["--lang", "ur", "timeline", "1"]);
    assert!(timeline.contains("رجسٹرڈ IP: 39.32.10.5"), "{timeline}");
    assert!(timeline.contains("ٹائم لائن:"), "{timeline}");
    let reminders = v.ok(&["--lang", "ur", "reminders", "list"]);
    assert!(reminders.contains("توجہ طلب:"), "{reminders}");
    let json = json(&v.ok(&["--lang", "ur", "--json", "status"]));
    assert_eq!(
        json["applications"][0]["nextAction"],
        "complete the documents and checks, then mark it ready",
        "JSON stays English for scripts"
    );
}

#[test]
fn an_application_is_tracked_from_the_command_line_and_illegal_moves_are_refused() {
    let v = Vca::new();
    v.ok(&["profile", "add", "--kind", "firm", "Indus Soft"]);
    let started = json(&v.ok(&[
        "--json",
        "application",
        "start",
        "--title",
        "Head office",
        "--ip",
        "39.32.10.5",
        "--kind",
        "isp-static-ip",
    ]));
    let id = started["id"].as_i64().unwrap().to_string();

    let refused = v.run(&["application", "move", &id, "approved"]);
    assert_eq!(refused.status.code(), Some(3), "invalid input");
    assert!(String::from_utf8_lossy(&refused.stderr).contains("cannot become approved"));
    let unknown = v.run(&["application", "move", &id, "whitelisted"]);
    assert!(
        String::from_utf8_lossy(&unknown.stderr)
            .contains("is not a status; use one of: draft, ready")
    );

    let letter = v.file("request.pdf", b"%PDF-1.4\n%%EOF\n");
    v.ok(&[
        "application",
        "move",
        &id,
        "submitted",
        "--reference",
        "PTCL-55",
        "--attach",
        &letter,
    ]);
    let moved = json(&v.ok(&[
        "--json",
        "application",
        "move",
        &id,
        "rejected",
        "--reason",
        "no static IP on this plan",
    ]));
    assert_eq!(moved["application"]["status"], "rejected");
    let timeline = json(&v.ok(&["--json", "timeline", &id]));
    let statuses: Vec<&str> = timeline["timeline"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["to"].as_str().unwrap())
        .collect();
    assert_eq!(statuses, ["draft", "submitted", "rejected"]);
    assert_eq!(
        timeline["timeline"][1]["attachments"][0]["originalName"],
        "request.pdf"
    );
    assert_eq!(
        timeline["nextStatuses"],
        serde_json::json!(["resubmitted", "withdrawn"])
    );

    let text = v.ok(&["status"]);
    assert!(
        text.contains("Head office") && text.contains("Rejected") && text.contains("PTCL-55"),
        "{text}"
    );

    v.ok(&[
        "reminders",
        "add",
        "--title",
        "Ask PTCL for the business plan",
        "--on",
        "2026-01-05",
    ]);
    let reminders = json(&v.ok(&["--json", "reminders", "list"]));
    assert_eq!(
        reminders["due"][0]["title"]["params"]["text"],
        "Ask PTCL for the business plan"
    );
    let rid = reminders["due"][0]["id"].as_i64().unwrap().to_string();
    v.ok(&["reminders", "done", &rid]);
    assert_eq!(
        json(&v.ok(&["--json", "status"]))["attention"],
        serde_json::json!([])
    );
}

/// The state a user would see, as `vca` prints it.
fn snapshot(v: &Vca) -> (String, String) {
    (
        v.ok(&["--json", "profile", "list"]),
        v.ok(&["--json", "doc", "list"]),
    )
}

#[test]
fn a_backup_restores_the_whole_state_and_a_bad_archive_changes_nothing() {
    let v = Vca::new();
    v.ok(&["profile", "add", "--kind", "freelancer", "Ayesha"]);
    v.add_cnic_both_sides();
    let archive = v.dir.path().join("state.vcabackup");
    let made = json(&v.ok(&["--json", "backup", "--out", archive.to_str().unwrap()]));
    assert_eq!(made["files"], 3);
    let saved = snapshot(&v);

    v.ok(&["profile", "add", "--kind", "firm", "Later Ltd"]);
    v.ok(&["doc", "remove", "1"]);
    assert_ne!(snapshot(&v), saved);

    let foreign = v.file("photo.png", &png(100, 100, 3000, 9));
    let refused = v.run(&["restore", &foreign]);
    assert_eq!(refused.status.code(), Some(3));
    assert!(
        String::from_utf8_lossy(&refused.stderr).contains("not a VPN Compliance Assistant backup")
    );
    let changed = snapshot(&v);
    assert_ne!(changed, saved, "a refused restore changed nothing");

    v.ok(&["restore", archive.to_str().unwrap()]);
    assert_eq!(snapshot(&v), saved);
    v.ok(&["vault-check"]);
}

#[test]
fn killed_at_random_points_during_restores_the_data_is_always_whole() {
    let v = Vca::new();
    v.ok(&["profile", "add", "--kind", "freelancer", "Backed Up"]);
    for i in 0..4u32 {
        let file = v.file(
            &format!("scan-{i}.png"),
            &png(1000, 630, 3 * 1024 * 1024, i),
        );
        v.ok(&[
            "doc",
            "add",
            &file,
            "--requirement",
            ["cnic-front", "cnic-back"][i as usize % 2],
        ]);
    }
    let archive = v.dir.path().join("state.vcabackup");
    v.ok(&["backup", "--out", archive.to_str().unwrap()]);
    let saved = snapshot(&v);
    let mut next = support::rng();
    let mut completed = 0;
    for round in 0..20u32 {
        // Something changed since the backup, so "old" and "restored" differ.
        v.ok(&[
            "profile",
            "add",
            "--kind",
            "firm",
            &format!("Round {round}"),
        ]);
        let before = snapshot(&v);
        let mut child = v
            .command(&["restore", archive.to_str().unwrap()])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .unwrap();
        // A restore of this archive takes about 0.4 s in a debug build: kill anywhere in it,
        // from before it opens the archive to after it finished.
        std::thread::sleep(Duration::from_millis(next() % 600));
        let _ = child.kill();
        let finished = child.wait().unwrap().success();
        // The next command opens the data folder (finishing an interrupted swap).
        let after = snapshot(&v);
        if finished {
            completed += 1;
            assert_eq!(after, saved, "round {round}: a finished restore is whole");
        } else {
            assert!(
                after == before || after == saved,
                "round {round}: neither the old nor the restored state"
            );
        }
        v.ok(&["vault-check"]);
        let leftovers: Vec<String> = std::fs::read_dir(v.data())
            .unwrap()
            .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
            .filter(|n| n.starts_with(".restore") || n.contains("journal"))
            .collect();
        assert!(
            leftovers.is_empty(),
            "round {round}: leftovers {leftovers:?}"
        );
    }
    eprintln!("{completed} of 20 restores finished before the kill");
}
