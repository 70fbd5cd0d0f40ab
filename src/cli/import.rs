use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::archive::Access;
use crate::import::{self, Options, Outcome};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files and directories to import (directories recursively, *.txt).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Skip files larger than this many bytes.
    #[arg(long, default_value_t = import::DEFAULT_MAX_BYTES)]
    max_bytes: u64,
    /// Print only failures and the summary.
    #[arg(long, short)]
    quiet: bool,
    /// Print a line for every file.
    #[arg(long, short)]
    verbose: bool,
}

pub fn run(db: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let mut conn = super::open(db, Access::ReadWrite)?;
    let options = Options {
        max_bytes: args.max_bytes,
    };
    let summary = import::run(
        &mut conn,
        &args.paths,
        &options,
        |path, outcome| match outcome {
            Outcome::Failed { reason } => eprintln!("chronik: {}: {reason}", path.display()),
            Outcome::Duplicate { of } if !args.quiet => {
                eprintln!(
                    "chronik: {}: same text as {of}; not imported again",
                    path.display()
                )
            }
            other if args.verbose => eprintln!("{}: {}", path.display(), describe(other)),
            _ => {}
        },
        |problem| eprintln!("chronik: {problem}"),
    )?;
    println!("{summary}");
    Ok(if summary.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

fn describe(o: &Outcome) -> &'static str {
    match o {
        Outcome::Imported => "imported",
        Outcome::Updated => "updated",
        Outcome::Unchanged => "unchanged",
        Outcome::Duplicate { .. } => "duplicate",
        Outcome::Failed { .. } => "failed",
    }
}
