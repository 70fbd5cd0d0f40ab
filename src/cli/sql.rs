use std::path::Path;
use std::process::ExitCode;

use crate::archive::Access;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// One SQL statement; anything that would write is refused.
    query: String,
    #[command(flatten)]
    output: super::output::OutputArgs,
}

pub fn run(db: &Path, args: Args) -> anyhow::Result<ExitCode> {
    args.output.check()?;
    let conn = super::open(db, Access::ReadOnly)?;
    let rows = crate::query::run_user_sql(&conn, &args.query)?;
    args.output.print(&rows)?;
    Ok(ExitCode::SUCCESS)
}
