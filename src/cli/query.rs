use std::path::Path;
use std::process::ExitCode;

use crate::archive::Access;
use crate::query::{self as q};

#[derive(Debug, clap::Args)]
pub struct Args {
    /// The canned query to run (see --list).
    #[arg(required_unless_present = "list")]
    name: Option<String>,
    /// List the canned queries: name, title, parameters.
    #[arg(long, conflicts_with = "name")]
    list: bool,
    /// A parameter, as KEY=VALUE (repeatable).
    #[arg(long = "param", short = 'p', value_name = "KEY=VALUE")]
    params: Vec<String>,
    /// Only the first N rows (in the query's order).
    #[arg(long, value_name = "N")]
    limit: Option<u64>,
    #[command(flatten)]
    output: super::output::OutputArgs,
}

pub fn run(db: &Path, args: Args) -> anyhow::Result<ExitCode> {
    args.output.check()?;
    let conn = super::open(db, Access::ReadOnly)?;
    if args.list {
        let mut out = std::io::stdout().lock();
        for c in q::catalog(&conn)? {
            let params = if c.params.is_empty() {
                String::new()
            } else {
                format!(
                    " [{}]",
                    c.params
                        .iter()
                        .map(|p| format!("--param {p}=…"))
                        .collect::<Vec<_>>()
                        .join(" ")
                )
            };
            use std::io::Write;
            writeln!(out, "{}\t{}{}", c.name, c.title, params)?;
        }
        return Ok(ExitCode::SUCCESS);
    }
    let name = args.name.unwrap_or_default();
    let params = q::parse_params(&args.params)?;
    let catalog = q::catalog(&conn)?;
    let Some(canned) = catalog.iter().find(|c| c.name == name) else {
        return Err(q::QueryError::Unknown {
            name,
            known: catalog
                .iter()
                .map(|c| c.name.as_str())
                .collect::<Vec<_>>()
                .join(", "),
        }
        .into());
    };
    let rows = q::run_canned(&conn, canned, &params, args.limit)?;
    args.output.print(&rows)?;
    Ok(ExitCode::SUCCESS)
}
