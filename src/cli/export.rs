use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::ExitCode;

use anyhow::Context;

use crate::archive::Access;
use crate::query::output::write_csv;
use crate::query::{self as q};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// A table or canned query.
    #[arg(required_unless_present = "all", conflicts_with = "all")]
    name: Option<String>,
    /// Write to this file (atomically) instead of standard output.
    #[arg(long, conflicts_with = "all")]
    out: Option<PathBuf>,
    /// Export every table and every canned query without parameters.
    #[arg(long, requires = "dir")]
    all: bool,
    /// The directory for --all.
    #[arg(long)]
    dir: Option<PathBuf>,
    #[command(flatten)]
    csv: super::output::CsvArgs,
    /// A parameter of the canned query, as KEY=VALUE (repeatable).
    #[arg(long = "param", short = 'p', value_name = "KEY=VALUE")]
    params: Vec<String>,
}

pub fn run(db: &Path, args: Args, ui: super::Ui) -> anyhow::Result<ExitCode> {
    let conn = super::open(db, Access::ReadOnly)?;
    let opts = args.csv.options();
    if args.all {
        let dir = args.dir.unwrap_or_default();
        std::fs::create_dir_all(&dir).with_context(|| {
            format!(
                "{}: cannot create the directory; choose another --dir",
                dir.display()
            )
        })?;
        let mut names: Vec<String> = q::TABLES.iter().map(|t| t.0.to_string()).collect();
        names.extend(
            q::catalog(&conn)?
                .into_iter()
                .filter(|c| c.params.is_empty() && c.name != "import_runs")
                .map(|c| c.name),
        );
        for name in &names {
            let rows = q::run_named(&conn, name, &[])?;
            let path = dir.join(format!("{name}.csv"));
            write_atomically(&path, |w| write_csv(&rows, opts, w))?;
            if ui.verbose {
                eprintln!("{}: {} rows", path.display(), rows.rows.len());
            }
        }
        if !ui.quiet {
            eprintln!("wrote {} files to {}", names.len(), dir.display());
        }
        return Ok(ExitCode::SUCCESS);
    }
    let name = args.name.unwrap_or_default();
    let params = q::parse_params(&args.params)?;
    let rows = q::run_named(&conn, &name, &params)?;
    match args.out {
        Some(path) => write_atomically(&path, |w| write_csv(&rows, opts, w))?,
        None => write_csv(&rows, opts, &mut std::io::stdout().lock())?,
    }
    Ok(ExitCode::SUCCESS)
}

/// Writes through a temporary file in the same directory and renames it into
/// place, so a reader never sees half a file.
fn write_atomically(
    path: &Path,
    fill: impl FnOnce(&mut dyn Write) -> std::io::Result<()>,
) -> anyhow::Result<()> {
    let dir = path
        .parent()
        .filter(|p| !p.as_os_str().is_empty())
        .unwrap_or(Path::new("."));
    if path.is_dir() {
        anyhow::bail!(
            "{}: a directory; give --out a file name, or use --all --dir for a directory",
            path.display()
        );
    }
    if !dir.is_dir() {
        anyhow::bail!(
            "{}: the directory {} does not exist; create it first",
            path.display(),
            dir.display()
        );
    }
    let mut tmp = tempfile::NamedTempFile::new_in(dir).with_context(|| {
        format!(
            "{}: cannot create a temporary file in {}",
            path.display(),
            dir.display()
        )
    })?;
    {
        let mut buf = std::io::BufWriter::new(tmp.as_file_mut());
        fill(&mut buf).with_context(|| format!("{}: writing failed", path.display()))?;
        buf.flush()?;
    }
    tmp.persist(path).with_context(|| {
        format!(
            "{}: cannot move the finished file into place",
            path.display()
        )
    })?;
    Ok(())
}
