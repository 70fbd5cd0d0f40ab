//! Output formats for query results: a terminal table, CSV that opens cleanly
//! in Excel and LibreOffice, and JSON (an array of objects).
//!
//! CSV cells that a spreadsheet would run as a formula (starting with `=`,
//! `+`, `-`, `@`, a tab or a carriage return) get a leading `'` unless raw
//! output is asked for: an article quoting "=HYPERLINK(...)" must not become
//! a live formula in someone's spreadsheet. Numbers are never touched.

use std::io::Write;

use rusqlite::types::Value;

use super::Rows;

/// How to print rows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    Table,
    Csv,
    Json,
}

/// CSV settings.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CsvOptions {
    pub bom: bool,
    pub delimiter: u8,
    /// Leave formula-like cells as they are.
    pub raw: bool,
}

impl Default for CsvOptions {
    fn default() -> Self {
        CsvOptions {
            bom: false,
            delimiter: b',',
            raw: false,
        }
    }
}

/// Writes `rows` in `format`.
pub fn write(
    rows: &Rows,
    format: Format,
    csv: CsvOptions,
    out: &mut dyn Write,
) -> std::io::Result<()> {
    match format {
        Format::Table => write_table(rows, out),
        Format::Csv => write_csv(rows, csv, out),
        Format::Json => write_json(rows, out),
    }
}

/// The text of a value as it appears in a table or CSV cell.
pub fn cell(v: &Value) -> String {
    match v {
        Value::Null => String::new(),
        Value::Integer(i) => i.to_string(),
        Value::Real(f) => f.to_string(),
        Value::Text(s) => s.clone(),
        Value::Blob(b) => format!("<{} bytes>", b.len()),
    }
}

fn neutralise(v: &Value, raw: bool) -> String {
    let text = cell(v);
    if !raw && matches!(v, Value::Text(_)) && text.starts_with(['=', '+', '-', '@', '\t', '\r']) {
        format!("'{text}")
    } else {
        text
    }
}

pub fn write_csv(rows: &Rows, opts: CsvOptions, out: &mut dyn Write) -> std::io::Result<()> {
    if opts.bom {
        out.write_all(b"\xEF\xBB\xBF")?;
    }
    let mut w = csv::WriterBuilder::new()
        .delimiter(opts.delimiter)
        .terminator(csv::Terminator::CRLF)
        .from_writer(out);
    w.write_record(&rows.columns)?;
    for row in &rows.rows {
        w.write_record(row.iter().map(|v| neutralise(v, opts.raw)))?;
    }
    w.flush()
}

fn write_json(rows: &Rows, out: &mut dyn Write) -> std::io::Result<()> {
    let list: Vec<serde_json::Map<String, serde_json::Value>> = rows
        .rows
        .iter()
        .map(|row| {
            rows.columns
                .iter()
                .zip(row)
                .map(|(c, v)| {
                    let j = match v {
                        Value::Null => serde_json::Value::Null,
                        Value::Integer(i) => (*i).into(),
                        Value::Real(f) => serde_json::Number::from_f64(*f)
                            .map_or(serde_json::Value::Null, serde_json::Value::Number),
                        Value::Text(s) => s.clone().into(),
                        Value::Blob(b) => format!("<{} bytes>", b.len()).into(),
                    };
                    (c.clone(), j)
                })
                .collect()
        })
        .collect();
    serde_json::to_writer_pretty(&mut *out, &list)?;
    writeln!(out)
}

fn write_table(rows: &Rows, out: &mut dyn Write) -> std::io::Result<()> {
    let mut t = comfy_table::Table::new();
    t.load_preset(comfy_table::presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(comfy_table::ContentArrangement::Dynamic)
        .set_header(&rows.columns);
    if let Some((w, _)) = terminal_width() {
        t.set_width(w);
    }
    for row in &rows.rows {
        t.add_row(row.iter().map(|v| {
            let s = cell(v);
            if s.chars().count() > 200 {
                format!("{}…", s.chars().take(199).collect::<String>())
            } else {
                s
            }
        }));
    }
    writeln!(out, "{t}")?;
    writeln!(out, "({} rows)", rows.rows.len())
}

fn terminal_width() -> Option<(u16, u16)> {
    let cols = std::env::var("COLUMNS").ok()?.parse().ok()?;
    Some((cols, 0))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rows() -> Rows {
        Rows {
            columns: vec!["name".into(), "n".into()],
            rows: vec![
                vec![Value::Text("=HYPERLINK(\"x\")".into()), Value::Integer(-3)],
                vec![Value::Text("Pjöngjang; \"Nord\"".into()), Value::Null],
            ],
        }
    }

    #[test]
    fn csv_neutralises_formulas_but_not_numbers() {
        let mut out = Vec::new();
        write_csv(&rows(), CsvOptions::default(), &mut out).unwrap();
        let text = String::from_utf8(out).unwrap();
        assert_eq!(
            text,
            "name,n\r\n\"'=HYPERLINK(\"\"x\"\")\",-3\r\n\"Pjöngjang; \"\"Nord\"\"\",\r\n"
        );
    }

    #[test]
    fn csv_bom_delimiter_and_raw() {
        let mut out = Vec::new();
        let opts = CsvOptions {
            bom: true,
            delimiter: b';',
            raw: true,
        };
        write_csv(&rows(), opts, &mut out).unwrap();
        assert!(out.starts_with(b"\xEF\xBB\xBFname;n\r\n\"=HYPERLINK"));
        let back: Vec<csv::StringRecord> = csv::ReaderBuilder::new()
            .delimiter(b';')
            .from_reader(&out[3..])
            .records()
            .collect::<Result<_, _>>()
            .unwrap();
        assert_eq!(&back[1][0], "Pjöngjang; \"Nord\"");
    }

    #[test]
    fn json_is_an_array_of_objects() {
        let mut out = Vec::new();
        write(&rows(), Format::Json, CsvOptions::default(), &mut out).unwrap();
        let v: serde_json::Value = serde_json::from_slice(&out).unwrap();
        assert_eq!(v[0]["n"], -3);
        assert_eq!(v[1]["name"], "Pjöngjang; \"Nord\"");
        assert!(v[1]["n"].is_null());
    }
}
