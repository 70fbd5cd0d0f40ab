//! The command line: one file per command, each a thin layer over the
//! library that formats what it returns. No SQL lives here.

mod backup;
mod completions;
mod datasette;
mod export;
mod import;
mod migrate;
mod output;
mod query;
mod reindex;
mod search;
mod sql;
mod stats;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand};

use crate::archive::{self, Access};

#[derive(Debug, Parser)]
#[command(
    name = "chronik",
    version,
    about = "Turns a pile of news articles into a SQLite archive people can question.",
    after_help = "Examples:\n  chronik import seeds/\n  chronik search Verteidigungsminister\n  chronik query timeline --format csv\n  chronik export --all --dir exports"
)]
pub struct Cli {
    /// The archive to use (created if missing).
    #[arg(long, global = true, env = "CHRONIK_DB", default_value = "chronik.db")]
    pub db: PathBuf,
    /// Say less: no progress bar and no notes, only results, failures and summaries.
    #[arg(
        long,
        short,
        global = true,
        conflicts_with = "verbose",
        display_order = 90
    )]
    pub quiet: bool,
    /// Say more: a line for every file imported or exported.
    #[arg(long, short, global = true, display_order = 91)]
    pub verbose: bool,
    #[command(subcommand)]
    pub command: Command,
}

#[derive(Debug, Subcommand)]
pub enum Command {
    /// Import .txt articles from files and directories (recursively).
    #[command(after_help = "Example:\n  chronik import seeds/ new-articles/")]
    Import(import::Args),
    /// Apply pending migrations, or list applied and pending ones.
    #[command(after_help = "Example:\n  chronik migrate --status")]
    Migrate(migrate::Args),
    /// Run a canned query, or list them.
    #[command(
        after_help = "Examples:\n  chronik query --list\n  chronik query entity_mentions --param name=Putin --format json"
    )]
    Query(query::Args),
    /// Full-text search over titles and bodies, German-aware, best match first.
    #[command(
        after_help = "Examples:\n  chronik search Verteidigungsminister\n  chronik search '\"russische Delegation\" AND (Pjöngjang OR Wonsan)' --limit 5\n  chronik search Verteid* NOT Putin --format json\n\nSyntax (as in SQLite FTS5): words; \"a phrase\"; Verteid* (prefix); AND (also between\nwords), OR, NOT (as in `Kim NOT Putin`) and ( ). Operators are upper case.\nWords are stemmed and diacritics ignored: Pjongjang finds Pjöngjang,\nVerteidigungsminister finds Verteidigungsministers. Matches in titles count more.\nThe snippet marks matches [so] in tables and CSV, **so** in JSON."
    )]
    Search(search::Args),
    /// Write a table or canned query as CSV, or all of them into a directory.
    #[command(
        after_help = "Examples:\n  chronik export timeline --out timeline.csv --bom --delimiter ';'\n  chronik export --all --dir exports"
    )]
    Export(export::Args),
    /// Run read-only SQL against the archive.
    #[command(
        after_help = "Example:\n  chronik sql \"SELECT name, kind FROM entities ORDER BY name\""
    )]
    Sql(sql::Args),
    /// Re-run extraction over every stored article, without reading files.
    #[command(after_help = "Example:\n  chronik reindex")]
    Reindex(reindex::Args),
    /// Write a consistent copy of the archive, also while an import runs.
    #[command(after_help = "Example:\n  chronik backup backups/chronik-2024-07-19.db")]
    Backup(backup::Args),
    /// Rows per table, schema version and file size.
    #[command(after_help = "Example:\n  chronik stats --format json")]
    Stats(stats::Args),
    /// Print Datasette metadata.json: every canned query and the full-text search setup.
    #[command(
        name = "datasette-metadata",
        after_help = "Example:\n  chronik datasette-metadata > metadata.json\n  datasette serve chronik.db --metadata metadata.json"
    )]
    DatasetteMetadata(datasette::Args),
    /// Print a shell completion script.
    #[command(
        after_help = "Examples:\n  chronik completions bash > ~/.local/share/bash-completion/completions/chronik\n  chronik completions zsh > ~/.zfunc/_chronik\n  chronik completions fish > ~/.config/fish/completions/chronik.fish"
    )]
    Completions(completions::Args),
}

