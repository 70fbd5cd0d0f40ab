use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

use anyhow::Context;

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
    let (stop, signal) = stop_on_signals()?;
    let (mut conn, _lock) = crate::archive::open_writer(db)?;
    let options = Options {
        max_bytes: args.max_bytes,
        stop: Some(stop),
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
    if summary.interrupted {
        eprintln!(
            "chronik: interrupted; the file in progress was rolled back, the files counted above are in the archive. Run the same import again to import the rest."
        );
        // The shell convention for "ended by signal N".
        let signal = u8::try_from(signal.load(Ordering::SeqCst)).unwrap_or(0);
        return Ok(ExitCode::from(128u8.saturating_add(signal)));
    }
    Ok(if summary.failed > 0 {
        ExitCode::from(1)
    } else {
        ExitCode::SUCCESS
    })
}

/// Ctrl-C (SIGINT) or SIGTERM asks the import to stop after rolling back the
/// file in progress; a second one ends the process at once, which loses no
/// more than that file either (WAL). Returns the stop flag and the number of
/// the signal that set it.
fn stop_on_signals() -> anyhow::Result<(Arc<AtomicBool>, Arc<AtomicUsize>)> {
    use signal_hook::consts::{SIGINT, SIGTERM};
    let stop = Arc::new(AtomicBool::new(false));
    let which = Arc::new(AtomicUsize::new(0));
    for sig in [SIGINT, SIGTERM] {
        // Registered first, so it sees the flag as it was before this signal.
        signal_hook::flag::register_conditional_shutdown(sig, 128 + sig, Arc::clone(&stop))
            .and_then(|_| signal_hook::flag::register_usize(sig, Arc::clone(&which), sig as usize))
            .and_then(|_| signal_hook::flag::register(sig, Arc::clone(&stop)))
            .context("cannot install the Ctrl-C handler")?;
    }
    Ok((stop, which))
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
