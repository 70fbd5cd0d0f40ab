use std::path::{Path, PathBuf};
use std::process::ExitCode;

use crate::archive::{backup, Access};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The file to write the copy to (a new file unless --force).
    file: PathBuf,
    /// Replace FILE if it exists.
    #[arg(long)]
    force: bool,
}

pub fn run(db: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let conn = super::open(db, Access::ReadOnly)?;
    let s = backup::backup(&conn, db, &args.file, args.force)?;
    println!(
        "backed up {} articles to {} ({} bytes)",
        s.articles,
        args.file.display(),
        s.bytes
    );
    Ok(ExitCode::SUCCESS)
}
