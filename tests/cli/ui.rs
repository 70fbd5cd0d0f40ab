//! The command line itself: help, version, completions, --quiet and
//! --verbose, the progress bar, and Datasette metadata.

use std::process::Command;

use crate::workdir::Workdir;

/// The subcommands `chronik --help` lists.
fn commands(help: &str) -> Vec<String> {
    help.lines()
        .skip_while(|l| !l.starts_with("Commands:"))
        .skip(1)
        .take_while(|l| l.starts_with("  "))
        .filter_map(|l| l.split_whitespace().next().map(str::to_string))
        .filter(|c| c != "help")
        .collect()
}

#[test]
fn every_command_has_help_with_an_example() {
    let w = Workdir::new();
    let (code, help, _) = w.run(&["--help"]);
    assert_eq!(code, 0);
    let cmds = commands(&help);
    assert_eq!(
        cmds,
        [
            "import",
            "migrate",
            "query",
            "search",
            "export",
            "sql",
            "reindex",
            "backup",
            "stats",
            "datasette-metadata",
            "completions"
        ]
    );
    for c in &cmds {
        let (code, out, _) = w.run(&[c, "--help"]);
        assert_eq!(code, 0, "{c}");
        assert!(out.contains("Example"), "{c} --help has no example:\n{out}");
        assert!(out.contains(&format!("chronik {c}")), "{c}:\n{out}");
    }
    assert!(!w.db().exists(), "help must not create an archive");
}

#[test]
fn version_names_the_crate_version() {
    let w = Workdir::new();
    let (code, out, _) = w.run(&["--version"]);
    assert_eq!(code, 0);
    assert_eq!(out.trim(), format!("chronik {}", env!("CARGO_PKG_VERSION")));
}

#[test]
fn completions_for_each_shell() {
    let w = Workdir::new();
    for (shell, marker) in [
        ("bash", "_chronik()"),
        ("zsh", "#compdef chronik"),
        ("fish", "complete -c chronik"),
    ] {
        let (code, out, err) = w.run(&["completions", shell]);
        assert_eq!(code, 0, "{shell}: {err}");
        assert!(out.contains(marker), "{shell}");
        assert!(
            out.contains("datasette-metadata") && out.contains("search"),
            "{shell}"
        );
    }
    let (code, _, err) = w.run(&["completions", "tcsh"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("invalid value 'tcsh' for '<SHELL>'")
            && err.contains("[possible values: bash, elvish, fish, powershell, zsh]"),
        "{err}"
    );
    assert!(!w.db().exists(), "completions must not create an archive");
}

#[test]
fn quiet_and_verbose() {
    let w = Workdir::with_seeds();
    std::fs::copy(
        w.path("seeds/000_1376698e64fde3d7.txt"),
        w.path("seeds/zzz_copy.txt"),
    )
    .unwrap();
    // Piped stderr: no progress bar, only what is said.
    let (code, out, err) = w.run(&["import", "seeds", "-v"]);
    assert_eq!(code, 0);
    assert_eq!(
        out.trim(),
        "imported 5, updated 0, unchanged 0, failed 0, duplicates 1"
    );
    let lines: Vec<&str> = err.lines().collect();
    assert_eq!(lines.len(), 6, "{err}");
    assert_eq!(lines[0], "seeds/000_1376698e64fde3d7.txt: imported");
    assert!(lines[5].ends_with(
        "zzz_copy.txt: same text as seeds/000_1376698e64fde3d7.txt; not imported again"
    ));

    let (code, out, err) = w.run(&["-q", "import", "seeds"]);
    assert_eq!(code, 0);
    assert_eq!(
        out.trim(),
        "imported 0, updated 0, unchanged 5, failed 0, duplicates 1"
    );
    assert_eq!(err, "", "--quiet says nothing but failures");

    let (code, _, err) = w.run(&["import", "seeds", "--quiet", "--verbose"]);
    assert_eq!(code, 2);
    assert!(
        err.contains("the argument '--quiet' cannot be used with '--verbose'"),
        "{err}"
    );

    let (code, _, err) = w.run(&["export", "--all", "--dir", "out", "--quiet"]);
    assert_eq!((code, err.as_str()), (0, ""));
    let (code, _, err) = w.run(&["export", "--all", "--dir", "out", "-v"]);
    assert_eq!(code, 0);
    assert!(err.starts_with("out/sources.csv: 5 rows\n"), "{err}");
    assert_eq!(err.lines().count(), 19, "{err}");
    assert!(err.ends_with("wrote 18 files to out\n"), "{err}");
}

#[test]
fn progress_bar_only_on_a_terminal() {
    // `script` runs chronik with a pseudo-terminal as stderr.
    if Command::new("script").arg("--version").output().is_err() {
        eprintln!("no `script` command: the terminal case is not tested here");
        return;
    }
    let w = Workdir::with_seeds();
    let chronik = assert_cmd::cargo::cargo_bin("chronik");
    let run = |extra: &str| {
        let cmd = format!(
            "{} --db {} import {} {extra}",
            chronik.display(),
            w.db().display(),
            w.path("seeds").display()
        );
        let out = Command::new("script")
            .args(["-qec", &cmd, "/dev/null"])
            .output()
            .unwrap();
        String::from_utf8_lossy(&out.stdout).into_owned()
    };
    let shown = run("");
    assert!(shown.contains("5/5 files"), "{shown:?}");
    assert!(shown.contains("imported 5, updated 0"), "{shown:?}");
    let quiet = run("--quiet");
    assert!(!quiet.contains("files,"), "{quiet:?}");
    assert!(
        quiet.contains("imported 0, updated 0, unchanged 5"),
        "{quiet:?}"
    );
}

#[test]
fn datasette_metadata_holds_every_canned_query_and_the_fts_setup() {
    let w = Workdir::with_seeds();
    w.import_seeds();
    let (code, out, err) = w.run(&["datasette-metadata"]);
    assert_eq!(code, 0, "{err}");
    let meta: serde_json::Value = serde_json::from_str(&out).unwrap();
    let db = &meta["databases"]["chronik"];
    let (_, list, _) = w.run(&["query", "--list"]);
    let queries = db["queries"].as_object().unwrap();
    assert_eq!(queries.len(), list.lines().count());
    assert_eq!(queries.len(), 15);
    let entity = &db["queries"]["entity"];
    assert_eq!(entity["title"], "Look up an entity by any spelling");
    assert_eq!(entity["params"], serde_json::json!(["name"]));
    assert!(entity["sql"].as_str().unwrap().contains(":name"));
    assert!(!entity["description"].as_str().unwrap().is_empty());
    assert_eq!(
        db["tables"]["articles"],
        serde_json::json!({"fts_table": "articles_fts", "fts_pk": "id", "searchmode": "raw"})
    );
    let (code, out, _) = w.run(&["datasette-metadata", "--name", "archiv"]);
    assert_eq!(code, 0);
    let meta: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert!(meta["databases"]["archiv"]["queries"]["timeline"].is_object());
}
