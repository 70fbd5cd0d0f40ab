//! The output flags every command that prints rows shares: `--format`, and
//! the CSV settings `--bom`, `--delimiter` and `--raw`, so a spreadsheet gets
//! the same safe CSV from `query`, `sql`, `search` and `stats` as from `export`.

use std::io::Write;

use crate::query::output::{self, CsvOptions, Format};
use crate::query::Rows;

use super::UsageError;

/// `--bom`, `--delimiter`, `--raw`.
#[derive(Debug, Clone, clap::Args)]
pub struct CsvArgs {
    /// CSV: start with a UTF-8 byte-order mark, for Excel.
    #[arg(long)]
    pub bom: bool,
    /// CSV: field delimiter, one ASCII character (';' suits German Excel) [default: ,].
    #[arg(long, value_parser = parse_delimiter)]
    pub delimiter: Option<u8>,
    /// CSV: keep cells that look like spreadsheet formulas (=, +, -, @) as they are.
    #[arg(long)]
    pub raw: bool,
}

impl CsvArgs {
    pub fn options(&self) -> CsvOptions {
        CsvOptions {
            bom: self.bom,
            delimiter: self.delimiter.unwrap_or(b','),
            raw: self.raw,
        }
    }

    /// The CSV flags given, by name.
    fn given(&self) -> Vec<&'static str> {
        [
            (self.bom, "--bom"),
            (self.delimiter.is_some(), "--delimiter"),
            (self.raw, "--raw"),
        ]
        .into_iter()
        .filter_map(|(set, name)| set.then_some(name))
        .collect()
    }
}

fn parse_delimiter(s: &str) -> Result<u8, String> {
    match s.as_bytes() {
        [b] if b.is_ascii() && *b != b'"' && *b != b'\n' && *b != b'\r' => Ok(*b),
        _ => Err(format!(
            "`{s}` is not one ASCII character other than a quote or line break; try ';' or ','"
        )),
    }
}

/// `--format` plus the CSV flags.
#[derive(Debug, Clone, clap::Args)]
pub struct OutputArgs {
    /// Output format: a table that fits the terminal, CSV, or JSON (an array of objects).
    #[arg(long, value_enum, default_value_t = Format::Table)]
    pub format: Format,
    #[command(flatten)]
    pub csv: CsvArgs,
}

impl OutputArgs {
    /// Refuses CSV flags without `--format csv`: they would silently do nothing.
    pub fn check(&self) -> Result<(), UsageError> {
        let given = self.csv.given();
        if self.format != Format::Csv && !given.is_empty() {
            return Err(UsageError(format!(
                "{} only {} CSV output; add --format csv",
                given.join(", "),
                if given.len() == 1 { "shapes" } else { "shape" }
            )));
        }
        Ok(())
    }

    /// Prints `rows` to standard output.
    pub fn print(&self, rows: &Rows) -> anyhow::Result<()> {
        let mut out = std::io::stdout().lock();
        output::write(rows, self.format, self.csv.options(), &mut out)?;
        out.flush()?;
        Ok(())
    }
}
