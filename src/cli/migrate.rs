use std::path::Path;
use std::process::ExitCode;

use crate::archive::{self, Access};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// List applied and pending migrations instead of applying them.
    #[arg(long)]
    status: bool,
}

pub fn run(db: &Path, args: Args) -> anyhow::Result<ExitCode> {
    if !args.status {
        super::open(db, Access::ReadWrite)?;
    }
    for m in archive::status(db)? {
        match &m.applied_on {
            Some(when) => println!("V{}__{}\tapplied\t{when}", m.version, m.name),
            None => println!("V{}__{}\tpending", m.version, m.name),
        }
    }
    Ok(ExitCode::SUCCESS)
}
