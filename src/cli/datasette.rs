use std::io::Write;
use std::path::Path;
use std::process::ExitCode;

use crate::archive::Access;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The database name Datasette serves the archive under [default: the --db file name without extension].
    #[arg(long)]
    name: Option<String>,
}

pub fn run(db: &Path, args: Args) -> anyhow::Result<ExitCode> {
    let conn = super::open(db, Access::ReadOnly)?;
    let name = args.name.unwrap_or_else(|| {
        db.file_stem()
            .map_or_else(|| "chronik".into(), |s| s.to_string_lossy().into_owned())
    });
    let meta = crate::query::datasette::metadata(&conn, &name)?;
    // Rendered first, so a closed pipe surfaces as the io::Error main() expects.
    let text = serde_json::to_string_pretty(&meta)?;
    writeln!(std::io::stdout().lock(), "{text}")?;
    Ok(ExitCode::SUCCESS)
}
