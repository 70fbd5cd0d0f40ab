use std::path::Path;
use std::process::ExitCode;

use rusqlite::types::Value;

use crate::archive::Access;
use crate::query::Rows;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[command(flatten)]
    output: super::output::OutputArgs,
}

pub fn run(db: &Path, args: Args) -> anyhow::Result<ExitCode> {
    args.output.check()?;
    let conn = super::open(db, Access::ReadOnly)?;
    let stats = crate::store::stats(&conn)?;
    let size = std::fs::metadata(db).map(|m| m.len()).unwrap_or(0);
    let mut rows = Rows {
        columns: vec!["item".into(), "value".into()],
        rows: stats
            .into_iter()
            .map(|(t, n)| vec![Value::Text(t), Value::Integer(n)])
            .collect(),
    };
    rows.rows.push(vec![
        Value::Text("schema_version".into()),
        Value::Integer(crate::store::schema_version(&conn)?),
    ]);
    rows.rows.push(vec![
        Value::Text("file_bytes".into()),
        Value::Integer(size as i64),
    ]);
    args.output.print(&rows)?;
    Ok(ExitCode::SUCCESS)
}