/// How talkative a command is on stderr (`--quiet`, `--verbose`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Ui {
    pub quiet: bool,
    pub verbose: bool,
}

/// Failures that are the user's call to fix in how chronik was called.
#[derive(Debug, thiserror::Error)]
#[error("{0}")]
pub struct UsageError(pub String);

/// Parses arguments, runs, and maps the outcome to an exit code: 0 success,
/// 1 failure (or some files failed), 2 usage errors. A closed pipe
/// (`chronik export articles | head`) is a normal end.
pub fn main() -> ExitCode {
    let cli = Cli::parse();
    match run(cli) {
        Ok(code) => code,
        Err(err) => {
            if is_broken_pipe(&err) {
                return ExitCode::SUCCESS;
            }
            eprintln!("chronik: {}", message(&err));
            let usage = err.downcast_ref::<UsageError>().is_some()
                || err
                    .downcast_ref::<crate::query::QueryError>()
                    .is_some_and(|e| e.is_usage())
                || err
                    .downcast_ref::<crate::query::search::SearchError>()
                    .is_some_and(|e| e.is_usage());
            ExitCode::from(if usage { 2 } else { 1 })
        }
    }
}

/// The error and its causes, each said once: many errors repeat their
/// cause in their own message (`{path}: {source}`).
fn message(err: &anyhow::Error) -> String {
    let mut msg = String::new();
    for cause in err.chain() {
        let text = cause.to_string();
        if msg.contains(&text) {
            continue;
        }
        if !msg.is_empty() {
            msg.push_str(": ");
        }
        msg.push_str(&text);
    }
    msg
}

fn is_broken_pipe(err: &anyhow::Error) -> bool {
    err.chain().any(broken_pipe)
}

/// A broken pipe anywhere inside `e`, also wrapped in csv or io errors.
fn broken_pipe(e: &(dyn std::error::Error + 'static)) -> bool {
    if let Some(io) = e.downcast_ref::<std::io::Error>() {
        return io.kind() == std::io::ErrorKind::BrokenPipe
            || io.get_ref().is_some_and(|inner| broken_pipe(inner));
    }
    if let Some(c) = e.downcast_ref::<csv::Error>() {
        return matches!(c.kind(), csv::ErrorKind::Io(io) if io.kind() == std::io::ErrorKind::BrokenPipe);
    }
    e.source().is_some_and(broken_pipe)
}

/// Runs one parsed command.
pub fn run(cli: Cli) -> anyhow::Result<ExitCode> {
    let ui = Ui {
        quiet: cli.quiet,
        verbose: cli.verbose,
    };
    match cli.command {
        Command::Import(args) => import::run(&cli.db, args, ui),
        Command::Migrate(args) => migrate::run(&cli.db, args),
        Command::Query(args) => query::run(&cli.db, args),
        Command::Search(args) => search::run(&cli.db, args, ui),
        Command::Export(args) => export::run(&cli.db, args, ui),
        Command::Sql(args) => sql::run(&cli.db, args),
        Command::Reindex(args) => reindex::run(&cli.db, args),
        Command::Stats(args) => stats::run(&cli.db, args),
        Command::DatasetteMetadata(args) => datasette::run(&cli.db, args),
        Command::Completions(args) => completions::run(args),
        Command::Backup(args) => backup::run(&cli.db, args),
    }
}

/// Opens the archive for a command, with the path in any error.
fn open(db: &std::path::Path, access: Access) -> anyhow::Result<rusqlite::Connection> {
    Ok(archive::open(db, access)?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_cause_repeated_in_its_error_is_said_once() {
        let err = anyhow::Error::from(archive::ArchiveError::Io {
            path: "x.db".into(),
            source: std::io::Error::from(std::io::ErrorKind::PermissionDenied),
        });
        assert_eq!(
            message(&err),
            "x.db: cannot read the file: permission denied"
        );
        let err = err.context("stats failed");
        assert_eq!(
            message(&err),
            "stats failed: x.db: cannot read the file: permission denied"
        );
    }
}
