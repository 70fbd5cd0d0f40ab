use std::path::Path;
use std::process::ExitCode;

use anyhow::Context;

#[derive(Debug, clap::Args)]
pub struct Args {}

pub fn run(db: &Path, _args: Args) -> anyhow::Result<ExitCode> {
    let (mut conn, _lock) = crate::archive::open_writer(db)?;
    let s = crate::reindex::run(&mut conn)
        .with_context(|| format!("{}: reindex failed; the archive is unchanged", db.display()))?;
    println!(
        "reindexed {} articles: {} entities, {} mentions, {} events",
        s.articles, s.entities, s.mentions, s.events
    );
    Ok(ExitCode::SUCCESS)
}
