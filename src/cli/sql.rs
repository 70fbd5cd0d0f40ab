use std::path::Path;
use std::process::ExitCode;

use crate::archive::Access;
use crate::query::output::{self, CsvOptions, Format};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// One SQL statement; anything that would write is refused.
    query: String,
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

pub fn run(db: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let conn = super::open(db, Access::ReadOnly)?;
    let rows = crate::query::run_user_sql(&conn, &args.query)?;
    output::write(
        &rows,
        args.format,
        CsvOptions::default(),
        &mut std::io::stdout().lock(),
    )?;
    Ok(ExitCode::SUCCESS)
}
