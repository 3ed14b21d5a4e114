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

/// Runs `meldpunt audit verify` (with these extra arguments) and gives its exit status, stdout
/// and stderr.
fn verify(db: &str, extra: &[&str]) -> (bool, String, String) {
    let out = meldpunt(db, &[&["audit", "verify"], extra].concat(), "");
    (
        out.status.success(),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

/// Changes the database directly, as an attacker with access to its files would; waits until
/// the embedded engine let go of it.
fn knoei(db: &str, sql: &str) {
    let rt = tokio::runtime::Runtime::new().unwrap();
    rt.block_on(async {
        let v = app::db::Verbinding { endpoint: db, gebruiker: None, wachtwoord: None };
        let db = app::db::verbind(v).await.unwrap();
        db.query(sql).await.unwrap().check().unwrap();
    });
    // The runtime stays up while the engine closes the database in the background.
    for _ in 0..100 {
        if meldpunt(db, &["migrate"], "").status.success() {
            return;
        }
        std::thread::sleep(std::time::Duration::from_millis(100));
    }
    panic!("the database stays locked");
}

#[test]
fn audit_verify_passes_on_an_intact_chain_and_names_the_broken_link_with_a_failing_exit() {
    let dir = std::env::temp_dir().join(format!("meldpunt-cli-audit-{}", std::process::id()));
    let db = format!("surrealkv://{}/db", dir.display());
    assert!(meldpunt(&db, &["seed", "--meldingen", "20"], "").status.success());
    assert!(meldpunt(&db, &["--retention-days", "0", "retention"], "").status.success());
    let add = ["user", "add", "--email", "els@meldpunt.test", "--name", "Els", "--role", "coordinator"];
    assert!(meldpunt(&db, &add, "een lang genoeg wachtwoord\n").status.success());
    for args in
        [["user", "disable", "--email", "els@meldpunt.test"], ["user", "enable", "--email", "els@meldpunt.test"]]
    {
        assert!(meldpunt(&db, &args, "").status.success());
    }

    let (ok, stdout, stderr) = verify(&db, &[]);
    assert!(ok, "{stdout}\n{stderr}");
    assert!(stdout.contains("regels gecontroleerd, de keten is intact"), "{stdout}");
    // The last link, to keep as an anchor: "… --anchor N:HASH` …".
    let anker = stdout.split("--anchor ").nth(1).and_then(|s| s.split('`').next()).unwrap().to_string();
    let (nr, _) = anker.split_once(':').unwrap();
    assert!(nr.parse::<i64>().unwrap() >= 3, "{stdout}");
    let (ok, stdout, _) = verify(&db, &["--anchor", &anker]);
    assert!(ok && stdout.contains(&format!("Het anker klopt: regel #{nr}")), "the right anchor passes: {stdout}");
    let vals = format!("{nr}:{}", "ab".repeat(32));
    let (ok, _, stderr) = verify(&db, &["--anchor", &vals]);
    assert!(!ok && stderr.contains(&format!("regel #{nr} heeft niet de hash van het anker")), "{stderr}");
    assert!(!verify(&db, &["--anchor", "onzin"]).0, "a malformed anchor is refused");

    // Entry 2 removed behind the application's back (its delete event removed first).
    knoei(&db, "REMOVE EVENT nooit_verwijderen ON TABLE audit; DELETE audit WHERE volgnummer = 2;");
    let (ok, stdout, stderr) = verify(&db, &[]);
    assert!(!ok, "a broken chain exits non-zero: {stdout}");
    assert!(stdout.contains("Auditlog: 1 regel intact tot de eerste breuk"), "{stdout}");
    assert!(stderr.contains("de keten van het auditlog is gebroken: regel #2 ontbreekt (verwijderd)"), "{stderr}");
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
