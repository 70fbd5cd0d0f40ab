use std::path::Path;
use std::process::ExitCode;

use rusqlite::types::Value;

use crate::archive::Access;
use crate::query::output::Format;
use crate::query::search::{search, snippet::render, RANKED_NEWEST};
use crate::query::Rows;

#[derive(Debug, clap::Args)]
pub struct Args {
    /// Words to find; several arguments are one query. See the syntax below.
    #[arg(required = true, value_name = "TEXT")]
    text: Vec<String>,
    /// Show at most this many articles.
    #[arg(long, default_value_t = 20, value_parser = clap::value_parser!(u32).range(1..))]
    limit: u32,
    /// Rank every matching article, not only the 2,000 newest (slower for
    /// words found in most articles).
    #[arg(long)]
    all: bool,
    #[command(flatten)]
    output: super::output::OutputArgs,
}

pub fn run(db: &Path, args: Args, ui: super::Ui) -> anyhow::Result<ExitCode> {
    args.output.check()?;
    let conn = super::open(db, Access::ReadOnly)?;
    let ranked = (!args.all).then_some(RANKED_NEWEST);
    let found = search(&conn, &args.text.join(" "), args.limit, ranked)?;
    if found.capped && !ui.quiet {
        eprintln!(
            "chronik: more than {RANKED_NEWEST} articles match; the {RANKED_NEWEST} newest were ranked (--all ranks every match)"
        );
    }
    let hits = found.hits;
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
