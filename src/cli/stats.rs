use std::path::Path;
use std::process::ExitCode;

use rusqlite::types::Value;

use crate::archive::Access;
use crate::query::output::{self, CsvOptions, Format};
use crate::query::Rows;

#[derive(Debug, clap::Args)]
pub struct Args {
    #[arg(long, value_enum, default_value_t = Format::Table)]
    format: Format,
}

pub fn run(db: &Path, args: Args) -> anyhow::Result<ExitCode> {
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
    output::write(
        &rows,
        args.format,
        CsvOptions::default(),
        &mut std::io::stdout().lock(),
    )?;
    Ok(ExitCode::SUCCESS)
}
