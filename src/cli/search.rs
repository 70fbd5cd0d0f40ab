use std::path::Path;
use std::process::ExitCode;

use rusqlite::types::Value;

use crate::archive::Access;
use crate::query::output::Format;
use crate::query::search::{search, snippet::render};
use crate::query::Rows;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Words to find; several arguments are one query. See the syntax below.
    #[arg(required = true, value_name = "TEXT")]
    text: Vec<String>,
    /// Show at most this many articles.
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..))]
    limit: u32,
    #[command(flatten)]
    output: super::output::OutputArgs,
}

pub fn run(db: &Path, args: Args) -> anyhow::Result<ExitCode> {
    args.output.check()?;
    let conn = super::open(db, Access::ReadOnly)?;
    let hits = search(&conn, &args.text.join(" "), args.limit)?;
    // JSON is read by programs that may render Markdown; brackets read well everywhere else.
    let (open, close) = match args.output.format {
        Format::Json => ("**", "**"),
        Format::Table | Format::Csv => ("[", "]"),
    };
    let text = |s: Option<String>| s.map_or(Value::Null, Value::Text);
    let rows = Rows {
        columns: ["article_id", "published_on", "outlet", "title", "snippet"]
            .map(String::from)
            .to_vec(),
        rows: hits
            .into_iter()
            .map(|h| {
                vec![
                    Value::Integer(h.article_id),
                    text(h.published_on),
                    text(h.outlet),
                    text(h.title),
                    Value::Text(render(&h.snippet, open, close)),
                ]
            })
            .collect(),
    };
    args.output.print(&rows)?;
    Ok(ExitCode::SUCCESS)
}
