//! The `meldpunt` command against an embedded on-disk database in a temp dir.
#![allow(clippy::unwrap_used, clippy::expect_used)] // test code: a failed unwrap is a failed test

use std::io::Write;
use std::process::{Command, Output, Stdio};

fn meldpunt(db: &str, args: &[&str], stdin: &str) -> Output {
    let mut child = Command::new(env!("CARGO_BIN_EXE_meldpunt"))
        .arg("--db")
        .arg(db)
        .args(args)
        .env("RUST_LOG", "warn")
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    child.stdin.take().unwrap().write_all(stdin.as_bytes()).unwrap();
    child.wait_with_output().unwrap()
}

#[test]
fn migrate_seed_and_user_add_work_on_a_durable_database() {
    let dir = std::env::temp_dir().join(format!("meldpunt-cli-{}", std::process::id()));
    let db = format!("surrealkv://{}/db", dir.display());

    let out = meldpunt(&db, &["migrate"], "");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(meldpunt(&db, &["migrate"], "").status.success(), "a second migrate applies nothing and succeeds");

    let out = meldpunt(&db, &["seed", "--meldingen", "25"], "");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(String::from_utf8_lossy(&out.stdout).contains("25 meldingen geladen"));
    let out = meldpunt(&db, &["seed"], "");
    assert!(!out.status.success(), "seeding twice is refused");

    let add = ["user", "add", "--email", "els@meldpunt.test", "--name", "Els Vermeulen", "--role", "casewerker"];
    let out = meldpunt(&db, &add, "kort\n");
    assert!(!out.status.success(), "a short password is refused");
    assert!(String::from_utf8_lossy(&out.stderr).contains("12 tekens"));
    let out = meldpunt(&db, &add, "Password1234\n");
    assert!(!out.status.success(), "a common password is refused");
    assert!(String::from_utf8_lossy(&out.stderr).contains("te gewoon"));
    let out = meldpunt(&db, &add, "een lang genoeg wachtwoord\n");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let out = meldpunt(&db, &add, "een lang genoeg wachtwoord\n");
    assert!(!out.status.success(), "the same address twice is refused");
    let out = meldpunt(
        &db,
        &["user", "add", "--email", "x@y.be", "--name", "X", "--role", "baas"],
        "een lang genoeg wachtwoord\n",
    );
    assert!(!out.status.success() && String::from_utf8_lossy(&out.stderr).contains("unknown role"));

    // The other account commands: each succeeds for a known address and fails for an unknown one.
    let email = "els@meldpunt.test";
    for (args, stdin) in [
        (vec!["user", "role", "--email", email, "--role", "coordinator"], ""),
        (vec!["user", "disable", "--email", email], ""),
        (vec!["user", "enable", "--email", email], ""),
        (vec!["user", "reset-password", "--email", email], "een nieuw lang wachtwoord\n"),
    ] {
        let out = meldpunt(&db, &args, stdin);
        assert!(out.status.success(), "{args:?}: {}", String::from_utf8_lossy(&out.stderr));
    }
    let out = meldpunt(&db, &["user", "disable", "--email", "niemand@meldpunt.test"], "");
    assert!(!out.status.success() && String::from_utf8_lossy(&out.stderr).contains("geen account"));
    let out = meldpunt(&db, &["user", "reset-password", "--email", email], "kort\n");
    assert!(!out.status.success(), "a short new password is refused");
    let out = meldpunt(&db, &["user", "reset-password", "--email", email], "qwertyuiop123\n");
    assert!(!out.status.success(), "a common new password is refused");
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn retention_dry_run_changes_nothing_and_the_run_anonymises_once() {
    let dir = std::env::temp_dir().join(format!("meldpunt-cli-bewaring-{}", std::process::id()));
    let db = format!("surrealkv://{}/db", dir.display());
    let out = meldpunt(&db, &["seed", "--meldingen", "40"], "");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    // Our lines only (the database may log to the same stream while shutting down).
    let stdout = |o: &Output| {
        String::from_utf8_lossy(&o.stdout)
            .lines()
            .filter(|l| l.starts_with("M-") || l.contains("melding(en)"))
            .collect::<Vec<_>>()
            .join("\n")
    };

    // The default rule (365 days) finds at most the cases demo data closed over a year ago.
    let out = meldpunt(&db, &["retention", "--dry-run"], "");
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(stdout(&out).contains("Proefdraaien: "), "{}", String::from_utf8_lossy(&out.stdout));
    let standaard = stdout(&out).lines().filter(|l| l.starts_with("M-")).count();

    // With a rule of 0 days every closed case is due. A dry run lists them and changes nothing.
    let proef = meldpunt(&db, &["--retention-days", "0", "retention", "--dry-run"], "");
    assert!(proef.status.success(), "{}", String::from_utf8_lossy(&proef.stderr));
    let lijst: Vec<String> = stdout(&proef).lines().filter(|l| l.starts_with("M-")).map(str::to_string).collect();
    assert!(!lijst.is_empty(), "demo data has closed cases: {}", stdout(&proef));
    assert!(lijst.len() >= standaard);
    assert!(stdout(&proef).contains("Er is niets gewijzigd"));
    let nog_eens = meldpunt(&db, &["--retention-days", "0", "retention", "--dry-run"], "");
    assert_eq!(stdout(&nog_eens), stdout(&proef), "the dry run changed nothing");

    let echt = meldpunt(&db, &["--retention-days", "0", "retention"], "");
    assert!(echt.status.success(), "{}", String::from_utf8_lossy(&echt.stderr));
    let gedaan: Vec<String> = stdout(&echt).lines().filter(|l| l.starts_with("M-")).map(str::to_string).collect();
    assert_eq!(gedaan, lijst, "the run does what the dry run showed");
    assert!(stdout(&echt).contains(&format!("{} melding(en)", lijst.len())));

    let daarna = meldpunt(&db, &["--retention-days", "0", "retention"], "");
    assert!(stdout(&daarna).contains("0 melding(en)"), "a second run has nothing left: {}", stdout(&daarna));
    let _ = std::fs::remove_dir_all(dir);
}

/// The demo's accounts and second-factor secret are published: it never listens beyond loopback.
#[test]
fn the_demo_refuses_a_public_address() {
    let uit = meldpunt("mem://", &["--addr", "0.0.0.0:0", "serve", "--demo"], "");
    assert!(!uit.status.success());
    let fout = String::from_utf8_lossy(&uit.stderr);
    assert!(fout.contains("alleen op loopback"), "{fout}");
}
