use std::io::IsTerminal;
use std::path::{Path, PathBuf};
use std::process::ExitCode;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::sync::Arc;

use anyhow::Context;

use indicatif::{ProgressBar, ProgressDrawTarget, ProgressStyle};

use crate::import::{self, Options, Outcome};

use super::Ui;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Files and directories to import (directories recursively, *.txt).
    #[arg(required = true)]
    paths: Vec<PathBuf>,
    /// Skip files larger than this many bytes.
    #[arg(long, default_value_t = import::DEFAULT_MAX_BYTES)]
    max_bytes: u64,
    /// Commit after at most this many files (and at least every second);
    /// a killed import loses at most the files since the last commit.
    #[arg(long, default_value_t = import::DEFAULT_COMMIT_EVERY as u64,
          value_parser = clap::value_parser!(u64).range(1..))]
    commit_every: u64,
    /// Read and hash every file, also those whose size, modification time
    /// and manifest row match the archive (which are otherwise skipped
    /// unread).
    #[arg(long)]
    rehash: bool,
}

pub fn run(db: &Path, args: Args, ui: Ui) -> anyhow::Result<ExitCode> {
    let (stop, signal) = stop_on_signals()?;
    let (mut conn, _lock) = crate::archive::open_writer(db)?;
    let options = Options {
        max_bytes: args.max_bytes,
        commit_every: usize::try_from(args.commit_every).unwrap_or(usize::MAX),
        stop: Some(stop),
        rehash: args.rehash,
        ..Options::default()
    };
    let bar = progress_bar(!ui.quiet && std::io::stderr().is_terminal());
    // Lines go out around the bar, so it never tears them.
    let say = |line: String| bar.suspend(|| eprintln!("{line}"));
    let summary = import::run(
        &mut conn,
        &args.paths,
        &options,
        |path, outcome| {
            match outcome {
                Outcome::Failed { reason } => say(format!("chronik: {}: {reason}", path.display())),
                Outcome::Duplicate { of } if !ui.quiet => say(format!(
                    "chronik: {}: same text as {of}; not imported again",
                    path.display()
                )),
                other if ui.verbose => say(format!("{}: {}", path.display(), describe(other))),
                _ => {}
            }
            bar.inc(1);
        },
        |problem| say(format!("chronik: {problem}")),
        |n| bar.set_length(n as u64),
    )?;
    bar.finish_and_clear();
    println!("{summary}");
    if summary.interrupted {
        eprintln!(
            "chronik: interrupted; the files counted above are in the archive. Run the same import again to import the rest."
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

/// A bar on stderr when `show`, else one that draws nothing (stderr is a
/// file or pipe, or --quiet): logs then hold only what was said.
fn progress_bar(show: bool) -> ProgressBar {
    if !show {
        return ProgressBar::hidden();
    }
    let style =
        ProgressStyle::with_template("{bar:40} {pos}/{len} files, {elapsed} (about {eta} left)")
            .unwrap_or_else(|_| ProgressStyle::default_bar());
    ProgressBar::with_draw_target(Some(0), ProgressDrawTarget::stderr()).with_style(style)
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_bar_draws_only_when_asked() {
        assert!(progress_bar(false).is_hidden());
        // A bar for a terminal; under `cargo test` stderr is captured, so
        // indicatif itself may still hide it: only its setup is checked here.
        let bar = progress_bar(true);
        bar.set_length(3);
        bar.inc(1);
        assert_eq!((bar.position(), bar.length()), (1, Some(3)));
    }
}
